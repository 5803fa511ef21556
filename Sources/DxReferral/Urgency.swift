/// How urgent a recommendation is, in the order the note lists them
/// (referral-pathway.md, version 2, "Output"). The time frames are policy.
public enum Urgency: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case emergency
    case urgent
    case firstLine
    case soon
    case consider
    case routine
    case followUp

    /// The stated time frame (policy, not evidence).
    public var timeFrame: String {
        switch self {
        case .emergency: "today"
        case .urgent: "within 24–48 hours"
        case .firstLine: "start now"
        case .soon: "within 2 weeks"
        case .consider: "discuss; no deadline"
        case .routine: "at the next planned visit"
        case .followUp: "at the time stated"
        }
    }

    /// Words for a note: "emergency", "first line", "follow-up".
    public var words: String {
        switch self {
        case .firstLine: "first line"
        case .followUp: "follow-up"
        default: rawValue
        }
    }

    /// 0 for emergency … 6 for follow-up.
    public var rank: Int {
        switch self {
        case .emergency: 0
        case .urgent: 1
        case .firstLine: 2
        case .soon: 3
        case .consider: 4
        case .routine: 5
        case .followUp: 6
        }
    }

    /// More urgent sorts first.
    public static func < (left: Self, right: Self) -> Bool { left.rank < right.rank }
}

/// Who a recommendation refers to.
public enum Specialty: String, Sendable, Hashable, CaseIterable, Codable {
    case orthopaedicSurgeryOrNeurosurgery
    case interventionalRadiology
    case painManagement
    case physicalTherapy
    case spinalTeam
    case spinalTraumaTeam
    case oncologySpineAndInterventionalTeam
    case fractureLiaisonService

    public var words: String {
        switch self {
        case .orthopaedicSurgeryOrNeurosurgery: "orthopaedic surgery or neurosurgery"
        case .interventionalRadiology: "interventional radiology"
        case .painManagement: "pain management"
        case .physicalTherapy: "physical therapy"
        case .spinalTeam: "spinal team"
        case .spinalTraumaTeam: "spinal (trauma) team"
        case .oncologySpineAndInterventionalTeam: "oncology, spine and interventional team"
        case .fractureLiaisonService: "fracture liaison service"
        }
    }
}

/// An imaging test a recommendation asks for.
public enum Imaging: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case mri, ct, ctMyelography, boneScan, spectCT, fdgPetCT, lowDoseWholeBodyCT, nuclearMedicine

    public static func < (left: Self, right: Self) -> Bool { order[left]! < order[right]! }
    private static let order = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// Whether the test uses ionising radiation.
    public var usesIonisingRadiation: Bool { self != .mri }
}

/// What a recommendation exposes the patient to (pregnancy caveats).
public enum Exposure: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case contrast, ionisingRadiation, drug

    public static func < (left: Self, right: Self) -> Bool { order[left]! < order[right]! }
    private static let order = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}

/// How well a rule's wording is supported.
public enum Support: String, Sendable, Hashable, CaseIterable, Codable {
    /// Supported by a reported guideline statement or study.
    case supported
    /// The seed's wording, attributed to a guideline but not found in its text.
    case attributedUnverified
    /// The seed's wording; no guideline source was found.
    case noGuidelineSource
    /// Clinical standard practice that the seed does not state; the evidence cites its source.
    case clinicalStandard
    /// The sources conflict; both are shown.
    case conflictingEvidence

    public var words: String {
        switch self {
        case .supported: "supported"
        case .attributedUnverified: "attributed, unverified"
        case .noGuidelineSource: "no guideline source found"
        case .clinicalStandard: "clinical standard, not in the seed"
        case .conflictingEvidence: "conflicting evidence"
        }
    }
}
