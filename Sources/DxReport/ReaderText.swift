import DxEvidence

/// Evidence-record text as a reader of a handout or a table sees it: the
/// citation without the curators' note, descriptions without clauses
/// about how the record was checked ("not stated in the sources read").
/// Those notes stay in `dxkit evidence show`, where they belong.
enum ReaderText {
    /// Phrases that mark a clause as a note about the curation of a record.
    static let curationMarkers = [
        "sources read", "source notes", "research notes", "unverified", "not verified", "re-derive", "the project",
        "the seed", "seed's", "third-party", "full text not read", "abstract read",
    ]

    /// Whether `text` reads as a note about the record rather than about the evidence.
    static func isCurationNote(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return curationMarkers.contains { lowered.contains($0) }
    }

    /// `text` without its clauses (separated by "; ") that are curation notes:
    /// "MRI ("MR scan"); sequence … not stated in the sources read" → "MRI ("MR scan")".
    static func withoutCurationNotes(_ text: String) -> String? {
        let kept = text.split(separator: "; ", omittingEmptySubsequences: false).map(String.init).filter { !isCurationNote($0) }
        return kept.isEmpty ? nil : kept.joined(separator: "; ")
    }

    /// A citation in a conventional order, without its note: authors. title. journal. year. doi.
    static func citation(_ citation: EvidenceRecord.Citation) -> String {
        var plain = citation
        plain.note = nil
        return plain.formatted
    }
}
