import Foundation
import Testing

@testable import DxEvidence
@testable import DxReferral
@testable import DxStats

/// Every hazard of referral-pathway.md version 2 as an invariant, tested as
/// its "Hazards" section says: over the whole product of the yes/no/unknown
/// inputs (3¹⁰ = 59,049 combinations), with each other dimension in turn
/// varied against that product, plus a seeded random sample of 100,000
/// complete patients. "A red flag that lowers care" compares each product
/// member with the member that has one red flag turned to yes.
@Suite("Safety invariants over the whole grid")
struct SafetyInvariantTests {
    static let engine = ReferralEngine(evidence: try! EvidenceBase.builtIn())

    /// One setting of the inputs that are not yes/no/unknown.
    struct Setting: Sendable, CustomTestStringConvertible {
        var dimension: String
        var weeks = 13.0
        var mri = Patient.MRIState.unavailable
        var percussion = Patient.SignResult.positive
        var supine = Patient.SignResult.negative
        var severity = Patient.PainSeverity.score(8)
        var trajectory = Patient.PainTrajectory.worsening
        var analgesiaPersists = true
        var subsided = false
        var levels = ["L2"]
        var pretest: String?
        var age: Double?
        var testDescription: String { dimension }
    }

    static let weeks: [Double] = [0, 0.5, 1, 2, 3, 5, 6, 7, 8, 9, 12, 13, 26]

    /// The base setting, then each other dimension of the specification in turn: weeks, every MRI
    /// state, every value of each sign, pain severity and trajectory (with unknown), the pretest presets
    /// about the signs' target (and typed numbers); then the inputs the specification adds (analgesia,
    /// subsided pain, level, age), and the within-5-days corner.
    static let settings: [Setting] = {
        var settings = [Setting(dimension: "base")]
        settings += weeks.filter { $0 != 13 }.map { Setting(dimension: "weeks \($0)", weeks: $0) }
        settings += Patient.MRIState.allCases.filter { $0 != .unavailable }.map { Setting(dimension: "MRI \($0)", mri: $0) }
        settings += Patient.SignResult.allCases.filter { $0 != .positive }.map { Setting(dimension: "percussion \($0)", percussion: $0) }
        settings += Patient.SignResult.allCases.filter { $0 != .negative }.map { Setting(dimension: "supine \($0)", supine: $0) }
        let severities: [Patient.PainSeverity] = [.unknown, .mild, .moderate, .severe]
        settings += severities.map { Setting(dimension: "pain \($0.description)", severity: $0) }
        settings += Patient.PainTrajectory.allCases.filter { $0 != .worsening }.map { Setting(dimension: "trajectory \($0)", trajectory: $0) }
        settings += ["suspected-acute-vcf", "0.05", "0.9"].map { (text: String) in Setting(dimension: "pretest " + text, pretest: text) }
        settings.append(Setting(dimension: "analgesia not tried", analgesiaPersists: false))
        settings.append(Setting(dimension: "pain subsided", severity: .mild, trajectory: .improving, analgesiaPersists: false, subsided: true))
        settings += [["L4"], ["L1", "L2"]].map { Setting(dimension: "levels \($0)", levels: $0) }
        settings += [45.0, 85].map { (years: Double) in Setting(dimension: "age \(years)", age: years) }
        settings.append(
            Setting(
                dimension: "5 days, both signs positive", weeks: 5.0 / 7, supine: .positive, severity: .score(6), trajectory: .unchanged,
                analgesiaPersists: false))
        return settings
    }()

    static func patient(_ setting: Setting, answers index: Int) -> Patient {
        var patient = Patient(weeksSinceOnset: setting.weeks)
        var remaining = index
        for input in PatientInput.answers {
            patient.set(input, [Answer.no, .yes, .unknown][remaining % 3])
            remaining /= 3
        }
        patient.mri = setting.mri
        patient.closedFistPercussion = setting.percussion
        patient.supineSign = setting.supine
        patient.painSeverity = setting.severity
        patient.painTrajectory = setting.trajectory
        patient.analgesiaTriedPainPersists = setting.analgesiaPersists
        patient.acutePainSubsided = setting.subsided
        patient.fractureLevels = setting.levels
        patient.pretest = setting.pretest
        patient.age = setting.age
        return patient
    }

    static func evaluate(_ patient: Patient, pretest: ResolvedPretest) throws -> ReferralResult {
        ReferralEngine.result(for: patient, pretest: pretest, gate: try engine.gateAssessment(for: patient, pretest: pretest))
    }

    /// A compact result: (rule, urgency) pairs and the withheld rules, for the red-flag comparison.
    struct Compact {
        var items: [(String, Urgency)]
        var withheld: Set<String>
    }

