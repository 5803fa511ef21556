/// Sample quantiles by linear interpolation between order statistics
/// (Hyndman & Fan 1996 type 7; the default of R's `quantile` and numpy's
/// `percentile`).
///
/// For sorted x₁ ≤ … ≤ xₙ: h = (n − 1)p, Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
/// Example: [1, 2, 3, 4] at p = 0.25 gives 1.75.
enum Quantile {
    /// The two order statistics x⌊h⌋ and x⌊h⌋+1 around a type-7 quantile and
    /// the weight h − ⌊h⌋ between them.
    ///
    /// Kept apart from the interpolation so that a quantile of f(X), for f
    /// non-decreasing, is f(x⌊h⌋) + (h − ⌊h⌋)(f(x⌊h⌋+1) − f(x⌊h⌋)) from the
    /// order statistics of X: the Monte Carlo selects on likelihood ratios once
    /// and maps them to post-test probabilities at any pretest.
    struct OrderStatistics: Sendable, Hashable {
        let low: Double
        let high: Double
        let fraction: Double

        /// The type-7 quantile of f(X): f(low) + fraction·(f(high) − f(low)).
        func quantile(mappedBy transform: (Double) -> Double) -> Double {
            let lowValue = transform(low), highValue = transform(high)
            return lowValue == highValue ? lowValue : lowValue + fraction * (highValue - lowValue)
        }

        /// The type-7 quantile of X itself.
        var quantile: Double { quantile { $0 } }
    }

    /// The type-7 quantile of unsorted values, found by selection
    /// (Hoare's quickselect, expected O(n)) instead of a full sort.
    /// `values` is reordered.
    static func of(unsorted values: inout [Double], probability: Double) -> Double {
        orderStatistics(unsorted: &values, probability: probability).quantile
    }

    /// The order statistics around the type-7 quantile of unsorted values:
    /// near either end by one pass with a bounded heap
    /// (``TailOrderStatistics``), otherwise by selection, which reorders `values`.
    static func orderStatistics(unsorted values: inout [Double], probability: Double) -> OrderStatistics {
        precondition(!values.isEmpty, "quantile of an empty sample")
        let position = Double(values.count - 1) * probability
        let index = Int(position.rounded(.down))
        if TailOrderStatistics.applies(index: index, count: values.count) {
            let (low, high) = TailOrderStatistics.around(index, of: values)
            return OrderStatistics(low: low, high: high, fraction: position - Double(index))
        }
        let low = select(&values, index)
        guard index + 1 < values.count else { return OrderStatistics(low: low, high: low, fraction: 0) }
        // The next order statistic is the minimum of the part above `index`.
        let high = values[(index + 1)...].min()!
        return OrderStatistics(low: low, high: high, fraction: position - Double(index))
    }

    /// Puts the k-th smallest value at index k (everything before it ≤, after it ≥).
    private static func select(_ values: inout [Double], _ k: Int) -> Double {
        var low = 0, high = values.count - 1
        while low < high {
            // Median of three as the pivot, to avoid quadratic time on sorted input.
            let middle = low + (high - low) / 2
            let pivot = Swift.max(Swift.min(values[low], values[middle]), Swift.min(Swift.max(values[low], values[middle]), values[high]))
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return values[k] }
        }
        return values[k]
    }

    static func of(sorted values: [Double], probability: Double) -> Double {
        precondition(!values.isEmpty, "quantile of an empty sample")
        let position = Double(values.count - 1) * probability
        let index = Int(position.rounded(.down))
        guard index + 1 < values.count else { return values[values.count - 1] }
        let fraction = position - Double(index)
        return values[index] + fraction * (values[index + 1] - values[index])
    }
}
