import DxEvidence
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the shells offer when a user presses Tab after `--sign`,
/// `--pretest` or `dxkit evidence show`: the ids in the built-in evidence
/// base (`dxkit --generate-completion-script bash|zsh|fish` writes the
/// scripts; `scripts/install.sh` installs them). Each function has the
/// signature `CompletionKind.custom` expects: the words so far, the index
/// of the word being completed, and its prefix.
enum CompletionCandidates {
    /// Diagnostic-study ids; once an id is typed in full, also the id with
    /// `=positive` and `=negative`.
    @Sendable static func signs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let ids = records { $0.kind == .diagnosticStudy && $0.counts != nil }
        let id = prefix.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? prefix
        if ids.contains(id) {
            return [id, "\(id)=positive", "\(id)=negative"].filter { $0.hasPrefix(prefix) }
        }
        return ids.filter { $0.hasPrefix(prefix) }
    }

    /// Pretest preset ids.
    @Sendable static func presets(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        records { $0.kind == .pretestPreset }.filter { $0.hasPrefix(prefix) }
    }

    /// Every record id.
    @Sendable static func records(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        records { _ in true }.filter { $0.hasPrefix(prefix) }
    }

    /// The ids of the built-in records that satisfy `include`, sorted; none if the base cannot be read.
    private static func records(_ include: (EvidenceRecord) -> Bool) -> [String] {
        guard let base = try? EvidenceBase.builtIn() else { return [] }
        return base.records.filter(include).map(\.id).sorted()
    }
}
