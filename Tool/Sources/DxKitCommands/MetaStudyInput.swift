import ArgumentParser
import DxBatch
import DxEvidence
import DxIO
import DxMeta
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the studies of `dxkit meta` and `dxkit posttest --meta` come from:
/// a CSV file (study,tp,fp,fn,tn and any other columns) or evidence records.
struct MetaStudyInput {
    /// The studies read, the rows rejected, and the evidence set used (if any).
    struct Studies {
        var studies: [Study]
        var read = 0
        var rejected = 0
        var evidenceSet: (id: String, caveats: [String])?
    }

    /// Reads the CSV `source`; each rejected row goes to `rejects` with its
    /// line number. A broken record (an unclosed quote, a line over the
    /// limit, the wrong number of fields) rejects only its own line.
    static func read(csv source: InputSource, flag: String, rejects: RejectLog, progress: BatchProgress? = nil) throws -> Studies {
        var reader = CSVRecordReader(source: source)
        guard let first = try reader.next() else {
            throw InputError("\(flag) (\(source.name)): the file is empty (expected a header with study,tp,fp,fn,tn)")
        }
        guard case .fields(let header, _) = first else {
            throw InputError("\(flag) (\(source.name)): the header cannot be read")
        }
        var table: StudyTable
        do {
            table = try StudyTable(header: header)
        } catch {
            throw InputError("\(flag) (\(source.name)): \(error.description)")
        }
        var read = 0, rejected = 0
        while let record = try reader.next(expectedFieldCount: header.count) {
            read += 1
            if let progress, read % 256 == 0 { progress(read, reader.bytesRead) }
            switch record {
            case .rejected(let line, let reason):
                try rejects.reject(line: line, reason: reason)
                rejected += 1
            case .fields(let fields, let line):
                let before = table.rejects.count
                table.add(fields: fields, line: line)
                for reject in table.rejects[before...] { try rejects.reject(line: reject.line, reason: reject.reason) }
                rejected += table.rejects.count - before
            }
        }
        return Studies(studies: table.studies, read: read, rejected: rejected)
    }

    /// The diagnostic-study records `ids`, or the studies of the evidence set `setID`.
    static func evidence(studies ids: [String], set setID: String?, options: EvidenceOptions) throws -> Studies {
        let base = try options.base()
        do {
            if let setID {
                let (record, studies) = try EvidenceStudies.evidenceSet(setID, in: base)
                return Studies(studies: studies, evidenceSet: (record.id, record.caveats))
            }
            return Studies(studies: try EvidenceStudies.studies(ids, in: base))
        } catch {
            throw InputError(error.description)
        }
    }
}
