import DxStats

/// One rule of the referral pathway, as data: when it applies, what it
/// recommends, and the evidence behind it.
public struct ReferralRule: Sendable, Hashable {
    /// How urgent a recommendation is.
    public enum Urgency: String, Sendable, Hashable, CaseIterable { case immediate, soon, routine, consider }

    /// How well the rule's wording is supported.
    public enum Support: String, Sendable, Hashable {
        /// Supported by a reported guideline statement or study.
        case supported
        /// The seed's wording, attributed to a guideline but not found in its text.
        case attributedUnverified = "attributed, unverified"
        /// The seed's wording; no guideline source was found.
        case noGuidelineSource = "no guideline source found"
    }

    public let id: String
    public let when: Condition
    public let action: String
    /// The specialty referred to, or nil when the rule is not a referral.
    public let specialty: String?
    public let urgency: Urgency
    public let rationale: String
    /// Evidence record ids (each must exist in the evidence base).
    public let evidence: [String]
    /// Caveats in plain words.
    public let caveats: [String]
    public let support: Support
    /// A red-flag rule: never removed by the gate.
    public let isRedFlag: Bool
    /// Extra wording (and possibly a higher urgency) when a further condition holds.
    public let addenda: [Addendum]

    /// Wording added to a rule's recommendation when `when` also holds.
    public struct Addendum: Sendable, Hashable {
        public let when: Condition
        public let text: String
        public let urgency: Urgency?
        public let caveats: [String]

        public init(when: Condition, text: String, urgency: Urgency? = nil, caveats: [String] = []) {
            self.when = when
            self.text = text
            self.urgency = urgency
            self.caveats = caveats
        }
    }

    public init(
        id: String, when: Condition, action: String, specialty: String?, urgency: Urgency, rationale: String,
        evidence: [String], caveats: [String] = [], support: Support, isRedFlag: Bool = false, addenda: [Addendum] = []
    ) {
        self.id = id
        self.when = when
        self.action = action
        self.specialty = specialty
        self.urgency = urgency
        self.rationale = rationale
        self.evidence = evidence
        self.caveats = caveats
        self.support = support
        self.isRedFlag = isRedFlag
        self.addenda = addenda
    }
    /// Whether the recommendation is a referral to another service.
    public var isReferral: Bool { specialty != nil }
}
