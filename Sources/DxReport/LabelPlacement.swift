/// Places labels along one axis so that none overlaps the next, each as
/// near its wish as the others allow, in the order of their wishes.
///
/// A forward pass pushes each label below its predecessor by at least
/// `gap`; if the last then lies past `upper`, a backward pass pulls the
/// labels up again, never above `lower`. When the labels cannot fit
/// between `lower` and `upper` they keep their spacing and overflow at the
/// end.
///
/// ```swift
/// LabelPlacement.spread([100, 104, 300], gap: 15, lower: 0, upper: 400)   // [100, 115, 300]
/// ```
enum LabelPlacement {
    static func spread(_ wishes: [Double], gap: Double, lower: Double, upper: Double) -> [Double] {
        let order = wishes.indices.sorted { wishes[$0] < wishes[$1] }
        var placed = order.map { min(upper, max(lower, wishes[$0])) }
        for index in placed.indices.dropFirst() { placed[index] = max(placed[index], placed[index - 1] + gap) }
        if let last = placed.last, last > upper {
            placed[placed.count - 1] = upper
            for index in placed.indices.dropLast().reversed() { placed[index] = min(placed[index], placed[index + 1] - gap) }
            if let first = placed.first, first < lower {
                let shift = lower - first
                placed = placed.map { $0 + shift }
            }
        }
        var result = Array(repeating: 0.0, count: wishes.count)
        for (rank, index) in order.enumerated() { result[index] = placed[rank] }
        return result
    }

    /// The values of `candidates` (in order of priority) whose positions
    /// keep at least `gap` from every value kept before them and from every
    /// position in `reserved`: the tick labels an axis can show without
    /// crowding.
    static func thinned(_ candidates: [Double], position: (Double) -> Double, gap: Double, reserved: [Double] = []) -> Set<Double> {
        var kept: Set<Double> = [], taken = reserved
        for value in candidates {
            let y = position(value)
            guard taken.allSatisfy({ abs($0 - y) >= gap }) else { continue }
            kept.insert(value)
            taken.append(y)
        }
        return kept
    }
}
