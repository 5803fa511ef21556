import Foundation

/// The one-sample Kolmogorov–Smirnov test of draws against a distribution
/// function: D = supₓ |Fₙ(x) − F(x)|, compared with the asymptotic critical
/// value K(1 − α)/√n of Kolmogorov's distribution (K = 1.94947 at α = 0.001;
/// Marsaglia, Tsang & Wang, J Stat Softw 2003;8(18)).
enum KolmogorovSmirnov {
    /// Kolmogorov's 0.999 quantile: a true sampler exceeds it once in a thousand seeds.
    static let criticalAtOneInAThousand = 1.94947

    /// The statistic D of `draws` against `distribution`.
    static func statistic(_ draws: [Double], distribution: (Double) -> Double) -> Double {
        let sorted = draws.sorted()
        let n = Double(sorted.count)
        var largest = 0.0
        for (index, value) in sorted.enumerated() {
            let cumulative = distribution(value)
            largest = max(largest, Double(index + 1) / n - cumulative, cumulative - Double(index) / n)
        }
        return largest
    }

    /// √n·D below the 0.999 critical value.
    static func passes(_ draws: [Double], distribution: (Double) -> Double) -> (passes: Bool, scaled: Double) {
        let scaled = statistic(draws, distribution: distribution) * Double(draws.count).squareRoot()
        return (scaled < criticalAtOneInAThousand, scaled)
    }
}
