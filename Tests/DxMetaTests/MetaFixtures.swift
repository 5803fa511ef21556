import DxMeta
import Foundation
import Testing

/// Reference values from R (metafor rma.mv REML, lme4 glmer Laplace, and an
/// exact-ML brute-force integration) written by
/// `scripts/reference/meta_fixtures.R`; versions are in the file.
struct MetaFixtureFile: Decodable {
    let generator: String
    let versions: [String: String]
    let datasets: [MetaDataset]

    static let loaded = Result { () throws -> MetaFixtureFile in
        guard let url = Bundle.module.url(forResource: "meta", withExtension: "json", subdirectory: "Fixtures") else {
            throw MissingFixture()
        }
        return try JSONDecoder().decode(MetaFixtureFile.self, from: Data(contentsOf: url))
    }

    static var datasets: [MetaDataset] { (try? loaded.get().datasets) ?? [] }

    struct MissingFixture: Error {}
}

struct MetaDataset: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let source: String
    let citation: String?
    let boundary: Bool
    let studies: [String]
    let tp: [Int]
    let fp: [Int]
    let fn: [Int]
    let tn: [Int]
    let reitsma: ModelReference
    let reitsmaAllStudies: ModelReference?
    let glmmLaplace: ModelReference
    let glmmExact: ExactReference?

    var testDescription: String { "\(name) (\(source))" }

    func studyList() throws -> [Study] {
        try studies.indices.map { index in
            try Study(
                name: studies[index], truePositives: tp[index], falsePositives: fp[index], falseNegatives: fn[index],
                trueNegatives: tn[index])
        }
    }
}

struct LogitReference: Decodable, Sendable {
    let estimate: Double
    let standardError: Double?
}

struct ModelReference: Decodable, Sendable {
    let package: String
    let call: String
    let logitSensitivity: LogitReference
    let logitSpecificity: LogitReference
    let covarianceOfLogits: Double
    let tau2Sensitivity: Double
    let tau2Specificity: Double
    let correlation: Double?
    let logLikelihood: Double
    let singular: Bool?
    let standardErrorsRichardson: [Double]?
    let theta: [Double]?
    let laplaceAtEstimate: Double?

    /// A fit at or next to the boundary of the parameter space (a correlation
    /// within 0.001 of ±1, a variance below 0.001, or lme4's `isSingular`),
    /// where the tolerances for variances and correlation do not apply.
    var atBoundary: Bool {
        singular == true || abs(correlation ?? 1) > 0.999 || tau2Sensitivity < 1e-3 || tau2Specificity < 1e-3
    }
}

struct ExactReference: Decodable, Sendable {
    struct Point: Decodable, Sendable {
        let parameters: [Double]
        let logLikelihood: Double
    }
    let method: String
    let parameters: [Double]
    let logitSensitivity: LogitReference
    let logitSpecificity: LogitReference
    let tau2Sensitivity: Double
    let tau2Specificity: Double
    let correlation: Double
    let logLikelihood: Double
    let points: [Point]
}
