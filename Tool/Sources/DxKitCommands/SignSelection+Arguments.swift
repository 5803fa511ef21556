import DxEvidence
import DxReport
import DxStats

/// `--sign` arguments of the educator commands (`table`, `nomogram`,
/// `curves`, `handout`) through `SignSelection` (DxReport), with the errors
/// named after the flag.
extension SignSelection {
    static func resolve(_ texts: [String], base: () throws -> EvidenceBase) throws -> SignSelection {
        do { return try SignSelection(parsing: texts, evidence: try base()) } catch let error as SignSelectionError {
            throw InputError(Self.message(error))
        }
    }

    /// The signs' common target; an error when two differ.
    func commonTarget() throws -> TargetCondition? {
        do { return try target() } catch { throw InputError(Self.message(error)) }
    }

    private static func message(_ error: SignSelectionError) -> String {
        switch error {
        case .count(let count):
            count == 0 ? "give at least one --sign" : "--sign was given \(count) times; a table or picture combines at most \(maximumCount) signs"
        case .specification(let problem): "--sign \(problem.description)"
        case .targets(let problem): "--sign: \(problem)"
        }
    }
}

extension ProbabilityTable.Row {
    /// `--pretest` rows (see `list(parsing:)`), with the errors named after the flag.
    static func rows(
        _ text: String, flag: String = "--pretest", maximumCount: Int = PretestGrid.standardMaximumCount,
        about target: TargetCondition? = nil, evidence: () throws -> EvidenceBase
    ) throws -> [ProbabilityTable.Row] {
        do { return try list(parsing: text, name: flag, maximumCount: maximumCount, about: target, evidence: evidence) } catch let error as PretestError {
            throw InputError(error.message)
        }
    }
}
