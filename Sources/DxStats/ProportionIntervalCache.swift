/// Remembers proportion intervals by (x, n) for one method and level, so a
/// batch of many tables computes each exact (Clopper–Pearson, Jeffreys)
/// interval once. Bounded: it empties itself past `capacity` entries, so
/// memory stays constant whatever the input size.
///
/// Not thread-safe: give each worker its own cache.
///
/// ```swift
/// let cache = ProportionIntervalCache(method: .clopperPearson, level: .ninetyFivePercent)
/// let accuracy = try DiagnosticAccuracy(table: table, proportionMethod: .clopperPearson, cache: cache)
/// ```
public final class ProportionIntervalCache {
    public let method: ProportionIntervalMethod
    public let level: ConfidenceLevel
    public let capacity: Int
    /// Only the two limits are kept (24 bytes a key), to keep the cache small.
    private var limits: [Int64: (lower: ExtendedValue, upper: ExtendedValue)] = [:]

    public init(method: ProportionIntervalMethod, level: ConfidenceLevel, capacity: Int = 100_000) {
        self.method = method
        self.level = level
        self.capacity = capacity
    }

    /// The interval of x/n, computed once.
    public func interval(of proportion: Proportion) -> IntervalEstimate {
        let key = Int64(proportion.successes) << 32 | Int64(proportion.trials)
        if let known = limits[key] {
            return IntervalEstimate(
                estimate: .finite(proportion.estimate), lower: known.lower, upper: known.upper,
                level: level, method: method.rawValue)
        }
        let computed = proportion.interval(method: method, level: level)
        if computed.notes.isEmpty {  // an interval with a note (clipping, Wald at 0) is not cached
            if limits.count >= capacity { limits.removeAll(keepingCapacity: true) }
            limits[key] = (computed.lower, computed.upper)
        }
        return computed
    }
}
