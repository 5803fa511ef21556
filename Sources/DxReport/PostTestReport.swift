import DxEvidence
import DxStats

/// Renders a post-test probability: the pretest probability, the likelihood
/// ratio used and the post-test probability with its interval, as a short
/// note a clinician can read aloud, or as JSON/CSV/Markdown.
///
/// JSON (`Schemas/posttest.schema.json`): `schemaVersion`, `pretest`,
/// `result`, `finding`, `likelihoodRatio`, `posttest`, `level`, `evidence`.
public struct PostTestReport: Report, Sendable {
    public let pretest: Double
    /// What the LR describes, e.g. "positive result (TP 42, FP 3, FN 6, TN 27)".
    public let finding: String
    public let result: TestResult?
    public let likelihoodRatio: IntervalEstimate
    public let posttest: IntervalEstimate
    /// How the pretest probability was given, e.g. "61.5 % (preset suspected-acute-vcf: 48 of 78)".
    public let pretestDescription: String
    /// The evidence records behind the numbers (preset, sign), for caveats and citations.
    public let evidence: [EvidenceRecord]

    public init(
        pretest: Double, finding: String, result: TestResult?, likelihoodRatio: IntervalEstimate, posttest: IntervalEstimate,
        pretestDescription: String? = nil, evidence: [EvidenceRecord] = []
    ) {
        self.pretest = pretest
        self.finding = finding
        self.result = result
        self.likelihoodRatio = likelihoodRatio
        self.posttest = posttest
        self.pretestDescription = pretestDescription ?? NumberText.percent(.finite(pretest))
        self.evidence = evidence
    }

    /// The document `dxkit posttest --lr …` or `--tp … --result …` prints (`Schemas/posttest.schema.json`).
    public var json: JSONValue { JSONValueEncoder.value(of: self) }

    public var csv: String {
        let header = CSV.line([
            "pretest", "result", "lr", "lr_lower", "lr_upper", "lr_method",
            "posttest", "posttest_lower", "posttest_upper", "posttest_method", "level", "note",
        ])
        let notes = (likelihoodRatio.notes + posttest.notes.filter { !likelihoodRatio.notes.contains($0) }).joined(separator: " ")
        let row = CSV.line([
            JSONValue.numberText(pretest), result?.rawValue ?? "",
            likelihoodRatio.estimate.csvField, likelihoodRatio.lower.csvField, likelihoodRatio.upper.csvField, likelihoodRatio.method.rawValue,
            posttest.estimate.csvField, posttest.lower.csvField, posttest.upper.csvField, posttest.method.rawValue,
            JSONValue.numberText(posttest.level.value), notes,
        ])
        return header + "\n" + row
    }

    private var levelText: String { NumberText.level(posttest.level) }

    private var likelihoodRatioText: String {
        if likelihoodRatio.method == .given && likelihoodRatio.lower == likelihoodRatio.estimate
            && likelihoodRatio.upper == likelihoodRatio.estimate
        {
            return "\(NumberText.significant(likelihoodRatio.estimate)) (given without an interval)"
        }
        return
            "\(NumberText.significant(likelihoodRatio.estimate)) (\(levelText) CI \(NumberText.significant(likelihoodRatio.lower)) – \(NumberText.significant(likelihoodRatio.upper)), \(likelihoodRatio.method.displayName))"
    }

    private var naturalFrequency: String? {
        guard let value = posttest.estimate.finiteValue else { return nil }
        let perHundred = Int((value * 100).rounded())
        return "About \(perHundred) in 100 patients with this pretest probability and this finding have the condition."
    }

    private var notes: [String] {
        var seen: [String] = []
        for note in likelihoodRatio.notes + posttest.notes where !seen.contains(note) { seen.append(note) }
        return seen
    }

    public var text: String {
        var lines = [
            "Pretest probability:   \(pretestDescription)",
            "Finding:               \(finding)",
            "Likelihood ratio:      \(likelihoodRatioText)",
            "Post-test probability: \(NumberText.percent(posttest.estimate)) (\(levelText) CI \(NumberText.percent(posttest.lower)) – \(NumberText.percent(posttest.upper)), \(posttest.method.displayName))",
        ]
        if let naturalFrequency { lines.append("                       \(naturalFrequency)") }
        if !notes.isEmpty { lines.append(""); lines.append("Notes:"); lines += notes.map { "- " + $0 } }
        lines += evidenceLines
        lines.append("")
        lines.append(Disclaimer.text)
        return lines.joined(separator: "\n")
    }

    /// Caveats and citations of the evidence used, for text output.
    private var evidenceLines: [String] {
        guard !evidence.isEmpty else { return [] }
        var lines = ["", "Evidence:"]
        for record in evidence {
            lines.append("- \(record.id) (\(record.verification.plainWords)): \(record.citations.first?.formatted ?? "")")
            lines += record.caveats.map { "    caveat: \($0)" }
        }
        return lines
    }

    public var markdown: String {
        var table = TextTable(header: ["Quantity", "Estimate", "\(levelText) CI", "Method"], alignments: [.left, .right, .right, .left])
        table.rows = [
            ["Pretest probability", NumberText.percent(.finite(pretest)), "", ""],
            [
                "Likelihood ratio", NumberText.significant(likelihoodRatio.estimate),
                "\(NumberText.significant(likelihoodRatio.lower)) – \(NumberText.significant(likelihoodRatio.upper))",
                likelihoodRatio.method.displayName,
            ],
            [
                "Post-test probability", NumberText.percent(posttest.estimate),
                "\(NumberText.percent(posttest.lower)) – \(NumberText.percent(posttest.upper))", posttest.method.displayName,
            ],
        ]
        var sections = ["**Post-test probability** — \(MarkupText.markdown(finding))", table.renderMarkdown()]
        if !notes.isEmpty { sections.append(notes.map { "- " + MarkupText.markdown($0) }.joined(separator: "\n")) }
        sections.append("_\(Disclaimer.text)_")
        return sections.joined(separator: "\n\n")
    }
}

extension PostTestReport: Encodable {
    enum CodingKeys: String, CodingKey { case schemaVersion, pretest, result, finding, likelihoodRatio, posttest, level, evidence }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(OutputSchema.version, forKey: .schemaVersion)
        try container.encode(pretest, forKey: .pretest)
        try container.encodeIfPresent(result, forKey: .result)
        try container.encode(finding, forKey: .finding)
        try container.encode(likelihoodRatio, forKey: .likelihoodRatio)
        try container.encode(posttest, forKey: .posttest)
        try container.encode(posttest.level.value, forKey: .level)
        if !evidence.isEmpty { try container.encode(evidence.map(UsedEvidence.init), forKey: .evidence) }
    }
}
