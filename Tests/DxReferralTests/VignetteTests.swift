import Testing

@testable import DxEvidence
@testable import DxReferral
@testable import DxStats

/// Clinical vignettes whose expected recommendations were written out by hand
/// from ../shared/clinical/referral-pathway.md before the engine was run.
@Suite("Clinical vignettes")
struct VignetteTests {
    struct Vignette: Sendable, CustomTestStringConvertible {
        let name: String
        let patient: Patient
        let rules: Set<String>
        let noReferralNeeded: Bool
        let gate: GateDecision.Classification?
        var testDescription: String { name }
    }

    static func patient(_ build: (inout Patient) -> Void) -> Patient {
        var patient = Patient()
        build(&patient)
        return patient
    }

    static let vignettes: [Vignette] = [
        Vignette(
            name: "A: 74 years, 2 weeks, no deficit, MRI unavailable, both signs positive",
            patient: patient {
                $0.age = 74; $0.weeksSinceOnset = 2; $0.painSeverity = 7; $0.mri = .unavailable
                $0.closedFistPercussion = .positive; $0.supineSign = .positive
            },
            rules: ["R9", "R10", "R14", "R15", "G"], noReferralNeeded: true, gate: .acute),
        Vignette(
            name: "B: neurological deficit, 1 week, MRI available",
            patient: patient {
                $0.weeksSinceOnset = 1; $0.neurologicalDeficit = true; $0.mri = .available
            },
            rules: ["R1", "R11", "R14", "R15"], noReferralNeeded: false, gate: nil),
        Vignette(
            name: "C: 14 weeks, severe worsening pain, augmentation candidate, MRI shows acute",
            patient: patient {
                $0.weeksSinceOnset = 14; $0.painSeverity = 8; $0.painTrajectory = .worsening
                $0.augmentationCandidate = true; $0.mri = .acute
            },
            rules: ["R3", "R5", "R6", "R14", "R16"], noReferralNeeded: false, gate: nil),
        Vignette(
            name: "D: suspected malignancy, 3 weeks, MRI unavailable, no signs",
            patient: patient {
                $0.weeksSinceOnset = 3; $0.malignancySuspected = true; $0.mri = .unavailable
            },
            rules: ["R10", "R13", "R14", "R15"], noReferralNeeded: false, gate: nil),
        Vignette(
            name: "E: 9 weeks, improving, pain subsided, both signs negative at 30 %",
            patient: patient {
                $0.weeksSinceOnset = 9; $0.painTrajectory = .improving; $0.acutePainSubsided = true
                $0.mri = .unavailable; $0.closedFistPercussion = .negative; $0.supineSign = .negative; $0.pretest = "30%"
            },
            rules: ["R8", "R10", "R14", "G"], noReferralNeeded: false, gate: .chronic),
        Vignette(
            name: "F: 5 weeks, MRI contraindicated, analgesia failed, L2, percussion positive",
            patient: patient {
                $0.weeksSinceOnset = 5; $0.mri = .contraindicated; $0.analgesiaTriedPainPersists = true
                $0.closedFistPercussion = .positive
            },
            rules: ["R7", "R10", "R12", "R14", "R15", "G"], noReferralNeeded: false, gate: .acute),
        Vignette(
            name: "G: instability and deformity, 20 weeks, MRI available",
            patient: patient {
                $0.weeksSinceOnset = 20; $0.spinalInstability = true; $0.deformityOrProgressiveKyphosis = true
                $0.mri = .available
            },
            rules: ["R2", "R4", "R5", "R11", "R14", "R16"], noReferralNeeded: false, gate: nil),
        Vignette(
            name: "H: 85 years, 13 weeks, improving, MRI unavailable, no signs",
            patient: patient {
                $0.age = 85; $0.weeksSinceOnset = 13; $0.painTrajectory = .improving; $0.mri = .unavailable
            },
            rules: ["R9", "R14"], noReferralNeeded: true, gate: nil),
        Vignette(
            name: "I: L3, 26 weeks, pain 9 and worsening, analgesia failed, not an augmentation candidate, MRI chronic",
            patient: patient {
                $0.fractureLevel = "L3"; $0.weeksSinceOnset = 26; $0.painSeverity = 9; $0.painTrajectory = .worsening
                $0.analgesiaTriedPainPersists = true; $0.augmentationCandidate = false; $0.pulmonaryDysfunction = true; $0.mri = .chronic
            },
            rules: ["R3", "R5", "R7", "R14", "R16"], noReferralNeeded: false, gate: nil),
        Vignette(
            name: "J: 2 weeks, MRI unavailable, percussion positive and supine negative",
            patient: patient {
                $0.weeksSinceOnset = 2; $0.mri = .unavailable; $0.closedFistPercussion = .positive; $0.supineSign = .negative
            },
            rules: ["R9", "R10", "R14", "R15", "G"], noReferralNeeded: true, gate: .indeterminate),
    ]

