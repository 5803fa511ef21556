/// Text made safe to show: control characters (ESC, BEL, a stray carriage
/// return) and bidirectional overrides (which can make a terminal, a
/// Markdown viewer or an SVG show something other than what is there) are
/// written as visible `\u{…}` escapes instead of acting.
///
/// ```swift
/// VisibleText.line("a\u{1B}[31mb\nc")        // "a\\u{1B}[31mb\\u{A}c"
/// VisibleText.multiline("a\u{202E}b\nc")     // "a\\u{202E}b\nc" (the line break stays)
/// ```
public enum VisibleText {
    /// One line for a message or a reject log: line breaks are escaped too,
    /// so no value can forge a second line; text longer than `limit`
    /// characters is shortened with "…".
    public static func line(_ text: String, limit: Int = 300) -> String {
        shown(text, keepingLayout: false, limit: limit)
    }

    /// Text for a terminal or document: line breaks and tabs stay, every
    /// other control character and bidirectional override is escaped.
    public static func multiline(_ text: String) -> String {
        shown(text, keepingLayout: true, limit: nil)
    }

    /// Whether a character would act instead of show: C0 and C1 controls,
    /// DEL, the bidirectional embeddings, overrides, isolates and marks, and
    /// the Unicode line and paragraph separators.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        guard value >= 0x61C else { return false }
        return value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x2028 || value == 0x2029
    }

    private static func shown(_ text: String, keepingLayout: Bool, limit: Int?) -> String {
        let needsWork = text.unicodeScalars.contains { scalar in
            isHidden(scalar) && !(keepingLayout && (scalar == "\n" || scalar == "\t"))
        }
        if !needsWork, limit.map({ text.unicodeScalars.count <= $0 }) ?? true { return text }
        var result = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if let limit, count >= limit {
                result.append("…")
                break
            }
            count += 1
            if isHidden(scalar) && !(keepingLayout && (scalar == "\n" || scalar == "\t")) {
                result.append(contentsOf: ("\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}").unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
