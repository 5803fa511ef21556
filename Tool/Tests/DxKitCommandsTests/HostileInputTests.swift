import Foundation
import Testing

/// Issue 13, input and output content: numbers read strictly and computed
/// stably, CSV cells neutralised, Markdown and terminals shown text rather
/// than markup or escape sequences, links checked, work bounded.
@Suite("Hostile input through the real executable")
struct HostileInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refused: [Case] = [
        Case(arguments: ["posttest", "--pretest", "0x0.8p0", "--lr", "2"], mentions: "0x0.8p0"),
        Case(arguments: ["posttest", "--pretest", "0.3", "--lr", "0x10"], mentions: "0x10"),
        Case(arguments: ["posttest", "--pretest", "0.3", "--lr", "2", "--level", "0x0.fp0"], mentions: "0x0.fp0"),
        Case(arguments: ["posttest", "--pretest", "0.3", "--lr", "2", "--level", "1e-320"], mentions: "between 0.001 and 0.999999"),
        Case(arguments: ["posttest", "--sign", "se-sp:0x0.8p0/0.9=positive"], mentions: "0x0.8p0"),
        Case(arguments: ["posttest", "--sign", "closed-fist-percussion=positive", "--gate", "0x0.2p0,0.8"], mentions: "0x0.2p0"),
        Case(arguments: ["posttest", "--sign", "closed-fist-percussion=positive", "--pretest-beta", "1e-320,1e-320"], mentions: "between 0.001 and 1e9"),
        Case(arguments: ["posttest", "--sign", "closed-fist-percussion=positive", "--pretest-beta", "1e308,1e308"], mentions: "between 0.001 and 1e9"),
        Case(arguments: ["posttest", "--sign", "closed-fist-percussion=positive", "--pretest-beta", "1e-310,1e-310"], mentions: "between 0.001 and 1e9"),
        Case(arguments: ["posttest", "--sign", "closed-fist-percussion=positive", "--pretest-beta", "0x1p0,2"], mentions: "0x1p0"),
        Case(arguments: ["refer", "--weeks", "0x2"], mentions: "--weeks (0x2)"),
        Case(arguments: ["accuracy", "--tp", "0x10", "--fp", "3", "--fn", "6", "--tn", "27"], mentions: "0x10"),
        Case(arguments: ["accuracy", "--tp", "42", "--fp", "3", "--fn", "6", "--tn", "27", "--prevalence", "0x0.1p0"], mentions: "0x0.1p0"),
        Case(arguments: ["table", "--lr", "2", "--pretest", "0x0.1p0"], mentions: "0x0.1p0"),
        Case(
            arguments: [
                "table", "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--show", "all", "--draws", "20000000", "--pretest", "0:1:0.0001",
            ], mentions: "over the limit of 10⁹ Monte Carlo draws"),
    ]

    @Test("Hex floats, unusable ranges and unbounded work are refused with one line naming them", arguments: refused)
    func refusedInput(_ input: Case) throws {
        let run = try CommandLineRun.run(input.arguments)
        #expect(run.status == 64, "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1 && run.standardError.contains(input.mentions), "\(run.standardError)")
    }

    @Test("Odds 1e308:1e308 are a 50 % pretest everywhere; no -0.0 % and no NaN")
    func extremeOdds() throws {
        let posttest = try CommandLineRun.run(["posttest", "--pretest", "1e308:1e308", "--lr", "1"])
        #expect(posttest.status == 0 && posttest.standardOutput.contains("Pretest probability:   50.0 %"))
        let flags = try CommandLineRun.run(
            [
                "refer", "--weeks", "2", "--no-red-flags", "--high-energy-trauma", "no", "--closed-fist-percussion", "positive", "--pretest", "1e308:1e308",
                "--format", "json",
            ])
        let same = try CommandLineRun.run(
            [
                "refer", "--weeks", "2", "--no-red-flags", "--high-energy-trauma", "no", "--closed-fist-percussion", "positive", "--pretest", "0.5", "--format",
                "json",
            ])
        #expect(flags.status == 0 && flags.standardOutput == same.standardOutput.replacingOccurrences(of: "\"0.5\"", with: "\"1e308:1e308\""))
        #expect(!flags.standardOutput.contains("CHRONIC") && !flags.standardOutput.contains("\"lessLikely\""))
        let zero = try CommandLineRun.run(["posttest", "--pretest", "-0", "--lr", "2"])
        #expect(zero.status == 0 && !zero.standardOutput.contains("-0.0") && zero.standardOutput.contains("0.0 %"))
        let percent = try CommandLineRun.run(["posttest", "--pretest", "-0%", "--lr", "2", "--format", "json"])
        #expect(percent.status == 0 && !percent.standardOutput.contains("-0"))
        for format in ["text", "json", "csv"] {
            let beta = try CommandLineRun.run(["posttest", "--sign", "closed-fist-percussion=positive", "--pretest-beta", "0.001,0.001", "--format", format])
            #expect(beta.status == 0 && !beta.standardOutput.lowercased().contains("nan"), "\(format)")
        }
    }

    @Test("The issue's Koopman table converges, in a single command and in a batch")
    func koopman() throws {
        let single = try CommandLineRun.run(["accuracy", "--tp", "100", "--fp", "1", "--fn", "1", "--tn", "0", "--lr-ci", "koopman", "--format", "json"])
        #expect(single.status == 0, "\(single.standardError)")
        let batch = try CommandLineRun.run(["accuracy", "--input", "-", "--lr-ci", "koopman"], input: "tp,fp,fn,tn\n100,1,1,0\n1000000000,1,1,0\n")
        #expect(batch.status == 0 && batch.standardError.contains("2 rows read, 2 written, 0 rejected"))
    }

    @Test("CSV cells that a spreadsheet would run get a leading '; --csv-raw leaves them")
    func formulaInjection() throws {
        let input = "id,tp,fp,fn,tn\n=1+1,42,3,6,27\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",42,3,6,27\n@SUM(A1),42,3,6,27\n-1,42,3,6,27\n"
        let safe = try CommandLineRun.run(["accuracy", "--input", "-"], input: input)
        let ids = safe.standardOutput.split(separator: "\n").dropFirst().map { String($0.prefix(12)) }
        #expect(ids[0].hasPrefix("'=1+1,") && ids[1].hasPrefix("\"'=HYPERLINK") && ids[2].hasPrefix("'@SUM(A1),") && ids[3].hasPrefix("-1,42"))
        let raw = try CommandLineRun.run(["accuracy", "--input", "-", "--csv-raw"], input: input)
        #expect(raw.standardOutput.contains("\n=1+1,42"))
        let patients = try CommandLineRun.run(
            ["refer", "--patient", "-", "--format", "csv"], input: #"{"id": "+cmd|' /C calc'!A0", "weeksSinceOnset": 2}"#)
        #expect(patients.standardOutput.contains("\n'+cmd|' /C calc'!A0,"))
    }

    @Test("Batch inputs: a BOM before the header, duplicate names refused, invalid UTF-8 a reject naming the line")
    func batchInput() throws {
        let bom = try CommandLineRun.run(["accuracy", "--input", "-"], input: "\u{FEFF}tp,fp,fn,tn\n42,3,6,27\n")
        #expect(bom.status == 0 && bom.standardOutput.hasPrefix("tp,fp,fn,tn,"))
        let duplicate = try CommandLineRun.run(["posttest", "--input", "-"], input: "id,pretest,lr,id\n1,0.3,2,2\n")
        #expect(duplicate.status == 64 && duplicate.standardError.contains("names the column 'id' twice"))
        let scratch = try ScratchDirectory()
        let file = scratch.file("latin1.csv")
        try Data(Array("tp,fp,fn,tn,site\n42,3,6,27,ok\n42,3,6,27,Z".utf8) + [0xFC] + Array("rich\n".utf8)).write(to: URL(fileURLWithPath: file))
        let latin1 = try CommandLineRun.run(["accuracy", "--input", file])
        #expect(latin1.status == 65 && latin1.standardError.contains("line 3: field 5 is not valid UTF-8"))
        #expect(!latin1.standardOutput.contains("\u{FFFD}"))
    }

    static func hostileEvidence(url: String = "https://example.org/study") throws -> ScratchDirectory {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: scratch.file("evidence"), withIntermediateDirectories: true)
        let record: [String: Any] = [
            "id": "closed-fist-percussion", "kind": "diagnosticStudy",
            "title": "Percussion <script>alert(1)</script> \u{1B}[31mred\u{202E}evil",
            "claim": "See [the study](javascript:alert(1)) <img src=x onerror=alert(1)>", "verification": "reported",
            "counts": ["truePositives": 42, "falsePositives": 3, "falseNegatives": 6, "trueNegatives": 27],
            "caveats": ["\u{1B}]0;title\u{07} and a line\nline 99: forged"],
            "citations": [["title": "A study", "url": url]],
        ]
        let data = try JSONSerialization.data(withJSONObject: ["records": [record]])
        try data.write(to: URL(fileURLWithPath: scratch.file("evidence/hostile.json")))
        return scratch
    }

    @Test("Evidence text is shown, not obeyed: Markdown escapes HTML and links; text and SVG carry no raw ESC or override")
    func hostileRecords() throws {
        let scratch = try Self.hostileEvidence()
        let evidence = scratch.file("evidence")
        let markdown = try CommandLineRun.run(["evidence", "show", "closed-fist-percussion", "--evidence", evidence, "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.standardError)")
        #expect(!markdown.standardOutput.contains("<script>") && markdown.standardOutput.contains("&lt;script&gt;"))
        #expect(!markdown.standardOutput.contains("<img") && markdown.standardOutput.contains("\\[the study\\](javascript:alert(1))"))
        for arguments in [
            ["evidence", "show", "closed-fist-percussion"], ["evidence", "list"], ["evidence", "show", "closed-fist-percussion", "--format", "markdown"],
            ["posttest", "--sign", "closed-fist-percussion=positive"], ["table", "--sign", "closed-fist-percussion", "--pretest", "0.3"],
            ["nomogram", "--sign", "closed-fist-percussion"], ["curves", "--sign", "closed-fist-percussion"],
        ] {
            let run = try CommandLineRun.run(arguments + ["--evidence", evidence])
            #expect(run.status == 0, "\(arguments): \(run.standardError)")
            let controls = run.standardOutput.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x202E }
            #expect(controls.isEmpty, "\(arguments)")
            #expect(run.standardOutput.contains("\\u{1B}") || arguments[0] == "curves", "\(arguments)")
        }
    }

    @Test("evidence validate refuses links that are not http(s)")
    func links() throws {
        for url in ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "https://", "http://exa mple.org"] {
            let scratch = try Self.hostileEvidence(url: url)
            let run = try CommandLineRun.run(["evidence", "validate", scratch.file("evidence")])
            #expect(run.status == 1 && run.standardError.contains("must be an http:// or https:// link"), "\(url): \(run.standardError)")
        }
        let good = try Self.hostileEvidence(url: "https://example.org/study")
        let run = try CommandLineRun.run(["evidence", "validate", good.file("evidence")])
        #expect(!run.standardError.contains("http:// or https://"))
    }

    @Test("An evidence file over 4 MiB is refused before it is read")
    func bigEvidenceFile() throws {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: scratch.file("evidence"), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: scratch.file("evidence/huge.json"), contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("evidence/huge.json")))
        try handle.truncate(atOffset: 1 << 30)  // sparse: 1 GiB that takes no space
        try handle.close()
        let run = try CommandLineRun.run(["evidence", "validate", scratch.file("evidence")])
        #expect(run.status == 1 && run.standardError.contains("over the limit of 4 MiB"))
    }

    @Test("A reject reason cannot forge a line of the rejects log")
    func forgedRejects() throws {
        let run = try CommandLineRun.run(["accuracy", "--input", "-"], input: "tp,fp,fn,tn\n\"1\nline 99: forged\",2,3,4\n")
        #expect(run.status == 65)
        #expect(!run.standardError.contains("\nline 99") && !run.standardError.contains("\ndxkit: line 99"))
    }
}
