import DxEvidence
import DxReferral
import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dxkit` with no arguments in a terminal: a bedside consult for a
/// suspected low-energy vertebral compression fracture.
///
/// Red flags come first, and a "yes" prints its urgent action at once;
/// "don't know" (?) is always an answer and is never read as "no". Then
/// trauma, weeks since onset, MRI, pain, anticoagulation, age (and
/// pregnancy where relevant), the bedside signs when MRI is not at hand,
/// and the pretest (only presets about the signs' target are offered).
/// Enter accepts the default shown in brackets. The answer is the referral
/// note in brief, with the command that prints it in full.
struct InteractiveSession {
    let input: (String) throws -> String?
    let output: (String) throws -> Void

    /// A session on the process's standard input and output.
    static func terminal() -> InteractiveSession {
        InteractiveSession(
            input: { prompt in
                try Console.prompt(prompt)
                return readLine(strippingNewline: true)
            },
            output: { text in try Console.prompt(text + "\n") })
    }

    /// Whether standard input and output are both a terminal.
    static var isInteractiveTerminal: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    static let redFlagQuestions: [(input: PatientInput, question: String, rule: String)] = [
        (.neurologicalDeficit, "Neurological deficit (weakness, numbness, saddle anaesthesia, bowel or bladder change)?", "R1"),
        (.spinalInstability, "Spinal instability (clinical or imaging, including retropulsion)?", "R2"),
        (.malignancySuspected, "Malignancy suspected (cancer history, weight loss, night pain, atraumatic fracture without known osteoporosis)?", "R13"),
        (.infectionSuspected, "Infection suspected (fever, immunosuppression, IV drug use, recent spinal procedure or bacteraemia)?", "R17"),
        (.deformityOrProgressiveKyphosis, "Significant deformity or progressive kyphosis?", "R4"),
    ]

    /// Runs the consult; returns the brief note, or throws `InputError` when
    /// the input ends before the answers are complete.
    func run() throws -> String {
        let base: EvidenceBase
        do { base = try EvidenceBase.builtIn() } catch { throw InputError("the built-in evidence base is invalid: \(error.description)") }
        try output("DxKit bedside consult: suspected low-energy vertebral compression fracture.")
        try output("Enter accepts the [default]; ? means don't know (never read as no); Ctrl-D stops.")
        try output("DxKit supports a clinician's judgement; it does not replace it.")
        try output("")
        var answers = ConsultAnswers()

        // 1. Red flags first: a yes prints its urgent action at once.
        let any = try choose(
            "Any red flag: neurological deficit, instability, suspected malignancy or infection, deformity? [n = none, y = yes, ? = don't know]: ",
            options: ["n": "n", "no": "n", "none": "n", "y": "y", "yes": "y", "?": "?", "don't know": "?"], defaultValue: nil)
        for (input, question, rule) in Self.redFlagQuestions {
            let answer: Answer
            switch any {
            case "n": answer = .no
            case "?": answer = .unknown
            default: answer = try askAnswer("  \(question) [y/n/?]: ", defaultValue: nil)
            }
            answers.set(input, answer)
            if answer == .yes, let item = ReferralPathway.rule(rule) {
                try output("  → \(rule): \(item.headline ?? item.advice.text)")
            }
        }

        // 2. Scope.
        let trauma = try askAnswer("High-energy trauma (a fall from standing height is low-energy)? [y/n/?] [n]: ", defaultValue: .no)
        answers.set(.highEnergyTrauma, trauma)
        if trauma == .yes {
            try output("  → EMERGENCY (today): \(ReferralPathway.trauma.advice.text)")
        }

        // 3. Onset, MRI, pain.
        answers.weeks = try askWeeks()
        if trauma != .yes {
            answers.mri = try choose(
                "MRI: u = not immediately available, a = available now, c = contraindicated, o = done: oedema, h = done: no oedema [u]: ",
                options: [
                    "u": "unavailable", "a": "available", "c": "contraindicated", "o": "oedema", "e": "oedema", "h": "noOedema",
                    "n": "noOedema",
                ], defaultValue: "unavailable")
            try askPain(into: &answers)
            answers.analgesia = try choose(
                "Analgesia: p = tried and pain persists, s = acute pain has subsided, n = neither [n]: ",
                options: ["p": "persists", "s": "subsided", "n": "neither"], defaultValue: "neither")
        }
        answers.set(.anticoagulated, try askAnswer("Anticoagulated or a coagulopathy? [y/n/?] [?]: ", defaultValue: .unknown))
        answers.age = try askAge()
        if trauma != .yes {
            if answers.age.map({ $0 < 60 }) ?? true {
                answers.set(.pregnant, try askAnswer("Could the patient be pregnant? [y/n/?] [?]: ", defaultValue: .unknown))
            }
            // Candidacy decides R6 at any time (with pulmonary dysfunction), so it is always asked.
            let candidate = try askAnswer("Augmentation candidate (fit for a percutaneous procedure)? [y/n/?] [?]: ", defaultValue: .unknown)
            answers.set(.augmentationCandidate, candidate)
            if candidate == .yes {
                answers.set(.pulmonaryDysfunction, try askAnswer("Pulmonary dysfunction? [y/n/?] [?]: ", defaultValue: .unknown))
            }
            // 4. The bedside signs, when MRI is not at hand and no red flag stands (or is unknown):
            //    only then can the gate use them.
            let redFlagsAllNo = Self.redFlagQuestions.allSatisfy { question in answers.answers.contains { $0 == (question.input, .no) } }
            if ["unavailable", "contraindicated"].contains(answers.mri) && redFlagsAllNo {
                answers.closedFistPercussion = try askSign("Closed-fist percussion sign")
                answers.supineSign = try askSign("Supine sign (unable to lie supine because of spinal pain)")
                if answers.closedFistPercussion.isExamined || answers.supineSign.isExamined {
                    answers.pretest = try askPretest(base: base)
                }
            }
        }

        let patient: Patient
        do { patient = try Patient(json: Array(answers.json.serialized().utf8)) } catch {
            throw InputError("\(error.description)")
        }
        let result: ReferralResult
        do { result = try ReferralEngine(evidence: base).evaluate(patient) } catch { throw InputError(error.description) }
        try output("")
        return ReferralReport(result: result).brief + "\n\nThe full note, with evidence and caveats: dxkit refer " + answers.flags
    }

    // MARK: Questions

    private func ask(_ prompt: String) throws -> String {
        guard let line = try input(prompt) else { throw InputError("input ended before every question was answered") }
        return line.trimmingWhitespace()
    }

    /// Asks until the answer is one of `options` (keys, case-insensitive); Enter gives `defaultValue` when there is one.
    private func choose(_ prompt: String, options: [String: String], defaultValue: String?) throws -> String {
        while true {
            let answer = try ask(prompt).lowercased()
            if answer.isEmpty, let defaultValue { return defaultValue }
            if let value = options[answer] { return value }
            let keys = Set(options.keys.filter { $0.count == 1 }).sorted().joined(separator: ", ")
            try output("  '\(answer)' is not an answer: type one of \(keys)\(defaultValue == nil ? "" : ", or Enter for the default").")
        }
    }

    private func askAnswer(_ prompt: String, defaultValue: Answer?) throws -> Answer {
        let value = try choose(
            prompt, options: ["y": "yes", "yes": "yes", "n": "no", "no": "no", "?": "unknown", "don't know": "unknown", "unknown": "unknown"],
            defaultValue: defaultValue?.rawValue)
        return Answer(rawValue: value) ?? .unknown
    }

    private func askWeeks() throws -> Double {
        while true {
            let answer = try ask("Time since onset: weeks (e.g. 2 or 0.5), or days with d (e.g. 5d): ").lowercased()
            var text = answer, factor = 1.0
            if text.hasSuffix("d") {
                text = String(text.dropLast())
                factor = 1.0 / 7
            } else if text.hasSuffix("w") {
                text = String(text.dropLast())
            }
            if let value = DecimalNumber.parse(text), value >= 0, value * factor <= 5200 {
                return value * factor
            }
            try output("  '\(answer)' is not a time since onset: type weeks (2) or days (5d).")
        }
    }

    private func askPain(into answers: inout ConsultAnswers) throws {
        while true {
            let answer = try ask("Pain: severity 0–10 (or mild/moderate/severe) and course i/u/w (improving/unchanged/worsening), e.g. '8 w' [? ?]: ")
                .lowercased()
            let words = answer.split(separator: " ").map(String.init)
            guard words.count <= 2 else {
                try output("  '\(answer)' is not an answer: type a severity and a course, e.g. '8 w', or ? for don't know.")
                continue
            }
            let severityText = words.first ?? "?", courseText = words.count > 1 ? words[1] : "?"
            let courses = [
                "i": "improving", "improving": "improving", "u": "unchanged", "unchanged": "unchanged", "w": "worsening",
                "worsening": "worsening", "?": "unknown",
            ]
            var severity: JSONValue?
            if let score = DecimalNumber.parse(severityText), score >= 0, score <= 10 {
                severity = .number(score)
            } else if ["mild", "moderate", "severe"].contains(severityText) {
                severity = .string(severityText)
            } else if severityText == "?" {
                severity = .string("unknown")
            }
            guard let severity, let course = courses[courseText] else {
                try output("  '\(answer)' is not an answer: type a severity and a course, e.g. '8 w', or ? for don't know.")
                continue
            }
            answers.severity = severity
            answers.trajectory = course
            return
        }
    }

    private func askAge() throws -> Double? {
        while true {
            let answer = try ask("Age in years [skip]: ")
            if answer.isEmpty || answer == "?" { return nil }
            if let age = DecimalNumber.parse(answer), age >= 0, age <= 130 { return age }
            try output("  '\(answer)' is not an age: type years, or Enter to skip.")
        }
    }

    private func askSign(_ name: String) throws -> ConsultAnswers.Sign {
        let value = try choose(
            "\(name): p = positive, n = negative, x = not done, a = not assessable (cannot be examined) [x]: ",
            options: [
                "p": "positive", "+": "positive", "positive": "positive", "n": "negative", "-": "negative", "−": "negative",
                "negative": "negative", "x": "notDone", "a": "notAssessable",
            ], defaultValue: "notDone")
        return ConsultAnswers.Sign(rawValue: value) ?? .notDone
    }

    private func askPretest(base: EvidenceBase) throws -> String? {
        let target = try? base.targetCondition(AcuityGate.targetId)
        let presets = target.map { base.pretestPresets(about: $0) } ?? []
        let defaultPreset = presets.first
        let defaultText = defaultPreset.map { "\($0.id), \(NumberText.percent(.finite($0.pretestProbability ?? 0)))" } ?? "none"
        while true {
            let answer = try ask(
                "Pretest probability of an acute fracture among patients with a suspected acute osteoporotic fracture (0.3, 30%, 1:3; ? lists presets) [\(defaultText)]: "
            )
            if answer == "?" {
                for preset in presets {
                    try output("  \(preset.id): \(NumberText.percent(.finite(preset.pretestProbability ?? 0))) — \(preset.title)")
                }
                continue
            }
            if answer.isEmpty { return nil }
            do {
                _ = try base.resolvePretest(answer, name: "pretest", about: target)
                return answer
            } catch {
                try output("  \(error.description). Please try again.")
            }
        }
    }
}

/// The consult's answers, as patient JSON and as the equivalent `dxkit refer` flags.
struct ConsultAnswers {
    enum Sign: String {
        case positive, negative, notDone, notAssessable
        var isExamined: Bool { self == .positive || self == .negative }
    }

    var answers: [(PatientInput, Answer)] = []
    var weeks = 0.0
    var mri = "unavailable"
    var severity: JSONValue = .string("unknown")
    var trajectory = "unknown"
    var analgesia = "neither"
    var age: Double?
    var closedFistPercussion = Sign.notDone
    var supineSign = Sign.notDone
    var pretest: String?

    mutating func set(_ input: PatientInput, _ answer: Answer) {
        answers.removeAll { $0.0 == input }
        answers.append((input, answer))
    }

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("weeksSinceOnset", .number(weeks))]
        fields += answers.map { ($0.0.rawValue, .string($0.1.rawValue)) }
        let traumaIsYes = answers.contains { $0 == (.highEnergyTrauma, .yes) }
        if !traumaIsYes {
            fields += [("mri", .string(mri)), ("painSeverity", severity), ("painTrajectory", .string(trajectory))]
            if analgesia == "persists" { fields.append(("analgesiaTriedPainPersists", .bool(true))) }
            if analgesia == "subsided" { fields.append(("acutePainSubsided", .bool(true))) }
            fields += [("closedFistPercussion", .string(closedFistPercussion.rawValue)), ("supineSign", .string(supineSign.rawValue))]
        }
        if let age { fields.append(("age", .number(age))) }
        if let pretest { fields.append(("pretest", .string(pretest))) }
        return .object(fields)
    }

    /// The same patient as `dxkit refer` flags.
    var flags: String {
        var parts = ["--weeks \(JSONValue.numberText(weeks))"]
        let names: [PatientInput: String] = [
            .highEnergyTrauma: "--high-energy-trauma", .neurologicalDeficit: "--neurological-deficit",
            .spinalInstability: "--spinal-instability", .malignancySuspected: "--malignancy-suspected",
            .infectionSuspected: "--infection-suspected", .deformityOrProgressiveKyphosis: "--deformity",
            .pulmonaryDysfunction: "--pulmonary-dysfunction", .anticoagulated: "--anticoagulated", .pregnant: "--pregnant",
            .augmentationCandidate: "--augmentation-candidate",
        ]
        parts += answers.compactMap { input, answer in names[input].map { "\($0) \(answer.rawValue)" } }
        if case .object(let fields) = json {
            for (key, value) in fields {
                switch (key, value) {
                case ("mri", .string(let text)): parts.append("--mri \(text == "noOedema" ? "no-oedema" : text)")
                case ("painSeverity", .number(let score)): parts.append("--pain-severity \(JSONValue.numberText(score))")
                case ("painSeverity", .string(let text)): parts.append("--pain-severity \(text)")
                case ("painTrajectory", .string(let text)): parts.append("--pain-trajectory \(text)")
                case ("analgesiaTriedPainPersists", _): parts.append("--analgesia-failed")
                case ("acutePainSubsided", _): parts.append("--pain-subsided")
                case ("closedFistPercussion", .string(let text)): parts.append("--closed-fist-percussion \(Self.flagValue(text))")
                case ("supineSign", .string(let text)): parts.append("--supine-sign \(Self.flagValue(text))")
                case ("age", .number(let years)): parts.append("--age \(JSONValue.numberText(years))")
                case ("pretest", .string(let text)): parts.append("--pretest '\(text)'")
                default: break
                }
            }
        }
        return parts.joined(separator: " ")
    }

    static func flagValue(_ text: String) -> String {
        ["notDone": "not-done", "notAssessable": "not-assessable"][text] ?? text
    }
}
