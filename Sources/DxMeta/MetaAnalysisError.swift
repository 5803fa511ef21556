/// Why a meta-analysis could not be computed. Each message names the study
/// and the bad value, e.g. `study "Elias 1987": FN (-2) must be a whole
/// number ≥ 0`.
public enum MetaAnalysisError: Error, Sendable, Equatable {
    /// Fewer than two studies (the count found).
    case tooFewStudies(Int)
    /// A study without a name.
    case unnamedStudy
    /// Two studies with the same name.
    case duplicateStudy(String)
    /// A negative count.
    case negativeCount(study: String, cell: String, value: Int)
    /// A count that is not a whole number (as written).
    case nonIntegerCount(study: String, cell: String, text: String)
    /// A study whose four cells are all zero.
    case emptyTable(study: String)
    /// A study with no diseased participants (TP + FN = 0).
    case noDiseased(study: String)
    /// A study with no non-diseased participants (FP + TN = 0).
    case noNonDiseased(study: String)
    /// A continuity correction that is negative or not finite.
    case invalidCorrection(Double)
    /// A zero cell that the REML model cannot take without a correction
    /// (the correction is 0).
    case zeroCellWithoutCorrection(study: String, cells: [String])
    /// A number of quadrature points outside 1…50.
    case invalidQuadrature(Int)
    /// An iteration limit below 1.
    case invalidIterationLimit(Int)
    /// A pretest probability outside [0, 1].
    case invalidPretest(Double)
    /// A CSV header without a required column (the column, the header found).
    case missingColumn(String, found: [String])
    /// A CSV row with the wrong number of fields.
    case wrongFieldCount(found: Int, expected: Int)
    /// The fit produced a value that is not a finite number (what it was).
    case notFinite(String)
    /// GSL could not allocate the Gauss–Hermite rule (out of memory).
    case quadratureUnavailable(Int)
    /// An evidence record that is missing or is not a diagnostic study (the lookup's message).
    case evidence(String)
}

extension MetaAnalysisError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .tooFewStudies(let count):
            "a meta-analysis needs at least two studies (found \(count))"
        case .unnamedStudy:
            "a study has no name"
        case .duplicateStudy(let name):
            "study \"\(name)\" appears twice; give each study a distinct name"
        case .negativeCount(let study, let cell, let value):
            "study \"\(study)\": \(cell) (\(value)) must be a whole number ≥ 0"
        case .nonIntegerCount(let study, let cell, let text):
            "study \"\(study)\": \(cell) (\(text)) must be a whole number ≥ 0"
        case .emptyTable(let study):
            "study \"\(study)\": the 2×2 table is empty (TP, FP, FN and TN are all 0)"
        case .noDiseased(let study):
            "study \"\(study)\": no participants with the condition (TP + FN = 0), so it says nothing about sensitivity"
        case .noNonDiseased(let study):
            "study \"\(study)\": no participants without the condition (FP + TN = 0), so it says nothing about specificity"
        case .invalidCorrection(let value):
            "continuity correction (\(value)) must be a finite number ≥ 0"
        case .zeroCellWithoutCorrection(let study, let cells):
            "study \"\(study)\" has a zero cell (\(cells.map { "\($0) = 0" }.joined(separator: ", "))) and the continuity correction is 0: "
                + "the REML model needs logits of every study; use a correction such as 0.5, or the GLMM (exact binomial)"
        case .invalidQuadrature(let points):
            "quadrature points (\(points)) must be a whole number from 1 (Laplace) to 50"
        case .invalidIterationLimit(let limit):
            "iteration limit (\(limit)) must be at least 1"
        case .invalidPretest(let value):
            "pretest probability (\(value)) must be in [0, 1]"
        case .missingColumn(let column, let found):
            "the header has no '\(column)' column (found: \(found.joined(separator: ", ")))"
        case .wrongFieldCount(let found, let expected):
            "\(found) fields, the header has \(expected)"
        case .notFinite(let what):
            "the fit produced a value that is not a finite number (\(what)); the data may be too sparse for this model"
        case .quadratureUnavailable(let points):
            "GSL could not allocate a Gauss–Hermite rule with \(points) points (out of memory); use fewer --quadrature points"
        case .evidence(let message):
            message
        }
    }
}
