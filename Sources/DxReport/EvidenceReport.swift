import DxEvidence
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Renders evidence records: the list, one record in full, and citations.
public enum EvidenceReport {
    /// The list of records: id, kind, verification and title.
    public static func list(_ base: EvidenceBase, format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValueEncoder.value(of: ListDocument(base)).serialized(pretty: true)
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
            return JSONValueEncoder.value(of: CitationDocument(record)).serialized(pretty: true)
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
            return JSONValueEncoder.value(of: RecordDocument(record: record, accuracy: accuracy)).serialized(pretty: true)
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
}

/// An evidence record as results cite it: id, verification, caveats and
/// formatted citations.
public struct UsedEvidence: Sendable, Encodable {
    public let id: String
    public let verification: EvidenceRecord.Verification
    public let caveats: [String]
    public let citations: [String]

    public init(_ record: EvidenceRecord) {
        id = record.id
        verification = record.verification
        caveats = record.caveats
        citations = record.citations.map(\.formatted)
    }
}

extension EvidenceReport {
    /// `dxkit evidence validate DIR --format json` for a valid directory: `{"schemaVersion", "valid", "records", "files"}`.
    public struct Validation: Encodable {
        public let schemaVersion = OutputSchema.version
        public let valid = true
        public let records: Int
        public let files: Int
        public init(records: Int, files: Int) {
            self.records = records
            self.files = files
        }
    }

    /// `dxkit evidence list --format json`: `{"schemaVersion", "records": [{"id", "kind", "verification", "title", "file"}]}`.
    struct ListDocument: Encodable {
        struct Entry: Encodable {
            let id: String
            let kind: EvidenceRecord.Kind
            let verification: EvidenceRecord.Verification
            let title: String
            let file: String
        }
        let schemaVersion = OutputSchema.version
        let records: [Entry]
        init(_ base: EvidenceBase) {
            records = base.records.map { .init(id: $0.id, kind: $0.kind, verification: $0.verification, title: $0.title, file: $0.sourceFile) }
        }
    }

    /// `dxkit evidence cite ID --format json`: `{"schemaVersion", "id", "citations", "formatted"}`.
    struct CitationDocument: Encodable {
        let schemaVersion = OutputSchema.version
        let id: String
        let citations: [EvidenceRecord.Citation]
        let formatted: [String]
        init(_ record: EvidenceRecord) {
            id = record.id
            citations = record.citations
            formatted = record.citations.map(\.formatted)
        }
    }

    /// `dxkit evidence show ID --format json`: the record's own keys, and for
    /// a diagnostic study `measures` (every accuracy measure, as `dxkit accuracy`).
    struct RecordDocument: Encodable {
        let record: EvidenceRecord
        let accuracy: DiagnosticAccuracy?
        enum CodingKeys: String, CodingKey { case schemaVersion, measures }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(OutputSchema.version, forKey: .schemaVersion)
            try record.encode(to: encoder)
            if let accuracy { try container.encode(Measures(accuracy: accuracy), forKey: .measures) }
        }
    }

    /// The measures of `DiagnosticAccuracy`'s encoding, without `counts` (the record has them).
    struct Measures: Encodable {
        let accuracy: DiagnosticAccuracy
        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(accuracy.level.value, forKey: Key("level"))
            for measure in accuracy.measures { try container.encode(measure.value, forKey: Key(measure.key)) }
        }
    }
}
