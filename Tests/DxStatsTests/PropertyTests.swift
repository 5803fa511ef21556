import Testing

@testable import DxStats

/// Properties that must hold for every table, checked over seeded random
/// tables (SplitMix64, fixed seeds, so failures reproduce).
@Suite("Properties over random tables")
struct PropertyTests {
    /// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fully specified generator.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func randomTables(seed: UInt64, count: Int, maximum: Int) -> [TwoByTwoTable] {
        var generator = SplitMix64(state: seed)
        var tables: [TwoByTwoTable] = []
        while tables.count < count {
            let cells = (0..<4).map { _ in Int.random(in: 0...maximum, using: &generator) }
            if let table = try? TwoByTwoTable(truePositives: cells[0], falsePositives: cells[1], falseNegatives: cells[2], trueNegatives: cells[3]) {
                tables.append(table)
            }
        }
        return tables
    }

    static let smallTables = randomTables(seed: 1, count: 300, maximum: 12)
    static let mediumTables = randomTables(seed: 2, count: 300, maximum: 200)
    static let levels = [0.5, 0.8, 0.9, 0.95, 0.99, 0.999]

    func allMeasures(_ table: TwoByTwoTable, level: Double, method: ProportionIntervalMethod, ratio: RatioIntervalMethod) throws -> [(String, IntervalEstimate)]
    {
        try DiagnosticAccuracy(table: table, level: ConfidenceLevel(level), proportionMethod: method, likelihoodRatioMethod: ratio)
            .measures.map { ($0.key, $0.value) }
    }

    @Test("lower ≤ estimate ≤ upper, and proportions within [0, 1], for every method and level")
    func ordering() throws {
        for table in Self.smallTables + Self.mediumTables.prefix(100) {
            for level in Self.levels {
                for method in ProportionIntervalMethod.allCases {
                    for ratio in RatioIntervalMethod.allCases {
                        for (key, measure) in try allMeasures(table, level: level, method: method, ratio: ratio) {
                            if measure.estimate != .undefined {
                                #expect(
                                    measure.lower <= measure.estimate && measure.estimate <= measure.upper,
                                    "\(key) \(table) \(method) \(level): \(measure.lower) ≤ \(measure.estimate) ≤ \(measure.upper)")
                            }
                            #expect(measure.lower <= measure.upper)
                            #expect(measure.lower != .undefined && measure.upper != .undefined)
                            if ["sensitivity", "specificity", "ppv", "npv", "prevalence", "accuracy"].contains(key) {
                                #expect(measure.lower >= .finite(0) && measure.upper <= .finite(1))
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("Intervals widen as the level rises", arguments: ProportionIntervalMethod.allCases)
    func widening(method: ProportionIntervalMethod) throws {
        for table in Self.smallTables + Self.mediumTables {
            var previous: [String: IntervalEstimate] = [:]
            for level in Self.levels {
                for (key, measure) in try allMeasures(table, level: level, method: method, ratio: .koopman) {
                    if let narrower = previous[key] {
                        #expect(
                            measure.lower <= narrower.lower && narrower.upper <= measure.upper,
                            "\(key) \(table) \(method) at \(level)")
                    }
                    previous[key] = measure
                }
            }
        }
    }

    @Test("Swapping the classes swaps sensitivity and specificity, PPV and NPV, LR+ and 1/LR−")
    func classSwap() throws {
        for table in Self.smallTables + Self.mediumTables {
            let original = try DiagnosticAccuracy(table: table, proportionMethod: .clopperPearson)
            let swapped = try DiagnosticAccuracy(table: table.withClassesSwapped, proportionMethod: .clopperPearson)
            #expect(original.sensitivity == sameExceptNotes(swapped.specificity, as: original.sensitivity))
            #expect(original.specificity == sameExceptNotes(swapped.sensitivity, as: original.specificity))
            #expect(original.positivePredictiveValue.estimate == swapped.negativePredictiveValue.estimate)
            #expect(
                original.diagnosticOddsRatio.estimate.finiteValue.map { Float($0) }
                    == swapped.diagnosticOddsRatio.estimate.finiteValue.map { Float($0) })
        }
    }

    private func sameExceptNotes(_ value: IntervalEstimate, as reference: IntervalEstimate) -> IntervalEstimate {
        var copy = value
        copy.notes = reference.notes
        return copy
    }

    @Test("Koopman and log LR intervals agree closely on large tables")
    func koopmanMatchesLogOnLargeTables() throws {
        let tables = Self.randomTables(seed: 3, count: 200, maximum: 5000)
            .filter { min($0.truePositives, $0.falsePositives, $0.falseNegatives, $0.trueNegatives) >= 200 }
        #expect(tables.count > 50)
        for table in tables {
            for (log, koopman) in [
                (try LikelihoodRatio.positive(of: table, method: .log), try LikelihoodRatio.positive(of: table, method: .koopman)),
                (try LikelihoodRatio.negative(of: table, method: .log), try LikelihoodRatio.negative(of: table, method: .koopman)),
            ] {
                let lowerRatio = koopman.lower.finiteValue! / log.lower.finiteValue!
                let upperRatio = koopman.upper.finiteValue! / log.upper.finiteValue!
                #expect(abs(lowerRatio - 1) < 0.02 && abs(upperRatio - 1) < 0.02, "\(table): \(log) vs \(koopman)")
            }
        }
    }

    @Test("Nothing is NaN or infinite except typed unbounded limits, on tables with zeros")
    func noNaN() throws {
        for table in Self.randomTables(seed: 4, count: 400, maximum: 3) {
            for ratio in RatioIntervalMethod.allCases {
                for fallback in ZeroCellFallback.allCases {
                    let accuracy = try DiagnosticAccuracy(table: table, likelihoodRatioMethod: ratio, zeroCellFallback: fallback)
                    for (_, _, measure) in accuracy.measures {
                        for value in [measure.estimate, measure.lower, measure.upper] {
                            if let number = value.finiteValue { #expect(number.isFinite) }
                        }
                    }
                    for result in TestResult.allCases {
                        for pretest in [0.0, 0.01, 0.615, 1.0] {
                            let post = try PostTestProbability.from(pretest: pretest, table: table, result: result)
                            #expect(post.lower != .undefined && post.upper != .undefined)
                            #expect(post.lower <= post.upper)
                            if post.estimate != .undefined {
                                #expect(post.lower <= post.estimate && post.estimate <= post.upper, "\(table) \(result) \(pretest)")
                            }
                        }
                    }
                }
            }
        }
    }
}
