/// What a probability is the probability of: a condition among a population.
///
/// A sign's likelihood ratios move a pretest probability only when both are
/// about the same target. The Langdon signs separate an *acute* fracture from
/// a non-acute one among patients already suspected of an osteoporotic
/// compression fracture; a primary-care prevalence of *any* vertebral
/// fracture among people with back pain is a different target, and the two
/// do not combine. ``CombinedPostTest`` refuses such a combination with
/// ``StatisticsError/targetMismatch(pretest:sign:signName:)``.
///
/// ```swift
/// let acute = TargetCondition(
///     id: "acute-vcf-among-suspected-vcf", condition: "acute fracture",
///     population: "patients with a suspected acute osteoporotic vertebral compression fracture")
/// acute.description   // "acute fracture among patients with a suspected acute osteoporotic vertebral compression fracture"
/// ```
public struct TargetCondition: Sendable, Hashable, Codable {
    /// A stable identifier (the evidence record id that defines it).
    public let id: String
    /// The condition itself, e.g. "acute fracture".
    public let condition: String
    /// Among whom, e.g. "patients with a suspected acute osteoporotic vertebral compression fracture".
    public let population: String

    public init(id: String, condition: String, population: String) {
        self.id = id
        self.condition = condition
        self.population = population
    }

    /// "condition among population".
    public var description: String { "\(condition) among \(population)" }

    /// Checks that a pretest and every sign are about one target.
    ///
    /// A `nil` target is undeclared: a plain number typed as the pretest is
    /// taken to be about the signs' target, and a sign given only as numbers
    /// has no declared target. Throws when two declared targets differ.
    public static func requireCommon(
        pretest: TargetCondition?, signs: [(name: String, target: TargetCondition?)]
    ) throws(StatisticsError) -> TargetCondition? {
        var common = pretest
        var commonSource: String? = pretest == nil ? nil : "the pretest probability"
        for sign in signs {
            guard let target = sign.target else { continue }
            guard let current = common else {
                common = target
                commonSource = sign.name
                continue
            }
            guard current == target else {
                if commonSource == "the pretest probability" {
                    throw .targetMismatch(pretest: current, sign: target, signName: sign.name)
                }
                throw .invalidSetting(
                    "\(commonSource ?? "a sign") is about \(current.description), but \(sign.name) is about \(target.description): signs about different targets do not combine"
                )
            }
        }
        return common
    }
}
