import Foundation
import Testing

/// Bad input to `table`, `nomogram`, `curves` and `handout`: one line naming
/// the bad value, exit status 64, nothing on standard output.
@Suite("Educator commands: bad input")
struct EducatorBadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let sign = ["--sign", "closed-fist-percussion"]

    static let cases: [Case] = [
        Case(arguments: ["table"] + sign + ["--pretest", "0.1:0.9:0"], mentions: "step (0) must be greater than 0"),
        Case(arguments: ["table"] + sign + ["--pretest", "0.1:1.5:0.1"], mentions: "to (1.5)"),
        Case(arguments: ["table"] + sign + ["--pretest", "-0.1:0.5:0.1"], mentions: "from (-0.1)"),
        Case(arguments: ["table"] + sign + ["--pretest", "0:1:0.000001"], mentions: "1000001 values"),
        Case(arguments: ["table"] + sign + ["--pretest", "0.9:0.1:0.1"], mentions: "from (0.9) is greater than to (0.1)"),
        Case(arguments: ["table"] + sign + ["--pretest", "0.1,1.5"], mentions: "1.5"),
        Case(arguments: ["table"] + sign + ["--pretest", "0.1,,0.3"], mentions: "empty item"),
        Case(arguments: ["table"] + sign + ["--show", "bogus"], mentions: "'bogus'"),
        Case(arguments: ["table"] + sign + ["--show", "frequencies", "--per", "0"], mentions: "--per (0)"),
        Case(arguments: ["table"] + sign + ["--format", "xml"], mentions: "xml"),
        Case(arguments: ["table"] + sign + ["--level", "1.2"], mentions: "1.2"),
        Case(arguments: ["table"] + sign + ["--pretest-beta", "2,3"], mentions: "--pretest-beta"),
        Case(arguments: ["table", "--pretest", "0.1"], mentions: "give --sign, --lr or a 2×2 table"),
        Case(arguments: ["table", "--lr", "2"] + sign, mentions: "not several"),
        Case(arguments: ["table", "--lr", "2,-3"], mentions: "--lr (-3)"),
        Case(arguments: ["table", "--lr", "2,inf"], mentions: "--lr (inf)"),
        Case(arguments: ["table", "--lr", "1,2", "--lr-lower", "0.5", "--lr-upper", "3"], mentions: "as many --lr-lower"),
        Case(arguments: ["table", "--lr", (1...65).map(String.init).joined(separator: ",")], mentions: "65 values"),
        Case(arguments: ["table", "--lr", "2", "--show", "gate"], mentions: "need --sign"),
        Case(arguments: ["table", "--sign", "a", "--sign", "b", "--sign", "c", "--sign", "d", "--sign", "e"], mentions: "5 times"),
        Case(arguments: ["table", "--sign", "no-such-sign"], mentions: "no-such-sign"),
        Case(arguments: ["table", "--tp", "42", "--fp", "3", "--fn", "6"], mentions: "--tn"),
        Case(arguments: ["nomogram", "--pretest", "0", "--lr", "2"], mentions: "--pretest (0) is outside the nomogram's axis"),
        Case(arguments: ["nomogram", "--pretest", "0.9999", "--lr", "2"], mentions: "--pretest (0.9999)"),
        Case(arguments: ["nomogram", "--pretest", "0.3"], mentions: "give --sign or --lr"),
        Case(arguments: ["nomogram", "--pretest", "0.3", "--lr", "2"] + sign, mentions: "not both"),
        Case(arguments: ["nomogram", "--pretest", "0.3", "--lr", "2", "--lr-lower", "3", "--lr-upper", "4"], mentions: "--lr-lower (3)"),
        Case(arguments: ["nomogram", "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--two-step"], mentions: "--two-step needs"),
        Case(arguments: ["nomogram", "--pretest", "0.3", "--lr", "2", "--two-step"], mentions: "--two-step needs"),
        Case(arguments: ["nomogram", "--pretest", "0.3", "--lr", "2", "--format", "png"], mentions: "png"),
        Case(arguments: ["nomogram", "--pretest", "abc", "--lr", "2"], mentions: "abc"),
        Case(arguments: ["nomogram", "--pretest", "0.3", "--lr", "2", "--output", "/no-such-directory/fagan.svg"], mentions: "/no-such-directory/fagan.svg"),
        Case(arguments: ["curves"], mentions: "give --sign or --lr"),
        Case(arguments: ["curves", "--sign", "no-such-sign"], mentions: "no-such-sign"),
        Case(arguments: ["curves", "--lr", "2", "--gate", "0.9,0.1"], mentions: "--gate (0.9,0.1)"),
        Case(arguments: ["curves", "--lr", "2", "--pretest", "150%"], mentions: "150%"),
        Case(arguments: ["handout", "--sign", "se-sp:0.9/0.8"], mentions: "needs the sign's 2×2 table"),
        Case(arguments: ["handout", "--pretest", "0.1:0.9:0"], mentions: "step (0)"),
    ]

    @Test("Each bad input", arguments: cases)
    func badInput(_ input: Case) throws {
        let run = try CommandLineRun.run(input.arguments)
        #expect(run.status == 64, "exit status \(run.status); stderr: \(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.first?.contains(input.mentions) == true, "stderr: \(run.standardError)")
        #expect(!run.standardError.contains("Fatal error"))
    }

    @Test("Value errors are exactly one line")
    func oneLine() throws {
        let run = try CommandLineRun.run(["table", "--sign", "closed-fist-percussion", "--pretest", "0:1:0.000001"])
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(run.standardError.hasPrefix("dxkit: error: --pretest (0:1:0.000001) has 1000001 values"))
    }
}
