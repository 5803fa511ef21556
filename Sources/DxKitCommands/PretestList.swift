import DxEvidence
import DxReport
import DxStats
import Foundation

/// The `--pretest` of `dxkit table`: a grid `FROM:TO:STEP`
/// (`0.05:0.95:0.05`, `5%:95%:5%`), a comma-separated list of
/// probabilities, percentages, odds or preset ids (`0.1,30%,1:3,gp-over-55`),
/// or a list mixing both. Each value is the very double `dxkit posttest
/// --pretest` reads from the same text.
enum PretestList {
    static func rows(
        _ text: String, flag: String = "--pretest", maximumCount: Int = PretestGrid.standardMaximumCount,
        about target: TargetCondition? = nil, evidence: () throws -> EvidenceBase
    ) throws -> [ProbabilityTable.Row] {
        var rows: [ProbabilityTable.Row] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { throw InputError("\(flag) (\(text)) has an empty item; separate values with single commas") }
            if PretestGrid.isGrid(item) {
                do {
                    rows += try PretestGrid.values(item, name: flag, maximumCount: maximumCount).map { ProbabilityTable.Row(pretest: $0) }
                } catch { throw InputError(error.description) }
            } else {
                let resolved = try ResolvedPretest.resolve(item, flag: flag, about: target, evidence: evidence)
                rows.append(ProbabilityTable.Row(pretest: resolved.probability, label: resolved.preset?.id))
            }
            guard rows.count <= maximumCount else {
                throw InputError("\(flag) (\(text)) has more than \(maximumCount) values; at most \(maximumCount) rows are allowed")
            }
        }
        return rows
    }
}
