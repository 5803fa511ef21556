import DxStats
import Foundation

/// The collection of evidence records DxKit draws on, looked up by id.
///
/// `EvidenceBase.builtIn()` is compiled into the library from `Evidence/`,
/// so an installed `dxkit` works in any directory. A hospital can add or
/// override records with its own directory (`dxkit --evidence DIR`).
///
/// ```swift
/// let base = try EvidenceBase.builtIn()
/// let (record, table) = try base.diagnosticStudy("supine-sign")
/// table.truePositives   // 39
/// base.defaultPretestPreset?.probability   // 0.615…
/// ```
public struct EvidenceBase: Sendable {
    /// The records in file order.
    public private(set) var records: [EvidenceRecord]
    private var positions: [String: Int]

    /// The built-in records (decoded and validated once per process).
    public static func builtIn() throws(EvidenceErrors) -> EvidenceBase {
        try builtInResult.get()
    }

    private static let builtInResult: Result<EvidenceBase, EvidenceErrors> = Result {
        () throws(EvidenceErrors) -> EvidenceBase in
        try EvidenceBase(files: BuiltInEvidence.files.map { ($0.name, Data($0.json.utf8)) })
    }

    /// Decodes and validates records from `(file name, JSON data)` pairs.
    /// Every problem in every file is reported, each naming file and record.
    public init(files: [(name: String, data: Data)]) throws(EvidenceErrors) {
        var errors: [EvidenceError] = []
        var records: [EvidenceRecord] = []
        for (name, data) in files {
            do {
                var decoded = try JSONDecoder().decode(EvidenceFile.self, from: data).records
                for index in decoded.indices { decoded[index].sourceFile = name }
                records += decoded
            } catch {
                errors.append(EvidenceError(file: name, problem: EvidenceBase.describe(error)))
            }
        }
        self.records = []
        self.positions = [:]
        for record in records {
            if let existing = positions[record.id] {
                errors.append(
                    EvidenceError(
                        file: record.sourceFile, record: record.id,
                        problem: "duplicate id (also in \(self.records[existing].sourceFile))"))
                continue
            }
            positions[record.id] = self.records.count
            self.records.append(record)
        }
        errors += EvidenceValidation.problems(in: self.records)
        guard errors.isEmpty else { throw EvidenceErrors(errors: errors) }
    }

    /// The largest evidence file read (4 MiB; the built-in files are a few
    /// kilobytes each): a bigger one is refused before it is read.
    public static let maximumFileBytes = 4 << 20

    /// The most evidence files read from one directory.
    public static let maximumFileCount = 1000

    /// Reads every `*.json` file of `directory` except `schema.json`. Each
    /// must be a regular file (a named pipe would block) of at most
    /// ``maximumFileBytes``; at most ``maximumFileCount`` files are read.
    public init(directory: URL) throws(EvidenceErrors) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".json") && $0 != "schema.json" }.sorted()
        } catch {
            throw EvidenceErrors(errors: [EvidenceError(file: directory.path, problem: "cannot read the directory: \(error.localizedDescription)")])
        }
        guard !names.isEmpty else {
            throw EvidenceErrors(errors: [EvidenceError(file: directory.path, problem: "no evidence files (*.json) in the directory")])
        }
        guard names.count <= Self.maximumFileCount else {
            throw EvidenceErrors(errors: [
                EvidenceError(
                    file: directory.path, problem: "\(names.count) evidence files, over the limit of \(Self.maximumFileCount) per directory")
            ])
        }
        var files: [(String, Data)] = []
        for name in names {
            let path = directory.appendingPathComponent(name).path
            let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).resolvingSymlinksInPath)
            guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
                throw EvidenceErrors(errors: [EvidenceError(file: name, problem: "is not a regular file")])
            }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            guard size <= Self.maximumFileBytes else {
                throw EvidenceErrors(errors: [
                    EvidenceError(file: name, problem: "is \(size) bytes, over the limit of 4 MiB for an evidence file")
                ])
            }
            guard let data = FileManager.default.contents(atPath: path), data.count <= Self.maximumFileBytes else {
                throw EvidenceErrors(errors: [EvidenceError(file: name, problem: "cannot read the file")])
            }
            files.append((name, data))
        }
        try self.init(files: files)
    }

    /// This base with `other`'s records added; a record with an id already
    /// here replaces it (a local study overriding the built-in one).
    public func overridden(by other: EvidenceBase) throws(EvidenceErrors) -> EvidenceBase {
        var merged = self
        for record in other.records {
            if let position = merged.positions[record.id] {
                merged.records[position] = record
            } else {
                merged.positions[record.id] = merged.records.count
                merged.records.append(record)
            }
        }
        let problems = EvidenceValidation.problems(in: merged.records)
        guard problems.isEmpty else { throw EvidenceErrors(errors: problems) }
        return merged
    }

    // MARK: Lookup

    /// The record with `id`; the error lists the known ids.
    public func record(_ id: String) throws(EvidenceLookupError) -> EvidenceRecord {
        guard let position = positions[id] else {
            throw EvidenceLookupError(id: id, wanted: "record", known: records.map(\.id))
        }
        return records[position]
    }

    /// A diagnostic study and its 2×2 table.
    public func diagnosticStudy(_ id: String) throws(EvidenceLookupError) -> (record: EvidenceRecord, table: TwoByTwoTable) {
        let studies = records.filter { $0.kind == .diagnosticStudy && $0.counts != nil }
        guard let record = studies.first(where: { $0.id == id }), let counts = record.counts,
            let table = try? TwoByTwoTable(
                truePositives: counts.truePositives, falsePositives: counts.falsePositives,
                falseNegatives: counts.falseNegatives, trueNegatives: counts.trueNegatives)
        else {
            throw EvidenceLookupError(id: id, wanted: "diagnostic study (sign)", known: studies.map(\.id))
        }
        return (record, table)
    }

    /// A pretest-probability preset.
    public func pretestPreset(_ id: String) throws(EvidenceLookupError) -> EvidenceRecord {
        let presets = records.filter { $0.kind == .pretestPreset }
        guard let record = presets.first(where: { $0.id == id }), record.probability != nil else {
            throw EvidenceLookupError(id: id, wanted: "pretest preset", known: presets.map(\.id))
        }
        return record
    }

    /// The preset marked `isDefault` (the Langdon cohort's 48/78 for the
    /// acute-versus-chronic question).
    public var defaultPretestPreset: EvidenceRecord? {
        records.first { $0.kind == .pretestPreset && $0.isDefault == true }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let unknown as StrictKeys.UnknownKey: return unknown.description
        case DecodingError.keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)'\(EvidenceBase.path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(EvidenceBase.path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            let underlying = (context.underlyingError as? any CustomStringConvertible)?.description ?? context.debugDescription
            if let unknown = context.underlyingError as? StrictKeys.UnknownKey { return unknown.description }
            return "not valid JSON or not a record\(EvidenceBase.path(context.codingPath)): \(underlying)"
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

/// An id that is not in the evidence base; the message lists the known ids.
public struct EvidenceLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    public let id: String
    public let wanted: String
    public let known: [String]

    public var description: String {
        "unknown \(wanted) '\(id)'; known: \(known.joined(separator: ", "))"
    }
}
