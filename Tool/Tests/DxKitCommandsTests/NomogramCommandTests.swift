import Foundation
import Testing

@testable import DxKitCommands

/// `dxkit nomogram`: the numbers drawn equal `dxkit posttest`'s.
@Suite("dxkit nomogram")
struct NomogramCommandTests {
    typealias Run = EducatorCommands

    @Test("Both results of a sign: each line's likelihoodRatio and posttest equal dxkit posttest --sign ID=RESULT")
    func oneStep() throws {
        let nomogram = try Run.json(["nomogram", "--pretest", "0.3", "--sign", "closed-fist-percussion"])
        let lines = try #require(nomogram["lines"] as? [[String: Any]])
        #expect(lines.count == 2)
        for (result, line) in zip(["positive", "negative"], lines) {
            let reference = try Run.posttest(["--pretest", "0.3", "--sign", "closed-fist-percussion=\(result)"])
            #expect(Run.same(line["posttest"], reference["posttest"]))
            #expect(Run.same(line["likelihoodRatio"], reference["likelihoodRatio"]))
        }
    }

    @Test("Given likelihood ratios with limits equal dxkit posttest --lr --lr-lower --lr-upper")
    func givenRatios() throws {
        let nomogram = try Run.json(["nomogram", "--pretest", "1:3", "--lr", "8.75,0.14", "--lr-lower", "2.97,0.065", "--lr-upper", "25.7,0.3"])
        let lines = try #require(nomogram["lines"] as? [[String: Any]])
        let positive = try Run.posttest(["--pretest", "1:3", "--lr", "8.75", "--lr-lower", "2.97", "--lr-upper", "25.7"])
        let negative = try Run.posttest(["--pretest", "1:3", "--lr", "0.14", "--lr-lower", "0.065", "--lr-upper", "0.3"])
        #expect(Run.same(lines[0]["posttest"], positive["posttest"]))
        #expect(Run.same(lines[1]["posttest"], negative["posttest"]))
    }

    @Test("Two steps: step 1 as posttest with sign 1; step 2 as posttest from step 1's estimate; both signs as posttest with both")
    func twoStep() throws {
        let arguments = ["nomogram", "--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=negative", "--two-step"]
        let text = try Run.render(arguments + ["--format", "json"])
        let nomogram = try Run.json(arguments)
        let first = try #require((nomogram["lines"] as? [[String: Any]])?.first)
        let stepOne = try Run.posttest(["--sign", "closed-fist-percussion=positive"])
        #expect(Run.same(first["posttest"], stepOne["posttest"]))
        // Step 2 starts from step 1's estimate exactly as printed (the JSON text, not a re-parsed double).
        let pattern = try NSRegularExpression(pattern: "\"posttest\": \\{\\s*\"estimate\": ([0-9.e-]+)")
        let match = try #require(pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)))
        let intermediate = String(text[Range(match.range(at: 1), in: text)!])
        let second = try #require(nomogram["secondStep"] as? [String: Any])
        let stepTwo = try Run.posttest(["--pretest", intermediate, "--sign", "supine-sign=negative"])
        #expect(Run.same((second["line"] as? [String: Any])?["posttest"], stepTwo["posttest"]))
        let both = try Run.posttest(["--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=negative"])
        #expect(Run.same(second["combined"], both["posttest"]))
        #expect(Run.same((second["dependence"] as? [String: Any])?["posttest"], (both["dependence"] as? [String: Any])?["posttest"]))
    }

    @Test("The SVG is well-formed XML with the post-test interval as text, as posttest prints it")
    func svg() throws {
        let svg = try Run.render(["nomogram", "--pretest", "0.3", "--sign", "closed-fist-percussion=positive"])
        #expect(Run.isWellFormedXML(svg))
        #expect(svg.hasPrefix("<?xml"))
        let posttest = try Run.render(["posttest", "--pretest", "0.3", "--sign", "closed-fist-percussion=positive"])
        #expect(svg.contains(">\(try Run.cellText(fromPosttestText: posttest))</text>"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test("--output writes the file and prints nothing")
    func output() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-nomogram-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try CommandLineRun.run(["nomogram", "--pretest", "0.3", "--lr", "8.75", "--output", path])
        #expect(run.status == 0)
        #expect(run.standardOutput.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(Run.isWellFormedXML(written))
    }
}
