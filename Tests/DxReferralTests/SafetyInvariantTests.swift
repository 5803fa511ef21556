import Testing

@testable import DxEvidence
@testable import DxReferral
@testable import DxStats

/// The safety invariants of referral-pathway.md over every combination of
/// the boolean inputs × weeks {0, 2, 5, 7, 9, 13, 26} × every MRI state ×
/// every sign result (and augmentation candidacy, pain trajectory, severity).
@Suite("Safety invariants over every combination")
struct SafetyInvariantTests {
    @Test(
        "Deficit ⇒ immediate surgery; malignancy ⇒ complete spine MRI; red flag ⇒ never 'no referral'; red flags survive the gate; same input ⇒ same output; all evidence exists"
    )
    func invariants() throws {
        let engine = ReferralEngine(evidence: try EvidenceBase.builtIn())
        let knownIds = Set(try EvidenceBase.builtIn().records.map(\.id))
        // The gate depends only on the signs and the pretest: compute each once.
        var gates: [String: GateAssessment] = [:]
        func gate(for patient: Patient) throws -> GateAssessment? {
            guard ReferralPathway.Gate.when.holds(for: patient, gate: nil) else { return nil }
            let key = "\(patient.closedFistPercussion)-\(patient.supineSign)"
            if let cached = gates[key] { return cached }
            let computed = try engine.gateAssessment(for: patient)
            gates[key] = computed
            return computed
        }
        let weeks: [Double] = [0, 2, 5, 7, 9, 13, 26]
        var checked = 0, rejected = 0
        for flags in 0..<(1 << 7) {
            for candidate in [nil, true, false] as [Bool?] {
                for trajectory in Patient.PainTrajectory.allCases {
                    for severity in [3.0, 8.0] {
                        for week in weeks {
                            for mri in Patient.MRIState.allCases {
                                for percussion in Patient.SignResult.allCases {
                                    for supine in Patient.SignResult.allCases {
                                        var patient = Patient()
                                        patient.neurologicalDeficit = flags & 1 != 0
                                        patient.spinalInstability = flags & 2 != 0
                                        patient.malignancySuspected = flags & 4 != 0
                                        patient.deformityOrProgressiveKyphosis = flags & 8 != 0
                                        patient.pulmonaryDysfunction = flags & 16 != 0
                                        patient.analgesiaTriedPainPersists = flags & 32 != 0
                                        patient.acutePainSubsided = flags & 64 != 0
                                        patient.augmentationCandidate = candidate
                                        patient.painTrajectory = trajectory
                                        patient.painSeverity = severity
                                        patient.weeksSinceOnset = week
                                        patient.mri = mri
                                        patient.closedFistPercussion = percussion
                                        patient.supineSign = supine
                                        do { try patient.validate() } catch { rejected += 1; continue }
                                        let gateAssessment = try gate(for: patient)
                                        let result = ReferralEngine.recommendations(for: patient, gate: gateAssessment)
                                        let rules = Set(result.recommendations.map(\.rule))
                                        checked += 1
                                        if patient.neurologicalDeficit {
                                            #expect(result.recommendations.contains { $0.rule == "R1" && $0.urgency == .immediate })
                                        }
                                        if patient.malignancySuspected {
                                            #expect(result.recommendations.contains { $0.rule == "R13" && $0.action.contains("without and with") })
                                        }
                                        if !patient.redFlags.isEmpty {
                                            #expect(!result.noReferralNeeded && !rules.contains("R9"))
                                        }
                                        // The gate never removes a red-flag recommendation.
                                        if gateAssessment != nil {
                                            let ungated = ReferralEngine.recommendations(for: patient, gate: nil)
                                            for red in ungated.recommendations where red.isRedFlag {
                                                #expect(rules.contains(red.rule))
                                            }
                                        }
                                        for recommendation in result.recommendations {
                                            #expect(!recommendation.evidence.isEmpty)
                                            #expect(recommendation.evidence.allSatisfy(knownIds.contains))
                                        }
                                        if checked % 997 == 0 {
                                            let again = ReferralEngine.recommendations(for: patient, gate: gateAssessment)
                                            #expect(again.recommendations == result.recommendations)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(checked > 100_000)
        #expect(rejected > 0, "contradictory combinations are rejected, not guessed")
        // Same input ⇒ same output, including the seeded Monte Carlo behind the gate.
        var patient = Patient()
        patient.closedFistPercussion = .positive
        patient.supineSign = .negative
        let first = try engine.evaluate(patient), second = try engine.evaluate(patient)
        #expect(first.recommendations == second.recommendations)
        #expect(first.gate?.decision == second.gate?.decision)
    }
}
