import ArgumentParser
import DxEvidence
import DxReport
import DxStats
import Foundation

/// `dxkit handout`: a standalone HTML page an educator can print, with the
/// signs, their 2×2 tables, post-test probability tables, Fagan nomograms,
/// the probability curves and the citations. It is assembled from `dxkit
/// table`, `dxkit nomogram` and `dxkit curves` with the same options, so its
/// numbers are theirs (and `dxkit posttest`'s).
struct HandoutCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "A printable HTML handout: the signs, their 2×2 tables, tables and pictures, with citations.",
        discussion: """
            By default the two Langdon signs (closed-fist percussion and the supine sign). Open the file
            in a browser and print it (A4).
            Examples:
              dxkit handout --output handout.html
              dxkit handout --sign closed-fist-percussion --nomogram-pretest gp-over-55 --output handout.html
            """
    )

    @Option(
        name: .customLong("sign"), parsing: .unconditionalSingleValue,
        help: "A sign, repeatable (default: closed-fist-percussion and supine-sign); ID as for dxkit posttest --sign.")
    var signs: [String] = []

    @Option(parsing: .unconditional, help: "The tables' pretest probabilities, as for dxkit table (default 0.05,0.1:0.9:0.1,0.95).")
    var pretest: String = "0.05,0.1:0.9:0.1,0.95"

    @Option(
        name: .customLong("nomogram-pretest"), parsing: .unconditional,
        help: "The pictures' pretest probability: 0.3, 30%, 1:3 or a preset id (default: the default preset).")
    var nomogramPretest: String?

    @Option(help: "The handout's title.")
    var title: String = "Bedside signs and the probability of an acute vertebral fracture"

    @Option(help: "Write the page to this file instead of standard output.")
    var output: String?

    @Option(help: "Confidence level in (0, 1), e.g. 0.95 or 95%.")
    var level: String = "0.95"

    @OptionGroup(title: "Combining signs") var combination: CombinationOptions

    @OptionGroup var evidence: EvidenceOptions

    mutating func renderOutput() throws -> String {
        try makeHandout().html()
    }

    var isForPeople: Bool { false }

    mutating func run() throws {
        try PictureOutput.write(try renderOutput(), to: output, inputs: evidence.inputIdentities)
    }

    func makeHandout() throws -> Handout {
        let confidence = try CommonOptions.confidenceLevel(level)
        let signTexts = signs.isEmpty ? ["closed-fist-percussion", "supine-sign"] : signs
        let evidenceOptions = evidence
        let base = EvidenceLoader { try evidenceOptions.base() }
        let selection = try SignSelection.resolve(signTexts, base: base.get)
        let signTarget = try selection.target()
        let resolvedPretest = try ResolvedPretest.resolve(nomogramPretest, flag: "--nomogram-pretest", about: signTarget, evidence: base.get)
        let pictureArguments = ["--pretest", nomogramPretest ?? resolvedPretest.preset?.id ?? String(resolvedPretest.probability)]
        let shared = ["--level", level] + evidenceArguments + monteCarloArguments

        var handoutSigns: [Handout.Sign] = []
        for (index, sign) in selection.signs.enumerated() {
            guard let table = sign.table else {
                throw InputError("--sign (\(signTexts[index])): a handout needs the sign's 2×2 table (an evidence id or counts:TP/FP/FN/TN)")
            }
            let record = selection.records.first { $0.id == sign.name }
            do {
                handoutSigns.append(
                    Handout.Sign(
                        name: selection.names[index], record: record,
                        accuracy: try DiagnosticAccuracy(table: table, level: confidence)))
            } catch { throw InputError(error) }
        }

        // Table 1: each sign alone, with natural frequencies; table 2: every pattern of the signs together.
        var tables: [ProbabilityTable] = []
        let rows = try PretestList.rows(pretest, about: signTarget, evidence: base.get)
        let settings = SignCombinationSettings(monteCarlo: try combination.monteCarloSettings(), thresholds: try combination.thresholds())
        var columns: [ProbabilityTableColumn] = []
        do {
            for (index, sign) in selection.signs.enumerated() {
                for result in selection.fixedResults[index].map({ [$0] }) ?? [.positive, .negative] {
                    let label = selection.signs.count == 1 ? selection.shortLabel([result]) : "\(sign.name) \(SignSelection.symbol(result))"
                    columns.append(try ProbabilityTableColumn(label: label, findings: [.init(sign, result)], settings: settings, level: confidence))
                }
            }
        } catch { throw InputError(error) }
        tables.append(
            ProbabilityTable(
                title: selection.signs.count == 1 ? selection.names[0] : "Each sign alone", rows: rows, columns: columns,
                contents: .naturalFrequencies, level: confidence, signs: selection.legend, evidence: selection.records))
        if signTexts.count > 1 {
            tables.append(
                try TableCommand.parse(signTexts.flatMap { ["--sign", $0] } + ["--pretest", pretest] + shared + dependenceArguments)
                    .makeTable())
        }

        // Figures: a nomogram of every sign's results, the two-step nomogram, the curves.
        var figures: [Handout.Figure] = []
        let oneStep = try NomogramCommand.parse(pictureArguments + signTexts.flatMap { ["--sign", $0] } + shared).makeNomogram()
        figures.append(
            Handout.Figure(
                heading: "Fagan nomogram",
                caption: "A line from the pretest probability through the sign's likelihood ratio meets the post-test axis; "
                    + "the shaded wedge carries the likelihood ratio's confidence interval.",
                svg: oneStep.svg(xmlDeclaration: false)))
        if signTexts.count > 1 {
            let twoStepSigns = signTexts.prefix(2).map { $0.contains("=") ? $0 : $0 + "=positive" }
            let twoStep = try NomogramCommand.parse(
                pictureArguments + twoStepSigns.flatMap { ["--sign", $0] } + ["--two-step"] + shared
                    + dependenceArguments
            )
            .makeNomogram()
            figures.append(
                Handout.Figure(
                    heading: "Two signs in sequence",
                    caption: "The post-test probability after the first sign is the pretest probability for the second. "
                        + "The black bar is the interval of both signs together if they were independent; the dashed bracket is the range their unknown dependence allows.",
                    svg: twoStep.svg(xmlDeclaration: false)))
        }
        let curves = try CurvesCommand.parse(pictureArguments + signTexts.flatMap { ["--sign", $0] } + shared + dependenceArguments)
            .makeCurves()
        figures.append(
            Handout.Figure(
                heading: "Post-test against pretest probability",
                caption: "Each result pattern's post-test probability over every pretest probability, with its confidence interval as a ribbon.",
                svg: curves.svg(xmlDeclaration: false)))

        var extra: [EvidenceRecord] = resolvedPretest.preset.map { [$0] } ?? []
        if signTexts.count > 1, let bounds = try? base.get().record("langdon-dependence-bounds"),
            selection.signs.map(\.name).contains("closed-fist-percussion") && selection.signs.map(\.name).contains("supine-sign")
        {
            extra.append(bounds)
        }
        return Handout(
            title: title, pretestDescription: resolvedPretest.description, signs: handoutSigns, tables: tables, figures: figures,
            evidence: extra)
    }

    private var evidenceArguments: [String] {
        evidence.directory.map { ["--evidence", $0] } ?? []
    }

    /// The Monte Carlo and gate options, passed on to the tables and pictures.
    private var monteCarloArguments: [String] {
        [("--draws", combination.draws), ("--seed", combination.seed), ("--gate", combination.gate)]
            .flatMap { flag, value in value.map { [flag, $0] } ?? [] }
    }

    /// The dependence options, passed on where several signs are combined.
    private var dependenceArguments: [String] {
        [("--correlation", combination.correlation), ("--covariance", combination.covariance), ("--paired-counts", combination.pairedCounts)]
            .flatMap { flag, value in value.map { [flag, $0] } ?? [] }
            + (combination.dependence == .unknown ? [] : ["--dependence", combination.dependence.rawValue])
    }
}
