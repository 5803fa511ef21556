import ArgumentParser
import DxBatch
import DxIO
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--input FILE|-`, `--rejects FILE|-`, `--quiet` and `--threads N` for batch commands.
struct BatchOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A CSV file (or - for standard input) with one row per case; other columns are carried through. Output is CSV (or JSON lines with --format json).",
            valueName: "file"),
        completion: .file(extensions: ["csv"])
    )
    var input: String?

    @Option(
        help: ArgumentHelp(
            "With --input: write rejected rows here (line number and reason) instead of to standard error. A file is replaced only when the run completes; a device or pipe is written in place.",
            valueName: "file"),
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

    /// Runs a batch engine on the input: output to standard output, rejected
    /// rows to `--rejects` or standard error, progress on a terminal, then
    /// the summary (rows read = written + rejected) on standard error. Exit
    /// status 65 if any row was rejected; a `--rejects` file keeps its old
    /// contents if the run fails.
    func run(_ engine: (InputSource, OutputSink, RejectLog, @escaping BatchProgress) throws(BatchError) -> BatchSummary) throws {
        guard let input else { return }
        let source = try InputSource.open(input, name: "--input")
        let rejectFile = try rejects.map { path throws(IOError) in
            try OutputFile.open(path, name: "--rejects", refusing: [source.identity].compactMap { $0 }, standardOutput: StandardStreams.output)
        }
        let log = rejectFile.map { RejectLog(sink: $0.sink) } ?? RejectLog(sink: StandardStreams.error, prefix: "dxkit: ")
        let progress = ProgressReporter.standardError(noun: "rows", path: input, quiet: quiet)
        let summary: BatchSummary
        do {
            defer { progress.finish() }
            summary = try engine(source, StandardStreams.output, log) { read, bytes in progress.update(items: read, bytes: bytes) }
            try StandardStreams.output.flush()
            try rejectFile?.commit()
        } catch {
            rejectFile?.discard()
            throw error
        }
        try Console.report("dxkit: \(summary.description(of: "rows"))")
        if summary.rejected > 0 { throw ExitCode(ExitStatus.rejectedRows) }
    }
}
