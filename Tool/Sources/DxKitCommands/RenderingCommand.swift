import ArgumentParser
import DxReport

/// A command whose whole job is to compute and return text; `run()` writes
/// it to standard output (checked: a full disk is exit 74). Tests call
/// `renderOutput()` directly.
protocol RenderingCommand: ParsableCommand {
    mutating func renderOutput() throws -> String
    /// Whether the output is text for people, shown with control characters made visible.
    var isForPeople: Bool { get }
    /// How CSV cells that would run as spreadsheet formulas are written.
    var formulaSafety: CSV.FormulaSafety { get }
}

extension RenderingCommand {
    var formulaSafety: CSV.FormulaSafety { .neutralised }

    mutating func run() throws {
        try writeOutput()
    }

    /// Renders the output (CSV cells with this command's formula safety) and
    /// writes it to standard output; what `run()` does, for commands whose
    /// `run()` also has another mode (a batch).
    func writeOutput() throws {
        var command = self
        let document = try CSV.$formulaSafety.withValue(formulaSafety) { try command.renderOutput() }
        try Console.write(document, forPeople: isForPeople)
    }
}
