import ArgumentParser

/// Options that another command takes but this one does not use, accepted
/// only to be refused with a message that says why (rather than silently
/// ignored, or refused as unknown). Hidden from the help, which lists only
/// what a command uses.
///
/// Each group refuses its options with `refuse(_:)`, given the reason, e.g.
/// "a nomogram draws closed-form intervals: there is no simulation".
struct InapplicableMonteCarloOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: .hidden) var draws: String?
    @Option(parsing: .unconditional, help: .hidden) var seed: String?

    func refuse(_ reason: String) throws {
        for (flag, value) in [("--draws", draws), ("--seed", seed)] where value != nil {
            throw InputError("\(flag) does not apply here: \(reason)")
        }
    }
}

/// `--gate`, where no gate is drawn or computed.
struct InapplicableGateOption: ParsableArguments {
    @Option(parsing: .unconditional, help: .hidden) var gate: String?

    func refuse(_ reason: String) throws {
        if gate != nil { throw InputError("--gate does not apply here: \(reason)") }
    }
}

/// `--pretest-beta` and `--pretest-range`, where the pretest probabilities are given exactly.
struct InapplicablePretestUncertaintyOptions: ParsableArguments {
    @Option(name: .customLong("pretest-beta"), parsing: .unconditional, help: .hidden) var pretestBeta: String?
    @Option(name: .customLong("pretest-range"), parsing: .unconditional, help: .hidden) var pretestRange: String?

    func refuse(_ reason: String) throws {
        for (flag, value) in [("--pretest-beta", pretestBeta), ("--pretest-range", pretestRange)] where value != nil {
            throw InputError("\(flag) does not apply here: \(reason)")
        }
    }
}
