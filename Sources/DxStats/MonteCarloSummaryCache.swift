import FoundationEssentials
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Monte Carlo summaries by everything they depend on except the pretest
/// probability (``MonteCarloSummary/Key``), so that tables over pretest grids
/// and referral batches run each simulation once. Bounded (it empties itself
/// past `capacity` entries) and thread-safe.
///
/// A summary is a deterministic function of its key (fixed seed, fixed
/// sub-streams), so a remembered one is identical to a recomputed one.
final class MonteCarloSummaryCache: Sendable {
    /// The process-wide cache that ``CombinedPostTest`` uses.
    static let shared = MonteCarloSummaryCache(capacity: 64)

    let capacity: Int
    private let entries = Mutex<[MonteCarloSummary.Key: MonteCarloSummary]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The summary for `key`, computed by `compute` (outside the lock) if not yet known.
    func summary(for key: MonteCarloSummary.Key, compute: () -> MonteCarloSummary) -> MonteCarloSummary {
        if let known = entries.withLock({ $0[key] }) { return known }
        let computed = compute()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = computed
        }
        return computed
    }

    /// Forgets every summary (for tests).
    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
