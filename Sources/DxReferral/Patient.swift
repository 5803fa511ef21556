import DxStats

/// One patient with a (suspected) lumbar compression fracture, as the
/// referral pathway needs them (../shared/clinical/referral-pathway.md).
///
/// JSON keys are camelCase (cli-contract.md). A missing key takes the
/// default documented on its property; an unknown key is an error.
///
/// ```json
/// {"weeksSinceOnset": 2, "mri": "unavailable", "closedFistPercussion": "positive", "supineSign": "positive"}
/// ```
public struct Patient: Sendable, Hashable {
    public enum PainTrajectory: String, Sendable, Hashable, CaseIterable { case improving, unchanged, worsening }
    public enum MRIState: String, Sendable, Hashable, CaseIterable {
        /// MRI can be done now.
        case available
        /// MRI is not immediately available.
        case unavailable
        /// MRI cannot be done (pacemaker, claustrophobia, …).
        case contraindicated
        /// MRI done: acute fracture (marrow oedema).
        case acute
        /// MRI done: chronic (healed) fracture.
        case chronic
    }
    public enum SignResult: String, Sendable, Hashable, CaseIterable { case positive, negative, notDone }

    /// Fracture level T1…T12, L1…L5; default L2.
    public var fractureLevel: String = "L2"
    /// Weeks since the onset of pain, ≥ 0; default 0 (a new fracture).
    public var weeksSinceOnset: Double = 0
    /// Default unchanged.
    public var painTrajectory: PainTrajectory = .unchanged
    /// 0–10 (mild 0–3, moderate 4–6, severe 7–10); default nil (not recorded).
    public var painSeverity: Double?
    /// Weakness, numbness, bowel or bladder change. Default false.
    public var neurologicalDeficit = false
    /// Clinical or imaging evidence of instability. Default false.
    public var spinalInstability = false
    /// History of cancer, weight loss, night pain… Default false.
    public var malignancySuspected = false
    /// Significant deformity or progressive kyphosis. Default false.
    public var deformityOrProgressiveKyphosis = false
    /// Default false.
    public var pulmonaryDysfunction = false
    /// Fit for a percutaneous procedure; nil = unknown (the default).
    public var augmentationCandidate: Bool?
    /// Analgesia tried and pain persists. Default false.
    public var analgesiaTriedPainPersists = false
    /// The acute pain has subsided. Default false.
    public var acutePainSubsided = false
    /// Default unavailable (the bedside situation DxKit was built for).
    public var mri: MRIState = .unavailable
    /// Langdon's closed-fist percussion sign; default notDone.
    public var closedFistPercussion: SignResult = .notDone
    /// Langdon's supine sign; default notDone.
    public var supineSign: SignResult = .notDone
    /// Pretest probability of an acute fracture: a number, "30%", "1:3" or a
    /// preset id; default the preset suspected-acute-vcf (48/78).
    public var pretest: String?
    /// Age in years (optional; over 80 strengthens the search for other fractures, Kao 2017).
    public var age: Double?
    /// An identifier carried through to the output unchanged (for batches); optional.
    public var id: String?

    public init() {}

    /// Pain 7–10.
    public var painIsSevere: Bool { (painSeverity ?? 0) >= 7 }
    /// Pain has not settled: not subsided and not improving.
    public var painPersists: Bool { !acutePainSubsided && painTrajectory != .improving }
    /// The red flags of the pathway: neurological deficit, spinal instability,
    /// suspected malignancy, significant deformity or progressive kyphosis.
    public var redFlags: [String] {
        [
            (neurologicalDeficit, "neurological deficit"), (spinalInstability, "spinal instability"),
            (malignancySuspected, "suspected malignancy (pathologic fracture)"),
            (deformityOrProgressiveKyphosis, "significant deformity or progressive kyphosis"),
        ]
        .filter(\.0).map(\.1)
    }
    /// Whether at least one bedside sign was examined.
    public var anySignDone: Bool { closedFistPercussion != .notDone || supineSign != .notDone }
}

/// A patient field that is missing its meaning, out of range or contradicts another.
public struct PatientError: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let problem: String
    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }
    public var description: String { "\(field): \(problem)" }
}
