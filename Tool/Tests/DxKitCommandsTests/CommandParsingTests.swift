import ArgumentParser
import Testing

@testable import DxKitCommands

/// The quick path (a subcommand's own parser) gives the same command as the
/// whole tree, and every error, help or version request goes to the tree.
@Suite("Command-line parsing")
struct CommandParsingTests {
    static let valid: [[String]] = [
        ["posttest", "--pretest", "0.3", "--lr", "2"],
        ["posttest", "--pretest", "suspected-acute-vcf", "--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=positive"],
        ["posttest", "--sign", "supine-sign=negative", "--sign", "closed-fist-percussion=positive", "--dependence", "independent", "--format", "json"],
        ["posttest", "--pretest", "30%", "--tp", "42", "--fp", "3", "--fn", "6", "--tn", "27", "--result", "positive", "--lr-ci", "koopman"],
        ["accuracy", "--tp", "42", "--fp", "3", "--fn", "6", "--tn", "27", "--format", "markdown"],
        ["refer", "--weeks", "2", "--no-red-flags", "--high-energy-trauma", "no", "--closed-fist-percussion", "positive"],
        ["table", "--sign", "closed-fist-percussion", "--pretest", "0.05:0.95:0.05", "--format", "csv"],
        ["nomogram", "--pretest", "0.3", "--lr", "8.75", "--format", "svg"],
        ["curves", "--sign", "supine-sign", "--format", "svg"],
        ["manual"],
    ]

    @Test("A subcommand's own parser gives the command the whole tree gives", arguments: valid)
    func sameCommand(arguments: [String]) throws {
        let quick = try CommandParsing.parse(arguments)
        let tree = try DxKit.parseAsRoot(arguments)
        #expect(type(of: quick) == type(of: tree))
        #expect(String(reflecting: quick) == String(reflecting: tree))
    }

    @Test("The comparison sees every parsed value (a different value gives a different reflection)")
    func comparisonSeesValues() throws {
        let two = String(reflecting: try DxKit.parseAsRoot(["posttest", "--pretest", "0.3", "--lr", "2"]))
        let three = String(reflecting: try DxKit.parseAsRoot(["posttest", "--pretest", "0.3", "--lr", "3"]))
        let json = String(reflecting: try DxKit.parseAsRoot(["posttest", "--pretest", "0.3", "--lr", "2", "--format", "json"]))
        #expect(two != three && two != json)
    }

    static let refused: [[String]] = [
        ["posttest", "--help"], ["posttest", "-h"], ["posttest", "--version"], ["posttest", "--bogus"], ["posttest", "--pretest", "1.5", "--lr", "2"],
        ["posttest", "--generate-completion-script", "bash"], ["evidence", "help"], ["evidence", "list", "--help"], ["help", "posttest"],
        ["accuracy", "--tp", "-1", "--fp", "3", "--fn", "6", "--tn", "27"], ["--version"], [],
    ]

    @Test("Help, version, completion requests and mistakes get exactly the whole tree's message and status", arguments: refused)
    func sameErrors(arguments: [String]) {
        func outcome(_ parse: () throws -> any ParsableCommand) -> String {
            do {
                let command = try parse()
                return "parsed \(type(of: command))"
            } catch {
                return "\(DxKit.exitCode(for: error).rawValue): \(DxKit.fullMessage(for: error))"
            }
        }
        let quick = outcome { try CommandParsing.parse(arguments) }
        #expect(quick == outcome { try DxKit.parseAsRoot(arguments) })
    }
}
