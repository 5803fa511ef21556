import Foundation
import Testing

/// `dxkit` with no arguments in a terminal: the bedside consult, through a
/// real pseudo-terminal.
@Suite("Interactive dxkit (bedside consult) in a pseudo-terminal", .serialized)
struct InteractiveSessionTests {
    @Test("No red flags, 2 weeks, MRI unavailable, both signs positive: the gate's interval is the headline")
    func consult() throws {
        let terminal = try PseudoTerminal(arguments: [])
        #expect(terminal.waitFor("Any red flag"))
        terminal.type("maybe")
        #expect(terminal.waitFor("'maybe' is not an answer"))
        terminal.type("n")
        #expect(terminal.waitFor("High-energy trauma"))
        terminal.type("")  // the default: no
        #expect(terminal.waitFor("Time since onset"))
        terminal.type("2")
        #expect(terminal.waitFor("MRI:"))
        terminal.type("")  // not immediately available
        #expect(terminal.waitFor("Pain:"))
        terminal.type("6 u")
        #expect(terminal.waitFor("Analgesia:"))
        terminal.type("")
        #expect(terminal.waitFor("Anticoagulated"))
        terminal.type("n")
        #expect(terminal.waitFor("Age in years"))
        terminal.type("74")
        #expect(terminal.waitFor("Augmentation candidate"))
        terminal.type("n")
        #expect(terminal.waitFor("Closed-fist percussion sign"))
        terminal.type("p")
        #expect(terminal.waitFor("Supine sign"))
        terminal.type("p")
        #expect(terminal.waitFor("Pretest probability of an acute fracture among patients with a suspected acute"))
        terminal.type("?")
        #expect(terminal.waitFor("suspected-acute-vcf: 61.5 %"))
        #expect(!terminal.screen.contains("gp-over-55"), "presets about another target are not offered")
        terminal.type("")
        #expect(terminal.waitFor("P(acute fracture on MRI among patients referred"))
        #expect(terminal.waitFor("ACUTE LIKELY"))
        #expect(terminal.waitFor("That is the gate's interval. Beside it, if the signs were independent"))
        #expect(terminal.waitFor("R9: No referral to a spine specialist is needed now"))
        #expect(terminal.waitFor("Safety net:"))
        #expect(terminal.waitFor("The full note, with evidence and caveats: dxkit refer --weeks 2"))
        #expect(terminal.exitStatus() == 0)
        #expect(!terminal.screen.contains("About 99 in 100"))
    }

    @Test("A red flag answered yes prints its urgent action at once, before any other question")
    func redFlagFirst() throws {
        let terminal = try PseudoTerminal(arguments: [])
        #expect(terminal.waitFor("Any red flag"))
        terminal.type("y")
        #expect(terminal.waitFor("Neurological deficit"))
        terminal.type("y")
        #expect(terminal.waitFor("→ R1: Emergency today: refer to orthopaedic surgery or neurosurgery, with emergency imaging of the spine today."))
        #expect(terminal.waitFor("Spinal instability"))
        terminal.type("?")
        #expect(terminal.waitFor("Malignancy suspected"))
        terminal.type("n")
        #expect(terminal.waitFor("Infection suspected"))
        terminal.type("n")
        #expect(terminal.waitFor("Significant deformity"))
        terminal.type("n")
        #expect(terminal.waitFor("High-energy trauma"))
        terminal.type("n")
        #expect(terminal.waitFor("Time since onset"))
        terminal.type("5d")
        #expect(terminal.waitFor("MRI:"))
        terminal.type("c")
        #expect(terminal.waitFor("Pain:"))
        terminal.type("")
        #expect(terminal.waitFor("Analgesia:"))
        terminal.type("")
        #expect(terminal.waitFor("Anticoagulated"))
        terminal.type("y")
        #expect(terminal.waitFor("Age in years"))
        terminal.type("81")
        #expect(terminal.waitFor("Augmentation candidate"))
        terminal.type("")
        #expect(terminal.waitFor("1. EMERGENCY (today) R1"))
        #expect(terminal.waitFor("The gate does not apply: a red flag is present"))
        #expect(terminal.waitFor("Not assessed: R2"))
        #expect(terminal.exitStatus() == 0)
        #expect(!terminal.screen.contains("Closed-fist percussion sign"), "with a red flag the gate cannot use the signs: not asked")
        #expect(!terminal.screen.contains("MRI of the whole spine"), "MRI is contraindicated: CT instead")
        #expect(terminal.screen.contains("emergency CT of the spine, or CT myelography"))
    }

    @Test("The consult transcript in notebook 04 is exactly what dxkit prints for its answers")
    func notebookTranscript() throws {
        let notebook = try String(
            contentsOf: Repository.root.appendingPathComponent("Notebooks-md/04-referral-pathway.md")
                .standardized, encoding: .utf8)
        let marker = try #require(notebook.range(of: "<!-- consult answers: "))
        let answersEnd = try #require(notebook[marker.upperBound...].range(of: " -->"))
        let answers = notebook[marker.upperBound..<answersEnd.lowerBound].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let blockStart = try #require(notebook[answersEnd.upperBound...].range(of: "```text\n"))
        let blockEnd = try #require(notebook[blockStart.upperBound...].range(of: "\n```"))
        let transcript = String(notebook[blockStart.upperBound..<blockEnd.lowerBound])

        let terminal = try PseudoTerminal(arguments: [])
        var seen = 0
        for answer in answers {
            #expect(terminal.waitForPrompt(after: seen))
            seen = terminal.screen.count + answer.count + 1
            terminal.type(answer)
        }
        #expect(terminal.exitStatus() == 0)
        let screen = terminal.screen.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines)
        #expect(screen == transcript)
    }

    @Test("End of input before the answers: a clear message and a non-zero exit")
    func endOfInput() throws {
        let terminal = try PseudoTerminal(arguments: [])
        #expect(terminal.waitFor("Any red flag"))
        terminal.endOfFile()
        #expect(terminal.waitFor("input ended"))
        #expect(terminal.exitStatus() == 64)
    }
}
