import Testing

@testable import DxReport

/// The helpers that lay text out: widths in DejaVu Sans, wrapping, labels
/// spread along an axis, tick labels thinned.
@Suite("Text layout")
struct LayoutHelpersTests {
    @Test("Widths are DejaVu Sans's advance widths: '78.9 %' at 10 px is 34.94 px; bold is wider")
    func widths() {
        // Digits 0.636 em, '.' and ' ' 0.318 em, '%' 0.950 em (the font's hmtx table).
        #expect(abs(TextMetrics.width("78.9 %", size: 10) - 34.94) < 1e-9)
        #expect(TextMetrics.width("78.9 %", size: 10, bold: true) > TextMetrics.width("78.9 %", size: 10))
        #expect(abs(TextMetrics.width("2×2", size: 1) - (0.636 + 0.838 + 0.636)) < 1e-9)
        #expect(TextMetrics.width("", size: 12) == 0)
    }

    @Test("Wrapping keeps a unit or a sign with its word and never exceeds the width unless one word does")
    func wrapping() {
        #expect(TextWrapping.lines("INDETERMINATE (gate 0.0–100.0 %)", width: 19) == ["INDETERMINATE (gate", "0.0–100.0 %)"])
        #expect(TextWrapping.lines("range 81.5–100.0 %", width: 12) == ["range", "81.5–100.0 %"])
        #expect(TextWrapping.lines("99.95 % (99.72–99.99 %)", width: 13) == ["99.95 %", "(99.72–", "99.99 %)"])
        #expect(TextWrapping.lines("supine-sign − then", width: 13) == ["supine-sign −", "then"])
        #expect(TextWrapping.bullet("one two three four", width: 12) == "- one two\n  three four")
        #expect(SVGDocument.wrapped("", width: 100, size: 10).isEmpty)
    }

    @Test("Labels spread apart in order, as near their wishes as the gap allows, inside the bounds")
    func spread() {
        #expect(LabelPlacement.spread([100, 104, 300], gap: 15, lower: 0, upper: 400) == [100, 115, 300])
        // Pushed past the upper bound, they are pulled back up.
        #expect(LabelPlacement.spread([395, 398, 399], gap: 10, lower: 0, upper: 400) == [380, 390, 400])
        // The order of the wishes is kept whatever the order given.
        #expect(LabelPlacement.spread([50, 10], gap: 20, lower: 0, upper: 100) == [50, 10])
    }

    @Test("Tick labels: kept in order of priority when at least the gap from every kept label and reserved place")
    func thinning() {
        let kept = LabelPlacement.thinned([50, 10, 12, 90, 48], position: { $0 }, gap: 5, reserved: [89])
        #expect(kept == [50, 10])
    }
}
