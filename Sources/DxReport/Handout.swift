import DxEvidence
import DxStats

/// A standalone HTML handout an educator can print on two pages (A4 or US
/// Letter): on the first, each sign's study, its 2×2 table and accuracy,
/// and the post-test probability tables; on the second, the Fagan
/// nomogram and the probability curves (inline SVG drawn at
/// `PictureSize.print`), the caveats and the references. One file, no
/// script, no external resource. No table, table row or figure is split
/// across pages, and the caveats are written for the reader: how the
/// evidence records were checked stays in `dxkit evidence show`.
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

    /// A picture with its heading and caption, half the page wide or the whole width.
    public struct Figure: Sendable {
        public let heading: String
        public let caption: String
        public let svg: String
        /// Whether the figure takes the page's whole width (else half, beside another).
        public let wide: Bool

        public init(heading: String, caption: String, svg: String, wide: Bool = false) {
            self.heading = heading
            self.caption = caption
            self.svg = svg
            self.wide = wide
        }
    }

    public let title: String
    public let pretestDescription: String
    public let signs: [Sign]
    public let tables: [ProbabilityTable]
    public let figures: [Figure]
    /// Further evidence records (the pretest preset) whose caveats and
    /// citations belong in the handout.
    public let evidence: [EvidenceRecord]
    /// The paper the page is laid out for.
    public let paper: PaperSize
    /// What the probabilities are about, when known.
    public let target: TargetCondition?

    public init(
        title: String, pretestDescription: String, signs: [Sign], tables: [ProbabilityTable], figures: [Figure],
        evidence: [EvidenceRecord] = [], paper: PaperSize = .a4, target: TargetCondition? = nil
    ) {
        self.title = title
        self.pretestDescription = pretestDescription
        self.signs = signs
        self.tables = tables
        self.figures = figures
        self.evidence = evidence
        self.paper = paper
        self.target = target
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
        var page = HTMLPage.opening(title: title, paper: paper, extraStyle: Self.style)
        page += "<header>\n<h1>\(escape(title))</h1>\n"
        let question = target.map { "P(\($0.description))" } ?? "the probability of the condition"
        let level = NumberText.level(signs.first?.accuracy.level ?? tables.first?.level ?? .ninetyFivePercent)
        page +=
            "<p class=\"lead\">How much does a bedside sign change \(escape(question))? This page: each sign's study and the post-test "
            + "probability it leads to. Next page: the same as pictures, from a pretest probability of \(escape(pretestDescription)). "
            + "Every number carries its \(escape(level)) confidence interval.</p>\n"
        page += "<p class=\"disclaimer\">\(escape(Disclaimer.text))</p>\n</header>\n"

        page += "<section class=\"signs\">\n<h2>The signs</h2>\n" + studyParagraph + signsTable + "</section>\n"

        for (index, table) in tables.enumerated() {
            page += "<section class=\"table\">\n<h2>Table \(index + 1). \(escape(table.title))</h2>\n" + (try table.htmlFragment(notes: false))
            page += "<p class=\"table-notes\">" + tableNotes(table).map(escape).joined(separator: " ") + "</p>\n</section>\n"
        }

        // Page 2: wide figures, then half-width ones in pairs; a half-width figure left alone shares its row with the references.
        page += "<section class=\"figures\">\n"
        let numbered = figures.enumerated().map { index, figure in
            Figure(heading: "Figure \(index + 1). \(figure.heading)", caption: figure.caption, svg: figure.svg, wide: figure.wide)
        }
        for figure in numbered where figure.wide { page += figureHTML(figure) }
        var halves = numbered.filter { !$0.wide }
        while halves.count >= 2 {
            page += "<div class=\"grid\">\n" + figureHTML(halves[0]) + figureHTML(halves[1]) + "</div>\n"
            halves.removeFirst(2)
        }
        if let last = halves.first {
            page += "<div class=\"grid closing\">\n" + figureHTML(last) + "<div>\n" + referencesHTML + "</div>\n</div>\n</section>\n"
        } else {
            page += "</section>\n<section class=\"references\">\n" + referencesHTML + "</section>\n"
        }
        return page + HTMLPage.closing
    }

    // MARK: Sections

    /// The caveats, the references and the closing line.
    private var referencesHTML: String {
        "<h2>Caveats</h2>\n<ul class=\"notes\">\n" + caveats.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
            + "<h2>References</h2>\n<ol class=\"references\">\n" + references.map { "<li>\(escape($0))</li>\n" }.joined() + "</ol>\n"
            + "<p class=\"made\">Made with DxKit (dxkit handout): every number is computed from the 2×2 tables above, as dxkit posttest "
            + "computes it. \(escape(Disclaimer.text))</p>\n"
    }

    /// The study the signs come from, said once when they share it.
    private var studyParagraph: String {
        let records = signs.compactMap(\.record)
        guard let first = records.first, records.count == signs.count else { return "" }
        let shared = records.allSatisfy { $0.population == first.population && $0.referenceStandard == first.referenceStandard }
        guard shared else { return "" }
        var parts: [String] = []
        if let population = first.population.flatMap(ReaderText.withoutCurationNotes) { parts.append("<strong>Patients:</strong> \(escape(population)).") }
        if let standard = first.referenceStandard.flatMap(ReaderText.withoutCurationNotes) {
            parts.append("<strong>Reference standard:</strong> \(escape(standard)).")
        }
        return parts.isEmpty ? "" : "<p class=\"study\">" + parts.joined(separator: " ") + "</p>\n"
    }

    /// One row per sign: how it is done, its 2×2 table, and its accuracy with intervals.
    private var signsTable: String {
        let condition = target?.condition ?? "the condition"
        let level = NumberText.level(signs.first?.accuracy.level ?? .ninetyFivePercent)
        var html =
            "<table class=\"signs\">\n<caption>TP, FP: sign positive with and without \(escape(condition)); FN, TN: sign negative. "
            + "\(escape(level)) confidence intervals: Wilson; log method for likelihood ratios.</caption>\n"
            + "<thead><tr><th scope=\"col\">Sign</th><th scope=\"col\">How it is done</th><th scope=\"col\" class=\"counts\">TP FP FN TN</th>"
            + "<th scope=\"col\">Sensitivity</th><th scope=\"col\">Specificity</th><th scope=\"col\">LR+</th><th scope=\"col\">LR−</th></tr></thead>\n<tbody>\n"
        for sign in signs {
            let table = sign.accuracy.table, accuracy = sign.accuracy
            var row = "<tr><th scope=\"row\">\(escape(sign.name))</th>"
            var how = sign.record?.indexTest.flatMap(ReaderText.withoutCurationNotes) ?? ""
            if studyParagraph.isEmpty, let record = sign.record {
                for (label, value) in [("Reference standard", record.referenceStandard), ("Patients", record.population)] {
                    if let value = value.flatMap(ReaderText.withoutCurationNotes) { how += " \(label): \(value)." }
                }
            }
            row += "<td class=\"how\">\(escape(how))</td>"
            row += "<td class=\"counts\">\(table.truePositives) \(table.falsePositives) \(table.falseNegatives) \(table.trueNegatives)</td>"
            for (value, isProbability) in [
                (accuracy.sensitivity, true), (accuracy.specificity, true), (accuracy.positiveLikelihoodRatio, false),
                (accuracy.negativeLikelihoodRatio, false),
            ] {
                let estimate = isProbability ? NumberText.percents([value.estimate])[0] : NumberText.significant(value.estimate)
                let interval =
                    isProbability
                    ? ProbabilityTableCellText.span(value.lower, value.upper) : "\(NumberText.significant(value.lower))–\(NumberText.significant(value.upper))"
                row += "<td><strong>\(escape(estimate))</strong><span class=\"part\">\(escape(interval))</span></td>"
            }
            html += row + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func figureHTML(_ figure: Figure) -> String {
        "<figure class=\"\(figure.wide ? "wide" : "half")\">\n<h3>\(escape(figure.heading))</h3>\n" + figure.svg
            + "<figcaption>\(escape(figure.caption))</figcaption>\n</figure>\n"
    }

    /// A table's notes for the handout: short, said once (the first table
    /// explains the cells), without the disclaimer (the page has it).
    private func tableNotes(_ table: ProbabilityTable) -> [String] {
        var notes = Array(table.notes.dropLast()).filter { !$0.hasPrefix("Monte Carlo (MC)") }
        if let first = notes.first, first.hasPrefix("Each cell:") {
            if table.title == tables.first?.title {
                notes[0] = "Each cell: the post-test probability with its \(NumberText.level(table.level)) confidence interval, as dxkit posttest prints it."
            } else {
                notes.removeFirst()
            }
        }
        return notes
    }

    /// What a reader should keep in mind, in the reader's words.
    var caveats: [String] {
        var seen: Set<String> = []
        var list: [String] = []
        func add(_ caveat: String) { if seen.insert(caveat).inserted { list.append(caveat) } }
        if signs.count > 1 {
            add(
                "The signs were examined on the same patients and their errors are probably correlated; multiplying their likelihood ratios "
                    + "overstates certainty. Table 2 shows the range their unknown dependence allows, and the gate covers it.")
        }
        // The first caveat a reader needs from each record; a preset from the signs' own study repeats theirs.
        let signRecords = signs.compactMap(\.record)
        let signCitations = Set(signRecords.flatMap(\.citations))
        for record in signRecords + evidence.filter({ Set($0.citations).isDisjoint(with: signCitations) }) {
            if let caveat = record.caveats.first(where: { !ReaderText.isCurationNote($0) }) { add(caveat) }
        }
        for sign in signs {
            let table = sign.accuracy.table
            let smaller = min(table.withCondition, table.withoutCondition)
            guard smaller < 50 else { continue }
            let group = table.withoutCondition <= table.withCondition ? "without" : "with"
            add(
                "Only \(smaller) patients \(group) the condition were studied, so \(group == "without" ? "the specificity" : "the sensitivity") "
                    + "and the likelihood ratios carry wide intervals.")
        }
        if let thresholds = tables.lazy.filter({ $0.contents.contains(.gate) }).compactMap(\.thresholds).first {
            add(
                "The gate's thresholds, \(NumberText.percent(.finite(thresholds.lower))) and \(NumberText.percent(.finite(thresholds.upper))), "
                    + "are policy, not evidence; LESS LIKELY does not rule the condition out.")
        }
        return list
    }

    /// The evidence's citations (for readers, each once), then the methods'.
    var references: [String] {
        var seen: Set<String> = []
        var list: [String] = []
        for record in signs.compactMap(\.record) + evidence {
            for citation in record.citations.map(ReaderText.citation) where seen.insert(citation).inserted { list.append(citation) }
        }
        return list + Self.methodReferences
    }

    private func escape(_ text: String) -> String { MarkupText.escaped(text) }

    /// The handout's own layout, on top of `HTMLPage`'s: a compact table
    /// of the signs, figures side by side at the width they were drawn
    /// for, the figures starting the second page.
    static let style = """
        header .lead { margin: 0.2em 0 0.4em; }
        .study { margin: 0.25em 0; }
        table.signs { border-collapse: collapse; width: 100%; margin: 0.4em 0; font-variant-numeric: tabular-nums; }
        table.signs caption { text-align: left; font-size: 0.9em; padding-bottom: 0.2em; }
        table.signs th, table.signs td { border: 1px solid #ccc; padding: 0.15em 0.35em; vertical-align: top; text-align: right; }
        table.signs thead th { background: #f0f0f0; }
        table.signs th[scope=row], table.signs td.how { text-align: left; }
        table.signs td.how { font-size: 0.9em; width: 44%; }
        table.signs td.counts, table.signs th.counts { white-space: nowrap; }
        table.signs .part { display: block; font-size: 0.88em; color: #444; white-space: nowrap; }
        table.dxkit thead th { overflow-wrap: normal; }
        p.table-notes, p.made { font-size: 0.85em; color: #333; margin: 0.2em 0; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.2em; align-items: start; }
        .grid.closing { grid-template-columns: 340px 1fr; }
        figure { margin: 0.3em 0; }
        figure h3 { margin: 0.1em 0; font-size: 0.95em; }
        figure.half svg { width: 340px; max-width: 100%; height: auto; }
        figure.wide svg { width: 700px; max-width: 100%; height: auto; }
        section.table, section.caveats, table.signs { break-inside: avoid; page-break-inside: avoid; }
        @media print {
          body { font-size: 8.5pt; line-height: 1.3; }
          h1 { font-size: 14pt; margin-bottom: 0.1em; }
          h2 { font-size: 10.5pt; margin: 0.45em 0 0.15em; }
          p.table-notes { font-size: 7pt; }
          h3 { font-size: 9pt; }
          .disclaimer { padding: 0.25em 0.6em; margin: 0.3em 0; }
          table.signs { font-size: 7.5pt; }
          table.dxkit { font-size: 7.2pt; }
          table.dxkit col.pretest { width: 5em; }
          table.dxkit .part { font-size: 0.86em; }
          table.dxkit th, table.dxkit td { padding: 0.1em 0.25em; line-height: 1.2; }
          section.figures { break-before: page; page-break-before: always; }
          ul.notes, ol.references { font-size: 7.5pt; margin: 0.2em 0; }
          figcaption { font-size: 7.5pt; }
        }
        """
}
