import DxEvidence
import DxReport
import DxStats

/// A pretest probability as the user gave it: a number, a percentage, odds,
/// or the id of a preset in the evidence base (see `EvidenceBase.resolvePretest`).
struct ResolvedPretest {
    let probability: Double
    /// How to name it in output, e.g. "61.5 % (preset suspected-acute-vcf: 48 of 78)".
    let description: String
    /// The preset record, when one was used.
    let preset: EvidenceRecord?

    /// Resolves `text` (or the default preset when `text` is nil). Plain
    /// numbers never load the evidence base.
    static func resolve(_ text: String?, flag: String = "--pretest", evidence: () throws -> EvidenceBase) throws -> ResolvedPretest {
        if let text, let probability = try? PretestProbability.parse(text, name: flag) {
            return ResolvedPretest(probability: probability, description: NumberText.percent(.finite(probability)), preset: nil)
        }
        do {
            let (probability, preset) = try evidence().resolvePretest(text, name: flag)
            return ResolvedPretest(
                probability: probability, description: preset.map(describe) ?? NumberText.percent(.finite(probability)),
                preset: preset)
        } catch let error as PretestError {
            throw InputError(error.message)
        }
    }

    static func describe(_ preset: EvidenceRecord) -> String {
        var text = "\(NumberText.percent(.finite(preset.pretestProbability ?? 0))) (preset \(preset.id)"
        if let events = preset.events, let total = preset.total { text += ": \(events) of \(total)" }
        return text + ")"
    }
}
