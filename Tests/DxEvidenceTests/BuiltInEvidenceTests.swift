import Foundation
import Testing

@testable import DxEvidence

/// The evidence compiled into the library is exactly the content of Evidence/.
@Suite("Built-in evidence")
struct BuiltInEvidenceTests {
    static let evidenceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Evidence")

    @Test("The compiled-in records are the files of Evidence/, record for record (the build plugin compiles them)")
    func builtInMatchesDirectory() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.evidenceDirectory.path)
            .filter { $0.hasSuffix(".json") && $0 != "schema.json" }.sorted()
        #expect(names == BuiltInEvidence.files)
        #expect(Set(BuiltInEvidence.records.map(\.sourceFile)) == Set(names))
    }

    @Test("The build-time validator refuses a broken record, naming the file and the record")
    func validatorRefuses() throws {
        let broken = Array(
            #"{"records": [{"id": "x", "kind": "pretestPreset", "title": "t", "claim": "c", "verification": "reported", "citations": [], "caveats": []}]}"#.utf8
        )
        #expect(throws: EvidenceErrors.self) { try EvidenceFiles.validatedRecords([("broken.json", broken)]) }
        let duplicated = Array(#"{"records": [], "records": []}"#.utf8)
        do {
            _ = try EvidenceFiles.records([("duplicated.json", duplicated)])
            Issue.record("a duplicated key was accepted")
        } catch {
            #expect(error.description.contains("duplicate key 'records'"))
        }
    }

    @Test("The built-in base loads and validates, and equals the one read from the directory")
    func builtInLoads() throws {
        let builtIn = try EvidenceBase.builtIn()
        let fromDirectory = try EvidenceBase(directory: Self.evidenceDirectory)
        #expect(builtIn.records.map(\.id) == fromDirectory.records.map(\.id))
        #expect(builtIn.records.elementsEqual(fromDirectory.records), "the built-in records differ from Evidence/")
        #expect(builtIn.records.count >= 30)
    }

    @Test("The ids other commands name exist with the right kind")
    func requiredIds() throws {
        let base = try EvidenceBase.builtIn()
        for id in ["closed-fist-percussion", "supine-sign", "jin-2020-bpit", "jung-2022-fbsu", "jung-2022-tenderness"] {
            #expect(try base.record(id).kind == .diagnosticStudy, "\(id)")
        }
        for id in [
            "suspected-acute-vcf", "primary-care-low-back-pain", "primary-care-range", "emergency-department",
            "gp-over-55", "osteoporosis-risk-back-pain", "over-65-sudden-back-pain", "elderly-acute-lbp-mri",
        ] {
            #expect(try base.record(id).kind == .pretestPreset, "\(id)")
        }
        for id in [
            "langdon-2010", "nass-2020-clinical-diagnosis", "acr-2018-variant-1", "acr-2018-variant-2", "acr-2018-variant-3",
            "acr-2022-variant-2", "calcitonin-efficacy-knopp-2012", "calcitonin-aaos-2010", "calcitonin-boucher-2020",
            "calcitonin-safety", "l2-nerve-root-block-ohtori-2009", "sacral-insufficiency-kao-2017",
            "vertebral-augmentation-cochrane-2018", "langdon-dependence-bounds",
        ] {
            #expect((try? base.record(id)) != nil, "\(id) is missing")
        }
        #expect(try base.record("acr-2022-variant-2").verification == .secondary)
        #expect(base.defaultPretestPreset?.id == "suspected-acute-vcf")
        #expect(base.records.contains { $0.verification == .unverified }, "the seed's unverified statements are recorded")
    }
}
