import ArgumentParser
import DxReport
import DxStats

/// Flags every command accepts: `--format`, `--level` and `--csv-raw`.
struct CommonOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(
        help: "Confidence level in (0, 1), e.g. 0.95 or 95%.",
        transform: { $0 })
    var level: String = "0.95"

    @Flag(name: .customLong("csv-raw"), help: CommonOptions.csvRawHelp)
    var csvRaw = false

    static let csvRawHelp: ArgumentHelp =
        "CSV: write every cell as it is. By default a cell starting with =, +, @, a tab or a carriage return (or - when not a number) gets a leading ' so that spreadsheets show it instead of running it."

    /// How CSV cells that would run as spreadsheet formulas are written.
    var formulaSafety: CSV.FormulaSafety { csvRaw ? .raw : .neutralised }

    /// Whether the output is text for people (shown with control characters made visible).
    var isForPeople: Bool { format == .text || format == .markdown }

    /// The level, checked; the error names the bad value.
    func confidenceLevel() throws -> ConfidenceLevel {
        try Self.confidenceLevel(level)
    }

    /// Reads a level written as 0.95 or 95% (`ConfidenceLevel(parsing:)`); the error names the flag and the value.
    static func confidenceLevel(_ level: String) throws -> ConfidenceLevel {
        do { return try ConfidenceLevel(parsing: level) } catch { throw InputError("--\(error.description)") }
    }
}
