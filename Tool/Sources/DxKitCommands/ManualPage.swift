import ArgumentParser
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The manual page (`man 1 dxkit`), written in mdoc from the command
/// definitions themselves: the tree swift-argument-parser describes with
/// `--experimental-dump-help` (its tool-info format, version 0), so that
/// every command, option, default and help text in the manual is the one
/// `--help` prints.
///
/// swift-argument-parser's own `generate-manual` plugin drops every
/// non-ASCII character ("2×2" becomes "22", "−" vanishes); this writer
/// keeps them as groff's `\[uXXXX]` escapes, which `man`, `groff` and
/// `mandoc` all render.
///
/// ```sh
/// dxkit manual | man -l -
/// dxkit manual --output /usr/local/share/man/man1/dxkit.1
/// ```
enum ManualPage {
    /// The date on the manual page (mdoc's `.Dd`): that of the version it describes.
    static let date = "December 2, 2026"

    /// A command as the tool-info dump describes it.
    struct CommandInfo: Decodable {
        var commandName: String
        var superCommands: [String]?
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [CommandInfo]?
        var arguments: [ArgumentInfo]?
    }

    /// An argument, option or flag as the tool-info dump describes it.
    struct ArgumentInfo: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var kind: String
        var shouldDisplay: Bool
        var sectionTitle: String?
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
        var discussion: String?
    }

    private struct ToolInfo: Decodable {
        var command: CommandInfo
    }

    /// The command tree of `root`, from swift-argument-parser's tool-info dump.
    static func commandTree(of root: any ParsableCommand.Type) throws -> CommandInfo {
        let dump: String
        do {
            _ = try root.parseAsRoot(["--experimental-dump-help"])
            throw InputError("the command definitions could not be read")
        } catch let error as InputError {
            throw error
        } catch {
            dump = root.fullMessage(for: error)
        }
        return try JSONDecoder().decode(ToolInfo.self, from: Data(dump.utf8)).command
    }

    /// The whole page for `root` and its subcommands.
    static func render(_ root: CommandInfo) -> String {
        var lines = [
            ".\\\" The dxkit manual page, written by `dxkit manual` from the command definitions.",
            ".Dd \(date)", ".Dt \(root.commandName.uppercased()) 1", ".Os", ".Sh NAME", ".Nm \(root.commandName)",
            ".Nd \(escapedArgument(sentence(root.abstract ?? "")))", ".Sh SYNOPSIS", ".Nm",
            ".Ar subcommand", ".Op Ar options", ".Sh DESCRIPTION",
        ]
        lines += paragraphs(root.discussion ?? "")
        lines.append(".Sh COMMANDS")
        for command in root.subcommands ?? [] where command.shouldDisplay != false {
            lines += section(command, path: [root.commandName])
        }
        lines += [
            ".Sh EXIT STATUS",
            "0 on success; 64 for bad input or usage (the message names the bad value); 65 when a batch rejected rows; 1 for any other failure.",
            ".Sh SEE ALSO", escapedText("The notebooks in Notebooks-md/ and the README of the DxKit repository; dxkit evidence list for the evidence records."),
            ".Sh CAVEATS", escapedText("DxKit supports a clinician's judgement; it does not replace it. Check the evidence and its caveats before acting."),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A subcommand: its heading, description, options and its own subcommands.
    private static func section(_ command: CommandInfo, path: [String]) -> [String] {
        let fullName = (path + [command.commandName]).joined(separator: " ")
        var lines = [".Ss \(escapedArgument(fullName))"]
        if let abstract = command.abstract, !abstract.isEmpty { lines.append(escapedText(sentence(abstract) + ".")) }
        if let discussion = command.discussion, !discussion.isEmpty { lines += [".Pp"] + paragraphs(discussion) }
        let arguments = (command.arguments ?? []).filter { $0.shouldDisplay }
        if !arguments.isEmpty {
            lines.append(".Bl -tag -width Ds")
            for argument in arguments { lines += item(argument) }
            lines.append(".El")
        }
        for subcommand in command.subcommands ?? [] where subcommand.shouldDisplay != false {
            lines += section(subcommand, path: path + [command.commandName])
        }
        return lines
    }

    /// One option, flag or argument: `.It Fl -pretest Ar pretest` and its help.
    private static func item(_ argument: ArgumentInfo) -> [String] {
        let names = (argument.names ?? []).map { name in
            "Fl " + (name.kind == "long" ? "-" : "") + escapedArgument(name.name)
        }
        var head: String
        switch argument.kind {
        case "positional": head = "Ar " + escapedArgument(argument.valueName ?? "value")
        case "flag": head = names.joined(separator: " , ")
        default: head = names.joined(separator: " , ") + " Ar " + escapedArgument(argument.valueName ?? "value")
        }
        if argument.isRepeating { head += " Ar ..." }
        var text = argument.abstract ?? ""
        if let values = argument.allValues, !values.isEmpty, argument.kind == "option" { text += " Values: " + values.joined(separator: ", ") + "." }
        if let value = argument.defaultValue, !value.isEmpty, argument.kind != "flag" { text += " Default: \(value)." }
        if let section = argument.sectionTitle { text += " (" + section + ")" }
        var lines = [".It " + head]
        if !text.isEmpty { lines.append(escapedText(text.trimmingWhitespace())) }
        if let discussion = argument.discussion, !discussion.isEmpty { lines += paragraphs(discussion) }
        return lines
    }

    /// Discussion text: paragraphs separated by `.Pp`, indented example lines kept as a literal display.
    private static func paragraphs(_ text: String) -> [String] {
        var lines: [String] = [], literal = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  ") {
                if !literal { lines.append(".Bd -literal -offset indent") }
                literal = true
                lines.append(escapedText(String(line.dropFirst(2)), literal: true))
                continue
            }
            if literal {
                lines.append(".Ed")
                literal = false
            }
            lines.append(line.trimmingWhitespace().isEmpty ? ".Pp" : escapedText(String(line)))
        }
        if literal { lines.append(".Ed") }
        return lines
    }

    /// "abstract." with one full stop.
    private static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }

    /// A line of running text for roff: backslashes doubled as `\e`, a
    /// leading dot or quote protected, non-ASCII as `\[uXXXX]`.
    static func escapedText(_ text: String, literal: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\e"
            case _ where scalar.value > 126: result += String(cFormat: "\\[u%04X]", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        if result.hasPrefix(".") || result.hasPrefix("'") { result = "\\&" + result }
        return literal && result.isEmpty ? "\\&" : result
    }

    /// A macro argument: escaped as text, quoted when it has spaces.
    private static func escapedArgument(_ text: String) -> String {
        let escaped = escapedText(text).replacing("\"", with: "\\(dq")
        return escaped.contains(" ") ? "\"\(escaped)\"" : escaped
    }
}
