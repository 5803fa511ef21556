import DxReport
import DxStats

/// The pictures the picture tests draw: the Langdon signs (TP 42 FP 3 FN 6
/// TN 27 and TP 39 FP 2 FN 9 TN 28) in every variant a lecturer uses, and
/// given likelihood ratios with and without limits.
enum PictureFixtures {
    static let level = try! ConfidenceLevel(0.95)
    static let target = TargetCondition(id: "acute", condition: "acute fracture on MRI", population: "patients with a suspected fracture")
    static let percussion = try! SignAccuracy(
        name: "closed-fist-percussion", table: TwoByTwoTable(truePositives: 42, falsePositives: 3, falseNegatives: 6, trueNegatives: 27))
    static let supine = try! SignAccuracy(
        name: "supine-sign", table: TwoByTwoTable(truePositives: 39, falsePositives: 2, falseNegatives: 9, trueNegatives: 28))

    static func line(_ sign: SignAccuracy, _ result: TestResult, pretest: Double) throws -> FaganNomogram.Line {
        let cell = try ProbabilityTableColumn(label: "", findings: [.init(sign, result)], level: level).cell(pretest: pretest)
        return FaganNomogram.Line(label: "\(sign.name): \(result.rawValue)", likelihoodRatio: cell.likelihoodRatio, posttest: cell.posttest)
    }

    static func ratio(_ estimate: Double, _ lower: Double? = nil, _ upper: Double? = nil, pretest: Double) throws -> FaganNomogram.Line {
        let ratio = IntervalEstimate(
            estimate: .finite(estimate), lower: .finite(lower ?? estimate), upper: .finite(upper ?? estimate), level: level, method: .given)
        let cell = try ProbabilityTableColumn(label: "", likelihoodRatio: ratio).cell(pretest: pretest)
        return FaganNomogram.Line(label: "LR \(estimate)", likelihoodRatio: ratio, posttest: cell.posttest)
    }

    static func twoStep(_ first: TestResult, _ second: TestResult, pretest: Double) throws -> FaganNomogram {
        let step1 = try line(percussion, first, pretest: pretest)
        let step2 = try line(supine, second, pretest: step1.posttest.estimate.finiteValue!)
        let combined = try ProbabilityTableColumn(label: "", findings: [.init(percussion, first), .init(supine, second)], level: level)
            .cell(pretest: pretest)
        return FaganNomogram(
            pretest: pretest, lines: [step1],
            secondStep: .init(
                line: step2, combined: combined.posttest, dependenceLower: combined.dependence?.posttestLower,
                dependenceUpper: combined.dependence?.posttestUpper),
            level: level, subject: "closed-fist-percussion \(first.rawValue), then supine-sign \(second.rawValue)", target: target)
    }

    /// Every variant, drawn once for all the tests.
    static let allNomograms = (try? nomograms()) ?? []
    static let allCurves = (try? curves()) ?? []

    /// Every nomogram variant, named.
    static func nomograms() throws -> [(name: String, nomogram: FaganNomogram)] {
        let zeroCell = try SignAccuracy(name: "zero", table: TwoByTwoTable(truePositives: 20, falsePositives: 0, falseNegatives: 5, trueNegatives: 50))
        return [
            (
                "one sign",
                FaganNomogram(
                    pretest: 0.3, lines: [try line(percussion, .positive, pretest: 0.3), try line(percussion, .negative, pretest: 0.3)], level: level,
                    subject: "closed-fist-percussion", target: target)
            ),
            (
                "two signs, four lines",
                FaganNomogram(
                    pretest: 0.615,
                    lines: [
                        try line(percussion, .positive, pretest: 0.615), try line(percussion, .negative, pretest: 0.615),
                        try line(supine, .positive, pretest: 0.615), try line(supine, .negative, pretest: 0.615),
                    ], level: level, subject: "closed-fist-percussion and supine-sign", target: target)
            ),
            (
                "likelihood ratios with limits",
                FaganNomogram(
                    pretest: 0.3,
                    lines: [try ratio(8.75, 2.97, 25.7, pretest: 0.3), try ratio(0.14, 0.065, 0.3, pretest: 0.3), try ratio(2, 1.1, 3.6, pretest: 0.3)],
                    level: level, subject: "likelihood ratios 8.75, 0.14 and 2")
            ),
            (
                "likelihood ratios without limits",
                FaganNomogram(pretest: 0.05, lines: [try ratio(1000, pretest: 0.05), try ratio(0.001, pretest: 0.05)], level: level)
            ),
            ("two steps, positive", try twoStep(.positive, .positive, pretest: 0.615)),
            ("two steps, negative", try twoStep(.negative, .negative, pretest: 0.3)),
            ("a zero cell", FaganNomogram(pretest: 0.2, lines: [try line(zeroCell, .positive, pretest: 0.2)], level: level)),
        ]
    }

    /// Every curves variant, named.
    static func curves() throws -> [(name: String, curves: ProbabilityCurves)] {
        let patterns: [[TestResult]] = [[.positive, .positive], [.positive, .negative], [.negative, .positive], [.negative, .negative]]
        let twoSigns = try patterns.map { pattern in
            try ProbabilityTableColumn(
                label: pattern.map { $0 == .positive ? "+" : "−" }.joined(separator: " "),
                findings: [.init(percussion, pattern[0]), .init(supine, pattern[1])], level: level)
        }
        let oneSign = try [TestResult.positive, .negative].map { result in
            try ProbabilityTableColumn(label: result.rawValue, findings: [.init(percussion, result)], level: level)
        }
        let ratios = [0.1, 0.5, 2, 10].map { value in
            ProbabilityTableColumn(
                label: "LR \(value)",
                likelihoodRatio: IntervalEstimate(estimate: .finite(value), lower: .finite(value), upper: .finite(value), level: level, method: .given))
        }
        return [
            (
                "two signs",
                try ProbabilityCurves(
                    columns: twoSigns, thresholds: .standard, markedPretest: (0.615, "61.5 % (suspected-acute-vcf)"), level: level,
                    subject: "closed-fist-percussion and supine-sign", target: target,
                    seriesTitles: [
                        "percussion positive, supine positive", "percussion positive, supine negative", "percussion negative, supine positive",
                        "percussion negative, supine negative",
                    ])
            ),
            ("one sign", try ProbabilityCurves(columns: oneSign, thresholds: .standard, level: level, subject: "closed-fist-percussion", target: target)),
            ("likelihood ratios", try ProbabilityCurves(columns: ratios, thresholds: .standard, markedPretest: (0.9, "90.0 %"), level: level)),
        ]
    }
}
