/// A yes/no answer that may also be unknown (not asked, not examined).
///
/// Unknown is never read as no: a rule that needs the answer is listed as
/// "not assessed", and "no specialist referral" (R9) is never given while a
/// red flag is unknown (referral-pathway.md, version 2).
///
/// In patient JSON: `true`, `false`, `"yes"`, `"no"`, `"unknown"` or `null`.
public enum Answer: String, Sendable, Hashable, CaseIterable, Codable {
    case yes
    case no
    case unknown

    /// `true` → yes, `false` → no.
    public init(_ value: Bool) { self = value ? .yes : .no }
}
