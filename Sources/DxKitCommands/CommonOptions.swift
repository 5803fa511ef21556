import ArgumentParser
import DxReport
import DxStats

/// Flags every command accepts: `--format` and `--level`.
struct CommonOptions: ParsableArguments {
    @Option(help: "Output format.")
    var format: OutputFormat = .text

    @Option(
        help: "Confidence level in (0, 1), e.g. 0.95 or 95%.",
        transform: { $0 })
    var level: String = "0.95"

    /// The level, checked; the error names the bad value.
    func confidenceLevel() throws -> ConfidenceLevel {
        try Self.confidenceLevel(level)
    }

    /// Reads a level written as 0.95 or 95% (`ConfidenceLevel(parsing:)`); the error names the flag and the value.
    static func confidenceLevel(_ level: String) throws -> ConfidenceLevel {
        do { return try ConfidenceLevel(parsing: level) } catch { throw InputError("--\(error.description)") }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension ProportionIntervalMethod: ExpressibleByArgument {}
extension RatioIntervalMethod: ExpressibleByArgument {}
extension ZeroCellFallback: ExpressibleByArgument {}
extension TestResult: ExpressibleByArgument {}
