import Foundation
import Testing

/// Every command's JSON output validates against its committed schema in
/// Schemas/ (draft 2020-12, with Python's `jsonschema`, which the image's
/// Python has and scripts/test.sh installs when missing), and the committed
/// schemas are what scripts/generate-schemas.py writes.
@Suite("JSON output against the committed schemas")
struct SchemaTests {
    static let root = Repository.root

    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let schema: String
        var input: String?
        var testDescription: String { "\(schema): dxkit \(arguments.joined(separator: " "))" }
    }

    static let cases: [Case] = [
        Case(arguments: ["accuracy", "--tp", "42", "--fp", "3", "--fn", "6", "--tn", "27"], schema: "accuracy"),
        Case(arguments: ["accuracy", "--tp", "20", "--fp", "0", "--fn", "0", "--tn", "45", "--prevalence", "10%", "--lr-ci", "koopman"], schema: "accuracy"),
        Case(arguments: ["accuracy", "--tp", "0", "--fp", "0", "--fn", "0", "--tn", "45"], schema: "accuracy"),
        Case(arguments: ["accuracy", "--input", "-"], schema: "accuracy", input: "id,tp,fp,fn,tn\na,42,3,6,27\nb,20,0,0,45\n"),
        Case(arguments: ["posttest", "--pretest", "0.3", "--lr", "8.75"], schema: "posttest"),
        Case(
            arguments: ["posttest", "--input", "-"], schema: "posttest-batch",
            input: "id,pretest,lr,lr_lower,lr_upper,tp,fp,fn,tn,result\na,0.3,8.75,2.97,25.7,,,,,\nb,30%,,,,42,3,6,27,negative\n"),
        Case(arguments: ["posttest", "--pretest", "1:3", "--lr", "8.75", "--lr-lower", "2.97", "--lr-upper", "25.7"], schema: "posttest"),
        Case(arguments: ["posttest", "--pretest", "0.3", "--tp", "42", "--fp", "3", "--fn", "6", "--tn", "27", "--result", "negative"], schema: "posttest"),
        Case(arguments: ["posttest", "--sign", "closed-fist-percussion=positive"], schema: "posttest-signs"),
        Case(arguments: ["posttest", "--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=negative"], schema: "posttest-signs"),
        Case(
            arguments: ["posttest", "--pretest", "0.3", "--sign", "se-sp:0.9/0.8=positive", "--sign", "lr:5/0.2=positive", "--correlation", "0.2,0.1"],
            schema: "posttest-signs"),
        Case(arguments: ["posttest", "--sign", "closed-fist-percussion=positive", "--pretest-range", "0.4:0.7"], schema: "posttest-signs"),
        Case(
            arguments: [
                "refer", "--weeks", "2", "--no-red-flags", "--high-energy-trauma", "no", "--closed-fist-percussion", "positive", "--supine-sign", "positive",
            ],
            schema: "refer"),
        Case(arguments: ["refer", "--weeks", "0", "--high-energy-trauma", "yes", "--neurological-deficit", "yes"], schema: "refer"),
        Case(
            arguments: ["refer", "--patient", "-"], schema: "refer",
            input: """
                {"id": "a", "weeksSinceOnset": 14, "mri": "noOedema", "augmentationCandidate": true, "painTrajectory": "worsening"}
                {"id": 2, "weeksSinceOnset": 3, "malignancySuspected": true, "mri": "contraindicated", "anticoagulated": "yes"}
                {"weeksSinceOnset": 0.5, "fractureLevel": "L1,L2", "closedFistPercussion": "notAssessable"}
                """),
        Case(arguments: ["table", "--sign", "closed-fist-percussion", "--pretest", "0.1,suspected-acute-vcf"], schema: "table"),
        Case(
            arguments: [
                "table", "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--pretest", "0.1,0.5", "--show", "all", "--draws", "2000", "--per",
                "100",
            ],
            schema: "table"),
        Case(arguments: ["table", "--lr", "2,5", "--pretest", "0.1:0.3:0.1"], schema: "table"),
        Case(arguments: ["nomogram", "--sign", "closed-fist-percussion"], schema: "nomogram"),
        Case(
            arguments: ["nomogram", "--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=negative", "--two-step"],
            schema: "nomogram"),
        Case(arguments: ["nomogram", "--lr", "2,0.5", "--pretest", "0.3"], schema: "nomogram"),
        Case(arguments: ["curves", "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--pretest", "0.3"], schema: "curves"),
        Case(arguments: ["curves", "--lr", "2,0.5"], schema: "curves"),
        Case(arguments: ["table", "--tp", "42", "--fp", "3", "--fn", "6", "--tn", "27", "--pretest", "0.3"], schema: "table"),
        Case(arguments: ["evidence", "list"], schema: "evidence-list"),
        Case(arguments: ["evidence", "show", "closed-fist-percussion"], schema: "evidence-show"),
        Case(arguments: ["evidence", "show", "suspected-acute-vcf"], schema: "evidence-show"),
        Case(arguments: ["evidence", "cite", "langdon-2010"], schema: "evidence-cite"),
        Case(arguments: ["evidence", "validate", "Evidence"], schema: "evidence-validate"),
        Case(arguments: ["meta", "--input", "Notebooks-md/kearon-1998-symptomatic.csv"], schema: "meta"),
        Case(arguments: ["meta", "--input", "Notebooks-md/kearon-1998-symptomatic.csv", "--model", "glmm"], schema: "meta"),
        Case(arguments: ["meta", "--evidence-set", "sign-pooling-caveat"], schema: "meta"),
        Case(
            arguments: ["posttest", "--meta", "Notebooks-md/kearon-1998-symptomatic.csv", "--pretest", "0.3", "--result", "positive"],
            schema: "posttest-meta"),
    ]

    @Test("Each command's JSON validates against its schema", arguments: cases)
    func validates(_ test: Case) throws {
        let run = try CommandLineRun.run(test.arguments + ["--format", "json"], input: test.input)
        #expect(run.status == 0, "\(run.standardError)")
        let validation = try Self.python(["scripts/validate-json.py", "Schemas/\(test.schema).schema.json"], input: run.standardOutput)
        #expect(validation.status == 0, "\(validation.output)")
    }

    @Test("The committed schemas are what scripts/generate-schemas.py writes")
    func schemasAreCurrent() throws {
        let check = try Self.python(["scripts/generate-schemas.py", "--check"], input: "")
        #expect(check.status == 0, "\(check.output)")
    }

    static func python(_ arguments: [String], input: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = root
        let inputPipe = Pipe(), outputPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = outputPipe
        try process.run()
        inputPipe.fileHandleForWriting.write(Data(input.utf8))
        try inputPipe.fileHandleForWriting.close()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
