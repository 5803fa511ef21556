import Testing

@testable import DxStats

/// The heap-based tail order statistics equal those of a full sort.
@Suite("Tail order statistics")
struct TailOrderStatisticsTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("Both ends, small and large samples, ties and infinities", arguments: [2, 3, 5, 17, 100, 1_000, 20_000])
    func againstSorting(count: Int) {
        var generator = SplitMix64(state: UInt64(count))
        for ties in [false, true] {
            var values = (0..<count).map { _ in ties ? Double(Int.random(in: 0..<7, using: &generator)) : Double.random(in: 0..<1, using: &generator) }
            if count > 10 { values[3] = .infinity }
            let sorted = values.sorted()
            for index in 0..<(count - 1) where TailOrderStatistics.applies(index: index, count: count) {
                let result = TailOrderStatistics.around(index, of: values)
                #expect(result.low == sorted[index] && result.high == sorted[index + 1], "\(index) of \(count)")
            }
        }
    }

    @Test("Quantiles through the heap equal quantiles through selection")
    func quantiles() {
        var generator = SplitMix64(state: 42)
        let values = (0..<20_000).map { _ in Double.random(in: 0..<1, using: &generator) }
        let sorted = values.sorted()
        for probability in [0.0, 0.005, 0.025, 0.05, 0.5, 0.95, 0.975, 0.995, 1.0] {
            var copy = values
            #expect(Quantile.of(unsorted: &copy, probability: probability) == Quantile.of(sorted: sorted, probability: probability))
        }
    }
}
