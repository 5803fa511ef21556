import Testing

@testable import DxStats

/// Issue 13, numbers: decimal only (no hex, nan or inf), odds computed
/// without overflow, no negative zero, usable ranges for levels and Beta
/// parameters, Koopman intervals on every valid table, bounded Monte Carlo work.
@Suite("Numbers under hostile input")
struct NumberHardeningTests {
    /// 1e-320, a subnormal number (written as text: as a literal the compiler warns that it underflows).
    static let subnormal = Double("1e-320")!

    @Test(
        "Decimal numbers only",
        arguments: [
            ("0.3", 0.3), ("30", 30), (".5", 0.5), ("5.", 5), ("-2", -2), ("+2", 2), ("1e-3", 0.001), ("2E2", 200), (" 0.1 ", 0.1),
            ("-0", 0), ("-0.0", 0),
        ])
    func decimal(_ text: String, _ value: Double) throws {
        let parsed = try #require(DecimalNumber.parse(text))
        #expect(parsed == value)
        #expect(parsed.sign == .plus || value < 0, "negative zero from \(text)")
    }

    @Test(
        "Hex floats, nan, inf and other non-decimal text are refused",
        arguments: ["0x0.8p0", "0x1p-1", "nan", "NaN", "inf", "-inf", "infinity", "1e", "e5", ".", "-", "1..2", "1e400", "0.5.", "1,5", "", "٣"])
    func notDecimal(_ text: String) {
        #expect(DecimalNumber.parse(text) == nil)
    }

    @Test("Odds a:b give a/(a+b) without overflow or underflow")
    func odds() throws {
        #expect(try PretestProbability.parse("1e308:1e308") == 0.5)
        #expect(try PretestProbability.parse("1e-320:1e-320") == 0.5)
        #expect(try PretestProbability.parse("1:3") == 0.25)
        #expect(try PretestProbability.parse("1e308:1") == 1)
        #expect(try PretestProbability.parse("1:1e308") == 1e-308)
        #expect(abs(try PretestProbability.parse("3e307:1e308") - 3.0 / 13) < 1e-16)
        #expect(try PretestProbability.parse("0:1") == 0)
        #expect(try PretestProbability.parse("1:0") == 1)
        for text in ["0:0", "0x1:1", "nan:1", "1:inf", "-1:2", "1:", ":1", "0x0.8p0", "50x%", "inf%"] {
            #expect(throws: StatisticsError.self, "\(text)") { try PretestProbability.parse(text) }
        }
    }

    @Test("A typed -0 is zero, never negative zero")
    func negativeZero() throws {
        for text in ["-0", "-0%", "-0.0", "0:5"] {
            let value = try PretestProbability.parse(text)
            #expect(value == 0 && value.sign == .plus, "\(text)")
        }
    }

    @Test("Levels outside 0.001 to 0.999999 are refused with the range; hex is refused")
    func levels() throws {
        for text in ["1e-320", "0.0001", "0.9999999", "0", "1", "0x0.fp0", "nan"] {
            #expect(throws: StatisticsError.self, "\(text)") { try ConfidenceLevel(parsing: text) }
        }
        #expect(throws: StatisticsError.levelOutOfRange(Self.subnormal)) { try ConfidenceLevel(Self.subnormal) }
        #expect(StatisticsError.levelOutOfRange(Self.subnormal).description.contains("between 0.001 and 0.999999"))
        #expect(try ConfidenceLevel(parsing: "0.001").percentText == "0.1%")
        #expect(try ConfidenceLevel(parsing: "99.9999%").percentText == "99.9999%")
    }

