import DxEvidence
import DxReferral
import DxStats

/// The invariants of the specification's "Hazards and their invariants"
/// table, checked on one patient and the pathway's result. Each returns the
/// violations found (empty when the invariant holds), naming the hazard.
struct HazardInvariants {
    /// Texts already checked for forbidden words (the same wording recurs across patients).
    var checkedTexts: Set<String> = []

    static let knownEvidence: Set<String> = Set((try? EvidenceBase.builtIn().records.map(\.id)) ?? [])
    static let referralRules: Set<String> = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R13", "R17"]
    static let forbiddenWords = ["probably old", "not the pain source", "is old", "chronic fracture"]

    mutating func violations(_ patient: Patient, _ result: ReferralResult) -> [String] {
        var problems: [String] = []
        func check(_ condition: Bool, _ hazard: String, _ detail: @autoclosure () -> String = "") {
            if !condition { problems.append("\(hazard)\(detail().isEmpty ? "" : ": " + detail())") }
        }
        let items = Dictionary(result.recommendations.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
        let rules = Set(items.keys)
        let withheld = Set(result.withheld.map(\.rule))
        let (present, unknown) = patient.redFlags
        let inScope = patient.highEnergyTrauma != .yes

        // a deficit waits
        if patient.neurologicalDeficit == .yes {
            let item = items["R1"]
            check(item?.urgency == .emergency, "a deficit waits", "R1 not emergency")
            check(result.recommendations.first?.rule == "R1", "a deficit waits", "R1 not first")
            check(!(item?.imaging.isEmpty ?? true), "a deficit waits", "no emergency imaging")
            check(!(item?.action.lowercased().contains("when available") ?? true), "a deficit waits", "imaging 'when available'")
            check(item?.action.contains("today") ?? false, "a deficit waits", "not today")
        }
        // a pathologic fracture is missed
        if patient.malignancySuspected == .yes && inScope {
            let item = items["R13"]
            check(item?.urgency == .urgent, "a pathologic fracture is missed", "R13 not urgent")
            check(item.map { !$0.imaging.isEmpty } ?? false, "a pathologic fracture is missed", "no imaging route")
            check(item?.action.contains("myeloma") ?? false, "a pathologic fracture is missed", "no myeloma tests")
            check(item?.action.contains("serum free light chains") ?? false, "a pathologic fracture is missed", "no free light chains")
        }
        // an infection is missed
        if patient.infectionSuspected == .yes && inScope {
            let item = items["R17"]
            check(item?.urgency == .urgent, "an infection is missed", "R17 not urgent")
            check(
                item?.action.contains(
                    "blood cultures and inflammatory markers (ESR, CRP) before antibiotics unless the patient is septic or neurologically compromised")
                    ?? false, "an infection is missed", "cultures before antibiotics")
        }
        // false reassurance
        if !present.isEmpty || !unknown.isEmpty {
            check(!rules.contains("R9"), "false reassurance", "R9 with a red flag present or unknown")
            check(result.gate.classification == nil, "false reassurance", "gate classified with a red flag present or unknown")
        }
        for text in result.recommendations.map(\.action) + result.withheld.flatMap(\.reasons) + [result.gate.reason]
        where checkedTexts.insert(text).inserted {
            let lowered = text.lowercased()
            for word in Self.forbiddenWords { check(!lowered.contains(word), "false reassurance", "'\(word)' in '\(text)'") }
        }
        // imaging the patient cannot have
        if patient.mri == .contraindicated {
            for item in result.recommendations {
                check(!item.imaging.contains(.mri), "imaging the patient cannot have", "\(item.rule) asks for MRI")
                check(!item.action.contains("MRI"), "imaging the patient cannot have", "\(item.rule) mentions MRI")
            }
        }
        // augmenting a healed fracture / the wrong patient
        let healed = patient.mri == .noOedema || result.gate.classification == .acuteLessLikely
        let wrongPatient =
            [patient.infectionSuspected, patient.neurologicalDeficit, patient.spinalInstability].contains(.yes)
            || patient.effectivePregnancy.answer == .yes
        for rule in ["R5", "R6"] {
            if healed { check(!rules.contains(rule), "augmenting a healed fracture", rule) }
            if wrongPatient { check(!rules.contains(rule), "augmenting the wrong patient", rule) }
            if patient.malignancySuspected == .yes { check(!rules.contains(rule), "augmenting the wrong patient", "\(rule) with malignancy") }
        }
        if healed && inScope && patient.weeksSinceOnset >= 12 && !patient.acutePainSubsided {
            check(withheld.contains("R5"), "augmenting a healed fracture", "R5 not listed as withheld")
        }
        for entry in result.withheld { check(!entry.reasons.isEmpty, "augmenting a healed fracture", "\(entry.rule) withheld without a reason") }
        // an unconfirmed fracture augmented in a hurry
        if patient.mri != .oedema {
            for rule in ["R5", "R6"] {
                guard let item = items[rule] else { continue }
                check(item.urgency == .consider, "an unconfirmed fracture augmented in a hurry", "\(rule) \(item.urgency)")
                check(item.action.contains("only once imaging shows an unhealed fracture"), "an unconfirmed fracture augmented in a hurry", rule)
            }
        }
        // calcitonin where it does not help or may harm
        if rules.contains("R10c") {
            check(patient.onsetWithinFiveDays, "calcitonin where it does not help or may harm", "onset > 5 days")
            check(patient.effectivePregnancy.answer == .no, "calcitonin where it does not help or may harm", "pregnancy not excluded")
            check(present.isEmpty && unknown.isEmpty, "calcitonin where it does not help or may harm", "red flag")
            check(result.gate.classification != .acuteLessLikely, "calcitonin where it does not help or may harm", "acute less likely")
            check(patient.mri != .noOedema, "calcitonin where it does not help or may harm", "MRI without oedema")
        }
        // a procedure on an anticoagulated patient without warning
        for item in result.recommendations where item.procedure {
            if patient.anticoagulated == .yes {
                check(
                    item.caveats.contains { $0.hasPrefix("Anticoagulated or coagulopathy") },
                    "a procedure on an anticoagulated patient without warning", item.rule)
            }
            if patient.anticoagulated == .unknown {
                check(
                    item.caveats.contains { $0.hasPrefix("Anticoagulation and coagulation were not recorded") },
                    "a procedure on an anticoagulated patient without warning", "\(item.rule) (unknown)")
            }
        }
        // pregnancy
        if patient.effectivePregnancy.answer == .yes {
            check(!rules.contains("R10c"), "pregnancy", "R10c")
            for item in result.recommendations where !item.exposures.isEmpty {
                check(item.caveats.contains { $0.hasPrefix("Pregnant:") }, "pregnancy", "\(item.rule) without the pregnancy caveat")
            }
        }
        // Every item's exposures are declared (so the pregnancy check above sees them).
        for item in result.recommendations where checkedTexts.insert(item.rule + item.action).inserted {
            let text = item.action.lowercased()
            if text.contains("contrast") && !text.contains("without contrast") && !text.contains("without iv contrast") {
                check(item.exposures.contains(.contrast), "pregnancy", "\(item.rule) mentions contrast but does not declare it")
            }
            if item.imaging.contains(where: \.usesIonisingRadiation) {
                check(item.exposures.contains(.ionisingRadiation), "pregnancy", "\(item.rule) radiation not declared")
            }
        }
        // the wrong pathway
        if patient.highEnergyTrauma == .yes {
            check(!result.applicable, "the wrong pathway", "applicable")
            check(rules.contains("TRAUMA"), "the wrong pathway", "no TRAUMA item")
            check(rules.isSubset(of: ["TRAUMA", "R1"]), "the wrong pathway", "items \(rules.sorted())")
            check(items["TRAUMA"]?.imaging.contains(.ct) ?? false, "the wrong pathway", "no CT")
        } else {
            check(result.applicable, "the wrong pathway", "not applicable without trauma")
        }
        // a silent guess
        if !unknown.isEmpty { check(!rules.contains("R9"), "a silent guess", "R9 with a red flag unknown") }
        if patient.highEnergyTrauma == .unknown {
            check(result.notAssessed.contains { $0.rule == "TRAUMA" }, "a silent guess", "scope not listed as not assessed")
        }
        for entry in result.notAssessed { check(!entry.needs.isEmpty, "a silent guess", "\(entry.rule) needs nothing") }
        // a patient lost to follow-up
        if inScope && !patient.acutePainSubsided {
            check(rules.contains("R15") || rules.contains("R16"), "a patient lost to follow-up", "no R15 or R16")
        }
        check(!result.safetyNet.isEmpty, "a patient lost to follow-up", "no safety net")
        // no imaging plan
        if present.isEmpty && unknown.isEmpty && patient.highEnergyTrauma == .no && !patient.mri.isDone {
            check(!rules.isDisjoint(with: ["R11", "R12", "R18"]), "no imaging plan")
        }
        // osteoporosis forgotten
        if patient.highEnergyTrauma != .yes { check(rules.contains("R19"), "osteoporosis forgotten") }
        // a contradiction
        if rules.contains("R9") { check(rules.isDisjoint(with: Self.referralRules), "a contradiction", "R9 beside \(rules.intersection(Self.referralRules))") }
        // unsupported advice
        for item in result.recommendations {
            check(!item.evidence.isEmpty, "unsupported advice", "\(item.rule) cites nothing")
            for id in item.evidence where !Self.knownEvidence.contains(id) { check(false, "unsupported advice", "\(item.rule) cites missing \(id)") }
        }
        for id in result.safetyNetEvidence where !Self.knownEvidence.contains(id) { check(false, "unsupported advice", "safety net cites \(id)") }
        // a probability about the wrong thing: every probability names its target
        if let probability = result.gate.probability {
            check(probability.of.contains("acute fracture"), "a probability about the wrong thing", probability.of)
        }
        return problems
    }

    /// "A red flag that lowers care": `before` without the red flag, `after`
    /// with it. Every item of `before` is in `after` at the same or a higher
    /// urgency, or `after` lists it as withheld.
    static func redFlagViolations(before: ReferralResult, after: ReferralResult, flag: PatientInput) -> [String] {
        let afterItems = Dictionary(after.recommendations.map { ($0.rule, $0.urgency) }, uniquingKeysWith: { first, _ in first })
        let afterWithheld = Set(after.withheld.map(\.rule))
        var problems: [String] = []
        for item in before.recommendations {
            if let urgency = afterItems[item.rule] {
                if urgency > item.urgency { problems.append("a red flag that lowers care: \(flag) lowers \(item.rule) from \(item.urgency) to \(urgency)") }
            } else if !afterWithheld.contains(item.rule) {
                problems.append("a red flag that lowers care: \(flag) removes \(item.rule) without withholding it")
            }
        }
        return problems
    }
}
