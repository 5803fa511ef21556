import ArgumentParser
import DxBatch
import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dxkit accuracy`: every accuracy measure of a 2×2 table.
struct AccuracyCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Sensitivity, specificity, predictive values, likelihood ratios, DOR and Youden's J of a 2×2 table.",
        discussion: """
            Cells are given in epiR's order: --tp (test +, condition +), --fp (test +, condition −), --fn (test −, \
            condition +), --tn (test −, condition −). With --input, every row of a CSV file is one table; on a \
            terminal, standard error shows the progress (rows done, rate, time left) unless --quiet.

            Examples:
              dxkit accuracy --tp 42 --fp 3 --fn 6 --tn 27 --format json
              dxkit accuracy --input tables.csv --ci clopper-pearson > measures.csv
            """
    )

    @OptionGroup var table: TableOptions

    @Option(help: "Interval for proportions.")
    var ci: ProportionIntervalMethod = .wilson

    @Option(name: .customLong("lr-ci"), help: "Interval for likelihood ratios.")
    var likelihoodRatioInterval: RatioIntervalMethod = .log

    @Option(name: .customLong("zero-cell"), help: "With --lr-ci log and a zero cell: Koopman's interval, or add 0.5 to every cell.")
    var zeroCellFallback: ZeroCellFallback = .koopman

    @Option(parsing: .unconditional, help: "Also give PPV and NPV at this prevalence (0.1, 10% or 1:9).")
    var prevalence: String?

    @OptionGroup var batch: BatchOptions

    @OptionGroup var common: CommonOptions

    var isForPeople: Bool { common.isForPeople }

    var formulaSafety: CSV.FormulaSafety { common.formulaSafety }

    mutating func run() throws {
        guard batch.input != nil else {
            return try writeOutput()
        }
        guard !table.anyGiven else { throw InputError("give either --input or the four counts, not both") }
        // Batch output is CSV, or JSON lines with --format json.
        let settings = AccuracyBatch.Settings(
            level: try common.confidenceLevel(), proportionMethod: ci, likelihoodRatioMethod: likelihoodRatioInterval,
            zeroCellFallback: zeroCellFallback, format: common.format == .json ? .jsonLines : .csv, formulaSafety: common.formulaSafety,
            threads: batch.threadCount)
        try batch.run { input, output, rejects, progress throws(BatchError) in
            try AccuracyBatch.run(input: input, settings: settings, output: output, rejects: rejects, progress: progress)
        }
    }

    mutating func renderOutput() throws -> String {
        let level = try common.confidenceLevel()
        let counts = try table.table()
        let accuracy = try DiagnosticAccuracy(
            table: counts, level: level, proportionMethod: ci,
            likelihoodRatioMethod: likelihoodRatioInterval, zeroCellFallback: zeroCellFallback)
        var atPrevalence: (prevalence: Double, positive: IntervalEstimate, negative: IntervalEstimate)?
        if let prevalence {
            let value: Double
            do { value = try PretestProbability.parse(prevalence, name: "--prevalence") } catch {
                throw InputError("--prevalence (\(prevalence)) must be a probability: 0.1, 10% or odds 1:9")
            }
            let values = try PostTestProbability.predictiveValues(
                of: counts, prevalence: value, method: .init(matching: likelihoodRatioInterval), level: level)
            atPrevalence = (value, values.positive, values.negative)
        }
        return AccuracyReport(accuracy: accuracy, predictiveValuesAtPrevalence: atPrevalence).render(common.format)
    }
}
