import Foundation
import Testing

/// `dxkit` with no arguments in a terminal asks its questions, through a
/// real pseudo-terminal.
@Suite("Interactive dxkit in a pseudo-terminal", .serialized)
struct InteractiveSessionTests {
    @Test("Asks for the pretest and both signs, re-asks on bad input, prints the note")
    func session() throws {
        let terminal = try PseudoTerminal(arguments: [])
        #expect(terminal.waitFor("Pretest probability of an acute fracture"))
        terminal.type("1.7")
        #expect(terminal.waitFor("Please try again"))
        #expect(terminal.waitFor("Pretest probability of an acute fracture", seconds: 5))
        terminal.type("?")
        #expect(terminal.waitFor("gp-over-55"))
        terminal.type("")  // the default preset
        #expect(terminal.waitFor("Closed-fist percussion sign"))
        terminal.type("maybe")
        #expect(terminal.waitFor("'maybe' is not an answer"))
        terminal.type("p")
        #expect(terminal.waitFor("Supine sign"))
        terminal.type("p")
        #expect(terminal.waitFor("Acute-versus-chronic gate: ACUTE"))
        #expect(terminal.waitFor("supports a clinician's judgement; it does not replace it. Check"))
        #expect(terminal.exitStatus() == 0)
        // Same note as the scripted command (the text of `dxkit posttest --sign … --sign …`).
        let scripted = try CommandLineRun.run(["posttest", "--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=positive"])
        let noteLine = scripted.standardOutput.split(separator: "\n").first { $0.hasPrefix("Post-test probability") }
        #expect(noteLine != nil && terminal.screen.contains(String(noteLine!)))
    }

    @Test("A sign not done is left out; a percentage pretest is accepted")
    func notDone() throws {
        let terminal = try PseudoTerminal(arguments: ["posttest"])
        #expect(terminal.waitFor("Pretest probability"))
        terminal.type("30%")
        #expect(terminal.waitFor("Closed-fist percussion sign"))
        terminal.type("x")
        #expect(terminal.waitFor("Supine sign"))
        terminal.type("negative")
        #expect(terminal.waitFor("Pretest probability: 30.0 %"))
        #expect(terminal.waitFor("Supine sign (Langdon 2010/2011): negative"))
        #expect(!terminal.screen.contains("  - Closed-fist percussion sign"))
        #expect(terminal.exitStatus() == 0)
    }

    @Test("End of input before the answers: a clear message and a non-zero exit")
    func endOfInput() throws {
        let terminal = try PseudoTerminal(arguments: [])
        #expect(terminal.waitFor("Pretest probability"))
        terminal.endOfFile()
        #expect(terminal.waitFor("input ended"))
        #expect(terminal.exitStatus() == 64)
    }
}
