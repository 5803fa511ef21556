// The libFuzzer target; see Fuzz/Package.swift and scripts/fuzz.sh.
import DxBatch
import DxEvidence
import DxIO
import DxReferral
import DxReport
import DxStats
import FuzzDriver

// Strict JSON, one patient, and the patient stream. Invariants: a patient
// that parses gives a result that renders in every format without NaN; the
// stream's read = written + rejected; no crash.
let engine = ReferralEngine(evidence: try! EvidenceBase.builtIn(), monteCarlo: try! MonteCarloSettings(draws: 1000))

runFuzzer { data in
    let bytes = Array(data)
    _ = try? StrictJSON.parse(bytes)
    if let patient = try? Patient(json: bytes), let result = try? engine.evaluate(patient) {
        let report = ReferralReport(result: result)
        for format in [OutputFormat.json, .text, .markdown, .csv] {
            if let text = try? report.render(format) {
                let notANumber = ["nan %", "-nan", ":nan", "NaN", "inf %", ":inf"].first { text.contains($0) }
                require(notANumber == nil, "\(notANumber ?? "") in the \(format) note")
            }
        }
    }
    let output = OutputSink.memory(), rejectSink = OutputSink.memory()
    if let summary = try? ReferralBatch.run(
        input: InputSource(bytes: bytes, maximumReadSize: Int(bytes.last ?? 5) % 97 + 1), engine: engine,
        settings: .init(format: .json, limits: BatchLimits(maximumLineBytes: 512)), output: output, rejects: RejectLog(sink: rejectSink))
    {
        require(summary.read == summary.written + summary.rejected, "patients: \(summary)")
        let lines = rejectSink.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        require(lines.count == summary.rejected && lines.allSatisfy { isShowable(String($0)) }, "reject lines")
    }
}
