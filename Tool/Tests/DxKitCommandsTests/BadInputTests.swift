import Foundation
import Testing

/// Bad input through the real executable: one line naming the bad value on
/// standard error, a non-zero exit status, no crash, no GSL abort, no NaN.
@Suite("Bad input gets a clear message and a non-zero exit")
struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let table = ["--tp", "42", "--fp", "3", "--fn", "6", "--tn", "27"]

    static let cases: [Case] = [
        Case(arguments: ["accuracy", "--tp", "-3", "--fp", "3", "--fn", "6", "--tn", "27"], mentions: "-3"),
        Case(arguments: ["accuracy", "--tp", "4.5", "--fp", "3", "--fn", "6", "--tn", "27"], mentions: "4.5"),
        Case(arguments: ["accuracy", "--tp", "forty", "--fp", "3", "--fn", "6", "--tn", "27"], mentions: "forty"),
        Case(arguments: ["accuracy", "--tp", "0", "--fp", "0", "--fn", "0", "--tn", "0"], mentions: "empty"),
        Case(arguments: ["accuracy", "--fp", "3", "--fn", "6", "--tn", "27"], mentions: "--tp"),
        Case(arguments: ["accuracy"] + table + ["--level", "1.2"], mentions: "1.2"),
        Case(arguments: ["accuracy"] + table + ["--level", "0"], mentions: "0"),
        Case(arguments: ["accuracy"] + table + ["--level", "abc"], mentions: "abc"),
        Case(arguments: ["accuracy"] + table + ["--ci", "bayes"], mentions: "bayes"),
        Case(arguments: ["accuracy"] + table + ["--lr-ci", "wald"], mentions: "wald"),
        Case(arguments: ["accuracy"] + table + ["--prevalence", "1.5"], mentions: "1.5"),
        Case(arguments: ["accuracy"] + table + ["--bogus"], mentions: "--bogus"),
        Case(arguments: ["accuracy"] + table + ["--format", "xml"], mentions: "xml"),
        Case(arguments: ["posttest", "--pretest", "1.5", "--lr", "3"], mentions: "1.5"),
        Case(arguments: ["posttest", "--pretest", "-0.1", "--lr", "3"], mentions: "-0.1"),
        Case(arguments: ["posttest", "--pretest", "150%", "--lr", "3"], mentions: "150%"),
        Case(arguments: ["posttest", "--pretest", "abc", "--lr", "3"], mentions: "abc"),
        Case(arguments: ["posttest", "--pretest", "0.3", "--lr", "-2"], mentions: "-2"),
        Case(arguments: ["posttest", "--pretest", "0.3", "--lr", "nan"], mentions: "nan"),
        Case(arguments: ["posttest", "--pretest", "0.3", "--lr", "inf"], mentions: "inf"),
        Case(arguments: ["posttest", "--pretest", "0.3"] + table, mentions: "--result"),
        Case(arguments: ["posttest", "--pretest", "0.3", "--lr", "3", "--lr-lower", "4", "--lr-upper", "5"], mentions: "--lr-lower"),
        Case(arguments: ["posttest", "--pretest", "0.3"] + table + ["--result", "maybe"], mentions: "maybe"),
        Case(arguments: ["frobnicate"], mentions: "frobnicate"),
    ]

    @Test("Each bad input", arguments: cases)
    func badInput(_ input: Case) throws {
        let run = try CommandLineRun.run(input.arguments)
        #expect(run.status != 0)
        #expect(run.status == 64, "exit status \(run.status)")
        #expect(run.standardOutput.isEmpty)
        let firstLine = run.standardError.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.contains(input.mentions), "stderr: \(run.standardError)")
        #expect(!run.standardError.contains("Fatal error") && !run.standardError.contains("gsl:"))
    }

    @Test("Value errors are exactly one line")
    func oneLine() throws {
        let run = try CommandLineRun.run(["accuracy", "--tp", "-3", "--fp", "3", "--fn", "6", "--tn", "27"])
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(run.standardError.hasPrefix("dxkit: error: --tp (-3)"))
    }

    @Test("Tables with zeros print no nan or inf in any format", arguments: ["text", "json", "csv", "markdown"])
    func zeroCells(format: String) throws {
        for cells in [["0", "0", "5", "7"], ["5", "0", "0", "0"], ["0", "3", "0", "0"], ["1", "0", "0", "1"], ["0", "0", "0", "9"]] {
            let run = try CommandLineRun.run([
                "accuracy", "--tp", cells[0], "--fp", cells[1], "--fn", cells[2], "--tn", cells[3],
                "--prevalence", "0.2", "--format", format,
            ])
            #expect(run.status == 0, "\(cells): \(run.standardError)")
            let lowered = run.standardOutput.lowercased()
            #expect(!lowered.contains("nan") && !lowered.contains("inf"), "\(cells) \(format): \(run.standardOutput)")
            if format == "json" {
                #expect((try? JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))) != nil)
            }
        }
    }

    // 93.3 % is the worked post-test probability for CFP+ at 61.5 % in evidence-research.md §4 [D].
    @Test("The bedside example of the README runs and answers")
    func bedsideExample() throws {
        let run = try CommandLineRun.run(["posttest", "--pretest", "61.5%"] + Self.table + ["--result", "positive"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Post-test probability: 93.3 %"))
    }
}
