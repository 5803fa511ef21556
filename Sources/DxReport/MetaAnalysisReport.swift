import DxEvidence
import DxMeta
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Renders a meta-analysis: a short report a reviewer can paste (text), the
/// encoded result (JSON), or one row per study (CSV).
///
/// JSON (`Schemas/meta.schema.json`) is `schemaVersion` and `MetaAnalysis`
/// encoded in declaration order (`model`, `studies`, `logitSensitivity`, …,
/// `notes`), plus `evidenceSet` when the studies came from one.
public struct MetaAnalysisReport: Report, Sendable {
    public let analysis: MetaAnalysis
    /// The evidence set the studies came from (its id and caveats), if any.
    public let evidenceSet: (id: String, caveats: [String])?

    public init(analysis: MetaAnalysis, evidenceSet: (id: String, caveats: [String])? = nil) {
        self.analysis = analysis
        self.evidenceSet = evidenceSet
    }

    /// Meta-analysis output is text in Markdown too (a fixed-width report).
    public var markdown: String { text }

    // MARK: JSON

    private struct Document: Encodable {
        let analysis: MetaAnalysis
        let evidenceSet: EvidenceSetMembers?

        struct EvidenceSetMembers: Encodable {
            let id: String
            let caveats: [String]
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(OutputSchema.version, forKey: Key(stringValue: "schemaVersion"))
            try analysis.encode(to: encoder)
            if let evidenceSet { try container.encode(evidenceSet, forKey: Key(stringValue: "evidenceSet")) }
        }

        struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
    }

    /// The result as JSON, keys in declaration order, like every other command's.
    public var json: JSONValue {
        JSONValueEncoder.value(of: Document(analysis: analysis, evidenceSet: evidenceSet.map { .init(id: $0.id, caveats: $0.caveats) }))
    }

    // MARK: CSV

