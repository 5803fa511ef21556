import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One diagnostic accuracy study in a meta-analysis: its name, its 2×2
/// counts, where it comes from, and any other columns of the input, carried
/// through to the output unchanged.
///
/// Checked at construction: counts ≥ 0, at least one participant with and
/// one without the condition.
///
/// ```swift
/// let study = try Study(name: "Elias 1987", truePositives: 325, falsePositives: 22,
///                       falseNegatives: 8, trueNegatives: 483)
/// study.withCondition      // 333
/// study.hasZeroCell        // false
/// ```
public struct Study: Sendable, Hashable, Codable {
    /// One extra input column and its value, as written.
    public struct Column: Sendable, Hashable, Codable {
        public let name: String
        public let value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public let name: String
    /// a: test positive, condition present.
    public let truePositives: Int
    /// b: test positive, condition absent.
    public let falsePositives: Int
    /// c: test negative, condition present.
    public let falseNegatives: Int
    /// d: test negative, condition absent.
    public let trueNegatives: Int
    /// Where the counts come from (an evidence record's citation), if known.
    public let citation: String?
    /// Other input columns, in input order.
    public let columns: [Column]

    /// Creates a study; throws naming the study and the bad value.
    public init(
        name: String, truePositives: Int, falsePositives: Int, falseNegatives: Int, trueNegatives: Int,
        citation: String? = nil, columns: [Column] = []
    ) throws(MetaAnalysisError) {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .unnamedStudy }
        for (cell, value) in [("TP", truePositives), ("FP", falsePositives), ("FN", falseNegatives), ("TN", trueNegatives)] where value < 0 {
            throw .negativeCount(study: trimmed, cell: cell, value: value)
        }
        guard truePositives + falsePositives + falseNegatives + trueNegatives > 0 else { throw .emptyTable(study: trimmed) }
        guard truePositives + falseNegatives > 0 else { throw .noDiseased(study: trimmed) }
        guard falsePositives + trueNegatives > 0 else { throw .noNonDiseased(study: trimmed) }
        self.name = trimmed
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.trueNegatives = trueNegatives
        self.citation = citation
        self.columns = columns
    }

    /// n₁ = TP + FN, the participants with the condition.
    public var withCondition: Int { truePositives + falseNegatives }
    /// n₀ = FP + TN, the participants without it.
    public var withoutCondition: Int { falsePositives + trueNegatives }
    /// N = n₁ + n₀.
    public var total: Int { withCondition + withoutCondition }

    /// The names of the zero cells, e.g. `["FN"]`.
    public var zeroCells: [String] {
        [("TP", truePositives), ("FP", falsePositives), ("FN", falseNegatives), ("TN", trueNegatives)].filter { $0.1 == 0 }.map(\.0)
    }

    /// Whether any cell is zero.
    public var hasZeroCell: Bool { !zeroCells.isEmpty }

    /// Reads a count as written in a table: a whole number ≥ 0 ("12", or
    /// "12.0"); anything else throws naming the study, the cell and the text.
    public static func count(_ text: String, cell: String, study: String) throws(MetaAnalysisError) -> Int {
        let trimmed = text.trimmingWhitespace()
        if let value = Int(trimmed) {
            guard value >= 0 else { throw .negativeCount(study: study, cell: cell, value: value) }
            return value
        }
        if let number = Double(trimmed), number.isFinite, number == number.rounded(), abs(number) < 1e9 {
            guard number >= 0 else { throw .negativeCount(study: study, cell: cell, value: Int(number)) }
            return Int(number)
        }
        throw .nonIntegerCount(study: study, cell: cell, text: trimmed)
    }

    /// Checks a set of studies for a meta-analysis: at least two, names distinct.
    static func validate(_ studies: [Study]) throws(MetaAnalysisError) {
        guard studies.count >= 2 else { throw .tooFewStudies(studies.count) }
        var seen: Set<String> = []
        for study in studies {
            guard seen.insert(study.name).inserted else { throw .duplicateStudy(study.name) }
        }
    }
}
