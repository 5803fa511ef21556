import DxReport
import DxStats
import Foundation
import Testing

/// What makes a picture usable in a lecture: no label on another label, a
/// tick or a marker; series told apart by dash pattern and marker as well
/// as colour (greyscale, black-and-white print); text that can be read
/// from the back of the room at the projector size.
@Suite("Pictures: legibility")
struct PictureLegibilityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let picture: String
        let variant: String
        let size: PictureSize
        var testDescription: String { "\(picture), \(variant), \(size.rawValue)" }

        func svg() throws -> String {
            if picture == "nomogram" {
                return try #require(PictureFixtures.allNomograms.first { $0.name == variant }).nomogram.svg(size: size)
            }
            return try #require(PictureFixtures.allCurves.first { $0.name == variant }).curves.svg(size: size)
        }
    }

    static let cases: [Case] = {
        let nomograms = PictureFixtures.allNomograms.map(\.name)
        let curves = PictureFixtures.allCurves.map(\.name)
        return PictureSize.allCases.flatMap { size in
            nomograms.map { Case(picture: "nomogram", variant: $0, size: size) } + curves.map { Case(picture: "curves", variant: $0, size: size) }
        }
    }()

    @Test("No text overlaps another text, a tick mark or a marker (boxes from the font's widths)", arguments: cases)
    func noOverlaps(_ input: Case) throws {
        let geometry = SVGGeometry(try input.svg())
        #expect(geometry.texts.count > 20)
        #expect(geometry.overlappingTexts.isEmpty, "\(geometry.overlappingTexts.prefix(5))")
        #expect(geometry.textsOnTicksOrMarkers.isEmpty, "\(geometry.textsOnTicksOrMarkers.prefix(5))")
        // Every text lies inside the picture.
        let outside = geometry.texts.filter { $0.box.left < -0.5 || $0.box.right > geometry.width + 0.5 || $0.box.bottom > geometry.height + 0.5 }
        #expect(outside.isEmpty, "\(outside.map(\.content).prefix(3))")
    }

    @Test("Projector: 1,280 px wide and no text under 18 px", arguments: cases.filter { $0.size == .projector })
    func projector(_ input: Case) throws {
        let geometry = SVGGeometry(try input.svg())
        #expect(geometry.width == 1280)
        let smallest = try #require(geometry.texts.map(\.size).min())
        #expect(smallest >= 18, "smallest text \(smallest) px")
    }

    @Test("Each series has its own dash pattern and marker, the same in the data and in the legend", arguments: cases.filter { $0.size == .screen })
    func seriesStyles(_ input: Case) throws {
        let geometry = SVGGeometry(try input.svg())
        let seriesCount = (0..<6).filter { !geometry.elements("estimate", "series-\($0)").isEmpty }.count
        guard seriesCount > 1 else { return }
        var dashes: [String] = [], shapes: [String] = []
        for series in 0..<seriesCount {
            let estimate = try #require(geometry.elements("estimate", "series-\(series)").first)
            let dash = estimate.dash ?? "solid"
            let legendLine = try #require(geometry.elements("legend", "series-\(series)").first { $0.name == "line" })
            let shape = try #require(geometry.elements("marker", "series-\(series)").first?.classes.first { $0.hasPrefix("shape-") })
            let legendShape = try #require(geometry.elements("marker", "legend", "series-\(series)").first?.classes.first { $0.hasPrefix("shape-") })
            #expect((legendLine.dash ?? "solid") == dash, "series \(series): legend dash \(legendLine.dash ?? "solid"), data \(dash)")
            #expect(legendShape == shape, "series \(series)")
            dashes.append(dash)
            shapes.append(shape)
        }
        #expect(Set(dashes).count == seriesCount, "\(dashes)")
        #expect(Set(shapes).count == seriesCount, "\(shapes)")
        // Dots are kept for the dependence range: no series is dotted.
        for dependence in geometry.elements("dependence") where dependence.name == "polyline" {
            #expect(!dashes.contains(dependence.dash ?? "solid"))
            #expect(dependence.dash?.hasPrefix("0 ") == true, "dependence drawn as dots")
        }
    }

    @Test("Curves: the LR 1 diagonal (thin, solid, grey) and the gate's thresholds (dark, dashed) look different")
    func referenceLines() throws {
        let svg = try #require(PictureFixtures.allCurves.first).curves.svg()
        let geometry = SVGGeometry(svg)
        let diagonal = try #require(geometry.elements("diagonal").first)
        let thresholds = geometry.elements("threshold")
        #expect(thresholds.count == 2)
        #expect(diagonal.dash == nil)
        #expect(thresholds.allSatisfy { $0.dash != nil && $0.attributes["stroke"] != diagonal.attributes["stroke"] })
    }

    @Test("Curves lying on each other (LR 1.76 and 1.69) still show both markers, at different pretest probabilities")
    func nearCoincidentCurves() throws {
        let geometry = SVGGeometry(try #require(PictureFixtures.allCurves.first).curves.svg())
        let alongCurve = { (series: Int) in
            geometry.elements("marker", "series-\(series)").filter { $0.classes.isDisjoint(with: ["legend", "at-pretest"]) }.map { $0.box.left }
        }
        let first = alongCurve(1), second = alongCurve(2)
        #expect(first.count >= 3 && second.count >= 3)
        for x in first { #expect(second.allSatisfy { abs($0 - x) > 10 }) }
    }
}
