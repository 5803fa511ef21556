import ArgumentParser
import DxBatch
import DxEvidence
import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dxkit posttest`: from a pretest probability and a finding to a
/// post-test probability with its interval.
struct PostTestCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "posttest",
        abstract: "Post-test probability from a pretest probability and one or more signs, a likelihood ratio or a 2×2 table.",
        discussion: """
            --pretest takes a probability (0.3), a percentage (30%), odds (1:3) or a preset id from the evidence \
            base (dxkit evidence list); without it, a sign uses the default preset. With --input, every row of a \
            CSV file is one case; on a terminal, standard error shows the progress unless --quiet.

            Examples:
              dxkit posttest --pretest 0.3 --lr 8.75
              dxkit posttest --pretest 61.5% --tp 42 --fp 3 --fn 6 --tn 27 --result positive
              dxkit posttest --pretest suspected-acute-vcf --sign closed-fist-percussion=positive
            """
    )

    @Option(
        parsing: .unconditional, help: "Pretest probability: 0.3, 30%, odds 1:3, or a preset id.", completion: .custom(CompletionCandidates.presets))
    var pretest: String?

    @Option(
        name: .customLong("sign"), parsing: .unconditionalSingleValue,
        help: "A sign and its result, repeatable: ID=positive (evidence id), counts:TP/FP/FN/TN=negative, se-sp:SE/SP=positive or lr:LR+/LR-=positive.",
        completion: .custom(CompletionCandidates.signs))
    var signs: [String] = []

    @Option(name: .customLong("lr"), parsing: .unconditional, help: "A likelihood ratio, instead of a 2×2 table.")
    var likelihoodRatio: String?

    @Option(name: .customLong("lr-lower"), parsing: .unconditional, help: "Lower confidence limit of --lr, if known.")
    var likelihoodRatioLower: String?

    @Option(name: .customLong("lr-upper"), parsing: .unconditional, help: "Upper confidence limit of --lr, if known.")
    var likelihoodRatioUpper: String?

    @OptionGroup var table: TableOptions

    @Option(help: "The test result, with a 2×2 table or --meta.")
    var result: TestResult?

    @Option(help: "A CSV of studies (study,tp,fp,fn,tn): the post-test probability from their meta-analysis, with the interval for a new setting.")
    var meta: String?

    @Option(name: .customLong("lr-ci"), help: "With a 2×2 table, the LR interval: log (with Mercaldo's logit post-test interval) or Koopman's.")
    var likelihoodRatioInterval: RatioIntervalMethod = .log

    @OptionGroup(title: "Combining signs") var combination: CombinationOptions

    @OptionGroup var evidence: EvidenceOptions

    @OptionGroup var batch: BatchOptions

    @OptionGroup var common: CommonOptions

    var isForPeople: Bool { common.isForPeople }

    var formulaSafety: CSV.FormulaSafety { common.formulaSafety }

    mutating func run() throws {
        guard batch.input != nil else {
            return try writeOutput()
        }
        guard pretest == nil, likelihoodRatio == nil, !table.anyGiven, signs.isEmpty else {
            throw InputError("with --input, the pretest and the finding come from the file's columns")
        }
        let settings = PostTestBatch.Settings(
            level: try common.confidenceLevel(), likelihoodRatioMethod: likelihoodRatioInterval,
            format: common.format == .json ? .jsonLines : .csv, formulaSafety: common.formulaSafety)
        try batch.run { input, output, rejects, progress throws(BatchError) in
            try PostTestBatch.run(input: input, settings: settings, output: output, rejects: rejects, progress: progress)
        }
    }

    mutating func renderOutput() throws -> String {
        let level = try common.confidenceLevel()
        let sources = [likelihoodRatio != nil, table.anyGiven, !signs.isEmpty].filter { $0 }.count
        guard sources <= 1 else {
            throw InputError("give one of --lr, a 2×2 table (--tp --fp --fn --tn) or --sign, not several")
        }
        guard pretest != nil || !signs.isEmpty || meta != nil else {
            throw InputError("--pretest is missing: give a probability (0.3, 30%, 1:3) or a preset id")
        }
        let evidenceOptions = evidence
        let base = EvidenceLoader { try evidenceOptions.base() }
        if let meta {
            guard sources == 0 else { throw InputError("--meta is the finding: give it without --lr, a 2×2 table or --sign") }
            return try PostTestMeta.render(file: meta, pretest: pretest, result: result, level: level, evidence: base.get, format: common.format)
        }
        if !signs.isEmpty {
            return try signReport(findings: signs.map(SignFinding.parse), base: base, level: level).render(common.format)
        }
        let probability = try ResolvedPretest.resolve(pretest, evidence: base.get).probability
        let report: PostTestReport
        if let likelihoodRatio {
            let interval = try givenLikelihoodRatio(likelihoodRatio, level: level)
            report = PostTestReport(
                pretest: probability, finding: "likelihood ratio \(NumberText.significant(interval.estimate))", result: nil,
                likelihoodRatio: interval, posttest: try PostTestProbability.from(pretest: probability, likelihoodRatio: interval))
        } else if table.anyGiven {
            guard let result else { throw InputError("--result (positive or negative) is needed with a 2×2 table") }
            let counts = try table.table()
            let ratio = try LikelihoodRatio.of(result, on: counts, method: likelihoodRatioInterval, level: level)
            let posttest = try PostTestProbability.from(
                pretest: probability, table: counts, result: result, method: .init(matching: likelihoodRatioInterval), level: level)
            report = PostTestReport(
                pretest: probability,
                finding:
                    "\(result.rawValue) result on a test with TP \(counts.truePositives), FP \(counts.falsePositives), FN \(counts.falseNegatives), TN \(counts.trueNegatives)",
                result: result, likelihoodRatio: ratio, posttest: posttest)
        } else {
            throw InputError("give a likelihood ratio (--lr 8.75) or a 2×2 table (--tp --fp --fn --tn) with --result")
        }
        return report.render(common.format)
    }

    private func givenLikelihoodRatio(_ text: String, level: ConfidenceLevel) throws -> IntervalEstimate {
        try GivenLikelihoodRatios.parse([text], lowers: likelihoodRatioLower.map { [$0] } ?? [], uppers: likelihoodRatioUpper.map { [$0] } ?? [], level: level)[
            0]
    }

    /// One or more signs: the combined bedside estimate with its Monte Carlo
    /// interval, the dependence range and the gate.
    private func signReport(findings: [SignFinding], base: EvidenceLoader, level: ConfidenceLevel) throws -> CombinedPostTestReport {
        var signs: [CombinedPostTest.Finding] = [], names: [String] = [], records: [EvidenceRecord] = []
        for (index, finding) in findings.enumerated() {
            let (sign, name, record) = try finding.resolve(index: index, base: base.get)
            signs.append(.init(sign, finding.result))
            names.append(name)
            if let record { records.append(record) }
        }
        let target: TargetCondition?
        do { target = try TargetCondition.requireCommon(pretest: nil, signs: signs.map { ($0.sign.name, $0.sign.target) }) } catch {
            throw InputError("--sign: \(error.description)")
        }
        let pretest = try ResolvedPretest.resolve(self.pretest, about: target, evidence: base.get)
        do {
            let result = try CombinedPostTest(
                pretest: pretest.probability, pretestTarget: pretest.targetIsAssumed ? nil : pretest.target,
                pretestUncertainty: combination.pretestUncertainty(), findings: signs,
                dependence: combination.dependenceModel(), level: level, monteCarlo: combination.monteCarloSettings(),
                thresholds: combination.thresholds())
            return CombinedPostTestReport(
                result: result, signNames: names, pretestDescription: pretest.description,
                evidence: [pretest.preset].compactMap { $0 } + records, pretestTargetAssumed: pretest.targetIsAssumed)
        } catch let error as StatisticsError {
            throw InputError(error)
        }
    }
}
