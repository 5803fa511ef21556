import DxStats

/// A pretest probability as a user gave it, resolved: the number, the
/// preset it came from (if any), and what it is the probability of.
///
/// A plain number (0.3, 30 %, 1:3) declares no target: it is taken to be
/// about the sign's target, and ``targetIsAssumed`` says so, so that the
/// note can say so too.
public struct ResolvedPretest: Sendable, Hashable {
    public let probability: Double
    /// The preset used, when the pretest was a preset id or the default.
    public let preset: EvidenceRecord?
    /// True when no pretest was given and the default preset was used.
    public let isDefault: Bool
    /// What the probability is about: the preset's target, or for a typed
    /// number the target it was checked against (the signs').
    public let target: TargetCondition?
    /// True for a typed number: its target is the signs', by assumption.
    public let targetIsAssumed: Bool

    public init(probability: Double, preset: EvidenceRecord?, isDefault: Bool, target: TargetCondition?, targetIsAssumed: Bool) {
        self.probability = probability
        self.preset = preset
        self.isDefault = isDefault
        self.target = target
        self.targetIsAssumed = targetIsAssumed
    }

    /// A typed number (0.3, 30 %, 1:3), taken to be about `target`.
    public static func number(_ probability: Double, about target: TargetCondition?) -> ResolvedPretest {
        ResolvedPretest(probability: probability, preset: nil, isDefault: false, target: target, targetIsAssumed: true)
    }
}

extension EvidenceBase {
    /// A pretest probability as written by a user: a number (0.3), a
    /// percentage (30%), odds (1:3) or a preset id; `nil` means the default
    /// preset. When `about` is given (the signs' target), a preset about
    /// another target is refused with a message naming both targets and the
    /// presets that fit.
    ///
    /// ```swift
    /// let base = try EvidenceBase.builtIn()
    /// let acuteTarget = try base.targetCondition("target-acute-fracture-suspected-vcf")
    /// try base.resolvePretest("gp-over-55").probability          // 0.04933, that is 33 of 669
    /// try base.resolvePretest(nil).preset?.id                     // "suspected-acute-vcf"
    /// try base.resolvePretest("gp-over-55", about: acuteTarget)   // throws: the preset is about another target
    /// ```
    public func resolvePretest(
        _ text: String?, name: String = "pretest", about signTarget: TargetCondition? = nil
    ) throws(PretestError) -> ResolvedPretest {
        guard let text else {
            let preset = signTarget.flatMap { pretestPresets(about: $0).first } ?? defaultPretestPreset
            guard let preset, let probability = preset.pretestProbability else {
                throw PretestError(message: "\(name) is missing and the evidence base has no default preset")
            }
            return try checked(preset: preset, probability: probability, isDefault: true, name: name, about: signTarget)
        }
        if let probability = try? PretestProbability.parse(text, name: name) {
            return .number(probability, about: signTarget)
        }
        let looksLikeNumber = text.trimmingWhitespace().first.map { $0.isNumber || "-+.".contains($0) } ?? true
        if !looksLikeNumber, let preset = try? pretestPreset(text.trimmingWhitespace()), let probability = preset.pretestProbability {
            return try checked(preset: preset, probability: probability, isDefault: false, name: name, about: signTarget)
        }
        if looksLikeNumber {
            throw PretestError(message: "\(name) (\(text)) must be a probability in [0, 1]: write 0.3, 30% or odds 1:3")
        }
        let presets = records.filter { $0.kind == .pretestPreset }.map(\.id)
        throw PretestError(message: "\(name) (\(text)) is neither a probability (0.3, 30%, 1:3) nor a preset; presets: \(presets.joined(separator: ", "))")
    }

    private func checked(
        preset: EvidenceRecord, probability: Double, isDefault: Bool, name: String, about signTarget: TargetCondition?
    ) throws(PretestError) -> ResolvedPretest {
        let presetTarget = target(of: preset)
        if let signTarget, let presetTarget, signTarget != presetTarget {
            let fitting = pretestPresets(about: signTarget).map(\.id)
            let instead =
                fitting.isEmpty
                ? "give a probability of \(signTarget.condition) among \(signTarget.population) as a number"
                : "use \(fitting.joined(separator: " or ")), or a probability of \(signTarget.condition) among \(signTarget.population) as a number"
            throw PretestError(
                message:
                    "\(name) (\(preset.id)) is the probability of \(presetTarget.description), but the signs separate \(signTarget.description); the two do not combine: \(instead)"
            )
        }
        return ResolvedPretest(
            probability: probability, preset: preset, isDefault: isDefault, target: presetTarget ?? signTarget,
            targetIsAssumed: presetTarget == nil)
    }
}

/// A pretest probability that could not be read, or one about another
/// target than the signs'; the message names it.
public struct PretestError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
