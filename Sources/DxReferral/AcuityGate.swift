import DxEvidence
import DxStats

/// The acute-versus-chronic gate (referral-pathway.md, version 2): when MRI
/// is not immediately available (or is contraindicated), the bedside signs
/// estimate P(acute fracture) among patients with a suspected acute
/// osteoporotic compression fracture, and the pathway reacts to whether its
/// interval clears the policy thresholds.
///
/// The gate applies only without any red flag (suspected or unknown),
/// without high-energy trauma, with a single symptomatic level, with MRI not
/// immediately available or contraindicated, and with at least one sign
/// positive or negative. It never removes or lowers a red-flag
/// recommendation, and "acute less likely" never reads "old" or "not the
/// pain source".
public enum AcuityGate {
    /// The gate's three outcomes.
    public enum Outcome: String, Sendable, Hashable, CaseIterable, Codable {
        /// The whole interval lies at or above the upper threshold.
        case acuteLikely
        /// The whole interval lies at or below the lower threshold.
        case acuteLessLikely
        /// Otherwise.
        case indeterminate

        public init(_ classification: GateDecision.Classification) {
            switch classification {
            case .likely: self = .acuteLikely
            case .lessLikely: self = .acuteLessLikely
            case .indeterminate: self = .indeterminate
            }
        }

        /// "acute likely", "acute less likely", "indeterminate".
        public var words: String {
            switch self {
            case .acuteLikely: "acute likely"
            case .acuteLessLikely: "acute less likely"
            case .indeterminate: "indeterminate"
            }
        }
    }

    /// Whether the gate applies to a patient, and why not.
    public enum Scope: Sendable, Hashable {
        case applies
        /// It does not apply; the reason says why.
        case doesNotApply(reason: String)
        /// A red flag is present: the G item is withheld, with this reason.
        case withheldByRedFlag(reason: String)
        /// Unknown inputs keep it from applying (never read as "no").
        case notAssessed(reason: String, needs: Set<PatientInput>)
    }

    /// The sign record ids that the patient's fields refer to.
    public static let signIds: [(input: PatientInput, id: String)] = [
        (.closedFistPercussion, "closed-fist-percussion"), (.supineSign, "supine-sign"),
    ]

    /// The target every probability of the gate is about.
    public static let targetId = "target-acute-fracture-suspected-vcf"

    /// When the gate applies, in words (the G row of the rule table).
    public static let whenDescription =
        "MRI not immediately available or contraindicated, at least one sign positive or negative, no red flag (none suspected, none unknown), no high-energy trauma, a single symptomatic level"

    /// Whether the gate applies (``scope(for:)`` without its reasons).
    public static func applies(to patient: Patient) -> Bool {
        patient.highEnergyTrauma == .no && (patient.mri == .unavailable || patient.mri == .contraindicated) && patient.anySignExamined
            && patient.fractureLevels.count == 1 && PatientInput.redFlags.allSatisfy { patient.answer($0) == .no }
    }

    /// Whether the gate applies, decided on the patient's inputs alone.
    public static func scope(for patient: Patient) -> Scope {
        if patient.highEnergyTrauma == .yes {
            return .doesNotApply(reason: "high-energy trauma: the pathway does not apply.")
        }
        var otherReason: String?
        if ![.unavailable, .contraindicated].contains(patient.mri) {
            otherReason = "MRI is \(patient.mri.description): imaging, not the bedside signs, tells an acute fracture."
        } else if !patient.anySignExamined {
            otherReason = "no bedside sign was positive or negative (not done or not assessable)."
        } else if patient.fractureLevels.count > 1 {
            otherReason =
                "several symptomatic levels (\(patient.fractureLevels.joined(separator: ", "))): percussion covers the whole spine and cannot point to one level."
        }
        let (present, unknown) = patient.redFlags
        if !present.isEmpty {
            // The red flag is the reason that matters most; the G item is withheld only where it would otherwise apply.
            let reason =
                "a red flag is present (\(present.map(\.label).joined(separator: ", "))): the Langdon signs were studied in osteoporotic fractures only; the red-flag items decide the imaging."
            return otherReason == nil ? .withheldByRedFlag(reason: reason) : .doesNotApply(reason: reason)
        }
        if let otherReason { return .doesNotApply(reason: otherReason) }
        var needs = Set(unknown)
        if patient.highEnergyTrauma == .unknown { needs.insert(.highEnergyTrauma) }
        if !needs.isEmpty {
            return .notAssessed(
                reason:
                    "not applied while \(needs.sorted().map(\.label).joined(separator: ", ")) \(needs.count == 1 ? "is" : "are") unknown: the signs were studied in osteoporotic fractures without red flags.",
                needs: needs)
        }
        return .applies
    }

    /// The evidence the G item cites (with the pretest preset, when one is used).
    public static let evidence = ["closed-fist-percussion", "supine-sign", "nass-2020-clinical-diagnosis", "langdon-dependence-bounds"]

    static let rationale =
        "MRI is not immediately available: the bedside signs (Langdon 2010; NASS grade B) estimate whether the fracture is acute."

    static let caveats = [
        "The thresholds are policy, not evidence.",
        "The Langdon signs come from one specialist centre (61.5 % acute) and separate an acute fracture from 'no acute fracture on MRI', which is not always an old fracture.",
        "The two signs were examined on the same patients; their joint results are unpublished, so the gate's interval covers every dependence the margins allow.",
    ]

    /// What each outcome means for the patient (the G item).
    public static func advice(_ outcome: Outcome, mri: Patient.MRIState) -> ReferralRule.Advice {
        switch outcome {
        case .acuteLikely:
            return .init(
                "An acute fracture is likely and is the likely pain source: medical management (R10) and reassessment (R15); augmentation at most 'consider' until imaging confirms an unhealed fracture; imaging when possible, to confirm it and to rule out a pathologic fracture."
            )
        case .acuteLessLikely:
            return .init(
                "An acute fracture is less likely; a healing, new or pathologic fracture and causes outside the spine (for example an aortic aneurysm) are not excluded, and imaging is still needed. Look for other sources of pain (R14)."
            )
        case .indeterminate:
            if mri == .contraindicated {
                return .init(
                    "The signs do not settle it: imaging decides (CT, or a bone scan or SPECT/CT to show activity); medical management meanwhile.",
                    imaging: [.ct, .boneScan, .spectCT])
            }
            return .init(
                "The signs do not settle it: imaging decides (MRI as soon as it is available); medical management meanwhile.", imaging: [.mri])
        }
    }

    static func urgency(_ outcome: Outcome) -> Urgency {
        outcome == .indeterminate ? .soon : .routine
    }
}

/// The bedside estimate behind the gate: the combination of the signs, the
/// pretest it started from, and the sign records used.
public struct GateAssessment: Sendable {
    public let estimate: CombinedPostTest
    public let pretest: ResolvedPretest
    /// The sign records used, with each result.
    public let signs: [(record: EvidenceRecord, result: TestResult)]
    public var decision: GateDecision { estimate.gate }
    public var outcome: AcuityGate.Outcome { AcuityGate.Outcome(estimate.gate.classification) }
}
