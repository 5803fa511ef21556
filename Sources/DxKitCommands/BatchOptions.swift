import ArgumentParser
import Foundation

/// `--input FILE|-`, `--rejects FILE` and `--threads N` for batch commands.
struct BatchOptions: ParsableArguments {
    @Option(
        help: "A CSV file (or - for standard input) with one row per case; other columns are carried through. Output is CSV (or JSON lines with --format json)."
    )
    var input: String?

    @Option(help: "With --input: write rejected rows here (line number and reason) instead of to standard error.")
    var rejects: String?

    @Option(help: "With --input: use at most this many threads (default: one per core; exact intervals use them).")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads (\(threads)) must be at least 1") }
    }

    /// The number of worker threads: `--threads`, or one per core.
    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `work` on the input and its reject log, then reports rows read =
    /// written + rejected on standard error; exit status 65 if any row was rejected.
    func run(_ work: (FileHandle, RejectLog) throws -> (read: Int, written: Int)) throws {
        guard let input else { return }
        let handle: FileHandle
        if input == "-" {
            handle = .standardInput
        } else {
            guard let file = FileHandle(forReadingAtPath: input) else { throw InputError("--input (\(input)): cannot read the file") }
            handle = file
        }
        let rejectLog = try RejectLog(path: rejects)
        let counts = try work(handle, rejectLog)
        DxKitMain.standardError("dxkit: \(counts.read) rows read, \(counts.written) written, \(rejectLog.count) rejected")
        if rejectLog.count > 0 { throw ExitCode(65) }
    }
}
