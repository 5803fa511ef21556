import DxEvidence
import DxStats

/// One recommendation of the pathway, with the rule it came from.
public struct Recommendation: Sendable, Hashable, Codable {
    public let rule: String
    public let title: String
    public let urgency: Urgency
    /// The urgency tier's time frame (policy).
    public let timeFrame: String
    public let action: String
    public let specialty: Specialty?
    public let rationale: String
    public let evidence: [String]
    public let caveats: [String]
    public let support: Support
    public let redFlag: Bool
    /// Imaging tests the action asks for.
    public let imaging: [Imaging]
    /// What the action exposes the patient to (contrast, ionising radiation, drugs).
    public let exposures: [Exposure]
    /// Whether the action involves a procedure (augmentation, nerve block, biopsy).
    public let procedure: Bool
}

/// A rule that could not be evaluated because inputs it needs are unknown.
public struct NotAssessedRule: Sendable, Hashable, Codable {
    public let rule: String
    public let title: String
    public let needs: [PatientInput]
    public let reason: String
}

/// A rule that would have fired but was withheld, with the reasons.
public struct WithheldRule: Sendable, Hashable, Codable {
    public let rule: String
    public let title: String
    public let reasons: [String]
}

/// One input as the pathway used it.
public struct InputUsed: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// Given by the user.
        case given
        /// Not given: the documented default.
        case `default`
        /// Not given and no default: unknown (never read as no).
        case unknown
        /// Worked out from other inputs (for example pregnancy at age 60 or over).
        case derived
    }

    public let input: PatientInput
    public let label: String
    public let value: String
    public let source: Source
    public let note: String?
}

/// A probability with its interval, naming what it is the probability of.
public struct ProbabilityInterval: Sendable, Hashable, Codable {
    /// What the probability is of, e.g. "acute fracture on MRI among patients referred with …".
    public let of: String
    /// The point estimate, when there is one (nil where only a range is honest).
    public let estimate: Double?
    public let lower: Double
    public let upper: Double
    /// How the interval was obtained, in words.
    public let method: String
}

/// The gate's part of a referral note: whether it applies, and if so its
/// estimate and classification.
public struct GateReport: Sendable, Hashable, Codable {
    public struct Thresholds: Sendable, Hashable, Codable {
        public let lower: Double
        public let upper: Double
        public let policy: Bool
    }
    public struct PretestUsed: Sendable, Hashable, Codable {
        public let probability: Double
        /// The preset id, or nil for a typed number.
        public let preset: String?
        public let isDefault: Bool
        /// What the pretest is the probability of.
        public let of: String?
        /// True for a typed number: taken to be about the signs' target.
        public let targetAssumed: Bool
    }
    public struct SignUsed: Sendable, Hashable, Codable {
        public let id: String
        public let title: String
        public let result: TestResult
    }
    public struct MonteCarlo: Sendable, Hashable, Codable {
        public let draws: Int
        public let seed: UInt64
    }

    public let applies: Bool
    /// Why it does not apply, or what it did.
    public let reason: String
    public let classification: AcuityGate.Outcome?
    /// The headline: the interval the classification used (covering the unknown dependence).
    public let probability: ProbabilityInterval?
    /// Beside it: the estimate if the signs were independent, labelled as such.
    public let independence: ProbabilityInterval?
    public let thresholds: Thresholds?
    public let pretest: PretestUsed?
    public let signs: [SignUsed]
    public let monteCarlo: MonteCarlo?
}

/// What the pathway says for one patient.
///
/// Its JSON (schema `Schemas/refer.schema.json`) is the encoding of this type.
public struct ReferralResult: Sendable, Codable {
    public struct RedFlags: Sendable, Hashable, Codable {
        public let present: [PatientInput]
        public let unknown: [PatientInput]
    }

    public static let schemaVersion = "2.0"

    public let schemaVersion: String
    public let pathwayVersion: Int
    public let id: String?
    /// False only with high-energy trauma.
    public let applicable: Bool
    public let notApplicableReason: String?
    public let inputsUsed: [InputUsed]
    /// Ordered by urgency, then rule order.
    public let recommendations: [Recommendation]
    public let notAssessed: [NotAssessedRule]
    public let withheld: [WithheldRule]
    public let gate: GateReport
    public let safetyNet: [String]
    public let safetyNetEvidence: [String]
    public let redFlags: RedFlags
    public let disclaimer: String

    /// The recommendation for `rule`, if it fired.
    public func recommendation(_ rule: String) -> Recommendation? {
        recommendations.first { $0.rule == rule }
    }
}
