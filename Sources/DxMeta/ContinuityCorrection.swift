/// The continuity correction of the REML (Reitsma) model: a constant added
/// to all four cells of a study before its logits and their variances are
/// computed, because log(0) is not a number.
///
/// Default: 0.5 to all four cells of each study that has a zero cell
/// (Reitsma 2005; Cochrane DTA Handbook, chapter 10). `studies: .all` adds it
/// to every study, zero cell or not (metafor's `to = "all"`); this is not
/// mada's `correction.control = "all"`, which corrects every study only when
/// some study has a zero. The GLMM needs no correction.
///
/// ```swift
/// let correction = try ContinuityCorrection(value: 0.5, studies: .zeroCells)
/// let study = try Study(name: "Vogel 1987", truePositives: 20, falsePositives: 0, falseNegatives: 5, trueNegatives: 29)
/// correction.applies(to: study)   // true: the study has a zero cell
/// ```
public struct ContinuityCorrection: Sendable, Hashable, Codable {
    /// Which studies get the correction.
    public enum Scope: String, Sendable, Hashable, Codable, CaseIterable {
        /// Only studies with a zero cell (the default).
        case zeroCells = "zero"
        /// Every study.
        case all
    }

    /// The amount added to each cell.
    public let value: Double
    /// Which studies it is added to.
    public let studies: Scope

    /// 0.5 to the studies with a zero cell.
    public static let standard = ContinuityCorrection(checkedValue: 0.5, studies: .zeroCells)

    /// Creates a correction; throws when `value` is negative or not finite.
    public init(value: Double, studies: Scope) throws(MetaAnalysisError) {
        guard value.isFinite, value >= 0 else { throw .invalidCorrection(value) }
        self.init(checkedValue: value, studies: studies)
    }

    /// A correction whose value is already known to be finite and ≥ 0.
    private init(checkedValue value: Double, studies: Scope) {
        self.value = value
        self.studies = studies
    }

    /// Whether the correction changes `study`'s cells.
    public func applies(to study: Study) -> Bool {
        value > 0 && (studies == .all || study.hasZeroCell)
    }

    /// The study's four cells (TP, FP, FN, TN) after the correction.
    func cells(of study: Study) -> (tp: Double, fp: Double, fn: Double, tn: Double) {
        let add = applies(to: study) ? value : 0
        return (
            Double(study.truePositives) + add, Double(study.falsePositives) + add, Double(study.falseNegatives) + add,
            Double(study.trueNegatives) + add
        )
    }

    /// A sentence for the report, e.g. "Continuity correction: 0.5 added to
    /// all four cells of the 3 studies with a zero cell (Schindler 1990, …)."
    func sentence(for studies: [Study]) -> String {
        let corrected = studies.filter { applies(to: $0) }.map(\.name)
        let amount = value == value.rounded() ? String(Int(value)) : "\(value)"
        if corrected.isEmpty {
            return self.studies == .all || value == 0
                ? "No continuity correction was applied."
                : "No study has a zero cell, so no continuity correction was applied."
        }
        if self.studies == .all {
            return "Continuity correction: \(amount) added to all four cells of every study."
        }
        let names = corrected.count <= 6 ? corrected.joined(separator: ", ") : corrected.prefix(6).joined(separator: ", ") + ", …"
        let studyWord = corrected.count == 1 ? "study" : "studies"
        return "Continuity correction: \(amount) added to all four cells of the \(corrected.count) \(studyWord) with a zero cell (\(names))."
    }
}
