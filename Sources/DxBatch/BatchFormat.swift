/// What a batch writes: CSV (a header, then one row per record) or JSON
/// lines (one object per record).
public enum BatchFormat: String, Sendable, Hashable, CaseIterable {
    case csv
    case jsonLines
}
