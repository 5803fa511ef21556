import Foundation
import Testing

@testable import DxKitCommands

/// `dxkit refer` (pathway version 2) through the real executable, including
/// every example of the clinical review that motivated version 2.
@Suite("dxkit refer")
struct ReferCommandTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func refer(_ arguments: [String]) throws -> (result: [String: Any], rules: [String], withheld: [String], notAssessed: [String]) {
        let run = try CommandLineRun.run(["refer"] + arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let result = try object(run.standardOutput)
        let rules = (result["recommendations"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        let withheld = (result["withheld"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        let notAssessed = (result["notAssessed"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        return (result, rules, withheld, notAssessed)
    }

    static let complete = ["--no-red-flags", "--high-energy-trauma", "no", "--anticoagulated", "no", "--pregnant", "no"]

    @Test("The bedside flags: every section of the note in JSON, the gate's interval as the headline")
    func flags() throws {
        let (result, rules, _, _) = try refer(
            ["--weeks", "2", "--age", "74", "--pain-trajectory", "unchanged", "--pain-severity", "6", "--augmentation-candidate", "no"]
                + Self.complete + ["--closed-fist-percussion", "positive", "--supine-sign", "positive"])
        for key in [
            "schemaVersion", "pathwayVersion", "applicable", "inputsUsed", "recommendations", "notAssessed", "withheld", "gate", "safetyNet",
            "redFlags", "disclaimer",
        ] {
            #expect(result[key] != nil, "\(key)")
        }
        #expect(Set(rules) == ["R9", "R10", "R14", "R15", "R18", "R19", "G"])
        let gate = try #require(result["gate"] as? [String: Any])
        #expect(gate["applies"] as? Bool == true)
        #expect(gate["classification"] as? String == "acuteLikely")
        let probability = try #require(gate["probability"] as? [String: Any])
        #expect((probability["of"] as? String)?.contains("acute fracture on MRI among patients referred with a suspected acute") == true)
        let independence = try #require(gate["independence"] as? [String: Any])
        #expect((independence["method"] as? String)?.contains("if the signs were independent") == true)
        let inputs = try #require(result["inputsUsed"] as? [[String: Any]])
        #expect(inputs.count == 21)
        #expect(inputs.first { $0["input"] as? String == "pretest" }?["source"] as? String == "default")
        #expect(inputs.first { $0["input"] as? String == "pulmonaryDysfunction" }?["source"] as? String == "unknown")
    }

    // MARK: The review's examples, each now safe

    @Test("14 weeks, worsening severe pain, augmentation candidate, MRI without oedema: augmentation withheld with its reason")
    func healedFracture() throws {
        let (result, rules, withheld, _) = try refer(
            ["--weeks", "14", "--pain-severity", "8", "--pain-trajectory", "worsening", "--augmentation-candidate", "yes", "--mri", "no-oedema"]
                + Self.complete)
        #expect(!rules.contains("R5") && !rules.contains("R6"))
        #expect(withheld.contains("R5") && withheld.contains("R6"))
        let reasons = (result["withheld"] as? [[String: Any]])?.first { $0["rule"] as? String == "R6" }?["reasons"] as? [String]
        #expect(reasons?.first?.contains("augmentation treats unhealed fractures") == true)
        #expect(rules.contains("R3"))
    }

    @Test("Suspected malignancy with MRI contraindicated: CT and FDG-PET/CT or low-dose whole-body CT, myeloma tests, no MRI anywhere")
    func malignancyWithoutMRI() throws {
        let run = try CommandLineRun.run([
            "refer", "--weeks", "3", "--malignancy-suspected", "yes", "--mri", "contraindicated", "--format", "json",
        ])
        let result = try object(run.standardOutput)
        let items = try #require(result["recommendations"] as? [[String: Any]])
        let r13 = try #require(items.first { $0["rule"] as? String == "R13" })
        #expect(r13["urgency"] as? String == "urgent")
        #expect((r13["action"] as? String)?.contains("FDG-PET/CT or low-dose whole-body CT") == true)
        #expect((r13["action"] as? String)?.contains("serum free light chains") == true)
        for item in items { #expect(!((item["action"] as? String) ?? "").contains("MRI"), "\(item["rule"] ?? "")") }
    }

    @Test("Suspected malignancy, both signs negative, pretest 0.3: the gate does not apply and nothing says 'old'")
    func malignancyWithSigns() throws {
        let run = try CommandLineRun.run([
            "refer", "--weeks", "3", "--malignancy-suspected", "yes", "--closed-fist-percussion", "negative", "--supine-sign", "negative",
            "--pretest", "0.3",
        ])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("The gate does not apply: a red flag is present"))
        for word in ["CHRONIC", "probably old", "not the pain source", "LESS LIKELY"] { #expect(!run.standardOutput.contains(word), "\(word)") }
    }

    @Test("A pretest about another target with the Langdon signs is refused, naming both targets and what to use")
    func otherTarget() throws {
        let run = try CommandLineRun.run(["posttest", "--pretest", "gp-over-55", "--sign", "supine-sign=negative"])
        #expect(run.status == 64)
        for words in ["vertebral fracture among people consulting with back pain", "acute fracture on MRI among patients referred", "suspected-acute-vcf"] {
            #expect(run.standardError.contains(words), "\(words)")
        }
        let referRun = try CommandLineRun.run(["refer", "--weeks", "2", "--closed-fist-percussion", "positive", "--pretest", "primary-care-low-back-pain"])
        #expect(referRun.status == 64 && referRun.standardError.contains("--pretest"))
        let table = try CommandLineRun.run(["table", "--sign", "closed-fist-percussion", "--pretest", "0.1,emergency-department"])
        #expect(table.status == 64 && table.standardError.contains("do not combine"))
    }

    @Test("A typed number is taken to be about the sign's target, and the note says so")
    func typedNumber() throws {
        let run = try CommandLineRun.run(["posttest", "--pretest", "0.3", "--sign", "closed-fist-percussion=positive"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("taken to be the probability of acute fracture on MRI among patients referred"))
    }

    @Test("Pain severity unknown at 14 weeks with worsening pain: R3 is listed as not assessed")
    func severityUnknown() throws {
        let (_, rules, _, notAssessed) = try refer(["--weeks", "14", "--pain-trajectory", "worsening"] + Self.complete)
        #expect(!rules.contains("R3") && notAssessed.contains("R3"))
    }

    @Test("Exactly 6 weeks, symptoms not resolved: reassess at 8 weeks")
    func sixWeeks() throws {
        let (result, rules, _, _) = try refer(["--weeks", "6", "--pain-trajectory", "unchanged", "--pain-severity", "5"] + Self.complete)
        #expect(rules.contains("R15"))
        let r15 = (result["recommendations"] as? [[String: Any]])?.first { $0["rule"] as? String == "R15" }
        #expect((r15?["action"] as? String)?.contains("8 weeks") == true)
    }

    @Test("MRI unavailable and no signs done: an imaging plan that also says to do the signs")
    func imagingPlan() throws {
        let (result, rules, _, _) = try refer(["--weeks", "1"] + Self.complete)
        #expect(rules.contains("R18"))
        let r18 = (result["recommendations"] as? [[String: Any]])?.first { $0["rule"] as? String == "R18" }
        #expect((r18?["action"] as? String)?.contains("do them") == true)
    }

    @Test("Calcitonin: offered within 5 days only; never at 6–9 weeks, with MRI without oedema, or with a red flag")
    func calcitonin() throws {
        #expect(try refer(["--days", "4"] + Self.complete).rules.contains("R10c"))
        #expect(!(try refer(["--weeks", "7"] + Self.complete).rules.contains("R10c")))
        #expect(!(try refer(["--days", "3", "--mri", "no-oedema"] + Self.complete).rules.contains("R10c")))
        let malignancy = try refer(["--days", "3", "--malignancy-suspected", "yes", "--high-energy-trauma", "no"])
        #expect(!malignancy.rules.contains("R10c"))
    }

    @Test("R9 never at 14 weeks with pain persisting")
    func noReassuranceAtFourteenWeeks() throws {
        let (_, rules, _, _) = try refer(["--weeks", "14", "--pain-trajectory", "unchanged", "--pain-severity", "4"] + Self.complete)
        #expect(!rules.contains("R9"))
        #expect(rules.contains("R16"))
    }

    @Test("A deficit with no MRI here: emergency referral and emergency MRI today with transfer, first")
    func deficit() throws {
        let (result, rules, _, _) = try refer(["--weeks", "2", "--neurological-deficit", "yes", "--anticoagulated", "yes"])
        #expect(rules.first == "R1")
        let r1 = try #require((result["recommendations"] as? [[String: Any]])?.first)
        #expect((r1["action"] as? String)?.contains("emergency MRI of the whole spine today (transfer") == true)
        #expect((r1["action"] as? String)?.contains("epidural haematoma") == true)
        #expect(r1["urgency"] as? String == "emergency")
    }

    @Test("High-energy trauma: not applicable, CT and trauma review, R1 with a deficit, nothing else")
    func trauma() throws {
        let (result, rules, _, _) = try refer(["--weeks", "0", "--high-energy-trauma", "yes", "--neurological-deficit", "yes"])
        #expect(result["applicable"] as? Bool == false)
        #expect(rules == ["R1", "TRAUMA"])
    }

    @Test("Red flags left unknown: no reassurance, no gate classification, the rules that need them listed")
    func unknownRedFlags() throws {
        let (result, rules, _, notAssessed) = try refer(["--weeks", "2", "--closed-fist-percussion", "positive"])
        #expect(!rules.contains("R9") && !rules.contains("G"))
        #expect(notAssessed.contains("R1") && notAssessed.contains("R9") && notAssessed.contains("R18"))
        #expect((result["gate"] as? [String: Any])?["applies"] as? Bool == false)
    }

    // MARK: Input and output

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
        #expect(single.status == 0, "\(single.standardError)")
        let first = try #require((try object(single.standardOutput))["recommendations"] as? [[String: Any]])
        #expect(first.first?["rule"] as? String == "R1" && first.first?["urgency"] as? String == "emergency")

        let lines = """
            {"id": "p1", "weeksSinceOnset": 1, "neurologicalDeficit": true, "mri": "available"}
            {"id": 2, "weeksSinceOnset": 13, "painTrajectory": "improving", "age": 85}
            {"weeksSinceOnset": 3, "malignancySuspected": true}
            """
        let many = try CommandLineRun.run(["refer", "--patient", "-", "--format", "json"], input: lines)
        #expect(many.status == 0)
        let outputs = many.standardOutput.split(separator: "\n").map(String.init)
        #expect(outputs.count == 3)
        let rules = try outputs.map { line in
            try #require((try object(line))["recommendations"] as? [[String: Any]]).compactMap { $0["rule"] as? String }
        }
        #expect(rules[0].first == "R1")
        #expect(rules[2].contains("R13"))
        #expect(try outputs.map { (try object($0))["id"] as? String } == ["p1", "2", nil])
    }

    @Test("Bad, contradictory, duplicated or truncated input names the field and loses nothing else")
    func badInput() throws {
        let lines = """
            {"weeksSinceOnset": -2}
            {"weeks": 3}
            {"weeksSinceOnset": 1, "acutePainSubsided": true, "painSeverity": 10}
            {"weeksSinceOnset": 1, "neurologicalDeficit": "maybe"}
            {"weeksSinceOnset": 1, "mri": "tomorrow"}
            {"weeksSinceOnset": 1, "neurologicalDeficit": true, "neurologicalDeficit": false}
            {"age": 70
            {"weeksSinceOnset": 2}
            {"weeksSinceOnset": 2, "malignancySuspected": null}
            """
        let run = try CommandLineRun.run(["refer", "--patient", "-", "--format", "json"], input: lines)
        #expect(run.status == 65)
        #expect(run.standardOutput.split(separator: "\n").count == 2)
        for expected in [
            "line 1: weeksSinceOnset", "line 2: weeks: unknown key", "line 3: acutePainSubsided", "line 4: neurologicalDeficit",
            "line 5: mri", "line 6: patient: not valid JSON: duplicate key 'neurologicalDeficit'", "line 7: patient: not valid JSON",
            "9 patients read, 2 written, 7 rejected",
        ] {
            #expect(run.standardError.contains(expected), "\(expected)")
        }
        let flag = try CommandLineRun.run(["refer", "--weeks", "-3"])
        #expect(flag.status == 64 && flag.standardError.contains("--weeks"))
        let missing = try CommandLineRun.run(["refer", "--closed-fist-percussion", "positive"])
        #expect(missing.status == 64 && missing.standardError.contains("--weeks: is required"))
        let level = try CommandLineRun.run(["refer", "--weeks", "1", "--fracture-level", "L9"])
        #expect(level.status == 64 && level.standardError.contains("L9"))
        let empty = try CommandLineRun.run(["refer", "--patient", "-"], input: "")
        #expect(empty.status == 64 && empty.standardError.contains("no patient"))
        let conflict = try CommandLineRun.run(["refer", "--weeks", "1", "--no-red-flags", "--neurological-deficit", "yes"])
        #expect(conflict.status == 64 && conflict.standardError.contains("--no-red-flags"))
    }

    @Test("The text note has every section of the specification's layout, and the disclaimer")
    func note() throws {
        let run = try CommandLineRun.run(
            ["refer", "--weeks", "14", "--pain-trajectory", "worsening", "--augmentation-candidate", "yes", "--mri", "no-oedema"] + Self.complete)
        #expect(run.status == 0)
        for section in [
            "Referral note: L2 compression fracture, 14 weeks since onset", "Inputs used", "Recommendations, most urgent first",
            "Not assessed", "Withheld", "Acute-versus-chronic gate", "Safety net", "supports a clinician's judgement",
        ] {
            #expect(run.standardOutput.contains(section), "\(section)")
        }
    }
}
