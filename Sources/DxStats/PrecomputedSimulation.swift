/// A Monte Carlo simulation run ahead of time (when a library is built) and
/// remembered, so that a query with the same inputs skips the draws.
///
/// A ``MonteCarloPostTest`` summary is a deterministic function of its
/// inputs other than the point pretest: each sign's counts (or fixed
/// sensitivity and specificity) and result, the dependence, the pretest's
/// uncertainty, the draws, the seed and the level (fixed seed, fixed
/// sub-streams; see ``MonteCarloSettings``). A precomputed simulation is that
/// summary with its inputs, encoded as words; once ``register(_:)``ed, a
/// ``CombinedPostTest`` with exactly those inputs uses it instead of
/// drawing, and its answer is bit for bit the one the draws would give
/// (DxEvidence tests every built-in one against a fresh simulation).
///
/// DxEvidence precomputes every combination of its built-in signs this way
/// (the EmbedEvidence build plugin), so the bedside query on the built-in
/// evidence with the standard settings does no Monte Carlo at run time.
///
/// ```swift
/// let percussion = try SignAccuracy(name: "closed-fist-percussion", table: try TwoByTwoTable(
///     truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
/// let simulation = try PrecomputedSimulation(
///     findings: [.init(percussion, .positive)], dependence: .unknown, level: .ninetyFivePercent, settings: .standard)
/// let words = simulation.encoded ?? []               // its words: store them (for example in generated source)
/// try PrecomputedSimulation(encoded: words) == simulation   // true
/// // From now on, queries with these inputs skip the draws:
/// PrecomputedSimulation.register([simulation])
/// ```
public struct PrecomputedSimulation: Sendable, Hashable {
    let key: MonteCarloSummary.Key
    let summary: MonteCarloSummary

    /// Runs the simulation that a ``CombinedPostTest`` with these inputs runs
    /// (any point pretest), and keeps its summary.
    /// - Parameters:
    ///   - findings: the signs and their results.
    ///   - pretestUncertainty: how uncertain the pretest is.
    ///   - dependence: the dependence between the signs.
    ///   - level: the level of the interval.
    ///   - settings: draws and seed.
    public init(
        findings: [CombinedPostTest.Finding], pretestUncertainty: PretestUncertainty = .exact, dependence: SignDependence,
        level: ConfidenceLevel, settings: MonteCarloSettings
    ) throws(StatisticsError) {
        guard !findings.isEmpty else { throw .invalidSetting("no sign was given") }
        let uncertainty = try pretestUncertainty.validated()
        key = MonteCarloSummary.Key(findings: findings, dependence: dependence, uncertainty: uncertainty, settings: settings, level: level)
        // The point pretest does not enter the summary (see MonteCarloSummary).
        summary = MonteCarloSummary(
            drawing: findings, pretest: 0.5, uncertainty: uncertainty, dependence: dependence, settings: settings, level: level)
    }

    /// Makes every later simulation with the same inputs, in this process,
    /// use these summaries instead of drawing. Registered summaries are
    /// never forgotten, and nothing checks them against the draws: register
    /// only words that this version of DxKit made (the built-in ones are
    /// made again at every build, so they follow any change to the sampler).
    public static func register(_ simulations: [PrecomputedSimulation]) {
        MonteCarloSummaryCache.shared.register(simulations.map { ($0.key, $0.summary) })
    }

    /// Whether a simulation with these inputs was registered (it will not be drawn).
    public static func isRegistered(
        findings: [CombinedPostTest.Finding], pretestUncertainty: PretestUncertainty = .exact, dependence: SignDependence,
        level: ConfidenceLevel, settings: MonteCarloSettings
    ) -> Bool {
        MonteCarloSummaryCache.shared.isRegistered(
            MonteCarloSummary.Key(findings: findings, dependence: dependence, uncertainty: pretestUncertainty, settings: settings, level: level))
    }
}

// MARK: - Encoding

extension PrecomputedSimulation {
    /// The encoding's version (the first word).
    static let encodingVersion: UInt64 = 1

