import DxEvidence
import DxReport
import DxStats
import Foundation

/// `dxkit` with no arguments in a terminal: asks for the pretest probability
/// (or a preset) and each bedside sign, checks every answer and asks again
/// on bad input, then prints the same note as `dxkit posttest --sign …`.
struct InteractiveSession {
    /// The signs asked for, by evidence id (the Langdon bedside signs).
    static let signIds = ["closed-fist-percussion", "supine-sign"]

    let input: (String) -> String?
    let output: (String) -> Void

    /// A session on the process's standard input and output.
    static func terminal() -> InteractiveSession {
        InteractiveSession(
            input: { prompt in
                FileHandle.standardOutput.write(Data(prompt.utf8))
                return readLine(strippingNewline: true)
            },
            output: { text in FileHandle.standardOutput.write(Data((text + "\n").utf8)) })
    }

    /// Whether standard input and output are both a terminal.
    static var isInteractiveTerminal: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Runs the questions; returns the note, or throws `InputError` when the
    /// input ends before every answer is given.
    func run() throws -> String {
        let base: EvidenceBase
        do { base = try EvidenceBase.builtIn() } catch { throw InputError("the built-in evidence base is invalid: \(error.description)") }
        output("DxKit bedside estimate: is the fracture acute? (Ctrl-D to stop)")
        output("DxKit supports a clinician's judgement; it does not replace it.")
        output("")
        let pretest = try askPretest(base: base)
        var findings: [CombinedPostTest.Finding] = [], names: [String] = [], records: [EvidenceRecord] = []
        for id in Self.signIds {
            guard let (record, table) = try? base.diagnosticStudy(id) else { continue }
            if let result = try askSign(record: record, table: table) {
                findings.append(.init(try SignAccuracy(name: id, table: table), result))
                names.append(record.title)
                records.append(record)
            }
        }
        guard !findings.isEmpty else {
            return "No sign was examined, so the probability stays at the pretest \(pretest.description).\n\n\(Disclaimer.text)"
        }
        let result = try CombinedPostTest(pretest: pretest.probability, findings: findings)
        return CombinedPostTestReport(
            result: result, signNames: names, pretestDescription: pretest.description,
            evidence: [pretest.preset].compactMap { $0 } + records
        ).text
    }

    private func ask(_ prompt: String) throws -> String {
        guard let line = input(prompt) else { throw InputError("input ended before every question was answered") }
        return line.trimmingCharacters(in: .whitespaces)
    }

    private func askPretest(base: EvidenceBase) throws -> ResolvedPretest {
        let presets = base.records.filter { $0.kind == .pretestPreset }
        let defaultPreset = base.defaultPretestPreset
        let defaultText = defaultPreset.map { "\($0.id), \(NumberText.percent(.finite($0.pretestProbability ?? 0)))" } ?? "none"
        while true {
            let answer = try ask("Pretest probability of an acute fracture (0.3, 30%, 1:3, a preset, ? for presets) [\(defaultText)]: ")
            if answer == "?" {
                for preset in presets {
                    output("  \(preset.id): \(NumberText.percent(.finite(preset.pretestProbability ?? 0))) — \(preset.title)")
                }
                continue
            }
            do {
                return try ResolvedPretest.resolve(answer.isEmpty ? nil : answer, evidence: { base })
            } catch let error as InputError {
                output("  \(error.description). Please try again.")
            }
        }
    }

    private func askSign(record: EvidenceRecord, table: TwoByTwoTable) throws -> TestResult? {
        while true {
            let answer = try ask("\(record.title): positive, negative or not done? [p/n/x]: ").lowercased()
            switch answer {
            case "p", "+", "pos", "positive", "yes", "y": return .positive
            case "n", "-", "−", "neg", "negative", "no": return .negative
            case "x", "not done", "notdone", "skip", "", "nd": return nil
            default: output("  '\(answer)' is not an answer: type p (positive), n (negative) or x (not done).")
            }
        }
    }
}
