import ArgumentParser
import DxStats

/// The gate's policy thresholds: `--gate LOWER,UPPER`.
struct GateOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Gate thresholds LOWER,UPPER (policy, not evidence; default 0.2,0.8).")
    var gate: String?

    /// The option as it was given, to pass on to another command.
    var arguments: [String] { gate.map { ["--gate", $0] } ?? [] }

    func thresholds() throws -> GateDecision.Thresholds {
        guard let gate else { return .standard }
        let values = try NumberListOption.numbers(gate, flag: "--gate")
        guard values.count == 2 else { throw InputError("--gate (\(gate)) takes LOWER,UPPER, e.g. 0.2,0.8") }
        do { return try GateDecision.Thresholds(lower: values[0], upper: values[1]) } catch {
            throw InputError("--gate (\(gate)): \(error.description)")
        }
    }
}
