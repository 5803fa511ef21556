import Foundation
import Testing

@testable import DxKitCommands

/// Shell completions offer evidence ids, preset ids and file names.
@Suite("Completions")
struct CompletionTests {
    @Test("Sign ids, with =positive and =negative once the id is whole; preset ids; record ids")
    func candidates() {
        #expect(CompletionCandidates.signs([], 0, "clo") == ["closed-fist-percussion"])
        #expect(
            CompletionCandidates.signs([], 0, "closed-fist-percussion=")
                == ["closed-fist-percussion=positive", "closed-fist-percussion=negative"])
        #expect(CompletionCandidates.signs([], 0, "").contains("supine-sign"))
        #expect(CompletionCandidates.presets([], 0, "").contains("suspected-acute-vcf"))
        #expect(!CompletionCandidates.presets([], 0, "").contains("closed-fist-percussion"))
        #expect(CompletionCandidates.records([], 0, "langdon").contains("langdon-dependence-bounds"))
    }

    @Test("The shell asks dxkit for the candidates, as the generated scripts do")
    func throughTheShellProtocol() throws {
        // bash calls: dxkit ---completion SUBCOMMAND -- OPTION WORD-INDEX CURSOR WORDS…
        let signs = try CommandLineRun.run(["---completion", "table", "--", "--sign", "3", "3", "dxkit", "table", "--sign", "clo"])
        #expect(signs.standardOutput.split(separator: "\n") == ["closed-fist-percussion"])
        let presets = try CommandLineRun.run(["---completion", "nomogram", "--", "--pretest", "3", "3", "dxkit", "nomogram", "--pretest", "sus"])
        #expect(presets.standardOutput.split(separator: "\n") == ["suspected-acute-vcf"])
    }

    @Test("The bash, zsh and fish scripts complete ids through dxkit and --output, --input, --patient with file names", arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) throws {
        let script = try CommandLineRun.run(["--generate-completion-script", shell]).standardOutput
        #expect(script.contains("---completion table -- --sign") || script.contains("---completion table -- --sign"))
        #expect(script.contains("---completion evidence show -- positional@0"))
        if shell == "bash" {
            #expect(script.contains("'--output')\n        __dxkit_add_completions -o plusdirs -fX '!*.@(svg|json)'"))
            #expect(script.contains("'--patient')") && script.contains("'--input')"))
        }
    }
}
