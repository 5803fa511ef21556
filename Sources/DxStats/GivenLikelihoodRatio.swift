extension LikelihoodRatio {
    /// A likelihood ratio as a user gives it (from a paper or a calculator),
    /// with its interval when known: the one place `dxkit posttest --lr`, the
    /// batch column `lr` and the educator commands' `--lr` build it.
    ///
    /// Without limits the interval has no width (lower = upper = estimate)
    /// and a note says the post-test interval will have none either. Both
    /// limits or neither: a lone limit is an error, never silently ignored.
    ///
    /// ```swift
    /// try LikelihoodRatio.given(8.75, lower: 2.97, upper: 25.7, level: .ninetyFivePercent).method   // .given
    /// try LikelihoodRatio.given(8.75, lower: 2.97, upper: nil, level: .ninetyFivePercent)            // throws
    /// ```
    public static func given(
        _ estimate: Double, lower: Double? = nil, upper: Double? = nil, level: ConfidenceLevel
    ) throws(StatisticsError) -> IntervalEstimate {
        for value in [estimate, lower, upper].compactMap({ $0 }) where !(value.isFinite && value >= 0) {
            throw .invalidLikelihoodRatio(value)
        }
        switch (lower, upper) {
        case (nil, nil):
            return IntervalEstimate(
                estimate: .finite(estimate), lower: .finite(estimate), upper: .finite(estimate), level: level, method: .given,
                notes: ["The likelihood ratio was given without an interval, so the post-test interval has no width; give its lower and upper limits."])
        case (let lower?, let upper?):
            guard lower <= estimate, estimate <= upper else { throw .likelihoodRatioLimits(lower: lower, estimate: estimate, upper: upper) }
            return IntervalEstimate(estimate: .finite(estimate), lower: .finite(lower), upper: .finite(upper), level: level, method: .given)
        default:
            throw .invalidSetting("give both limits of the likelihood ratio (lower and upper), or neither; got only the \(lower == nil ? "upper" : "lower")")
        }
    }
}
