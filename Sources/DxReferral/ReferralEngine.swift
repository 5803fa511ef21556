import DxEvidence
import DxStats
import Foundation

/// Runs the referral pathway: the rules of ``ReferralPathway`` on a patient,
/// in three-valued logic, with the acute-versus-chronic gate where it applies.
///
/// ```swift
/// var patient = Patient(weeksSinceOnset: 2)
/// for flag in PatientInput.redFlags { patient.set(flag, .no) }
/// patient.highEnergyTrauma = .no
/// patient.closedFistPercussion = .positive
/// patient.supineSign = .positive
/// let result = try ReferralEngine(evidence: .builtIn()).evaluate(patient)
/// result.gate.classification   // .acuteLikely
/// ```
public struct ReferralEngine: Sendable {
    public let evidence: EvidenceBase
    public let thresholds: GateDecision.Thresholds
    public let monteCarlo: MonteCarloSettings
    public let level: ConfidenceLevel
    private let cache = GateEstimateCache()

    public init(
        evidence: EvidenceBase, thresholds: GateDecision.Thresholds = .standard,
        monteCarlo: MonteCarloSettings = .standard, level: ConfidenceLevel = .ninetyFivePercent
    ) {
        self.evidence = evidence
        self.thresholds = thresholds
        self.monteCarlo = monteCarlo
        self.level = level
    }

    /// The whole pathway for one patient.
    public func evaluate(_ patient: Patient) throws(PatientError) -> ReferralResult {
        try patient.validate()
        let pretest = try resolvePretest(for: patient)
        return Self.result(for: patient, pretest: pretest, gate: try gateAssessment(for: patient, pretest: pretest))
    }

    /// The pretest probability of the patient, checked against the gate's
    /// target: a preset about another target is refused.
    public func resolvePretest(for patient: Patient) throws(PatientError) -> ResolvedPretest {
        let target = try? evidence.targetCondition(AcuityGate.targetId)
        do {
            return try evidence.resolvePretest(patient.pretest, name: "pretest", about: target)
        } catch {
            throw PatientError(field: "pretest", problem: error.message.replacingOccurrences(of: "pretest ", with: ""))
        }
    }

    /// The gate's bedside estimate, or nil when the gate does not apply.
    /// Estimates are computed once per (signs, pretest) and reused.
    public func gateAssessment(for patient: Patient, pretest: ResolvedPretest) throws(PatientError) -> GateAssessment? {
        guard AcuityGate.scope(for: patient) == .applies else { return nil }
        let examined = AcuityGate.signIds.compactMap { input, id -> (PatientInput, String, TestResult)? in
            let result = input == .closedFistPercussion ? patient.closedFistPercussion : patient.supineSign
            switch result {
            case .positive: return (input, id, .positive)
            case .negative: return (input, id, .negative)
            case .notDone, .notAssessable: return nil
            }
        }
        let key = GateEstimateCache.Key(
            signs: examined.map { "\($0.1)=\($0.2.rawValue)" }.joined(separator: ","), pretest: pretest.probability.bitPattern)
        if let cached = cache[key] { return cached }
        var findings: [CombinedPostTest.Finding] = [], records: [(EvidenceRecord, TestResult)] = []
        for (input, id, result) in examined {
            guard let sign = try? evidence.sign(id), let record = try? evidence.record(id) else {
                throw PatientError(field: input.rawValue, problem: "the evidence base has no diagnostic study '\(id)'")
            }
            findings.append(.init(sign, result))
            records.append((record, result))
        }
        do {
            let estimate = try CombinedPostTest(
                pretest: pretest.probability, pretestTarget: pretest.targetIsAssumed ? nil : pretest.target, findings: findings,
                level: level, monteCarlo: monteCarlo, thresholds: thresholds)
            let assessment = GateAssessment(estimate: estimate, pretest: pretest, signs: records)
            cache[key] = assessment
            return assessment
        } catch {
            throw PatientError(field: "pretest", problem: error.description)
        }
    }

