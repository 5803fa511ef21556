/// The paper a standalone HTML page (the handout, a table) is printed on.
public enum PaperSize: String, Sendable, CaseIterable, Hashable {
    case a4
    /// US Letter, 8.5 × 11 inches.
    case letter

    /// The CSS `@page` size.
    var css: String { self == .a4 ? "A4" : "letter" }
}
