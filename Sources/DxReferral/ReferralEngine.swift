import DxEvidence
import DxStats

/// One recommendation of the pathway, with the rule it came from.
public struct Recommendation: Sendable, Hashable {
    public let rule: String
    public let action: String
    public let specialty: String?
    public let urgency: ReferralRule.Urgency
    public let rationale: String
    public let evidence: [String]
    public let caveats: [String]
    public let support: ReferralRule.Support
    public let isRedFlag: Bool
}

/// The bedside estimate behind the gate.
public struct GateAssessment: Sendable {
    public let estimate: CombinedPostTest
    /// The preset used for the pretest probability, if any.
    public let preset: EvidenceRecord?
    /// The sign records used.
    public let signs: [EvidenceRecord]
    public var decision: GateDecision { estimate.gate }
}

/// What the pathway recommends for one patient.
public struct ReferralResult: Sendable {
    public let patient: Patient
    public let recommendations: [Recommendation]
    /// True only when no referral is indicated and there is no red flag.
    public let noReferralNeeded: Bool
    public let gate: GateAssessment?
    /// What the gate changed, in words (empty without a gate).
    public let changedByGate: [String]
    public let redFlags: [String]
}

/// Runs the referral pathway: the rules of `ReferralPathway` on a patient,
/// with the acute-versus-chronic gate when MRI is not immediately available.
///
/// ```swift
/// var patient = Patient()
/// patient.weeksSinceOnset = 2
/// patient.closedFistPercussion = .positive
/// patient.supineSign = .positive
/// let result = try ReferralEngine(evidence: .builtIn()).evaluate(patient)
/// result.gate?.decision.classification   // .acute
/// ```
public struct ReferralEngine: Sendable {
    public let evidence: EvidenceBase
    public let thresholds: GateDecision.Thresholds
    public let monteCarlo: MonteCarloSettings
    public let level: ConfidenceLevel

    public init(
        evidence: EvidenceBase, thresholds: GateDecision.Thresholds = .standard,
        monteCarlo: MonteCarloSettings = .standard, level: ConfidenceLevel = .ninetyFivePercent
    ) {
        self.evidence = evidence
        self.thresholds = thresholds
        self.monteCarlo = monteCarlo
        self.level = level
    }

    /// The sign record ids the patient's fields refer to.
    static let signIds = (closedFistPercussion: "closed-fist-percussion", supineSign: "supine-sign")

    /// The gate's bedside estimate, or nil when the gate does not apply
    /// (MRI available or done, or no sign examined).
    public func gateAssessment(for patient: Patient) throws(PatientError) -> GateAssessment? {
        guard ReferralPathway.Gate.when.holds(for: patient, gate: nil) else { return nil }
        let resolved: (probability: Double, preset: EvidenceRecord?)
        do { resolved = try evidence.resolvePretest(patient.pretest, name: "pretest") } catch {
            throw PatientError(field: "pretest", problem: error.message.replacingOccurrences(of: "pretest ", with: ""))
        }
        var findings: [CombinedPostTest.Finding] = [], records: [EvidenceRecord] = []
        for (id, sign) in [(Self.signIds.closedFistPercussion, patient.closedFistPercussion), (Self.signIds.supineSign, patient.supineSign)]
        where sign != .notDone {
            guard let study = try? evidence.diagnosticStudy(id), let accuracy = try? SignAccuracy(name: id, table: study.table) else {
                throw PatientError(
                    field: id == Self.signIds.supineSign ? "supineSign" : "closedFistPercussion",
                    problem: "the evidence base has no diagnostic study '\(id)'")
            }
            findings.append(.init(accuracy, sign == .positive ? .positive : .negative))
            records.append(study.record)
        }
        do {
            let estimate = try CombinedPostTest(
                pretest: resolved.probability, findings: findings, level: level,
                monteCarlo: monteCarlo, thresholds: thresholds)
            return GateAssessment(estimate: estimate, preset: resolved.preset, signs: records)
        } catch {
            throw PatientError(field: "pretest", problem: error.description)
        }
    }

    /// The whole pathway for one patient.
    public func evaluate(_ patient: Patient) throws(PatientError) -> ReferralResult {
        try patient.validate()
        return Self.recommendations(for: patient, gate: try gateAssessment(for: patient))
    }

    /// The rules applied to a patient and a gate assessment (pure: the same
    /// input always gives the same output).
    public static func recommendations(for patient: Patient, gate: GateAssessment?) -> ReferralResult {
        let classification = gate?.decision.classification
        var recommendations: [Recommendation] = []
        var changed: [String] = []
        for rule in ReferralPathway.rules where rule.id != "R9" {
            let holds = rule.when.holds(for: patient, gate: classification)
            let holdsWithoutGate = rule.when.holds(for: patient, gate: nil)
            if let classification, holdsWithoutGate && !holds {
                changed.append("\(rule.id) (\(rule.action)) is not suggested because the gate says \(classification.rawValue).")
            }
            guard holds else { continue }
            recommendations.append(recommendation(rule, patient: patient, gate: classification, changed: &changed))
        }
        // R9 only when no referral was indicated (and no red flag, by its condition).
        let nineRule = ReferralPathway.rules.first { $0.id == "R9" }!
        let anyReferral = recommendations.contains { $0.specialty != nil }
        let noReferral = !anyReferral && nineRule.when.holds(for: patient, gate: classification)
        if noReferral {
            recommendations.insert(recommendation(nineRule, patient: patient, gate: classification, changed: &changed), at: 0)
        }
        if let gate {
            let decision = gate.decision
            recommendations.append(
                Recommendation(
                    rule: "G", action: ReferralPathway.Gate.action(decision.classification), specialty: nil,
                    urgency: ReferralPathway.Gate.urgency(decision.classification), rationale: ReferralPathway.Gate.rationale,
                    evidence: ReferralPathway.Gate.evidence + (gate.preset.map { [$0.id] } ?? []),
                    caveats: ReferralPathway.Gate.caveats, support: .supported, isRedFlag: false))
            if decision.classification == .indeterminate && patient.mri == .unavailable {
                changed.append("Imaging decides: MRI as soon as it is available (CT without contrast meanwhile if needed).")
            }
        }
        let order: [ReferralRule.Urgency] = [.immediate, .soon, .routine, .consider]
        let sorted = recommendations.enumerated().sorted { left, right in
            let (a, b) = (order.firstIndex(of: left.element.urgency)!, order.firstIndex(of: right.element.urgency)!)
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
        return ReferralResult(
            patient: patient, recommendations: sorted, noReferralNeeded: noReferral, gate: gate,
            changedByGate: changed, redFlags: patient.redFlags)
    }

    private static func recommendation(
        _ rule: ReferralRule, patient: Patient, gate: GateDecision.Classification?,
        changed: inout [String]
    ) -> Recommendation {
        var action = rule.action, urgency = rule.urgency, caveats = rule.caveats
        for addendum in rule.addenda where addendum.when.holds(for: patient, gate: gate) {
            action += " " + addendum.text
            caveats += addendum.caveats
            if let raised = addendum.urgency {
                urgency = raised
                if let gate, !addendum.when.holds(for: patient, gate: nil) {
                    changed.append("\(rule.id) is raised to '\(raised.rawValue)' because the gate says \(gate.rawValue).")
                }
            }
        }
        return Recommendation(
            rule: rule.id, action: action, specialty: rule.specialty, urgency: urgency, rationale: rule.rationale,
            evidence: rule.evidence, caveats: caveats, support: rule.support, isRedFlag: rule.isRedFlag)
    }
}
