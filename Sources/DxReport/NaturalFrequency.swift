/// A post-test probability as natural frequencies: "of 1000 patients like
/// this, 333 would have this result, and 263 of them the condition".
///
/// With the probabilities of the result with and without the condition
/// (P(r | D+) and P(r | D−), e.g. sensitivity and 1 − specificity), out of
/// N patients at pretest probability π:
///
///     with the condition and the result   a = N·π·P(r | D+)
///     without the condition, the result   b = N·(1 − π)·P(r | D−)
///     post-test probability               a / (a + b)
///
/// each rounded to a whole patient for display (so a / (a + b) can differ
/// from the exact post-test probability in the last digit). With only a
/// likelihood ratio the split is unknown and the frequency is N·post out of
/// N patients with the result.
///
/// Example: π = 0.3, Se 0.875, Sp 0.9, N = 1000: a = 262.5 → 263,
/// b = 70, so 263 of 333 (78.98 %; exactly 15/19 = 78.95 %).
///
/// Gigerenzer G, Hoffrage U. How to improve Bayesian reasoning without
/// instruction: frequency formats. Psychol Rev 1995;102:684–704.
public struct NaturalFrequency: Sendable, Hashable {
    /// N, the patients imagined (e.g. 1000).
    public let population: Int
    /// Of N, how many have the condition (nil when only an LR is known).
    public let withCondition: Int?
    /// Of N, how many would have this result.
    public let withResult: Int
    /// Of those with this result, how many have the condition.
    public let withResultAndCondition: Int

    /// From the probabilities of the result with and without the condition.
    public init(population: Int, pretest: Double, probabilityWithCondition: Double, probabilityWithoutCondition: Double) {
        let size = Double(population)
        let conditionAndResult = Int((size * pretest * probabilityWithCondition).rounded())
        let resultOnly = Int((size * (1 - pretest) * probabilityWithoutCondition).rounded())
        self.population = population
        self.withCondition = Int((size * pretest).rounded())
        self.withResult = conditionAndResult + resultOnly
        self.withResultAndCondition = conditionAndResult
    }

    /// From a post-test probability alone: N·post of N patients with the result.
    public init(population: Int, posttest: Double) {
        self.population = population
        self.withCondition = nil
        self.withResult = population
        self.withResultAndCondition = Int((Double(population) * posttest).rounded())
    }

    /// "263 of 333".
    public var text: String { "\(withResultAndCondition) of \(withResult)" }

    public var json: JSONValue { JSONValueEncoder.value(of: self) }
}

/// `{"population", "withCondition", "withResult", "withResultAndCondition"}`.
extension NaturalFrequency: Encodable {}