    static let engine = ReferralEngine(evidence: try! EvidenceBase.builtIn())

    @Test("Each vignette gets exactly the recommendations written out by hand", arguments: vignettes)
    func vignette(_ vignette: Vignette) throws {
        let result = try Self.engine.evaluate(vignette.patient)
        #expect(Set(result.recommendations.map(\.rule)) == vignette.rules)
        #expect(result.noReferralNeeded == vignette.noReferralNeeded)
        #expect(result.gate?.decision.classification == vignette.gate)
    }

    @Test("Vignette details: urgency, level-specific wording, what the gate changed")
    func details() throws {
        let neurological = try Self.engine.evaluate(Self.vignettes[1].patient)
        #expect(neurological.recommendations.first?.rule == "R1")
        #expect(neurological.recommendations.first?.urgency == .immediate)
        let chronic = try Self.engine.evaluate(Self.vignettes[4].patient)
        let sacral = try #require(chronic.recommendations.first { $0.rule == "R14" })
        #expect(sacral.urgency == .soon)
        #expect(chronic.changedByGate.contains { $0.hasPrefix("R14") })
        let block = try Self.engine.evaluate(Self.vignettes[5].patient).recommendations.first { $0.rule == "R7" }
        #expect(block?.action.contains("L2 nerve root block") == true)
        #expect(block?.caveats.contains { $0.contains("L3 or L4") } == true)
        let lumbarThree = try Self.engine.evaluate(Self.vignettes[8].patient).recommendations.first { $0.rule == "R7" }
        #expect(lumbarThree?.action.contains("option for an L3 or L4 fracture") == true)
        let elderly = try Self.engine.evaluate(Self.vignettes[7].patient).recommendations.first { $0.rule == "R14" }
        #expect(elderly?.urgency == .soon)
        let indeterminate = try Self.engine.evaluate(Self.vignettes[9].patient)
        #expect(indeterminate.changedByGate.contains { $0.contains("Imaging decides") })
    }

    @Test("A chronic gate withholds augmentation and says why")
    func chronicWithholdsAugmentation() throws {
        var patient = Patient()
        patient.weeksSinceOnset = 13
        patient.augmentationCandidate = true
        patient.painTrajectory = .worsening
        patient.mri = .unavailable
        patient.closedFistPercussion = .negative
        patient.supineSign = .negative
        patient.pretest = "0.2"
        let result = try Self.engine.evaluate(patient)
        #expect(result.gate?.decision.classification == .chronic)
        #expect(!result.recommendations.contains { $0.rule == "R5" || $0.rule == "R6" })
        #expect(result.changedByGate.contains { $0.hasPrefix("R5") } && result.changedByGate.contains { $0.hasPrefix("R6") })
        // Without the signs the same patient is offered augmentation.
        patient.closedFistPercussion = .notDone
        patient.supineSign = .notDone
        let ungated = try Self.engine.evaluate(patient)
        #expect(ungated.recommendations.contains { $0.rule == "R5" } && ungated.recommendations.contains { $0.rule == "R6" })
    }
}
