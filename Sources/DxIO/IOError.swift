#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file or stream that could not be opened, read or written; the message
/// names it and the system's reason.
///
/// ```swift
/// IOError(.write, name: "standard output", code: ENOSPC).description   // "standard output: No space left on device"
/// ```
///
/// A command line maps ``Kind/open`` and ``Kind/refused`` to a usage error
/// (the path it was given is wrong: exit 64) and ``Kind/read`` and
/// ``Kind/write`` to an I/O error (exit 74, EX_IOERR).
public struct IOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Kind: Sendable, Equatable {
        /// The path could not be opened or created.
        case open
        /// The path is not acceptable for its role (a directory, the input itself).
        case refused
        /// Reading failed after the file was opened.
        case read
        /// Writing, flushing or renaming into place failed.
        case write
    }

    public let kind: Kind
    /// What was being read or written, as the user named it: "--output (fagan.svg)", "standard output".
    public let name: String
    /// The system error number (`errno`), or 0 when the problem is not the system's.
    public let code: Int32
    /// The problem in words.
    public let problem: String

    /// An error from a system call; the problem is the system's message for `code`.
    public init(_ kind: Kind, name: String, code: Int32, action: String? = nil) {
        self.kind = kind
        self.name = name
        self.code = code
        let reason = String(cString: strerror(code))
        self.problem = action.map { "\($0): \(reason)" } ?? reason
    }

    /// An error that is not a system call's: a refusal or a stated problem.
    public init(_ kind: Kind, name: String, problem: String) {
        self.kind = kind
        self.name = name
        self.code = 0
        self.problem = problem
    }

    public var description: String { "\(name): \(problem)" }

    /// True when the reader of a pipe went away (EPIPE): the work stops at once.
    public var isBrokenPipe: Bool { code == EPIPE }
}
