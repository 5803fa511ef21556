import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads evidence files (`{"records": [...]}`, format in `Evidence/schema.json`):
/// strictly, so that a duplicated key, an unknown key or a wrong type is an
/// error naming the file, the record and the key. Every problem in every file
/// is reported at once.
public enum EvidenceFiles {
    /// The records of `(file name, bytes)` pairs, in file order; each record
    /// knows its file. Validation (``EvidenceValidation``) is separate.
    public static func records(_ files: [(name: String, bytes: [UInt8])]) throws(EvidenceErrors) -> [EvidenceRecord] {
        var errors: [EvidenceError] = []
        var records: [EvidenceRecord] = []
        for (name, bytes) in files {
            do {
                _ = try StrictJSON.parse(bytes)
                var decoded = try JSONDecoder().decode(EvidenceFile.self, from: Data(bytes)).records
                for index in decoded.indices { decoded[index].sourceFile = name }
                records += decoded
            } catch let error as StrictJSON.ParseError {
                errors.append(EvidenceError(file: name, problem: "not valid JSON: \(error.description)"))
            } catch {
                errors.append(EvidenceError(file: name, problem: describe(error)))
            }
        }
        guard errors.isEmpty else { throw EvidenceErrors(errors: errors) }
        return records
    }

    /// Decodes and validates: what the build plugin runs on `Evidence/`.
    public static func validatedRecords(_ files: [(name: String, bytes: [UInt8])]) throws(EvidenceErrors) -> [EvidenceRecord] {
        let records = try records(files)
        var errors: [EvidenceError] = []
        var seen: [String: String] = [:]
        for record in records {
            if let other = seen[record.id] {
                errors.append(EvidenceError(file: record.sourceFile, record: record.id, problem: "duplicate id (also in \(other))"))
            }
            seen[record.id] = record.sourceFile
        }
        errors += EvidenceValidation.problems(in: records)
        guard errors.isEmpty else { throw EvidenceErrors(errors: errors) }
        return records
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let unknown as StrictKeys.UnknownKey: return unknown.description
        case DecodingError.keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)'\(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            let underlying = (context.underlyingError as? any CustomStringConvertible)?.description ?? context.debugDescription
            if let unknown = context.underlyingError as? StrictKeys.UnknownKey { return unknown.description }
            return "not valid JSON or not a record\(path(context.codingPath)): \(underlying)"
        default: return "\(error)"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "" }
        return " at " + codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}

/// The top level of an evidence file: `{"records": [...]}`.
struct EvidenceFile: Decodable {
    let records: [EvidenceRecord]

    enum CodingKeys: String, CodingKey, CaseIterable { case records }

    init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: ["records"], context: "file")
        records = try decoder.container(keyedBy: CodingKeys.self).decode([EvidenceRecord].self, forKey: .records)
    }
}