    @Test("Every hazard invariant over the yes/no/unknown product, each other dimension in turn", arguments: settings)
    func grid(_ setting: Setting) throws {
        let count = Int(pow(3.0, Double(PatientInput.answers.count)))
        var compact = [Compact?](repeating: nil, count: count)
        var violations: [String] = [], checked = 0
        var invariants = HazardInvariants()
        let pretest = try Self.engine.resolvePretest(for: Self.patient(setting, answers: 0))
        for index in 0..<count {
            let patient = Self.patient(setting, answers: index)
            guard (try? patient.validate()) != nil else { continue }
            let result = try Self.evaluate(patient, pretest: pretest)
            checked += 1
            violations += invariants.violations(patient, result)
            compact[index] = Compact(items: result.recommendations.map { ($0.rule, $0.urgency) }, withheld: Set(result.withheld.map(\.rule)))
            if violations.count > 20 { break }
        }
        // A red flag that lowers care: turn each red flag from no or unknown to yes.
        var power = 1
        var places: [PatientInput: Int] = [:]
        for input in PatientInput.answers {
            places[input] = power
            power *= 3
        }
        for index in 0..<count {
            guard let before = compact[index] else { continue }
            for flag in PatientInput.redFlags {
                let place = places[flag]!
                let digit = index / place % 3
                guard digit != 1, let after = compact[index + (1 - digit) * place] else { continue }
                let afterUrgency = Dictionary(after.items, uniquingKeysWith: { first, _ in first })
                for (rule, urgency) in before.items {
                    if let raised = afterUrgency[rule] {
                        if raised > urgency { violations.append("a red flag that lowers care: \(flag) lowers \(rule) (\(index))") }
                    } else if !after.withheld.contains(rule) {
                        violations.append("a red flag that lowers care: \(flag) removes \(rule) (\(index))")
                    }
                }
            }
            if violations.count > 20 { break }
        }
        #expect(checked > 0)
        #expect(violations.isEmpty, "\(violations.prefix(20).joined(separator: "\n"))")
    }

    @Test("Every hazard invariant over 100,000 seeded random complete patients")
    func randomPatients() throws {
        var generator = SplitMix64(seed: 20_261_202)
        var violations: [String] = [], checked = 0, refused = 0
        var invariants = HazardInvariants()
        var pretests: [String: ResolvedPretest] = [:]
        let answers: [Answer] = [.yes, .no]
        for _ in 0..<100_000 {
            var patient = Patient(weeksSinceOnset: [0, 0.3, 0.71, 1, 2.5, 4, 6, 7.5, 8, 8.5, 11.9, 12, 16, 30, 52].randomElement(using: &generator)!)
            for input in PatientInput.answers { patient.set(input, answers.randomElement(using: &generator)!) }
            patient.mri = Patient.MRIState.allCases.randomElement(using: &generator)!
            patient.closedFistPercussion = Patient.SignResult.allCases.randomElement(using: &generator)!
            patient.supineSign = Patient.SignResult.allCases.randomElement(using: &generator)!
            patient.painSeverity = .score(Double(Int.random(in: 0...10, using: &generator)))
            patient.painTrajectory = [.improving, .unchanged, .worsening].randomElement(using: &generator)!
            patient.analgesiaTriedPainPersists = Bool.random(using: &generator)
            patient.acutePainSubsided = Bool.random(using: &generator)
            patient.fractureLevels = [["L2"], ["L3"], ["L4"], ["T11"], ["L1", "L2"]].randomElement(using: &generator)!
            patient.pretest = ["suspected-acute-vcf", "0.1", "0.5", "0.7", "95%"].randomElement(using: &generator)!
            patient.age = Double(Int.random(in: 40...99, using: &generator))
            guard (try? patient.validate()) != nil else {
                refused += 1
                continue
            }
            let key = patient.pretest ?? ""
            let pretest = try pretests[key] ?? Self.engine.resolvePretest(for: patient)
            pretests[key] = pretest
            let result = try Self.evaluate(patient, pretest: pretest)
            checked += 1
            violations += invariants.violations(patient, result)
            // Hidden state: the same input gives the same output.
            if checked % 1_000 == 0 {
                let again = try Self.engine.evaluate(patient)
                if again.recommendations != result.recommendations || again.withheld != result.withheld { violations.append("hidden state") }
            }
            if violations.count > 20 { break }
        }
        #expect(checked > 50_000)
        #expect(refused > 0, "contradictions are refused, not guessed")
        #expect(violations.isEmpty, "\(violations.prefix(20).joined(separator: "\n"))")
    }

