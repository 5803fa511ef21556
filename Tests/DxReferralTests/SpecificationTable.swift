import Foundation

/// The rule ids and hazard rows of the specification, read from a verbatim
/// copy committed beside the tests (Fixtures/referral-pathway-v2.md, copied
/// from ../shared/clinical/referral-pathway.md; a test checks the copy is
/// current when the original is reachable).
enum SpecificationTable {
    static let text: String = {
        let url = Bundle.module.url(forResource: "referral-pathway-v2", withExtension: "md", subdirectory: "Fixtures")!
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    /// The first cells of the table rows in the section headed `heading`.
    static func firstCells(under heading: String) -> [String] {
        guard let start = text.range(of: "\n## \(heading)") else { return [] }
        let section = text[start.upperBound...].split(separator: "\n## ", maxSplits: 1).first ?? ""
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("|") && !$0.hasPrefix("|-") && !$0.hasPrefix("| -") }
        return rows.dropFirst().map {
            $0.split(separator: "|", omittingEmptySubsequences: true).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
    }

    /// "R1", …, "R10", "R10c", …, "R19", "G".
    static var ruleIds: [String] { firstCells(under: "Rules") }

    /// "a deficit waits", …
    static var hazards: [String] { firstCells(under: "Hazards and their invariants") }
}
