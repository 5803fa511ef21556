/// The result of a diagnostic test or clinical sign.
public enum TestResult: String, Sendable, CaseIterable, Hashable, Codable {
    case positive
    case negative
}

/// The version of DxKit's JSON output (`schemaVersion` in every document;
/// the schemas are in `Schemas/`, the changes in CHANGELOG.md).
public enum OutputSchema {
    public static let version = "2.0"
}
