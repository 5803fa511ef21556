import ArgumentParser
import DxEvidence
import DxReport
import DxStats
import Foundation

/// `dxkit table`: post-test probabilities over a grid of pretest
/// probabilities, for one sign, for several signs and every result
/// pattern, for a 2×2 table, or for a list of likelihood ratios. Every
/// number equals what `dxkit posttest` prints for the same input. Rows are
/// written as they are computed.
struct TableCommand: RenderingCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "A table of post-test probabilities over a grid of pretest probabilities.",
        discussion: """
            Rows are pretest probabilities; columns are the results of one sign, the result patterns
            of several signs (++, +−, −+, −−), the two results of a 2×2 table, or likelihood ratios.
            Each cell is the post-test probability with its interval, exactly as dxkit posttest
            prints it for the same input.
            --show adds to each cell: range (the post-test range the unknown dependence between
            several signs allows), monte-carlo, gate (both run the simulation in every cell, as
            dxkit posttest does, so they take about a millisecond per cell), frequencies
            (natural frequencies out of --per patients), or all.
            Examples:
              dxkit table --sign closed-fist-percussion --pretest 0.05:0.95:0.05 --format markdown
              dxkit table --sign closed-fist-percussion --sign supine-sign --pretest 0.1,0.3,suspected-acute-vcf
              dxkit table --lr 0.1,0.2,0.5,2,5,10 --pretest 0.1,0.3,0.5 --show frequencies
              dxkit table --tp 42 --fp 3 --fn 6 --tn 27 --pretest 10%:90%:10% --format html > table.html
            """
    )

    @Option(
        parsing: .unconditional,
        help: "Pretest probabilities: FROM:TO:STEP (0.05:0.95:0.05 or 5%:95%:5%) or a list (0.1,30%,1:3,PRESET-ID).")
    var pretest: String = "0.05:0.95:0.05"

    @Option(
        name: .customLong("sign"), parsing: .unconditionalSingleValue,
        help: "A sign, repeatable: ID (every result) or ID=positive|negative; ID as for dxkit posttest --sign.")
    var signs: [String] = []

    @Option(name: .customLong("lr"), parsing: .unconditionalSingleValue, help: "Likelihood ratios, one column each: 0.1,0.5,2,10 (repeatable).")
    var likelihoodRatios: [String] = []

    @Option(name: .customLong("lr-lower"), parsing: .unconditionalSingleValue, help: "Lower limits of the --lr values, in the same order.")
    var likelihoodRatioLowers: [String] = []

    @Option(name: .customLong("lr-upper"), parsing: .unconditionalSingleValue, help: "Upper limits of the --lr values, in the same order.")
    var likelihoodRatioUppers: [String] = []

    @OptionGroup(title: "A 2×2 table instead of a sign") var counts: TableOptions

    @Option(help: "With a 2×2 table: only this result (default: both).")
    var result: TestResult?

    @Option(parsing: .unconditional, help: "What each cell shows besides the interval: range, monte-carlo, gate, frequencies, all (comma-separated).")
    var show: String?

    @Option(parsing: .unconditional, help: "Natural frequencies out of this many patients (default 1000).")
    var per: String = "1000"

    @OptionGroup(title: "Combining signs") var combination: CombinationOptions

    @OptionGroup var evidence: EvidenceOptions

    @Option(help: "Output format: text, markdown, csv, json, html or latex.")
    var format: DocumentFormat = .text

    @Option(help: "Confidence level in (0, 1), e.g. 0.95 or 95%.")
    var level: String = "0.95"

    @Flag(name: .customLong("csv-raw"), help: CommonOptions.csvRawHelp)
    var csvRaw = false

    mutating func renderOutput() throws -> String {
        try makeTable().rendered(format)
    }

    var isForPeople: Bool { format == .text || format == .markdown }

    var formulaSafety: CSV.FormulaSafety { csvRaw ? .raw : .neutralised }

    mutating func run() throws {
        let table = try makeTable()
        let forPeople = isForPeople
        // Rows stream out as they are computed; a closed pipe or a full disk stops the work at the next row.
        try CSV.$formulaSafety.withValue(formulaSafety) {
            try table.write(format) { piece in try Console.writePiece(piece, forPeople: forPeople) }
        }
    }

    /// Checks the input and builds the table; nothing is computed per row yet.
    func makeTable() throws -> ProbabilityTable {
        let confidence = try CommonOptions.confidenceLevel(level)
        let sources = [!signs.isEmpty, !likelihoodRatios.isEmpty, counts.anyGiven].filter { $0 }.count
        guard sources == 1 else {
            throw InputError(
                sources == 0
                    ? "give --sign, --lr or a 2×2 table (--tp --fp --fn --tn) for the columns"
                    : "give one of --sign, --lr or a 2×2 table (--tp --fp --fn --tn), not several")
        }
        guard combination.pretestBeta == nil, combination.pretestRange == nil else {
            throw InputError("--pretest-beta and --pretest-range do not apply to a table: its rows are the pretest probabilities")
        }
        guard let population = Int(per), (1...1_000_000).contains(population) else {
            throw InputError("--per (\(per)) must be a whole number from 1 to 1000000")
        }
        let evidenceOptions = evidence
        let base = EvidenceLoader { try evidenceOptions.base() }
        let signTarget = signs.isEmpty ? nil : try SignSelection.resolve(signs, base: base.get).target()
        let rows = try PretestList.rows(pretest, about: signTarget, evidence: base.get)

        var columns: [ProbabilityTableColumn] = []
        var title: String
        var legend: [ProbabilityTable.Sign] = []
        var records: [EvidenceRecord] = []
        let requested = try contents(several: signs.count > 1)
        do {
            if !signs.isEmpty {
                let selection = try SignSelection.resolve(signs, base: base.get)
                let settings = SignCombinationSettings(
                    dependence: try combination.dependenceModel(),
                    monteCarlo: try combination.monteCarloSettings(), thresholds: try combination.thresholds())
                for pattern in selection.patterns {
                    columns.append(
                        try ProbabilityTableColumn(
                            label: selection.shortLabel(pattern), findings: selection.findings(pattern),
                            settings: settings, level: confidence))
                }
                title = "Post-test probability: " + selection.names.joined(separator: " and ")
                legend = selection.legend
                records = selection.records
            } else if !likelihoodRatios.isEmpty {
                guard !requested.needsMonteCarlo else { throw InputError("--show monte-carlo and gate need --sign") }
                columns = try GivenLikelihoodRatios.parse(likelihoodRatios, lowers: likelihoodRatioLowers, uppers: likelihoodRatioUppers, level: confidence)
                    .map { ProbabilityTableColumn(label: GivenLikelihoodRatios.label($0), likelihoodRatio: $0) }
                title = "Post-test probability by likelihood ratio"
            } else {
                guard !requested.needsMonteCarlo else { throw InputError("--show monte-carlo and gate need --sign") }
                let table = try counts.table()
                for outcome in result.map({ [$0] }) ?? [.positive, .negative] {
                    columns.append(
                        try ProbabilityTableColumn(
                            label: outcome == .positive ? "Positive" : "Negative", table: table, result: outcome,
                            level: confidence))
                }
                title =
                    "Post-test probability: test with TP \(table.truePositives), FP \(table.falsePositives), FN \(table.falseNegatives), TN \(table.trueNegatives)"
            }
        } catch let error as StatisticsError {
            throw InputError(error)
        }
        if requested.needsMonteCarlo {
            // Every cell runs its own simulation: bound the total work before any of it starts.
            let settings = try combination.monteCarloSettings()
            do { try settings.checkBudget(runs: rows.count * columns.count, what: "--show \(show ?? "")") } catch { throw InputError(error) }
        }
        let presets = try Set(rows.compactMap(\.label)).sorted().map { id in try base.get().record(id) }
        return ProbabilityTable(
            title: title, rows: rows, columns: columns, contents: requested, level: confidence, population: population,
            signs: legend, evidence: records + presets)
    }

    /// `--show`, or the default: the dependence range and the gate for several signs.
    private func contents(several: Bool) throws -> ProbabilityTable.Contents {
        guard let show else { return several ? [.dependenceRange, .gate] : [] }
        var contents: ProbabilityTable.Contents = []
        for part in show.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "all" {
                contents = [.dependenceRange, .monteCarlo, .gate, .naturalFrequencies]
            } else if let entry = ProbabilityTable.Contents.names.first(where: { $0.0 == name }) {
                contents.insert(entry.1)
            } else {
                throw InputError("--show (\(show)): '\(name)' is not one of interval, range, monte-carlo, gate, frequencies, all")
            }
        }
        return contents
    }
}

extension DocumentFormat: ExpressibleByArgument {}
