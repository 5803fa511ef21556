import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The geometry of a Fagan nomogram: where a probability or a likelihood
/// ratio sits on its vertical axis.
///
/// Bayes' theorem in odds form is a sum on the logit scale:
///
///     logit(post) = logit(pre) + ln LR,   logit(p) = ln(p / (1 − p)).
///
/// With the pretest axis at x₀ drawn *downwards* (y = c + k·logit(pre)),
/// the post-test axis at x₂ drawn *upwards* (y = c − k·logit(post)) and the
/// likelihood-ratio axis half-way between them at half the scale
/// (y = c − (k/2)·ln LR), the three points are collinear: the middle
/// point's y is the mean of the outer two, c + (k/2)(logit(pre) −
/// logit(post)) = c − (k/2)·ln LR. A ruler through the pretest probability
/// and the likelihood ratio therefore reads off the post-test probability,
/// as in Fagan's figure (pretest 0.1 % at the top, post-test 99.9 % at the
/// top).
///
/// Example: pretest 30 % and LR 8.75 give post-test 15/19 = 78.9 %
/// (odds 3/7 × 8.75 = 3.75).
///
/// Fagan TJ. Nomogram for Bayes theorem. N Engl J Med 1975;293:257.
public struct FaganScale: Sendable, Hashable {
    /// The y of the 50 % / LR 1 line.
    public let centre: Double
    /// Pixels per unit of logit on the probability axes.
    public let unitsPerLogit: Double
    /// The probability at each end of the probability axes (0.1 % … 99.9 %).
    public static let probabilityLimit = 0.001
    /// The likelihood ratios at the ends of the middle axis (0.001 … 1000).
    public static let likelihoodRatioLimit = 1000.0

    /// A scale whose probability axes run from `top` to `bottom`.
    public init(top: Double, bottom: Double) {
        centre = (top + bottom) / 2
        unitsPerLogit = (bottom - top) / 2 / Self.logit(1 - Self.probabilityLimit)
    }

    /// y on the pretest axis (low probabilities at the top).
    public func pretestY(_ probability: Double) -> Double {
        centre + unitsPerLogit * Self.clampedLogit(probability)
    }

    /// y on the post-test axis (high probabilities at the top).
    public func posttestY(_ probability: Double) -> Double {
        centre - unitsPerLogit * Self.clampedLogit(probability)
    }

    /// y on the likelihood-ratio axis (large ratios at the top), half scale.
    public func likelihoodRatioY(_ ratio: Double) -> Double {
        centre - unitsPerLogit / 2 * Self.clampedLog(ratio)
    }

    /// The top and bottom of the probability axes.
    public var axisTop: Double { posttestY(1 - Self.probabilityLimit) }
    public var axisBottom: Double { posttestY(Self.probabilityLimit) }

    /// ln(p / (1 − p)).
    public static func logit(_ probability: Double) -> Double { log(probability) - log1p(-probability) }

    /// The logit, finite even at 0 and 1 (held to ±12, far beyond the axis ends, where the picture is clipped).
    static func clampedLogit(_ probability: Double) -> Double {
        if probability <= 0 { return -12 }
        if probability >= 1 { return 12 }
        return min(12, max(-12, logit(probability)))
    }

    /// ln LR, finite even for 0 and ∞ (held to ±24, twice the logit limit, as the axis is at half scale).
    static func clampedLog(_ ratio: Double) -> Double {
        if ratio <= 0 { return -24 }
        if !ratio.isFinite { return 24 }
        return min(24, max(-24, log(ratio)))
    }
}
