/// The inputs of the referral pathway, by their JSON key.
///
/// A rule that cannot be decided names the inputs it needs with these
/// ("R3 not assessed: needs painSeverity"), and the referral note lists every
/// input used with its value and where the value came from.
public enum PatientInput: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case fractureLevel
    case weeksSinceOnset
    case highEnergyTrauma
    case neurologicalDeficit
    case spinalInstability
    case malignancySuspected
    case infectionSuspected
    case deformityOrProgressiveKyphosis
    case pulmonaryDysfunction
    case anticoagulated
    case pregnant
    case augmentationCandidate
    case painTrajectory
    case painSeverity
    case analgesiaTriedPainPersists
    case acutePainSubsided
    case mri
    case closedFistPercussion
    case supineSign
    case pretest
    case age

    /// The five red flags of the pathway.
    public static let redFlags: [PatientInput] = [
        .neurologicalDeficit, .spinalInstability, .malignancySuspected, .infectionSuspected, .deformityOrProgressiveKyphosis,
    ]

    /// The yes/no/unknown inputs.
    public static let answers: [PatientInput] = [
        .highEnergyTrauma, .neurologicalDeficit, .spinalInstability, .malignancySuspected, .infectionSuspected,
        .deformityOrProgressiveKyphosis, .pulmonaryDysfunction, .anticoagulated, .pregnant, .augmentationCandidate,
    ]

    /// Words for a clinician.
    public var label: String {
        switch self {
        case .fractureLevel: "fracture level"
        case .weeksSinceOnset: "weeks since onset"
        case .highEnergyTrauma: "high-energy trauma"
        case .neurologicalDeficit: "neurological deficit"
        case .spinalInstability: "spinal instability"
        case .malignancySuspected: "malignancy suspected"
        case .infectionSuspected: "infection suspected"
        case .deformityOrProgressiveKyphosis: "significant deformity or progressive kyphosis"
        case .pulmonaryDysfunction: "pulmonary dysfunction"
        case .anticoagulated: "anticoagulated or coagulopathy"
        case .pregnant: "pregnant"
        case .augmentationCandidate: "augmentation candidate"
        case .painTrajectory: "pain trajectory"
        case .painSeverity: "pain severity"
        case .analgesiaTriedPainPersists: "analgesia tried, pain persists"
        case .acutePainSubsided: "acute pain subsided"
        case .mri: "MRI"
        case .closedFistPercussion: "closed-fist percussion sign"
        case .supineSign: "supine sign"
        case .pretest: "pretest probability"
        case .age: "age"
        }
    }

    public static func < (left: Self, right: Self) -> Bool { order[left]! < order[right]! }
    private static let order = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
