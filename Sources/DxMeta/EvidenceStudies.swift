import DxEvidence

/// Studies from DxKit's evidence base: diagnostic-study records chosen by id,
/// or the set of diagnostic studies that one record lists in its
/// `relatedRecords` (an evidence set, e.g. `sign-pooling-caveat`). Each study
/// keeps its record's citation and id; the set record's caveats travel with
/// the set, because they say how far the pooling can be trusted.
///
/// ```swift
/// let base = try EvidenceBase.builtIn()
/// let set = try EvidenceStudies.evidenceSet("sign-pooling-caveat", in: base)
/// set.studies.map(\.name)   // ["Closed-fist percussion sign (Langdon 2010/2011)", …]
/// ```
public enum EvidenceStudies {
    /// The diagnostic-study records `ids`, in the order given.
    public static func studies(_ ids: [String], in base: EvidenceBase) throws(MetaAnalysisError) -> [Study] {
        var studies: [Study] = []
        for id in ids {
            let record: EvidenceRecord
            do {
                record = try base.diagnosticStudy(id).record
            } catch {
                throw .evidence(error.description)
            }
            studies.append(try study(record))
        }
        return studies
    }

    /// The diagnostic studies listed by the record `id` (its caveats are
    /// returned with them).
    public static func evidenceSet(_ id: String, in base: EvidenceBase) throws(MetaAnalysisError) -> (record: EvidenceRecord, studies: [Study]) {
        let record: EvidenceRecord
        do {
            record = try base.record(id)
        } catch {
            throw .evidence(error.description)
        }
        let members = (record.relatedRecords ?? []).filter { (try? base.diagnosticStudy($0)) != nil }
        guard !members.isEmpty else {
            throw .evidence("evidence set '\(id)' lists no diagnostic studies in its relatedRecords")
        }
        return (record, try studies(members, in: base))
    }

    /// One record as a study: its title as the name, its first citation, its id as column `evidence`.
    static func study(_ record: EvidenceRecord) throws(MetaAnalysisError) -> Study {
        guard let counts = record.counts else { throw .evidence("evidence record '\(record.id)' has no 2×2 counts") }
        return try Study(
            name: record.title, truePositives: counts.truePositives, falsePositives: counts.falsePositives,
            falseNegatives: counts.falseNegatives, trueNegatives: counts.trueNegatives,
            citation: record.citations.first?.formatted, columns: [Study.Column(name: "evidence", value: record.id)])
    }
}
