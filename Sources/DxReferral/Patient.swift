/// One patient with a suspected low-energy vertebral compression fracture,
/// as the referral pathway needs them (referral-pathway.md, version 2).
///
/// Every yes/no input is an ``Answer`` and starts as `.unknown` (not asked):
/// unknown is never read as no. JSON keys are the property names; see
/// ``Patient/init(json:)`` for the strict reader.
///
/// ```swift
/// var patient = Patient(weeksSinceOnset: 2)
/// patient.neurologicalDeficit = .no
/// patient.closedFistPercussion = .positive
/// patient.anySignExamined   // true
/// ```
public struct Patient: Sendable, Hashable {
    /// How the pain is going.
    public enum PainTrajectory: String, Sendable, Hashable, CaseIterable, Codable {
        case improving, unchanged, worsening, unknown
    }

    /// Pain severity: a 0–10 score, a category, or unknown.
    public enum PainSeverity: Sendable, Hashable {
        case score(Double)
        case mild, moderate, severe
        case unknown

        /// Severe means 7–10; nil when unknown.
        public var isSevere: Bool? {
            switch self {
            case .score(let value): value >= 7
            case .severe: true
            case .mild, .moderate: false
            case .unknown: nil
            }
        }

        /// Text as a clinician writes it: "8/10", "moderate", "unknown".
        public var description: String {
            switch self {
            case .score(let value): (value == value.rounded() ? String(Int(value)) : String(value)) + "/10"
            case .mild: "mild"
            case .moderate: "moderate"
            case .severe: "severe"
            case .unknown: "unknown"
            }
        }
    }

    /// Where MRI stands.
    public enum MRIState: String, Sendable, Hashable, CaseIterable, Codable {
        /// MRI can be done now.
        case available
        /// MRI is not immediately available.
        case unavailable
        /// MRI cannot be done (pacemaker, severe claustrophobia, …).
        case contraindicated
        /// MRI done: marrow oedema (an acute, unhealed fracture).
        case oedema
        /// MRI done: no marrow oedema (a healed fracture, or a cleft or non-union).
        case noOedema

        /// Whether an MRI has been done.
        public var isDone: Bool { self == .oedema || self == .noOedema }

        /// Words for a note.
        public var description: String {
            switch self {
            case .available: "available now"
            case .unavailable: "not immediately available"
            case .contraindicated: "contraindicated"
            case .oedema: "done: marrow oedema (acute)"
            case .noOedema: "done: no marrow oedema"
            }
        }
    }

    /// A bedside sign's result.
    public enum SignResult: String, Sendable, Hashable, CaseIterable, Codable {
        case positive, negative, notDone, notAssessable

        /// Positive or negative: the sign counts in the estimate. "Not done"
        /// and "not assessable" are left out (never read as positive).
        public var wasExamined: Bool { self == .positive || self == .negative }
    }

    /// The symptomatic fracture level(s), T1…T12, L1…L5; default L2. Several
    /// levels mean the gate does not apply (percussion cannot point to one level).
    public var fractureLevels: [String] = ["L2"] { didSet { given.insert(.fractureLevel) } }
    /// Weeks since the onset of pain (fractions allowed: 5 days = 0.71).
    public var weeksSinceOnset: Double
    public var highEnergyTrauma: Answer = .unknown
    /// Weakness, numbness, saddle anaesthesia, bowel or bladder change.
    public var neurologicalDeficit: Answer = .unknown
    /// Clinical or imaging evidence, including retropulsion.
    public var spinalInstability: Answer = .unknown
    /// History of cancer, weight loss, night pain, or an atraumatic fracture without known osteoporosis.
    public var malignancySuspected: Answer = .unknown
    /// Fever, immunosuppression, intravenous drug use, recent spinal procedure or bacteraemia.
    public var infectionSuspected: Answer = .unknown
    public var deformityOrProgressiveKyphosis: Answer = .unknown
    public var pulmonaryDysfunction: Answer = .unknown
    /// Anticoagulated or a coagulopathy.
    public var anticoagulated: Answer = .unknown
    public var pregnant: Answer = .unknown
    /// Fit for a percutaneous procedure.
    public var augmentationCandidate: Answer = .unknown
    public var painTrajectory: PainTrajectory = .unknown
    public var painSeverity: PainSeverity = .unknown
    /// Analgesia tried and the pain persists (default no).
    public var analgesiaTriedPainPersists = false { didSet { given.insert(.analgesiaTriedPainPersists) } }
    /// The acute pain has subsided (default no).
    public var acutePainSubsided = false { didSet { given.insert(.acutePainSubsided) } }
    /// Default: not immediately available (the bedside situation DxKit was built for).
    public var mri: MRIState = .unavailable { didSet { given.insert(.mri) } }
    public var closedFistPercussion: SignResult = .notDone { didSet { given.insert(.closedFistPercussion) } }
    public var supineSign: SignResult = .notDone { didSet { given.insert(.supineSign) } }
    /// The pretest probability of an acute fracture among patients with a
    /// suspected acute osteoporotic compression fracture: a number, "30%",
    /// "1:3" or a preset id with that target; nil: the default preset.
    public var pretest: String? { didSet { given.insert(.pretest) } }
    /// Age in years (optional).
    public var age: Double? { didSet { given.insert(.age) } }
    /// An identifier carried through to the output unchanged (for batches).
    public var id: String?
    /// Which inputs were given (the rest took their defaults or are unknown).
    public var given: Set<PatientInput> = []

