import DxEvidence
import DxStats

/// A standalone HTML handout an educator can print: the signs with their
/// 2×2 tables and accuracy, post-test probability tables, the Fagan
/// nomograms and the probability curves (inline SVG), the caveats and the
/// citations. One file, no script, no external resource; A4 print styles.
public struct Handout: Sendable {
    /// A sign as the handout describes it.
    public struct Sign: Sendable {
        public let name: String
        /// The evidence record (how the sign is done, the study), when the
        /// sign comes from the evidence base.
        public let record: EvidenceRecord?
        public let accuracy: DiagnosticAccuracy

        public init(name: String, record: EvidenceRecord?, accuracy: DiagnosticAccuracy) {
            self.name = name
            self.record = record
            self.accuracy = accuracy
        }
    }

    /// A picture with its heading and caption.
    public struct Figure: Sendable {
        public let heading: String
        public let caption: String
        public let svg: String

        public init(heading: String, caption: String, svg: String) {
            self.heading = heading
            self.caption = caption
            self.svg = svg
        }
    }

    public let title: String
    public let pretestDescription: String
    public let signs: [Sign]
    public let tables: [ProbabilityTable]
    public let figures: [Figure]
    /// Further evidence records (the pretest preset, the dependence caveat)
    /// whose caveats and citations belong in the handout.
    public let evidence: [EvidenceRecord]

    public init(
        title: String, pretestDescription: String, signs: [Sign], tables: [ProbabilityTable], figures: [Figure],
        evidence: [EvidenceRecord] = []
    ) {
        self.title = title
        self.pretestDescription = pretestDescription
        self.signs = signs
        self.tables = tables
        self.figures = figures
        self.evidence = evidence
    }

    /// The methods' references, cited by every handout.
    public static let methodReferences = [
        "Fagan TJ. Nomogram for Bayes theorem. N Engl J Med 1975;293:257.",
        "Simel DL, Samsa GP, Matchar DB. Likelihood ratios with confidence: sample size estimation for diagnostic test studies. J Clin Epidemiol 1991;44:763–770.",
        "Mercaldo ND, Lau KF, Zhou XH. Confidence intervals for predictive values with an emphasis to case–control studies. Stat Med 2007;26:2170–2183.",
        "Wilson EB. Probable inference, the law of succession, and statistical inference. J Am Stat Assoc 1927;22:209–212.",
        "Gigerenzer G, Hoffrage U. How to improve Bayesian reasoning without instruction: frequency formats. Psychol Rev 1995;102:684–704.",
    ]

    /// The page.
    public func html() throws -> String {
        var page = HTMLPage.opening(title: title)
        page += "<h1>\(escape(title))</h1>\n"
        page +=
            "<p>How much does a bedside sign change the probability of the condition? This handout shows each sign's study, "
            + "then the post-test probability it leads to from any pretest probability: as tables, on a Fagan nomogram and as curves. "
            + "Every number carries its confidence interval. The pretest probability used for the pictures is \(escape(pretestDescription)).</p>\n"
        page += "<p class=\"disclaimer\">\(escape(Disclaimer.text))</p>\n"

        page += "<h2>The signs</h2>\n"
        for sign in signs { page += signSection(sign) }

        for (index, table) in tables.enumerated() {
            page += "<h2>Table \(index + 1). \(escape(table.title))</h2>\n" + (try table.htmlFragment())
        }
        for (index, figure) in figures.enumerated() {
            page +=
                "<h2>Figure \(index + 1). \(escape(figure.heading))</h2>\n<figure>\n" + figure.svg
                + "<figcaption>\(escape(figure.caption))</figcaption>\n</figure>\n"
        }

        let caveats = self.caveats
        if !caveats.isEmpty {
            page += "<h2>Caveats</h2>\n<ul class=\"notes\">\n" + caveats.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        page += "<h2>References</h2>\n<ol class=\"references\">\n" + references.map { "<li>\(escape($0))</li>\n" }.joined() + "</ol>\n"
        page +=
            "<p class=\"disclaimer\">\(escape(Disclaimer.text)) Made with DxKit (dxkit handout): every number is computed from the "
            + "2×2 tables above, as dxkit posttest computes it.</p>\n"
        return page + HTMLPage.closing
    }

    // MARK: Sections

    private func signSection(_ sign: Sign) -> String {
        let table = sign.accuracy.table
        var html = "<h3>\(escape(sign.name))</h3>\n"
        if let record = sign.record {
            for (label, value) in [
                ("How it is done", record.indexTest), ("Reference standard", record.referenceStandard),
                ("Patients", record.population),
            ] {
                if let value { html += "<p><strong>\(label):</strong> \(escape(value))</p>\n" }
            }
        }
        html +=
            "<table class=\"dxkit counts\">\n<caption>2×2 table</caption>\n"
            + "<thead><tr><th></th><th scope=\"col\">Condition present</th><th scope=\"col\">Condition absent</th><th scope=\"col\">Total</th></tr></thead>\n<tbody>\n"
            + "<tr><th scope=\"row\">Sign positive</th><td>\(table.truePositives) (TP)</td><td>\(table.falsePositives) (FP)</td><td>\(table.testPositive)</td></tr>\n"
            + "<tr><th scope=\"row\">Sign negative</th><td>\(table.falseNegatives) (FN)</td><td>\(table.trueNegatives) (TN)</td><td>\(table.testNegative)</td></tr>\n"
            + "<tr><th scope=\"row\">Total</th><td>\(table.withCondition)</td><td>\(table.withoutCondition)</td><td>\(table.total)</td></tr>\n"
            + "</tbody>\n</table>\n"
        let accuracy = sign.accuracy
        let levelText = NumberText.level(accuracy.level)
        html += "<ul class=\"notes\">\n"
        for (name, value, isProbability) in [
            ("Sensitivity", accuracy.sensitivity, true), ("Specificity", accuracy.specificity, true),
            ("Positive likelihood ratio (LR+)", accuracy.positiveLikelihoodRatio, false),
            ("Negative likelihood ratio (LR−)", accuracy.negativeLikelihoodRatio, false),
        ] {
            let format: (ExtendedValue) -> String = isProbability ? { NumberText.percent($0) } : { NumberText.significant($0) }
            html +=
                "<li>\(name): <strong>\(escape(format(value.estimate)))</strong> (\(escape(levelText)) CI \(escape(format(value.lower)))"
                + " – \(escape(format(value.upper))); \(escape(value.method.displayName)))</li>\n"
        }
        html += "</ul>\n"
        if let record = sign.record, let citation = record.citations.first {
            html += "<p class=\"notes\">Source: \(escape(citation.formatted))</p>\n"
        }
        return html
    }

    /// The first caveat of every record, once each.
    var caveats: [String] {
        var seen: Set<String> = []
        var list: [String] = []
        if signs.count > 1 {
            list.append(
                "The signs were examined on the same patients and their errors are probably correlated; multiplying their likelihood ratios "
                    + "overstates certainty. The tables show the range the dependence allows, and the gate covers it.")
        }
        for record in signs.compactMap(\.record) + evidence {
            for caveat in record.caveats.prefix(2) where seen.insert(caveat).inserted { list.append(caveat) }
        }
        return list
    }

    /// The evidence's citations, then the methods'.
    var references: [String] {
        var seen: Set<String> = []
        var list: [String] = []
        for record in signs.compactMap(\.record) + evidence {
            for citation in record.citations where seen.insert(citation.formatted).inserted { list.append(citation.formatted) }
        }
        return list + Self.methodReferences
    }

    private func escape(_ text: String) -> String { MarkupText.escaped(text) }
}
