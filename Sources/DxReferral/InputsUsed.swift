import DxEvidence

/// Every input the pathway used, with its value and where it came from
/// (given, default, unknown or derived): the first section of a referral note.
enum InputsUsed {
    static func list(for patient: Patient, pretest: ResolvedPretest?) -> [InputUsed] {
        /// Inputs with a default are "default" unless given; the others are "unknown" until answered.
        func entry(_ input: PatientInput, _ value: String, hasDefault: Bool = false, isUnknown: Bool = false, note: String? = nil) -> InputUsed {
            let source: InputUsed.Source =
                hasDefault ? (patient.given.contains(input) ? .given : .default) : (isUnknown ? .unknown : .given)
            return InputUsed(input: input, label: input.label, value: value, source: source, note: note)
        }
        var entries: [InputUsed] = []
        for input in PatientInput.allCases {
            switch input {
            case .fractureLevel:
                entries.append(
                    entry(
                        input, patient.fractureLevels.joined(separator: ", "), hasDefault: true,
                        note: patient.fractureLevels.count > 1 ? "several symptomatic levels" : nil))
            case .weeksSinceOnset:
                let days = patient.weeksSinceOnset * 7
                let daysText = days < 21 ? " (\(Self.number((days * 10).rounded() / 10)) days)" : ""
                entries.append(entry(input, Self.number(patient.weeksSinceOnset) + daysText, hasDefault: false))
            case .pregnant:
                let (answer, derived) = patient.effectivePregnancy
                if derived {
                    entries.append(
                        InputUsed(
                            input: input, label: input.label, value: answer.rawValue, source: .derived,
                            note: "not asked; not relevant at age 60 or over"))
                } else {
                    entries.append(entry(input, answer.rawValue, isUnknown: answer == .unknown))
                }
            case .highEnergyTrauma, .neurologicalDeficit, .spinalInstability, .malignancySuspected, .infectionSuspected,
                .deformityOrProgressiveKyphosis, .pulmonaryDysfunction, .anticoagulated, .augmentationCandidate:
                entries.append(entry(input, patient.answer(input).rawValue, isUnknown: patient.answer(input) == .unknown))
            case .painTrajectory: entries.append(entry(input, patient.painTrajectory.rawValue, isUnknown: patient.painTrajectory == .unknown))
            case .painSeverity: entries.append(entry(input, patient.painSeverity.description, isUnknown: patient.painSeverity == .unknown))
            case .analgesiaTriedPainPersists: entries.append(entry(input, patient.analgesiaTriedPainPersists ? "yes" : "no", hasDefault: true))
            case .acutePainSubsided: entries.append(entry(input, patient.acutePainSubsided ? "yes" : "no", hasDefault: true))
            case .mri: entries.append(entry(input, patient.mri.description, hasDefault: true))
            case .closedFistPercussion: entries.append(entry(input, Self.words(patient.closedFistPercussion), hasDefault: true))
            case .supineSign: entries.append(entry(input, Self.words(patient.supineSign), hasDefault: true))
            case .pretest:
                guard let pretest else { continue }
                var value = Self.percent(pretest.probability)
                if let preset = pretest.preset {
                    value += " (preset \(preset.id)"
                    if let events = preset.events, let total = preset.total { value += ": \(events) of \(total)" }
                    value += ")"
                }
                var note = pretest.target.map { "the probability of \($0.description)" }
                if pretest.targetIsAssumed, let target = pretest.target {
                    note = "a number typed as the pretest is taken to be the probability of \(target.description)"
                }
                entries.append(entry(input, value, hasDefault: true, note: note))
            case .age:
                entries.append(patient.age.map { entry(input, Self.number($0)) } ?? entry(input, "not given", isUnknown: true))
            }
        }
        return entries
    }

    static func words(_ result: Patient.SignResult) -> String {
        switch result {
        case .positive: "positive"
        case .negative: "negative"
        case .notDone: "not done"
        case .notAssessable: "not assessable"
        }
    }

    /// "2", "0.71", "13.5".
    static func number(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        let rounded = (value * 100).rounded() / 100
        return String(rounded)
    }

    /// "61.5 %".
    static func percent(_ probability: Double) -> String {
        let tenths = (probability * 1000).rounded() / 10
        return (tenths == tenths.rounded() ? String(Int(tenths)) + ".0" : String(tenths)) + " %"
    }
}
