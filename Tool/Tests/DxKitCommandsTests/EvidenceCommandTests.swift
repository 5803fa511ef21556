import Foundation
import Testing

@testable import DxKitCommands

/// `dxkit evidence` and the evidence ids used by `dxkit posttest`.
@Suite("dxkit evidence and evidence ids")
struct EvidenceCommandTests {
    func render(_ arguments: [String]) throws -> String {
        var command = try #require(try DxKit.parseAsRoot(arguments) as? RenderingCommand)
        return try command.renderOutput()
    }

    @Test("list names the signs and the default preset, in every format", arguments: ["text", "json", "csv", "markdown"])
    func list(format: String) throws {
        let output = try render(["evidence", "list", "--format", format])
        #expect(output.contains("closed-fist-percussion"))
        #expect(output.contains("supine-sign"))
        #expect(output.contains("suspected-acute-vcf"))
        if format == "json" {
            #expect(((try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])?["records"] as? [Any])?.count ?? 0 > 30)
        }
    }

    @Test("show of a diagnostic study prints its 2×2 table and every measure with intervals")
    func showStudy() throws {
        let text = try render(["evidence", "show", "closed-fist-percussion"])
        #expect(text.contains("42 TP") && text.contains("3 FP") && text.contains("6 FN") && text.contains("27 TN"))
        #expect(text.contains("Positive likelihood ratio"))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(render(["evidence", "show", "supine-sign", "--format", "json"]).utf8)) as? [String: Any])
        #expect(json["id"] as? String == "supine-sign")
        let measures = try #require(json["measures"] as? [String: Any])
        let sensitivity = try #require(measures["sensitivity"] as? [String: Any])
        // epiR 2.0.57 epi.tests(method = "wilson") for 39/2/9/28 at 0.95 (Fixtures/epir.json).
        #expect(abs((sensitivity["estimate"] as! Double) - 0.8125) < 1e-15)
        #expect(abs((sensitivity["lower"] as! Double) - 0.680601328507153) < 1e-9)
    }

    @Test("cite prints the DOI of the Langdon paper")
    func cite() throws {
        #expect(try render(["evidence", "cite", "langdon-2010"]).contains("10.1308/003588410X12518836440162"))
    }

    @Test("validate accepts Evidence/ and rejects a broken directory, naming file and record")
    func validate() throws {
        let root = Repository.root
        let good = try CommandLineRun.run(["evidence", "validate", root.appendingPathComponent("Evidence").path])
        #expect(good.status == 0)
        #expect(good.standardOutput.contains("all valid"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad =
            #"{"records": [{"id": "bad-sign", "kind": "diagnosticStudy", "title": "T", "claim": "C", "verification": "reported", "citations": [], "caveats": [], "counts": {"truePositives": 1, "falsePositives": 1, "falseNegatives": 1, "trueNegatives": 1}}]}"#
        try bad.write(to: directory.appendingPathComponent("local.json"), atomically: true, encoding: .utf8)
        let run = try CommandLineRun.run(["evidence", "validate", directory.path])
        #expect(run.status == 1)
        #expect(run.standardError.contains("local.json: record 'bad-sign': missing citation"))
    }

    @Test("An unknown id is an error that lists the known ones")
    func unknownId() throws {
        let run = try CommandLineRun.run(["posttest", "--sign", "closed-fist=positive"])
        #expect(run.status == 64)
        #expect(run.standardError.contains("closed-fist-percussion") && run.standardError.contains("supine-sign"))
        let preset = try CommandLineRun.run(["posttest", "--pretest", "hospital-ward", "--lr", "2"])
        #expect(preset.status == 64)
        #expect(preset.standardError.contains("suspected-acute-vcf"))
        let show = try CommandLineRun.run(["evidence", "show", "nonexistent"])
        #expect(show.status == 64 && show.standardError.contains("langdon-2010"))
    }

    @Test("--sign and a preset give the same answer as the counts and the number")
    func signMatchesCounts() throws {
        let bySign = try render(["posttest", "--pretest", "suspected-acute-vcf", "--sign", "closed-fist-percussion=positive", "--format", "json"])
        let byCounts = try render([
            "posttest", "--pretest", "\(48.0 / 78.0)", "--tp", "42", "--fp", "3", "--fn", "6", "--tn", "27",
            "--result", "positive", "--format", "json",
        ])
        let signJSON = try #require(try JSONSerialization.jsonObject(with: Data(bySign.utf8)) as? [String: Any])
        let countsJSON = try #require(try JSONSerialization.jsonObject(with: Data(byCounts.utf8)) as? [String: Any])
        let signPosttest = try #require(signJSON["posttest"] as? [String: Any])
        let countsPosttest = try #require(countsJSON["posttest"] as? [String: Any])
        for key in ["estimate", "lower", "upper"] {
            #expect(abs((signPosttest[key] as! Double) - (countsPosttest[key] as! Double)) < 1e-12, "\(key)")
        }
        #expect(signJSON["evidence"] != nil)
    }

    @Test("The built-in evidence works from an installed binary in another directory")
    func installedBinary() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-install-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let installed = directory.appendingPathComponent("dxkit")
        try FileManager.default.copyItem(at: CommandLineRun.executable, to: installed)
        let process = Process()
        process.executableURL = installed
        process.arguments = ["posttest", "--sign", "supine-sign=positive"]
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("supine-sign"))
    }

    @Test("--evidence DIR overrides a sign with a hospital's own study")
    func override() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-local-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let local =
            #"{"records": [{"id": "closed-fist-percussion", "kind": "diagnosticStudy", "title": "Local audit", "claim": "C", "verification": "reported", "citations": [{"organisation": "Our hospital", "note": "internal audit 2026"}], "caveats": [], "counts": {"truePositives": 20, "falsePositives": 5, "falseNegatives": 0, "trueNegatives": 45}}]}"#
        try local.write(to: directory.appendingPathComponent("local.json"), atomically: true, encoding: .utf8)
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    render(
                        ["posttest", "--pretest", "0.1", "--sign", "closed-fist-percussion=positive", "--evidence", directory.path, "--format", "json"]).utf8))
                as? [String: Any])
        let ratio = try #require(json["likelihoodRatio"] as? [String: Any])
        // V7 table 20/5/0/45: LR+ = 10 (validation-cases.md).
        #expect(ratio["estimate"] as? Double == 10)
    }
}
