/// A problem with the evidence records, naming the file and the record.
public struct EvidenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, e.g. `langdon-signs.json`.
    public let file: String
    /// The record id, when the problem is inside one record.
    public let record: String?
    /// What is wrong.
    public let problem: String

    public init(file: String, record: String? = nil, problem: String) {
        self.file = file
        self.record = record
        self.problem = problem
    }

    public var description: String {
        if let record { return "\(file): record '\(record)': \(problem)" }
        return "\(file): \(problem)"
    }
}

/// Several problems found at once (validation reports them all).
public struct EvidenceErrors: Error, Sendable, CustomStringConvertible {
    public let errors: [EvidenceError]
    public init(errors: [EvidenceError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
