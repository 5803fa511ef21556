extension TwoByTwoTable {
    /// The largest count DxKit accepts in a cell (10⁹).
    public static let maximumCount = 1_000_000_000

    /// Reads one cell of a table as typed or found in a file: a whole
    /// number from 0 to 10⁹, written in decimal digits (no sign other than
    /// `+`, no decimal point, no exponent). The error names `name` and the text.
    ///
    /// ```swift
    /// try TwoByTwoTable.count(parsing: "42", name: "--tp")   // 42
    /// try TwoByTwoTable.count(parsing: "4.5", name: "tp")    // throws: tp (4.5) must be a whole number ≥ 0
    /// ```
    public static func count(parsing text: String, name: String) throws(StatisticsError) -> Int {
        let trimmed = text.trimmingWhitespaceSubstring()
        let digits = trimmed.hasPrefix("+") ? trimmed.dropFirst() : trimmed
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .invalidSetting("\(name) (\(text)) must be a whole number ≥ 0")
        }
        guard let value = Int(digits), value <= maximumCount else {
            throw .invalidSetting("\(name) (\(text)) is larger than DxKit accepts (10⁹)")
        }
        return value
    }
}
