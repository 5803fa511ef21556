import ArgumentParser
import DxBatch
import DxIO
import Foundation

/// `--input FILE|-` and `--rejects FILE|-` for batch commands.
struct BatchOptions: ParsableArguments {
    @Option(
        help: "A CSV file (or - for standard input) with one row per case; other columns are carried through. Output is CSV (or JSON lines with --format json)."
    )
    var input: String?

    @Option(
        help:
            "With --input: write rejected rows here (line number and reason) instead of to standard error. A file is replaced only when the run completes; a device or pipe is written in place."
    )
    var rejects: String?

    /// Runs a batch engine on the input: output to standard output, rejected
    /// rows to `--rejects` or standard error, then the summary (rows read =
    /// written + rejected) on standard error. Exit status 65 if any row was
    /// rejected; a `--rejects` file keeps its old contents if the run fails.
    func run(_ engine: (InputSource, OutputSink, RejectLog) throws(BatchError) -> BatchSummary) throws {
        guard let input else { return }
        let source = try InputSource.open(input, name: "--input")
        let rejectFile = try rejects.map { path throws(IOError) in
            try OutputFile.open(path, name: "--rejects", refusing: [source.identity].compactMap { $0 }, standardOutput: StandardStreams.output)
        }
        let log = rejectFile.map { RejectLog(sink: $0.sink) } ?? RejectLog(sink: StandardStreams.error, prefix: "dxkit: ")
        let summary: BatchSummary
        do {
            summary = try engine(source, StandardStreams.output, log)
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
