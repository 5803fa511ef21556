import DxEvidence
import DxReport
import DxStats
import Foundation
import Testing

/// Tables a lecturer can use as they come out: text that fits the
/// terminal, numbers near 0 and 1 that do not round to a false 100 %, CSV
/// a script can rely on, sources listed once.
@Suite("Post-test probability tables for teaching")
struct TeachingTableTests {
    static let level = PictureFixtures.level

    /// Both Langdon signs, every pattern, with everything a cell can show (1000 draws to keep it quick).
    static func twoSigns(rows: [Double], contents: ProbabilityTable.Contents = [.dependenceRange, .monteCarlo, .gate, .naturalFrequencies]) throws
        -> ProbabilityTable
    {
        let settings = SignCombinationSettings(monteCarlo: try MonteCarloSettings(draws: 1000, seed: 1), thresholds: .standard)
        let patterns: [[TestResult]] = [[.positive, .positive], [.positive, .negative], [.negative, .positive], [.negative, .negative]]
        let columns = try patterns.map { pattern in
            try ProbabilityTableColumn(
                label: pattern.map { $0 == .positive ? "+" : "−" }.joined(separator: " "),
                findings: [.init(PictureFixtures.percussion, pattern[0]), .init(PictureFixtures.supine, pattern[1])], settings: settings, level: level)
        }
        return ProbabilityTable(
            title: "Post-test probability: closed-fist percussion sign and supine sign", rows: rows.map { ProbabilityTable.Row(pretest: $0) },
            columns: columns, contents: contents, level: level,
            signs: [.init(id: "closed-fist-percussion", name: "Closed-fist percussion sign"), .init(id: "supine-sign", name: "Supine sign")],
            target: PictureFixtures.target)
    }

    @Test("Near 0 and 1, two decimals keep the estimate and its limits apart: never '100.0 %' for a probability below 1")
    func percentsNearBounds() {
        #expect(NumberText.percents([.finite(0.99951), .finite(0.99724), .finite(0.999912)]) == ["99.95 %", "99.72 %", "99.99 %"])
        #expect(NumberText.percents([.finite(0.789), .finite(0.56), .finite(0.917)]) == ["78.9 %", "56.0 %", "91.7 %"])
        #expect(NumberText.percents([.finite(0.999_999), .finite(0.98)]) == ["> 99.99 %", "98.00 %"])
        #expect(NumberText.percents([.finite(0.000_01), .finite(0.02)]) == ["< 0.01 %", "2.00 %"])
        // Exactly 1 is what the arithmetic gives (an unbounded likelihood ratio): it keeps its digits.
        #expect(NumberText.percents([.finite(1), .finite(0.815)]) == ["100.0 %", "81.5 %"])
    }

    @Test("Both signs positive at 95 % pretest: 99.95 % (99.72–99.99 %), not 100.0 % (99.7–100.0 %)")
    func ninetyFivePercent() throws {
        // LR 106.640625 (hand arithmetic, ProbabilityTableTests): odds 19 × 106.64 = 2026.17 → 0.999507.
        let text = try Self.twoSigns(rows: [0.95], contents: []).rendered(.text)
        #expect(text.contains("99.95 %"))
        #expect(!text.contains("100.0 % ("))
    }

    @Test("Text wraps to the line width, notes included", arguments: [100, 80, 68])
    func textWraps(width: Int) throws {
        let text = try Self.twoSigns(rows: [0.05, 0.3, 0.95]).rendered(.text, lineWidth: width)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let longest = lines.map(\.count).max() ?? 0
        #expect(longest <= width, "longest line \(longest): \(lines.first { $0.count == longest } ?? "")")
        // Nothing is lost in the wrapping: each classification and the notes' last words are there.
        #expect(text.contains("INDETERMINATE") && text.contains("LESS LIKELY") && text.contains("LIKELY"))
        let unwrapped = text.replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(of: "\n", with: " ")
        #expect(unwrapped.contains("for several signs with unknown dependence, the dependence range."))
        // The caption names what the probabilities are about.
        #expect(unwrapped.contains("of acute fracture on MRI among patients with a suspected fracture"))
    }

    @Test("CSV: ASCII headers and column ids, and the same columns for one sign, two signs and likelihood ratios")
    func csvColumns() throws {
        let one = try ProbabilityTableTests.langdonTable(rows: [0.3]).rendered(.csv)
        let two = try Self.twoSigns(rows: [0.3], contents: [.dependenceRange]).rendered(.csv)
        let ratio = IntervalEstimate(estimate: .finite(2), lower: .finite(2), upper: .finite(2), level: Self.level, method: .given)
        let ratios = try ProbabilityTable(
            title: "LR", rows: [ProbabilityTable.Row(pretest: 0.3)], columns: [ProbabilityTableColumn(label: "LR 2", likelihoodRatio: ratio)],
            level: Self.level
        ).rendered(.csv)
        let headers = [one, two, ratios].map { String($0.split(separator: "\n")[0]) }
        #expect(Set(headers).count == 1)
        let isASCII = headers[0].unicodeScalars.allSatisfy { $0.isASCII }
        #expect(isASCII)
        let columnIds = { (csv: String) in csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[2]) }
        }
        #expect(columnIds(one) == ["positive", "negative"])
        #expect(columnIds(two) == ["pos_pos", "pos_neg", "neg_pos", "neg_neg"])
        #expect(columnIds(ratios) == ["lr_2"])
        // A field that does not apply is empty: one sign has no dependence range.
        let fields = one.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields.count == headers[0].split(separator: ",").count)
        #expect(fields[11].isEmpty && fields[12].isEmpty)
    }

    @Test("HTML: a source cited by both signs is listed once, without the curators' notes")
    func htmlSources() throws {
        let langdon = try #require(try? EvidenceBase.builtIn().record("closed-fist-percussion"))
        let supine = try #require(try? EvidenceBase.builtIn().record("supine-sign"))
        let table = try Self.twoSigns(rows: [0.3], contents: [])
        let withEvidence = ProbabilityTable(
            title: table.title, rows: table.rows, columns: table.columns, level: Self.level, evidence: [langdon, supine], target: table.target)
        let html = try withEvidence.rendered(.html)
        let sources = try #require(html.components(separatedBy: "<h2>Sources</h2>").last)
        #expect(sources.components(separatedBy: "Langdon J, Way A").count == 2)
        #expect(!sources.contains("not captured in the source notes"))
        #expect(html.contains("<colgroup>"))
    }
}
