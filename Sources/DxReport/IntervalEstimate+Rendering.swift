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
    /// The one interval shape of every output (see `IntervalEstimate.encode(to:)` in DxStats).
    public var json: JSONValue { JSONValueEncoder.value(of: self) }
}