    @Test("A silent guess: a rule that fires for some answers of an unknown input, and not for others, is listed as not assessed")
    func unknownsAreListed() throws {
        // For patients with up to four unknown inputs, every completion of the unknowns is evaluated:
        // a rule whose outcome differs between completions must be "not assessed" (or withheld), never silently decided.
        var generator = SplitMix64(seed: 7)
        var violations: [String] = []
        let completionInputs = PatientInput.answers
        for _ in 0..<1_500 {
            var patient = Patient(weeksSinceOnset: Self.weeks.randomElement(using: &generator)!)
            for input in completionInputs { patient.set(input, [.yes, .no].randomElement(using: &generator)!) }
            let unknown = Array(completionInputs.shuffled(using: &generator).prefix(Int.random(in: 1...4, using: &generator)))
            for input in unknown { patient.set(input, .unknown) }
            patient.mri = Patient.MRIState.allCases.randomElement(using: &generator)!
            patient.closedFistPercussion = [.positive, .negative, .notDone].randomElement(using: &generator)!
            patient.painTrajectory = Patient.PainTrajectory.allCases.randomElement(using: &generator)!
            patient.painSeverity = [.unknown, .score(3), .score(8)].randomElement(using: &generator)!
            patient.analgesiaTriedPainPersists = Bool.random(using: &generator)
            patient.age = [nil, 45, 80].randomElement(using: &generator)!
            guard (try? patient.validate()) != nil else { continue }
            let result = try Self.engine.evaluate(patient)
            let listed = Set(result.notAssessed.map(\.rule) + result.withheld.map(\.rule))
            let fired = Set(result.recommendations.map(\.rule))
            var everFired: Set<String> = [], everSilent: Set<String> = []
            var unknownInputs = unknown
            if patient.painTrajectory == .unknown { unknownInputs.append(.painTrajectory) }
            if patient.painSeverity == .unknown { unknownInputs.append(.painSeverity) }
            for completion in 0..<(1 << unknownInputs.count) {
                var complete = patient
                for (position, input) in unknownInputs.enumerated() {
                    let yes = completion >> position & 1 == 1
                    switch input {
                    case .painTrajectory: complete.painTrajectory = yes ? .worsening : .improving
                    case .painSeverity: complete.painSeverity = yes ? .score(8) : .score(3)
                    // An unknown scope is its own "not assessed" entry (TRAUMA); the pathway applies meanwhile.
                    case .highEnergyTrauma: complete.highEnergyTrauma = .no
                    default: complete.set(input, yes ? .yes : .no)
                    }
                }
                guard (try? complete.validate()) != nil, let completed = try? Self.engine.evaluate(complete) else { continue }
                let rules = Set(completed.recommendations.map(\.rule))
                everFired.formUnion(rules)
                everSilent.formUnion(Set(ReferralPathway.rules.map(\.id)).subtracting(rules))
            }
            for rule in everFired.intersection(everSilent) where rule != "G" && rule != "TRAUMA" {
                // The rule depends on the unknown answers: it must not be silently decided either way.
                if !listed.contains(rule) && !fired.contains(rule) {
                    violations.append("a silent guess: \(rule) depends on \(unknownInputs) but is not listed (weeks \(patient.weeksSinceOnset))")
                }
                if fired.contains(rule) && !["R14", "R19", "R15", "R16"].contains(rule) {
                    // A rule given although an unknown input could have stopped it: only those that no input withholds.
                    violations.append("a silent guess: \(rule) given although it depends on \(unknownInputs)")
                }
            }
            if violations.count > 20 { break }
        }
        #expect(violations.isEmpty, "\(violations.prefix(20).joined(separator: "\n"))")
    }

    @Test("A probability about the wrong thing: every preset about another target is refused with the Langdon signs")
    func otherTargets() throws {
        let base = try EvidenceBase.builtIn()
        let target = try base.targetCondition(AcuityGate.targetId)
        for preset in base.records where preset.kind == .pretestPreset {
            var patient = Patient(weeksSinceOnset: 1)
            patient.pretest = preset.id
            patient.closedFistPercussion = .positive
            for flag in PatientInput.redFlags { patient.set(flag, .no) }
            patient.highEnergyTrauma = .no
            if preset.targetCondition == target.id {
                #expect(throws: Never.self) { try Self.engine.evaluate(patient) }
            } else {
                #expect {
                    try Self.engine.evaluate(patient)
                } throws: { error in
                    guard let error = error as? PatientError else { return false }
                    return error.field == "pretest" && error.problem.contains(target.condition) && error.problem.contains("suspected-acute-vcf")
                }
            }
        }
    }
}

/// A small seeded generator (SplitMix64, Steele et al. 2014) so the random sample is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
