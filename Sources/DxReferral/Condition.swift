/// When a rule applies: a small vocabulary a clinician can read in the rule
/// table (`dxkit refer --rules`) and the engine evaluates in three-valued
/// logic (``Truth``). Every rule of the pathway is written with these and
/// nothing else.
public indirect enum Condition: Sendable, Hashable {
    case always
    /// A yes/no/unknown input has this answer (unknown when it is unknown).
    case answer(PatientInput, Answer)
    /// Any red flag is answered yes (unknown when none is yes and one is unknown).
    case anyRedFlag
    case weeksAtLeast(Double)
    case weeksAtMost(Double)
    case weeksBelow(Double)
    case weeksAbove(Double)
    /// Onset within 5 days (weeks ≤ 5/7).
    case onsetWithinFiveDays
    /// Pain 7–10 (unknown when the severity is).
    case painSevere
    /// Pain trajectory is one of these (unknown when the trajectory is).
    case painTrajectory([Patient.PainTrajectory])
    case analgesiaTriedPainPersists
    case acutePainSubsided
    case mri([Patient.MRIState])
    /// One of the symptomatic levels is one of these.
    case fractureLevel([String])
    case severalLevels
    /// At least one bedside sign positive or negative.
    case anySignExamined
    /// Neither sign was done (not done or not assessable).
    case noSignExamined
    /// Age above (false when age is not given: an optional input).
    case ageAbove(Double)
    /// The gate applied and classified so.
    case gate(AcuityGate.Outcome)
    /// One of these rules fired (unknown while one of them is not assessed).
    case fired([String])
    case all([Condition])
    case any([Condition])
    case not(Condition)

    /// The facts a condition is evaluated against.
    struct Context {
        let patient: Patient
        let gate: AcuityGate.Outcome?
        /// Outcomes of the rules evaluated so far: fired (yes), not fired (no), not assessed (unknown).
        var outcomes: [String: Truth] = [:]
    }

    func evaluate(_ context: Context) -> Truth {
        switch self {
        case .always: return .yes
        case .answer(let input, let wanted):
            let answer = context.patient.answer(input)
            return answer == .unknown ? .unknown(needs: [input]) : Truth(answer == wanted)
        case .anyRedFlag:
            var unknown: Set<PatientInput>?
            for flag in PatientInput.redFlags {
                switch context.patient.answer(flag) {
                case .yes: return .yes
                case .unknown: unknown = (unknown ?? []).union([flag])
                case .no: break
                }
            }
            return unknown.map { .unknown(needs: $0) } ?? .no
        case .weeksAtLeast(let weeks): return Truth(context.patient.weeksSinceOnset >= weeks)
        case .weeksAtMost(let weeks): return Truth(context.patient.weeksSinceOnset <= weeks)
        case .weeksBelow(let weeks): return Truth(context.patient.weeksSinceOnset < weeks)
        case .weeksAbove(let weeks): return Truth(context.patient.weeksSinceOnset > weeks)
        case .onsetWithinFiveDays: return Truth(context.patient.onsetWithinFiveDays)
        case .painSevere:
            guard let severe = context.patient.painSeverity.isSevere else { return .unknown(needs: [.painSeverity]) }
            return Truth(severe)
        case .painTrajectory(let trajectories):
            let trajectory = context.patient.painTrajectory
            guard trajectory != .unknown else { return .unknown(needs: [.painTrajectory]) }
            return Truth(trajectories.contains(trajectory))
        case .analgesiaTriedPainPersists: return Truth(context.patient.analgesiaTriedPainPersists)
        case .acutePainSubsided: return Truth(context.patient.acutePainSubsided)
        case .mri(let states): return Truth(states.contains(context.patient.mri))
        case .fractureLevel(let levels): return Truth(context.patient.fractureLevels.contains { levels.contains($0) })
        case .severalLevels: return Truth(context.patient.fractureLevels.count > 1)
        case .anySignExamined: return Truth(context.patient.anySignExamined)
        case .noSignExamined: return Truth(!context.patient.anySignExamined)
        case .ageAbove(let years): return Truth((context.patient.age ?? 0) > years)
        case .gate(let outcome): return Truth(context.gate == outcome)
        case .fired(let rules):
            var result = Truth.no
            for rule in rules {
                result = result.or(context.outcomes[rule] ?? .no)
                if result == .yes { return .yes }
            }
            return result
        case .all(let conditions):
            var result = Truth.yes
            for condition in conditions {
                result = result.and(condition.evaluate(context))
                if result == .no { return .no }
            }
            return result
        case .any(let conditions):
            var result = Truth.no
            for condition in conditions {
                result = result.or(condition.evaluate(context))
                if result == .yes { return .yes }
            }
            return result
        case .not(let condition): return condition.evaluate(context).negated
        }
    }

    /// The rules this condition refers to (evaluated before it).
    var referencedRules: [String] {
        switch self {
        case .fired(let rules): rules
        case .all(let conditions), .any(let conditions): conditions.flatMap(\.referencedRules)
        case .not(let condition): condition.referencedRules
        default: []
        }
    }

    /// The condition in words, for the rule table.
    public var description: String {
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        switch self {
        case .always: return "always"
        case .answer(let input, let answer):
            switch answer {
            case .yes: return input.label
            case .no: return "no \(input.label)"
            case .unknown: return "\(input.label) unknown"
            }
        case .anyRedFlag: return "any red flag"
        case .weeksAtLeast(let weeks): return "weeks ≥ \(number(weeks))"
        case .weeksAtMost(let weeks): return "weeks ≤ \(number(weeks))"
        case .weeksBelow(let weeks): return "weeks < \(number(weeks))"
        case .weeksAbove(let weeks): return "weeks > \(number(weeks))"
        case .onsetWithinFiveDays: return "onset ≤ 5 days (weeks ≤ 0.71)"
        case .painSevere: return "pain severe (7–10)"
        case .painTrajectory(let trajectories): return "pain " + trajectories.map(\.rawValue).joined(separator: " or ")
        case .analgesiaTriedPainPersists: return "analgesia tried, pain persists"
        case .acutePainSubsided: return "acute pain subsided"
        case .mri(let states): return "MRI " + states.map(\.description).joined(separator: " or ")
        case .fractureLevel(let levels): return "fracture at \(levels.joined(separator: " or "))"
        case .severalLevels: return "several symptomatic levels"
        case .anySignExamined: return "a bedside sign positive or negative"
        case .noSignExamined: return "no bedside sign done"
        case .ageAbove(let years): return "age > \(number(years))"
        case .gate(let outcome): return "gate: \(outcome.words)"
        case .fired(let rules): return rules.joined(separator: ", ") + (rules.count > 1 ? " (any) recommended" : " recommended")
        case .all(let conditions): return conditions.map(\.parenthesised).joined(separator: " and ")
        case .any(let conditions): return conditions.map(\.parenthesised).joined(separator: " or ")
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
