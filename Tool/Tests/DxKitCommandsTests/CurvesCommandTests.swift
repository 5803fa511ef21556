import Foundation
import Testing

@testable import DxKitCommands

/// `dxkit curves` and `dxkit handout`.
@Suite("dxkit curves and dxkit handout")
struct CurvesCommandTests {
    typealias Run = EducatorCommands

    @Test("Every pattern's point at pretest 0.3 and at the marked preset equals dxkit posttest's posttest and dependence")
    func pointsEqualPosttest() throws {
        let curves = try Run.json(["curves", "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--pretest", "suspected-acute-vcf"])
        let series = try #require(curves["series"] as? [[String: Any]])
        #expect(series.count == 4)
        let marker = try #require(curves["marker"] as? [String: Any])
        let markerCells = try #require(marker["posttest"] as? [Any])
        let patterns = [("positive", "positive"), ("positive", "negative"), ("negative", "positive"), ("negative", "negative")]
        for (index, (first, second)) in patterns.enumerated() {
            let points = try #require(series[index]["points"] as? [[String: Any]])
            let point = try #require(points.first { ($0["pretest"] as? Double) == 0.3 })
            let signs = ["--sign", "closed-fist-percussion=\(first)", "--sign", "supine-sign=\(second)", "--draws", "1000"]
            let reference = try Run.posttest(["--pretest", "0.3"] + signs)
            #expect(Run.same(point["posttest"], reference["posttest"]), "\(first)/\(second)")
            #expect(Run.same(point["dependence"], reference["dependence"]), "\(first)/\(second)")
            let atPreset = try Run.posttest(["--pretest", "suspected-acute-vcf"] + signs)
            #expect(Run.same(markerCells[index], atPreset["posttest"]), "\(first)/\(second) at the preset")
        }
        let thresholds = try #require(curves["thresholds"] as? [String: Double])
        #expect(thresholds == ["lower": 0.2, "upper": 0.8])
    }

    @Test("The SVG is well-formed XML; --gate moves the threshold lines")
    func svg() throws {
        let svg = try Run.render(["curves", "--sign", "closed-fist-percussion", "--gate", "0.1,0.9"])
        #expect(Run.isWellFormedXML(svg))
        #expect(svg.contains("class=\"threshold-label\">90.0 %</text>") && svg.contains("class=\"threshold-label\">10.0 %</text>"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test("The handout: the signs' 2×2 tables, two tables and two pictures (each well-formed), citations, numbers as posttest prints them")
    func handout() throws {
        let page = try Run.render(["handout", "--draws", "1000"])
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        for counts in ["42 3 6 27", "39 2 9 28"] {
            #expect(page.contains("<td class=\"counts\">\(counts)</td>"), "\(counts)")
        }
        #expect(page.contains("<h2>Table 1. Each sign alone</h2>") && page.contains("<h2>Table 2. "))
        var rest = Substring(page), pictures = 0
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>") {
            #expect(Run.isWellFormedXML(String(rest[start.lowerBound..<end.upperBound])))
            pictures += 1
            rest = rest[end.upperBound...]
        }
        // The two-step nomogram (each step a nomogram of one sign) and the curves of every pattern, drawn for print.
        #expect(pictures == 2)
        #expect(page.contains("Fagan nomogram in two steps") && page.contains("Post-test probability by pretest probability"))
        #expect(page.contains("Fagan TJ. Nomogram for Bayes theorem. N Engl J Med 1975;293:257."))
        #expect(page.contains("Langdon J, Way A, Heaton S, Bernard J, Molloy S."))
        let posttest = try Run.render(["posttest", "--pretest", "0.3", "--sign", "closed-fist-percussion=positive"])
        #expect(page.contains("<span class=\"estimate\">\(try Run.cellText(fromPosttestText: posttest))</span>"))
        // Caveats for readers: the curators' notes stay in dxkit evidence show; no conclusion about old fractures.
        for phrase in ["Re-derive", "not captured", "sources read", "unverified", "chronic", "probably old"] {
            #expect(!page.contains(phrase), "\(phrase)")
        }
        #expect(page.contains("Only 30 patients without the condition were studied"))
        // The sources are listed once each, although both signs cite them.
        #expect(page.components(separatedBy: "Langdon J, Way A, Heaton S").count == 2)
        // No number printed as nan or inf ("inference" in Wilson's title is fine).
        #expect(page.range(of: "[^a-z](nan|inf)[^a-z]", options: [.regularExpression, .caseInsensitive]) == nil)
    }
}
