/// One rule of the referral pathway, as data: when it applies, when it is
/// withheld and why, what it recommends, and the evidence behind it.
public struct ReferralRule: Sendable, Hashable {
    /// What to do: the words, and what they involve (imaging, exposures, a procedure).
    public struct Advice: Sendable, Hashable {
        public let text: String
        public let imaging: Set<Imaging>
        public let exposures: Set<Exposure>
        /// A percutaneous or invasive procedure (augmentation, nerve block, biopsy).
        public let isProcedure: Bool

        public init(_ text: String, imaging: Set<Imaging> = [], exposures: Set<Exposure> = [], isProcedure: Bool = false) {
            self.text = text
            self.imaging = imaging
            self.exposures = exposures.union(imaging.contains { $0.usesIonisingRadiation } ? [.ionisingRadiation] : [])
            self.isProcedure = isProcedure
        }
    }

    /// Another wording of the whole action when `when` holds (the first match wins).
    public struct Variant: Sendable, Hashable {
        public let when: Condition
        public let advice: Advice
        /// The urgency in this case, when it differs from the rule's.
        public let urgency: Urgency?
        public init(when: Condition, _ advice: Advice, urgency: Urgency? = nil) {
            self.when = when
            self.advice = advice
            self.urgency = urgency
        }
    }

    /// Wording added when `when` also holds, possibly changing the urgency.
    public struct Addendum: Sendable, Hashable {
        public let when: Condition
        public let advice: Advice
        public let urgency: Urgency?
        public let caveats: [String]
        public let evidence: [String]

        public init(when: Condition, _ advice: Advice, urgency: Urgency? = nil, caveats: [String] = [], evidence: [String] = []) {
            self.when = when
            self.advice = advice
            self.urgency = urgency
            self.caveats = caveats
            self.evidence = evidence
        }
    }

    /// A reason to withhold a rule that would otherwise fire.
    public struct Withholding: Sendable, Hashable {
        public let when: Condition
        public let reason: String
        public init(when: Condition, reason: String) {
            self.when = when
            self.reason = reason
        }
    }

    public let id: String
    /// A short name, e.g. "neurological deficit: emergency referral".
    public let title: String
    public let when: Condition
    public let withheldWhen: [Withholding]
    /// After the withholdings: the rule simply does not apply when this holds
    /// (R9 beside another referral); nothing is listed.
    public let unless: Condition?
    public let advice: Advice
    public let variants: [Variant]
    public let addenda: [Addendum]
    public let specialty: Specialty?
    public let urgency: Urgency
    public let rationale: String
    /// Evidence record ids (each must exist in the evidence base).
    public let evidence: [String]
    public let caveats: [String]
    public let support: Support
    /// A red-flag rule: never removed or lowered by the gate.
    public let isRedFlag: Bool
    /// The action in a few words, true whatever the other inputs turn out to
    /// be: what the bedside consult prints the moment a red flag is answered yes.
    public let headline: String?

    public init(
        id: String, title: String, when: Condition, withheldWhen: [Withholding] = [], unless: Condition? = nil, advice: Advice,
        variants: [Variant] = [],
        addenda: [Addendum] = [], specialty: Specialty? = nil, urgency: Urgency, rationale: String, evidence: [String],
        caveats: [String] = [], support: Support, isRedFlag: Bool = false, headline: String? = nil
    ) {
        self.id = id
        self.title = title
        self.when = when
        self.withheldWhen = withheldWhen
        self.unless = unless
        self.advice = advice
        self.variants = variants
        self.addenda = addenda
        self.specialty = specialty
        self.urgency = urgency
        self.rationale = rationale
        self.evidence = evidence
        self.caveats = caveats
        self.support = support
        self.isRedFlag = isRedFlag
        self.headline = headline
    }

    /// The rules whose outcome this one reads (evaluated before it).
    var referencedRules: [String] {
        when.referencedRules + (unless?.referencedRules ?? []) + withheldWhen.flatMap(\.when.referencedRules)
    }

    /// Whether the recommendation is a referral to another service.
    public var isReferral: Bool { specialty != nil }
}
