import DxReport
import Foundation
import Testing

/// The nomogram's geometry: the pretest point, the LR point and the
/// post-test point are collinear exactly when logit(post) = logit(pre) + ln LR.
@Suite("Fagan nomogram geometry")
struct FaganScaleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let pretest: Double
        let likelihoodRatio: Double
        let posttest: Double
        let source: String
        var testDescription: String { source }
    }

    /// Post-test probabilities worked by hand: odds π/(1 − π) × LR, then odds/(1 + odds).
    static let cases = [
        Case(pretest: 0.3, likelihoodRatio: 8.75, posttest: 15.0 / 19.0, source: "3/7 × 8.75 = 3.75 → 15/19"),
        Case(pretest: 0.5, likelihoodRatio: 1, posttest: 0.5, source: "LR 1 leaves 50 % at 50 %"),
        Case(pretest: 0.1, likelihoodRatio: 0.1, posttest: 1.0 / 91.0, source: "1/9 × 0.1 = 1/90 → 1/91"),
        Case(pretest: 0.2, likelihoodRatio: 100, posttest: 25.0 / 26.0, source: "1/4 × 100 = 25 → 25/26"),
        Case(pretest: 0.9, likelihoodRatio: 0.01, posttest: 9.0 / 109.0, source: "9 × 0.01 = 0.09 → 9/109"),
    ]

    @Test("The LR point is the midpoint of the pretest and post-test points", arguments: cases)
    func collinear(_ example: Case) {
        let scale = FaganScale(top: 100, bottom: 660)
        let middle = (scale.pretestY(example.pretest) + scale.posttestY(example.posttest)) / 2
        #expect(abs(scale.likelihoodRatioY(example.likelihoodRatio) - middle) < 1e-9)
    }

    @Test("Axis ends: 0.1 % at the top of the pretest axis, 99.9 % at the top of the post-test axis, LR 1 and 50 % in the middle")
    func orientation() {
        let scale = FaganScale(top: 100, bottom: 660)
        #expect(abs(scale.pretestY(0.001) - 100) < 1e-9)
        #expect(abs(scale.pretestY(0.999) - 660) < 1e-9)
        #expect(abs(scale.posttestY(0.999) - 100) < 1e-9)
        #expect(abs(scale.posttestY(0.001) - 660) < 1e-9)
        #expect(abs(scale.likelihoodRatioY(1) - 380) < 1e-9)
        #expect(abs(scale.pretestY(0.5) - 380) < 1e-9)
        // Half scale: LR 1000 sits where ln(1000)/2 logits are, a quarter of the axis above the centre (ln 1000 ≈ logit 0.999).
        #expect(scale.likelihoodRatioY(1000) > 100 && scale.likelihoodRatioY(1000) < 380)
        #expect(abs((380 - scale.likelihoodRatioY(1000)) - (380 - 100) / 2 * log(1000) / log(999)) < 1e-9)
    }

    @Test("Probabilities of 0 and 1 and ratios of 0 and ∞ map to finite positions")
    func extremes() {
        let scale = FaganScale(top: 100, bottom: 660)
        for value in [
            scale.pretestY(0), scale.pretestY(1), scale.posttestY(0), scale.posttestY(1),
            scale.likelihoodRatioY(0), scale.likelihoodRatioY(.infinity),
        ] {
            #expect(value.isFinite)
        }
    }
}