    public init(weeksSinceOnset: Double) {
        self.weeksSinceOnset = weeksSinceOnset
        given = [.weeksSinceOnset]
    }

    /// The answer to a yes/no input.
    public func answer(_ input: PatientInput) -> Answer {
        switch input {
        case .highEnergyTrauma: highEnergyTrauma
        case .neurologicalDeficit: neurologicalDeficit
        case .spinalInstability: spinalInstability
        case .malignancySuspected: malignancySuspected
        case .infectionSuspected: infectionSuspected
        case .deformityOrProgressiveKyphosis: deformityOrProgressiveKyphosis
        case .pulmonaryDysfunction: pulmonaryDysfunction
        case .anticoagulated: anticoagulated
        case .pregnant: effectivePregnancy.answer
        case .augmentationCandidate: augmentationCandidate
        case .analgesiaTriedPainPersists: Answer(analgesiaTriedPainPersists)
        case .acutePainSubsided: Answer(acutePainSubsided)
        default: preconditionFailure("\(input) is not a yes/no input")
        }
    }

    /// Sets the answer to a yes/no input.
    public mutating func set(_ input: PatientInput, _ answer: Answer) {
        switch input {
        case .highEnergyTrauma: highEnergyTrauma = answer
        case .neurologicalDeficit: neurologicalDeficit = answer
        case .spinalInstability: spinalInstability = answer
        case .malignancySuspected: malignancySuspected = answer
        case .infectionSuspected: infectionSuspected = answer
        case .deformityOrProgressiveKyphosis: deformityOrProgressiveKyphosis = answer
        case .pulmonaryDysfunction: pulmonaryDysfunction = answer
        case .anticoagulated: anticoagulated = answer
        case .pregnant: pregnant = answer
        case .augmentationCandidate: augmentationCandidate = answer
        default: preconditionFailure("\(input) is not a yes/no/unknown input")
        }
    }

    /// Pregnancy as the rules read it: an unknown answer at age 60 or over is
    /// taken as "no" (not relevant), and the inputs used say so.
    public var effectivePregnancy: (answer: Answer, derived: Bool) {
        if pregnant == .unknown, let age, age >= 60 { return (.no, true) }
        return (pregnant, false)
    }

    /// The red flags answered yes, and those unknown.
    public var redFlags: (present: [PatientInput], unknown: [PatientInput]) {
        (PatientInput.redFlags.filter { answer($0) == .yes }, PatientInput.redFlags.filter { answer($0) == .unknown })
    }

    /// Whether at least one bedside sign was positive or negative.
    public var anySignExamined: Bool { closedFistPercussion.wasExamined || supineSign.wasExamined }

    /// Onset within 5 days (weeks ≤ 5/7; 0.71 counts).
    public var onsetWithinFiveDays: Bool { weeksSinceOnset * 7 <= 5 + 1e-9 }
}

/// A patient field that is missing, out of range, unreadable or contradicts another.
public struct PatientError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let problem: String
    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }
    public var description: String { "\(field): \(problem)" }
}
