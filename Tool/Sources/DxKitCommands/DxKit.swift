import ArgumentParser

/// `dxkit`: diagnostic accuracy, post-test probability and the evidence
/// behind them.
public struct DxKit: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dxkit",
        abstract: "Diagnostic accuracy and post-test probabilities with honest confidence intervals.",
        discussion: """
            DxKit supports a clinician's judgement; it does not replace it. Run with no arguments in a terminal, \
            dxkit is a bedside consult: red flags first, then the questions the referral pathway needs. \
            dxkit manual prints the manual page; \
            dxkit --generate-completion-script bash (or zsh, fish) prints completions for a shell.

            Examples:
              dxkit posttest --sign closed-fist-percussion=positive --sign supine-sign=negative
              dxkit accuracy --tp 42 --fp 3 --fn 6 --tn 27
              dxkit refer --weeks 2 --no-red-flags --high-energy-trauma no --closed-fist-percussion positive
              dxkit table --sign closed-fist-percussion --pretest 0.05:0.95:0.05 --format markdown
              dxkit meta --input studies.csv --plot sroc --output sroc.svg
            """,
        version: "0.1.0",
        subcommands: [
            AccuracyCommand.self, PostTestCommand.self, ReferCommand.self, EvidenceCommand.self,
            TableCommand.self, NomogramCommand.self, CurvesCommand.self, HandoutCommand.self, MetaCommand.self, ManualCommand.self,
        ]
    )

    public init() {}
}
