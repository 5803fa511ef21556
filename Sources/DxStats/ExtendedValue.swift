/// A number that may legitimately be infinite or not estimable.
///
/// Ratios such as the likelihood ratio have no finite value or limit when a
/// cell of the 2×2 table is zero (LR+ = Se / (1 − Sp) is infinite when no
/// patient without the condition tests positive). DxKit never lets an IEEE
/// `inf` or `nan` reach a caller: such outcomes are typed.
///
/// ```swift
/// let upper: ExtendedValue = .unbounded
/// upper.finiteValue   // nil
/// upper.description   // "∞"
/// ```
public enum ExtendedValue: Sendable, Hashable {
    /// An ordinary finite number.
    case finite(Double)
    /// Positive infinity: an upper limit that no finite number can state.
    case unbounded
    /// Not estimable from the data (for example 0 / 0).
    case undefined

    /// Wraps a computed `Double`, turning `+inf` into `.unbounded` and `nan`
    /// into `.undefined`. Negative infinity never arises in DxKit and is a
    /// programming error.
    public init(_ value: Double) {
        if value.isNaN {
            self = .undefined
        } else if value == .infinity {
            self = .unbounded
        } else {
            precondition(value.isFinite, "negative infinity is not a valid DxKit value")
            self = .finite(value)
        }
    }

    /// The number when it is finite, otherwise `nil`.
    public var finiteValue: Double? {
        if case .finite(let value) = self { return value }
        return nil
    }

    /// The value as a `Double` for arithmetic (`+inf` for `.unbounded`,
    /// `nan` for `.undefined`); never print this.
    var rawValue: Double {
        switch self {
        case .finite(let value): value
        case .unbounded: .infinity
        case .undefined: .nan
        }
    }
}

extension ExtendedValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .finite(let value): "\(value)"
        case .unbounded: "∞"
        case .undefined: "not estimable"
        }
    }
}

extension ExtendedValue: Comparable {
    /// Orders finite values as numbers with `.unbounded` above them all;
    /// `.undefined` sorts last and is never equal to a number.
    public static func < (left: ExtendedValue, right: ExtendedValue) -> Bool {
        switch (left, right) {
        case (.finite(let a), .finite(let b)): a < b
        case (.finite, .unbounded), (.finite, .undefined), (.unbounded, .undefined): true
        default: false
        }
    }
}
