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

    /// Reads a level written as 0.95 or 95%; the error names the bad value.
    static func confidenceLevel(_ level: String) throws -> ConfidenceLevel {
        let value: Double
        if level.hasSuffix("%"), let percent = Double(level.dropLast()) {
            value = percent / 100
        } else if let number = Double(level) {
            value = number
        } else {
            throw InputError("--level (\(level)) is not a number: write 0.95 or 95%")
        }
        do {
            return try ConfidenceLevel(value)
        } catch {
            throw InputError("--level (\(level)) must be in the open interval (0, 1)")
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension ProportionIntervalMethod: ExpressibleByArgument {}
extension RatioIntervalMethod: ExpressibleByArgument {}
extension ZeroCellFallback: ExpressibleByArgument {}
extension TestResult: ExpressibleByArgument {}