    // MARK: The rules (pure)

    /// The pathway applied to a patient, the pretest used and the gate's
    /// estimate (pure: the same input always gives the same output).
    public static func result(for patient: Patient, pretest: ResolvedPretest?, gate: GateAssessment?) -> ReferralResult {
        var evaluation = Evaluation(patient: patient, gate: gate)
        if patient.highEnergyTrauma == .yes {
            evaluation.apply(ReferralPathway.trauma)
            if let deficit = ReferralPathway.rule("R1") { evaluation.apply(deficit) }
        } else {
            let (independent, dependent) = (
                ReferralPathway.rules.filter { $0.when.referencedRules.isEmpty }, ReferralPathway.rules.filter { !$0.when.referencedRules.isEmpty }
            )
            for rule in independent + dependent { evaluation.apply(rule) }
            evaluation.applyGate()
            if patient.highEnergyTrauma == .unknown {
                evaluation.notAssessed.append(
                    NotAssessedRule(
                        rule: ReferralPathway.trauma.id, title: "scope: high-energy trauma", needs: [.highEnergyTrauma],
                        reason: "If there was high-energy trauma this pathway does not apply: CT of the spine and spinal (trauma) team review."))
            }
        }
        // R1 is always the first item, even beside high-energy trauma (hazard "a deficit waits").
        let order = ["R1", ReferralPathway.trauma.id] + ReferralPathway.rules.map(\.id).filter { $0 != "R1" } + ["G"]
        let position = { (rule: String) in order.firstIndex(of: rule) ?? order.count }
        let (present, unknown) = patient.redFlags
        return ReferralResult(
            schemaVersion: ReferralResult.schemaVersion, pathwayVersion: ReferralPathway.version, id: patient.id,
            applicable: patient.highEnergyTrauma != .yes,
            notApplicableReason: patient.highEnergyTrauma == .yes
                ? "not applicable: high-energy trauma: CT of the spine and spinal (trauma) team review" : nil,
            inputsUsed: InputsUsed.list(for: patient, pretest: pretest),
            recommendations: evaluation.recommendations.sorted { ($0.urgency, position($0.rule)) < ($1.urgency, position($1.rule)) },
            notAssessed: evaluation.notAssessed.sorted { position($0.rule) < position($1.rule) },
            withheld: evaluation.withheld.sorted { position($0.rule) < position($1.rule) },
            gate: evaluation.gateReport(pretest: pretest), safetyNet: ReferralPathway.safetyNet,
            safetyNetEvidence: ReferralPathway.safetyNetEvidence, redFlags: .init(present: present, unknown: unknown),
            disclaimer: Disclaimer.text)
    }
}

/// The rules evaluated one by one, collecting what fired, what was withheld
/// and what could not be assessed.
private struct Evaluation {
    let patient: Patient
    let gate: GateAssessment?
    var context: Condition.Context
    var recommendations: [Recommendation] = []
    var notAssessed: [NotAssessedRule] = []
    var withheld: [WithheldRule] = []

    init(patient: Patient, gate: GateAssessment?) {
        self.patient = patient
        self.gate = gate
        context = Condition.Context(patient: patient, gate: gate?.outcome)
    }

    /// A condition that holds for certain (an unknown one does not).
    func holds(_ condition: Condition) -> Bool { condition.evaluate(context) == .yes }

