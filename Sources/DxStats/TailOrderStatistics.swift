/// Two adjacent order statistics near one end of a sample, in one pass with
/// a bounded binary heap, for the tail quantiles of the Monte Carlo.
///
/// For the i-th and (i + 1)-th smallest (0-based) of n values, the heap keeps
/// the i + 2 smallest seen so far with the largest of them at its root; a
/// value below the root replaces it and sinks. At the end the root is
/// x₍ᵢ₊₁₎ and the larger of its two children is x₍ᵢ₎. Near the upper end the
/// heap keeps the n − i largest instead. A value enters the heap about
/// k·ln(n/k) times for k kept values in random order, so the 2.5 % and
/// 97.5 % order statistics of 20,000 draws cost about one comparison per
/// draw plus a few thousand heap steps, where quickselect passes over the
/// sample two or three times.
///
/// Williams JWJ. Algorithm 232: Heapsort. Commun ACM 1964;7:347–348.
enum TailOrderStatistics {
    /// Whether the heap for positions i and i + 1 of n values is small
    /// enough (at most an eighth of the sample) to beat quickselect.
    static func applies(index: Int, count: Int) -> Bool {
        index + 1 < count && Swift.min(index + 2, count - index) <= Swift.max(2, count / 8)
    }

    /// x₍ᵢ₎ and x₍ᵢ₊₁₎ (0-based) of `values`; requires `applies(index:count:)`.
    static func around(_ index: Int, of values: [Double]) -> (low: Double, high: Double) {
        let count = values.count
        precondition(applies(index: index, count: count), "the heap is for positions near an end")
        if index + 2 <= count - index {
            // The i + 2 smallest, largest at the root: root = x₍ᵢ₊₁₎, larger child = x₍ᵢ₎.
            let heap = bounded(values, keeping: index + 2, largest: false)
            return (heap.count > 2 ? Swift.max(heap[1], heap[2]) : heap[1], heap[0])
        } else {
            // The n − i largest, smallest at the root: root = x₍ᵢ₎, smaller child = x₍ᵢ₊₁₎.
            let heap = bounded(values, keeping: count - index, largest: true)
            return (heap[0], heap.count > 2 ? Swift.min(heap[1], heap[2]) : heap[1])
        }
    }

    /// The `size` smallest (or `largest`) values, as a binary heap whose root
    /// is the one farthest from that end.
    private static func bounded(_ values: [Double], keeping size: Int, largest: Bool) -> [Double] {
        /// Whether a belongs above b in the heap.
        @inline(__always) func rootFirst(_ a: Double, _ b: Double) -> Bool { largest ? a < b : a > b }
        return [Double](unsafeUninitializedCapacity: size) { heap, initialized in
            values.withUnsafeBufferPointer { buffer in
                var filled = 0
                for value in buffer {
                    if filled < size {
                        // Sift up.
                        var child = filled
                        filled += 1
                        while child > 0 {
                            let parent = (child - 1) / 2
                            guard rootFirst(value, heap[parent]) else { break }
                            heap[child] = heap[parent]
                            child = parent
                        }
                        heap[child] = value
                    } else if rootFirst(heap[0], value) {
                        // Replace the root and sift down.
                        var parent = 0
                        while true {
                            let left = 2 * parent + 1
                            guard left < size else { break }
                            let right = left + 1
                            let first = right < size && rootFirst(heap[right], heap[left]) ? right : left
                            guard rootFirst(heap[first], value) else { break }
                            heap[parent] = heap[first]
                            parent = first
                        }
                        heap[parent] = value
                    }
                }
                initialized = filled
            }
        }
    }
}
