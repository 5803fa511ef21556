import Foundation
import Testing

@testable import DxKitCommands

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Runs the educator commands (and `dxkit posttest`, the reference for
/// their numbers) in process.
enum EducatorCommands {
    static func render(_ arguments: [String]) throws -> String {
        var command = try #require(try DxKit.parseAsRoot(arguments) as? RenderingCommand)
        return try command.renderOutput()
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(render(arguments + ["--format", "json"]).utf8)) as? [String: Any])
    }

    /// `dxkit posttest … --format json`.
    static func posttest(_ arguments: [String]) throws -> [String: Any] {
        try json(["posttest"] + arguments)
    }

    /// Equal as parsed JSON (numbers to the last bit of what was printed).
    static func same(_ left: Any?, _ right: Any?) -> Bool {
        guard let left = left as? NSObject, let right = right as? NSObject else { return left == nil && right == nil }
        return left.isEqual(right)
    }

    /// Whether `text` is well-formed XML.
    static func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    /// "78.9 % (56.0–91.7 %)", the table's cell, from posttest's line
    /// "Post-test probability: 78.9 % (95 % CI 56.0 % – 91.7 %; …)".
    static func cellText(fromPosttestText text: String) throws -> String {
        let pattern = try NSRegularExpression(pattern: "Post-test probability[^:]*: ([0-9.]+ %) \\([0-9.]+ % CI ([0-9.]+) % – ([0-9.]+ %)")
        let match = try #require(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)))
        let groups = (1...3).map { String(text[Range(match.range(at: $0), in: text)!]) }
        return "\(groups[0]) (\(groups[1])–\(groups[2]))"
    }
}
