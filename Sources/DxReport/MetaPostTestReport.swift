import DxEvidence
import DxMeta
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Renders the post-test probability from a meta-analysis: the pooled
/// estimate with its confidence interval and, beside it, the prediction
/// interval that a new setting implies.
public struct MetaPostTestReport: Report, Sendable {
    public let posttest: MetaPostTest
    public let analysis: MetaAnalysis
    /// How the pretest probability was given, e.g. "30.0 %".
    public let pretestDescription: String

    public init(posttest: MetaPostTest, analysis: MetaAnalysis, pretestDescription: String? = nil) {
        self.posttest = posttest
        self.analysis = analysis
        self.pretestDescription = pretestDescription ?? NumberText.percent(.finite(posttest.pretest))
    }

    /// Meta-analysis output is text in Markdown too (a fixed-width report).
    public var markdown: String { text }

    private struct Document: Encodable {
        let posttest: MetaPostTest
        let model: MetaAnalysisModel
        let studies: Int
        let sensitivity: EstimateInterval
        let specificity: EstimateInterval

        enum Key: String, CodingKey { case schemaVersion, model, studies, sensitivity, specificity }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(OutputSchema.version, forKey: .schemaVersion)
            try posttest.encode(to: encoder)
            try container.encode(model, forKey: .model)
            try container.encode(studies, forKey: .studies)
            try container.encode(sensitivity, forKey: .sensitivity)
            try container.encode(specificity, forKey: .specificity)
        }
    }

    /// `MetaPostTest` encoded, with the model, the number of studies and the pooled Se and Sp.
    public var json: JSONValue {
        JSONValueEncoder.value(
            of:
                Document(
                    posttest: posttest, model: analysis.model, studies: analysis.studies.count, sensitivity: analysis.sensitivity,
                    specificity: analysis.specificity))
    }

    public var csv: String {
        let p = posttest
        let header = CSV.line([
            "pretest", "result", "lr", "lr_lower", "lr_upper", "posttest", "posttest_lower", "posttest_upper", "new_setting_lower",
            "new_setting_upper", "level", "studies", "model",
        ])
        let row = CSV.line(
            [
                p.pretest, p.likelihoodRatio.estimate, p.likelihoodRatio.lower, p.likelihoodRatio.upper, p.posttest.estimate, p.posttest.lower,
                p.posttest.upper, p.newSetting.lower, p.newSetting.upper, p.level,
            ].map(JSONValue.numberText).enumerated().flatMap { index, text in index == 0 ? [text, p.result] : [text] }
                + [String(analysis.studies.count), analysis.model.rawValue])
        return header + "\n" + row
    }

    public var text: String {
        let p = posttest
        let level = NumberText.level(p.level)
        func percent(_ value: Double) -> String { NumberText.percent(.finite(value)) }
        var lines = [
            "Pretest probability:      \(pretestDescription)",
            "Finding:                  \(p.result) result; meta-analysis of \(analysis.studies.count) studies (\(analysis.model == .reitsma ? "bivariate REML, Reitsma 2005" : "bivariate binomial GLMM, Chu & Cole 2006"))",
            "Pooled likelihood ratio:  \(NumberText.significant(p.likelihoodRatio.estimate)) (\(level) CI \(NumberText.significant(p.likelihoodRatio.lower)) – \(NumberText.significant(p.likelihoodRatio.upper)))",
            "Post-test probability:    \(percent(p.posttest.estimate)) (\(level) CI \(percent(p.posttest.lower)) – \(percent(p.posttest.upper))): the average setting of the studies",
            "In a new setting:         \(percent(p.newSetting.lower)) – \(percent(p.newSetting.upper)) (\(level) prediction interval; likelihood ratio \(NumberText.significant(p.newSettingLikelihoodRatio.lower)) – \(NumberText.significant(p.newSettingLikelihoodRatio.upper)))",
        ]
        let perHundred = Int((p.posttest.estimate * 100).rounded())
        lines.append("                          About \(perHundred) in 100 patients with this pretest probability and this result have the condition.")
        lines.append("")
        lines.append("Notes:")
        lines += (p.notes + analysis.boundary + analysis.notes.filter { $0.hasPrefix("Continuity") || $0.hasPrefix("Only") }).map { "- " + $0 }
        lines.append("- Methods: \(p.method); \(p.newSettingMethod).")
        lines.append("")
        lines.append(Disclaimer.text)
        return lines.joined(separator: "\n")
    }
}