    static let sign = try! SignAccuracy(
        name: "sign", table: try! TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))

    @Test("Beta parameters outside 0.001 to 1e9 are refused naming the range", arguments: [Double("1e-320")!, Double("1e-310")!, 1e-4, 2e9, 1e308])
    func betaRefused(_ shape: Double) {
        #expect {
            try CombinedPostTest(
                pretest: 0.5, pretestUncertainty: .beta(alpha: shape, beta: shape), findings: [.init(Self.sign, .positive)])
        } throws: { error in
            (error as? StatisticsError)?.description.contains("between 0.001 and 1e9") == true
        }
    }

    @Test("Beta parameters at the ends of the range give finite answers centred where they should be", arguments: [0.001, 1, 1e9])
    func betaAccepted(_ shape: Double) throws {
        let result = try CombinedPostTest(
            pretest: 0.5, pretestUncertainty: .beta(alpha: shape, beta: shape), findings: [.init(Self.sign, .positive)],
            monteCarlo: try MonteCarloSettings(draws: 2000))
        for value in [result.monteCarlo.lower, result.monteCarlo.upper, result.monteCarlo.estimate] {
            let number = try #require(value.finiteValue)
            #expect(number.isFinite && number >= 0 && number <= 1)
        }
        if shape == 1e9 {
            // Beta(1e9, 1e9) is 0.5 to within 1e-4: the post-test probability is the closed form's at 0.5.
            #expect(abs(result.monteCarlo.estimate.finiteValue! - result.posttest.estimate.finiteValue!) < 1e-3)
        }
    }

    static let smallTables: [TwoByTwoTable] = {
        var tables: [TwoByTwoTable] = []
        for tp in 0...6 {
            for fp in 0...6 {
                for fn in 0...6 {
                    for tn in 0...6 {
                        if let table = try? TwoByTwoTable(truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn) {
                            tables.append(table)
                        }
                    }
                }
            }
        }
        return tables
    }()

    @Test("Koopman intervals exist for every table with cells 0 to 6, both likelihood ratios, three levels", arguments: [0.9, 0.95, 0.99])
    func koopmanEveryTable(_ levelValue: Double) throws {
        let level = try ConfidenceLevel(levelValue)
        var failures: [String] = []
        for table in Self.smallTables {
            for positive in [true, false] {
                do {
                    let ratio =
                        positive
                        ? try LikelihoodRatio.positive(of: table, method: .koopman, level: level)
                        : try LikelihoodRatio.negative(of: table, method: .koopman, level: level)
                    if let lower = ratio.lower.finiteValue, let upper = ratio.upper.finiteValue, lower > upper { failures.append("\(table) order") }
                } catch {
                    failures.append("\(table) \(positive ? "LR+" : "LR−"): \(error)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test(
        "Koopman intervals on the issue's table and on extreme counts",
        arguments: [
            (100, 1, 1, 0), (1_000_000_000, 1, 1, 0), (1, 1_000_000_000, 0, 1), (1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000),
            (1, 1_000_000_000, 1_000_000_000, 1), (1_000_000_000, 0, 0, 1_000_000_000), (0, 1, 1_000_000_000, 0),
        ])
    func koopmanExtreme(_ tp: Int, _ fp: Int, _ fn: Int, _ tn: Int) throws {
        let table = try TwoByTwoTable(truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn)
        for method in [RatioIntervalMethod.koopman, .log] {
            _ = try LikelihoodRatio.positive(of: table, method: method)
            _ = try LikelihoodRatio.negative(of: table, method: method)
        }
    }

    @Test("Monte Carlo work per command is bounded")
    func budget() throws {
        try MonteCarloSettings.standard.checkBudget(runs: 19 * 4, what: "table")
        #expect(throws: StatisticsError.self) { try MonteCarloSettings(draws: 20_000_000).checkBudget(runs: 40_004, what: "table") }
        #expect(throws: StatisticsError.self) { try MonteCarloSettings.standard.checkBudget(runs: 50_001, what: "table") }
    }

    @Test("Counts: whole decimal numbers from 0 to 10⁹, the error naming the text")
    func counts() throws {
        #expect(try TwoByTwoTable.count(parsing: " 42 ", name: "tp") == 42)
        #expect(try TwoByTwoTable.count(parsing: "+7", name: "tp") == 7)
        #expect(try TwoByTwoTable.count(parsing: "1000000000", name: "tp") == 1_000_000_000)
        for (text, words) in [("-1", "whole number"), ("1.5", "whole number"), ("0x10", "whole number"), ("1e3", "whole number"), ("1000000001", "10⁹")] {
            #expect {
                try TwoByTwoTable.count(parsing: text, name: "tp")
            } throws: { error in
                "\(error)".contains("tp (\(text))") && "\(error)".contains(words)
            }
        }
    }

    @Test("A level read back unchecked is written without a trap: not finite gives ?%, huge values stay numbers")
    func levelTextOfAnyNumber() {
        // Expected strings by hand: 0.95 × 100 = 95; 0.999 × 100 = 99.9.
        #expect(ConfidenceLevel.percentText(0.95) == "95%")
        #expect(ConfidenceLevel.percentText(0.999) == "99.9%")
        #expect(ConfidenceLevel.percentText(.nan) == "?%")
        #expect(ConfidenceLevel.percentText(.infinity) == "?%")
        #expect(ConfidenceLevel.percentText(1e300) == "1e+302%")
        #expect(ConfidenceLevel.percentText(-5) == "-500%")
    }
}
