import DxEvidence
import DxIO
import DxReferral
import DxReport

/// The referral pathway for a stream of patients (`dxkit refer --patient
/// FILE|-`): one JSON object (possibly over several lines), or JSON lines,
/// one patient per line, answered in input order.
///
/// Each line is parsed on its own, once, so a broken line (`{"age": 70`,
/// a lone `{`) is one reject and costs only its own length: the time is
/// linear in the input. A line over the limit is skipped without being
/// kept or echoed. Patients are strict (`Patient(json:)` in DxReferral):
/// duplicate keys, unknown keys and wrong types are rejects naming the key.
///
/// ```swift
/// let output = OutputSink.memory(), rejects = RejectLog(sink: .memory())
/// let summary = try ReferralBatch.run(
///     input: InputSource(text: #"{"weeksSinceOnset": 2}"# + "\n{\"age\": 70\n"),
///     engine: ReferralEngine(evidence: try EvidenceBase.builtIn()), settings: .init(format: .json),
///     output: output, rejects: rejects)
/// summary.description(of: "patients")   // "2 patients read, 1 written, 1 rejected"
/// ```
public enum ReferralBatch {
    /// How the results are written.
    public struct Settings: Sendable {
        public var format: OutputFormat
        public var formulaSafety: CSV.FormulaSafety
        public var limits: BatchLimits

        public init(format: OutputFormat = .json, formulaSafety: CSV.FormulaSafety = .neutralised, limits: BatchLimits = .standard) {
            self.format = format
            self.formulaSafety = formulaSafety
            self.limits = limits
        }
    }

    /// Runs the pathway for every patient; throws only when there is no
    /// patient at all, the input is not text, or reading or writing fails.
    public static func run(
        input: InputSource, engine: ReferralEngine, settings: Settings, output: OutputSink, rejects: RejectLog, progress: BatchProgress? = nil
    ) throws(BatchError) -> BatchSummary {
        var stream = Stream(engine: engine, settings: settings, output: output, rejects: rejects, progress: progress)
        var lines = LineReader(source: input, limits: settings.limits)
        try BatchError.collecting { try stream.run(&lines) }
        return stream.summary
    }

    private struct Stream {
        let engine: ReferralEngine
        let settings: Settings
        let output: OutputSink
        let rejects: RejectLog
        let progress: BatchProgress?
        var summary = BatchSummary()
        /// The bytes of the patients handled so far, for progress.
        var bytesHandled = 0

        mutating func run(_ lines: inout LineReader) throws {
            // The first non-blank line decides: a whole JSON object starts JSON lines; otherwise the
            // input may be one pretty-printed patient, read whole if it fits in one line's limit.
            var first: LineReader.Line?
            while first == nil, let line = try lines.next() {
                if line.isOverLimit || !isBlank(line.bytes) { first = line }
            }
            guard let first else { throw BatchError.noPatient }
            if first.isOverLimit || (try? StrictJSON.parse(first.bytes)) != nil {
                try handle(first)
            } else {
                var buffered: [LineReader.Line] = [LineReader.Line(number: first.number, bytes: ArraySlice(Array(first.bytes)), overLimitLength: nil)]
                var size = first.bytes.count
                var complete = true
                while let line = try lines.next() {
                    buffered.append(LineReader.Line(number: line.number, bytes: ArraySlice(Array(line.bytes)), overLimitLength: line.overLimitLength))
                    size += line.bytes.count + 1
                    if line.isOverLimit || size > settings.limits.maximumLineBytes {
                        complete = false
                        break
                    }
                }
                let whole = Array(buffered.map { Array($0.bytes) }.joined(separator: [0x0A]))
                if complete, (try? StrictJSON.parse(whole)) != nil {
                    try handle(LineReader.Line(number: first.number, bytes: ArraySlice(whole), overLimitLength: nil))
                    return
                }
                for line in buffered where line.isOverLimit || !isBlank(line.bytes) { try handle(line) }
            }
            while let line = try lines.next() {
                if line.isOverLimit || !isBlank(line.bytes) { try handle(line) }
            }
        }

        func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
            bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        }

        mutating func handle(_ line: LineReader.Line) throws(IOError) {
            summary.read += 1
            bytesHandled += (line.overLimitLength ?? line.bytes.count) + 1
            if let progress, summary.read % 64 == 0 { progress(summary.read, bytesHandled) }
            if let length = line.overLimitLength {
                try reject(
                    line.number,
                    "patient: the line is \(length) bytes long, over the limit of \(BatchLimits.describe(bytes: settings.limits.maximumLineBytes)); it was skipped"
                )
                return
            }
            let rendered: String
            do {
                let result = try engine.evaluate(try Patient(json: line.bytes))
                rendered = try render(ReferralReport(result: result))
            } catch {
                try reject(line.number, "\(error)")
                return
            }
            try output.write(rendered)
            summary.written += 1
        }

        func render(_ report: ReferralReport) throws -> String {
            switch settings.format {
            case .json:
                return try report.render(.json, pretty: false) + "\n"
            case .csv:
                let rows = CSV.$formulaSafety.withValue(settings.formulaSafety) { report.csv }.split(separator: "\n", omittingEmptySubsequences: false)
                return rows.dropFirst(summary.written == 0 ? 0 : 1).joined(separator: "\n") + "\n"
            case .text, .markdown:
                return VisibleText.multiline(try report.render(settings.format)) + "\n\n"
            }
        }

        mutating func reject(_ line: Int, _ reason: String) throws(IOError) {
            summary.rejected += 1
            try rejects.reject(line: line, reason: reason)
        }
    }
}
