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
/// past `capacity` entries) and thread-safe. Summaries precomputed when a
/// library was built (``PrecomputedSimulation/register(_:)``) are kept apart
/// and never forgotten.
///
/// A summary is a deterministic function of its key (fixed seed, fixed
/// sub-streams), so a remembered one is identical to a recomputed one.
final class MonteCarloSummaryCache: Sendable {
    /// The process-wide cache that ``CombinedPostTest`` uses.
    static let shared = MonteCarloSummaryCache(capacity: 64)

    let capacity: Int
    private let entries = Mutex<[MonteCarloSummary.Key: MonteCarloSummary]>([:])
    private let registered = Mutex<[MonteCarloSummary.Key: MonteCarloSummary]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The summary for `key`, computed by `compute` (outside the lock) if not yet known.
    func summary(for key: MonteCarloSummary.Key, compute: () -> MonteCarloSummary) -> MonteCarloSummary {
        if let known = registered.withLock({ $0[key] }) ?? entries.withLock({ $0[key] }) { return known }
        let computed = compute()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = computed
        }
        return computed
    }

    /// Remembers precomputed summaries for good.
    func register(_ summaries: [(MonteCarloSummary.Key, MonteCarloSummary)]) {
        registered.withLock { registered in
            registered.reserveCapacity(registered.count + summaries.count)
            for (key, summary) in summaries { registered[key] = summary }
        }
    }

    /// Whether a precomputed summary for `key` was registered.
    func isRegistered(_ key: MonteCarloSummary.Key) -> Bool {
        registered.withLock { $0[key] != nil }
    }

    /// Forgets every computed summary (for tests); registered ones stay.
    func removeAll() {
        entries.withLock { $0.removeAll() }
    }
}
