/// The output formats every command offers (cli-contract.md).
public enum OutputFormat: String, Sendable, CaseIterable, Hashable {
    /// Aligned text for people (the default).
    case text
    /// One JSON object, keys as in cli-contract.md.
    case json
    /// Comma-separated values with a header row.
    case csv
    /// A GitHub-flavoured Markdown table.
    case markdown
}
