import Foundation

/// Writes CSV fields (RFC 4180): a field with a comma, quote or line break
/// is quoted and its quotes doubled.
public enum CSV {
    public static func line(_ fields: [String]) -> String {
        var result = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { result.append(",") }
            result.append(self.field(field))
        }
        return result
    }

    public static func field(_ text: String) -> String {
        // Scan bytes, not Characters: this runs for every field of a million-row batch.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
