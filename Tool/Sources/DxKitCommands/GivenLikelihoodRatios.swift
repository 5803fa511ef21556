import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--lr` values for the educator commands: comma-separated or repeated
/// (`--lr 0.1,0.5,2,10`), with optional `--lr-lower` and `--lr-upper` lists
/// in the same order. Each becomes the interval estimate `dxkit posttest
/// --lr X [--lr-lower L --lr-upper U]` uses, so the numbers agree.
enum GivenLikelihoodRatios {
    /// The most likelihood ratios (columns or lines) one command takes.
    static let maximumCount = 64

    static func parse(_ estimates: [String], lowers: [String], uppers: [String], level: ConfidenceLevel) throws -> [IntervalEstimate] {
        let values = try numbers(estimates, flag: "--lr")
        let lowerValues = try numbers(lowers, flag: "--lr-lower")
        let upperValues = try numbers(uppers, flag: "--lr-upper")
        guard values.count <= maximumCount else {
            throw InputError("--lr has \(values.count) values; at most \(maximumCount) likelihood ratios are allowed")
        }
        guard lowerValues.count == upperValues.count, lowerValues.isEmpty || lowerValues.count == values.count else {
            throw InputError("give as many --lr-lower and --lr-upper values as --lr values (\(values.count)), or none")
        }
        return try values.indices.map { index in
            let (estimate, text) = values[index]
            let limits = lowerValues.isEmpty ? nil : (lower: lowerValues[index], upper: upperValues[index])
            do throws(StatisticsError) {
                return try LikelihoodRatio.given(estimate, lower: limits?.lower.0, upper: limits?.upper.0, level: level)
            } catch .likelihoodRatioLimits {
                throw InputError("--lr-lower (\(limits!.lower.1)) ≤ --lr (\(text)) ≤ --lr-upper (\(limits!.upper.1)) does not hold")
            } catch {
                throw InputError("--lr (\(text)): \(error.description)")
            }
        }
    }

    private static func numbers(_ texts: [String], flag: String) throws -> [(Double, String)] {
        try texts.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { part in
            let text = part.trimmingWhitespace()
            guard let value = DecimalNumber.parse(text), value >= 0 else {
                throw InputError("\(flag) (\(text)) must be a finite number ≥ 0")
            }
            return (value, text)
        }
    }
}
