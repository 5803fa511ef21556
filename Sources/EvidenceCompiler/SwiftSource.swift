import DxEvidenceFormat

/// Evidence records written as Swift source: literal initialiser calls with
/// every value escaped, so the compiler, not a JSON decoder, builds them.
enum SwiftSource {
    static func builtInEvidence(_ records: [EvidenceRecord], files: [String], simulations: [[UInt64]]) -> String {
        var lines = [
            "// Generated at build time by the EmbedEvidence plugin from Evidence/*.json. Do not edit.",
            "import DxEvidenceFormat",
            "",
            "/// The evidence records compiled into the library (validated when it was built).",
            "enum BuiltInEvidence {",
            "    static let files: [String] = \(list(files.map(string)))",
            "    static let records: [EvidenceRecord] = [",
        ]
        lines += records.map { "        " + record($0) + "," }
        lines += [
            "    ]",
            "",
            "    /// The built-in signs' Monte Carlo simulations, run when the library was built (`PrecomputedSimulation.encoded`).",
            "    static let simulations: [[UInt64]] = [",
        ]
        lines += simulations.map { "        [" + $0.map { "0x" + String($0, radix: 16) }.joined(separator: ", ") + "]," }
        lines += ["    ]", "}", ""]
        return lines.joined(separator: "\n")
    }

    static func record(_ record: EvidenceRecord) -> String {
        var arguments = [
            "id: \(string(record.id))", "kind: .\(record.kind.rawValue)", "title: \(string(record.title))", "claim: \(string(record.claim))",
            "verification: .\(record.verification.rawValue)", "citations: \(list(record.citations.map(citation)))",
            "caveats: \(list(record.caveats.map(string)))",
        ]
        func add(_ label: String, _ value: String?) { if let value { arguments.append("\(label): \(value)") } }
        add("targetCondition", record.targetCondition.map(string))
        add("condition", record.condition.map(string))
        add("target", record.target.map(string))
        add("indexTest", record.indexTest.map(string))
        add("referenceStandard", record.referenceStandard.map(string))
        add("population", record.population.map(string))
        add(
            "counts",
            record.counts.map {
                "EvidenceRecord.Counts(truePositives: \($0.truePositives), falsePositives: \($0.falsePositives), falseNegatives: \($0.falseNegatives), trueNegatives: \($0.trueNegatives))"
            })
        add("reported", record.reported.map(reported))
        add("derivedFields", record.derivedFields.map { list($0.map(string)) })
        add("setting", record.setting.map(string))
        add("probability", record.probability.map(number))
        add("events", record.events.map(String.init))
        add("total", record.total.map(String.init))
        add("range", record.range.map { list($0.map(number)) })
        add("isDefault", record.isDefault.map(String.init))
        add("organisation", record.organisation.map(string))
        add("statement", record.statement.map(string))
        add("strength", record.strength.map(string))
        add("ratings", record.ratings.map { list($0.map(rating)) })
        add(
            "numbers",
            record.numbers.map { numbers in
                numbers.isEmpty
                    ? "[:]" : "[" + numbers.sorted { $0.key < $1.key }.map { "\(string($0.key)): \(number($0.value))" }.joined(separator: ", ") + "]"
            })
        add("relatedRecords", record.relatedRecords.map { list($0.map(string)) })
        add("seedStatement", record.seedStatement.map(string))
        arguments.append("sourceFile: \(string(record.sourceFile))")
        return "EvidenceRecord(" + arguments.joined(separator: ", ") + ")"
    }

    static func citation(_ citation: EvidenceRecord.Citation) -> String {
        let fields: [(String, String?)] = [
            ("authors", citation.authors.map(string)), ("year", citation.year.map(String.init)), ("title", citation.title.map(string)),
            ("journal", citation.journal.map(string)), ("doi", citation.doi.map(string)), ("pmid", citation.pmid.map(string)),
            ("url", citation.url.map(string)), ("organisation", citation.organisation.map(string)), ("note", citation.note.map(string)),
        ]
        return "EvidenceRecord.Citation(" + fields.compactMap { label, value in value.map { "\(label): \($0)" } }.joined(separator: ", ") + ")"
    }

    static func reported(_ reported: EvidenceRecord.ReportedAccuracy) -> String {
        let fields: [(String, Double?)] = [
            ("sensitivity", reported.sensitivity), ("specificity", reported.specificity), ("ppv", reported.ppv), ("npv", reported.npv),
            ("accuracy", reported.accuracy), ("prevalence", reported.prevalence),
        ]
        return "EvidenceRecord.ReportedAccuracy("
            + fields.compactMap { label, value in value.map { "\(label): \(number($0))" } }.joined(separator: ", ") + ")"
    }

    static func rating(_ rating: EvidenceRecord.Rating) -> String {
        "EvidenceRecord.Rating(procedure: \(string(rating.procedure)), category: \(string(rating.category))"
            + (rating.rating.map { ", rating: \($0)" } ?? "") + ")"
    }

    static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    /// A Double literal that reads back as the same Double.
    static func number(_ value: Double) -> String {
        let text = "\(value)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    /// A Swift string literal: quotes, backslashes and control characters escaped.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20 || control.value == 0x7F:
                result += "\\u{\(String(control.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
