// Times the bedside computation through the library, in one process:
//
// 1. loading the built-in evidence base (once per process; compiled-in Swift
//    values, and the built-in signs' simulations registered);
// 2. the bedside query: both Langdon signs positive at the default preset,
//    every estimate DxKit reports (independence product, 20,000 Monte Carlo
//    draws, Fréchet dependence range, gate), each run with a new seed so that
//    the draws are run every time (the cost of a query on signs whose
//    simulation was not precomputed, or with other settings);
// 3. the same query at a new pretest probability each time, with the default
//    seed: the simulation precomputed when the library was built is used and
//    only the pretest changes (the cost of the bedside query on the built-in
//    evidence, and per patient in a referral batch);
// 4. the referral pathway for one patient with a new pretest each time.
//
// Prints the median and fastest wall time of each, in milliseconds, and the
// median processor time of a run summed over its threads (what the run cost
// the machine; less sensitive than wall time to other programs' load).
// Usage: swift run -c release --package-path Benchmarks/BedsideBenchmark [repetitions]
// (If SwiftPM reports missing DxKit sources after files were added or removed
// there, delete Benchmarks/BedsideBenchmark/.build/release.yaml and rebuild.)
import DxEvidence
import DxReferral
import DxStats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let repetitions = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 200
let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e3 + Double(attoseconds) * 1e-15
}

/// The processor time of the whole process so far (every thread), in milliseconds.
func processorMilliseconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) * 1e3 + Double(now.tv_nsec) * 1e-6
}

/// Runs `body` `repetitions` times (after one warm-up run) and prints the
/// median and fastest wall time and the median processor time.
func measure(_ name: String, repetitions: Int, _ body: (Int) throws -> Void) rethrows {
    try body(-1)
    var times: [Double] = [], processor: [Double] = []
    times.reserveCapacity(repetitions)
    processor.reserveCapacity(repetitions)
    for repetition in 0..<repetitions {
        let start = clock.now, startProcessor = processorMilliseconds()
        try body(repetition)
        times.append(milliseconds(clock.now - start))
        processor.append(processorMilliseconds() - startProcessor)
    }
    times.sort()
    processor.sort()
    print(
        "\(name): median \(format(times[times.count / 2])) ms, fastest \(format(times[0])) ms, "
            + "processor time \(format(processor[processor.count / 2])) ms (\(repetitions) runs)")
}

func format(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    return "\(rounded)"
}

// 1. The evidence base, once.
let loadStart = clock.now
let evidence = try EvidenceBase.builtIn()
print("evidence base (built-in, first load): \(format(milliseconds(clock.now - loadStart))) ms")

let pretest = try evidence.resolvePretest(nil)
let findings: [CombinedPostTest.Finding] = try ["closed-fist-percussion", "supine-sign"].map { id in
    .init(try SignAccuracy(name: id, table: evidence.diagnosticStudy(id).table), .positive)
}
var checksum = 0.0

// 2. The bedside query, a new simulation every time.
try measure("bedside query, new simulation (20,000 draws)", repetitions: repetitions) { repetition in
    let settings = try MonteCarloSettings(draws: 20_000, seed: SeededRandomSource.defaultSeed &+ UInt64(repetition + 2))
    let estimate = try CombinedPostTest(pretest: pretest.probability, findings: findings, monteCarlo: settings)
    checksum += estimate.gate.lower
}

// 3. The bedside query at a new pretest: the simulation is reused.
try measure("bedside query, new pretest (simulation precomputed at build time)", repetitions: repetitions * 10) { repetition in
    let estimate = try CombinedPostTest(pretest: 0.05 + 0.9 * Double(repetition + 1) / Double(repetitions * 10 + 1), findings: findings)
    checksum += estimate.gate.lower
}

// 4. The referral pathway for one patient, a new pretest each time.
let engine = ReferralEngine(evidence: evidence)
try measure("referral, one patient with a new pretest", repetitions: repetitions * 10) { repetition in
    var patient = Patient(weeksSinceOnset: 2)
    for flag in PatientInput.redFlags { patient.set(flag, .no) }
    patient.highEnergyTrauma = .no
    patient.closedFistPercussion = .positive
    patient.supineSign = .positive
    patient.pretest = "\(0.05 + 0.9 * Double(repetition + 2) / Double(repetitions * 10 + 3))"
    checksum += Double(try engine.evaluate(patient).recommendations.count)
}
print("(checksum \(checksum))")
