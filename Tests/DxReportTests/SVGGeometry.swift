import DxReport
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The parts of a DxKit picture that a test can measure: every text with
/// its box (from `TextMetrics`, as the picture itself lays it out), every
/// line and path with its classes, the root's size.
struct SVGGeometry {
    struct Box: CustomStringConvertible {
        var left, top, right, bottom: Double
        /// Whether the two boxes overlap by more than `tolerance` in both directions.
        func overlaps(_ other: Box, tolerance: Double = 0.5) -> Bool {
            min(right, other.right) - max(left, other.left) > tolerance && min(bottom, other.bottom) - max(top, other.top) > tolerance
        }
        var description: String { String(format: "[%.1f, %.1f – %.1f, %.1f]", left, top, right, bottom) }
    }

    struct Text {
        let content: String
        let size: Double
        let classes: Set<String>
        let box: Box
    }

    struct Element {
        let name: String
        let attributes: [String: String]
        var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
        var dash: String? { attributes["stroke-dasharray"] }

        /// The element's bounding box: a line's end points, a path's or polygon's numbers.
        var box: Box {
            func number(_ key: String) -> Double { Double(attributes[key] ?? "") ?? 0 }
            switch name {
            case "line":
                return Box(
                    left: min(number("x1"), number("x2")), top: min(number("y1"), number("y2")), right: max(number("x1"), number("x2")),
                    bottom: max(number("y1"), number("y2")))
            case "circle":
                let r = number("r")
                return Box(left: number("cx") - r, top: number("cy") - r, right: number("cx") + r, bottom: number("cy") + r)
            default:
                func pair(_ token: Substring) -> (Double, Double)? {
                    let parts = token.split(separator: ",").compactMap { Double($0) }
                    return parts.count == 2 ? (parts[0], parts[1]) : nil
                }
                var pairs: [(Double, Double)] = []
                if let points = attributes["points"] {
                    pairs = points.split(separator: " ").compactMap(pair)
                } else {
                    // Path data here is M, L, A and Z with absolute coordinates; of an arc
                    // ("A rx,ry rotation large,sweep x,y") only the end point is a point of the outline.
                    var command: Character = "M", tokens: [Substring] = []
                    func flush() {
                        let points = tokens.filter { $0.contains(",") }
                        pairs += (command == "A" ? Array(points.suffix(1)) : points).compactMap(pair)
                        tokens = []
                    }
                    for character in (attributes["d"] ?? "") {
                        if "MLAZ".contains(character) {
                            flush()
                            command = character
                        } else if character == " " {
                            tokens.append("")
                        } else {
                            if tokens.isEmpty { tokens.append("") }
                            tokens[tokens.count - 1].append(character)
                        }
                    }
                    flush()
                }
                guard !pairs.isEmpty else { return Box(left: 0, top: 0, right: 0, bottom: 0) }
                return Box(
                    left: pairs.map(\.0).min()!, top: pairs.map(\.1).min()!, right: pairs.map(\.0).max()!, bottom: pairs.map(\.1).max()!)
            }
        }
    }

    var width = 0.0
    var height = 0.0
    var texts: [Text] = []
    var elements: [Element] = []

    init(_ svg: String) {
        final class Collector: NSObject, XMLParserDelegate {
            var geometry = SVGGeometry(empty: ())
            var attributes: [String: String] = [:]
            var content = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "svg", geometry.width == 0 {
                    geometry.width = Double(attributes["width"] ?? "") ?? 0
                    geometry.height = Double(attributes["height"] ?? "") ?? 0
                }
                self.attributes = attributes
                content = ""
                if name != "text" { geometry.elements.append(Element(name: name, attributes: attributes)) }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { content += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                guard name == "text" else { return }
                let x = Double(attributes["x"] ?? "") ?? 0, y = Double(attributes["y"] ?? "") ?? 0
                let size = Double(attributes["font-size"] ?? "") ?? 0
                let width = TextMetrics.width(content, size: size, bold: attributes["font-weight"] == "bold")
                let classes = Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
                var box: Box
                if classes.contains("vertical") {
                    box = Box(left: x - TextMetrics.ascent(size: size), top: y - width / 2, right: x + TextMetrics.descent(size: size), bottom: y + width / 2)
                } else {
                    let left: Double
                    switch attributes["text-anchor"] {
                    case "middle": left = x - width / 2
                    case "end": left = x - width
                    default: left = x
                    }
                    box = Box(left: left, top: y - TextMetrics.ascent(size: size), right: left + width, bottom: y + TextMetrics.descent(size: size))
                }
                geometry.texts.append(Text(content: content, size: size, classes: classes, box: box))
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        _ = parser.parse()
        self = collector.geometry
    }

    private init(empty: Void) {}

    /// Elements whose classes include every one of `classes`.
    func elements(_ classes: String...) -> [Element] {
        elements.filter { Set(classes).isSubset(of: $0.classes) }
    }

    /// Pairs of texts whose boxes overlap, described for a failure message.
    var overlappingTexts: [String] {
        var problems: [String] = []
        for (index, first) in texts.enumerated() {
            for second in texts[(index + 1)...] where !first.content.isEmpty && !second.content.isEmpty && first.box.overlaps(second.box) {
                problems.append("'\(first.content)' \(first.box) and '\(second.content)' \(second.box)")
            }
        }
        return problems
    }

    /// Texts that overlap a tick mark or a marker, described for a failure message.
    var textsOnTicksOrMarkers: [String] {
        let marks = elements.filter { $0.classes.contains("tick") || $0.classes.contains("marker") }
        return texts.flatMap { text in
            marks.filter { text.box.overlaps($0.box, tolerance: 0.3) }.map { "'\(text.content)' \(text.box) on \($0.name) \($0.classes.sorted()) \($0.box)" }
        }
    }
}
