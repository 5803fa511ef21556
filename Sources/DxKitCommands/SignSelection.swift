import DxEvidence
import DxReport
import DxStats
import Foundation

/// The `--sign` arguments of the educator commands (`table`, `nomogram`,
/// `curves`, `handout`): `ID` for every result of the sign, or
/// `ID=positive` / `ID=negative` for one result; ID as for `dxkit posttest
/// --sign` (an evidence id, `counts:TP/FP/FN/TN`, `se-sp:SE/SP`, `lr:LR+/LR−`).
struct SignSelection {
    /// The most signs a table or picture combines (2⁴ = 16 result patterns).
    static let maximumCount = 4

    let signs: [SignAccuracy]
    /// Display names, e.g. "Closed-fist percussion sign (Langdon 2010/2011)".
    let names: [String]
    /// The result each sign was given with, or nil for every result.
    let fixedResults: [TestResult?]
    let records: [EvidenceRecord]

    /// The signs' common target condition (an error when two differ).
    func target() throws -> TargetCondition? {
        do { return try TargetCondition.requireCommon(pretest: nil, signs: signs.map { ($0.name, $0.target) }) } catch {
            throw InputError("--sign: \(error.description)")
        }
    }

    static func resolve(_ texts: [String], base: () throws -> EvidenceBase) throws -> SignSelection {
        guard texts.count <= maximumCount else {
            throw InputError("--sign was given \(texts.count) times; a table or picture combines at most \(maximumCount) signs")
        }
        var signs: [SignAccuracy] = [], names: [String] = [], results: [TestResult?] = [], records: [EvidenceRecord] = []
        for (index, text) in texts.enumerated() {
            let hasResult = text.contains("=")
            let finding = try SignFinding.parse(hasResult ? text : text + "=positive")
            let (sign, name, record) = try finding.resolve(index: index, base: base)
            signs.append(sign)
            names.append(name)
            results.append(hasResult ? finding.result : nil)
            if let record { records.append(record) }
        }
        return SignSelection(signs: signs, names: names, fixedResults: results, records: records)
    }

    /// Every result pattern: each sign's fixed result, or positive then
    /// negative, the first sign varying slowest (++, +−, −+, −−).
    var patterns: [[TestResult]] {
        fixedResults.reduce([[]]) { patterns, fixed in
            patterns.flatMap { pattern in (fixed.map { [$0] } ?? [.positive, .negative]).map { pattern + [$0] } }
        }
    }

    func findings(_ pattern: [TestResult]) -> [CombinedPostTest.Finding] {
        zip(signs, pattern).map { CombinedPostTest.Finding($0, $1) }
    }

    /// A short column heading: "Positive" for one sign, "+ −" for several.
    func shortLabel(_ pattern: [TestResult]) -> String {
        if pattern.count == 1 { return pattern[0] == .positive ? "Positive" : "Negative" }
        return pattern.map(Self.symbol).joined(separator: " ")
    }

    /// A self-explaining label: "closed-fist-percussion +, supine-sign −".
    func longLabel(_ pattern: [TestResult]) -> String {
        zip(signs, pattern).map { "\($0.name) \(Self.symbol($1))" }.joined(separator: ", ")
    }

    static func symbol(_ result: TestResult) -> String { result == .positive ? "+" : "−" }

    /// The signs' names for a title, a shared citation said once:
    /// "Closed-fist percussion sign and Supine sign (Langdon 2010/2011)".
    var jointName: String {
        let (bare, citation) = Self.splitCitation(names)
        let list = bare.count <= 2 ? bare.joined(separator: " and ") : bare.dropLast().joined(separator: ", ") + " and " + bare.last!
        return list + citation
    }

    /// A result pattern in words, a shared citation said once:
    /// "Closed-fist percussion sign positive, Supine sign negative (Langdon 2010/2011)".
    func patternName(_ pattern: [TestResult], separator: String = ", ") -> String {
        let (bare, citation) = Self.splitCitation(names)
        return zip(bare, pattern).map { "\($0) \($1.rawValue)" }.joined(separator: separator) + citation
    }

    /// The names without the citation they share, if they share one: "Closed-fist percussion sign".
    var bareNames: [String] { Self.splitCitation(names).names }

    /// Names without their parenthesised citation when all share the same one, and that citation (" (…)"), else the names and "".
    private static func splitCitation(_ names: [String]) -> (names: [String], citation: String) {
        func citation(_ name: String) -> String? {
            guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return nil }
            return String(name[open...])
        }
        guard names.count > 1, let shared = citation(names[0]), names.allSatisfy({ citation($0) == shared }) else { return (names, "") }
        return (names.map { String($0.dropLast(shared.count)).trimmingCharacters(in: .whitespaces) }, " " + shared)
    }

    /// The signs for a table's legend.
    var legend: [ProbabilityTable.Sign] {
        zip(signs, names).map { ProbabilityTable.Sign(id: $0.name, name: $1) }
    }
}
