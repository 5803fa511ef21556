import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checks every evidence record must pass. Each problem names the file
/// and the record.
///
/// - every record has at least one citation, and each citation a DOI, PMID,
///   URL or a note saying why there is none; a URL is an http(s) link
///   (`javascript:`, `data:`, `file:` and the like are refused, since a
///   report or handout may make it clickable);
/// - ids are kebab-case and unique; related records exist;
/// - a diagnostic study's counts reproduce its reported sensitivity,
///   specificity (and PPV, NPV, accuracy, prevalence when given) to the
///   precision printed in the source;
/// - a preset's probability lies in [0, 1], equals events/total to its
///   printed precision, and lies inside its range;
/// - exactly one preset is the default;
/// - a `targetCondition` names a record of kind `targetCondition`, which
///   states its condition and population.
public enum EvidenceValidation {
    public static func problems(in records: [EvidenceRecord]) -> [EvidenceError] {
        var problems: [EvidenceError] = []
        let ids = Set(records.map(\.id))
        let targetIds = Set(records.filter { $0.kind == .targetCondition }.map(\.id))
        for record in records {
            func problem(_ text: String) {
                problems.append(EvidenceError(file: record.sourceFile, record: record.id, problem: text))
            }
            if record.id.isEmpty || !record.id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
                problem("the id must be kebab-case (lower-case letters, digits and '-')")
            }
            if record.citations.isEmpty { problem("missing citation: every record needs at least one") }
            for (index, citation) in record.citations.enumerated()
            where citation.doi == nil && citation.pmid == nil && citation.url == nil && citation.note == nil {
                problem("citation \(index + 1) has no DOI, PMID or URL (and no note saying why)")
            }
            for (index, citation) in record.citations.enumerated() {
                if let url = citation.url, !isWebLink(url) {
                    problem("citation \(index + 1)'s url (\(VisibleText.line(url, limit: 80))) must be an http:// or https:// link")
                }
            }
            for related in record.relatedRecords ?? [] where !ids.contains(related) {
                problem("related record '\(related)' does not exist")
            }
            if let target = record.targetCondition, !targetIds.contains(target) {
                problem("target condition '\(target)' is not a record of kind targetCondition")
            }
            switch record.kind {
            case .diagnosticStudy: problems += studyProblems(record)
            case .pretestPreset: problems += presetProblems(record)
            case .targetCondition:
                if record.condition?.isEmpty ?? true { problem("a target condition needs 'condition' (e.g. \"acute fracture\")") }
                if record.population?.isEmpty ?? true { problem("a target condition needs 'population' (among whom)") }
                if record.targetCondition != nil { problem("a target condition cannot itself name a targetCondition") }
            default: break
            }
        }
        let defaults = records.filter { $0.kind == .pretestPreset && $0.isDefault == true }
        if records.contains(where: { $0.kind == .pretestPreset }) && defaults.count != 1 {
            problems.append(
                EvidenceError(
                    file: defaults.first?.sourceFile ?? "evidence",
                    problem: "exactly one pretest preset must have isDefault true; found \(defaults.map(\.id))"))
        }
        return problems
    }

    /// Whether `text` is a plain web link: `http://` or `https://` (any case)
    /// followed by a host, with no spaces or control characters.
    static func isWebLink(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let rest = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }).map({ text.dropFirst($0.count) }) else {
            return false
        }
        return !rest.isEmpty && !rest.hasPrefix("/")
            && !rest.unicodeScalars.contains { $0.properties.isWhitespace || VisibleText.isHidden($0) }
    }

    /// Half a unit in the last printed decimal of `reported` (0.9333 → 5e-5).
    ///
    /// A JSON number loses trailing zeros (a source's "90 %" is stored as
    /// 0.9), so at least two decimals — a whole percentage — are assumed.
    static func printedTolerance(_ reported: Double) -> Double {
        let text = "\(reported)"
        let decimals = text.split(separator: ".").dropFirst().first.map { $0.count } ?? 0
        return 0.5 * pow(10, -Double(Swift.max(decimals, 2))) + 1e-12
    }

    private static func studyProblems(_ record: EvidenceRecord) -> [EvidenceError] {
        var problems: [EvidenceError] = []
        func problem(_ text: String) { problems.append(EvidenceError(file: record.sourceFile, record: record.id, problem: text)) }
        guard let counts = record.counts else {
            if record.reported != nil { problem("reported figures without counts: give the 2×2 counts") }
            return problems
        }
        let cells = [counts.truePositives, counts.falsePositives, counts.falseNegatives, counts.trueNegatives]
        guard cells.allSatisfy({ $0 >= 0 }), cells.reduce(0, +) > 0 else {
            problem("counts must be whole numbers ≥ 0 and not all zero, got \(cells)")
            return problems
        }
        let (a, b, c, d) = (Double(cells[0]), Double(cells[1]), Double(cells[2]), Double(cells[3]))
        let derived: [(String, Double?, Double, Double)] = [
            ("sensitivity", record.reported?.sensitivity, a, a + c),
            ("specificity", record.reported?.specificity, d, b + d),
            ("ppv", record.reported?.ppv, a, a + b),
            ("npv", record.reported?.npv, d, c + d),
            ("accuracy", record.reported?.accuracy, a + d, a + b + c + d),
            ("prevalence", record.reported?.prevalence, a + c, a + b + c + d),
        ]
        for (name, reported, numerator, denominator) in derived {
            guard let reported else { continue }
            guard denominator > 0 else { problem("reported \(name) \(reported) but its denominator is 0"); continue }
            let computed = numerator / denominator
            if abs(computed - reported) > printedTolerance(reported) {
                problem("counts give \(name) \(Int(numerator))/\(Int(denominator)) = \(computed), which does not round to the reported \(reported)")
            }
        }
        return problems
    }

    private static func presetProblems(_ record: EvidenceRecord) -> [EvidenceError] {
        var problems: [EvidenceError] = []
        func problem(_ text: String) { problems.append(EvidenceError(file: record.sourceFile, record: record.id, problem: text)) }
        guard let probability = record.probability else {
            problem("a pretest preset needs a probability")
            return problems
        }
        guard probability.isFinite, probability >= 0, probability <= 1 else {
            problem("probability (\(probability)) must be in [0, 1]")
            return problems
        }
        if let events = record.events, let total = record.total {
            if events < 0 || total <= 0 || events > total {
                problem("events (\(events)) and total (\(total)) must satisfy 0 ≤ events ≤ total, total > 0")
            } else if abs(Double(events) / Double(total) - probability) > printedTolerance(probability) {
                problem("probability \(probability) does not round from events/total = \(events)/\(total)")
            }
        } else if (record.events == nil) != (record.total == nil) {
            problem("give both events and total, or neither")
        }
        if let range = record.range {
            if range.count != 2 || range[0] > range[1] || range[0] < 0 || range[1] > 1 {
                problem("range must be [low, high] within [0, 1], got \(range)")
            } else if probability < range[0] || probability > range[1] {
                problem("probability \(probability) lies outside its range \(range)")
            }
        }
        return problems
    }
}
