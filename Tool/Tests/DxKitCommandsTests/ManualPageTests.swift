import ArgumentParser
import Foundation
import Testing

@testable import DxKitCommands

/// `dxkit manual`: the man page, from the command definitions.
@Suite("Manual page")
struct ManualPageTests {
    @Test("Every command and every option the help shows is in the manual, with its non-ASCII characters")
    func complete() throws {
        let tree = try ManualPage.commandTree(of: DxKit.self)
        let page = ManualPage.render(tree)
        func check(_ command: ManualPage.CommandInfo, path: [String]) {
            let name = (path + [command.commandName]).joined(separator: " ")
            if !path.isEmpty { #expect(page.contains(".Ss \"\(name)\""), "\(name)") }
            for argument in command.arguments ?? [] where argument.shouldDisplay {
                for long in (argument.names ?? []).filter({ $0.kind == "long" }) {
                    #expect(page.contains("Fl -\(long.name)"), "\(name) --\(long.name)")
                }
            }
            for subcommand in command.subcommands ?? [] { check(subcommand, path: path + [command.commandName]) }
        }
        check(tree, path: [])
        #expect((tree.subcommands ?? []).count >= 9)
        #expect(page.contains("2\\[u00D7]2 table"))  // "2×2", which swift-argument-parser's generate-manual turns into "22"
        #expect(page.hasPrefix(".\\\" The dxkit manual page"))
        #expect(page.contains(".Sh EXIT STATUS"))
    }

    @Test("groff reads the page without a warning", .enabled(if: RenderTools.hasGroff, "groff \(RenderTools.installHint)"))
    func groffLint() throws {
        let page = ManualPage.render(try ManualPage.commandTree(of: DxKit.self))
        let lint = try RenderTools.run("groff", ["-mdoc", "-Tutf8", "-ww", "-z"], input: page)
        #expect(lint.status == 0)
        #expect(lint.error.isEmpty, "\(lint.error.prefix(500))")
        let rendered = try RenderTools.run("groff", ["-mdoc", "-Tutf8"], input: page).output
        #expect(rendered.contains("2×2"))
    }

    @Test("dxkit manual --output writes the page and prints nothing")
    func output() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-\(UUID().uuidString).1").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineRun.run(["manual", "--output", path])
        #expect(run.status == 0 && run.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(".Dt DXKIT 1"))
    }
}
