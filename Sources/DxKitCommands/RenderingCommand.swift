import ArgumentParser

/// A command whose whole job is to compute and return text; `run()` prints
/// it. Tests call `renderOutput()` directly.
protocol RenderingCommand: ParsableCommand {
    mutating func renderOutput() throws -> String
}

extension RenderingCommand {
    mutating func run() throws {
        print(try renderOutput())
    }
}
