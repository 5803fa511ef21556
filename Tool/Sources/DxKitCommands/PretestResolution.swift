import DxEvidence
import DxReport
import DxStats

extension ResolvedPretest {
    /// Resolves a `--pretest` (or the default preset when `text` is nil),
    /// refusing a preset about another target than the signs'. Plain numbers
    /// never load the evidence base.
    static func resolve(
        _ text: String?, flag: String = "--pretest", about target: TargetCondition? = nil, evidence: () throws -> EvidenceBase
    ) throws -> ResolvedPretest {
        if let text, let probability = try? PretestProbability.parse(text, name: flag) {
            return .number(probability, about: target)
        }
        do {
            return try evidence().resolvePretest(text, name: flag, about: target)
        } catch let error as PretestError {
            throw InputError(error.message)
        }
    }
}
