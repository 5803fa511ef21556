import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes CSV fields (RFC 4180): a field with a comma, quote or line break
/// is quoted and its quotes doubled.
///
/// A cell a spreadsheet would run as a formula — one that starts with `=`,
/// `+`, `@`, a tab or a carriage return, or with `-` and is not a number —
/// is neutralised by default: it is written with a leading apostrophe
/// (`'=1+1`), which spreadsheets show as text and do not run. Numbers,
/// negative ones included, are never changed. ``FormulaSafety/raw`` (the
/// command line's `--csv-raw`) writes every cell unchanged, for pipelines
/// that need the exact text.
///
/// ```swift
/// CSV.line(["id", "=HYPERLINK(\"x\")", "-0.5"])   // "id,\"'=HYPERLINK(\"\"x\"\")\",-0.5"
/// CSV.field("=1+1", safety: .raw)                  // "=1+1"
/// ```
public enum CSV {
    /// Whether cells that would run as spreadsheet formulas are neutralised.
    public enum FormulaSafety: Sendable, Hashable {
        /// A leading apostrophe for cells starting with =, +, @, tab, CR, or - when not a number (the default).
        case neutralised
        /// Every cell exactly as it is.
        case raw
    }

    /// The safety used when none is passed: `.neutralised`, unless a caller
    /// sets it for a rendering with `CSV.$formulaSafety.withValue(.raw) { … }`.
    @TaskLocal public static var formulaSafety: FormulaSafety = .neutralised

    public static func line(_ fields: [String], safety: FormulaSafety = CSV.formulaSafety) -> String {
        var result = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { result.append(",") }
            result.append(self.field(field, safety: safety))
        }
        return result
    }

    public static func field(_ text: String, safety: FormulaSafety = CSV.formulaSafety) -> String {
        let text = safety == .neutralised && wouldRunAsFormula(text) ? "'" + text : text
        // Scan bytes, not Characters: this runs for every field of a million-row batch.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// Appends one field (neutralised and quoted as needed) to `bytes`.
    public static func append(field text: String, to bytes: inout [UInt8], safety: FormulaSafety = CSV.formulaSafety) {
        let neutralise = safety == .neutralised && wouldRunAsFormula(text)
        if text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            bytes.append(0x22)
            if neutralise { bytes.append(0x27) }
            for byte in text.utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        } else {
            if neutralise { bytes.append(0x27) }
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// Whether a spreadsheet would treat `text` as a formula: it starts with
    /// `=`, `+`, `@`, a tab or a carriage return, or with `-` and is not a number.
    public static func wouldRunAsFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "-"): return !DecimalNumber.isDecimal(text.utf8)
        default: return false
        }
    }
}
