import DxStats
import Foundation
import Testing

@testable import DxMeta

/// Input checks, internal consistency and output guarantees of DxMeta.
@Suite("Meta-analysis")
struct MetaAnalysisTests {
    static func studies(_ rows: [(String, Int, Int, Int, Int)]) throws -> [Study] {
        try rows.map { try Study(name: $0.0, truePositives: $0.1, falsePositives: $0.2, falseNegatives: $0.3, trueNegatives: $0.4) }
    }

    static let example: [(String, Int, Int, Int, Int)] = [
        ("A", 45, 8, 5, 92), ("B", 30, 12, 10, 88), ("C", 60, 5, 3, 70), ("D", 22, 14, 9, 51), ("E", 81, 20, 6, 130), ("F", 15, 0, 4, 40),
    ]

    // MARK: Input

    struct BadStudy: Sendable, CustomTestStringConvertible {
        let counts: (Int, Int, Int, Int)
        let message: String
        var testDescription: String { message }
    }

    @Test(
        "A bad study is refused, naming the study and the value",
        arguments: [
            BadStudy(counts: (-1, 2, 3, 4), message: "study \"X\": TP (-1) must be a whole number ≥ 0"),
            BadStudy(counts: (0, 0, 0, 0), message: "study \"X\": the 2×2 table is empty (TP, FP, FN and TN are all 0)"),
            BadStudy(counts: (0, 3, 0, 4), message: "study \"X\": no participants with the condition (TP + FN = 0), so it says nothing about sensitivity"),
            BadStudy(
                counts: (3, 0, 4, 0), message: "study \"X\": no participants without the condition (FP + TN = 0), so it says nothing about specificity"),
        ])
    func badStudy(_ bad: BadStudy) {
        #expect(throws: MetaAnalysisError.self) {
            _ = try Study(name: "X", truePositives: bad.counts.0, falsePositives: bad.counts.1, falseNegatives: bad.counts.2, trueNegatives: bad.counts.3)
        }
        do {
            _ = try Study(name: "X", truePositives: bad.counts.0, falsePositives: bad.counts.1, falseNegatives: bad.counts.2, trueNegatives: bad.counts.3)
        } catch {
            #expect(error.description == bad.message)
        }
    }

    @Test("Counts that are not whole numbers are refused with the text written")
    func nonInteger() {
        #expect(throws: MetaAnalysisError.nonIntegerCount(study: "Y", cell: "FN", text: "2.5")) { try Study.count("2.5", cell: "FN", study: "Y") }
        #expect(throws: MetaAnalysisError.nonIntegerCount(study: "Y", cell: "TP", text: "many")) { try Study.count("many", cell: "TP", study: "Y") }
        #expect(throws: MetaAnalysisError.negativeCount(study: "Y", cell: "TN", value: -3)) { try Study.count("-3", cell: "TN", study: "Y") }
        #expect((try? Study.count(" 12 ", cell: "TP", study: "Y")) == 12)
        #expect((try? Study.count("12.0", cell: "TP", study: "Y")) == 12)
    }

    @Test("Fewer than two studies, or a repeated name, is refused")
    func tooFew() throws {
        let one = try Self.studies([("A", 1, 2, 3, 4)])
        #expect(throws: MetaAnalysisError.tooFewStudies(1)) { try MetaAnalysis(studies: one) }
        #expect(throws: MetaAnalysisError.tooFewStudies(0)) { try MetaAnalysis(studies: []) }
        let twice = try Self.studies([("A", 1, 2, 3, 4), ("A", 5, 6, 7, 8)])
        #expect(throws: MetaAnalysisError.duplicateStudy("A")) { try MetaAnalysis(studies: twice) }
    }

    @Test("Settings are checked at construction")
    func settings() {
        #expect(throws: MetaAnalysisError.invalidCorrection(-0.5)) { try ContinuityCorrection(value: -0.5, studies: .zeroCells) }
        #expect(throws: MetaAnalysisError.invalidCorrection(.infinity)) { try ContinuityCorrection(value: .infinity, studies: .all) }
        #expect(throws: MetaAnalysisError.invalidQuadrature(0)) { try MetaAnalysisSettings(model: .glmm, quadraturePoints: 0) }
        #expect(throws: MetaAnalysisError.invalidQuadrature(51)) { try MetaAnalysisSettings(model: .glmm, quadraturePoints: 51) }
    }

    @Test("A zero cell without a correction is refused by REML and fine for the GLMM")
    func zeroCellWithoutCorrection() throws {
        let studies = try Self.studies(Self.example)
        let settings = try MetaAnalysisSettings(correction: ContinuityCorrection(value: 0, studies: .zeroCells))
        #expect(throws: MetaAnalysisError.zeroCellWithoutCorrection(study: "F", cells: ["FP"])) { try MetaAnalysis(studies: studies, settings: settings) }
        let glmm = try MetaAnalysis(studies: studies, settings: MetaAnalysisSettings(model: .glmm))
        #expect(glmm.converged)
    }

    @Test("The study table reads rows, carries extra columns and rejects bad rows with line numbers")
    func table() throws {
        #expect(throws: MetaAnalysisError.missingColumn("fn", found: ["study", "tp", "fp", "tn"])) {
            try StudyTable(header: ["study", "tp", "fp", "tn"])
        }
        var table = try StudyTable(header: ["Study", "TP", "FP", "FN", "TN", "year"])
        table.add(fields: ["Elias", "325", "22", "8", "483", "1987"], line: 2)
        table.add(fields: ["Vogel", "20", "0", "-5", "29", "1987"], line: 3)
        table.add(fields: ["Rose", "27", "5", "7.5", "36", "1990"], line: 4)
        table.add(fields: ["Elias", "1", "2", "3", "4", "1999"], line: 5)
        table.add(fields: ["Short", "1", "2"], line: 6)
        table.add(fields: [""], line: 7)
        table.add(fields: ["", "1", "2", "3", "4", "2000"], line: 8)
        #expect(table.studies.map(\.name) == ["Elias"])
        #expect(table.studies[0].columns == [Study.Column(name: "year", value: "1987")])
        #expect(
            table.rejects.map(\.description) == [
                "line 3: study \"Vogel\": FN (-5) must be a whole number ≥ 0",
                "line 4: study \"Rose\": FN (7.5) must be a whole number ≥ 0",
                "line 5: study \"Elias\" repeats the study on line 2; give each study a distinct name",
                "line 6: 3 fields, the header has 6",
                "line 8: a study has no name",
            ])
    }

    // MARK: Likelihoods

    @Test("The analytic REML gradient equals central differences")
    func remlGradient() throws {
        let likelihood = try ReitsmaLikelihood(studies: Self.studies(Self.example), correction: .standard)
        for point in [[0.6, -0.2, 0.9], [0.1, 0.3, 0.05], [1.2, 0.8, 0.4]] {
            let (_, gradient) = likelihood.evaluate(point)
            for index in 0..<3 {
                var up = point, down = point
                up[index] += 1e-6
                down[index] -= 1e-6
                let numeric = (likelihood.evaluate(up).logLikelihood - likelihood.evaluate(down).logLikelihood) / 2e-6
                #expect(abs(numeric - gradient[index]) < 1e-6 * Swift.max(1, abs(numeric)), "component \(index) at \(point)")
            }
        }
    }

    @Test("One-point quadrature is the Laplace approximation; GSL's one-point rule is (0, √π)")
    func laplaceIsOnePoint() throws {
        let rule = try GSLOptimisation.gaussHermite(points: 1)
        #expect(rule.nodes == [0])
        #expect(abs(rule.weights[0] - Double.pi.squareRoot()) < 1e-15)
        let rule3 = try GSLOptimisation.gaussHermite(points: 3)
        #expect(abs(rule3.weights.reduce(0, +) - Double.pi.squareRoot()) < 1e-14)
        let studies = try Self.studies(Self.example)
        let parameters = [1.8, 2.2, 0.6, -0.1, 0.7]
        let laplace = try #require(BinomialGLMMLikelihood(studies: studies, quadraturePoints: 1).logLikelihood(parameters))
        let many = try #require(BinomialGLMMLikelihood(studies: studies, quadraturePoints: 30).logLikelihood(parameters))
        let fewer = try #require(BinomialGLMMLikelihood(studies: studies, quadraturePoints: 20).logLikelihood(parameters))
        #expect(abs(many - fewer) < 1e-9, "the quadrature has converged by 20 points")
        #expect(abs(laplace - many) < 0.05, "Laplace is close but not equal")
    }

    // MARK: Derived quantities

    @Test("The HSROC parameters give back the bivariate parameters (Harbord 2007)")
    func hsrocRoundTrip() throws {
        let analysis = try MetaAnalysis(studies: Self.studies(Self.example))
        let h = try #require(analysis.hsroc)
        // μA = (Θ + Λ/2)e^(−β/2), μB = −(Θ − Λ/2)e^(β/2), σA² = e^(−β)(σθ² + σα²/4), σAB = −(σθ² − σα²/4).
        #expect(abs((h.theta + h.lambda / 2) * exp(-h.beta / 2) - analysis.logitSensitivity.estimate) < 1e-12)
        #expect(abs(-(h.theta - h.lambda / 2) * exp(h.beta / 2) - analysis.logitSpecificity.estimate) < 1e-12)
        #expect(abs(exp(-h.beta) * (h.sigma2Theta + h.sigma2Alpha / 4) - analysis.tau2Sensitivity) < 1e-12)
        #expect(abs(exp(h.beta) * (h.sigma2Theta + h.sigma2Alpha / 4) - analysis.tau2Specificity) < 1e-12)
        let covariance = try #require(analysis.correlation) * (analysis.tau2Sensitivity * analysis.tau2Specificity).squareRoot()
        #expect(abs(-(h.sigma2Theta - h.sigma2Alpha / 4) - covariance) < 1e-12)
        // The SROC curve passes through the summary point.
        #expect(abs(h.logitSensitivity(atLogitFalsePositiveRate: -analysis.logitSpecificity.estimate) - analysis.logitSensitivity.estimate) < 1e-12)
    }

    @Test("Regions: the prediction region contains the confidence region; both are closed")
    func regions() throws {
        let analysis = try MetaAnalysis(studies: Self.studies(Self.example))
        #expect(analysis.confidenceRegion.points.count == 73)
        #expect(analysis.confidenceRegion.points.first == analysis.confidenceRegion.points.last)
        let confidenceWidth = analysis.confidenceRegion.points.map(\.logitSensitivity).max()! - analysis.confidenceRegion.points.map(\.logitSensitivity).min()!
        let predictionWidth = analysis.predictionRegion.points.map(\.logitSensitivity).max()! - analysis.predictionRegion.points.map(\.logitSensitivity).min()!
        #expect(predictionWidth > confidenceWidth)
        // The ellipse's horizontal half-width is √(χ²₂ · M₁₁).
        let half = (-2 * log(0.05) * analysis.logitSensitivity.standardError * analysis.logitSensitivity.standardError).squareRoot()
        #expect(abs(confidenceWidth / 2 - half) < 1e-2 * half)
    }

    @Test("Derived LR+, LR− and DOR agree with the pooled sensitivity and specificity")
    func derived() throws {
        let analysis = try MetaAnalysis(studies: Self.studies(Self.example))
        let se = analysis.sensitivity.estimate, sp = analysis.specificity.estimate
        #expect(abs(analysis.positiveLikelihoodRatio.estimate - se / (1 - sp)) < 1e-12 * analysis.positiveLikelihoodRatio.estimate)
        #expect(abs(analysis.negativeLikelihoodRatio.estimate - (1 - se) / sp) < 1e-12)
        #expect(abs(analysis.diagnosticOddsRatio.estimate - se * sp / ((1 - se) * (1 - sp))) < 1e-9 * analysis.diagnosticOddsRatio.estimate)
        #expect(analysis.positiveLikelihoodRatio.lower < analysis.positiveLikelihoodRatio.estimate)
        #expect(analysis.positiveLikelihoodRatio.upper > analysis.positiveLikelihoodRatio.estimate)
    }

    @Test("A new patient: the new-setting interval is wider than the confidence interval and contains the estimate")
    func posttest() throws {
        let analysis = try MetaAnalysis(studies: Self.studies(Self.example))
        for result in [TestResult.positive, .negative] {
            let post = try analysis.posttest(pretest: 0.3, result: result)
            #expect(post.newSetting.lower < post.posttest.lower)
            #expect(post.newSetting.upper > post.posttest.upper)
            #expect(post.newSetting.lower < post.posttest.estimate && post.posttest.estimate < post.newSetting.upper)
            let odds = 0.3 / 0.7 * post.likelihoodRatio.estimate
            #expect(abs(post.posttest.estimate - odds / (1 + odds)) < 1e-12)
        }
        #expect(throws: MetaAnalysisError.invalidPretest(1.5)) { try analysis.posttest(pretest: 1.5, result: .positive) }
        let certain = try analysis.posttest(pretest: 1, result: .negative)
        #expect(certain.newSetting == PredictionRange(lower: 1, upper: 1))
    }

    @Test("The prediction distribution of ln LR agrees with simulation")
    func predictionDistribution() throws {
        let analysis = try MetaAnalysis(studies: Self.studies(Self.example))
        let covariance = analysis.fitted.sigma + analysis.fitted.meanCovariance
        let mean = analysis.fitted.mean
        // Simulate with a fixed linear congruential generator and Box–Muller.
        var state: UInt64 = 20_240_611
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / 9_007_199_254_740_992
        }
        let (l11, l21, l22) = covariance.cholesky
        var below = 0
        let draws = 200_000
        let t = 2.0
        for _ in 0..<draws {
            let r = (-2 * log(uniform())).squareRoot(), angle = 2 * Double.pi * uniform()
            let z1 = r * cos(angle), z2 = r * sin(angle)
            let eta1 = mean.0 + l11 * z1, eta2 = mean.1 + l21 * z1 + l22 * z2
            if Logit.logExpit(eta1) - Logit.logExpit(-eta2) <= t { below += 1 }
        }
        let computed = MetaPostTest.distribution(t, mean: mean, covariance: covariance, result: .positive)
        #expect(abs(computed - Double(below) / Double(draws)) < 0.005)
    }

    // MARK: Output

    @Test("JSON has the keys of issue 14 and no NaN or infinity")
    func json() throws {
        for settings in [try MetaAnalysisSettings(), try MetaAnalysisSettings(model: .glmm), try MetaAnalysisSettings(model: .glmm, quadraturePoints: 5)] {
            let analysis = try MetaAnalysis(studies: Self.studies(Self.example), settings: settings)
            let data = try JSONEncoder().encode(analysis)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for key in [
                "model", "studies", "logitSensitivity", "logitSpecificity", "tau2Sensitivity", "tau2Specificity", "correlation",
                "logLikelihood", "sensitivity", "specificity", "predictionRegion", "hsroc", "converged", "notes",
            ] {
                #expect(object[key] != nil, "key \(key)")
            }
            let logit = try #require(object["logitSensitivity"] as? [String: Any])
            #expect(logit["estimate"] != nil && logit["standardError"] != nil)
            let sensitivity = try #require(object["sensitivity"] as? [String: Any])
            #expect(sensitivity["estimate"] != nil && sensitivity["lower"] != nil && sensitivity["upper"] != nil)
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.lowercased().contains("nan") && !text.lowercased().contains("inf"))
        }
    }

    @Test("An iteration limit that stops the optimiser gives converged false and a note, never silence")
    func notConverged() throws {
        let studies = try Self.studies(Self.example)
        for model in MetaAnalysisModel.allCases {
            let analysis = try MetaAnalysis(studies: studies, settings: MetaAnalysisSettings(model: model, maximumIterations: 2))
            #expect(!analysis.converged)
            #expect(analysis.notes.contains { $0.contains("did not converge") })
        }
    }

    @Test("Boundary fits are flagged in words")
    func boundary() throws {
        // Identical studies: no between-study variation at all.
        let same = try Self.studies((1...6).map { ("S\($0)", 40, 10, 10, 90) })
        let analysis = try MetaAnalysis(studies: same)
        #expect(analysis.tau2Sensitivity < 1e-8 && analysis.tau2Specificity < 1e-8)
        #expect(analysis.boundary.count == 2)
        #expect(analysis.correlation == nil)
        #expect(analysis.hsroc == nil)
        #expect(analysis.notes.contains { $0.contains("HSROC") })
    }
}
