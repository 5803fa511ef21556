import Foundation
import Testing

@testable import DxKitCommands

/// `dxkit table`: every number equals what `dxkit posttest` prints for the same input.
@Suite("dxkit table")
struct TableCommandTests {
    typealias Run = EducatorCommands

    static let twentieths = [
        "0.05", "0.1", "0.15", "0.2", "0.25", "0.3", "0.35", "0.4", "0.45", "0.5",
        "0.55", "0.6", "0.65", "0.7", "0.75", "0.8", "0.85", "0.9", "0.95",
    ]

    static func cells(_ table: [String: Any]) throws -> [(pretest: Any?, cells: [[String: Any]])] {
        let rows = try #require(table["rows"] as? [[String: Any]])
        return try rows.map { ($0["pretest"], try #require($0["cells"] as? [[String: Any]])) }
    }

    @Test("One sign over 0.05:0.95:0.05: each cell's posttest and likelihoodRatio equal dxkit posttest --sign ID=RESULT")
    func oneSignEqualsPosttest() throws {
        let table = try Run.json(["table", "--sign", "closed-fist-percussion", "--pretest", "0.05:0.95:0.05"])
        let rows = try Self.cells(table)
        #expect(rows.count == 19)
        for (pretestText, row) in zip(Self.twentieths, rows) {
            for (result, cell) in zip(["positive", "negative"], row.cells) {
                let reference = try Run.posttest(["--pretest", pretestText, "--sign", "closed-fist-percussion=\(result)"])
                #expect(Run.same(row.pretest, reference["pretest"]), "pretest \(pretestText)")
                #expect(Run.same(cell["posttest"], reference["posttest"]), "\(pretestText) \(result)")
                #expect(Run.same(cell["likelihoodRatio"], reference["likelihoodRatio"]), "\(pretestText) \(result)")
            }
        }
    }

    @Test("One sign, as printed: each Markdown cell is posttest's text interval")
    func printedNumbersEqualPosttest() throws {
        let markdown = try Run.render(["table", "--sign", "supine-sign", "--pretest", "0.05:0.95:0.05", "--format", "markdown"])
        for pretestText in Self.twentieths {
            let label = "\(Int((Double(pretestText)! * 100).rounded())) %"
            let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| \(label) |") }, "row \(label)")
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for (index, result) in ["positive", "negative"].enumerated() {
                let posttest = try Run.render(["posttest", "--pretest", pretestText, "--sign", "supine-sign=\(result)"])
                #expect(cells[index + 1] == (try Run.cellText(fromPosttestText: posttest)), "\(label) \(result)")
            }
        }
    }

    @Test("Two signs with --show all: every pattern's posttest, dependence, monteCarlo and gate equal dxkit posttest's")
    func severalSignsEqualPosttest() throws {
        let pretests = ["0.1", "30%", "suspected-acute-vcf"]
        let table = try Run.json([
            "table", "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--pretest", pretests.joined(separator: ","),
            "--show", "all", "--draws", "2000",
        ])
        let rows = try Self.cells(table)
        #expect(rows.count == 3)
        let patterns = [("positive", "positive"), ("positive", "negative"), ("negative", "positive"), ("negative", "negative")]
        for (pretestText, row) in zip(pretests, rows) {
            #expect(row.cells.count == 4)
            for ((first, second), cell) in zip(patterns, row.cells) {
                let reference = try Run.posttest([
                    "--pretest", pretestText, "--sign", "closed-fist-percussion=\(first)",
                    "--sign", "supine-sign=\(second)", "--draws", "2000",
                ])
                #expect(Run.same(row.pretest, reference["pretest"]))
                for key in ["likelihoodRatio", "posttest", "dependence", "monteCarlo", "gate"] {
                    #expect(Run.same(cell[key], reference[key]), "\(pretestText) \(first)/\(second) \(key)")
                }
            }
        }
    }

    @Test("Two signs without the Monte Carlo columns (--hide gate): posttest and dependence still equal dxkit posttest's")
    func severalSignsWithoutMonteCarlo() throws {
        let table = try Run.json([
            "table", "--sign", "closed-fist-percussion", "--sign", "supine-sign=negative", "--pretest", "0.2,0.7",
            "--show", "range", "--hide", "gate",
        ])
        for (pretestText, row) in zip(["0.2", "0.7"], try Self.cells(table)) {
            #expect(row.cells.count == 2)
            for (first, cell) in zip(["positive", "negative"], row.cells) {
                #expect(cell["gate"] == nil && cell["monteCarlo"] == nil)
                let reference = try Run.posttest([
                    "--pretest", pretestText, "--sign", "closed-fist-percussion=\(first)", "--sign", "supine-sign=negative",
                    "--draws", "1000",
                ])
                for key in ["likelihoodRatio", "posttest", "dependence"] {
                    #expect(Run.same(cell[key], reference[key]), "\(pretestText) \(first) \(key)")
                }
            }
        }
    }

    @Test("A grid of likelihood ratios: each cell equals dxkit posttest --pretest P --lr X")
    func likelihoodRatioGridEqualsPosttest() throws {
        let ratios = ["0.1", "0.2", "0.5", "2", "5", "10"], pretests = ["0.1", "0.3", "0.5"]
        let table = try Run.json(["table", "--lr", ratios.joined(separator: ","), "--pretest", pretests.joined(separator: ",")])
        let columns = try #require(table["columns"] as? [[String: Any]])
        #expect(columns.map { $0["label"] as? String } == ratios.map { "LR \($0)" })
        for (pretestText, row) in zip(pretests, try Self.cells(table)) {
            for (ratio, cell) in zip(ratios, row.cells) {
                let reference = try Run.posttest(["--pretest", pretestText, "--lr", ratio])
                #expect(Run.same(cell["posttest"], reference["posttest"]), "\(pretestText) LR \(ratio)")
            }
        }
        // With limits.
        let limited = try Run.json(["table", "--lr", "8.75,0.139", "--lr-lower", "2.97,0.0651", "--lr-upper", "25.7,0.296", "--pretest", "0.3"])
        let cells = try Self.cells(limited)[0].cells
        let positive = try Run.posttest(["--pretest", "0.3", "--lr", "8.75", "--lr-lower", "2.97", "--lr-upper", "25.7"])
        let negative = try Run.posttest(["--pretest", "0.3", "--lr", "0.139", "--lr-lower", "0.0651", "--lr-upper", "0.296"])
        #expect(Run.same(cells[0]["posttest"], positive["posttest"]))
        #expect(Run.same(cells[1]["posttest"], negative["posttest"]))
    }

    @Test("A 2×2 table: each cell equals dxkit posttest --tp --fp --fn --tn --result (Mercaldo logit, adjusted with a zero cell)")
    func twoByTwoEqualsPosttest() throws {
        for counts in [["42", "3", "6", "27"], ["20", "5", "0", "45"]] {
            let flags = ["--tp", counts[0], "--fp", counts[1], "--fn", counts[2], "--tn", counts[3]]
            let table = try Run.json(["table"] + flags + ["--pretest", "0.1,0.615"])
            for (pretestText, row) in zip(["0.1", "0.615"], try Self.cells(table)) {
                for (result, cell) in zip(["positive", "negative"], row.cells) {
                    let reference = try Run.posttest(["--pretest", pretestText] + flags + ["--result", result])
                    #expect(Run.same(cell["posttest"], reference["posttest"]), "\(counts) \(pretestText) \(result)")
                    #expect(Run.same(cell["likelihoodRatio"], reference["likelihoodRatio"]), "\(counts) \(pretestText) \(result)")
                }
            }
        }
    }

    @Test("A grid value is the double its decimal text parses to: 0.15 in the grid is posttest's 0.15")
    func gridValuesAreExact() throws {
        let csv = try Run.render(["table", "--lr", "2", "--pretest", "0.05:0.95:0.05", "--format", "csv"])
        let pretests = csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(pretests == Self.twentieths)
    }

    @Test("Natural frequencies: at 20 %, of 1000: 175 of 255 after a positive percussion sign (200 × 0.875; 800 × 0.1)")
    func naturalFrequencies() throws {
        let text = try Run.render(["table", "--sign", "closed-fist-percussion=positive", "--pretest", "0.2", "--show", "frequencies", "--format", "markdown"])
        #expect(text.contains("<br>175 of 255 |"))
        let hundred = try Run.render([
            "table", "--sign", "closed-fist-percussion=positive", "--pretest", "0.2", "--show", "frequencies", "--per", "100",
            "--format", "csv",
        ])
        #expect(hundred.contains(",100,26,18,"))  // 20 × 0.875 = 17.5 → 18; 80 × 0.1 = 8.
    }

    @Test("Every format renders without nan or inf, with an unbounded LR and pretest 0 and 1")
    func formats() throws {
        for format in ["text", "markdown", "csv", "json", "html", "latex"] {
            let text = try Run.render([
                "table", "--sign", "counts:20/0/5/50", "--pretest", "0,0.5,1", "--show", "all", "--draws", "1000",
                "--format", format,
            ]).lowercased()
            #expect(!text.contains("nan") && !text.contains("inf"), "\(format)")
        }
    }

    @Test("A large grid streams through the executable: 10001 rows of CSV")
    func largeGrid() throws {
        let run = try CommandLineRun.run(["table", "--lr", "2", "--pretest", "0:1:0.0001", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.standardOutput.split(separator: "\n").count == 10_002)
    }

    @Test("The help names the grid syntax and the cell contents")
    func help() {
        let help = DxKit.helpMessage(for: TableCommand.self)
        for phrase in ["FROM:TO:STEP", "--show", "range", "monte-carlo", "gate", "frequencies", "--per", "html", "latex"] {
            #expect(help.contains(phrase), "\(phrase)")
        }
    }
}
