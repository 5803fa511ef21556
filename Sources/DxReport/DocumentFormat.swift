/// The formats of DxKit's educator documents (`dxkit table`): those of
/// `OutputFormat` plus HTML and LaTeX.
public enum DocumentFormat: String, Sendable, CaseIterable, Hashable {
    /// Aligned text for people (the default).
    case text
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// Comma-separated values, one line per table cell ("long" form).
    case csv
    /// One JSON document; rows are written one per line as they are computed.
    case json
    /// A standalone HTML page that prints cleanly.
    case html
    /// A LaTeX `table` environment that needs no package.
    case latex
}
