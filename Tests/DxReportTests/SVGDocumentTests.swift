import DxReport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses text as XML; returns the first error, the root element's name and every text node.
func parseXML(_ text: String) -> (error: String?, root: String?, texts: [String], elements: [String: Int]) {
    final class Collector: NSObject, XMLParserDelegate {
        var root: String?
        var texts: [String] = []
        var current = ""
        var elements: [String: Int] = [:]
        var error: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if root == nil { root = name }
            elements[name, default: 0] += 1
            current = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(current) }
            current = ""
        }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = "\(parseError)" }
    }
    let collector = Collector()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = collector
    let ok = parser.parse()
    return (ok ? collector.error : (collector.error ?? "parse failed"), collector.root, collector.texts, collector.elements)
}

@Suite("SVG writer")
struct SVGDocumentTests {
    @Test("Well-formed XML with the SVG namespace, a viewBox, a title and escaped text")
    func wellFormed() {
        var svg = SVGDocument(width: 200, height: 100, title: "A & B <test>")
        svg.line(from: .init(x: 0, y: 0), to: .init(x: 200, y: 100), stroke: "#000")
        svg.text("5 < 6 & \"quoted\" 'single'", at: .init(x: 10, y: 20))
        svg.polygon([.init(x: 0, y: 0), .init(x: 10, y: 0), .init(x: 10, y: 10)], fill: "#f00", opacity: 0.2)
        svg.beginGroup(clippedTo: (.init(x: 0, y: 0), 50, 50))
        svg.circle(at: .init(x: 5, y: 5), radius: 2, fill: "#00f")
        svg.endGroup()
        let text = svg.rendered()
        let parsed = parseXML(text)
        #expect(parsed.error == nil)
        #expect(parsed.root == "svg")
        #expect(parsed.texts == ["5 < 6 & \"quoted\" 'single'"])
        #expect(text.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(text.contains("viewBox=\"0 0 200 100\""))
        #expect(text.contains("<title>A &amp; B &lt;test&gt;</title>"))
    }

    @Test("Coordinates: at most two decimals, no exponent, no minus zero")
    func numbers() {
        #expect(SVGDocument.number(12.5) == "12.5")
        #expect(SVGDocument.number(3) == "3")
        #expect(SVGDocument.number(0.004) == "0")
        #expect(SVGDocument.number(-0.004) == "0")
        #expect(SVGDocument.number(-0.25) == "-0.25")
        #expect(SVGDocument.number(-12.05) == "-12.05")
        #expect(SVGDocument.number(1e-9) == "0")
        #expect(SVGDocument.number(123456.789) == "123456.79")
        #expect(SVGDocument.number(0.1) == "0.1")
    }

    @Test("Long text wraps at word boundaries within the width")
    func wrapping() {
        let lines = SVGDocument.wrapped("one two three four five six seven eight nine ten", width: 80, size: 10)
        #expect(lines.joined(separator: " ") == "one two three four five six seven eight nine ten")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { Double($0.count) * 0.58 * 10 <= 80 })
    }
}
