import Foundation
import Testing

@testable import DxKitCommands

/// `dxkit refer` through the real executable.
@Suite("dxkit refer")
struct ReferCommandTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("Quick flags: the contract's keys, rule ids and the gate")
    func flags() throws {
        let run = try CommandLineRun.run([
            "refer", "--weeks", "2", "--age", "74", "--mri", "unavailable",
            "--closed-fist-percussion", "positive", "--supine-sign", "positive", "--format", "json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let result = try object(run.standardOutput)
        let recommendations = try #require(result["recommendations"] as? [[String: Any]])
        for recommendation in recommendations {
            for key in ["rule", "action", "specialty", "urgency", "evidence", "caveats"] { #expect(recommendation[key] != nil, "\(key)") }
        }
        #expect(Set(recommendations.compactMap { $0["rule"] as? String }) == ["R9", "R10", "R14", "R15", "G"])
        #expect(result["noReferralNeeded"] as? Bool == true)
        let gate = try #require(result["gate"] as? [String: Any])
        #expect(gate["classification"] as? String == "acute")
        #expect((gate["thresholds"] as? [String: Double]) == ["lower": 0.2, "upper": 0.8])
        let probability = try #require(gate["probability"] as? [String: Any])
        #expect(probability["estimate"] != nil && probability["lower"] != nil && probability["upper"] != nil)
    }

    @Test("A patient file, and JSON lines in and out in the same order")
    func files() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-refer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("patient.json")
        try """
        {
          "weeksSinceOnset": 1,
          "neurologicalDeficit": true,
          "mri": "available"
        }
        """.write(to: file, atomically: true, encoding: .utf8)
        let single = try CommandLineRun.run(["refer", "--patient", file.path, "--format", "json"])
        #expect(single.status == 0)
        let first = try #require((try object(single.standardOutput))["recommendations"] as? [[String: Any]])
        #expect(first.first?["rule"] as? String == "R1" && first.first?["urgency"] as? String == "immediate")

        let lines = """
            {"id": "p1", "weeksSinceOnset": 1, "neurologicalDeficit": true, "mri": "available"}
            {"id": 2, "weeksSinceOnset": 13, "painTrajectory": "improving", "age": 85}
            {"weeksSinceOnset": 3, "malignancySuspected": true}
            """
        let many = try CommandLineRun.run(["refer", "--patient", "-", "--format", "json"], input: lines)
        #expect(many.status == 0)
        let outputs = many.standardOutput.split(separator: "\n").map(String.init)
        #expect(outputs.count == 3)
        let firstRules = try outputs.map { line in
            try #require((try object(line))["recommendations"] as? [[String: Any]]).compactMap { $0["rule"] as? String }
        }
        #expect(firstRules[0].first == "R1")
        #expect(Set(firstRules[1]) == ["R9", "R14"])
        #expect(firstRules[2].contains("R13"))
        #expect(try outputs.map { (try object($0))["id"] as? String } == ["p1", "2", nil])
    }

    @Test("Bad or contradictory input names the field; unknown keys are errors; the rest is processed")
    func badInput() throws {
        let lines = """
            {"weeksSinceOnset": -2}
            {"weeks": 3}
            {"acutePainSubsided": true, "painSeverity": 10}
            {"neurologicalDeficit": "yes"}
            {"mri": "tomorrow"}
            {"weeksSinceOnset": 2}
            """
        let run = try CommandLineRun.run(["refer", "--patient", "-", "--format", "json"], input: lines)
        #expect(run.status != 0)
        #expect(run.standardOutput.split(separator: "\n").count == 1)
        for expected in [
            "line 1: weeksSinceOnset", "line 2: weeks: unknown key", "line 3: acutePainSubsided", "line 4: neurologicalDeficit",
            "line 5: mri", "6 patients read, 1 written, 5 rejected",
        ] {
            #expect(run.standardError.contains(expected), "\(expected)")
        }
        let flag = try CommandLineRun.run(["refer", "--weeks", "-3"])
        #expect(flag.status == 64 && flag.standardError.contains("--weeks"))
        let level = try CommandLineRun.run(["refer", "--fracture-level", "L9"])
        #expect(level.status == 64 && level.standardError.contains("L9"))
        let empty = try CommandLineRun.run(["refer", "--patient", "-"], input: "")
        #expect(empty.status == 64 && empty.standardError.contains("no patient"))
    }

    @Test("--rules prints the whole rule table as Markdown from the engine's definitions")
    func rules() throws {
        let run = try CommandLineRun.run(["refer", "--rules"])
        #expect(run.status == 0)
        for id in (1...16).map({ "| R\($0)" }) + ["| G |"] { #expect(run.standardOutput.contains(id), "\(id)") }
        #expect(run.standardOutput.contains("neurological deficit"))
        #expect(run.standardOutput.contains("`calcitonin-safety`"))
        #expect(run.standardOutput.contains("attributed, unverified"))
    }

    @Test("The text note reads as a referral note with the disclaimer")
    func note() throws {
        let run = try CommandLineRun.run([
            "refer", "--weeks", "13", "--augmentation-candidate", "true", "--pain-trajectory", "worsening",
            "--closed-fist-percussion", "negative", "--supine-sign", "negative", "--pretest", "0.2",
        ])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Referral note: L2 compression fracture, 13 weeks since onset"))
        #expect(run.standardOutput.contains("CHRONIC"))
        #expect(run.standardOutput.contains("What the gate changed:"))
        #expect(run.standardOutput.contains("supports a clinician's judgement"))
    }
}
