/// The colours of DxKit's pictures: the Okabe–Ito palette, distinguishable
/// with the common colour-vision deficiencies (curves also differ by dash
/// pattern, for black-and-white print). A picture draws at most as many
/// lines or curves as there are colours.
///
/// Okabe M, Ito K. Color universal design (CUD): how to make figures and
/// presentations that are friendly to colorblind people. 2002.
public enum PicturePalette {
    public static let colours = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]

    /// The colour of the `index`-th line or curve.
    public static func colour(_ index: Int) -> String { colours[index % colours.count] }
}
