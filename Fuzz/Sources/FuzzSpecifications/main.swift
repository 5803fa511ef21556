// The libFuzzer target; see Fuzz/Package.swift and scripts/fuzz.sh.
import DxEvidence
import DxStats
import FuzzDriver

// What people type: --sign, --pretest (numbers, odds, presets, grids),
// --level, --gate, counts and decimal numbers. Invariants: every accepted
// probability is finite, in [0, 1] and never -0; accepted levels are in the
// usable range; no crash.
let base = try! EvidenceBase.builtIn()

runFuzzer { data in
    let text = String(decoding: data, as: UTF8.self)
    if let value = DecimalNumber.parse(text) {
        require(value.isFinite && !(value == 0 && value.sign == .minus), "decimal \(value)")
    }
    if let probability = try? PretestProbability.parse(text) {
        require(probability.isFinite && probability >= 0 && probability <= 1 && probability.sign == .plus, "probability \(probability)")
    }
    if let resolved = try? base.resolvePretest(text) {
        require(resolved.probability >= 0 && resolved.probability <= 1, "pretest \(resolved.probability)")
    }
    if let level = try? ConfidenceLevel(parsing: text) {
        require(ConfidenceLevel.usableRange.contains(level.value) && level.z.isFinite, "level \(level.value)")
    }
    _ = try? GateDecision.Thresholds(parsing: text)
    _ = try? TwoByTwoTable.count(parsing: text, name: "tp")
    if PretestGrid.isGrid(text), let values = try? PretestGrid.values(text, name: "--pretest", maximumCount: 2000) {
        require(values.allSatisfy { $0 >= 0 && $0 <= 1 }, "grid values")
    }
    for requireResult in [true, false] {
        if let specification = try? SignSpecification(parsing: text, requireResult: requireResult),
            let (sign, _) = try? specification.resolve(in: base)
        {
            let result = specification.result ?? .positive
            if let combined = try? CombinedPostTest(
                pretest: 0.3, findings: [.init(sign, result)], monteCarlo: try! MonteCarloSettings(draws: 1000))
            {
                for value in [combined.posttest.estimate, combined.posttest.lower, combined.posttest.upper] {
                    if let number = value.finiteValue { require(number >= 0 && number <= 1, "post-test \(number)") }
                }
            }
        }
    }
}
