import DxEvidence
import DxStats

/// Renders the bedside estimate after one or more signs: a short clinical
/// note in text, or JSON/CSV/Markdown for other software.
///
/// JSON keys (cli-contract.md): `pretest`, `likelihoodRatio`, `posttest`,
/// `dependence` (two or more signs), plus `signs`, `monteCarlo`, `gate`,
/// `level`, `evidence`.
public struct CombinedPostTestReport: Report, Sendable {
    public let result: CombinedPostTest
    /// Display names of the signs, in order (e.g. "closed-fist percussion sign").
    public let signNames: [String]
    public let pretestDescription: String
    /// The evidence records behind the numbers.
    public let evidence: [EvidenceRecord]
    /// True when the pretest was a typed number, taken to be about the signs' target.
    public let pretestTargetAssumed: Bool

    public init(
        result: CombinedPostTest, signNames: [String], pretestDescription: String, evidence: [EvidenceRecord],
        pretestTargetAssumed: Bool = false
    ) {
        self.result = result
        self.signNames = signNames
        self.pretestDescription = pretestDescription
        self.evidence = evidence
        self.pretestTargetAssumed = pretestTargetAssumed
    }

    /// What every probability here is about, in words.
    private var targetWords: String { result.target?.description ?? "the target condition" }
    private var conditionWords: String { result.target?.condition ?? "the target condition" }

    /// Each sign's own likelihood ratio for its result, with its interval.
    private var signRatios: [IntervalEstimate] { result.findings.map { $0.likelihoodRatio(level: result.level) } }

    /// The document `dxkit posttest --sign …` prints (`Schemas/posttest-signs.schema.json`).
    public var json: JSONValue { JSONValueEncoder.value(of: self) }

    public var csv: String {
        let header = CSV.line([
            "pretest", "signs", "lr", "lr_lower", "lr_upper", "posttest", "posttest_lower", "posttest_upper",
            "mc_lower", "mc_upper", "dependence_lower", "dependence_upper", "gate_lower", "gate_upper",
            "classification", "level",
        ])
        let signs = zip(result.findings, result.findings.indices).map { "\($0.0.sign.name)=\($0.0.result.rawValue)" }.joined(separator: ";")
        let row = CSV.line([
            JSONValue.numberText(result.pretest), signs,
            result.likelihoodRatio.estimate.csvField, result.likelihoodRatio.lower.csvField, result.likelihoodRatio.upper.csvField,
            result.posttest.estimate.csvField, result.posttest.lower.csvField, result.posttest.upper.csvField,
            result.monteCarlo.lower.csvField, result.monteCarlo.upper.csvField,
            result.dependence?.posttestLower.csvField ?? "", result.dependence?.posttestUpper.csvField ?? "",
            JSONValue.numberText(result.gate.lower), JSONValue.numberText(result.gate.upper),
            result.gate.classification.rawValue, JSONValue.numberText(result.level.value),
        ])
        return header + "\n" + row
    }

    private var levelText: String { NumberText.level(result.level) }

    private func percentRange(_ lower: ExtendedValue, _ upper: ExtendedValue) -> String {
        "\(NumberText.percent(lower)) – \(NumberText.percent(upper))"
    }

    private func ratioRange(_ lower: ExtendedValue, _ upper: ExtendedValue) -> String {
        "\(NumberText.significant(lower)) – \(NumberText.significant(upper))"
    }

    /// What the threshold classification says, in words that name the target
    /// condition and never its complement ("less likely" is not "ruled out").
    private var gateMeaning: String {
        switch result.gate.classification {
        case .likely:
            "The whole interval lies at or above the upper threshold: \(conditionWords) likely."
        case .lessLikely:
            "The whole interval lies at or below the lower threshold: \(conditionWords) less likely, not excluded."
        case .indeterminate:
            "The interval straddles a threshold: the signs do not settle it."
        }
    }

