import DxEvidence
import DxStats
import Foundation

/// Renders evidence records: the list, one record in full, and citations.
public enum EvidenceReport {
    /// The list of records: id, kind, verification and title.
    public static func list(_ base: EvidenceBase, format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.array(
                base.records.map { record in
                    .object([
                        ("id", .string(record.id)), ("kind", .string(record.kind.rawValue)),
                        ("verification", .string(record.verification.rawValue)), ("title", .string(record.title)),
                        ("file", .string(record.sourceFile)),
                    ])
                }
            ).serialized(pretty: true)
        case .csv:
            return
                ([CSV.line(["id", "kind", "verification", "title", "file"])]
                + base.records.map { CSV.line([$0.id, $0.kind.rawValue, $0.verification.rawValue, $0.title, $0.sourceFile]) })
                .joined(separator: "\n")
        case .text, .markdown:
            var table = TextTable(header: ["Id", "Kind", "Verification", "Title"], alignments: [.left, .left, .left, .left])
            let shown: (String) -> String = { format == .markdown ? MarkupText.markdown($0) : $0 }
            table.rows = base.records.map { [shown($0.id), $0.kind.rawValue, $0.verification.rawValue, shown($0.title)] }
            return format == .markdown ? table.renderMarkdown() : table.renderText()
        }
    }

    /// The citations of a record, one per line (text), or as JSON.
    public static func cite(_ record: EvidenceRecord, format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([
                ("id", .string(record.id)),
                ("citations", .array(record.citations.map { citationJSON($0) })),
                ("formatted", .array(record.citations.map { .string($0.formatted) })),
            ]).serialized(pretty: true)
        case .csv:
            return ([CSV.line(["id", "citation"])] + record.citations.map { CSV.line([record.id, $0.formatted]) }).joined(separator: "\n")
        case .markdown:
            return record.citations.map { "- " + MarkupText.markdown($0.formatted) }.joined(separator: "\n")
        case .text:
            return record.citations.map(\.formatted).joined(separator: "\n")
        }
    }

    /// One record in full; a diagnostic study with its 2×2 table and every
    /// accuracy measure with its interval.
    public static func show(_ record: EvidenceRecord, accuracy: DiagnosticAccuracy?, format: OutputFormat) -> String {
        switch format {
        case .json:
            var members = recordJSON(record)
            if let accuracy {
                if case .object(let measures) = AccuracyReport(accuracy: accuracy).json {
                    members.append(("measures", .object(measures.filter { $0.0 != "counts" })))
                }
            }
            return JSONValue.object(members).serialized(pretty: true)
        case .csv:
            guard let accuracy else {
                return CSV.line(["id", "kind", "verification", "title", "claim"]) + "\n"
                    + CSV.line([record.id, record.kind.rawValue, record.verification.rawValue, record.title, record.claim])
            }
            return AccuracyReport(accuracy: accuracy).csv
        case .text, .markdown:
            return showText(record, accuracy: accuracy, markdown: format == .markdown)
        }
    }

    private static func showText(_ record: EvidenceRecord, accuracy: DiagnosticAccuracy?, markdown: Bool) -> String {
        // Everything from the record is text from outside: escaped in Markdown (no HTML, no links).
        let shown: (String) -> String = { markdown ? MarkupText.markdown($0) : $0 }
        // Ids are kebab-case (validated), so one fits in a code span as it is.
        let heading = markdown ? "### \(shown(record.title)) (`\(record.id)`)" : "\(record.title)  [\(record.id)]"
        var lines = [heading, ""]
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(markdown ? "- **\(name):** \(shown(value))" : "\(name): \(value)")
        }
        field("Kind", record.kind.rawValue)
        field("Claim", record.claim)
        field("Verification", "\(record.verification.rawValue) (\(record.verification.plainWords))")
        field("Target", record.target)
        field("Index test", record.indexTest)
        field("Reference standard", record.referenceStandard)
        field("Population", record.population)
        field("Setting", record.setting)
        if let probability = record.probability {
            var text = NumberText.percent(.finite(probability))
            if let events = record.events, let total = record.total { text += " (\(events) of \(total))" }
            if let range = record.range, range.count == 2 {
                text += ", range \(NumberText.percent(.finite(range[0]))) – \(NumberText.percent(.finite(range[1])))"
            }
            if record.isDefault == true { text += " — the default preset" }
            field("Pretest probability", text)
        }
        field("Organisation", record.organisation)
        field("Statement", record.statement)
        field("Strength", record.strength)
        for rating in record.ratings ?? [] {
            field("Rating", "\(rating.procedure): \(rating.category)" + (rating.rating.map { " (\($0))" } ?? ""))
        }
        if let numbers = record.numbers, !numbers.isEmpty {
            field("Numbers", numbers.sorted { $0.key < $1.key }.map { "\($0.key) \(NumberText.significant($0.value, digits: 6))" }.joined(separator: ", "))
        }
        if let reported = record.reported {
            let parts = [
                ("sensitivity", reported.sensitivity), ("specificity", reported.specificity), ("PPV", reported.ppv),
                ("NPV", reported.npv), ("accuracy", reported.accuracy), ("prevalence", reported.prevalence),
            ]
            .compactMap { name, value in value.map { "\(name) \($0)" } }
            field("Reported in the source", parts.joined(separator: ", "))
        }
        field("Derived", record.derivedFields?.joined(separator: "; "))
        field("Seed statement", record.seedStatement.map { "“\($0)”" })
        field("Related records", record.relatedRecords?.joined(separator: ", "))
        if !record.caveats.isEmpty {
            lines.append(markdown ? "- **Caveats:**" : "Caveats:")
            lines += record.caveats.map { "  - \(shown($0))" }
        }
        lines.append(markdown ? "- **Citations:**" : "Citations:")
        lines += record.citations.map { "  - \(shown($0.formatted))" }
        if let accuracy {
            lines.append("")
            lines.append(markdown ? AccuracyReport(accuracy: accuracy).markdown : AccuracyReport(accuracy: accuracy).text)
        }
        return lines.joined(separator: "\n")
    }

    static func citationJSON(_ citation: EvidenceRecord.Citation) -> JSONValue {
        let fields: [(String, String?)] = [
            ("authors", citation.authors), ("title", citation.title), ("journal", citation.journal),
            ("doi", citation.doi), ("pmid", citation.pmid), ("url", citation.url),
            ("organisation", citation.organisation), ("note", citation.note),
        ]
        var members = fields.compactMap { key, value in value.map { (key, JSONValue.string($0)) } }
        if let year = citation.year { members.insert(("year", .integer(year)), at: min(1, members.count)) }
        return .object(members)
    }

    static func recordJSON(_ record: EvidenceRecord) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("id", .string(record.id)), ("kind", .string(record.kind.rawValue)), ("title", .string(record.title)),
            ("claim", .string(record.claim)), ("verification", .string(record.verification.rawValue)),
            ("citations", .array(record.citations.map(citationJSON))), ("caveats", .array(record.caveats.map(JSONValue.string))),
            ("file", .string(record.sourceFile)),
        ]
        let strings: [(String, String?)] = [
            ("target", record.target), ("indexTest", record.indexTest), ("referenceStandard", record.referenceStandard),
            ("population", record.population), ("setting", record.setting), ("organisation", record.organisation),
            ("statement", record.statement), ("strength", record.strength), ("seedStatement", record.seedStatement),
        ]
        members += strings.compactMap { key, value in value.map { (key, .string($0)) } }
        if let counts = record.counts {
            members.append(
                (
                    "counts",
                    .object([
                        ("tp", .integer(counts.truePositives)), ("fp", .integer(counts.falsePositives)),
                        ("fn", .integer(counts.falseNegatives)), ("tn", .integer(counts.trueNegatives)),
                    ])
                ))
        }
        if let reported = record.reported {
            let values: [(String, Double?)] = [
                ("sensitivity", reported.sensitivity), ("specificity", reported.specificity),
                ("ppv", reported.ppv), ("npv", reported.npv), ("accuracy", reported.accuracy),
                ("prevalence", reported.prevalence),
            ]
            members.append(("reported", .object(values.compactMap { key, value in value.map { (key, .number($0)) } })))
        }
        if let derived = record.derivedFields { members.append(("derivedFields", .array(derived.map(JSONValue.string)))) }
        if let probability = record.probability { members.append(("probability", .number(probability))) }
        if let events = record.events { members.append(("events", .integer(events))) }
        if let total = record.total { members.append(("total", .integer(total))) }
        if let range = record.range { members.append(("range", .array(range.map(JSONValue.number)))) }
        if let isDefault = record.isDefault { members.append(("isDefault", .bool(isDefault))) }
        if let ratings = record.ratings {
            members.append(
                (
                    "ratings",
                    .array(
                        ratings.map { rating in
                            .object(
                                [("procedure", .string(rating.procedure)), ("category", .string(rating.category))]
                                    + (rating.rating.map { [("rating", JSONValue.integer($0))] } ?? []))
                        })
                ))
        }
        if let numbers = record.numbers {
            members.append(("numbers", .object(numbers.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })))
        }
        if let related = record.relatedRecords { members.append(("relatedRecords", .array(related.map(JSONValue.string)))) }
        return members
    }
}

extension EvidenceRecord {
    /// The record as cited by a result: id, verification, caveats and formatted citations.
    var usedEvidenceJSON: JSONValue {
        .object([
            ("id", .string(id)), ("verification", .string(verification.rawValue)),
            ("caveats", .array(caveats.map(JSONValue.string))),
            ("citations", .array(citations.map { .string($0.formatted) })),
        ])
    }
}
