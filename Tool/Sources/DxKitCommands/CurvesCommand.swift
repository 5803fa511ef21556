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

/// `dxkit curves`: post-test probability against pretest probability for
/// every result pattern of the signs (or for given likelihood ratios), with
/// interval ribbons and the gate's thresholds, as SVG.
struct CurvesCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "curves",
        abstract: "Post-test against pretest probability for each result pattern, with interval ribbons, as SVG.",
        discussion: """
            Each curve is post = π·LR / (π·LR + 1 − π) over pretest probabilities π from 0 to 1, with the \
            likelihood ratio's interval as a ribbon, exactly as dxkit posttest computes it; for several signs a \
            dotted pair of lines shows the range their unknown dependence allows. Dashed horizontal lines mark the \
            gate's policy thresholds (--gate); the grey diagonal is LR 1. Every curve has its own colour, dash \
            pattern and marker, so the picture reads in black and white.

            Examples:
              dxkit curves --sign closed-fist-percussion --sign supine-sign --output curves.svg
              dxkit curves --sign closed-fist-percussion --pretest suspected-acute-vcf
              dxkit curves --lr 0.1,0.5,2,10 --size projector --output curves.svg
            """
    )

    @Option(
        name: .customLong("sign"), parsing: .unconditionalSingleValue,
        help: "A sign, repeatable: ID (every result) or ID=positive|negative; ID as for dxkit posttest --sign.",
        completion: .custom(CompletionCandidates.signs))
    var signs: [String] = []

    @Option(name: .customLong("lr"), parsing: .unconditionalSingleValue, help: "Likelihood ratios, one curve each: 0.1,0.5,2,10 (repeatable).")
    var likelihoodRatios: [String] = []

    @Option(name: .customLong("lr-lower"), parsing: .unconditionalSingleValue, help: "Lower limits of the --lr values, in the same order.")
    var likelihoodRatioLowers: [String] = []

    @Option(name: .customLong("lr-upper"), parsing: .unconditionalSingleValue, help: "Upper limits of the --lr values, in the same order.")
    var likelihoodRatioUppers: [String] = []

    @Option(
        parsing: .unconditional, help: "Mark a pretest probability: 0.3, 30%, 1:3 or a preset id.", completion: .custom(CompletionCandidates.presets))
    var pretest: String?

    @Flag(
        name: .customLong("dependence-range"), inversion: .prefixedNo,
        help: "Draw the range the unknown dependence between several signs allows.")
    var dependenceRange = true

    @OptionGroup var picture: PictureOptions

    @OptionGroup(title: "Several signs") var dependence: DependenceOptions

    @OptionGroup(title: "Several signs") var gate: GateOptions

    @OptionGroup var evidence: EvidenceOptions

    @OptionGroup var monteCarlo: InapplicableMonteCarloOptions
    @OptionGroup var pretestUncertainty: InapplicablePretestUncertaintyOptions

    mutating func renderOutput() throws -> String {
        let curves = try makeCurves()
        return picture.render(svg: { curves.svg(size: $0) }, json: { curves.json })
    }

    var isForPeople: Bool { false }

    mutating func run() throws {
        try picture.write(try renderOutput(), inputs: evidence.inputIdentities)
    }

    func makeCurves() throws -> ProbabilityCurves {
        let reason = "the curves are the closed-form post-test probabilities dxkit posttest prints; there is no simulation"
        try monteCarlo.refuse(reason)
        try pretestUncertainty.refuse(reason)
        let confidence = try picture.confidenceLevel()
        guard signs.isEmpty != likelihoodRatios.isEmpty else {
            throw InputError(signs.isEmpty ? "give --sign or --lr for the curves" : "give --sign or --lr, not both")
        }
        let evidenceOptions = evidence
        let base = EvidenceLoader { try evidenceOptions.base() }
        let selection = signs.isEmpty ? nil : try SignSelection.resolve(signs, base: base.get)
        let marked = try pretest.map { text in try ResolvedPretest.resolve(text, about: try selection?.commonTarget(), evidence: base.get) }
        do {
            if let selection {
                let settings = SignCombinationSettings(dependence: try dependence.dependenceModel(), thresholds: try gate.thresholds())
                return try ProbabilityCurves(
                    selection: selection, settings: settings, marking: marked, showsDependenceRange: dependenceRange, level: confidence)
            }
            guard !dependence.anyGiven else { throw InputError("--dependence, --correlation, --covariance and --paired-counts need several --sign") }
            let ratios = try GivenLikelihoodRatios.parse(likelihoodRatios, lowers: likelihoodRatioLowers, uppers: likelihoodRatioUppers, level: confidence)
            return try ProbabilityCurves(likelihoodRatios: ratios, thresholds: try gate.thresholds(), marking: marked)
        } catch let error as StatisticsError {
            throw InputError(error)
        }
    }
}
