import Foundation
import Testing

@testable import DxStats

/// `Probability` is checked once, at construction, by every way of making one.
/// Expected values are exact arithmetic (a:b = a / (a + b)).
@Suite("A probability is checked once, when it is made")
struct ProbabilityTests {
    @Test("Numbers, percentages and odds as clinicians write them")
    func parsing() throws {
        #expect(try Probability(parsing: "0.3").value == 0.3)
        #expect(try Probability(parsing: "30%").value == 0.3)
        #expect(try Probability(parsing: "1:3").value == 0.25)
        #expect(try Probability(parsing: "1e308:1e308").value == 0.5)
        #expect(try Probability(odds: 3, against: 1).value == 0.75)
        #expect(try Probability(-0.0).value.sign == .plus)
    }

    @Test("Outside [0, 1], not a number, or unreadable: an error naming the value")
    func refused() {
        for value in [-0.01, 1.000_001, .nan, .infinity] {
            #expect(throws: StatisticsError.self) { try Probability(value, name: "pretest probability") }
        }
        for text in ["0x0.8p0", "nan", "abc", "101%", "-1:3", "0:0", ""] {
            #expect(throws: StatisticsError.self) { try Probability(parsing: text) }
        }
        #expect(throws: StatisticsError.self) { try Probability(odds: .infinity, against: 1) }
        do {
            _ = try Probability(1.5, name: "pretest probability")
            Issue.record("1.5 was accepted")
        } catch {
            #expect(error.description.contains("pretest probability"))
            #expect(error.description.contains("1.5"))
        }
    }

    @Test("Odds and complement")
    func oddsAndComplement() throws {
        #expect(try Probability(0.2).odds == .finite(0.25))
        #expect(Probability.one.odds == .unbounded)
        #expect(try Probability(0.25).complement.value == 0.75)
    }

    @Test("JSON is a plain number; decoding checks it")
    func codable() throws {
        let encoded = try JSONEncoder().encode([try Probability(0.25)])
        #expect(String(decoding: encoded, as: UTF8.self) == "[0.25]")
        #expect(try JSONDecoder().decode([Probability].self, from: Data("[0.5]".utf8)) == [try Probability(0.5)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Probability].self, from: Data("[1.5]".utf8)) }
    }

    @Test("The post-test probability from a checked pretest equals the Double form (15/19 at 0.3 and LR 8.75)")
    func postTest() throws {
        let ratio = try LikelihoodRatio.given(8.75, level: .ninetyFivePercent)
        let checked = try PostTestProbability.from(pretest: Probability(parsing: "30%"), likelihoodRatio: ratio)
        // 0.3 × 8.75 / (0.3 × 8.75 + 0.7) = 2.625 / 3.325 = 15/19.
        #expect(abs((checked.estimate.finiteValue ?? 0) - 15.0 / 19.0) < 1e-15)
    }
}
