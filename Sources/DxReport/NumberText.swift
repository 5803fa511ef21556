import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        case .finite(let number): return withoutNegativeZero(String(cFormat: "%.\(decimals)f", number * 100)) + " %"
        case .unbounded: return "∞"
        case .undefined: return "not estimable"
        }
    }

    /// Probabilities read together (an estimate and its limits) as
    /// percentages with one decimal, or two where one decimal would show a
    /// probability that is not 0 or 1 as "0.0 %" or "100.0 %"; beyond two
    /// decimals such a value reads "> 99.99 %" or "< 0.01 %". A value of
    /// exactly 0 or 1 keeps its digits: it is what the arithmetic gives.
    ///
    /// ```swift
    /// NumberText.percents([.finite(0.9997), .finite(0.997), .finite(0.99998)])   // ["99.97 %", "99.70 %", "> 99.99 %"]
    /// NumberText.percents([.finite(0.789), .finite(0.56), .finite(0.917)])       // ["78.9 %", "56.0 %", "91.7 %"]
    /// ```
    public static func percents(_ values: [ExtendedValue]) -> [String] {
        func misleads(_ number: Double, decimals: Int) -> Bool {
            guard number > 0 && number < 1 else { return false }
            let text = String(cFormat: "%.\(decimals)f", number * 100)
            return Double(text) == 0 || Double(text) == 100
        }
        let finite = values.compactMap(\.finiteValue)
        let decimals = finite.contains { misleads($0, decimals: 1) } ? 2 : 1
        return values.map { value in
            guard let number = value.finiteValue else { return percent(value) }
            if misleads(number, decimals: decimals) { return number < 0.5 ? "< 0.01 %" : "> 99.99 %" }
            return percent(value, decimals: decimals)
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
        let rounded = Double(String(cFormat: "%.\(digits - 1)e", number)) ?? number
        let magnitude = Int(floor(log10(abs(rounded))))
        if magnitude >= 6 || magnitude < -4 { return String(cFormat: "%.\(digits - 1)e", number) }
        let decimals = Swift.max(0, digits - 1 - magnitude)
        return withoutNegativeZero(String(cFormat: "%.\(decimals)f", rounded))
    }

    /// "-0.0" (a tiny negative number, or −0, rounded) as "0.0": a sign on zero means nothing to a reader.
    static func withoutNegativeZero(_ text: String) -> String {
        guard text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) else { return text }
        return String(text.dropFirst())
    }

    /// A level as a percentage: 0.95 → "95 %".
    public static func level(_ level: ConfidenceLevel) -> String {
        Self.level(level.value)
    }

    /// A level given as a number (for example one decoded from JSON): "95 %".
    public static func level(_ value: Double) -> String {
        ConfidenceLevel.percentText(value).replacing("%", with: " %")
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
