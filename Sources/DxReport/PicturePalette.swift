/// How DxKit's pictures tell their series apart: a colour from the
/// Okabe–Ito palette (distinguishable with the common colour-vision
/// deficiencies), and, for black-and-white print and greyscale projectors,
/// a dash pattern and a marker shape of its own. A picture draws at most as
/// many series as there are colours; series `i` has colour, dash and marker
/// `i`, so no two series share any of the three.
///
/// Okabe M, Ito K. Color universal design (CUD): how to make figures and
/// presentations that are friendly to colorblind people. 2002.
public enum PicturePalette {
    public static let colours = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

    /// Dash patterns, in units of the line's width (nil: solid). None is
    /// made of dots only: dots are kept for the dependence range.
    public static let dashes: [String?] = [nil, "5 2", "2.4 1.6", "6 1.6 1.6 1.6", "3.2 1.4 1 1.4 1 1.4", "9 2.2"]

    /// Marker shapes, one per series.
    public static let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond, .invertedTriangle, .cross]

    /// How series `index` is drawn.
    public struct SeriesStyle: Sendable, Hashable {
        public let colour: String
        /// The dash pattern in units of the line width (nil: solid).
        public let dash: String?
        public let marker: MarkerShape

        /// The dash pattern scaled to a line of `width` user units (nil: solid).
        public func dash(width: Double) -> String? {
            dash.map { pattern in
                pattern.split(separator: " ").compactMap { Double($0) }.map { SVGDocument.number($0 * width) }.joined(separator: " ")
            }
        }
    }

    /// The colour of the `index`-th line or curve.
    public static func colour(_ index: Int) -> String { colours[index % colours.count] }

    /// The colour, dash pattern and marker of the `index`-th series.
    public static func style(_ index: Int) -> SeriesStyle {
        SeriesStyle(colour: colour(index), dash: dashes[index % dashes.count], marker: markers[index % markers.count])
    }
}
