/// Sample quantiles by linear interpolation between order statistics
/// (Hyndman & Fan 1996 type 7; the default of R's `quantile` and numpy's
/// `percentile`).
///
/// For sorted x₁ ≤ … ≤ xₙ: h = (n − 1)p, Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
/// Example: [1, 2, 3, 4] at p = 0.25 gives 1.75.
enum Quantile {
    /// The type-7 quantile of unsorted values, found by selection
    /// (Hoare's quickselect, expected O(n)) instead of a full sort.
    /// `values` is reordered.
    static func of(unsorted values: inout [Double], probability: Double) -> Double {
        precondition(!values.isEmpty, "quantile of an empty sample")
        let position = Double(values.count - 1) * probability
        let index = Int(position.rounded(.down))
        let low = select(&values, index)
        guard index + 1 < values.count else { return low }
        // The next order statistic is the minimum of the part above `index`.
        let high = values[(index + 1)...].min()!
        return low + (position - Double(index)) * (high - low)
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
