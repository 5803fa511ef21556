import ArgumentParser

/// `dxkit`: diagnostic accuracy, post-test probability and the evidence
/// behind them.
public struct DxKit: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dxkit",
        abstract: "Diagnostic accuracy and post-test probabilities with honest confidence intervals.",
        discussion: """
            DxKit supports a clinician's judgement; it does not replace it.
            Examples:
              dxkit accuracy --tp 42 --fp 3 --fn 6 --tn 27
              dxkit posttest --pretest 61.5% --tp 42 --fp 3 --fn 6 --tn 27 --result positive
            """,
        version: "0.1.0",
        subcommands: [
            AccuracyCommand.self, PostTestCommand.self, ReferCommand.self, EvidenceCommand.self,
            TableCommand.self, NomogramCommand.self, CurvesCommand.self, HandoutCommand.self,
        ]
    )

    public init() {}
}