    /// One row per study: its columns, counts, sensitivity and specificity
    /// with Wilson intervals, and (REML) the logits and variances it entered with.
    public var csv: String {
        let extra = analysis.studies.first?.columns.map(\.name) ?? []
        var lines = [
            CSV.line(
                ["study"] + extra + [
                    "tp", "fp", "fn", "tn", "sensitivity", "sensitivity_lower", "sensitivity_upper", "specificity", "specificity_lower",
                    "specificity_upper", "corrected", "logit_sensitivity", "logit_specificity", "variance_logit_sensitivity",
                    "variance_logit_specificity", "citation",
                ])
        ]
        func number(_ value: Double?) -> String { value.map(JSONValue.numberText) ?? "" }
        for study in analysis.studies {
            lines.append(
                CSV.line(
                    [study.study] + study.columns.map(\.value) + [
                        String(study.truePositives), String(study.falsePositives), String(study.falseNegatives), String(study.trueNegatives),
                        number(study.sensitivity.estimate), number(study.sensitivity.lower), number(study.sensitivity.upper),
                        number(study.specificity.estimate), number(study.specificity.lower), number(study.specificity.upper),
                        analysis.model == .reitsma ? (study.corrected ? "true" : "false") : "",
                        number(study.logitSensitivity), number(study.logitSpecificity), number(study.varianceLogitSensitivity),
                        number(study.varianceLogitSpecificity), study.citation ?? "",
                    ]))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Text

    private var levelText: String { LevelText.of(analysis.level) }

    /// "89.2 % (95 % CI 85.0 % – 92.3 %)".
    private func percentInterval(_ value: EstimateInterval) -> String {
        "\(NumberText.percent(.finite(value.estimate))) (\(levelText) CI \(NumberText.percent(.finite(value.lower))) – \(NumberText.percent(.finite(value.upper))))"
    }

    private func ratioInterval(_ value: EstimateInterval) -> String {
        "\(NumberText.significant(value.estimate)) (\(levelText) CI \(NumberText.significant(value.lower)) – \(NumberText.significant(value.upper)))"
    }

    /// A short report a reviewer can paste.
    public var text: String {
        let a = analysis
        let participants = a.studies.reduce(0) { $0 + $1.truePositives + $1.falsePositives + $1.falseNegatives + $1.trueNegatives }
        var lines = [
            "Meta-analysis of diagnostic accuracy: \(a.studies.count) studies, \(participants) participants",
            "Model: \(a.method).",
        ]
        lines.append("")
        lines.append("Pooled sensitivity:  \(percentInterval(a.sensitivity))")
        lines.append("Pooled specificity:  \(percentInterval(a.specificity))")
        lines.append("LR+:                 \(ratioInterval(a.positiveLikelihoodRatio))")
        lines.append("LR−:                 \(ratioInterval(a.negativeLikelihoodRatio))")
        lines.append("Diagnostic OR:       \(ratioInterval(a.diagnosticOddsRatio))")
        lines.append("  LR+, LR− and DOR are derived from the bivariate estimates (delta method), not pooled separately.")
        lines.append("")
        let correlation = a.correlation.map { NumberText.significant($0) } ?? "not identified"
        lines.append(
            "Between-study variation (logit scale): τ²(Se) \(NumberText.significant(a.tau2Sensitivity)), τ²(Sp) \(NumberText.significant(a.tau2Specificity)), correlation \(correlation)."
        )
        lines.append(
            "A new study (\(levelText) prediction interval): sensitivity \(NumberText.percent(.finite(a.heterogeneity.sensitivityPrediction.lower))) – \(NumberText.percent(.finite(a.heterogeneity.sensitivityPrediction.upper))), specificity \(NumberText.percent(.finite(a.heterogeneity.specificityPrediction.lower))) – \(NumberText.percent(.finite(a.heterogeneity.specificityPrediction.upper)))."
        )
        lines += SVGDocument.wrapped(a.heterogeneity.summary, width: 96 * 0.58 * 10, size: 10).map { "  " + $0 }
        if let h = a.hsroc {
            lines.append(
                "HSROC parameters (Harbord 2007): Λ \(NumberText.significant(h.lambda)), Θ \(NumberText.significant(h.theta)), β \(NumberText.significant(h.beta)), σ²α \(NumberText.significant(h.sigma2Alpha)), σ²θ \(NumberText.significant(h.sigma2Theta))."
            )
        }
        lines.append("")
        lines.append(
            "Logit means: sensitivity \(String(cFormat: "%.4f", a.logitSensitivity.estimate)) (SE \(String(cFormat: "%.4f", a.logitSensitivity.standardError))), specificity \(String(cFormat: "%.4f", a.logitSpecificity.estimate)) (SE \(String(cFormat: "%.4f", a.logitSpecificity.standardError)))."
        )
        lines.append("Log-likelihood: \(String(cFormat: "%.4f", a.logLikelihood)) (\(a.logLikelihoodScale)).")
        let c = a.convergence
        lines.append(
            c.converged
                ? "Converged: \(c.algorithm), \(c.iterations) iterations, \(c.criterionName) \(String(cFormat: "%.1e", c.criterion)) (stopping test \(String(cFormat: "%.1e", c.tolerance))\(c.status == "success" ? "" : "; GSL: " + c.status))."
                : "NOT CONVERGED: \(c.algorithm), \(c.status) after \(c.iterations) iterations. Do not use these estimates."
        )
        lines.append(a.boundary.isEmpty ? "Boundary: none (no variance at 0, no correlation at ±1)." : "Boundary:")
        lines += a.boundary.map { "- " + $0 }
        var notes = a.notes
        if let evidenceSet {
            notes.append("Evidence set '\(evidenceSet.id)'; its caveats:")
        }
        if !notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            lines += notes.map { "- " + $0 }
            if let evidenceSet { lines += evidenceSet.caveats.map { "    caveat: " + $0 } }
        }
        lines.append("")
        if a.studies.count <= 60 {
            lines.append("Studies (\(levelText) Wilson intervals):")
            var table = TextTable(
                header: ["Study", "TP/(TP+FN)", "Sensitivity", "TN/(FP+TN)", "Specificity"], alignments: [.left, .right, .right, .right, .right])
            table.rows = a.studies.map { study in
                [
                    study.study + (study.corrected ? " *" : ""),
                    "\(study.truePositives)/\(study.truePositives + study.falseNegatives)",
                    Self.shortInterval(study.sensitivity),
                    "\(study.trueNegatives)/\(study.falsePositives + study.trueNegatives)",
                    Self.shortInterval(study.specificity),
                ]
            }
            lines.append(table.renderText())
            if a.studies.contains(where: \.corrected) { lines.append("* continuity correction applied for the REML fit") }
            let cited = a.studies.filter { $0.citation != nil }
            if !cited.isEmpty {
                lines.append("")
                lines.append("Sources:")
                lines += cited.map { "- \($0.study): \($0.citation ?? "")" }
            }
        } else {
            lines.append("Per-study values: dxkit meta … --format csv.")
        }
        lines.append("")
        lines.append(Disclaimer.text)
        return lines.joined(separator: "\n")
    }

    /// "97.6 (95.3–98.8)" in per cent.
    static func shortInterval(_ value: EstimateInterval) -> String {
        String(cFormat: "%.1f (%.1f–%.1f)", value.estimate * 100, value.lower * 100, value.upper * 100)
    }
}

/// The level as "95 %" from a plain number.
enum LevelText {
    static func of(_ level: Double) -> String {
        let percent = (level * 100 * 1e6).rounded() / 1e6
        return percent == percent.rounded() ? "\(Int(percent)) %" : "\(percent) %"
    }
}
