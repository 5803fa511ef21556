/// Estimated widths of text in DejaVu Sans, the first font DxKit's
/// pictures ask for, so that a picture can place labels where they do not
/// overlap before any renderer has seen it.
///
/// The advance widths are DejaVu Sans 2.37's own (regular and bold, in
/// thousandths of an em, read from the font's `hmtx` table); a character
/// not listed counts as a wide one (0.75 em), so an estimate errs on the
/// wide side. Fallback fonts (Helvetica, Arial) are narrower, never wider.
///
/// ```swift
/// TextMetrics.width("78.9 %", size: 10)   // 34.94
/// ```
///
/// (three digits 3 × 6.36, "." and " " 2 × 3.18, "%" 9.5).
public enum TextMetrics {
    /// The width of `text` at font size `size` (user units), bold or regular.
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var thousandths = 0
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value >= 32 && value < 127 {
                thousandths += (bold ? boldASCII : regularASCII)[value - 32]
            } else {
                thousandths += (bold ? boldOther : regularOther)[scalar] ?? 750
            }
        }
        return Double(thousandths) / 1000 * size
    }

    /// The height a line of text takes at `size`: its ascent and descent (DejaVu Sans: 0.93 and 0.24 em).
    public static func lineHeight(size: Double) -> Double { 1.17 * size }

    /// The ascent above the baseline that a label's box reaches (capitals and digits, 0.73 em).
    public static func ascent(size: Double) -> Double { 0.76 * size }

    /// The descent below the baseline (0.24 em).
    public static func descent(size: Double) -> Double { 0.24 * size }

    /// Printable ASCII (U+0020 to U+007E), regular.
    private static let regularASCII = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]

    /// Printable ASCII, bold.
    private static let boldASCII = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
        696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
        1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
        500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ]

    private static let regularOther: [Unicode.Scalar: Int] = [
        "–": 500, "—": 1000, "−": 838, "×": 838, "·": 318, "→": 838, "≥": 838, "≤": 838, "∞": 833, "π": 602, "≈": 838, "’": 318, "“": 518, "”": 518, "é": 615,
        "…": 1000, "±": 838, "²": 401, "³": 401, "⁹": 401,
    ]

    private static let boldOther: [Unicode.Scalar: Int] = [
        "–": 500, "—": 1000, "−": 838, "×": 838, "·": 380, "→": 838, "≥": 838, "≤": 838, "∞": 833, "π": 791, "≈": 838, "’": 380, "“": 657, "”": 657, "é": 678,
        "…": 1000, "±": 838, "²": 438, "³": 438, "⁹": 438,
    ]
}
