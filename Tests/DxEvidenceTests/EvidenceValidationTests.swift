import Foundation
import Testing

@testable import DxEvidence

/// Malformed records are errors that name the file and the record.
@Suite("Evidence validation")
struct EvidenceValidationTests {
    static let citation = #"[{"authors": "Langdon J et al.", "year": 2010, "doi": "10.1308/003588410X12518836440162"}]"#

    static func study(
        id: String = "test-sign", counts: String = #"{"truePositives": 42, "falsePositives": 3, "falseNegatives": 6, "trueNegatives": 27}"#,
        reported: String = #"{"sensitivity": 0.875, "specificity": 0.9}"#, citations: String = citation, extra: String = ""
    ) -> String {
        #"{"id": "\#(id)", "kind": "diagnosticStudy", "title": "T", "claim": "C", "verification": "reported", "citations": \#(citations), "caveats": [], "counts": \#(counts), "reported": \#(reported)\#(extra)}"#
    }

    func load(_ files: [(String, String)]) -> [EvidenceError] {
        do {
            _ = try EvidenceBase(files: files.map { ($0.0, Data($0.1.utf8)) })
            return []
        } catch {
            return error.errors
        }
    }

    @Test("A valid record loads")
    func valid() {
        #expect(load([("a.json", #"{"records": [\#(Self.study())]}"#)]).isEmpty)
    }

    @Test("An unknown field is an error naming the file and the key")
    func unknownField() {
        let errors = load([("a.json", #"{"records": [\#(Self.study(extra: #", "sensitvity": 0.9"#))]}"#)])
        #expect(errors.count == 1)
        #expect(errors.first?.file == "a.json")
        #expect(errors.first?.problem.contains("sensitvity") == true)
    }

    @Test("A missing citation is an error naming the record")
    func missingCitation() {
        let errors = load([("a.json", #"{"records": [\#(Self.study(citations: "[]"))]}"#)])
        #expect(errors.map(\.record) == ["test-sign"])
        #expect(errors.first?.problem.contains("citation") == true)
        let noLink = load([("a.json", #"{"records": [\#(Self.study(citations: #"[{"authors": "X"}]"#))]}"#)])
        #expect(noLink.first?.problem.contains("DOI") == true)
    }

    @Test("Counts that do not reproduce the reported sensitivity are an error")
    func countsMismatch() {
        // 14/16 = 0.875 too, but 28/30 = 0.9333 ≠ 0.9.
        let errors = load([
            ("a.json", #"{"records": [\#(Self.study(counts: #"{"truePositives": 14, "falsePositives": 2, "falseNegatives": 2, "trueNegatives": 28}"#))]}"#)
        ])
        #expect(errors.count == 1)
        #expect(errors.first?.record == "test-sign")
        #expect(errors.first?.problem.contains("specificity") == true)
    }

    @Test("A duplicate id across files is an error naming both files")
    func duplicate() {
        let errors = load([("a.json", #"{"records": [\#(Self.study())]}"#), ("b.json", #"{"records": [\#(Self.study())]}"#)])
        #expect(errors.count == 1)
        #expect(errors.first?.file == "b.json")
        #expect(errors.first?.problem.contains("a.json") == true)
    }

    @Test("Malformed JSON names the file")
    func malformed() {
        let errors = load([("broken.json", #"{"records": [ {"id": "#)])
        #expect(errors.first?.file == "broken.json")
    }

    @Test("An unknown id lists the known ones")
    func unknownId() throws {
        let base = try EvidenceBase.builtIn()
        #expect(throws: EvidenceLookupError.self) { try base.diagnosticStudy("closed-fist") }
        do {
            _ = try base.diagnosticStudy("closed-fist")
        } catch {
            #expect(error.description.contains("closed-fist-percussion"))
            #expect(error.description.contains("supine-sign"))
        }
    }

    @Test("A local directory overrides a built-in record and adds new ones")
    func override() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let local =
            #"{"records": [\#(Self.study(id: "closed-fist-percussion", counts: #"{"truePositives": 35, "falsePositives": 4, "falseNegatives": 5, "trueNegatives": 36}"#, reported: #"{"sensitivity": 0.875, "specificity": 0.9}"#)), \#(Self.study(id: "local-sign"))]}"#
        try local.write(to: directory.appendingPathComponent("hospital.json"), atomically: true, encoding: .utf8)
        let merged = try EvidenceBase.builtIn().overridden(by: EvidenceBase(directory: directory))
        #expect(try merged.diagnosticStudy("closed-fist-percussion").table.truePositives == 35)
        #expect(try merged.diagnosticStudy("local-sign").table.truePositives == 42)
        #expect(try merged.diagnosticStudy("supine-sign").table.truePositives == 39)
    }
}
