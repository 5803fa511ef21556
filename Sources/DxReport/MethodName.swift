import DxStats

/// Human names, with citations, for the method ids that results carry.
public enum MethodName {
    public static func display(_ id: String) -> String {
        if let method = ProportionIntervalMethod(rawValue: id) {
            if id == "wald" { return "Wald" }
            return method.displayName
        }
        switch id {
        case "log": return RatioIntervalMethod.log.displayName
        case "koopman": return RatioIntervalMethod.koopman.displayName
        case "log-add-half": return "log method, +0.5 per cell"
        case "woolf": return "Woolf logit"
        case "woolf-add-half": return "Woolf logit, +0.5 per cell"
        case "logit": return "logit (Mercaldo 2007)"
        case "adjusted-logit": return "adjusted logit (Mercaldo 2007)"
        case "given": return "as given"
        default: return id
        }
    }
}
