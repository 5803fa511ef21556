/// A result written in each of the formats every command offers: JSON (the
/// encoded result with its `schemaVersion`), CSV, Markdown and text.
///
/// A report only formats; the numbers come from the library type it wraps.
///
/// ```swift
/// let table = try TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27)
/// let report = AccuracyReport(accuracy: try DiagnosticAccuracy(table: table))
/// report.render(.csv).hasPrefix("measure,estimate,lower,upper")   // true
/// ```
public protocol Report {
    /// The JSON document the command prints with `--format json`.
    var json: JSONValue { get }
    /// Comma-separated values with a header row.
    var csv: String { get }
    /// A GitHub-flavoured Markdown document.
    var markdown: String { get }
    /// Aligned text for people.
    var text: String { get }
}

extension Report {
    /// The report in `format`.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: json.serialized(pretty: true)
        case .csv: csv
        case .markdown: markdown
        case .text: text
        }
    }
}
