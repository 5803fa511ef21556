import DxReport
import DxStats
import Foundation
import Testing

/// The Fagan nomogram and the probability curves as SVG: valid XML, text
/// kept as text, the numbers drawn are those computed.
@Suite("Pictures")
struct PictureTests {
    static let level = try! ConfidenceLevel(0.95)
    static let percussion = try! SignAccuracy(
        name: "closed-fist-percussion",
        table: TwoByTwoTable(
            truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
    static let supine = try! SignAccuracy(
        name: "supine-sign",
        table: TwoByTwoTable(
            truePositives: 39, falsePositives: 2, falseNegatives: 9, trueNegatives: 28))

    static func line(_ sign: SignAccuracy, _ result: TestResult, pretest: Double) throws -> FaganNomogram.Line {
        let cell = try ProbabilityTableColumn(label: "", findings: [.init(sign, result)], level: level).cell(pretest: pretest)
        return FaganNomogram.Line(label: "\(sign.name): \(result.rawValue)", likelihoodRatio: cell.likelihoodRatio, posttest: cell.posttest)
    }

    @Test("One-step nomogram: valid SVG, a band per line, the post-test intervals as text")
    func oneStep() throws {
        let nomogram = FaganNomogram(
            pretest: 0.3,
            lines: [
                try Self.line(Self.percussion, .positive, pretest: 0.3),
                try Self.line(Self.percussion, .negative, pretest: 0.3),
            ], level: Self.level)
        let svg = nomogram.svg()
        let parsed = parseXML(svg)
        #expect(parsed.error == nil)
        #expect(parsed.root == "svg")
        #expect(parsed.elements["polygon"] == 2)
        // 15/19 (0.5604…–0.9169…), numpy closed forms above; 0.0562 (0.0271–0.1127).
        #expect(parsed.texts.contains("78.9 % (56.0–91.7 %)"))
        #expect(parsed.texts.contains("5.6 % (2.7–11.3 %)"))
        #expect(parsed.texts.contains("30.0 %"))
        for tick in ["0.1", "99.9", "1000", "0.001", "50"] { #expect(parsed.texts.contains(tick), "tick \(tick)") }
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test("Two-step nomogram: the first post-test probability is carried to the second pretest axis")
    func twoStep() throws {
        let first = try Self.line(Self.percussion, .positive, pretest: 0.3)
        let intermediate = first.posttest.estimate.finiteValue!
        let second = try Self.line(Self.supine, .positive, pretest: intermediate)
        let combined = try ProbabilityTableColumn(
            label: "", findings: [.init(Self.percussion, .positive), .init(Self.supine, .positive)],
            level: Self.level
        ).cell(pretest: 0.3)
        let nomogram = FaganNomogram(
            pretest: 0.3, lines: [first],
            secondStep: .init(
                line: second, combined: combined.posttest, dependenceLower: combined.dependence?.posttestLower,
                dependenceUpper: combined.dependence?.posttestUpper), level: Self.level)
        let parsed = parseXML(nomogram.svg())
        #expect(parsed.error == nil)
        #expect(parsed.texts.contains("carried over: 78.9 %"))
        // 45.703125/46.703125 = 97.86 % (hand arithmetic, see ProbabilityTableTests).
        #expect(parsed.texts.contains { $0.hasPrefix("both: 97.9 %") })
        #expect(parsed.texts.contains { $0.hasPrefix("range if dependent: 81.5–100.0 %") })
    }

    @Test("An unbounded likelihood ratio (a zero cell) is drawn without nan or inf")
    func zeroCell() throws {
        let sign = try SignAccuracy(name: "zero", table: TwoByTwoTable(truePositives: 20, falsePositives: 0, falseNegatives: 5, trueNegatives: 50))
        let nomogram = FaganNomogram(pretest: 0.2, lines: [try Self.line(sign, .positive, pretest: 0.2)], level: Self.level)
        let svg = nomogram.svg()
        #expect(parseXML(svg).error == nil)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        #expect(svg.contains("LR ∞"))
    }

    @Test("Curves: valid SVG; each curve runs from 0 at pretest 0 to 1 at pretest 1 through 15/19 at 0.3; thresholds drawn")
    func curves() throws {
        let column = try ProbabilityTableColumn(label: "closed-fist-percussion +", findings: [.init(Self.percussion, .positive)], level: Self.level)
        let curves = try ProbabilityCurves(columns: [column], thresholds: .standard, markedPretest: (0.3, "30 %"), level: Self.level)
        let points = curves.series[0].points
        #expect(points.first?.pretest == 0 && points.first?.posttest.estimate == .finite(0))
        #expect(points.last?.pretest == 1 && points.last?.posttest.estimate == .finite(1))
        let estimates = points.compactMap(\.posttest.estimate.finiteValue)
        #expect(zip(estimates, estimates.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(abs((curves.marker?.cells[0].posttest.estimate.finiteValue ?? 0) - 15.0 / 19.0) < 1e-15)
        let parsed = parseXML(curves.svg())
        #expect(parsed.error == nil)
        #expect(parsed.texts.contains("gate upper threshold 80.0 %"))
        #expect(parsed.texts.contains("78.9 %"))
        #expect(parsed.elements["polygon"] == 1)
    }
}
