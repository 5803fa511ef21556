/// Where a picture will be shown, which decides how large its text is
/// relative to the picture.
///
/// Every size is designed for a width in CSS pixels (the SVG's `width`
/// attribute and its `viewBox` agree, so one user unit is one pixel at
/// that width):
///
/// | size | designed width | smallest text | for |
/// |---|---|---|---|
/// | `screen` | 800 px (nomogram), 860 px (curves), 1160 px (two-step nomogram) | 12 px | a browser or a document on screen |
/// | `print` | 340 px (half an A4 column), 700 px (two-step nomogram) | 8.5 px (6.4 pt) | the handout, printed |
/// | `projector` | 1280 px | 18 px | a lecture-hall projector, legend beside the figure |
///
/// A projected picture is read from the back of a room: at 1,280 px its
/// smallest text is 18 px, the size slide guidelines give for footnotes.
public enum PictureSize: String, Sendable, CaseIterable, Hashable {
    case screen
    case print
    case projector

    /// The sizes of a picture's text, in user units (pixels at the designed width).
    public struct Typography: Sendable, Hashable {
        /// The title.
        public let title: Double
        /// Axis titles, value labels and the legend.
        public let text: Double
        /// Tick labels.
        public let tick: Double
        /// The footer's small print.
        public let footnote: Double
        /// The margin around the picture.
        public let margin: Double
        /// The width of an estimate's line.
        public let lineWidth: Double
        /// The radius of a marker.
        public let markerRadius: Double

        /// The smallest of the text sizes.
        public var smallest: Double { Swift.min(title, text, tick, footnote) }
    }

    /// The kinds of picture, which differ in their natural width.
    public enum Kind: Sendable, Hashable {
        case nomogram
        case twoStepNomogram
        case curves
    }

    /// The text sizes at this size.
    public var typography: Typography {
        switch self {
        case .screen: Typography(title: 19, text: 13, tick: 12, footnote: 12, margin: 24, lineWidth: 2.2, markerRadius: 4.5)
        case .print: Typography(title: 11.5, text: 9, tick: 8.5, footnote: 8.5, margin: 6, lineWidth: 1.6, markerRadius: 3.2)
        case .projector: Typography(title: 30, text: 21, tick: 18, footnote: 18, margin: 36, lineWidth: 3.5, markerRadius: 7)
        }
    }

    /// The width, in CSS pixels, the picture is designed to be shown at.
    public func width(for kind: Kind) -> Double {
        switch (self, kind) {
        case (.projector, _): 1280
        case (.screen, .nomogram): 800
        case (.screen, .curves): 860
        case (.screen, .twoStepNomogram): 1160
        case (.print, .twoStepNomogram): 700
        case (.print, _): 340
        }
    }

    /// Whether the legend sits beside the figure (a wide projected slide)
    /// rather than under it; the two-step nomogram needs the whole width.
    func legendBeside(_ kind: Kind) -> Bool { self == .projector && kind != .twoStepNomogram }

    /// Whether the footer's explanations are printed in full (the
    /// projector keeps only the citation and the disclaimer; a handout's
    /// caption says the rest).
    var explainsInFooter: Bool { self == .screen }
}
