/// The result of a diagnostic test or clinical sign.
public enum TestResult: String, Sendable, CaseIterable, Hashable, Codable {
    case positive
    case negative
}