    /// The lines of the note; shared by text and Markdown.
    private var noteLines: [String] {
        var lines: [String] = []
        var pretest = "Pretest probability: \(pretestDescription)"
        if pretestTargetAssumed, result.target != nil { pretest += ", taken to be the probability of \(targetWords)" }
        lines.append(pretest)
        lines.append("Signs:")
        for (index, (finding, ratio)) in zip(result.findings, signRatios).enumerated() {
            let kind = finding.result == .positive ? "LR+" : "LR−"
            let interval = ratio.method == .given ? "" : ", \(levelText) CI \(ratioRange(ratio.lower, ratio.upper))"
            lines.append("  - \(signNames[index]): \(finding.result.rawValue) (\(kind) \(NumberText.significant(ratio.estimate))\(interval))")
        }
        let gate = result.gate
        let gateInterval = percentRange(.finite(gate.lower), .finite(gate.upper))
        if let dependence = result.dependence, dependence.model == .unknown {
            // Several signs with unknown dependence: the headline is the interval that covers it.
            lines.append("Post-test probability: \(gateInterval)")
            lines.append(
                "  This interval covers the sampling uncertainty and every dependence between the signs that their margins allow "
                    + "(same patients; joint results unpublished); at the point estimates the dependence allows "
                    + "\(percentRange(dependence.posttestLower, dependence.posttestUpper)) (joint LR \(ratioRange(dependence.likelihoodRatioLower, dependence.likelihoodRatioUpper)))."
            )
            lines.append(
                "  Between about \(Int((gate.lower * 100).rounded())) and \(Int((gate.upper * 100).rounded())) in 100 such patients: \(conditionWords).")
            lines.append(
                "  If the signs were independent (LRs multiplied; not assumed above): \(NumberText.percent(result.posttest.estimate)) "
                    + "(\(levelText) CI \(percentRange(result.posttest.lower, result.posttest.upper)); combined LR \(NumberText.significant(result.likelihoodRatio.estimate)))."
            )
        } else {
            lines.append(
                "Post-test probability: \(NumberText.percent(result.posttest.estimate)) "
                    + "(\(levelText) CI \(percentRange(result.posttest.lower, result.posttest.upper)))")
            if let value = result.posttest.estimate.finiteValue {
                lines.append("  About \(Int((value * 100).rounded())) in 100 such patients: \(conditionWords).")
            }
            if let dependence = result.dependence, let model = dependence.modelLikelihoodRatio {
                lines.append(
                    "  Dependence model \(dependence.model): joint LR \(NumberText.significant(model)) "
                        + "(the margins allow \(ratioRange(dependence.likelihoodRatioLower, dependence.likelihoodRatioUpper))).")
            }
        }
        if let target = result.target { lines.append("  Every probability here is about: \(target.description).") }
        lines.append(
            "  Monte Carlo \(levelText) interval\(result.dependence?.model == .unknown ? " if the signs were independent" : ""): \(percentRange(result.monteCarlo.lower, result.monteCarlo.upper)) "
                + "(\(result.monteCarloSettings.draws) draws, seed \(result.monteCarloSettings.seed)).")
        let classification = ["likely": "LIKELY", "lessLikely": "LESS LIKELY", "indeterminate": "INDETERMINATE"][gate.classification.rawValue] ?? ""
        lines.append("Threshold classification (policy): \(classification)" + (result.target.map { " (\($0.condition))" } ?? ""))
        let covers = gate.intervalMethod == .monteCarloWithDependenceRange ? "sampling uncertainty and the dependence range" : "sampling uncertainty"
        lines.append(
            "  The interval \(gateInterval) (covering \(covers)) is compared with the policy thresholds "
                + "\(NumberText.percent(.finite(gate.thresholds.lower))) and \(NumberText.percent(.finite(gate.thresholds.upper))).")
        lines.append("  \(gateMeaning) For what to do (red flags, imaging, referral), use dxkit refer.")
        return lines
    }

    /// Short caveats: the first caveat of each evidence record, and the
    /// dependence warning with two or more signs.
    private var caveats: [String] {
        var list: [String] = []
        if result.findings.count > 1, case .unknown = result.dependenceModel {
            list.append(
                "The signs were examined on the same patients and their errors are probably correlated; multiplying their LRs overstates certainty. The gate covers the whole dependence range."
            )
        }
        var shown: Set<String> = []
        for record in evidence {
            guard let first = record.caveats.first else { continue }
            if shown.insert(first).inserted {
                list.append("\(record.id): \(first)")
            } else if let index = list.firstIndex(where: { $0.hasSuffix(": " + first) }) {
                list[index] = "\(record.id), " + list[index]
            }
        }
        for note in result.likelihoodRatio.notes where !note.hasPrefix("Assumes") { list.append(note) }
        return list
    }

    /// "Bedside estimate: acute fracture on MRI among …", or a neutral title without a declared target.
    private var title: String {
        result.target.map { "Bedside estimate: P(\($0.condition)) among \($0.population)" }
            ?? "Post-test probability after \(result.findings.count == 1 ? "one sign" : "\(result.findings.count) signs")"
    }

    public var text: String {
        var lines = [title, ""] + noteLines
        if !caveats.isEmpty { lines += ["", "Caveats:"] + caveats.map { "- " + $0 } }
        if !evidence.isEmpty {
            lines += ["", "Evidence: " + evidence.map(\.id).joined(separator: ", ") + " (dxkit evidence cite ID)"]
        }
        lines += ["", Disclaimer.text]
        return lines.joined(separator: "\n")
    }

    public var markdown: String {
        // Titles, notes and caveats carry evidence records' text: escaped (no HTML, no links).
        let shown: (String) -> String = { MarkupText.markdown($0) }
        var lines = ["**\(shown(title))**", ""] + noteLines.map { $0.hasPrefix("  ") ? "  " + shown($0) : "- " + shown($0) }
        if !caveats.isEmpty { lines += ["", "**Caveats**", ""] + caveats.map { "- " + shown($0) } }
        if !evidence.isEmpty {
            lines += ["", "**Evidence:** " + evidence.map { "`\($0.id)`" }.joined(separator: ", ")]
        }
        lines += ["", "_\(Disclaimer.text)_"]
        return lines.joined(separator: "\n")
    }
}

extension JSONValue {
    /// An object with `members` appended (other values are returned unchanged).
    func adding(_ members: [(String, JSONValue)]) -> JSONValue {
        guard case .object(let existing) = self else { return self }
        return .object(existing + members)
    }
}

extension CombinedPostTestReport: Encodable {
    enum CodingKeys: String, CodingKey { case schemaVersion, pretestTargetAssumed, evidence }

    /// `schemaVersion`, the combination's own keys (`CombinedPostTest`'s
    /// encoding), `pretestTargetAssumed` and the evidence used.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(OutputSchema.version, forKey: .schemaVersion)
        try result.encode(to: encoder)
        try container.encode(pretestTargetAssumed, forKey: .pretestTargetAssumed)
        if !evidence.isEmpty { try container.encode(evidence.map(UsedEvidence.init), forKey: .evidence) }
    }
}
