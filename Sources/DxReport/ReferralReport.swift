import DxEvidence
import DxReferral
import DxStats

/// Renders the referral pathway's result: a referral note a clinician could
/// paste into a record (text, Markdown), or JSON per cli-contract.md.
public struct ReferralReport: Sendable {
    public let result: ReferralResult

    public init(result: ReferralResult) {
        self.result = result
    }

    public func render(_ format: OutputFormat, pretty: Bool = true) -> String {
        switch format {
        case .json: json.serialized(pretty: pretty)
        case .csv: csv
        case .markdown: note(markdown: true)
        case .text: note(markdown: false)
        }
    }

    public var json: JSONValue {
        var gate: JSONValue = .null
        if let assessment = result.gate {
            let decision = assessment.decision
            var members: [(String, JSONValue)] = [
                (
                    "probability",
                    .object([
                        ("estimate", assessment.estimate.posttest.estimate.json),
                        ("lower", .number(decision.lower)), ("upper", .number(decision.upper)),
                    ])
                ),
                ("classification", .string(decision.classification.rawValue)),
                ("thresholds", .object([("lower", .number(decision.thresholds.lower)), ("upper", .number(decision.thresholds.upper))])),
                ("interval", .string(decision.intervalMethod)),
                ("pretest", .number(assessment.estimate.pretest)),
                ("signs", .array(assessment.estimate.findings.map { .object([("id", .string($0.sign.name)), ("result", .string($0.result.rawValue))]) })),
            ]
            if let dependence = assessment.estimate.dependence {
                members.append(
                    (
                        "dependence",
                        .object([
                            ("likelihoodRatio", .object([("lower", dependence.likelihoodRatioLower.json), ("upper", dependence.likelihoodRatioUpper.json)])),
                            ("posttest", .object([("lower", dependence.posttestLower.json), ("upper", dependence.posttestUpper.json)])),
                        ])
                    ))
            }
            gate = .object(members)
        }
        let identity: [(String, JSONValue)] = result.patient.id.map { [("id", JSONValue.string($0))] } ?? []
        return .object(
            identity + [
                (
                    "recommendations",
                    .array(
                        result.recommendations.map { recommendation in
                            .object([
                                ("rule", .string(recommendation.rule)), ("action", .string(recommendation.action)),
                                ("specialty", recommendation.specialty.map(JSONValue.string) ?? .null),
                                ("urgency", .string(recommendation.urgency.rawValue)), ("rationale", .string(recommendation.rationale)),
                                ("evidence", .array(recommendation.evidence.map(JSONValue.string))),
                                ("caveats", .array(recommendation.caveats.map(JSONValue.string))),
                                ("support", .string(recommendation.support.rawValue)), ("redFlag", .bool(recommendation.isRedFlag)),
                            ])
                        })
                ),
                ("noReferralNeeded", .bool(result.noReferralNeeded)),
                ("gate", gate),
                ("changedByGate", .array(result.changedByGate.map(JSONValue.string))),
                ("redFlags", .array(result.redFlags.map(JSONValue.string))),
                ("disclaimer", .string(Disclaimer.text)),
            ])
    }

    /// One row per recommendation.
    public var csv: String {
        var lines = [CSV.line(["rule", "urgency", "specialty", "action", "evidence", "support"])]
        for recommendation in result.recommendations {
            lines.append(
                CSV.line([
                    recommendation.rule, recommendation.urgency.rawValue, recommendation.specialty ?? "",
                    recommendation.action, recommendation.evidence.joined(separator: " "), recommendation.support.rawValue,
                ]))
        }
        return lines.joined(separator: "\n")
    }

