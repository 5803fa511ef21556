import ArgumentParser
import Foundation

/// `--input FILE|-`, `--rejects FILE` and `--threads N` for batch commands.
struct BatchOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A CSV file (or - for standard input) with one row per case; other columns are carried through. Output is CSV (or JSON lines with --format json).",
            valueName: "file"),
        completion: .file(extensions: ["csv"])
    )
    var input: String?

    @Option(
        help: ArgumentHelp("With --input: write rejected rows here (line number and reason) instead of to standard error.", valueName: "file"),
        completion: .file())
    var rejects: String?

    @Flag(help: "With --input: no progress on standard error (it shows only on a terminal).")
    var quiet = false

    @Option(help: "With --input: use at most this many threads (default: one per core; exact intervals use them).")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads (\(threads)) must be at least 1") }
    }

    /// The number of worker threads: `--threads`, or one per core.
    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `work` on the input, its reject log and a progress reporter,
    /// then reports rows read = written + rejected on standard error; exit
    /// status 65 if any row was rejected.
    func run(_ work: (FileHandle, RejectLog, ProgressReporter) throws -> (read: Int, written: Int)) throws {
        guard let input else { return }
        let handle: FileHandle
        if input == "-" {
            handle = .standardInput
        } else {
            guard let file = FileHandle(forReadingAtPath: input) else { throw InputError("--input (\(input)): cannot read the file") }
            handle = file
        }
        let rejectLog = try RejectLog(path: rejects)
        let progress = ProgressReporter.standardError(noun: "rows", path: input, quiet: quiet)
        let counts: (read: Int, written: Int)
        do {
            defer { progress.finish() }
            counts = try work(handle, rejectLog, progress)
        }
        DxKitMain.standardError("dxkit: \(counts.read) rows read, \(counts.written) written, \(rejectLog.count) rejected")
        if rejectLog.count > 0 { throw ExitCode(65) }
    }
}