    /// The inputs and the summary as 64-bit words (numbers as their IEEE
    /// bit patterns), for generated source code. Only the dependences
    /// `.unknown` and `.independent` and an exactly known pretest are
    /// encodable (what the built-in evidence precomputes); otherwise nil.
    ///
    /// Layout: version, sign count, per sign (result, kind, four numbers),
    /// dependence, draws, seed, level, skipped, clamped, values-are-ratios,
    /// then the model's and the gate's tails (a presence word, then low,
    /// high and fraction of the lower and of the upper order statistics).
    public var encoded: [UInt64]? {
        guard key.uncertainty == .exact, let dependence = Self.dependenceCodes.firstIndex(of: key.dependence) else { return nil }
        var words: [UInt64] = [Self.encodingVersion, UInt64(key.signs.count)]
        for sign in key.signs {
            words.append(sign.result == .positive ? 1 : 0)
            if sign.counts.count == 4 {
                words.append(0)
                words += sign.counts.map { UInt64($0) }
            } else {
                words.append(1)
                words += sign.fixed + [0, 0]
            }
        }
        words += [UInt64(dependence), UInt64(key.settings.draws), key.settings.seed, key.level.value.bitPattern]
        words += [UInt64(summary.skipped), UInt64(summary.clamped), summary.valuesAreRatios ? 1 : 0]
        for tails in [summary.model, summary.gate] {
            guard let tails else {
                words.append(0)
                continue
            }
            words.append(1)
            for statistics in [tails.lower, tails.upper] {
                words += [statistics.low.bitPattern, statistics.high.bitPattern, statistics.fraction.bitPattern]
            }
        }
        return words
    }

    /// Reads ``encoded`` words back; throws `.invalidSetting` naming the
    /// first word that does not fit the layout.
    public init(encoded words: [UInt64]) throws(StatisticsError) {
        var reader = WordReader(words: words)
        guard try reader.next("version") == Self.encodingVersion else { throw reader.problem("version") }
        let signCount = try reader.integer("sign count", in: 1...16)
        var signs: [MonteCarloSummary.Key.Sign] = []
        for _ in 0..<signCount {
            let result: TestResult = try reader.integer("result", in: 0...1) == 1 ? .positive : .negative
            let isFixed = try reader.integer("sign kind", in: 0...1) == 1
            let numbers = try (0..<4).map { _ throws(StatisticsError) in try reader.next("sign number") }
            if isFixed {
                signs.append(.init(result: result, counts: [], fixed: Array(numbers[0..<2])))
            } else {
                guard numbers.allSatisfy({ $0 <= UInt64(Int.max) }) else { throw reader.problem("count") }
                signs.append(.init(result: result, counts: numbers.map { Int($0) }, fixed: []))
            }
        }
        let dependence = Self.dependenceCodes[try reader.integer("dependence", in: 0...(Self.dependenceCodes.count - 1))]
        let settings = try MonteCarloSettings(draws: try reader.integer("draws", in: 1_000...20_000_000), seed: try reader.next("seed"))
        guard let level = try? ConfidenceLevel(Double(bitPattern: try reader.next("level"))) else { throw reader.problem("level") }
        let skipped = try reader.integer("skipped", in: 0...settings.draws)
        let clamped = try reader.integer("clamped", in: 0...settings.draws)
        let valuesAreRatios = try reader.integer("values-are-ratios", in: 1...1) == 1
        var tails: [MonteCarloSummary.Tails?] = []
        for _ in 0..<2 {
            guard try reader.integer("tails present", in: 0...1) == 1 else {
                tails.append(nil)
                continue
            }
            let numbers = try (0..<6).map { _ throws(StatisticsError) in Double(bitPattern: try reader.next("order statistic")) }
            guard numbers.allSatisfy({ !$0.isNaN }) else { throw reader.problem("order statistic") }
            tails.append(
                .init(
                    lower: .init(low: numbers[0], high: numbers[1], fraction: numbers[2]),
                    upper: .init(low: numbers[3], high: numbers[4], fraction: numbers[5])))
        }
        guard reader.isAtEnd else { throw reader.problem("end") }
        key = MonteCarloSummary.Key(signs: signs, dependence: dependence, uncertainty: .exact, settings: settings, level: level)
        summary = MonteCarloSummary(
            model: tails[0], gate: tails[1], skipped: skipped, clamped: clamped, valuesAreRatios: valuesAreRatios)
    }

    /// The encodable dependences, by their code.
    private static let dependenceCodes: [SignDependence] = [.unknown, .independent]

    /// Reads words one at a time, naming what it expected when they do not fit.
    private struct WordReader {
        let words: [UInt64]
        var position = 0

        var isAtEnd: Bool { position == words.count }

        mutating func next(_ what: String) throws(StatisticsError) -> UInt64 {
            guard position < words.count else { throw problem(what) }
            position += 1
            return words[position - 1]
        }

        mutating func integer(_ what: String, in range: ClosedRange<Int>) throws(StatisticsError) -> Int {
            let word = try next(what)
            guard word <= UInt64(range.upperBound), range.contains(Int(word)) else {
                position -= 1
                throw problem(what)
            }
            return Int(word)
        }

        func problem(_ what: String) -> StatisticsError {
            .invalidSetting("precomputed simulation: word \(position) (\(what)) does not fit the encoding version \(PrecomputedSimulation.encodingVersion)")
        }
    }
}
