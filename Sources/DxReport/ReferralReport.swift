import DxEvidence
import DxReferral
import DxStats

/// Renders the referral pathway's result: a referral note a clinician could
/// paste into a record (text, Markdown), one CSV row per item, or the JSON
/// encoding of `ReferralResult` (DxReferral) (`Schemas/refer.schema.json`).
///
/// The note follows the specification's layout: the inputs used, the
/// recommendations most urgent first with their time frames, what was not
/// assessed, what was withheld and why, the gate or why it does not apply,
/// safety-net advice, and the disclaimer.
public struct ReferralReport: Sendable {
    public let result: ReferralResult

    public init(result: ReferralResult) {
        self.result = result
    }

    public func render(_ format: OutputFormat, pretty: Bool = true) throws -> String {
        switch format {
        case .json: try JSONValueEncoder.encode(result).serialized(pretty: pretty)
        case .csv: csv
        case .markdown: note(markdown: true)
        case .text: note(markdown: false)
        }
    }

    /// One row per item: recommendations, then not assessed, then withheld.
    public var csv: String {
        var lines = [CSV.line(["id", "kind", "rule", "urgency", "time_frame", "specialty", "action", "reason", "evidence", "support"])]
        let id = result.id ?? ""
        for item in result.recommendations {
            lines.append(
                CSV.line([
                    id, "recommendation", item.rule, item.urgency.rawValue, item.timeFrame, item.specialty?.words ?? "", item.action, "",
                    item.evidence.joined(separator: " "), item.support.words,
                ]))
        }
        for item in result.notAssessed {
            lines.append(CSV.line([id, "not-assessed", item.rule, "", "", "", item.title, item.reason, "", ""]))
        }
        for item in result.withheld {
            lines.append(CSV.line([id, "withheld", item.rule, "", "", "", item.title, item.reasons.joined(separator: " "), "", ""]))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: The note

    private func note(markdown: Bool) -> String {
        let heading = { (text: String) in markdown ? "**\(text)**" : text }
        let bullet = markdown ? "- " : "  - "
        var lines: [String] = []
        let level = result.inputsUsed.first { $0.input == .fractureLevel }?.value ?? "L2"
        lines.append(
            heading("Referral note: \(level) compression fracture, \(weeks) weeks since onset (pathway version \(result.pathwayVersion))"))
        if let identifier = result.id { lines.append("Patient id: \(markdown ? MarkupText.markdown(identifier) : identifier)") }
        if let reason = result.notApplicableReason {
            lines.append("")
            lines.append(heading("NOT APPLICABLE") + ": " + reason.replacing("not applicable: ", with: ""))
        }

        lines.append("")
        lines.append(heading("Inputs used"))
        lines += inputLines().map { bullet + $0 }

        lines.append("")
        lines.append(heading("Recommendations, most urgent first") + " (time frames are policy)")
        for (index, item) in result.recommendations.enumerated() {
            let specialty = item.specialty.map { " → \($0.words)" } ?? ""
            let number = "\(index + 1). "
            let indent = String(repeating: " ", count: number.count + (markdown ? 0 : 2))
            lines.append(
                (markdown ? "" : "  ") + number + "\(item.urgency.words.uppercased()) (\(item.timeFrame)) [\(item.rule)\(specialty)] \(item.action)")
            lines.append(indent + "Why: \(item.rationale)")
            let support = item.support == .supported ? "" : " (\(item.support.words))"
            lines.append(indent + "Evidence: \(item.evidence.joined(separator: ", "))\(support)")
            for caveat in item.caveats { lines.append(indent + "Caveat: \(caveat)") }
        }

        if !result.notAssessed.isEmpty {
            lines.append("")
            lines.append(heading("Not assessed") + " (unknown inputs are never read as \"no\"; answer them to complete the note)")
            for item in result.notAssessed {
                lines.append(bullet + "\(item.rule) (\(item.title)): \(item.reason)")
            }
        }
        if !result.withheld.isEmpty {
            lines.append("")
            lines.append(heading("Withheld"))
            for item in result.withheld {
                lines.append(bullet + "\(item.rule) (\(item.title)): " + item.reasons.joined(separator: " "))
            }
        }

        lines.append("")
        lines.append(heading("Acute-versus-chronic gate"))
        lines += gateLines().map { (markdown ? "" : "  ") + $0 }

        lines.append("")
        lines.append(heading("Safety net"))
        lines += result.safetyNet.map { bullet + $0 }
        lines.append("")
        lines.append(result.disclaimer)
        return lines.joined(separator: "\n")
    }

    /// The note on one screen: the gate's headline, the recommendations
    /// (actions only), what was not assessed or withheld, the safety net and
    /// the disclaimer. The interactive consult ends with it.
    public var brief: String {
        var lines: [String] = []
        let level = result.inputsUsed.first { $0.input == .fractureLevel }?.value ?? "L2"
        lines.append("Referral note (brief): \(level), \(weeks) weeks since onset (pathway version \(result.pathwayVersion))")
        if let reason = result.notApplicableReason { lines.append(reason.prefix(1).uppercased() + reason.dropFirst() + ".") }
        let gate = result.gate
        if gate.applies, let probability = gate.probability, let classification = gate.classification {
            let percent = { (value: Double) in NumberText.percent(.finite(value)) }
            lines.append(
                "P(\(probability.of)): \(percent(probability.lower)) – \(percent(probability.upper)): \(classification.words.uppercased())")
            if let independence = gate.independence, let estimate = independence.estimate {
                lines.append("  That is the gate's interval. Beside it, \(independence.method): \(percent(estimate)).")
            }
        } else {
            lines.append(gate.reason)
        }
        lines.append("Recommendations, most urgent first (time frames are policy):")
        for (index, item) in result.recommendations.enumerated() {
            lines.append("  \(index + 1). \(item.urgency.words.uppercased()) (\(item.timeFrame)) \(item.rule): \(item.action)")
        }
        if !result.notAssessed.isEmpty {
            lines.append("Not assessed: " + result.notAssessed.map { "\($0.rule) (\($0.reason))" }.joined(separator: "; ") + ".")
        }
        if !result.withheld.isEmpty {
            lines.append("Withheld: " + result.withheld.map { "\($0.rule): \($0.reasons.joined(separator: " "))" }.joined(separator: " "))
        }
        lines.append("Safety net: " + result.safetyNet.joined(separator: " "))
        lines.append(result.disclaimer)
        return lines.joined(separator: "\n")
    }

    /// "2 weeks", "5 days" (under 3 weeks the days are shown too: "1.5 weeks (10.5 days)").
    private var weeks: String {
        let value = result.inputsUsed.first { $0.input == .weeksSinceOnset }?.value ?? "?"
        let number = value.split(separator: " ").first.map(String.init) ?? value
        return number == "1" ? "1" : number
    }

    /// Given inputs first, then defaults, then unknowns (so the gaps stand out).
    private func inputLines() -> [String] {
        func describe(_ input: InputUsed) -> String {
            var text = "\(input.label): \(input.value)"
            if let note = input.note { text += " (\(note))" }
            return text
        }
        var lines: [String] = []
        let given = result.inputsUsed.filter { $0.source == .given || $0.source == .derived }
        let defaults = result.inputsUsed.filter { $0.source == .default }
        let unknown = result.inputsUsed.filter { $0.source == .unknown }
        if !given.isEmpty { lines.append("Given: " + given.map(describe).joined(separator: "; ")) }
        if !defaults.isEmpty { lines.append("Defaults: " + defaults.map(describe).joined(separator: "; ")) }
        if !unknown.isEmpty { lines.append("Unknown: " + unknown.map(\.label).joined(separator: ", ")) }
        return lines
    }

    private func gateLines() -> [String] {
        let gate = result.gate
        guard gate.applies, let probability = gate.probability, let classification = gate.classification, let thresholds = gate.thresholds
        else {
            return [gate.reason]
        }
        let percent = { (value: Double) in NumberText.percent(.finite(value)) }
        var lines = [
            "P(\(probability.of)): \(percent(probability.lower)) – \(percent(probability.upper))"
                + (probability.estimate.map { ", estimate \(percent($0))" } ?? "") + ".",
            "  This interval is what the gate used: \(probability.method).",
        ]
        if let independence = gate.independence {
            lines.append(
                "Beside it, \(independence.method): \(independence.estimate.map(percent) ?? "not estimable") (\(percent(independence.lower)) – \(percent(independence.upper)))."
            )
        }
        lines.append(
            "Classification: \(classification.words.uppercased()) (the interval against the thresholds \(percent(thresholds.lower)) and \(percent(thresholds.upper)), which are policy, not evidence)."
        )
        if let pretest = gate.pretest {
            var text = "Pretest: \(percent(pretest.probability))"
            text += pretest.preset.map { " (preset \($0)\(pretest.isDefault ? ", the default" : ""))" } ?? " (a number)"
            if pretest.targetAssumed { text += ", taken to be the probability of \(probability.of)" }
            lines.append(text + ".")
        }
        if let monteCarlo = gate.monteCarlo {
            lines.append("Monte Carlo: \(monteCarlo.draws) draws, seed \(monteCarlo.seed).")
        }
        return lines
    }

    // MARK: The rule table

    /// The whole pathway as Markdown, generated from `ReferralPathway` (DxReferral)
    /// (the definitions the engine runs): one row per rule of the
    /// specification's table, in its order (R1–R10, R10c, R11–R19, G).
    public static func rulesMarkdown() -> String {
        var table = TextTable(
            header: ["Rule", "When", "Recommend", "Urgency", "Evidence", "Status"],
            alignments: [.left, .left, .left, .left, .left, .left])
        for rule in ReferralPathway.rules {
            table.rows.append([
                rule.id + (rule.isRedFlag ? " (red flag)" : ""), whenText(rule), recommendText(rule), urgencyText(rule),
                rule.evidence.map { "`\($0)`" }.joined(separator: ", "), rule.support.words,
            ])
        }
        let gateActions = AcuityGate.Outcome.allCases.map {
            "**\($0.words)**: \(AcuityGate.advice($0, mri: .unavailable).text)"
        }.joined(separator: " ")
        table.rows.append([
            "G", AcuityGate.whenDescription, gateActions, "indeterminate: soon; otherwise routine",
            AcuityGate.evidence.map { "`\($0)`" }.joined(separator: ", "), "supported",
        ])
        let trauma = ReferralPathway.trauma
        return """
            # Referral pathway: low-energy vertebral compression fracture (version \(ReferralPathway.version))

            Generated by `dxkit refer --rules` from the rule definitions that the engine runs \
            (Sources/DxReferral/ReferralPathway.swift).

            **Scope.** \(trauma.advice.text) With high-energy trauma the note lists R1 if a deficit is present and nothing else.

            **Unknown inputs.** Every yes/no input may be unknown; unknown is never read as "no". A rule whose outcome \
            depends on an unknown input is listed under "Not assessed" with the inputs it needs; R9 is never given while a \
            red flag is unknown.

            **Urgency** (time frames are policy): \(Urgency.allCases.map { "\($0.words) (\($0.timeFrame))" }.joined(separator: ", ")).

            \(table.renderMarkdown())

            **The gate** classifies by whether its interval (Monte Carlo over sampling uncertainty and every dependence \
            between the signs that their margins allow) clears the policy thresholds (default 0.20 and 0.80). It never \
            removes or lowers a red-flag recommendation.

            **Safety net** (every note): \(ReferralPathway.safetyNet.joined(separator: " "))

            \(Disclaimer.text)
            """
    }

    private static func whenText(_ rule: ReferralRule) -> String {
        var text = rule.when.description
        if let unless = rule.unless { text += "; *not when* \(unless.description)" }
        if !rule.withheldWhen.isEmpty {
            text += "; *withheld when* " + rule.withheldWhen.map { "\($0.when.description) (\($0.reason))" }.joined(separator: "; ")
        }
        return text
    }

    private static func recommendText(_ rule: ReferralRule) -> String {
        var text = rule.advice.text
        for variant in rule.variants {
            text += " *If \(variant.when.description):* \(variant.advice.text)"
            if let urgency = variant.urgency { text += " (urgency \(urgency.words))" }
        }
        for addendum in rule.addenda {
            text += " *Add if \(addendum.when.description):* \(addendum.advice.text)"
            if let urgency = addendum.urgency { text += " (urgency \(urgency.words))" }
        }
        return text
    }

    private static func urgencyText(_ rule: ReferralRule) -> String {
        "\(rule.urgency.words) (\(rule.urgency.timeFrame))"
    }
}
