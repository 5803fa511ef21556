import DxReport
import DxStats
import Foundation
import Testing

/// Post-test probability tables: cells against independent references, and every format.
@Suite("Post-test probability tables")
struct ProbabilityTableTests {
    static let percussion = try! TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27)
    static let supine = try! TwoByTwoTable(truePositives: 39, falsePositives: 2, falseNegatives: 9, trueNegatives: 28)
    static let level = try! ConfidenceLevel(0.95)

    static func signColumns(_ table: TwoByTwoTable, name: String, level: ConfidenceLevel = level) throws -> [ProbabilityTableColumn] {
        let sign = try SignAccuracy(name: name, table: table)
        return try [TestResult.positive, .negative].map { result in
            try ProbabilityTableColumn(label: result == .positive ? "Positive" : "Negative", findings: [.init(sign, result)], level: level)
        }
    }

    struct Reference: Sendable, CustomTestStringConvertible {
        let counts: [Int]
        let level: Double
        let pretest: Double
        let result: TestResult
        let estimate: Double
        let lower: Double
        let upper: Double
        var testDescription: String { "\(counts) level \(level) pretest \(pretest) \(result.rawValue)" }
    }

    /// numpy 2.4.6 / scipy 1.17.1 closed forms of the logit interval (scripts/reference/closed_forms.py,
    /// Tests/DxStatsTests/Fixtures/closed-forms.json); with no zero cell it equals the log LR interval
    /// carried through the odds, which is what a sign column computes.
    static let references = [
        Reference(
            counts: [42, 3, 6, 27], level: 0.95, pretest: 0.3, result: .positive,
            estimate: 0.7894736842105263, lower: 0.5604349621858153, upper: 0.9168718383214477),
        Reference(
            counts: [42, 3, 6, 27], level: 0.95, pretest: 0.3, result: .negative,
            estimate: 0.05617977528089888, lower: 0.02713826272694977, upper: 0.11269932819359046),
        Reference(
            counts: [42, 3, 6, 27], level: 0.9, pretest: 0.05, result: .positive,
            estimate: 0.31531531531531537, lower: 0.15699399151608734, upper: 0.5324533090734015),
        Reference(
            counts: [39, 2, 9, 28], level: 0.99, pretest: 0.9, result: .negative,
            estimate: 0.6438791732909381, lower: 0.45218685554750065, upper: 0.7983994530004611),
        Reference(
            counts: [39, 2, 9, 28], level: 0.95, pretest: 0.1, result: .positive,
            estimate: 0.5752212389380531, lower: 0.26064801231588614, upper: 0.838752571095679),
        Reference(
            counts: [670, 202, 74, 640], level: 0.95, pretest: 0.1, result: .positive,
            estimate: 0.2943238804381625, lower: 0.26952133826689895, upper: 0.3204077222318173),
    ]

    @Test("Sign and 2×2-table columns against the numpy closed forms", arguments: references)
    func againstReferences(_ reference: Reference) throws {
        let counts = try TwoByTwoTable(
            truePositives: reference.counts[0], falsePositives: reference.counts[1],
            falseNegatives: reference.counts[2], trueNegatives: reference.counts[3])
        let level = try ConfidenceLevel(reference.level)
        let columns = [
            try Self.signColumns(counts, name: "sign", level: level)[reference.result == .positive ? 0 : 1],
            try ProbabilityTableColumn(label: "table", table: counts, result: reference.result, level: level),
        ]
        for column in columns {
            let cell = try column.cell(pretest: reference.pretest)
            #expect(abs(cell.posttest.estimate.finiteValue! - reference.estimate) < 1e-12)
            #expect(abs(cell.posttest.lower.finiteValue! - reference.lower) < 1e-12)
            #expect(abs(cell.posttest.upper.finiteValue! - reference.upper) < 1e-12)
        }
    }

    @Test("Two signs: LR 8.75 × 12.1875 = 106.640625 and the Fréchet range of the ++ pattern (hand arithmetic)")
    func severalSigns() throws {
        let percussion = try SignAccuracy(name: "closed-fist-percussion", table: Self.percussion)
        let supine = try SignAccuracy(name: "supine-sign", table: Self.supine)
        let column = try ProbabilityTableColumn(label: "+ +", findings: [.init(percussion, .positive), .init(supine, .positive)], level: Self.level)
        let cell = try column.cell(pretest: 0.3)
        #expect(abs(cell.likelihoodRatio.estimate.finiteValue! - 106.640625) < 1e-10)
        // odds 3/7 × 106.640625 = 45.703125 → 45.703125/46.703125.
        #expect(abs(cell.posttest.estimate.finiteValue! - 45.703125 / 46.703125) < 1e-12)
        // Fréchet: P(++|D+) ≥ 42/48 + 39/48 − 1 = 33/48, P(++|D−) ≤ min(3, 2)/30: LR ≥ (33/48)/(2/30) = 10.3125;
        // odds 3/7 × 10.3125 = 4.419642857… → 0.815485996…; upper: P(++|D−) can be 0, LR unbounded → 1.
        let range = try #require(cell.dependence)
        #expect(abs(range.likelihoodRatioLower.finiteValue! - 10.3125) < 1e-12)
        #expect(abs(range.posttestLower.finiteValue! - (3.0 / 7 * 10.3125) / (1 + 3.0 / 7 * 10.3125)) < 1e-12)
        #expect(range.likelihoodRatioUpper == .unbounded)
        #expect(range.posttestUpper == .finite(1))
    }

    @Test("A likelihood ratio without limits gives a cell without width; with limits, the limits carried through the odds")
    func likelihoodRatios() throws {
        let bare = IntervalEstimate(estimate: .finite(8.75), lower: .finite(8.75), upper: .finite(8.75), level: Self.level, method: .given)
        let cell = try ProbabilityTableColumn(label: "LR 8.75", likelihoodRatio: bare).cell(pretest: 0.3, population: 1000)
        #expect(abs(cell.posttest.estimate.finiteValue! - 15.0 / 19.0) < 1e-15)
        #expect(cell.posttest.lower == cell.posttest.upper)
        #expect(cell.naturalFrequency?.text == "789 of 1000")
        // Limits 2 and 25: odds 3/7 × 2 = 6/7 → 6/13; 3/7 × 25 = 75/7 → 75/82.
        let limited = IntervalEstimate(estimate: .finite(8.75), lower: .finite(2), upper: .finite(25), level: Self.level, method: .given)
        let withLimits = try ProbabilityTableColumn(label: "LR 8.75", likelihoodRatio: limited).cell(pretest: 0.3)
        #expect(abs(withLimits.posttest.lower.finiteValue! - 6.0 / 13.0) < 1e-15)
        #expect(abs(withLimits.posttest.upper.finiteValue! - 75.0 / 82.0) < 1e-15)
    }

    static func langdonTable(rows: [Double], contents: ProbabilityTable.Contents = []) throws -> ProbabilityTable {
        ProbabilityTable(
            title: "Closed-fist percussion", rows: rows.map { ProbabilityTable.Row(pretest: $0) },
            columns: try signColumns(percussion, name: "closed-fist-percussion"), contents: contents, level: level)
    }

    @Test("Rows stream: the writer hands over the opening, one piece per row, and the closing")
    func streams() throws {
        let table = try Self.langdonTable(rows: [0.1, 0.2, 0.3, 0.4])
        for format in DocumentFormat.allCases {
            var pieces: [String] = []
            try table.write(format) { pieces.append($0) }
            #expect(pieces.count == 6, "\(format)")
            #expect(pieces.joined() == (try table.rendered(format)))
            #expect(pieces.joined().hasSuffix("\n"))
        }
    }

    @Test("Formats: no nan or inf anywhere; the cell text is rounded as dxkit posttest rounds it")
    func formats() throws {
        let table = try Self.langdonTable(rows: [0, 0.3, 1], contents: [.naturalFrequencies])
        for format in DocumentFormat.allCases {
            let text = try table.rendered(format).lowercased()
            #expect(!text.contains("nan") && !text.contains("inf"), "\(format)")
        }
        // 0.7894736842105263 (0.5604349621858155–0.9168718383214477) → 78.9 % (56.0–91.7 %).
        #expect(try table.rendered(.markdown).contains("| 30 % | 78.9 % (56.0–91.7 %)<br>"))
        #expect(try table.rendered(.text).contains("78.9 % (56.0–91.7 %)"))
    }

    @Test("CSV: a header and one line per cell, at full precision")
    func csv() throws {
        let lines = try Self.langdonTable(rows: [0.1, 0.3]).rendered(.csv).split(separator: "\n")
        #expect(lines.count == 1 + 2 * 2)
        #expect(lines[0].hasPrefix("pretest,pretest_label,column,signs,lr,lr_lower,lr_upper,posttest,posttest_lower,posttest_upper,method"))
        #expect(lines[3].hasPrefix("0.3,,positive,closed-fist-percussion=positive,8.75,"))
        #expect(lines[3].contains(",0.7894736842105263,"))
    }

    @Test("JSON: one document whose rows carry dxkit posttest's keys in every cell")
    func json() throws {
        let text = try Self.langdonTable(rows: [0.1, 0.3], contents: [.naturalFrequencies]).rendered(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[1]["pretest"] as? Double == 0.3)
        let cells = try #require(rows[1]["cells"] as? [[String: Any]])
        #expect(cells.count == 2)
        let posttest = try #require(cells[0]["posttest"] as? [String: Any])
        // (Foundation's JSON reader on Linux may be off by an ulp, so the text is checked too.)
        #expect(abs((posttest["estimate"] as? Double ?? 0) - 15.0 / 19.0) < 1e-15)
        #expect(text.contains("\"estimate\":0.7894736842105263"))
        #expect(posttest["method"] as? String == "logit")  // Mercaldo, as dxkit posttest --tp … --result
        #expect((cells[0]["naturalFrequency"] as? [String: Any])?["withResultAndCondition"] as? Int == 263)
        #expect(object["notes"] is [String])
    }

    @Test("HTML is a standalone page; LaTeX escapes its special characters")
    func markup() throws {
        let table = try Self.langdonTable(rows: [0.3])
        let html = try table.rendered(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<th scope=\"row\">30 %</th><td><span class=\"estimate\">78.9 % (56.0–91.7 %)</span></td>"))
        #expect(!html.contains("nowrap"))  // cells wrap, so the table never runs wider than the page
        #expect(html.hasSuffix("</html>\n"))
        let latex = try table.rendered(.latex)
        #expect(latex.contains("30 \\% & {78.9~\\% (56.0--91.7~\\%)}"))
        #expect(latex.contains("\\begin{tabularx}{\\linewidth}") && latex.contains("\\end{table}"))
        #expect(!latex.contains("–") && !latex.contains("−"))
        #expect(MarkupText.latex("--sign 5% a_b & {x} – −1 × 2") == "-{}-sign 5\\% a\\_b \\& \\{x\\} -- $-$1 $\\times$ 2")
        #expect(MarkupText.escaped("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
    }
}
