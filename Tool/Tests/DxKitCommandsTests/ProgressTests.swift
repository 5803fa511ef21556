import DxIO
import Foundation
import Testing

@testable import DxKitCommands

/// Progress on long work: on a terminal, rows done, rate and time left,
/// redrawn in place at most four times a second; nothing when standard
/// error is not a terminal or with --quiet; the summary line unchanged.
@Suite("Progress on long work")
struct ProgressTests {
    /// A clock the test moves by hand.
    final class Clock: @unchecked Sendable {
        var now = 100.0
    }

    static func reporter(clock: Clock, enabled: Bool = true, totalBytes: Int? = 1000) throws -> (ProgressReporter, Pipe) {
        let pipe = Pipe()
        let reporter = ProgressReporter(
            noun: "rows", totalBytes: totalBytes, isEnabled: enabled,
            output: OutputSink(descriptor: pipe.fileHandleForWriting.fileDescriptor, name: "pipe", buffering: .none), clock: { clock.now })
        return (reporter, pipe)
    }

    static func drained(_ pipe: Pipe) throws -> String {
        try pipe.fileHandleForWriting.close()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    @Test("Redrawn in place, at most every quarter of a second, then erased")
    func throttled() throws {
        let clock = Clock()
        let (reporter, pipe) = try Self.reporter(clock: clock)
        for step in 1...10 {
            clock.now += 0.1  // 1 s in all: four redraws at 0.3, 0.6, 0.9 … at most one per 0.25 s
            reporter.update(items: step * 100, bytes: step * 100)
        }
        reporter.finish()
        let written = try Self.drained(pipe)
        let draws = written.components(separatedBy: "\r").filter { $0.hasPrefix("dxkit:") }
        #expect(draws.count == 3)  // at 0.3, 0.6 and 0.9 s
        #expect(draws.allSatisfy { $0.hasSuffix("\u{1B}[K") })
        #expect(written.hasSuffix("\r\u{1B}[K"))
        #expect(draws[0].hasPrefix("dxkit: 300 rows (30 %), 1,000 rows/s, about 1 s left"))
    }

    @Test("Disabled (not a terminal, or --quiet): writes nothing")
    func disabled() throws {
        let clock = Clock()
        let (reporter, pipe) = try Self.reporter(clock: clock, enabled: false)
        for step in 1...10 {
            clock.now += 0.5
            reporter.update(items: step, bytes: step)
        }
        reporter.finish()
        #expect(try Self.drained(pipe).isEmpty)
    }

    @Test("The line: rows with thousands separators, the rate, the time left when the size is known")
    func line() {
        #expect(ProgressReporter.line(items: 120_000, noun: "rows", elapsed: 2.5, fraction: 0.4) == "dxkit: 120,000 rows (40 %), 48,000 rows/s, about 4 s left")
        #expect(ProgressReporter.line(items: 12, noun: "patients", elapsed: 3, fraction: nil) == "dxkit: 12 patients, 4 patients/s")
        #expect(ProgressReporter.duration(75) == "1 min 15 s")
        #expect(ProgressReporter.duration(7300) == "2 h 1 min")
        #expect(ProgressReporter.grouped(1_234_567) == "1,234,567")
    }

    /// A CSV file of `rows` 2×2 tables (or post-test cases) in the temporary directory.
    static func input(_ header: String, rows: Int, row: (Int) -> String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-progress-\(UUID().uuidString).csv").path
        var text = header + "\n"
        for index in 0..<rows { text += row(index) + "\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let noun: String
        let summary: String?
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static func cases() throws -> [Case] {
        let tables = try input("tp,fp,fn,tn", rows: 20_000) { "\($0 % 50),\($0 % 7),\($0 % 11),\($0 % 60 + 1)" }
        let cases = try input("pretest,lr", rows: 60_000) { "0.\($0 % 9 + 1),\(Double($0 % 40) / 4 + 0.1)" }
        let patients = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-progress-\(UUID().uuidString).jsonl").path
        try String(repeating: "{\"weeksSinceOnset\": 2, \"closedFistPercussion\": \"positive\", \"supineSign\": \"negative\"}\n", count: 400)
            .write(toFile: patients, atomically: true, encoding: .utf8)
        return [
            Case(arguments: ["accuracy", "--input", tables], noun: "rows", summary: "dxkit: 20000 rows read, 20000 written, 0 rejected"),
            Case(arguments: ["posttest", "--input", cases], noun: "rows", summary: "dxkit: 60000 rows read, 60000 written, 0 rejected"),
            Case(arguments: ["refer", "--patient", patients, "--format", "json"], noun: "patients", summary: nil),
        ]
    }

    @Test("On a terminal: the progress line, redrawn in place, then the summary unchanged; --quiet: the summary only")
    func onATerminal() throws {
        for input in try Self.cases() {
            let output = FileHandle(forWritingAtPath: "/dev/null")!
            let terminal = try PseudoTerminal(arguments: input.arguments, standardOutput: output)
            #expect(terminal.exitStatus(seconds: 120) == 0, "\(input)")
            terminal.waitFor("\u{0}", seconds: 0.5)
            let screen = terminal.screen
            #expect(screen.contains("\r\u{1B}[K"), "\(input): the line is erased before the summary")
            let draws = screen.components(separatedBy: "\r").filter { $0.hasPrefix("dxkit: ") && $0.contains("\(input.noun)/s") }
            #expect(!draws.isEmpty, "\(input): \(screen.suffix(300))")
            #expect(draws.allSatisfy { $0.contains("%") && $0.contains("left") || $0.contains("(100 %)") }, "\(draws.prefix(2))")
            if let summary = input.summary { #expect(screen.contains(summary)) }

            let quiet = try PseudoTerminal(arguments: input.arguments + ["--quiet"], standardOutput: output)
            #expect(quiet.exitStatus(seconds: 120) == 0)
            quiet.waitFor("\u{0}", seconds: 0.5)
            #expect(!quiet.screen.contains("/s"), "\(input) --quiet: \(quiet.screen.prefix(200))")
        }
    }

    @Test("meta: the model fit, one long step, shows its elapsed time on a terminal, then the summary; --quiet: the summary only")
    func metaFit() throws {
        // 3000 studies: the binomial GLMM takes a second or more, long enough for several redraws.
        let studies = try Self.input("study,tp,fp,fn,tn", rows: 3000) { index in
            let withCondition = 40 + index % 97, withoutCondition = 50 + index % 89
            let truePositives = withCondition * (80 + index % 15) / 100, trueNegatives = withoutCondition * (85 + index % 11) / 100
            return "s\(index),\(truePositives),\(withoutCondition - trueNegatives),\(withCondition - truePositives),\(trueNegatives)"
        }
        let arguments = ["meta", "--input", studies, "--model", "glmm", "--format", "json"]
        let output = FileHandle(forWritingAtPath: "/dev/null")!
        let terminal = try PseudoTerminal(arguments: arguments, standardOutput: output)
        #expect(terminal.exitStatus(seconds: 300) == 0)
        terminal.waitFor("\u{0}", seconds: 0.5)
        let screen = terminal.screen
        let draws = screen.components(separatedBy: "\r").filter { $0.hasPrefix("dxkit: fitting the bivariate model to 3000 studies, ") }
        #expect(!draws.isEmpty, "\(screen.suffix(300))")
        #expect(draws.allSatisfy { $0.contains(" s\u{1B}[K") || $0.contains(" min") }, "\(draws.prefix(2))")
        #expect(screen.contains("\r\u{1B}[Kdxkit: 3000 rows read, 3000 studies used, 0 rejected"), "\(screen.suffix(300))")

        let quiet = try PseudoTerminal(arguments: arguments + ["--quiet"], standardOutput: output)
        #expect(quiet.exitStatus(seconds: 300) == 0)
        quiet.waitFor("\u{0}", seconds: 0.5)
        #expect(!quiet.screen.contains("fitting"), "\(quiet.screen.prefix(200))")
    }

    @Test("Not on a terminal: standard error has the summary line only")
    func notATerminal() throws {
        let input = try Self.cases()[0]
        let run = try CommandLineRun.run(input.arguments)
        #expect(run.status == 0)
        #expect(run.standardError == (input.summary ?? "") + "\n")
    }
}
