import Testing

@testable import DxStats

/// `String(cFormat:)` formats as C's printf. Expected strings: Python 3.11's
/// printf-style `%` operator (which calls the C library's formatting), e.g.
/// `'%.1e' % 8.0e11`.
@Suite("printf-style formatting without Foundation")
struct CFormatTests {
    @Test("Fixed, exponent and hexadecimal forms as Python's % gives them")
    func forms() {
        #expect(String(cFormat: "%.1f %%", 99.44) == "99.4 %")  // Python: '%.1f %%' % 99.44
        #expect(String(cFormat: "%.1e", 8.0e11) == "8.0e+11")  // Python: '%.1e' % 8.0e11
        #expect(String(cFormat: "%.4f", -0.000049) == "-0.0000")  // Python: '%.4f' % -0.000049
        #expect(String(cFormat: "%.2e", 123_456.0) == "1.23e+05")  // Python: '%.2e' % 123456.0
        #expect(String(cFormat: "%04X", UInt32(0x202E)) == "202E")  // Python: '%04X' % 0x202E
    }

    @Test("Output longer than the first buffer is written whole")
    func long() {
        let text = String(cFormat: "%.150f", 1.0 / 3.0)
        // Python: len('%.150f' % (1/3)) == 152, and it starts with these 40 characters.
        #expect(text.count == 152)
        #expect(text.hasPrefix("0.33333333333333331482961625624739099293"))
    }
}
