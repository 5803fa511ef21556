import Foundation
import Testing

@testable import DxEvidence
@testable import DxReferral
@testable import DxStats

/// Clinical vignettes whose expected results were written by hand from
/// referral-pathway.md version 2 before the engine ran
/// (Fixtures/vignettes-v2.json; its "source" and each vignette's
/// "reasoning" say how). Each names the hazard rows it covers.
@Suite("Clinical vignettes (pathway version 2)")
struct VignetteTests {
    struct Expectation: Decodable, Sendable {
        struct Gate: Decodable, Sendable {
            let applies: Bool
            let classification: String?
        }
        let applicable: Bool
        let rules: [String]
        let first: String?
        let urgency: [String: String]?
        let withheld: [String]?
        let notAssessed: [String]?
        let gate: Gate
        let actionsMustNotMention: [String]?
    }

    struct Vignette: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let hazards: [String]
        let patient: JSONObject
        let expect: Expectation
        var testDescription: String { name }
    }

    struct Rejection: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let patient: JSONObject
        let expectErrorField: String
        var testDescription: String { name }
    }

    struct Fixture: Decodable {
        let vignettes: [Vignette]
        let rejections: [Rejection]
    }

    /// A JSON object kept as its text, so that the patient is read by the
    /// engine's own strict reader.
    struct JSONObject: Decodable, Sendable {
        let text: String
        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer().decode(AnyJSON.self)
            text = String(decoding: try JSONSerialization.data(withJSONObject: value.object), as: UTF8.self)
        }
    }

    struct AnyJSON: Decodable {
        let object: Any
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                object = NSNull()
            } else if let flag = try? container.decode(Bool.self) {
                object = flag
            } else if let number = try? container.decode(Double.self) {
                object = number
            } else if let text = try? container.decode(String.self) {
                object = text
            } else if let array = try? container.decode([AnyJSON].self) {
                object = array.map(\.object)
            } else {
                object = try container.decode([String: AnyJSON].self).mapValues(\.object)
            }
        }
    }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "vignettes-v2", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static let engine = ReferralEngine(evidence: try! EvidenceBase.builtIn())

    @Test("Each vignette gets the advice written by hand", arguments: fixture.vignettes)
    func vignette(_ vignette: Vignette) throws {
        let patient = try Patient(json: Array(vignette.patient.text.utf8))
        let result = try Self.engine.evaluate(patient)
        let expected = vignette.expect
        #expect(result.applicable == expected.applicable)
        #expect(Set(result.recommendations.map(\.rule)) == Set(expected.rules), "recommendations")
        if let first = expected.first { #expect(result.recommendations.first?.rule == first) }
        for (rule, urgency) in expected.urgency ?? [:] {
            #expect(result.recommendation(rule)?.urgency.rawValue == urgency, "\(rule) urgency")
        }
        if let withheld = expected.withheld { #expect(Set(result.withheld.map(\.rule)) == Set(withheld), "withheld") }
        if let notAssessed = expected.notAssessed { #expect(Set(result.notAssessed.map(\.rule)) == Set(notAssessed), "not assessed") }
        #expect(result.gate.applies == expected.gate.applies, "gate applies")
        if let classification = expected.gate.classification { #expect(result.gate.classification?.rawValue == classification) }
        for word in expected.actionsMustNotMention ?? [] {
            for item in result.recommendations {
                #expect(!item.action.lowercased().contains(word.lowercased()), "\(item.rule) mentions \(word)")
            }
        }
    }

    @Test("Refused patients name the field", arguments: fixture.rejections)
    func rejection(_ rejection: Rejection) throws {
        do {
            let patient = try Patient(json: Array(rejection.patient.text.utf8))
            _ = try Self.engine.evaluate(patient)
            Issue.record("accepted")
        } catch {
            #expect(error.field == rejection.expectErrorField)
        }
    }

    @Test("The vignettes cover every hazard row of the specification")
    func coverage() throws {
        let covered = Set(Self.fixture.vignettes.flatMap(\.hazards))
        for hazard in SpecificationTable.hazards { #expect(covered.contains(hazard), "\(hazard)") }
        #expect(Self.fixture.vignettes.count >= 10)
    }
}
