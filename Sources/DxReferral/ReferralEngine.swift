import DxEvidence
import DxStats
import FoundationEssentials
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
            throw PatientError(field: "pretest", problem: error.message.replacing("pretest ", with: ""))
        }
    }

    /// The gate's bedside estimate, or nil when the gate does not apply.
    /// Estimates are computed once per (signs, pretest) and reused.
    public func gateAssessment(for patient: Patient, pretest: ResolvedPretest) throws(PatientError) -> GateAssessment? {
        guard AcuityGate.applies(to: patient) else { return nil }
        let examined = AcuityGate.signIds.compactMap { input, id -> (PatientInput, String, TestResult)? in
            let result = input == .closedFistPercussion ? patient.closedFistPercussion : patient.supineSign
            switch result {
            case .positive: return (input, id, .positive)
            case .negative: return (input, id, .negative)
            case .notDone, .notAssessable: return nil
            }
        }
        let key = GateEstimateCache.Key(
            percussion: patient.closedFistPercussion, supine: patient.supineSign, pretest: pretest.probability.bitPattern)
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
            for rule in ReferralPathway.evaluationOrder { evaluation.apply(rule) }
            evaluation.applyGate()
            if patient.highEnergyTrauma == .unknown {
                evaluation.notAssessed.append(
                    NotAssessedRule(
                        rule: ReferralPathway.trauma.id, title: "scope: high-energy trauma", needs: [.highEnergyTrauma],
                        reason: "If there was high-energy trauma this pathway does not apply: CT of the spine and spinal (trauma) team review."))
            }
        }
        let position = { (rule: String) in ReferralPathway.positions[rule] ?? Int.max }
        let (present, unknown) = patient.redFlags
        return ReferralResult(
            schemaVersion: ReferralResult.schemaVersion, pathwayVersion: ReferralPathway.version, id: patient.id,
            applicable: patient.highEnergyTrauma != .yes,
            notApplicableReason: patient.highEnergyTrauma == .yes
                ? "not applicable: high-energy trauma: CT of the spine and spinal (trauma) team review" : nil,
            inputsUsed: InputsUsed.list(for: patient, pretest: pretest),
            recommendations: evaluation.recommendations.sorted { ($0.urgency.rank, position($0.rule)) < ($1.urgency.rank, position($1.rule)) },
            notAssessed: evaluation.notAssessed.sorted { position($0.rule) < position($1.rule) },
            withheld: evaluation.withheld.sorted { position($0.rule) < position($1.rule) },
            gate: evaluation.gateReport(pretest: pretest), safetyNet: ReferralPathway.safetyNet,
            safetyNetEvidence: ReferralPathway.safetyNetEvidence, redFlags: .init(present: present, unknown: unknown),
            disclaimer: Disclaimer.text)
    }
}

/// The rules evaluated one by one, collecting what fired, what was withheld
/// and what could not be assessed.
struct Evaluation {
    let patient: Patient
    let gate: GateAssessment?
    /// Whether the gate applies (computed once).
    let scope: AcuityGate.Scope
    var context: Condition.Context
    var recommendations: [Recommendation] = []
    var notAssessed: [NotAssessedRule] = []
    var withheld: [WithheldRule] = []

    init(patient: Patient, gate: GateAssessment?) {
        self.patient = patient
        self.gate = gate
        scope = AcuityGate.scope(for: patient)
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
            return
        }
        if let unless = rule.unless {
            switch unless.evaluate(context) {
            case .yes:
                context.outcomes[rule.id] = .no
                return
            case .unknown(let more): needs.formUnion(more)
            case .no: break
            }
        }
        if !needs.isEmpty {
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

    /// The recommendation of a rule that fired. It depends only on the rule,
    /// which variant and addenda hold, and the anticoagulation and pregnancy
    /// answers, so each combination is built once per process.
    func recommendation(_ rule: ReferralRule) -> Recommendation {
        let variant = rule.variants.firstIndex { holds($0.when) }
        var addenda: UInt32 = 0
        for (index, addendum) in rule.addenda.enumerated() where holds(addendum.when) { addenda |= 1 << index }
        let key = RecommendationCache.Key(
            rule: rule.id, variant: variant ?? -1, addenda: addenda, anticoagulated: patient.anticoagulated,
            pregnant: patient.effectivePregnancy.answer)
        if let cached = RecommendationCache.shared[key] { return cached }
        let built = build(
            rule, variant: variant.map { rule.variants[$0] }, addenda: rule.addenda.enumerated().filter { addenda >> $0.offset & 1 == 1 }.map(\.element))
        RecommendationCache.shared[key] = built
        return built
    }

    private func build(_ rule: ReferralRule, variant: ReferralRule.Variant?, addenda: [ReferralRule.Addendum]) -> Recommendation {
        var advice = variant?.advice ?? rule.advice
        var urgency = variant?.urgency ?? rule.urgency
        var caveats = rule.caveats, evidence = rule.evidence
        var text = advice.text, imaging = advice.imaging, exposures = advice.exposures, procedure = advice.isProcedure
        for addendum in addenda {
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
        switch scope {
        case .applies:
            guard let gate else { return }
            let outcome = gate.outcome
            let rule = ReferralRule(
                id: "G", title: "acute-versus-chronic gate: \(outcome.words)", when: .always,
                advice: AcuityGate.advice(outcome, mri: patient.mri), urgency: AcuityGate.urgency(outcome),
                rationale: AcuityGate.rationale, evidence: AcuityGate.evidence + [gate.pretest.preset?.id].compactMap { $0 },
                caveats: AcuityGate.caveats, support: .supported)
            // Built afresh: its wording depends on the outcome and the preset, which the cache key does not hold.
            recommendations.append(build(rule, variant: nil, addenda: []))
        case .withheldByRedFlag(let reason):
            withheld.append(WithheldRule(rule: "G", title: "acute-versus-chronic gate", reasons: [reason]))
        case .notAssessed, .doesNotApply:
            // The gate "does not apply" with a red flag unknown (the spec's words); the gate report says why.
            break
        }
    }

    func gateReport(pretest: ResolvedPretest?) -> GateReport {
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

/// Recommendations already built, by what they depend on (see `Evaluation.recommendation`).
final class RecommendationCache: @unchecked Sendable {
    struct Key: Hashable {
        let rule: String
        let variant: Int
        let addenda: UInt32
        let anticoagulated: Answer
        let pregnant: Answer
    }
    static let shared = RecommendationCache()
    private let entries = Mutex<[Key: Recommendation]>([:])

    subscript(key: Key) -> Recommendation? {
        get { entries.withLock { $0[key] } }
        set { entries.withLock { $0[key] = newValue } }
    }
}

/// Gate estimates by (signs, pretest): the estimate depends on nothing else,
/// so a batch of patients computes each once.
final class GateEstimateCache: @unchecked Sendable {
    struct Key: Hashable {
        let percussion: Patient.SignResult
        let supine: Patient.SignResult
        let pretest: UInt64
    }
    private let entries = Mutex<[Key: GateAssessment]>([:])

    subscript(key: Key) -> GateAssessment? {
        get { entries.withLock { $0[key] } }
        set {
            entries.withLock { entries in
                if entries.count >= 4096 { entries.removeAll(keepingCapacity: true) }
                entries[key] = newValue
            }
        }
    }
}
