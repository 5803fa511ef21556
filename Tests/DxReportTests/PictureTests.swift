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
        #expect(SVGGeometry(svg).elements("band").filter { !$0.classes.contains("legend") }.count == 2)
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
        let svg = nomogram.svg()
        let parsed = parseXML(svg)
        #expect(parsed.error == nil)
        // Step 2 starts from step 1's estimate, labelled at the second pretest axis.
        #expect(parsed.texts.contains("78.9 %") && parsed.texts.contains("from step 1"))
        // 45.703125/46.703125 = 97.86 % (hand arithmetic, see ProbabilityTableTests).
        #expect(parsed.texts.contains { $0.hasPrefix("both: 97.9 %") })
        #expect(parsed.texts.contains { $0.hasPrefix("range if dependent: 81.5–100.0 %") })
        // The legend says why the combined interval is wider than step 2's.
        #expect(parsed.texts.joined(separator: " ").contains("Wider than step 2's interval because it carries the uncertainty of both likelihood ratios"))
    }

    @Test("Two-step nomogram: the carried-over step is a short arrow at the second pretest axis, not a line across the figure")
    func twoStepConnector() throws {
        let nomogram = try #require(PictureFixtures.allNomograms.first { $0.name == "two steps, positive" }).nomogram
        let geometry = SVGGeometry(nomogram.svg())
        let axes = geometry.elements("axis").map(\.box).filter { $0.bottom - $0.top > 100 }
        let pretestAxes = axes.map(\.left).sorted()
        let arrows = geometry.elements("arrow").filter { $0.name == "line" }
        #expect(arrows.count == 2)  // one to each pretest point
        for arrow in arrows {
            #expect(arrow.box.bottom - arrow.box.top < 1, "horizontal")
            #expect(arrow.box.right - arrow.box.left < 80, "short")
        }
        // No line runs between the steps' axes except the carried interval bars, which stay at an axis.
        let firstPosttest = try #require(pretestAxes.dropFirst(2).first), secondPretest = try #require(pretestAxes.dropFirst(3).first)
        let crossing = geometry.elements.filter { $0.name == "line" && $0.box.left < firstPosttest - 5 && $0.box.right > secondPretest + 5 }
        #expect(crossing.isEmpty)
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
        let svg = curves.svg()
        let parsed = parseXML(svg)
        #expect(parsed.error == nil)
        #expect(SVGGeometry(svg).texts.filter { $0.classes.contains("threshold-label") }.map(\.content) == ["80.0 %", "20.0 %"])
        #expect(parsed.texts.contains("78.9 %"))
        #expect(SVGGeometry(svg).elements("ribbon").count == 1)
        // One sign: the footnote says nothing about several signs.
        #expect(!svg.contains("several signs"))
    }

    @Test("Titles name the signs, the target condition and the pretest probability; the legend uses full titles")
    func titles() throws {
        let nomogram = try #require(PictureFixtures.allNomograms.first { $0.name == "two signs, four lines" }).nomogram
        // Wrapped lines are read as the text they make together.
        let texts = parseXML(nomogram.svg()).texts.joined(separator: " ")
        #expect(texts.hasPrefix("Fagan nomogram: closed-fist-percussion and supine-sign"))
        #expect(texts.contains("P(acute fracture on MRI among patients with a suspected fracture) from a pretest probability of 61.5 %"))
        let curves = try #require(PictureFixtures.allCurves.first { $0.name == "two signs" }).curves
        let curveTexts = parseXML(curves.svg()).texts.joined(separator: " ")
        #expect(curveTexts.hasPrefix("Post-test probability by pretest probability: closed-fist-percussion and supine-sign"))
        #expect(curveTexts.contains("percussion positive, supine negative"))
        // Several signs: the footnote says how they are combined.
        #expect(curveTexts.contains("multiply their likelihood ratios as if independent"))
    }
}
