import DxStats
import Foundation

/// How numbers read in text meant for people.
///
/// Probabilities as percentages with one decimal ("87.5 %"), other numbers
/// with three significant digits ("8.75", "25.5", "0.139"), an unbounded
/// limit as "∞" and a value that cannot be estimated as "not estimable".
/// Never `nan` or `inf`.
public enum NumberText {
    /// A probability as a percentage: 0.875 → "87.5 %".
    public static func percent(_ value: ExtendedValue, decimals: Int = 1) -> String {
        switch value {
        case .finite(let number): return withoutNegativeZero(String(format: "%.\(decimals)f", number * 100)) + " %"
        case .unbounded: return "∞"
        case .undefined: return "not estimable"
        }
    }

    /// A number with `digits` significant digits: 8.75 → "8.75", 25.46 → "25.5".
    public static func significant(_ value: ExtendedValue, digits: Int = 3) -> String {
        switch value {
        case .finite(let number): return significant(number, digits: digits)
        case .unbounded: return "∞"
        case .undefined: return "not estimable"
        }
    }

    /// A finite number with `digits` significant digits, no exponent below 10⁶.
    public static func significant(_ number: Double, digits: Int = 3) -> String {
        if number == 0 { return "0" }
        // Round first, so that 9.9999 with 3 digits reads "10.0", not "10.00".
        let rounded = Double(String(format: "%.\(digits - 1)e", number)) ?? number
        let magnitude = Int(floor(log10(abs(rounded))))
        if magnitude >= 6 || magnitude < -4 { return String(format: "%.\(digits - 1)e", number) }
        let decimals = Swift.max(0, digits - 1 - magnitude)
        return withoutNegativeZero(String(format: "%.\(decimals)f", rounded))
    }

    /// "-0.0" (a tiny negative number, or −0, rounded) as "0.0": a sign on zero means nothing to a reader.
    static func withoutNegativeZero(_ text: String) -> String {
        guard text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) else { return text }
        return String(text.dropFirst())
    }

    /// A level as a percentage: 0.95 → "95 %".
    public static func level(_ level: ConfidenceLevel) -> String {
        level.percentText.replacingOccurrences(of: "%", with: " %")
    }
}

extension GateDecision.Classification {
    /// "LIKELY", "LESS LIKELY", "INDETERMINATE": the threshold classification for a table cell.
    public var words: String {
        switch self {
        case .likely: "LIKELY"
        case .lessLikely: "LESS LIKELY"
        case .indeterminate: "INDETERMINATE"
        }
    }
}
