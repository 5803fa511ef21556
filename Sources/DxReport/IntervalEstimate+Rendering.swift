import DxStats

extension ExtendedValue {
    /// The value as JSON: a number, or `null` when unbounded or not estimable.
    public var json: JSONValue {
        if let value = finiteValue { return .number(value) }
        return .null
    }

    /// The value as a CSV field: full precision, `Inf` never appears
    /// (unbounded is empty with the note explaining it).
    public var csvField: String {
        if let value = finiteValue { return JSONValue.numberText(value) }
        return ""
    }
}

extension IntervalEstimate {
    /// `{"estimate", "lower", "upper", "method"}` plus `"note"` when there is one.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("estimate", estimate.json), ("lower", lower.json), ("upper", upper.json), ("method", .string(method.rawValue)),
        ]
        if estimate == .undefined { members.append(("estimable", .bool(false))) }
        if upper == .unbounded { members.append(("upperUnbounded", .bool(true))) }
        if let note { members.append(("note", .string(note))) }
        return .object(members)
    }
}
