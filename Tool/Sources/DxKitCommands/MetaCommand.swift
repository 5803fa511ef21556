import ArgumentParser
import DxBatch
import DxIO
import DxMeta
import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dxkit meta`: a diagnostic-accuracy meta-analysis of several studies
/// (bivariate REML or bivariate binomial GLMM), as a report, JSON, per-study
/// CSV, or a forest or SROC plot.
struct MetaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meta",
        abstract: "Meta-analysis of diagnostic accuracy: bivariate REML (Reitsma) or binomial GLMM, forest and SROC plots.",
        discussion: """
            Input: a CSV with columns study,tp,fp,fn,tn (any order; other columns are carried through; \
            bad rows are reported with their line numbers and the exit status is then 65), or evidence \
            records (--study ID, repeatable, or --evidence-set ID: the diagnostic studies a record lists).

            reitsma: bivariate normal model on logit sensitivity and specificity, REML (Reitsma 2005); \
            0.5 is added to all four cells of studies with a zero cell (--correction, --correction-studies).

            glmm: bivariate binomial GLMM, maximum likelihood (Chu & Cole 2006); Laplace approximation as \
            lme4 glmer (--quadrature 1, the default) or adaptive Gauss-Hermite with N points (--quadrature N).

            A fit that does not converge is reported as such and the exit status is 1.

            Examples:
              dxkit meta --input studies.csv
              dxkit meta --input studies.csv --model glmm --quadrature 9 --format json
              dxkit meta --input studies.csv --plot sroc --output sroc.svg
              dxkit meta --evidence-set sign-pooling-caveat
            """
    )

    @Option(help: "A CSV of studies (or - for standard input): study,tp,fp,fn,tn and any other columns.")
    var input: String?

    @Option(help: "With --input: write rejected rows here (line number and reason) instead of to standard error.")
    var rejects: String?

    @Option(name: .customLong("study"), parsing: .unconditionalSingleValue, help: "A diagnostic-study evidence record id (repeatable).")
    var studies: [String] = []

    @Option(name: .customLong("evidence-set"), help: "An evidence record whose relatedRecords list the diagnostic studies to pool.")
    var evidenceSet: String?

    @Option(help: "reitsma (bivariate REML) or glmm (bivariate binomial GLMM).")
    var model: MetaAnalysisModel = .reitsma

    @Option(help: "glmm: 1 = Laplace approximation (default), N = 2…50 adaptive Gauss-Hermite points per dimension.")
    var quadrature: Int?

    @Option(help: "reitsma: the continuity correction added to all four cells (default 0.5).")
    var correction: String?

    @Option(name: .customLong("correction-studies"), help: "reitsma: zero (studies with a zero cell, default) or all.")
    var correctionStudies: ContinuityCorrection.Scope?

    @Option(help: "Draw a picture instead of the report: forest (paired forest plot) or sroc (summary ROC plot).")
    var plot: MetaPlot?

    @Option(help: "With --plot: write the SVG here instead of standard output.")
    var output: String?

    @Option(name: .customLong("max-iterations"), help: "The optimiser's iteration limit (default 20000).")
    var maximumIterations: Int = 20000

    @Flag(help: "With --input: no progress on standard error (it shows only on a terminal).")
    var quiet = false

    @OptionGroup var evidence: EvidenceOptions

    @OptionGroup var common: CommonOptions

    func validate() throws {
        let sources = [input != nil, !studies.isEmpty, evidenceSet != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError(
                sources == 0 ? "give the studies: --input FILE, --study ID (repeatable) or --evidence-set ID" : "give one of --input, --study or --evidence-set"
            )
        }
        if quadrature != nil && model != .glmm { throw ValidationError("--quadrature applies to --model glmm") }
        if (correction != nil || correctionStudies != nil) && model != .reitsma {
            throw ValidationError("--correction and --correction-studies apply to --model reitsma (the GLMM needs no correction)")
        }
        if output != nil && plot == nil { throw ValidationError("--output needs --plot forest or --plot sroc") }
        if rejects != nil && input == nil { throw ValidationError("--rejects applies to --input") }
        if common.format == .markdown { throw ValidationError("dxkit meta writes text, json or csv (not markdown)") }
    }

    func settings() throws -> MetaAnalysisSettings {
        let level = try common.confidenceLevel()
        var value = 0.5
        if let correction {
            guard let number = Double(correction.trimmingWhitespace()) else {
                throw InputError("--correction (\(correction)) is not a number: write 0.5, for example")
            }
            value = number
        }
        do {
            return try MetaAnalysisSettings(
                model: model, quadraturePoints: quadrature ?? 1,
                correction: ContinuityCorrection(value: value, studies: correctionStudies ?? .zeroCells), level: level,
                maximumIterations: maximumIterations)
        } catch {
            throw InputError(
                error.description.replacing("continuity correction (", with: "--correction (")
                    .replacing("quadrature points (", with: "--quadrature (")
                    .replacing("iteration limit (", with: "--max-iterations ("))
        }
    }

    mutating func run() throws {
        let settings = try settings()
        let source = try input.map { path throws(IOError) in try InputSource.open(path, name: "--input") }
        // A --rejects file is replaced only when the run completes; it may not be the input.
        let rejectFile = try rejects.map { path throws(IOError) in
            try OutputFile.open(path, name: "--rejects", refusing: [source?.identity].compactMap { $0 }, standardOutput: StandardStreams.output)
        }
        let rejectLog = rejectFile.map { RejectLog(sink: $0.sink) } ?? RejectLog(sink: StandardStreams.error, prefix: "dxkit: ")
        do {
            try run(settings: settings, source: source, rejectLog: rejectLog)
            try rejectFile?.commit()
        } catch {
            rejectFile?.discard()
            throw error
        }
        if rejectLog.count > 0 { throw ExitCode(ExitStatus.rejectedRows) }
    }

    private func run(settings: MetaAnalysisSettings, source: InputSource?, rejectLog: RejectLog) throws {
        let progress = ProgressReporter.standardError(noun: "rows", path: input, quiet: quiet)
        let loaded: MetaStudyInput.Studies
        if let source {
            loaded = try MetaStudyInput.read(csv: source, flag: "--input", rejects: rejectLog) { progress.update(items: $0, bytes: $1) }
            progress.finish()
        } else {
            loaded = try MetaStudyInput.evidence(studies: studies, set: evidenceSet, options: evidence)
        }
        let analysis: MetaAnalysis
        do {
            let activity = "fitting the bivariate model to \(loaded.studies.count) studies"
            analysis = try progress.during(activity) { () throws(MetaAnalysisError) in try MetaAnalysis(studies: loaded.studies, settings: settings) }
        } catch {
            if source != nil { try summarise(loaded) }
            throw InputError(error.description)
        }
        let document: String
        switch plot {
        case .forest: document = MetaForestPlot(analysis: analysis).svg()
        case .sroc: document = SROCPlot(analysis: analysis).svg()
        case nil: document = MetaAnalysisReport(analysis: analysis, evidenceSet: loaded.evidenceSet).render(common.format) + "\n"
        }
        if plot == nil, common.format == .text || common.format == .markdown {
            try Console.writePiece(document, forPeople: true)
        } else {
            try PictureOutput.write(document, to: plot == nil ? nil : output, inputs: [source?.identity].compactMap { $0 })
        }
        if source != nil { try summarise(loaded) }
        if !analysis.converged {
            try Console.report(
                "dxkit: error: the fit did not converge (\(analysis.convergence.status) after \(analysis.convergence.iterations) iterations); the estimates shown must not be used"
            )
            throw ExitCode(1)
        }
    }

    private func summarise(_ loaded: MetaStudyInput.Studies) throws {
        try Console.report("dxkit: \(loaded.read) rows read, \(loaded.studies.count) studies used, \(loaded.rejected) rejected")
    }
}

/// The pictures `dxkit meta --plot` draws.
enum MetaPlot: String, CaseNamedArgument {
    case forest
    case sroc
}
