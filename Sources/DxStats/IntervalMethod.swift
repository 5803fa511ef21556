/// The method that produced an interval, as results carry it.
///
/// The raw values are the stable ids of the JSON and CSV output
/// (`"wilson"`, `"clopper-pearson"`, `"log"`, `"monte-carlo"`, …); compare
/// cases, never strings.
public enum IntervalMethod: String, Sendable, Hashable, CaseIterable, Codable {
    // Proportions
    case wilson
    case wilsonContinuityCorrected = "wilson-cc"
    case clopperPearson = "clopper-pearson"
    case jeffreys
    case agrestiCoull = "agresti-coull"
    case wald
    // Ratios of two proportions (likelihood ratios)
    case log
    case koopman
    case logAddHalf = "log-add-half"
    // Diagnostic odds ratio
    case woolf
    case woolfAddHalf = "woolf-add-half"
    // Post-test probability
    case logit
    case adjustedLogit = "adjusted-logit"
    // Several signs
    case logProduct = "log-product"
    case monteCarlo = "monte-carlo"
    /// The α/2 quantile of the lowest and the 1 − α/2 quantile of the highest
    /// post-test probability the unknown dependence allows, over the draws.
    case monteCarloWithDependenceRange = "monte-carlo-with-dependence-range"
    /// The range the Fréchet bounds allow at the point estimates (no sampling).
    case frechetBounds = "frechet-bounds"
    /// Meta-analysis: Wald on the logit scale from the pooled logit and its standard error.
    case logitWald = "logit-wald"
    /// Meta-analysis: the delta method on the log scale from the bivariate estimates.
    case deltaMethodLog = "delta-method-log"
    /// Given by the user (no interval computed).
    case given

    public init(_ method: ProportionIntervalMethod) {
        switch method {
        case .wilson: self = .wilson
        case .wilsonContinuityCorrected: self = .wilsonContinuityCorrected
        case .clopperPearson: self = .clopperPearson
        case .jeffreys: self = .jeffreys
        case .agrestiCoull: self = .agrestiCoull
        case .wald: self = .wald
        }
    }

    public init(_ method: RatioIntervalMethod) {
        switch method {
        case .log: self = .log
        case .koopman: self = .koopman
        }
    }

    public init(_ method: PostTestProbability.IntervalMethod) {
        switch method {
        case .logit: self = .logit
        case .adjustedLogit: self = .adjustedLogit
        case .koopman: self = .koopman
        }
    }

    /// A human name with its citation.
    public var displayName: String {
        switch self {
        case .wilson: ProportionIntervalMethod.wilson.displayName
        case .wilsonContinuityCorrected: ProportionIntervalMethod.wilsonContinuityCorrected.displayName
        case .clopperPearson: ProportionIntervalMethod.clopperPearson.displayName
        case .jeffreys: ProportionIntervalMethod.jeffreys.displayName
        case .agrestiCoull: ProportionIntervalMethod.agrestiCoull.displayName
        case .wald: "Wald"
        case .log: RatioIntervalMethod.log.displayName
        case .koopman: RatioIntervalMethod.koopman.displayName
        case .logAddHalf: "log method, +0.5 per cell"
        case .woolf: "Woolf logit"
        case .woolfAddHalf: "Woolf logit, +0.5 per cell"
        case .logit: "logit (Mercaldo 2007)"
        case .adjustedLogit: "adjusted logit (Mercaldo 2007)"
        case .logProduct: "log method on the product of likelihood ratios (Simel 1991)"
        case .monteCarlo: "Monte Carlo (Jeffreys posteriors)"
        case .monteCarloWithDependenceRange: "Monte Carlo over the dependence range"
        case .frechetBounds: "Fréchet bounds at the point estimates"
        case .logitWald: "Wald on the logit scale"
        case .deltaMethodLog: "delta method on the log scale"
        case .given: "as given"
        }
    }
}
