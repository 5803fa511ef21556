import ArgumentParser
import DxEvidence
import DxReport
import DxStats
import Foundation

/// `dxkit nomogram`: a Fagan nomogram (SVG) for a pretest probability and
/// one or more likelihood ratios, each with its confidence band, or the
/// two-step variant for two signs. The numbers drawn are those `dxkit
/// posttest` prints for the same input (`--format json` lists them).
struct NomogramCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "nomogram",
        abstract: "A Fagan nomogram as SVG, with each likelihood ratio's confidence band.",
        discussion: """
            A line from the pretest probability through the likelihood ratio reads off the post-test
            probability; the shaded wedge through the LR's confidence limits shows the post-test
            interval. --sign ID draws both results of a sign, ID=positive one. --two-step chains two
            signs: the post-test probability after the first is the pretest probability for the second.
            Fagan TJ. Nomogram for Bayes theorem. N Engl J Med 1975;293:257.
            Examples:
              dxkit nomogram --pretest 0.3 --sign closed-fist-percussion --output fagan.svg
              dxkit nomogram --pretest 0.3 --lr 8.75 --lr-lower 2.97 --lr-upper 25.7 --output fagan.svg
              dxkit nomogram --sign closed-fist-percussion=positive --sign supine-sign=positive --two-step --output two-step.svg
            """
    )

    @Option(parsing: .unconditional, help: "Pretest probability: 0.3, 30%, odds 1:3, or a preset id (default: the default preset).")
    var pretest: String?

    @Option(
        name: .customLong("sign"), parsing: .unconditionalSingleValue,
        help: "A sign, repeatable: ID (both results) or ID=positive|negative; ID as for dxkit posttest --sign.")
    var signs: [String] = []

    @Option(name: .customLong("lr"), parsing: .unconditionalSingleValue, help: "Likelihood ratios, one line each: 8.75 or 8.75,0.14 (repeatable).")
    var likelihoodRatios: [String] = []

    @Option(name: .customLong("lr-lower"), parsing: .unconditionalSingleValue, help: "Lower limits of the --lr values, in the same order.")
    var likelihoodRatioLowers: [String] = []

    @Option(name: .customLong("lr-upper"), parsing: .unconditionalSingleValue, help: "Upper limits of the --lr values, in the same order.")
    var likelihoodRatioUppers: [String] = []

    @Flag(name: .customLong("two-step"), help: "Two signs in sequence (needs two --sign ID=RESULT).")
    var twoStep = false

    @OptionGroup var picture: PictureOptions

    @OptionGroup(title: "Combining signs (two-step)") var combination: CombinationOptions

    @OptionGroup var evidence: EvidenceOptions

    mutating func renderOutput() throws -> String {
        let nomogram = try makeNomogram()
        return picture.render(svg: { nomogram.svg() }, json: { nomogram.json })
    }

    var isForPeople: Bool { false }

    mutating func run() throws {
        try picture.write(try renderOutput(), inputs: evidence.inputIdentities)
    }

    func makeNomogram() throws -> FaganNomogram {
        let confidence = try picture.confidenceLevel()
        guard signs.isEmpty != likelihoodRatios.isEmpty else {
            throw InputError(signs.isEmpty ? "give --sign or --lr for the nomogram's lines" : "give --sign or --lr, not both")
        }
        guard pretest != nil || !signs.isEmpty else {
            throw InputError("--pretest is missing: give a probability (0.3, 30%, 1:3) or a preset id")
        }
        let evidenceOptions = evidence
        let base = EvidenceLoader { try evidenceOptions.base() }
        let signTarget = signs.isEmpty ? nil : try SignSelection.resolve(signs, base: base.get).target()
        let resolved = try ResolvedPretest.resolve(pretest, about: signTarget, evidence: base.get)
        let limit = FaganScale.probabilityLimit
        guard resolved.probability >= limit, resolved.probability <= 1 - limit else {
            throw InputError("--pretest (\(pretest ?? resolved.description)) is outside the nomogram's axis, 0.1 % to 99.9 %")
        }
        do {
            if !likelihoodRatios.isEmpty {
                guard !twoStep else { throw InputError("--two-step needs two --sign ID=RESULT") }
                let ratios = try GivenLikelihoodRatios.parse(
                    likelihoodRatios, lowers: likelihoodRatioLowers, uppers: likelihoodRatioUppers,
                    level: confidence)
                guard ratios.count <= PicturePalette.colours.count else {
                    throw InputError("--lr has \(ratios.count) values; a nomogram draws at most \(PicturePalette.colours.count) lines")
                }
                let lines = try ratios.map { ratio throws(StatisticsError) in
                    let cell = try ProbabilityTableColumn(label: "", likelihoodRatio: ratio).cell(pretest: resolved.probability)
                    return FaganNomogram.Line(
                        label: GivenLikelihoodRatios.label(ratio),
                        likelihoodRatio: cell.likelihoodRatio, posttest: cell.posttest)
                }
                return FaganNomogram(pretest: resolved.probability, pretestDescription: resolved.description, lines: lines, level: confidence)
            }
            let selection = try SignSelection.resolve(signs, base: base.get)
            let settings = SignCombinationSettings(
                dependence: .unknown, monteCarlo: try combination.monteCarloSettings(),
                thresholds: try combination.thresholds())
            func line(_ index: Int, _ result: TestResult, pretest: Double) throws -> (FaganNomogram.Line, ProbabilityTableCell) {
                let column = try ProbabilityTableColumn(label: "", findings: [.init(selection.signs[index], result)], settings: settings, level: confidence)
                let cell = try column.cell(pretest: pretest)
                return (
                    FaganNomogram.Line(
                        label: "\(selection.names[index]): \(result.rawValue)", likelihoodRatio: cell.likelihoodRatio,
                        posttest: cell.posttest), cell
                )
            }
            if twoStep {
                guard signs.count == 2, let first = selection.fixedResults[0], let second = selection.fixedResults[1] else {
                    throw InputError("--two-step needs exactly two --sign ID=RESULT, e.g. --sign closed-fist-percussion=positive --sign supine-sign=positive")
                }
                let (firstLine, firstCell) = try line(0, first, pretest: resolved.probability)
                guard let intermediate = firstCell.posttest.estimate.finiteValue, intermediate > 0, intermediate < 1 else {
                    throw InputError(
                        "after \(selection.names[0]) the post-test probability is \(NumberText.percent(firstCell.posttest.estimate)): nothing is left for a second step"
                    )
                }
                let (secondLine, _) = try line(1, second, pretest: intermediate)
                var combinedSettings = settings
                combinedSettings.dependence = try combination.dependenceModel()
                let combined = try ProbabilityTableColumn(
                    label: "", findings: selection.findings([first, second]), settings: combinedSettings,
                    level: confidence
                ).cell(pretest: resolved.probability)
                return FaganNomogram(
                    pretest: resolved.probability, pretestDescription: resolved.description, lines: [firstLine],
                    secondStep: .init(
                        line: secondLine, combined: combined.posttest, dependenceLower: combined.dependence?.posttestLower,
                        dependenceUpper: combined.dependence?.posttestUpper),
                    level: confidence)
            }
            guard try combination.dependenceModel() == .unknown else {
                throw InputError("--dependence, --correlation, --covariance and --paired-counts apply to --two-step")
            }
            var lines: [FaganNomogram.Line] = []
            for (index, fixed) in selection.fixedResults.enumerated() {
                for result in fixed.map({ [$0] }) ?? [.positive, .negative] {
                    lines.append(try line(index, result, pretest: resolved.probability).0)
                }
            }
            guard lines.count <= PicturePalette.colours.count else {
                throw InputError("the signs give \(lines.count) lines; a nomogram draws at most \(PicturePalette.colours.count) (give ID=RESULT)")
            }
            return FaganNomogram(pretest: resolved.probability, pretestDescription: resolved.description, lines: lines, level: confidence)
        } catch let error as StatisticsError {
            throw InputError(error)
        }
    }
}
