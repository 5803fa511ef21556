import DxBatch
import DxEvidence
import DxIO
import DxReferral
import DxReport
import Foundation
import Testing

/// The patient stream: a broken line is one reject, in linear time.
@Suite("ReferralBatch")
struct ReferralBatchTests {
    static let engine = ReferralEngine(evidence: try! EvidenceBase.builtIn())

    func run(_ text: String, format: OutputFormatChoice = .json) throws -> (BatchSummary, [String], [String]) {
        let output = OutputSink.memory(), rejects = OutputSink.memory()
        let summary = try ReferralBatch.run(
            input: InputSource(text: text), engine: Self.engine, settings: .init(format: format.value), output: output,
            rejects: RejectLog(sink: rejects))
        return (summary, lines(output), lines(rejects))
    }

    @Test("A truncated line before 51 patients: 52 read, 51 written, 1 rejected")
    func truncatedLine() throws {
        let text = #"{"age": 70"# + "\n" + String(repeating: #"{"weeksSinceOnset": 2}"# + "\n", count: 51)
        let (summary, output, rejects) = try run(text)
        #expect(summary == BatchSummary(read: 52, written: 51, rejected: 1))
        #expect(output.count == 51)
        #expect(rejects.count == 1 && rejects[0].hasPrefix("line 1: patient: not valid JSON"))
    }

    @Test("A lone { before 30,000 patients: every patient answered, in time linear in the input")
    func loneBrace() throws {
        func time(_ count: Int) throws -> (Double, BatchSummary) {
            let text = "{\n" + String(repeating: #"{"weeksSinceOnset": 2, "id": 1}"# + "\n", count: count)
            let start = Date()
            let (summary, _, _) = try run(text)
            return (Date().timeIntervalSince(start), summary)
        }
        let (small, smallSummary) = try time(10_000)
        let (large, largeSummary) = try time(30_000)
        #expect(smallSummary == BatchSummary(read: 10_001, written: 10_000, rejected: 1))
        #expect(largeSummary == BatchSummary(read: 30_001, written: 30_000, rejected: 1))
        // Linear: three times the input takes about three times as long (quadratic would be nine).
        #expect(large < 5 * small + 1, "10,000: \(small) s, 30,000: \(large) s")
    }

    @Test("One patient over several lines is read whole; a line over the limit is skipped without being echoed")
    func documentsAndLimits() throws {
        let (summary, output, _) = try run("{\n  \"weeksSinceOnset\": 1,\n  \"neurologicalDeficit\": true\n}\n")
        #expect(summary == BatchSummary(read: 1, written: 1, rejected: 0) && output.count == 1)
        let huge = #"{"id": ""# + String(repeating: "x", count: 2 << 20) + #"", "weeksSinceOnset": 2}"#
        let (hugeSummary, _, rejects) = try run(huge + "\n" + #"{"weeksSinceOnset": 2}"# + "\n")
        #expect(hugeSummary == BatchSummary(read: 2, written: 1, rejected: 1))
        #expect(rejects[0].contains("over the limit of 1 MiB") && rejects[0].count < 200)
    }

    @Test("Duplicate keys are rejects either way round; null is unknown for yes/no inputs and an error elsewhere")
    func strictPatients() throws {
        let text = [
            #"{"weeksSinceOnset": 1, "neurologicalDeficit": true, "neurologicalDeficit": false}"#,
            #"{"weeksSinceOnset": 1, "neurologicalDeficit": false, "neurologicalDeficit": true}"#,
            #"{"weeksSinceOnset": 1, "malignancySuspected": null}"#,
            #"{"weeksSinceOnset": null}"#,
            #"{"weeksSinceOnset": 1, "mri": null}"#,
            #"{"weeksSinceOnset": 1, "painTrajectory": null}"#,
            #"{"weeksSinceOnset": 1, "pretest": null}"#,
            #"{"weeksSinceOnset": 1, "acutePainSubsided": null}"#,
            #"{"weeksSinceOnset": 1, "pretest": "0x0.8p0"}"#,
            #"{"weeksSinceOnset": 1, "pretest": "garbage"}"#,
            #"{"weeksSinceOnset": 1, "age": 0x46}"#,
        ].joined(separator: "\n")
        let (summary, output, rejects) = try run(text)
        #expect(summary.read == 11 && summary.written == 1 && output.count == 1)
        #expect(rejects[0].contains("duplicate key 'neurologicalDeficit'") && rejects[1].contains("duplicate key 'neurologicalDeficit'"))
        for (index, key) in ["weeksSinceOnset", "mri", "painTrajectory", "pretest", "acutePainSubsided", "pretest", "pretest", "patient"].enumerated() {
            #expect(rejects[index + 2].contains(": \(key)"), "\(rejects[index + 2])")
        }
        // The null malignancy is unknown: the note says what could not be assessed.
        #expect(output[0].contains("malignancySuspected"))
    }

    @Test("Text notes show control characters instead of obeying them")
    func textIsVisible() throws {
        let (_, output, _) = try run(#"{"weeksSinceOnset": 2, "id": "p\u001B[31m1\u202E"}"#, format: .text)
        let note = output.joined(separator: "\n")
        #expect(note.contains("p\\u{1B}[31m1\\u{202E}") && !note.contains("\u{1B}"))
    }

    @Test("No patient at all is an error")
    func empty() throws {
        #expect(throws: BatchError.noPatient) { try run("\n  \n") }
    }
}

/// The report formats a test asks for.
enum OutputFormatChoice {
    case json, text
    var value: DxReport.OutputFormat { self == .json ? .json : .text }
}
