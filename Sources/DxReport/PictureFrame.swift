/// What every teaching picture (the Fagan nomogram, the probability curves)
/// lays out the same way at a ``PictureSize``: the header (the title, bold
/// and wrapped, then the subtitle) and where the legend goes (beside the
/// figure when the size is wide enough, else below it).
///
/// Header baselines: the first title line sits its ascent below the top
/// margin, title lines are 1.2 title sizes apart, the subtitle starts 1.6
/// text sizes below the last title line, and its lines are 1.3 text sizes
/// apart. ``headerBottom`` is the last line's descent.
///
/// ```swift
/// let frame = PictureFrame(size: .screen, kind: .curves, title: "Post-test probability", subtitle: "P(acute fracture)")
/// frame.titleLines      // ["Post-test probability"]
/// frame.headerBaselines.count   // 2
/// ```
struct PictureFrame {
    let typography: PictureSize.Typography
    let width: Double
    let margin: Double
    /// The legend is beside the figure (wide sizes), not below it.
    let legendBeside: Bool
    let legendWidth: Double
    /// The right edge of the figure: left of the legend when it is beside.
    let figureRight: Double
    let titleLines: [String]
    let subtitleLines: [String]
    /// The baselines of the title lines, then of the subtitle lines.
    let headerBaselines: [Double]
    /// The bottom of the header's last line.
    let headerBottom: Double

    init(size: PictureSize, kind: PictureSize.Kind, title: String, subtitle: String) {
        let type = size.typography
        typography = type
        width = size.width(for: kind)
        margin = type.margin
        legendBeside = size.legendBeside(kind)
        legendWidth = legendBeside ? 0.4 * width : width - 2 * margin
        figureRight = legendBeside ? width - margin - legendWidth - 1.2 * type.text : width - margin
        titleLines = SVGDocument.wrapped(title, width: width - 2 * margin, size: type.title, bold: true)
        subtitleLines = SVGDocument.wrapped(subtitle, width: width - 2 * margin, size: type.text)
        var baselines: [Double] = []
        var baseline = margin + TextMetrics.ascent(size: type.title)
        for _ in titleLines {
            baselines.append(baseline)
            baseline += 1.2 * type.title
        }
        baseline += 0.3 * type.text - 1.2 * type.title + 1.3 * type.text
        for _ in subtitleLines {
            baselines.append(baseline)
            baseline += 1.3 * type.text
        }
        headerBaselines = baselines
        headerBottom = baseline - 1.3 * type.text + TextMetrics.descent(size: type.text)
    }

    /// Draws the title and subtitle lines (classes `title` and `subtitle`).
    func drawHeader(_ svg: inout SVGDocument) {
        for (index, line) in (titleLines + subtitleLines).enumerated() {
            let isTitle = index < titleLines.count
            svg.text(
                line, at: .init(x: margin, y: headerBaselines[index]),
                style: .init(size: isTitle ? typography.title : typography.text, bold: isTitle),
                classes: isTitle ? "title" : "subtitle")
        }
    }
}
