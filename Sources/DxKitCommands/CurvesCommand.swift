import ArgumentParser
import DxEvidence
import DxReport
import DxStats
import Foundation

/// `dxkit curves`: post-test probability against pretest probability for
/// every result pattern of the signs (or for given likelihood ratios), with
/// interval ribbons and the gate's thresholds, as SVG.
struct CurvesCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "curves",
        abstract: "Post-test against pretest probability for each result pattern, with interval ribbons, as SVG.",
        discussion: """
            Each curve is post = π·LR / (π·LR + 1 − π) over pretest probabilities π from 0 to 1, with
            the likelihood ratio's interval as a ribbon, exactly as dxkit posttest computes it; for
            several signs a dotted pair of lines shows the range their unknown dependence allows.
            Horizontal dashed lines mark the gate's policy thresholds (--gate).
            Examples:
              dxkit curves --sign closed-fist-percussion --sign supine-sign --output curves.svg
              dxkit curves --sign closed-fist-percussion --pretest suspected-acute-vcf --output curves.svg
              dxkit curves --lr 0.1,0.5,2,10 --output curves.svg
            """
    )

    @Option(
        name: .customLong("sign"), parsing: .unconditionalSingleValue,
        help: "A sign, repeatable: ID (every result) or ID=positive|negative; ID as for dxkit posttest --sign.")
    var signs: [String] = []

    @Option(name: .customLong("lr"), parsing: .unconditionalSingleValue, help: "Likelihood ratios, one curve each: 0.1,0.5,2,10 (repeatable).")
    var likelihoodRatios: [String] = []

    @Option(name: .customLong("lr-lower"), parsing: .unconditionalSingleValue, help: "Lower limits of the --lr values, in the same order.")
    var likelihoodRatioLowers: [String] = []

    @Option(name: .customLong("lr-upper"), parsing: .unconditionalSingleValue, help: "Upper limits of the --lr values, in the same order.")
    var likelihoodRatioUppers: [String] = []

    @Option(parsing: .unconditional, help: "Mark a pretest probability: 0.3, 30%, 1:3 or a preset id.")
    var pretest: String?

    @Flag(
        name: .customLong("dependence-range"), inversion: .prefixedNo,
        help: "Draw the range the unknown dependence between several signs allows.")
    var dependenceRange = true

    @OptionGroup var picture: PictureOptions

    @OptionGroup(title: "Combining signs") var combination: CombinationOptions

    @OptionGroup var evidence: EvidenceOptions

    mutating func renderOutput() throws -> String {
        let curves = try makeCurves()
        return picture.render(svg: { curves.svg() }, json: { curves.json })
    }

    var isForPeople: Bool { false }

    mutating func run() throws {
        try picture.write(try renderOutput(), inputs: evidence.inputIdentities)
    }

    func makeCurves() throws -> ProbabilityCurves {
        let confidence = try picture.confidenceLevel()
        guard signs.isEmpty != likelihoodRatios.isEmpty else {
            throw InputError(signs.isEmpty ? "give --sign or --lr for the curves" : "give --sign or --lr, not both")
        }
        let evidenceOptions = evidence
        let base = EvidenceLoader { try evidenceOptions.base() }
        let marker = try pretest.map { text in
            let target = signs.isEmpty ? nil : try SignSelection.resolve(signs, base: base.get).target()
            let resolved = try ResolvedPretest.resolve(text, about: target, evidence: base.get)
            return (
                pretest: resolved.probability,
                label: NumberText.percent(.finite(resolved.probability)) + (resolved.preset.map { " (\($0.id))" } ?? "")
            )
        }
        do {
            var columns: [ProbabilityTableColumn] = []
            if !signs.isEmpty {
                let selection = try SignSelection.resolve(signs, base: base.get)
                let settings = SignCombinationSettings(
                    dependence: try combination.dependenceModel(),
                    monteCarlo: try combination.monteCarloSettings(), thresholds: try combination.thresholds())
                let patterns = selection.patterns
                guard patterns.count <= PicturePalette.colours.count else {
                    throw InputError("the signs give \(patterns.count) result patterns; curves draws at most \(PicturePalette.colours.count) (give ID=RESULT)")
                }
                for pattern in patterns {
                    columns.append(
                        try ProbabilityTableColumn(
                            label: selection.longLabel(pattern), findings: selection.findings(pattern),
                            settings: settings, level: confidence))
                }
            } else {
                let ratios = try GivenLikelihoodRatios.parse(
                    likelihoodRatios, lowers: likelihoodRatioLowers, uppers: likelihoodRatioUppers,
                    level: confidence)
                guard ratios.count <= PicturePalette.colours.count else {
                    throw InputError("--lr has \(ratios.count) values; curves draws at most \(PicturePalette.colours.count)")
                }
                columns = ratios.map { ProbabilityTableColumn(label: GivenLikelihoodRatios.label($0), likelihoodRatio: $0) }
            }
            return try ProbabilityCurves(
                columns: columns, thresholds: try combination.thresholds(), markedPretest: marker,
                showsDependenceRange: dependenceRange, level: confidence)
        } catch let error as StatisticsError {
            throw InputError(error)
        }
    }
}
