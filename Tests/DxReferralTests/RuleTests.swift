import Testing

@testable import DxEvidence
@testable import DxReferral
@testable import DxStats

/// Each rule fires where it should and stays silent where it should.
@Suite("Referral rules, case by case")
struct RuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let fires: Bool
        let note: String
        let patient: Patient
        let gate: GateDecision.Classification?
        var testDescription: String { "\(rule) \(fires ? "fires" : "silent"): \(note)" }
    }

    static func make(
        _ rule: String, _ fires: Bool, _ note: String, gate: GateDecision.Classification? = nil,
        _ build: (inout Patient) -> Void
    ) -> Case {
        var patient = Patient()
        build(&patient)
        return Case(rule: rule, fires: fires, note: note, patient: patient, gate: gate)
    }

    static let cases: [Case] = [
        make("R1", true, "deficit") { $0.neurologicalDeficit = true },
        make("R1", false, "no deficit") { _ in },
        make("R2", true, "instability") { $0.spinalInstability = true },
        make("R2", false, "stable") { _ in },
        make("R3", true, "12 weeks, 7/10, worsening") {
            $0.weeksSinceOnset = 12; $0.painSeverity = 7; $0.painTrajectory = .worsening
        },
        make("R3", false, "11.9 weeks") {
            $0.weeksSinceOnset = 11.9; $0.painSeverity = 9; $0.painTrajectory = .worsening
        },
        make("R3", false, "6/10") {
            $0.weeksSinceOnset = 20; $0.painSeverity = 6; $0.painTrajectory = .worsening
        },
        make("R3", false, "unchanged") {
            $0.weeksSinceOnset = 20; $0.painSeverity = 9; $0.painTrajectory = .unchanged
        },
        make("R4", true, "kyphosis") { $0.deformityOrProgressiveKyphosis = true },
        make("R4", false, "none") { _ in },
        make("R5", true, "13 weeks, pain unchanged") { $0.weeksSinceOnset = 13 },
        make("R5", false, "13 weeks, improving") {
            $0.weeksSinceOnset = 13; $0.painTrajectory = .improving
        },
        make("R5", false, "13 weeks, subsided") {
            $0.weeksSinceOnset = 13; $0.acutePainSubsided = true
        },
        make("R5", false, "10 weeks") { $0.weeksSinceOnset = 10 },
        make("R5", false, "gate chronic", gate: .chronic) { $0.weeksSinceOnset = 13 },
        make("R5", true, "gate acute", gate: .acute) { $0.weeksSinceOnset = 13 },
        make("R6", true, "candidate, worsening") {
            $0.augmentationCandidate = true; $0.painTrajectory = .worsening
        },
        make("R6", true, "candidate, deformity") {
            $0.augmentationCandidate = true; $0.deformityOrProgressiveKyphosis = true
        },
        make("R6", true, "candidate, pulmonary") {
            $0.augmentationCandidate = true; $0.pulmonaryDysfunction = true
        },
        make("R6", false, "candidate, none of the three") { $0.augmentationCandidate = true },
        make("R6", false, "unknown candidacy") { $0.painTrajectory = .worsening },
        make("R6", false, "not a candidate") {
            $0.augmentationCandidate = false; $0.pulmonaryDysfunction = true
        },
        make("R6", false, "gate chronic", gate: .chronic) {
            $0.augmentationCandidate = true; $0.pulmonaryDysfunction = true
        },
        make("R7", true, "analgesia failed") { $0.analgesiaTriedPainPersists = true },
        make("R7", false, "analgesia not tried") { _ in },
        make("R8", true, "pain subsided") { $0.acutePainSubsided = true },
        make("R8", false, "pain not subsided") { _ in },
        make("R9", true, "nothing else") { _ in },
        make("R9", false, "red flag") { $0.malignancySuspected = true },
        make("R9", false, "another referral") { $0.acutePainSubsided = true },
        make("R10", true, "new, no deficit") { $0.weeksSinceOnset = 1 },
        make("R10", false, "deficit") { $0.neurologicalDeficit = true },
        make("R10", false, "12 weeks") { $0.weeksSinceOnset = 12 },
        make("R11", true, "MRI available") { $0.mri = .available },
        make("R11", false, "MRI unavailable") { $0.mri = .unavailable },
        make("R11", false, "MRI done") { $0.mri = .acute },
        make("R12", true, "MRI contraindicated") { $0.mri = .contraindicated },
        make("R12", false, "MRI available") { $0.mri = .available },
        make("R13", true, "malignancy") { $0.malignancySuspected = true },
        make("R13", false, "no malignancy") { _ in },
        make("R14", true, "always") { _ in },
        make("R15", true, "5.9 weeks") { $0.weeksSinceOnset = 5.9 },
        make("R15", false, "6 weeks") { $0.weeksSinceOnset = 6 },
        make("R16", true, "9 weeks, persisting") { $0.weeksSinceOnset = 9 },
        make("R16", false, "8 weeks") { $0.weeksSinceOnset = 8 },
        make("R16", false, "9 weeks, improving") {
            $0.weeksSinceOnset = 9; $0.painTrajectory = .improving
        },
    ]

    /// A gate assessment with a given classification, for testing the rules' reaction to it.
    static func gate(_ classification: GateDecision.Classification) -> GateAssessment {
        let sign = try! SignAccuracy(name: "closed-fist-percussion", sensitivity: 0.875, specificity: 0.9)
        let pretest: Double =
            switch classification {
            case .acute: 0.99;
            case .chronic: 0.001;
            case .indeterminate: 0.5
            }
        let estimate = try! CombinedPostTest(pretest: pretest, findings: [.init(sign, .positive)])
        precondition(estimate.gate.classification == classification)
        return GateAssessment(estimate: estimate, preset: nil, signs: [])
    }

    @Test("Each rule's case", arguments: cases)
    func rule(_ test: Case) {
        let result = ReferralEngine.recommendations(for: test.patient, gate: test.gate.map(Self.gate))
        #expect(result.recommendations.contains { $0.rule == test.rule } == test.fires)
    }

    @Test("The gate runs only when MRI is not immediately available and a sign was examined")
    func gateApplies() throws {
        let engine = ReferralEngine(evidence: try EvidenceBase.builtIn())
        for state in Patient.MRIState.allCases {
            for sign in Patient.SignResult.allCases {
                var patient = Patient()
                patient.mri = state
                patient.closedFistPercussion = sign
                let expected = [.unavailable, .contraindicated].contains(state) && sign != .notDone
                #expect((try engine.gateAssessment(for: patient) != nil) == expected, "\(state) \(sign)")
            }
        }
    }

    @Test("Every rule cites evidence records that exist")
    func evidenceExists() throws {
        let base = try EvidenceBase.builtIn()
        for rule in ReferralPathway.rules {
            #expect(!rule.evidence.isEmpty, "\(rule.id)")
            for id in rule.evidence { #expect((try? base.record(id)) != nil, "\(rule.id) cites missing \(id)") }
        }
        for id in ReferralPathway.Gate.evidence { #expect((try? base.record(id)) != nil, "G cites missing \(id)") }
        #expect(ReferralPathway.rules.map(\.id) == (1...16).map { "R\($0)" })
    }

    @Test("Rules resting on the seed's wording say so")
    func support() {
        for rule in ReferralPathway.rules where rule.evidence.allSatisfy({ $0.hasPrefix("seed-") }) {
            #expect(rule.support != .supported, "\(rule.id)")
        }
        #expect(ReferralPathway.rules.first { $0.id == "R15" }?.support == .noGuidelineSource)
        #expect(ReferralPathway.rules.first { $0.id == "R1" }?.support == .attributedUnverified)
    }
}
