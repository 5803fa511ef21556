/// The confidence-interval methods for a single binomial proportion.
///
/// Wilson is the default (Brown, Cai & DasGupta 2001 recommend it; so do
/// epiR's guidance and OpenEpi). Clopper–Pearson matches MedCalc and Stata.
public enum ProportionIntervalMethod: String, Sendable, CaseIterable, Hashable {
    /// Wilson score interval (Wilson 1927).
    case wilson
    /// Wilson score interval with continuity correction (Newcombe 1998, method 4).
    case wilsonContinuityCorrected = "wilson-cc"
    /// Clopper–Pearson "exact" interval from beta quantiles (Clopper & Pearson 1934).
    case clopperPearson = "clopper-pearson"
    /// Jeffreys interval with the boundary fix (Brown, Cai & DasGupta 2001).
    case jeffreys
    /// Agresti–Coull interval, estimate p̂, clipped to [0, 1] (Agresti & Coull 1998).
    case agrestiCoull = "agresti-coull"
    /// Wald interval p̂ ± z·√(p̂q̂/n), clipped to [0, 1].
    case wald

    /// A short human name with the citation.
    public var displayName: String {
        switch self {
        case .wilson: "Wilson score (Wilson 1927)"
        case .wilsonContinuityCorrected: "Wilson score, continuity-corrected (Newcombe 1998)"
        case .clopperPearson: "Clopper–Pearson exact (1934)"
        case .jeffreys: "Jeffreys (Brown, Cai & DasGupta 2001)"
        case .agrestiCoull: "Agresti–Coull (1998)"
        case .wald: "Wald"
        }
    }
}
