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
            Rows are pretest probabilities; columns are the results of one sign, the result patterns of several \
            signs (++, +−, −+, −−), the two results of a 2×2 table, or likelihood ratios. Each cell is the \
            post-test probability with its interval, exactly as dxkit posttest prints it for the same input.

            By default a cell shows the interval, and for several signs also the range their unknown dependence \
            allows (range) and the gate's classification (gate). --show adds to that: range, monte-carlo, gate \
            (both run the simulation in every cell, as dxkit posttest does, about a millisecond per cell), \
            frequencies (natural frequencies out of --per patients), or all. --hide takes away from it, e.g. \
            --hide gate for a quick table of several signs.

            Text wraps to the terminal's width (100 columns when the output is not a terminal, or --width). \
            CSV has one line per cell and the same columns whatever is shown; the column ids are ASCII \
            (positive, pos_neg, lr_2).

            Examples:
              dxkit table --sign closed-fist-percussion --pretest 0.05:0.95:0.05 --format markdown
              dxkit table --sign closed-fist-percussion --sign supine-sign --pretest 0.1,0.3
              dxkit table --lr 0.1,0.2,0.5,2,5,10 --pretest 0.1,0.3,0.5 --show frequencies
              dxkit table --tp 42 --fp 3 --fn 6 --tn 27 --format html > table.html
            """
    )

    @Option(
        parsing: .unconditional,
        help: "Pretest probabilities: FROM:TO:STEP (0.05:0.95:0.05 or 5%:95%:5%) or a list (0.1,30%,1:3,PRESET-ID).",
        completion: .custom(CompletionCandidates.presets))
    var pretest: String = "0.05:0.95:0.05"

    @Option(
        name: .customLong("sign"), parsing: .unconditionalSingleValue,
        help: "A sign, repeatable: ID (every result) or ID=positive|negative; ID as for dxkit posttest --sign.",
        completion: .custom(CompletionCandidates.signs))
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

    @Option(parsing: .unconditional, help: "Add to what each cell shows: range, monte-carlo, gate, frequencies or all (comma-separated).")
    var show: String?

    @Option(parsing: .unconditional, help: "Take away from what each cell shows by default: range, gate (comma-separated).")
    var hide: String?

    @Option(parsing: .unconditional, help: "Natural frequencies out of this many patients.")
    var per: String = "1000"

    @OptionGroup(title: "Several signs") var dependence: DependenceOptions

    @OptionGroup(title: "Several signs") var gate: GateOptions

    @OptionGroup(title: "Several signs") var monteCarlo: MonteCarloOptions

    @OptionGroup var evidence: EvidenceOptions

    @Option(help: "Output format (latex needs \\usepackage{tabularx}).")
    var format: DocumentFormat = .text

    @Option(parsing: .unconditional, help: "Text: wrap to this many columns (default: the terminal's width, or 100).")
    var width: String?

    @Option(help: "Confidence level in (0, 1), e.g. 0.95 or 95%.")
    var level: String = "0.95"

    @OptionGroup var pretestUncertainty: InapplicablePretestUncertaintyOptions

    @Flag(name: .customLong("csv-raw"), help: CommonOptions.csvRawHelp)
    var csvRaw = false

    mutating func renderOutput() throws -> String {
        try makeTable().rendered(format, lineWidth: try lineWidth())
    }

    var isForPeople: Bool { format == .text || format == .markdown }

    var formulaSafety: CSV.FormulaSafety { csvRaw ? .raw : .neutralised }

    mutating func run() throws {
        let table = try makeTable()
        let forPeople = isForPeople
        let width = try lineWidth()
        // Rows stream out as they are computed; a closed pipe or a full disk stops the work at the next row.
        try CSV.$formulaSafety.withValue(formulaSafety) {
            try table.write(format, lineWidth: width) { piece in try Console.writePiece(piece, forPeople: forPeople) }
        }
    }

    /// `--width`, or the terminal's width when standard output is one, or 100.
    func lineWidth() throws -> Int {
        guard let width else { return TerminalSize.columns(of: STDOUT_FILENO) ?? 100 }
        guard let columns = Int(width), (40...1000).contains(columns) else { throw InputError("--width (\(width)) must be a whole number from 40 to 1000") }
        return columns
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
        try pretestUncertainty.refuse("a table's rows are the pretest probabilities")
        guard let population = Int(per), (1...1_000_000).contains(population) else {
            throw InputError("--per (\(per)) must be a whole number from 1 to 1000000")
        }
        let evidenceOptions = evidence
        let base = EvidenceLoader { try evidenceOptions.base() }
        let selection = signs.isEmpty ? nil : try SignSelection.resolve(signs, base: base.get)
        let rows = try ProbabilityTable.Row.rows(pretest, about: try selection?.commonTarget(), evidence: base.get)

        let requested = try contents(several: signs.count > 1)
        let presets = try Set(rows.compactMap(\.label)).sorted().map { id in try base.get().record(id) }
        do {
            if let selection {
                let settings = SignCombinationSettings(
                    dependence: try dependence.dependenceModel(),
                    monteCarlo: try monteCarlo.monteCarloSettings(), thresholds: try gate.thresholds())
                return try ProbabilityTable(
                    selection: selection, rows: rows, settings: settings, contents: requested,
                    level: confidence, population: population, presets: presets)
            }
            guard !requested.needsMonteCarlo else { throw InputError("--show monte-carlo and gate need --sign") }
            if !likelihoodRatios.isEmpty {
                let ratios = try GivenLikelihoodRatios.parse(likelihoodRatios, lowers: likelihoodRatioLowers, uppers: likelihoodRatioUppers, level: confidence)
                return try ProbabilityTable(
                    likelihoodRatios: ratios, rows: rows, contents: requested, level: confidence, population: population, presets: presets)
            }
            return try ProbabilityTable(
                counts: try counts.table(), results: result.map { [$0] } ?? [.positive, .negative], rows: rows, contents: requested,
                level: confidence, population: population, presets: presets)
        } catch let error as StatisticsError {
            throw InputError(error)
        }
    }

    /// The default (the dependence range and the gate for several signs),
    /// with what `--show` adds and without what `--hide` takes away.
    private func contents(several: Bool) throws -> ProbabilityTable.Contents {
        var contents = ProbabilityTable.standardContents(signCount: several ? 2 : 1)
        contents.formUnion(try Self.contents(show, flag: "--show"))
        contents.subtract(try Self.contents(hide, flag: "--hide"))
        return contents
    }

    /// The contents a comma-separated list names.
    private static func contents(_ text: String?, flag: String) throws -> ProbabilityTable.Contents {
        guard let text else { return [] }
        var contents: ProbabilityTable.Contents = []
        for part in text.split(separator: ",") {
            let name = part.trimmingWhitespace().lowercased()
            if name == "all" {
                contents = [.dependenceRange, .monteCarlo, .gate, .naturalFrequencies]
            } else if let entry = ProbabilityTable.Contents.names.first(where: { $0.0 == name }) {
                contents.insert(entry.1)
            } else {
                throw InputError("\(flag) (\(text)): '\(name)' is not one of range, monte-carlo, gate, frequencies, all")
            }
        }
        return contents
    }
}
