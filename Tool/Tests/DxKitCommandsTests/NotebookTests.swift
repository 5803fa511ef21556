import Foundation
import Testing

/// Every `$ dxkit …` command shown in Notebooks-md/*.md prints exactly the
/// output the notebook shows (standard output, then standard error), so the
/// worked examples cannot go stale. `scripts/update-notebooks.py` rewrites
/// them after a deliberate change.
@Suite("Notebooks")
struct NotebookTests {
    struct Example: Sendable, CustomTestStringConvertible {
        let notebook: String
        let command: String
        let expected: String
        var testDescription: String { "\(notebook): \(command)" }
    }

    static let root = Repository.root

    static let examples: [Example] = {
        let directory = root.appendingPathComponent("Notebooks-md")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        var examples: [Example] = []
        for name in names {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else { continue }
            let parts = text.components(separatedBy: "```console\n$ ")
            for part in parts.dropFirst() {
                guard let end = part.range(of: "```") else { continue }
                let body = String(part[..<end.lowerBound])
                let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
                let command = String(lines.first ?? "")
                let output = lines.dropFirst().joined(separator: "\n")
                examples.append(Example(notebook: name, command: command, expected: output))
            }
        }
        return examples
    }()

    /// Splits a command line the way a POSIX shell would for these examples (quotes, no expansions).
    static func words(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == " " {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test("The notebooks exist and show commands")
    func present() {
        #expect(Self.examples.count >= 20)
        #expect(Set(Self.examples.map(\.notebook)).count >= 5)
    }

    @Test("Each shown command prints what the notebook shows", arguments: examples)
    func example(_ example: Example) throws {
        let words = Self.words(example.command)
        #expect(words.first == "dxkit")
        let process = Process()
        process.executableURL = CommandLineRun.executable
        process.arguments = Array(words.dropFirst())
        process.currentDirectoryURL = Self.root
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let printed =
            String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            + String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var trimmed = printed
        while trimmed.hasSuffix("\n") { trimmed.removeLast() }
        let expected = example.expected.hasSuffix("\n") ? String(example.expected.dropLast()) : example.expected
        #expect(trimmed == expected)
    }
}
