/// Evenly spaced pretest probabilities written `from:to:step`, e.g.
/// `0.05:0.95:0.05` or `5%:95%:5%`.
///
/// The values are computed in exact decimal arithmetic and only then turned
/// into doubles: the k-th value is (F + k·S) / 10ᴰ, where F and S are `from`
/// and `step` scaled to whole numbers by 10ᴰ (D the most decimals any of the
/// three has). One correctly rounded division per value means the grid's
/// 0.15 is the very double that `0.15` typed on its own parses to, so a
/// table row and `dxkit posttest --pretest 0.15` start from the same number
/// (repeated addition of 0.05 would give 0.15000000000000002).
///
/// The grid runs from `from` up to the last value not beyond `to` (like R's
/// `seq`).
///
/// ```swift
/// try PretestGrid.values("0.05:0.95:0.05", name: "--pretest")  // [0.05, 0.1, 0.15, …, 0.95], 19 values
/// try PretestGrid.values("10%:30%:10%", name: "--pretest")     // [0.1, 0.2, 0.3]
/// try PretestGrid.values("0.1:0.5:0", name: "--pretest")       // throws: step (0) must be greater than 0
/// ```
public enum PretestGrid {
    /// The most values a grid may have by default: a step of 0.0001 over [0, 1].
    public static let standardMaximumCount = 10_001

    /// Whether `text` is written as a grid (`from:to:step`, exactly two colons).
    /// Odds such as `1:3` have one colon and are not grids.
    public static func isGrid(_ text: String) -> Bool {
        text.filter { $0 == ":" }.count == 2
    }

    /// The grid's values; throws naming the bad part when a part is not a
    /// decimal number or percentage, lies outside [0, 1], the step is not
    /// positive, `from` exceeds `to`, or the grid has more than
    /// `maximumCount` values.
    public static func values(_ text: String, name: String, maximumCount: Int = standardMaximumCount) throws(StatisticsError) -> [Double] {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard parts.count == 3 else {
            throw .invalidSetting("\(name) (\(text)) must be FROM:TO:STEP, e.g. 0.05:0.95:0.05")
        }
        var decimals: [ExactDecimal] = []
        for (part, role) in zip(parts, ["from", "to", "step"]) {
            if let number = Self.number(part), !(0...1).contains(number) {
                throw .invalidSetting(
                    "\(name) (\(text)): \(role) (\(part)) must be \(role == "step" ? "greater than 0 and at most 1" : "a probability in [0, 1]")")
            }
            guard let decimal = ExactDecimal(part) else {
                throw .invalidSetting("\(name) (\(text)): \(role) '\(part)' is not a decimal number or percentage such as 0.05 or 5%")
            }
            decimals.append(decimal)
        }
        let scale = decimals.map(\.decimals).max()!
        let (from, to, step) = (decimals[0].scaled(to: scale), decimals[1].scaled(to: scale), decimals[2].scaled(to: scale))
        let one = ExactDecimal.powerOfTen(scale)
        for (value, part, role) in [(from, parts[0], "from"), (to, parts[1], "to")] where value < 0 || value > one {
            throw .invalidSetting("\(name) (\(text)): \(role) (\(part)) must be a probability in [0, 1]")
        }
        guard step > 0 else { throw .invalidSetting("\(name) (\(text)): step (\(parts[2])) must be greater than 0") }
        guard from <= to else { throw .invalidSetting("\(name) (\(text)): from (\(parts[0])) is greater than to (\(parts[1]))") }
        let count = (to - from) / step + 1
        guard count <= maximumCount else {
            throw .invalidSetting("\(name) (\(text)) has \(count) values; at most \(maximumCount) are allowed (choose a larger step)")
        }
        let denominator = Double(one)
        return (0..<count).map { Double(from + $0 * step) / denominator }
    }

    /// A part read as a plain number or percentage, to name a value outside [0, 1].
    private static func number(_ part: String) -> Double? {
        part.hasSuffix("%") ? DecimalNumber.parse(part.dropLast()).map { $0 / 100 } : DecimalNumber.parse(part)
    }
}

/// A non-negative decimal number written with at most 12 decimals (a
/// trailing `%` adds two), held exactly as digits / 10^decimals.
struct ExactDecimal {
    let digits: Int
    let decimals: Int

    init?(_ text: String) {
        var body = Substring(text)
        var extraDecimals = 0
        if body.hasSuffix("%") {
            body = body.dropLast().trimmingWhitespaceSubstring()
            extraDecimals = 2
        }
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), !body.isEmpty, body != "." else { return nil }
        let whole = pieces[0], fraction = pieces.count == 2 ? pieces[1] : ""
        guard (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }), fraction.count + extraDecimals <= 12,
            whole.count <= 6, let value = Int(whole + fraction)
        else { return nil }
        digits = value
        decimals = fraction.count + extraDecimals
    }

    /// The number as a whole count of 10^−scale units (scale ≥ decimals).
    func scaled(to scale: Int) -> Int { digits * Self.powerOfTen(scale - decimals) }

    static func powerOfTen(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { total, _ in total * 10 } }
}
