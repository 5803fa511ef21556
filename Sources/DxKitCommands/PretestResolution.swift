import DxEvidence
import DxReport
import DxStats

/// A pretest probability as the user gave it: a number, a percentage, odds,
/// or the id of a preset in the evidence base.
struct ResolvedPretest {
    let probability: Double
    /// How to name it in output, e.g. "61.5 % (preset suspected-acute-vcf: 48 of 78, Langdon 2011)".
    let description: String
    /// The preset record, when one was used.
    let preset: EvidenceRecord?

    /// Resolves `text` (or the default preset when `text` is nil).
    static func resolve(_ text: String?, flag: String = "--pretest", evidence: () throws -> EvidenceBase) throws -> ResolvedPretest {
        guard let text else {
            let base = try evidence()
            guard let preset = base.defaultPretestPreset, let probability = preset.pretestProbability else {
                throw InputError("\(flag) is missing and the evidence base has no default preset")
            }
            return ResolvedPretest(probability: probability, description: describe(preset), preset: preset)
        }
        do {
            let probability = try PretestProbability.parse(text, name: flag)
            return ResolvedPretest(probability: probability, description: NumberText.percent(.finite(probability)), preset: nil)
        } catch {
            let looksLikeNumber = text.first.map { $0.isNumber || $0 == "-" || $0 == "." || $0 == "+" } ?? false
            if !looksLikeNumber {
                let base = try evidence()
                if let preset = try? base.pretestPreset(text), let probability = preset.pretestProbability {
                    return ResolvedPretest(probability: probability, description: describe(preset), preset: preset)
                }
                let presets = base.records.filter { $0.kind == .pretestPreset }.map(\.id)
                throw InputError("\(flag) (\(text)) is neither a probability (0.3, 30%, 1:3) nor a preset; presets: \(presets.joined(separator: ", "))")
            }
            throw InputError("\(flag) (\(text)) must be a probability in [0, 1]: write 0.3, 30% or odds 1:3")
        }
    }

    private static func describe(_ preset: EvidenceRecord) -> String {
        var text = "\(NumberText.percent(.finite(preset.pretestProbability ?? 0))) (preset \(preset.id)"
        if let events = preset.events, let total = preset.total { text += ": \(events) of \(total)" }
        return text + ")"
    }
}
