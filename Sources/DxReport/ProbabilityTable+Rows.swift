import DxEvidence
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ProbabilityTable.Row {
    /// The rows a user writes: a grid `FROM:TO:STEP` (`0.05:0.95:0.05`,
    /// `5%:95%:5%`), a comma-separated list of probabilities, percentages,
    /// odds or preset ids (`0.1,30%,1:3,gp-over-55`), or a list mixing both.
    /// Each value is the very double `dxkit posttest --pretest` reads from
    /// the same text; a preset about another target than `target` is
    /// refused. `evidence` is loaded only when a preset is named.
    ///
    /// ```swift
    /// let rows = try ProbabilityTable.Row.list(parsing: "0.1:0.3:0.1,suspected-acute-vcf") { try EvidenceBase.builtIn() }
    /// rows.map(\.pretest)   // [0.1, 0.2, 0.3, 0.6153846153846154]
    /// rows[3].label         // "suspected-acute-vcf"
    /// ```
    public static func list(
        parsing text: String, name: String = "--pretest", maximumCount: Int = PretestGrid.standardMaximumCount,
        about target: TargetCondition? = nil, evidence: () throws -> EvidenceBase
    ) throws -> [ProbabilityTable.Row] {
        var rows: [ProbabilityTable.Row] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingWhitespace()
            guard !item.isEmpty else { throw PretestError(message: "\(name) (\(text)) has an empty item; separate values with single commas") }
            if PretestGrid.isGrid(item) {
                do {
                    rows += try PretestGrid.values(item, name: name, maximumCount: maximumCount).map { ProbabilityTable.Row(pretest: $0) }
                } catch { throw PretestError(message: error.description) }
            } else if let probability = try? PretestProbability.parse(item, name: name) {
                rows.append(ProbabilityTable.Row(pretest: probability))
            } else {
                let resolved = try evidence().resolvePretest(item, name: name, about: target)
                rows.append(ProbabilityTable.Row(pretest: resolved.probability, label: resolved.preset?.id))
            }
            guard rows.count <= maximumCount else {
                throw PretestError(message: "\(name) (\(text)) has more than \(maximumCount) values; at most \(maximumCount) rows are allowed")
            }
        }
        return rows
    }
}
