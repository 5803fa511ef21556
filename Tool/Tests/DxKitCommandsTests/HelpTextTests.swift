import ArgumentParser
import Foundation
import Testing

@testable import DxKitCommands

/// Help written for the argument parser's own wrapping, each command
/// listing only the options it uses, and options another command takes
/// refused with a reason instead of being ignored.
@Suite("Help text")
struct HelpTextTests {
    /// Every command, subcommands included.
    static let commands: [any ParsableCommand.Type] = {
        func all(_ command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
            [command] + command.configuration.subcommands.flatMap(all)
        }
        return all(DxKit.self)
    }()

    @Test("Discussions have no line breaks inside a paragraph: the parser wraps them to the terminal")
    func noHardLineBreaks() {
        for command in Self.commands {
            let lines = command.configuration.discussion.components(separatedBy: "\n")
            for (index, line) in lines.enumerated().dropLast() {
                let next = lines[index + 1]
                // Prose followed by more prose (not a blank line, not an indented example) was broken by hand.
                let isProse = { (text: String) in !text.isEmpty && !text.hasPrefix(" ") }
                #expect(!(isProse(line) && isProse(next) && !line.hasSuffix(":")), "\(command.configuration.commandName ?? ""): '\(line)'")
            }
        }
    }

    @Test("No option states its default twice")
    func noDuplicatedDefaults() {
        for command in Self.commands {
            let help = DxKit.helpMessage(for: command, columns: 1000)
            for line in help.split(separator: "\n") where line.hasPrefix("  -") {
                #expect(line.components(separatedBy: "default").count <= 2, "\(command.configuration.commandName ?? ""): \(line)")
            }
        }
    }

    struct Unused: Sendable, CustomTestStringConvertible {
        let command: String
        let options: [String]
        var testDescription: String { "\(command) lists none of \(options.joined(separator: ", "))" }
    }

    @Test(
        "Each command lists only the options it uses",
        arguments: [
            Unused(command: "nomogram", options: ["--draws", "--seed", "--gate", "--pretest-beta", "--pretest-range"]),
            Unused(command: "curves", options: ["--draws", "--seed", "--pretest-beta", "--pretest-range"]),
            Unused(command: "handout", options: ["--pretest-beta", "--pretest-range"]),
            Unused(command: "table", options: ["--pretest-beta", "--pretest-range"]),
        ])
    func limitedOptions(_ unused: Unused) throws {
        let type = try #require(HelpSnapshotTests.commands.first { $0.name == unused.command }?.type)
        let help = DxKit.helpMessage(for: type, columns: 200)
        for option in unused.options { #expect(!help.contains(option + " "), "\(option)") }
    }

    @Test(
        "An option a picture does not use is refused with the reason, not ignored",
        arguments: [
            (["nomogram", "--pretest", "0.3", "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--draws", "1000"], "--draws does not apply here"),
            (["nomogram", "--pretest", "0.3", "--sign", "closed-fist-percussion", "--gate", "0.1,0.9"], "--gate does not apply here"),
            (["curves", "--sign", "closed-fist-percussion", "--seed", "7"], "--seed does not apply here"),
            (["handout", "--pretest-beta", "2,3"], "--pretest-beta does not apply here"),
            (["table", "--sign", "closed-fist-percussion", "--pretest-range", "0.2:0.4"], "--pretest-range does not apply here"),
        ])
    func refused(arguments: [String], message: String) throws {
        let run = try CommandLineRun.run(arguments)
        #expect(run.status == 64)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains(message), "\(run.standardError)")
    }

    @Test("refer --help lists the patient keys, for a user who has only the binary")
    func referKeys() {
        let help = DxKit.helpMessage(for: ReferCommand.self, columns: 100)
        for key in ["weeksSinceOnset", "fractureLevel", "closedFistPercussion", "supineSign", "painSeverity", "pretest", "mri"] {
            #expect(help.contains(key), "\(key)")
        }
        #expect(!help.contains("see README"))
    }

    @Test("--show adds to what a table of several signs shows by default; --hide takes away")
    func showAddsToDefaults() throws {
        let signs = ["table", "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--pretest", "0.3", "--draws", "1000"]
        let defaults = try EducatorCommands.render(signs)
        #expect(defaults.contains("range ") && defaults.contains("(gate "))
        let withFrequencies = try EducatorCommands.render(signs + ["--show", "frequencies"])
        #expect(withFrequencies.contains("range ") && withFrequencies.contains("(gate ") && withFrequencies.contains(" of 1000"))
        let withoutGate = try EducatorCommands.render(signs + ["--show", "range", "--hide", "gate"])
        #expect(withoutGate.contains("range ") && !withoutGate.contains("(gate "))
    }
}

/// `dxkit table` in text wraps to the terminal it prints on.
@Suite("Text tables on a terminal")
struct TerminalTableTests {
    @Test("On a 72-column terminal no line of a two-sign table is wider than 72 columns")
    func terminalWidth() throws {
        let terminal = try PseudoTerminal(
            arguments: ["table", "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--pretest", "0.3,0.95", "--draws", "1000"], columns: 72)
        #expect(terminal.exitStatus(seconds: 60) == 0)
        terminal.waitFor("\u{0}", seconds: 0.5)
        let lines = terminal.screen.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.count > 20)
        #expect((lines.map(\.count).max() ?? 0) <= 72, "\(lines.max { $0.count < $1.count } ?? "")")
        #expect(terminal.screen.contains("INDETERMINATE"))
    }
}
