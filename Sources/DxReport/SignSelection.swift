import DxEvidence
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The signs of a table or picture, each with a fixed result or with every
/// result: written `ID` (every result) or `ID=positive` / `ID=negative`,
/// ID as for a `SignSpecification` (DxEvidence: an evidence id, `counts:TP/FP/FN/TN`,
/// `se-sp:SE/SP`, `lr:LR+/LR−`). Its ``patterns`` are the columns of a
/// table (++, +−, −+, −−) and the curves of a picture.
///
/// ```swift
/// let selection = try SignSelection(parsing: ["closed-fist-percussion", "supine-sign=positive"], evidence: try EvidenceBase.builtIn())
/// selection.patterns.count   // 2
/// selection.jointName        // "Closed-fist percussion sign and Supine sign (Langdon 2010/2011)"
/// ```
public struct SignSelection: Sendable {
    /// The most signs a table or picture combines (2⁴ = 16 result patterns).
    public static let maximumCount = 4

    public let signs: [SignAccuracy]
    /// Display names, e.g. "Closed-fist percussion sign (Langdon 2010/2011)".
    public let names: [String]
    /// The result each sign was given with, or nil for every result.
    public let fixedResults: [TestResult?]
    /// The evidence records the signs come from.
    public let records: [EvidenceRecord]

    /// Signs already resolved; each name is the sign's title.
    public init(signs: [SignAccuracy], results: [TestResult?], records: [EvidenceRecord] = []) throws(SignSelectionError) {
        guard !signs.isEmpty, signs.count <= Self.maximumCount else { throw .count(signs.count) }
        precondition(results.count == signs.count, "one result (or nil) per sign")
        self.signs = signs
        self.names = signs.map(\.title)
        self.fixedResults = results
        self.records = records
    }

    /// Reads and resolves the written signs; `evidence` is loaded only when a
    /// sign names a record.
    public init(parsing texts: [String], evidence: @autoclosure () throws -> EvidenceBase) throws {
        guard !texts.isEmpty, texts.count <= Self.maximumCount else { throw SignSelectionError.count(texts.count) }
        var signs: [SignAccuracy] = [], results: [TestResult?] = [], records: [EvidenceRecord] = []
        for (index, text) in texts.enumerated() {
            let specification: SignSpecification
            do { specification = try SignSpecification(parsing: text, requireResult: false) } catch {
                throw SignSelectionError.specification(error)
            }
            let resolved: (accuracy: SignAccuracy, record: EvidenceRecord?)
            do { resolved = try specification.resolve(position: index + 1, in: try evidence()) } catch let error as SignSpecificationError {
                throw SignSelectionError.specification(error)
            }
            signs.append(resolved.accuracy)
            results.append(specification.result)
            if let record = resolved.record { records.append(record) }
        }
        try self.init(signs: signs, results: results, records: records)
    }

    /// The signs' common target condition; an error when two differ.
    public func target() throws(SignSelectionError) -> TargetCondition? {
        do { return try TargetCondition.requireCommon(pretest: nil, signs: signs.map { ($0.name, $0.target) }) } catch {
            throw .targets(error.description)
        }
    }

    /// Every result pattern: each sign's fixed result, or positive then
    /// negative, the first sign varying slowest (++, +−, −+, −−).
    public var patterns: [[TestResult]] {
        fixedResults.reduce([[]]) { patterns, fixed in
            patterns.flatMap { pattern in (fixed.map { [$0] } ?? [.positive, .negative]).map { pattern + [$0] } }
        }
    }

    /// The signs with the results of `pattern`, ready to combine.
    public func findings(_ pattern: [TestResult]) -> [CombinedPostTest.Finding] {
        zip(signs, pattern).map { CombinedPostTest.Finding($0, $1) }
    }

    /// A short column heading: "Positive" for one sign, "+ −" for several.
    public func shortLabel(_ pattern: [TestResult]) -> String {
        if pattern.count == 1 { return pattern[0] == .positive ? "Positive" : "Negative" }
        return pattern.map(Self.symbol).joined(separator: " ")
    }

    /// A self-explaining label: "closed-fist-percussion +, supine-sign −".
    public func longLabel(_ pattern: [TestResult]) -> String {
        zip(signs, pattern).map { "\($0.name) \(Self.symbol($1))" }.joined(separator: ", ")
    }

    /// "+" or "−".
    public static func symbol(_ result: TestResult) -> String { result == .positive ? "+" : "−" }

    /// The signs' names for a title, a shared citation said once:
    /// "Closed-fist percussion sign and Supine sign (Langdon 2010/2011)".
    public var jointName: String {
        let (bare, citation) = Self.splitCitation(names)
        let list = bare.count <= 2 ? bare.joined(separator: " and ") : bare.dropLast().joined(separator: ", ") + " and " + bare[bare.count - 1]
        return list + citation
    }

    /// A result pattern in words, a shared citation said once:
    /// "Closed-fist percussion sign positive, Supine sign negative (Langdon 2010/2011)".
    public func patternName(_ pattern: [TestResult], separator: String = ", ") -> String {
        let (bare, citation) = Self.splitCitation(names)
        return zip(bare, pattern).map { "\($0) \($1.rawValue)" }.joined(separator: separator) + citation
    }

    /// The names without the citation they share, if they share one: "Closed-fist percussion sign".
    public var bareNames: [String] { Self.splitCitation(names).names }

    /// Names without their parenthesised citation when all share the same one, and that citation (" (…)"), else the names and "".
    private static func splitCitation(_ names: [String]) -> (names: [String], citation: String) {
        func citation(_ name: String) -> String? {
            guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
            return String(name[open...])
        }
        guard names.count > 1, let shared = citation(names[0]), names.allSatisfy({ citation($0) == shared }) else { return (names, "") }
        return (names.map { String($0.dropLast(shared.count)).trimmingWhitespace() }, " " + shared)
    }

    /// The signs for a table's legend.
    public var legend: [ProbabilityTable.Sign] {
        zip(signs, names).map { ProbabilityTable.Sign(id: $0.name, name: $1) }
    }
}

/// Signs that cannot make a table or picture; the message says why.
public enum SignSelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No sign, or more than ``SignSelection/maximumCount``.
    case count(Int)
    /// A sign that cannot be read or resolved.
    case specification(SignSpecificationError)
    /// Signs about different target conditions.
    case targets(String)

    public var description: String {
        switch self {
        case .count(let count):
            count == 0
                ? "no sign was given" : "\(count) signs were given; a table or picture combines at most \(SignSelection.maximumCount)"
        case .specification(let error): error.description
        case .targets(let message): message
        }
    }
}
