import DxStats
import Foundation
import Testing

/// The checker of documented values fails on a wrong value (so the examples' checks can fail).
@Suite("Documented-value checker")
struct DocumentationCheckTests {
    @Test("Matching values pass; wrong ones are reported")
    func checks() throws {
        let wilson = try Proportion(successes: 42, trials: 48).interval(method: .wilson)
        #expect(DocumentationCheck.problem(wilson, "0.7530 – 0.9414 (Wilson 1927)") == nil)
        #expect(DocumentationCheck.problem(wilson, "0.7549 – 0.9416 (Wilson 1927)") != nil)
        #expect(DocumentationCheck.problem(ExtendedValue.finite(8.75), ".finite(8.75)") == nil)
        #expect(DocumentationCheck.problem(ExtendedValue.finite(8.75), ".finite(8.76)") != nil)
        #expect(DocumentationCheck.problem(0.9332512, "0.9332...") == nil)
        #expect(DocumentationCheck.problem(0.9342512, "0.9332...") != nil)
        #expect(DocumentationCheck.problem(GateDecision.Classification.likely, ".likely") == nil)
        #expect(DocumentationCheck.problem(GateDecision.Classification.likely, ".lessLikely") != nil)
        #expect(DocumentationCheck.problem([0.1, 0.2, 0.3], "[0.1, 0.2, 0.3]") == nil)
        #expect(DocumentationCheck.problem([0.1, 0.2, 0.4], "[0.1, 0.2, 0.3]") != nil)
        #expect(DocumentationCheck.problem(["R10", "R18", "R19"], "[\"R10\", \"R18\", …]") == nil)
        #expect(DocumentationCheck.problem("nil", "nil") == nil)
        let posttest = IntervalEstimate(
            estimate: .finite(0.7894), lower: .finite(0.5604), upper: .finite(0.9169), level: .ninetyFivePercent, method: .logit)
        #expect(DocumentationCheck.problem(posttest, "78.9 % (56.0 – 91.7 %), as dxkit posttest") == nil)
        #expect(DocumentationCheck.problem(posttest, "78.9 % (56.1 – 91.7 %), as dxkit posttest") != nil)
    }
}

/// The generated examples are the current ones.
@Suite("Documentation examples are current")
struct DocumentationExamplesCurrentTests {
    @Test("Tests/DocumentationExamplesTests/DocumentationExamples.swift is what scripts/extract-doc-examples.py writes")
    func current() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/extract-doc-examples.py", "--check"]
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
    }
}
