/// A small SVG 1.1 writer: shapes and text in user units, serialised as
/// well-formed XML.
///
/// Pictures scale cleanly because everything is vector: the root has a
/// `viewBox`, text stays `<text>` (selectable, searchable, sharp when
/// printed) and no raster is embedded. Coordinates are written with at most
/// two decimals; a non-finite coordinate is a programming error (DxKit never
/// writes `nan` or `inf`).
///
/// ```swift
/// var svg = SVGDocument(width: 200, height: 100, title: "Example")
/// svg.line(from: .init(x: 10, y: 10), to: .init(x: 190, y: 90), stroke: "#000")
/// svg.text("Hello", at: .init(x: 100, y: 50), style: .init(anchor: .middle))
/// svg.rendered().contains("viewBox=\"0 0 200 100\"")   // true
/// ```
public struct SVGDocument: Sendable {
    /// A point in user units (y grows downwards).
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// Horizontal alignment of text relative to its anchor point.
    public enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// How a text is drawn.
    public struct TextStyle: Sendable {
        public var size: Double = 11
        public var anchor: Anchor = .start
        public var bold = false
        public var italic = false
        public var fill = "#222"
        /// A white outline behind the glyphs, so a label stays legible over lines.
        public var halo = false
        public init(size: Double = 11, anchor: Anchor = .start, bold: Bool = false, italic: Bool = false, fill: String = "#222", halo: Bool = false) {
            self.size = size
            self.anchor = anchor
            self.bold = bold
            self.italic = italic
            self.fill = fill
            self.halo = halo
        }
    }

    public let width: Double
    public let height: Double
    public let title: String
    public let summary: String
    private var body: [String] = []

    /// An empty picture of `width` × `height` user units; `title` and
    /// `summary` become `<title>` and `<desc>` (read by screen readers).
    public init(width: Double, height: Double, title: String, summary: String = "") {
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
    }

    // MARK: Shapes

