import DxStats

extension EvidenceBase {
    /// A pretest probability as written by a user: a number (0.3), a
    /// percentage (30%), odds (1:3) or a preset id; `nil` means the default
    /// preset. Returns the probability and the preset used, if any.
    ///
    /// ```swift
    /// try base.resolvePretest("gp-over-55").probability   // 33/669
    /// try base.resolvePretest(nil).preset?.id             // "suspected-acute-vcf"
    /// ```
    public func resolvePretest(_ text: String?, name: String = "pretest") throws(PretestError) -> (probability: Double, preset: EvidenceRecord?) {
        guard let text else {
            guard let preset = defaultPretestPreset, let probability = preset.pretestProbability else {
                throw PretestError(message: "\(name) is missing and the evidence base has no default preset")
            }
            return (probability, preset)
        }
        if let probability = try? PretestProbability.parse(text, name: name) { return (probability, nil) }
        let looksLikeNumber = text.trimmingWhitespace().first.map { $0.isNumber || "-+.".contains($0) } ?? true
        if !looksLikeNumber, let preset = try? pretestPreset(text.trimmingWhitespace()), let probability = preset.pretestProbability {
            return (probability, preset)
        }
        if looksLikeNumber {
            throw PretestError(message: "\(name) (\(text)) must be a probability in [0, 1]: write 0.3, 30% or odds 1:3")
        }
        let presets = records.filter { $0.kind == .pretestPreset }.map(\.id)
        throw PretestError(message: "\(name) (\(text)) is neither a probability (0.3, 30%, 1:3) nor a preset; presets: \(presets.joined(separator: ", "))")
    }
}

/// A pretest probability that could not be read; the message names it.
public struct PretestError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