    private func note(markdown: Bool) -> String {
        let patient = result.patient
        let bullet = markdown ? "- " : "  "
        var weeks = patient.weeksSinceOnset == patient.weeksSinceOnset.rounded() ? String(Int(patient.weeksSinceOnset)) : String(patient.weeksSinceOnset)
        weeks += patient.weeksSinceOnset == 1 ? " week" : " weeks"
        var lines = [
            (markdown ? "**" : "") + "Referral note: \(patient.fractureLevel) compression fracture, \(weeks) since onset" + (markdown ? "**" : ""),
            "",
            "Red flags: " + (result.redFlags.isEmpty ? "none recorded" : result.redFlags.joined(separator: ", ")),
            "MRI: \(patient.mri.rawValue). Signs: closed-fist percussion \(patient.closedFistPercussion.rawValue), supine \(patient.supineSign.rawValue).",
        ]
        if let gate = result.gate {
            let decision = gate.decision, estimate = gate.estimate
            lines.append(
                "Bedside estimate (MRI not immediately available): P(acute) \(NumberText.percent(estimate.posttest.estimate)) if the signs were independent; "
                    + "gate interval \(NumberText.percent(.finite(decision.lower))) – \(NumberText.percent(.finite(decision.upper))) "
                    + "against policy thresholds \(NumberText.percent(.finite(decision.thresholds.lower))) / \(NumberText.percent(.finite(decision.thresholds.upper))): "
                    + decision.classification.rawValue.uppercased() + ".")
            if let dependence = estimate.dependence {
                lines.append(
                    "\(bullet)Unknown dependence between the signs allows \(NumberText.percent(dependence.posttestLower)) – \(NumberText.percent(dependence.posttestUpper))."
                )
            }
        }
        lines.append("")
        lines.append(result.noReferralNeeded ? "No specialist referral is needed now." : "Recommendations:")
        for (index, recommendation) in result.recommendations.enumerated() {
            let specialty = recommendation.specialty.map { " → \($0)" } ?? ""
            lines.append("\(index + 1). [\(recommendation.rule), \(recommendation.urgency.rawValue)\(specialty)] \(recommendation.action)")
            lines.append("   Why: \(recommendation.rationale)")
            let support = recommendation.support == .supported ? "" : " (\(recommendation.support.rawValue))"
            lines.append("   Evidence: \(recommendation.evidence.joined(separator: ", "))\(support)")
            for caveat in recommendation.caveats { lines.append("   Caveat: \(caveat)") }
        }
        if !result.changedByGate.isEmpty {
            lines.append("")
            lines.append("What the gate changed:")
            lines += result.changedByGate.map { bullet + $0 }
        }
        lines.append("")
        lines.append(Disclaimer.text)
        return lines.joined(separator: "\n")
    }

    /// The whole rule table as Markdown, generated from `ReferralPathway`,
    /// the definitions the engine runs.
    public static func rulesMarkdown() -> String {
        var table = TextTable(
            header: ["Rule", "When", "Recommend", "Specialty", "Urgency", "Evidence", "Support"],
            alignments: [.left, .left, .left, .left, .left, .left, .left])
        for rule in ReferralPathway.rules {
            var action = rule.action
            for addendum in rule.addenda {
                action += " *If \(addendum.when.description):* \(addendum.text)"
                if let urgency = addendum.urgency { action += " (urgency \(urgency.rawValue))" }
            }
            table.rows.append([
                rule.id + (rule.isRedFlag ? " (red flag)" : ""), rule.when.description, action, rule.specialty ?? "—",
                rule.urgency.rawValue, rule.evidence.map { "`\($0)`" }.joined(separator: ", "), rule.support.rawValue,
            ])
        }
        let gateActions = GateDecision.Classification.allCases.map { "**\($0.rawValue)**: \(ReferralPathway.Gate.action($0))" }.joined(separator: " ")
        table.rows.append([
            "G", ReferralPathway.Gate.when.description, gateActions, "—", "routine (indeterminate: soon)",
            ReferralPathway.Gate.evidence.map { "`\($0)`" }.joined(separator: ", "), "supported",
        ])
        return """
            # Referral pathway: lumbar compression fracture

            Generated by `dxkit refer --rules` from the rule definitions that the engine runs \
            (Sources/DxReferral/ReferralPathway.swift). R9 applies only when no other referral is indicated. \
            The gate G classifies by whether its interval (Monte Carlo over sampling uncertainty and the unknown \
            dependence between the signs) clears the policy thresholds (default 0.20 and 0.80); it never removes a red-flag rule.

            \(table.renderMarkdown())

            \(Disclaimer.text)
            """
    }
}
