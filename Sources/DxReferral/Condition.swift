import DxStats

/// When a rule applies: a small vocabulary a clinician can read in the rule
/// table (`dxkit refer --rules`) and the engine evaluates. Every rule of
/// the pathway is written with these and nothing else.
public indirect enum Condition: Sendable, Hashable {
    case always
    case neurologicalDeficit
    case spinalInstability
    case malignancySuspected
    case deformityOrProgressiveKyphosis
    case pulmonaryDysfunction
    case augmentationCandidate
    case analgesiaTriedPainPersists
    case acutePainSubsided
    case painSevere
    case painPersists
    case painTrajectory(Patient.PainTrajectory)
    case weeksAtLeast(Double)
    case weeksBelow(Double)
    case weeksAbove(Double)
    case fractureLevel([String])
    case mri([Patient.MRIState])
    case anySignDone
    case ageAbove(Double)
    case gate(GateDecision.Classification)
    case anyRedFlag
    case all([Condition])
    case any([Condition])
    case not(Condition)

    /// Evaluates the condition for a patient and the gate's classification (if the gate ran).
    func holds(for patient: Patient, gate: GateDecision.Classification?) -> Bool {
        switch self {
        case .always: true
        case .neurologicalDeficit: patient.neurologicalDeficit
        case .spinalInstability: patient.spinalInstability
        case .malignancySuspected: patient.malignancySuspected
        case .deformityOrProgressiveKyphosis: patient.deformityOrProgressiveKyphosis
        case .pulmonaryDysfunction: patient.pulmonaryDysfunction
        case .augmentationCandidate: patient.augmentationCandidate == true
        case .analgesiaTriedPainPersists: patient.analgesiaTriedPainPersists
        case .acutePainSubsided: patient.acutePainSubsided
        case .painSevere: patient.painIsSevere
        case .painPersists: patient.painPersists
        case .painTrajectory(let trajectory): patient.painTrajectory == trajectory
        case .weeksAtLeast(let weeks): patient.weeksSinceOnset >= weeks
        case .weeksBelow(let weeks): patient.weeksSinceOnset < weeks
        case .weeksAbove(let weeks): patient.weeksSinceOnset > weeks
        case .fractureLevel(let levels): levels.contains(patient.fractureLevel)
        case .mri(let states): states.contains(patient.mri)
        case .anySignDone: patient.anySignDone
        case .ageAbove(let years): (patient.age ?? 0) > years
        case .gate(let classification): gate == classification
        case .anyRedFlag: !patient.redFlags.isEmpty
        case .all(let conditions): conditions.allSatisfy { $0.holds(for: patient, gate: gate) }
        case .any(let conditions): conditions.contains { $0.holds(for: patient, gate: gate) }
        case .not(let condition): !condition.holds(for: patient, gate: gate)
        }
    }

    /// The condition in words, for the rule table.
    public var description: String {
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        switch self {
        case .always: return "always"
        case .neurologicalDeficit: return "neurological deficit"
        case .spinalInstability: return "spinal instability"
        case .malignancySuspected: return "malignancy suspected"
        case .deformityOrProgressiveKyphosis: return "significant deformity or progressive kyphosis"
        case .pulmonaryDysfunction: return "pulmonary dysfunction"
        case .augmentationCandidate: return "augmentation candidate"
        case .analgesiaTriedPainPersists: return "analgesia tried and pain persists"
        case .acutePainSubsided: return "acute pain subsided"
        case .painSevere: return "pain severe (7–10)"
        case .painPersists: return "pain persists (not subsided, not improving)"
        case .painTrajectory(let trajectory): return "pain \(trajectory.rawValue)"
        case .weeksAtLeast(let weeks): return "weeks since onset ≥ \(number(weeks))"
        case .weeksBelow(let weeks): return "weeks since onset < \(number(weeks))"
        case .weeksAbove(let weeks): return "weeks since onset > \(number(weeks))"
        case .fractureLevel(let levels): return "fracture at \(levels.joined(separator: " or "))"
        case .mri(let states): return "MRI " + states.map(\.rawValue).joined(separator: " or ")
        case .anySignDone: return "at least one bedside sign examined"
        case .ageAbove(let years): return "age > \(number(years))"
        case .gate(let classification): return "gate says \(classification.rawValue)"
        case .anyRedFlag: return "any red flag"
        case .all(let conditions): return conditions.map { $0.parenthesised }.joined(separator: " and ")
        case .any(let conditions): return conditions.map { $0.parenthesised }.joined(separator: " or ")
        case .not(let condition): return "not " + condition.parenthesised
        }
    }

    private var parenthesised: String {
        switch self {
        case .all, .any: "(\(description))"
        default: description
        }
    }
}
