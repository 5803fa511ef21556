import DxStats

/// Reads the number lists that several options take: `0.2,0.8`,
/// `50%:70%`, `319,78,22,32`; the error names the option and the bad item.
enum NumberListOption {
    static func numbers(_ text: String, flag: String, separator: Character = ",") throws -> [Double] {
        try text.split(separator: separator).map { part in
            let trimmed = part.trimmingWhitespace()
            // Decimal only (no hex floats, nan or inf).
            let value = trimmed.hasSuffix("%") ? DecimalNumber.parse(trimmed.dropLast()).map { $0 / 100 } : DecimalNumber.parse(trimmed)
            guard let value else { throw InputError("\(flag) (\(text)): '\(trimmed)' is not a number") }
            return value
        }
    }
}
