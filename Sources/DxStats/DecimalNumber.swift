/// Reads a number written in decimal, the only way DxKit accepts numbers
/// from people and files: an optional sign, digits with an optional
/// decimal point, an optional exponent (`0.3`, `.5`, `-2`, `1e-3`).
///
/// Swift's `Double(_:)` also reads hexadecimal (`0x0.8p0`), `nan`, `inf`
/// and `infinity`; none of those is a number a clinician types, so all are
/// refused here. A negative zero is read as zero, so "-0.0 %" is never printed.
///
/// ```swift
/// DecimalNumber.parse("0.615")     // 0.615
/// DecimalNumber.parse("1e-3")      // 0.001
/// DecimalNumber.parse("0x0.8p0")   // nil
/// DecimalNumber.parse("-0")        // 0.0 (not -0.0)
/// ```
public enum DecimalNumber {
    /// The value of `text` (surrounding whitespace allowed), or nil when it
    /// is not a decimal number or is too large for a Double.
    public static func parse<Text: StringProtocol>(_ text: Text) -> Double? {
        let trimmed = text.trimmingWhitespaceSubstring()
        guard isDecimal(trimmed.utf8) else { return nil }
        guard let value = Double(String(trimmed)), value.isFinite else { return nil }
        return value == 0 ? 0 : value
    }

    /// Whether `bytes` follow the decimal grammar
    /// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
    public static func isDecimal<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var index = bytes.startIndex
        func digits() -> Int {
            var count = 0
            while index < bytes.endIndex, (0x30...0x39).contains(bytes[index]) {
                count += 1
                index = bytes.index(after: index)
            }
            return count
        }
        if index < bytes.endIndex, bytes[index] == 0x2B || bytes[index] == 0x2D { index = bytes.index(after: index) }
        var mantissaDigits = digits()
        if index < bytes.endIndex, bytes[index] == 0x2E {
            index = bytes.index(after: index)
            mantissaDigits += digits()
        }
        guard mantissaDigits > 0 else { return false }
        if index < bytes.endIndex, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index = bytes.index(after: index)
            if index < bytes.endIndex, bytes[index] == 0x2B || bytes[index] == 0x2D { index = bytes.index(after: index) }
            guard digits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }
}