    mutating func apply(_ rule: ReferralRule) {
        let core = rule.when.evaluate(context)
        guard core != .no else {
            context.outcomes[rule.id] = .no
            return
        }
        var reasons: [String] = [], needs = core.needs
        for withholding in rule.withheldWhen {
            switch withholding.when.evaluate(context) {
            case .yes: reasons.append(withholding.reason)
            case .unknown(let more): needs.formUnion(more)
            case .no: break
            }
        }
        if !reasons.isEmpty {
            withheld.append(WithheldRule(rule: rule.id, title: rule.title, reasons: reasons))
            context.outcomes[rule.id] = .no
        } else if !needs.isEmpty {
            notAssessed.append(
                NotAssessedRule(
                    rule: rule.id, title: rule.title, needs: needs.sorted(),
                    reason: "needs " + needs.sorted().map(\.label).joined(separator: ", ")))
            context.outcomes[rule.id] = .unknown(needs: needs)
        } else {
            recommendations.append(recommendation(rule))
            context.outcomes[rule.id] = .yes
        }
    }

    func recommendation(_ rule: ReferralRule) -> Recommendation {
        let variant = rule.variants.first { holds($0.when) }
        var advice = variant?.advice ?? rule.advice
        var urgency = variant?.urgency ?? rule.urgency
        var caveats = rule.caveats, evidence = rule.evidence
        var text = advice.text, imaging = advice.imaging, exposures = advice.exposures, procedure = advice.isProcedure
        for addendum in rule.addenda where holds(addendum.when) {
            text += " " + addendum.advice.text
            imaging.formUnion(addendum.advice.imaging)
            exposures.formUnion(addendum.advice.exposures)
            procedure = procedure || addendum.advice.isProcedure
            caveats += addendum.caveats
            evidence += addendum.evidence.filter { !evidence.contains($0) }
            if let raised = addendum.urgency { urgency = raised }
        }
        advice = .init(text, imaging: imaging, exposures: exposures, isProcedure: procedure)
        let safety = SafetyCaveats.for(advice, patient: patient)
        return Recommendation(
            rule: rule.id, title: rule.title, urgency: urgency, timeFrame: urgency.timeFrame, action: advice.text,
            specialty: rule.specialty, rationale: rule.rationale, evidence: evidence + safety.evidence.filter { !evidence.contains($0) },
            caveats: caveats + safety.caveats, support: rule.support, redFlag: rule.isRedFlag, imaging: advice.imaging.sorted(),
            exposures: advice.exposures.sorted(), procedure: advice.isProcedure)
    }

    /// The G item: the gate's consequence when it applies, or why not.
    mutating func applyGate() {
        switch AcuityGate.scope(for: patient) {
        case .applies:
            guard let gate else { return }
            let outcome = gate.outcome
            let rule = ReferralRule(
                id: "G", title: "acute-versus-chronic gate: \(outcome.words)", when: .always,
                advice: AcuityGate.advice(outcome, mri: patient.mri), urgency: AcuityGate.urgency(outcome),
                rationale: AcuityGate.rationale, evidence: AcuityGate.evidence + [gate.pretest.preset?.id].compactMap { $0 },
                caveats: AcuityGate.caveats, support: .supported)
            recommendations.append(recommendation(rule))
        case .withheldByRedFlag(let reason):
            withheld.append(WithheldRule(rule: "G", title: "acute-versus-chronic gate", reasons: [reason]))
        case .notAssessed, .doesNotApply:
            // The gate "does not apply" with a red flag unknown (the spec's words); the gate report says why.
            break
        }
    }

