import DxReport
import Testing

/// Natural frequencies, against hand arithmetic.
@Suite("Natural frequencies")
struct NaturalFrequencyTests {
    @Test("Pretest 20 %, Se 0.875, Sp 0.9, of 1000: 200 with the condition, 175 of them and 80 of 800 without test positive: 175 of 255")
    func fromSensitivityAndSpecificity() {
        let frequency = NaturalFrequency(population: 1000, pretest: 0.2, probabilityWithCondition: 0.875, probabilityWithoutCondition: 0.1)
        #expect(frequency.withCondition == 200)
        #expect(frequency.withResultAndCondition == 175)
        #expect(frequency.withResult == 255)
        #expect(frequency.text == "175 of 255")
    }

    @Test("A negative result at 30 %: 300 × 0.125 = 37.5 → 38; 700 × 0.9 = 630: 38 of 668")
    func negativeResult() {
        let frequency = NaturalFrequency(population: 1000, pretest: 0.3, probabilityWithCondition: 0.125, probabilityWithoutCondition: 0.9)
        #expect(frequency.text == "38 of 668")
    }

    @Test("Only a likelihood ratio: 15/19 of 1000 = 789.47… → 789 of 1000")
    func fromPosttest() {
        #expect(NaturalFrequency(population: 1000, posttest: 15.0 / 19.0).text == "789 of 1000")
        #expect(NaturalFrequency(population: 1000, posttest: 15.0 / 19.0).withCondition == nil)
    }
}
