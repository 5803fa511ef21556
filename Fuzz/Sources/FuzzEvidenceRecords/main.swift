// The libFuzzer target; see Fuzz/Package.swift and scripts/fuzz.sh.
import DxEvidence
import DxReport
import DxStats
import Foundation
import FuzzDriver

// Evidence records: decoding, validation, overriding the built-in base, and
// rendering every valid record in every format. Invariants: Markdown never
// carries a raw tag or link bracket from a record; text and Markdown carry
// no control character other than line breaks and tabs; no crash.
let builtIn = try! EvidenceBase.builtIn()

runFuzzer { data in
    guard let base = try? EvidenceBase(files: [("fuzz.json", Data(data))]) else { return }
    _ = try? builtIn.overridden(by: base)
    for record in base.records {
        let accuracy = try? base.diagnosticStudy(record.id).1
        let measures = accuracy.flatMap { try? DiagnosticAccuracy(table: $0) }
        for format in [OutputFormat.text, .markdown, .json, .csv] {
            let shown = EvidenceReport.show(record, accuracy: measures, format: format) + EvidenceReport.cite(record, format: format)
            if format == .markdown {
                require(!shown.contains("<"), "a raw '<' in Markdown")
            }
            if format == .text || format == .markdown {
                let visible = VisibleText.multiline(shown)
                require(isShowable(visible.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")), "a control character")
            }
        }
    }
    _ = EvidenceReport.list(base, format: .markdown)
}
