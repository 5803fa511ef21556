import DxEvidenceFormat
import DxStats

extension EvidenceBase {
    /// Every accuracy measure of the diagnostic study `id`, with its
    /// intervals; `nil` when `id` is not a diagnostic study with a 2×2 table.
    ///
    /// ```swift
    /// let evidence = try EvidenceBase.builtIn()
    /// let accuracy = try evidence.accuracy(ofStudy: "closed-fist-percussion")
    /// accuracy?.sensitivity.estimate   // .finite(0.875) (42 of 48, Langdon 2010)
    /// ```
    public func accuracy(
        ofStudy id: String,
        level: ConfidenceLevel = .ninetyFivePercent,
        proportionMethod: ProportionIntervalMethod = .wilson,
        likelihoodRatioMethod: RatioIntervalMethod = .log
    ) throws(StatisticsError) -> DiagnosticAccuracy? {
        guard let (_, table) = try? diagnosticStudy(id) else { return nil }
        return try DiagnosticAccuracy(
            table: table, level: level, proportionMethod: proportionMethod, likelihoodRatioMethod: likelihoodRatioMethod)
    }
}
