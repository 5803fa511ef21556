import DxEvidence
import DxIO

/// Why a batch stopped before the end of its input. Rows that are merely
/// wrong are not errors: they go to the ``RejectLog`` and the batch goes on.
///
/// ```swift
/// BatchError.missingColumn("tp", found: ["a", "b"]).description   // "the header has no 'tp' column (found: a, b)"
/// ```
public enum BatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Reading the input or writing the output failed.
    case inputOutput(IOError)
    /// The input holds a NUL byte: it is not text.
    case notText(line: Int)
    /// The input has no header (or no patient).
    case empty(expected: String)
    /// The header lacks a column the batch needs.
    case missingColumn(String, found: [String])
    /// The header has something else wrong: a name twice, too many fields, a broken line.
    case header(String)
    /// A patient stream holds no patient.
    case noPatient

    public var description: String {
        switch self {
        case .inputOutput(let error): error.description
        case .notText(let line): "line \(line) holds a NUL byte: the input is not text (CSV or JSON lines)"
        case .empty(let expected): "the input is empty (expected \(expected))"
        case .missingColumn(let name, let found):
            "the header has no '\(name)' column (found: \(found.map { Self.shown($0) }.joined(separator: ", ")))"
        case .header(let problem): "the header \(problem)"
        case .noPatient: "no patient in the input"
        }
    }

    /// True when the input or output failed (exit 74), not the input's content (exit 64).
    public var isInputOutputFailure: Bool {
        if case .inputOutput(let error) = self { return error.kind == .read || error.kind == .write }
        return false
    }

    static func shown(_ text: String) -> String { VisibleText.line(text, limit: 60) }

    /// Runs the body of a batch, whose steps throw either ``BatchError`` or
    /// ``DxIO/IOError``, as one typed throw: an `IOError` becomes
    /// ``inputOutput(_:)``.
    static func collecting<Result>(_ body: () throws -> Result) throws(BatchError) -> Result {
        do {
            return try body()
        } catch let error as IOError {
            throw .inputOutput(error)
        } catch let error as BatchError {
            throw error
        } catch {
            preconditionFailure("a batch threw \(error), which is neither a BatchError nor an IOError")
        }
    }
}
