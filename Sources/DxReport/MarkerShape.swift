/// The shape of the marks a picture puts on a series (where a line meets
/// an axis, points along a curve), so that series differ in shape as well
/// as in colour and dash pattern and still read in black-and-white print.
public enum MarkerShape: String, Sendable, CaseIterable, Hashable {
    case circle
    case square
    case triangle
    case diamond
    case invertedTriangle
    case cross

    /// The outline as SVG path data, centred on `centre`, about `radius` across each way.
    func pathData(centre: SVGDocument.Point, radius r: Double) -> String {
        let x = centre.x, y = centre.y
        func point(_ dx: Double, _ dy: Double) -> String { "\(SVGDocument.number(x + dx)),\(SVGDocument.number(y + dy))" }
        switch self {
        case .circle:
            return "M\(point(-r, 0))A\(SVGDocument.number(r)),\(SVGDocument.number(r)) 0 1,0 \(point(r, 0))"
                + "A\(SVGDocument.number(r)),\(SVGDocument.number(r)) 0 1,0 \(point(-r, 0))Z"
        case .square:
            let side = r * 0.88
            return "M\(point(-side, -side))L\(point(side, -side))L\(point(side, side))L\(point(-side, side))Z"
        case .triangle:
            return "M\(point(0, -r * 1.15))L\(point(r * 1.05, r * 0.75))L\(point(-r * 1.05, r * 0.75))Z"
        case .diamond:
            return "M\(point(0, -r * 1.2))L\(point(r * 1.05, 0))L\(point(0, r * 1.2))L\(point(-r * 1.05, 0))Z"
        case .invertedTriangle:
            return "M\(point(0, r * 1.15))L\(point(r * 1.05, -r * 0.75))L\(point(-r * 1.05, -r * 0.75))Z"
        case .cross:
            let arm = r * 0.38
            return "M\(point(-arm, -r))L\(point(arm, -r))L\(point(arm, -arm))L\(point(r, -arm))L\(point(r, arm))L\(point(arm, arm))"
                + "L\(point(arm, r))L\(point(-arm, r))L\(point(-arm, arm))L\(point(-r, arm))L\(point(-r, -arm))L\(point(-arm, -arm))Z"
        }
    }
}

extension SVGDocument {
    /// A marker of `shape` at `centre`, filled with `fill` and outlined in
    /// white so that it stands out on lines. Its classes say `marker`, the
    /// shape (`shape-square`) and any `classes` given.
    public mutating func marker(_ shape: MarkerShape, at centre: Point, radius: Double, fill: String, classes: String? = nil) {
        path(
            shape.pathData(centre: centre, radius: radius), fill: fill, stroke: "#fff", strokeWidth: max(1, radius / 3.5),
            classes: (["marker", "shape-\(shape.rawValue)"] + (classes.map { [$0] } ?? [])).joined(separator: " "))
    }
}