    /// A straight line. `classes` (space-separated) name what it is, e.g.
    /// `tick` or `series-0 estimate`, for style sheets and tests.
    public mutating func line(
        from start: Point, to end: Point, stroke: String, width: Double = 1, dash: String? = nil, opacity: Double? = nil,
        roundCaps: Bool = false, classes: String? = nil
    ) {
        var attributes = [
            ("x1", Self.number(start.x)), ("y1", Self.number(start.y)), ("x2", Self.number(end.x)), ("y2", Self.number(end.y)),
            ("stroke", stroke), ("stroke-width", Self.number(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let opacity { attributes.append(("stroke-opacity", Self.number(opacity))) }
        if roundCaps { attributes.append(("stroke-linecap", "round")) }
        element("line", attributes, classes: classes)
    }

    /// A line through `points`, not filled.
    public mutating func polyline(
        _ points: [Point], stroke: String, width: Double = 1, dash: String? = nil, opacity: Double? = nil, roundCaps: Bool = false,
        classes: String? = nil
    ) {
        guard points.count >= 2 else { return }
        var attributes = [
            ("points", Self.points(points)), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.number(width)),
            ("stroke-linejoin", "round"),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let opacity { attributes.append(("stroke-opacity", Self.number(opacity))) }
        if roundCaps { attributes.append(("stroke-linecap", "round")) }
        element("polyline", attributes, classes: classes)
    }

    /// A filled shape through `points`.
    public mutating func polygon(
        _ points: [Point], fill: String, opacity: Double = 1, stroke: String? = nil, strokeWidth: Double = 0.5, classes: String? = nil
    ) {
        guard points.count >= 3 else { return }
        var attributes = [("points", Self.points(points)), ("fill", fill), ("fill-opacity", Self.number(opacity))]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", Self.number(strokeWidth))] }
        element("polygon", attributes, classes: classes)
    }

    /// A path (`d` in SVG path syntax), filled or not.
    public mutating func path(_ data: String, fill: String, stroke: String? = nil, strokeWidth: Double = 1, classes: String? = nil) {
        var attributes = [("d", data), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", Self.number(strokeWidth)), ("stroke-linejoin", "round")] }
        element("path", attributes, classes: classes)
    }

    /// A rectangle with its top left corner at `origin`.
    public mutating func rectangle(
        at origin: Point, width: Double, height: Double, fill: String, opacity: Double = 1, stroke: String? = nil, classes: String? = nil
    ) {
        var attributes = [
            ("x", Self.number(origin.x)), ("y", Self.number(origin.y)), ("width", Self.number(width)),
            ("height", Self.number(height)), ("fill", fill), ("fill-opacity", Self.number(opacity)),
        ]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1")] }
        element("rect", attributes, classes: classes)
    }

    /// A circle, filled, with an optional outline.
    public mutating func circle(at centre: Point, radius: Double, fill: String, stroke: String? = nil, classes: String? = nil) {
        var attributes = [("cx", Self.number(centre.x)), ("cy", Self.number(centre.y)), ("r", Self.number(radius)), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1.5")] }
        element("circle", attributes, classes: classes)
    }

    /// A single line of text; its baseline passes through `point`.
    public mutating func text(_ content: String, at point: Point, style: TextStyle = TextStyle(), classes: String? = nil) {
        var attributes = [
            ("x", Self.number(point.x)), ("y", Self.number(point.y)), ("font-size", Self.number(style.size)),
            ("fill", style.fill),
        ]
        if style.anchor != .start { attributes.append(("text-anchor", style.anchor.rawValue)) }
        if style.bold { attributes.append(("font-weight", "bold")) }
        if style.italic { attributes.append(("font-style", "italic")) }
        if style.halo {
            attributes += [
                ("stroke", "#fff"), ("stroke-width", Self.number(max(3, style.size / 4))), ("stroke-linejoin", "round"), ("paint-order", "stroke"),
            ]
        }
        if let classes { attributes.append(("class", classes)) }
        body.append("<text" + Self.attributeText(attributes) + ">" + MarkupText.escaped(content) + "</text>")
    }

    /// Text rotated by −90° (reading upwards), centred on `point`.
    public mutating func verticalText(_ content: String, at point: Point, size: Double = 11, bold: Bool = false) {
        var attributes = [
            ("x", Self.number(point.x)), ("y", Self.number(point.y)), ("font-size", Self.number(size)), ("fill", "#222"),
            ("text-anchor", "middle"),
            ("transform", "rotate(-90 \(Self.number(point.x)) \(Self.number(point.y)))"),
        ]
        if bold { attributes.append(("font-weight", "bold")) }
        attributes.append(("class", "vertical"))
        body.append("<text" + Self.attributeText(attributes) + ">" + MarkupText.escaped(content) + "</text>")
    }

    /// Starts a group (closed by `endGroup`), e.g. to clip its contents to a rectangle.
    public mutating func beginGroup(clippedTo clip: (origin: Point, width: Double, height: Double)? = nil, identifier: String? = nil) {
        guard let clip else {
            body.append("<g" + (identifier.map { " id=\"\(MarkupText.escaped($0))\"" } ?? "") + ">")
            return
        }
        let name = "clip\(body.count)"
        body.append(
            "<clipPath id=\"\(name)\"><rect"
                + Self.attributeText([
                    ("x", Self.number(clip.origin.x)), ("y", Self.number(clip.origin.y)),
                    ("width", Self.number(clip.width)), ("height", Self.number(clip.height)),
                ]) + "/></clipPath>")
        body.append("<g clip-path=\"url(#\(name))\"" + (identifier.map { " id=\"\(MarkupText.escaped($0))\"" } ?? "") + ">")
    }

    public mutating func endGroup() {
        body.append("</g>")
    }

    // MARK: Output

    /// The picture as a standalone SVG file (`xmlDeclaration`) or as an
    /// element to inline in HTML.
    public func rendered(xmlDeclaration: Bool = true) -> String {
        var lines: [String] = []
        if xmlDeclaration { lines.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") }
        lines.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""
                + Self.attributeText([
                    ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"), ("width", Self.number(width)), ("height", Self.number(height)),
                    ("role", "img"), ("font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"),
                ]) + ">")
        lines.append("<title>" + MarkupText.escaped(title) + "</title>")
        if !summary.isEmpty { lines.append("<desc>" + MarkupText.escaped(summary) + "</desc>") }
        lines.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>")
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Pieces

    private mutating func element(_ name: String, _ attributes: [(String, String)], classes: String? = nil) {
        body.append("<" + name + Self.attributeText(attributes + (classes.map { [("class", $0)] } ?? [])) + "/>")
    }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(MarkupText.escaped($0.1))\"" }.joined()
    }

    private static func points(_ points: [Point]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }

    /// `text` broken at spaces into lines no wider than `width` at font
    /// size `size` (widths from `TextMetrics`); a single word wider than
    /// `width` keeps a line of its own.
    public static func wrapped(_ text: String, width: Double, size: Double, bold: Bool = false) -> [String] {
        let lines = TextWrapping.lines(text) { TextMetrics.width($0, size: size, bold: bold) <= width }
        return lines == [""] ? [] : lines
    }

    /// A coordinate with at most two decimals and no exponent: 12.5 → "12.5", 3 → "3".
    public static func number(_ value: Double) -> String {
        precondition(value.isFinite, "SVG coordinates must be finite (got \(value))")
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths) / 100, fraction = abs(Int(hundredths) % 100)
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        if fraction == 0 { return "\(sign)\(whole)" }
        let fractionText = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(fractionText)"
    }
}
