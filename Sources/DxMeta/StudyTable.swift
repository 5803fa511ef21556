/// Reads studies from the rows of a table with columns `study`, `tp`, `fp`,
/// `fn`, `tn` (any order, any case); every other column is carried through
/// with each study. A bad row is rejected with its line number and the
/// reason; the good rows are kept.
///
/// ```swift
/// var table = try StudyTable(header: ["study", "tp", "fp", "fn", "tn", "year"])
/// table.add(fields: ["Elias 1987", "325", "22", "8", "483", "1987"], line: 2)
/// table.add(fields: ["Vogel 1987", "20", "0", "-5", "29", "1987"], line: 3)
/// table.studies.count   // 1
/// table.rejects.first?.line   // 3
/// // the reason: FN (-5) must be a whole number ≥ 0
/// ```
public struct StudyTable: Sendable {
    /// A row that could not be read.
    public struct Reject: Sendable, Hashable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public static let requiredColumns = ["study", "tp", "fp", "fn", "tn"]

    public let header: [String]
    private let positions: [Int]
    private let extraPositions: [Int]
    public private(set) var studies: [Study] = []
    public private(set) var rejects: [Reject] = []
    private var names: [String: Int] = [:]

    /// Finds the required columns; throws naming the missing one.
    public init(header: [String]) throws(MetaAnalysisError) {
        let trimmed = header.map { $0.trimmingWhitespace() }
        var positions: [Int] = []
        for column in Self.requiredColumns {
            guard let index = trimmed.firstIndex(where: { $0.lowercased() == column }) else {
                throw .missingColumn(column, found: trimmed)
            }
            positions.append(index)
        }
        self.header = trimmed
        self.positions = positions
        extraPositions = trimmed.indices.filter { !positions.contains($0) }
    }

    /// Reads one row (its fields and the line it starts on); a bad row
    /// becomes a reject. A blank row is skipped.
    public mutating func add(fields: [String], line: Int, citation: String? = nil) {
        if fields.count == 1 && fields[0].trimmingWhitespace().isEmpty { return }
        do {
            let study = try Self.study(fields: fields, header: header, positions: positions, extras: extraPositions, citation: citation)
            if let first = names[study.name] {
                rejects.append(Reject(line: line, reason: "study \"\(study.name)\" repeats the study on line \(first); give each study a distinct name"))
                return
            }
            names[study.name] = line
            studies.append(study)
        } catch {
            rejects.append(Reject(line: line, reason: error.description))
        }
    }

    private static func study(fields: [String], header: [String], positions: [Int], extras: [Int], citation: String?) throws(MetaAnalysisError)
        -> Study
    {
        guard fields.count == header.count else { throw .wrongFieldCount(found: fields.count, expected: header.count) }
        let name = fields[positions[0]].trimmingWhitespace()
        guard !name.isEmpty else { throw .unnamedStudy }
        let counts = try zip(["TP", "FP", "FN", "TN"], positions.dropFirst()).map { cell, position throws(MetaAnalysisError) in
            try Study.count(fields[position], cell: cell, study: name)
        }
        return try Study(
            name: name, truePositives: counts[0], falsePositives: counts[1], falseNegatives: counts[2], trueNegatives: counts[3],
            citation: citation, columns: extras.map { Study.Column(name: header[$0], value: fields[$0]) })
    }
}
