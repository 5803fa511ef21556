import ArgumentParser
import DxStats

/// The gate's policy thresholds: `--gate LOWER,UPPER`.
struct GateOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Gate thresholds LOWER,UPPER (policy, not evidence; default 0.2,0.8).")
    var gate: String?

    /// The option as it was given, to pass on to another command.
    var arguments: [String] { gate.map { ["--gate", $0] } ?? [] }

    func thresholds() throws -> GateDecision.Thresholds { try Self.thresholds(gate) }

    /// `--gate LOWER,UPPER` through `GateDecision.Thresholds(parsing:)`, the one reader of it.
    static func thresholds(_ gate: String?) throws -> GateDecision.Thresholds {
        guard let gate else { return .standard }
        do { return try GateDecision.Thresholds(parsing: gate) } catch { throw InputError("--gate \(error.description)") }
    }
}
