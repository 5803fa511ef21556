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

/// `dxkit nomogram`: a Fagan nomogram (SVG) for a pretest probability and
/// one or more likelihood ratios, each with its confidence band, or the
/// two-step variant for two signs. The numbers drawn are those `dxkit
/// posttest` prints for the same input (`--format json` lists them).
struct NomogramCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "nomogram",
        abstract: "A Fagan nomogram as SVG, with each likelihood ratio's confidence band.",
        discussion: """
            A line from the pretest probability through the likelihood ratio reads off the post-test probability; \
            the shaded wedge through the LR's confidence limits shows the post-test interval. --sign ID draws both \
            results of a sign, ID=positive one. --two-step chains two signs: the post-test probability after the \
            first is the pretest probability for the second. --size projector makes the text large enough to read \
            from the back of a lecture hall; --size print suits a printed handout.

            Fagan TJ. Nomogram for Bayes theorem. N Engl J Med 1975;293:257.

            Examples:
              dxkit nomogram --pretest 0.3 --sign closed-fist-percussion --output fagan.svg
              dxkit nomogram --pretest 0.3 --lr 8.75 --lr-lower 2.97 --lr-upper 25.7
              dxkit nomogram --sign closed-fist-percussion=positive \\
                --sign supine-sign=positive --two-step --size projector --output two-step.svg
            """
    )

    @Option(
        parsing: .unconditional, help: "Pretest probability: 0.3, 30%, odds 1:3, or a preset id (default: the preset for the signs' target condition).",
        completion: .custom(CompletionCandidates.presets))
    var pretest: String?

    @Option(
        name: .customLong("sign"), parsing: .unconditionalSingleValue,
        help: "A sign, repeatable: ID (both results) or ID=positive|negative; ID as for dxkit posttest --sign.",
        completion: .custom(CompletionCandidates.signs))
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

    @OptionGroup(title: "Two signs in sequence (--two-step)") var dependence: DependenceOptions

    @OptionGroup var evidence: EvidenceOptions

    @OptionGroup var monteCarlo: InapplicableMonteCarloOptions
    @OptionGroup var gate: InapplicableGateOption
    @OptionGroup var pretestUncertainty: InapplicablePretestUncertaintyOptions

    mutating func renderOutput() throws -> String {
        let nomogram = try makeNomogram()
        return picture.render(svg: { nomogram.svg(size: $0) }, json: { nomogram.json })
    }

    var isForPeople: Bool { false }

    mutating func run() throws {
        try picture.write(try renderOutput(), inputs: evidence.inputIdentities)
    }

    func makeNomogram() throws -> FaganNomogram {
        let reason = "a nomogram draws the closed-form intervals dxkit posttest prints, without a simulation or a gate"
        try monteCarlo.refuse(reason)
        try gate.refuse(reason)
        try pretestUncertainty.refuse(reason)
        let confidence = try picture.confidenceLevel()
        guard signs.isEmpty != likelihoodRatios.isEmpty else {
            throw InputError(signs.isEmpty ? "give --sign or --lr for the nomogram's lines" : "give --sign or --lr, not both")
        }
        guard pretest != nil || !signs.isEmpty else {
            throw InputError("--pretest is missing: give a probability (0.3, 30%, 1:3) or a preset id")
        }
        let evidenceOptions = evidence
        let base = EvidenceLoader { try evidenceOptions.base() }
        let selection = signs.isEmpty ? nil : try SignSelection.resolve(signs, base: base.get)
        let resolved = try ResolvedPretest.resolve(pretest, about: try selection?.commonTarget(), evidence: base.get)
        guard FaganNomogram.axisContains(resolved.probability) else {
            throw InputError("--pretest (\(pretest ?? resolved.description)) is outside the nomogram's axis, 0.1 % to 99.9 %")
        }
        do {
            guard let selection else {
                guard !twoStep else { throw InputError("--two-step needs two --sign ID=RESULT") }
                guard !dependence.anyGiven else { throw InputError("--dependence, --correlation, --covariance and --paired-counts apply to --two-step") }
                let ratios = try GivenLikelihoodRatios.parse(likelihoodRatios, lowers: likelihoodRatioLowers, uppers: likelihoodRatioUppers, level: confidence)
                return try FaganNomogram(likelihoodRatios: ratios, pretest: resolved)
            }
            if twoStep {
                guard signs.count == 2, selection.fixedResults.allSatisfy({ $0 != nil }) else {
                    throw InputError("--two-step needs exactly two --sign ID=RESULT, e.g. --sign closed-fist-percussion=positive --sign supine-sign=positive")
                }
                return try FaganNomogram(twoStepsOf: selection, pretest: resolved, dependence: try dependence.dependenceModel(), level: confidence)
            }
            guard !dependence.anyGiven else {
                throw InputError("--dependence, --correlation, --covariance and --paired-counts apply to --two-step")
            }
            return try FaganNomogram(selection: selection, pretest: resolved, level: confidence)
        } catch let error as StatisticsError {
            throw InputError(error)
        }
    }
}
