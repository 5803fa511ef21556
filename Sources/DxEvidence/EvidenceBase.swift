import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The collection of evidence records DxKit draws on, looked up by id.
///
/// `EvidenceBase.builtIn()` is compiled into the library from `Evidence/`,
/// so an installed `dxkit` works in any directory. A hospital can add or
/// override records with its own directory (`dxkit --evidence DIR`).
///
/// ```swift
/// let base = try EvidenceBase.builtIn()
/// let (_, table) = try base.diagnosticStudy("supine-sign")
/// table.truePositives                      // 39
/// base.defaultPretestPreset?.probability   // 0.615
/// ```
public struct EvidenceBase: Sendable {
    /// The records in file order.
    public private(set) var records: [EvidenceRecord]
    private var positions: [String: Int]

    /// The built-in records: `Evidence/*.json`, decoded and validated when
    /// the library was built (the EmbedEvidence build plugin) and compiled in
    /// as Swift values, so nothing is decoded at run time. The plugin also
    /// runs the Monte Carlo simulation of every combination of one or two
    /// built-in signs about one target (standard settings, 95 %), registered
    /// here as `PrecomputedSimulation`s: the bedside query on the built-in
    /// evidence then does no draws, and answers exactly as if it had.
    public static func builtIn() throws(EvidenceErrors) -> EvidenceBase {
        try builtInResult.get()
    }

    /// The records, and the simulations registered (one that does not decode
    /// would only be drawn again; BuiltInSimulationTests checks that all do).
    private static let builtInResult: Result<EvidenceBase, EvidenceErrors> = Result {
        () throws(EvidenceErrors) -> EvidenceBase in
        let base = try EvidenceBase(records: BuiltInEvidence.records, validated: true)
        PrecomputedSimulation.register(BuiltInEvidence.simulations.compactMap { try? PrecomputedSimulation(encoded: $0) })
        return base
    }

    /// Decodes and validates records from `(file name, JSON data)` pairs.
    /// Every problem in every file is reported, each naming file and record.
    public init(files: [(name: String, data: Data)]) throws(EvidenceErrors) {
        try self.init(records: EvidenceFiles.records(files.map { ($0.name, Array($0.data)) }), validated: false)
    }

    /// Records already decoded (the built-in ones were validated when the
    /// library was built); `validated: false` validates them now.
    init(records: [EvidenceRecord], validated: Bool) throws(EvidenceErrors) {
        self.records = []
        self.positions = [:]
        var errors: [EvidenceError] = []
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
        if !validated { errors += EvidenceValidation.problems(in: self.records) }
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
            throw EvidenceErrors(errors: [EvidenceError(file: directory.path, problem: "cannot read the directory: \(error)")])
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
            // stat(2) follows a symbolic link: what counts is the file it names.
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
                throw EvidenceErrors(errors: [EvidenceError(file: name, problem: "is not a regular file")])
            }
            let size = Int(status.st_size)
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
        guard let record = self.record(id, ofKind: .diagnosticStudy), let counts = record.counts,
            let table = try? TwoByTwoTable(
                truePositives: counts.truePositives, falsePositives: counts.falsePositives,
                falseNegatives: counts.falseNegatives, trueNegatives: counts.trueNegatives)
        else {
            let studies = records.filter { $0.kind == .diagnosticStudy && $0.counts != nil }
            throw EvidenceLookupError(id: id, wanted: "diagnostic study (sign)", known: studies.map(\.id))
        }
        return (record, table)
    }

    /// The record `id` if it is of `kind` (by the id index: no scan of the records).
    func record(_ id: String, ofKind kind: EvidenceRecord.Kind) -> EvidenceRecord? {
        guard let position = positions[id], records[position].kind == kind else { return nil }
        return records[position]
    }

    /// A pretest-probability preset.
    public func pretestPreset(_ id: String) throws(EvidenceLookupError) -> EvidenceRecord {
        guard let record = record(id, ofKind: .pretestPreset), record.probability != nil else {
            let presets = records.filter { $0.kind == .pretestPreset }
            throw EvidenceLookupError(id: id, wanted: "pretest preset", known: presets.map(\.id))
        }
        return record
    }

    /// The preset marked `isDefault` (the Langdon cohort's 48/78 for the
    /// acute-versus-chronic question).
    public var defaultPretestPreset: EvidenceRecord? {
        records.first { $0.kind == .pretestPreset && $0.isDefault == true }
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
