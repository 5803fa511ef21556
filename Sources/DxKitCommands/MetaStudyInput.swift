import ArgumentParser
import DxEvidence
import DxMeta
import Foundation

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

    /// Reads the CSV at `path` (or standard input for "-"); each rejected row
    /// goes to `rejects` with its line number.
    static func read(csv path: String, flag: String, rejects: RejectLog) throws -> Studies {
        let handle: FileHandle
        if path == "-" {
            handle = .standardInput
        } else {
            guard let file = FileHandle(forReadingAtPath: path) else { throw InputError("\(flag) (\(path)): cannot read the file") }
            handle = file
        }
        var reader = CSVReader(handle: handle)
        guard let header = reader.next()?.fields else {
            throw InputError("\(flag) (\(path)): the file is empty (expected a header with study,tp,fp,fn,tn)")
        }
        var table: StudyTable
        do {
            table = try StudyTable(header: header)
        } catch {
            throw InputError("\(flag) (\(path)): \(error.description)")
        }
        var read = 0
        while let record = reader.next() {
            if record.fields.count == 1 && record.fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            read += 1
            if record.unterminated {
                rejects.reject(line: reader.lineNumber, reason: "a quoted field is not closed")
                continue
            }
            let before = table.rejects.count
            table.add(fields: record.fields, line: reader.lineNumber)
            for reject in table.rejects[before...] { rejects.reject(line: reject.line, reason: reject.reason) }
        }
        return Studies(studies: table.studies, read: read, rejected: table.rejects.count)
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