    func gateReport(pretest: ResolvedPretest?) -> GateReport {
        let scope = AcuityGate.scope(for: patient)
        guard scope == .applies, let gate else {
            let reason: String =
                switch scope {
                case .applies: "not computed."
                case .doesNotApply(let reason), .withheldByRedFlag(let reason), .notAssessed(let reason, _): reason
                }
            return GateReport(
                applies: false, reason: "The gate does not apply: " + reason, classification: nil, probability: nil, independence: nil,
                thresholds: nil, pretest: pretest.map(Self.pretestUsed), signs: [], monteCarlo: nil)
        }
        let estimate = gate.estimate, decision = gate.decision
        let of = estimate.target?.description ?? gate.pretest.target?.description ?? "acute fracture"
        let range = estimate.dependence
        let headline = ProbabilityInterval(
            of: of, estimate: range == nil ? estimate.posttest.estimate.finiteValue : nil, lower: decision.lower, upper: decision.upper,
            method: range == nil
                ? "Monte Carlo interval (Jeffreys posteriors of sensitivity and specificity)"
                : "Monte Carlo interval covering sampling uncertainty and every dependence between the signs that their margins allow")
        let independence = ProbabilityInterval(
            of: of, estimate: estimate.posttest.estimate.finiteValue, lower: estimate.posttest.lower.finiteValue ?? 0,
            upper: estimate.posttest.upper.finiteValue ?? 1,
            method: range == nil ? "the sign's likelihood ratio (Mercaldo logit interval)" : "if the signs were independent (LRs multiplied; log interval)")
        return GateReport(
            applies: true,
            reason: "MRI is \(patient.mri.description), a bedside sign was examined, no red flag, no high-energy trauma, a single level.",
            classification: gate.outcome, probability: headline, independence: independence,
            thresholds: .init(lower: decision.thresholds.lower, upper: decision.thresholds.upper, policy: true),
            pretest: Self.pretestUsed(gate.pretest),
            signs: gate.signs.map { .init(id: $0.record.id, title: $0.record.title, result: $0.result) },
            monteCarlo: .init(draws: estimate.monteCarloSettings.draws, seed: estimate.monteCarloSettings.seed))
    }

    static func pretestUsed(_ pretest: ResolvedPretest) -> GateReport.PretestUsed {
        .init(
            probability: pretest.probability, preset: pretest.preset?.id, isDefault: pretest.isDefault, of: pretest.target?.description,
            targetAssumed: pretest.targetIsAssumed)
    }
}

/// Caveats the engine adds to any item, from the patient's anticoagulation
/// and pregnancy: every procedure carries the anticoagulation caveat; every
/// item with contrast, ionising radiation or a drug carries the pregnancy one.
enum SafetyCaveats {
    static let anticoagulationEvidence = "procedure-anticoagulation-caveat"
    static let pregnancyEvidence = "acog-2017-imaging-pregnancy"

    static func `for`(_ advice: ReferralRule.Advice, patient: Patient) -> (caveats: [String], evidence: [String]) {
        var caveats: [String] = [], evidence: [String] = []
        if advice.isProcedure {
            switch patient.anticoagulated {
            case .yes:
                caveats.append(
                    "Anticoagulated or coagulopathy: plan how to pause the anticoagulant or correct the coagulopathy before this procedure (an uncorrected coagulopathy is a contraindication)."
                )
                evidence.append(anticoagulationEvidence)
            case .unknown:
                caveats.append("Anticoagulation and coagulation were not recorded: check them before this procedure.")
                evidence.append(anticoagulationEvidence)
            case .no: break
            }
        }
        if !advice.exposures.isEmpty, patient.effectivePregnancy.answer == .yes {
            let what = advice.exposures.sorted().map {
                switch $0 {
                case .contrast: "contrast"
                case .ionisingRadiation: "ionising radiation"
                case .drug: "drugs"
                }
            }
            caveats.append(
                "Pregnant: this item involves \(what.joined(separator: ", ")); check each with obstetric advice before use (MRI without contrast is preferred where imaging is needed)."
            )
            evidence.append(pregnancyEvidence)
        }
        return (caveats, evidence)
    }
}

/// Gate estimates by (signs, pretest): the estimate depends on nothing else,
/// so a batch of patients computes each once.
final class GateEstimateCache: @unchecked Sendable {
    struct Key: Hashable {
        let signs: String
        let pretest: UInt64
    }
    private let lock = NSLock()
    private var entries: [Key: GateAssessment] = [:]

    subscript(key: Key) -> GateAssessment? {
        get { lock.withLock { entries[key] } }
        set {
            lock.withLock {
                if entries.count >= 4096 { entries.removeAll(keepingCapacity: true) }
                entries[key] = newValue
            }
        }
    }
}
