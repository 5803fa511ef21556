import ArgumentParser
import DxEvidence
import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
            By default the two Langdon signs (closed-fist percussion and the supine sign). Open the file in a \
            browser and print it: it fits two pages of A4 (or US Letter with --paper letter), tables and their \
            numbers on the first, the pictures on the second, with no table or figure split across pages.

            Examples:
              dxkit handout --output handout.html
              dxkit handout --paper letter --output handout.html
              dxkit handout --sign closed-fist-percussion --nomogram-pretest gp-over-55 --output handout.html
            """
    )

    @Option(
        name: .customLong("sign"), parsing: .unconditionalSingleValue,
        help: "A sign, repeatable (default: closed-fist-percussion and supine-sign); ID as for dxkit posttest --sign.",
        completion: .custom(CompletionCandidates.signs))
    var signs: [String] = []

    @Option(
        parsing: .unconditional, help: "The tables' pretest probabilities, as for dxkit table.", completion: .custom(CompletionCandidates.presets))
    var pretest: String = Self.defaultPretest

    @Option(
        name: .customLong("nomogram-pretest"), parsing: .unconditional,
        help: "The pictures' pretest probability: 0.3, 30%, 1:3 or a preset id (default: the preset for the signs' target condition).",
        completion: .custom(CompletionCandidates.presets))
    var nomogramPretest: String?

    @Option(help: "The handout's title.")
    var title: String = "Bedside signs and the probability of an acute vertebral fracture"

    @Option(help: "The paper it is printed on.")
    var paper: PaperSize = .a4

    @Option(help: "Output format: the handout is a page to print from a browser.")
    var format: HandoutFormat = .html

    @Option(help: ArgumentHelp("Write the page to this file instead of standard output.", valueName: "file"), completion: .file(extensions: ["html"]))
    var output: String?

    @Option(help: "Confidence level in (0, 1), e.g. 0.95 or 95%.")
    var level: String = "0.95"

    @OptionGroup(title: "Several signs") var dependence: DependenceOptions

    @OptionGroup(title: "Several signs") var gate: GateOptions

    @OptionGroup(title: "Several signs") var monteCarlo: MonteCarloOptions

    @OptionGroup var evidence: EvidenceOptions

    @OptionGroup var pretestUncertainty: InapplicablePretestUncertaintyOptions

    /// The tables' rows by default: few enough that both tables fit the first page.
    static let defaultPretest = "0.05,0.1,0.3,0.5,0.7,0.9"

    /// What `dxkit handout` writes.
    enum HandoutFormat: String, CaseNamedArgument {
        case html
    }

    mutating func renderOutput() throws -> String {
        try makeHandout().html()
    }

    var isForPeople: Bool { false }

    mutating func run() throws {
        try PictureOutput.write(try renderOutput(), to: output, inputs: evidence.inputIdentities)
    }

    func makeHandout() throws -> Handout {
        try pretestUncertainty.refuse("a handout's tables list their pretest probabilities and its pictures start from --nomogram-pretest")
        let confidence = try CommonOptions.confidenceLevel(level)
        let signTexts = signs.isEmpty ? ["closed-fist-percussion", "supine-sign"] : signs
        let evidenceOptions = evidence
        let base = EvidenceLoader { try evidenceOptions.base() }
        let selection = try SignSelection.resolve(signTexts, base: base.get)
        let signTarget = try selection.commonTarget()
        let resolvedPretest = try ResolvedPretest.resolve(nomogramPretest, flag: "--nomogram-pretest", about: signTarget, evidence: base.get)
        let pictureArguments = ["--pretest", nomogramPretest ?? resolvedPretest.preset?.id ?? String(resolvedPretest.probability), "--size", "print"]
        let shared = ["--level", level] + (evidence.directory.map { ["--evidence", $0] } ?? [])

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
        let rows = try ProbabilityTable.Row.rows(pretest, about: signTarget, evidence: base.get)
        let settings = SignCombinationSettings(monteCarlo: try monteCarlo.monteCarloSettings(), thresholds: try gate.thresholds())
        var columns: [ProbabilityTableColumn] = []
        do {
            for (index, sign) in selection.signs.enumerated() {
                for result in selection.fixedResults[index].map({ [$0] }) ?? [.positive, .negative] {
                    let label = selection.signs.count == 1 ? selection.shortLabel([result]) : "\(selection.bareNames[index]) \(SignSelection.symbol(result))"
                    columns.append(try ProbabilityTableColumn(label: label, findings: [.init(sign, result)], settings: settings, level: confidence))
                }
            }
        } catch { throw InputError(error) }
        tables.append(
            ProbabilityTable(
                title: selection.signs.count == 1 ? selection.names[0] : "Each sign alone", rows: rows, columns: columns,
                contents: .naturalFrequencies, level: confidence, evidence: selection.records, target: signTarget))
        let combinationArguments = dependence.arguments + gate.arguments + monteCarlo.arguments
        if signTexts.count > 1 {
            tables.append(
                try TableCommand.parse(signTexts.flatMap { ["--sign", $0] } + ["--pretest", pretest] + shared + combinationArguments)
                    .makeTable())
        }

        // Figures: with two signs, the two-step nomogram (each sign's step is a nomogram of its own) and the curves of every
        // pattern; with one sign, its nomogram and its curves. Two pages hold no more at a size that can be read.
        var figures: [Handout.Figure] = []
        if signTexts.count > 1 {
            let twoStepSigns = signTexts.prefix(2).map { $0.contains("=") ? $0 : $0 + "=positive" }
            let twoStep = try NomogramCommand.parse(
                pictureArguments + twoStepSigns.flatMap { ["--sign", $0] } + ["--two-step"] + shared + dependence.arguments
            )
            .makeNomogram()
            figures.append(
                Handout.Figure(
                    heading: "Two signs in sequence on a Fagan nomogram",
                    caption: "A line from the pretest probability through a sign's likelihood ratio meets the post-test axis; the shaded wedge "
                        + "carries the ratio's confidence interval. Step 1's post-test probability is step 2's pretest probability. Black bar: "
                        + "both signs if independent; dashed bracket: the range their unknown dependence allows.",
                    svg: twoStep.svg(size: .print, xmlDeclaration: false), wide: true))
        } else {
            let oneStep = try NomogramCommand.parse(pictureArguments + signTexts.flatMap { ["--sign", $0] } + shared).makeNomogram()
            figures.append(
                Handout.Figure(
                    heading: "Fagan nomogram",
                    caption: "A line from the pretest probability through a result's likelihood ratio meets the post-test axis; "
                        + "the shaded wedge carries the likelihood ratio's confidence interval.",
                    svg: oneStep.svg(size: .print, xmlDeclaration: false)))
        }
        let curves = try CurvesCommand.parse(pictureArguments + signTexts.flatMap { ["--sign", $0] } + shared + dependence.arguments + gate.arguments)
            .makeCurves()
        figures.append(
            Handout.Figure(
                heading: "Post-test against pretest probability",
                caption: "Each result's post-test probability over every pretest probability, with its confidence interval as a ribbon"
                    + (signTexts.count > 1 ? " and, dotted, the range the signs' unknown dependence allows" : "")
                    + "; the dashed lines are the gate's thresholds, the grey diagonal LR 1.",
                svg: curves.svg(size: .print, xmlDeclaration: false)))

        return Handout(
            title: title, pretestDescription: resolvedPretest.description, signs: handoutSigns, tables: tables, figures: figures,
            evidence: resolvedPretest.preset.map { [$0] } ?? [], paper: paper, target: signTarget)
    }
}
