import Foundation
import Testing

@testable import DxEvidence
@testable import DxReferral
@testable import DxReport
@testable import DxStats

/// Each rule of referral-pathway.md version 2 against a complete patient
/// (every input known) changed in one way, and the rule table against the
/// specification row for row.
@Suite("Referral rules (pathway version 2)")
struct RuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let outcome: Outcome
        let note: String
        let patient: Patient
        var testDescription: String { "\(rule) \(outcome): \(note)" }
    }

    enum Outcome: String, Sendable { case fires, silent, withheld, notAssessed }

    /// 2 weeks, every yes/no input answered no, pain 5/10 unchanged, MRI not immediately available.
    static func complete(_ change: (inout Patient) -> Void = { _ in }) -> Patient {
        var patient = Patient(weeksSinceOnset: 2)
        for input in PatientInput.answers { patient.set(input, .no) }
        patient.painSeverity = .score(5)
        patient.painTrajectory = .unchanged
        change(&patient)
        return patient
    }

    static func make(_ rule: String, _ outcome: Outcome, _ note: String, _ change: @escaping (inout Patient) -> Void) -> Case {
        Case(rule: rule, outcome: outcome, note: note, patient: complete(change))
    }

    static let cases: [Case] = [
        make("R1", .fires, "deficit") { $0.neurologicalDeficit = .yes },
        make("R1", .notAssessed, "deficit unknown") { $0.neurologicalDeficit = .unknown },
        make("R1", .silent, "no deficit") { _ in },
        make("R2", .fires, "instability") { $0.spinalInstability = .yes },
        make("R3", .fires, "12 weeks, severe, worsening") {
            $0.weeksSinceOnset = 12; $0.painSeverity = .severe; $0.painTrajectory = .worsening
        },
        make("R3", .silent, "11.9 weeks") {
            $0.weeksSinceOnset = 11.9; $0.painSeverity = .severe; $0.painTrajectory = .worsening
        },
        make("R3", .notAssessed, "severity unknown") {
            $0.weeksSinceOnset = 14; $0.painSeverity = .unknown; $0.painTrajectory = .worsening
        },
        make("R3", .silent, "severity unknown but improving") {
            $0.weeksSinceOnset = 14; $0.painSeverity = .unknown; $0.painTrajectory = .improving
        },
        make("R4", .fires, "deformity") { $0.deformityOrProgressiveKyphosis = .yes },
        make("R5", .fires, "13 weeks, pain persists") { $0.weeksSinceOnset = 13 },
        make("R5", .silent, "13 weeks, pain subsided") {
            $0.weeksSinceOnset = 13; $0.acutePainSubsided = true; $0.painTrajectory = .improving; $0.painSeverity = .mild
        },
        make("R5", .withheld, "MRI no oedema") {
            $0.weeksSinceOnset = 13; $0.mri = .noOedema
        },
        make("R5", .withheld, "infection") {
            $0.weeksSinceOnset = 13; $0.infectionSuspected = .yes
        },
        make("R5", .withheld, "malignancy") {
            $0.weeksSinceOnset = 13; $0.malignancySuspected = .yes
        },
        make("R5", .withheld, "pregnant") {
            $0.weeksSinceOnset = 13; $0.pregnant = .yes
        },
        make("R5", .notAssessed, "pregnancy unknown under 60") {
            $0.weeksSinceOnset = 13; $0.pregnant = .unknown; $0.age = 50
        },
        make("R5", .fires, "pregnancy unknown at 70") {
            $0.weeksSinceOnset = 13; $0.pregnant = .unknown; $0.age = 70
        },
        make("R6", .fires, "candidate, worsening") {
            $0.augmentationCandidate = .yes; $0.painTrajectory = .worsening
        },
        make("R6", .fires, "candidate, pulmonary dysfunction") {
            $0.augmentationCandidate = .yes; $0.pulmonaryDysfunction = .yes
        },
        make("R6", .silent, "not a candidate") {
            $0.augmentationCandidate = .no; $0.painTrajectory = .worsening
        },
        make("R6", .notAssessed, "candidacy unknown") {
            $0.augmentationCandidate = .unknown; $0.painTrajectory = .worsening
        },
        make("R6", .withheld, "instability") {
            $0.augmentationCandidate = .yes; $0.painTrajectory = .worsening; $0.spinalInstability = .yes
        },
        make("R7", .fires, "analgesia failed") { $0.analgesiaTriedPainPersists = true },
        make("R8", .fires, "pain subsided") {
            $0.acutePainSubsided = true; $0.painTrajectory = .improving; $0.painSeverity = .mild
        },
        make("R9", .fires, "2 weeks, unchanged, no red flag") { _ in },
        make("R9", .silent, "13 weeks, persisting") { $0.weeksSinceOnset = 13 },
        make("R9", .silent, "analgesia failed (R7 refers)") { $0.analgesiaTriedPainPersists = true },
        make("R9", .notAssessed, "a red flag unknown") { $0.infectionSuspected = .unknown },
        make("R9", .notAssessed, "trauma unknown") { $0.highEnergyTrauma = .unknown },
        make("R10", .fires, "2 weeks") { _ in },
        make("R10", .withheld, "a red flag") { $0.malignancySuspected = .yes },
        make("R10c", .fires, "5 days") { $0.weeksSinceOnset = 5.0 / 7 },
        make("R10c", .fires, "0.71 weeks") { $0.weeksSinceOnset = 0.71 },
        make("R10c", .silent, "6 days") { $0.weeksSinceOnset = 6.0 / 7 },
        make("R10c", .withheld, "pregnant") {
            $0.weeksSinceOnset = 0.5; $0.pregnant = .yes
        },
        make("R10c", .withheld, "MRI no oedema") {
            $0.weeksSinceOnset = 0.5; $0.mri = .noOedema
        },
        make("R11", .fires, "MRI available") { $0.mri = .available },
        make("R11", .withheld, "MRI available, a red flag") {
            $0.mri = .available; $0.deformityOrProgressiveKyphosis = .yes
        },
        make("R12", .fires, "MRI contraindicated") { $0.mri = .contraindicated },
        make("R13", .fires, "malignancy") { $0.malignancySuspected = .yes },
        make("R14", .fires, "always") { _ in },
        make("R15", .fires, "5.9 weeks") { $0.weeksSinceOnset = 5.9 },
        make("R15", .fires, "8 weeks, not resolved") { $0.weeksSinceOnset = 8 },
        make("R15", .silent, "8 weeks, resolved") {
            $0.weeksSinceOnset = 8; $0.acutePainSubsided = true; $0.painTrajectory = .improving; $0.painSeverity = .mild
        },
        make("R16", .fires, "8.1 weeks, not resolved") { $0.weeksSinceOnset = 8.1 },
        make("R16", .fires, "9 weeks, improving but not resolved") {
            $0.weeksSinceOnset = 9; $0.painTrajectory = .improving
        },
        make("R17", .fires, "infection") { $0.infectionSuspected = .yes },
        make("R18", .fires, "MRI unavailable") { _ in },
        make("R18", .silent, "MRI done") { $0.mri = .oedema },
        make("R18", .notAssessed, "trauma unknown") { $0.highEnergyTrauma = .unknown },
        make("R19", .fires, "always within scope") { _ in },
        make("R19", .silent, "high-energy trauma") { $0.highEnergyTrauma = .yes },
        make("TRAUMA", .fires, "high-energy trauma") { $0.highEnergyTrauma = .yes },
        make("TRAUMA", .notAssessed, "trauma unknown") { $0.highEnergyTrauma = .unknown },
    ]

    static let engine = ReferralEngine(evidence: try! EvidenceBase.builtIn())

    @Test("Each rule's case", arguments: cases)
    func rule(_ test: Case) throws {
        let result = try Self.engine.evaluate(test.patient)
        let outcome: Outcome =
            if result.recommendation(test.rule) != nil { .fires } else if result.withheld.contains(where: { $0.rule == test.rule }) {
                .withheld
            } else if result.notAssessed.contains(where: { $0.rule == test.rule }) { .notAssessed } else { .silent }
        #expect(outcome == test.outcome)
    }

    @Test("Urgency and wording by MRI state: R6 soon only with oedema; R1's imaging by MRI state")
    func variants() throws {
        var patient = Self.complete {
            $0.augmentationCandidate = .yes; $0.painTrajectory = .worsening; $0.mri = .oedema
        }
        #expect(try Self.engine.evaluate(patient).recommendation("R6")?.urgency == .soon)
        patient.mri = .unavailable
        let unconfirmed = try #require(try Self.engine.evaluate(patient).recommendation("R6"))
        #expect(unconfirmed.urgency == .consider && unconfirmed.action.contains("only once imaging shows an unhealed fracture (MRI with STIR)"))
        var deficit = Self.complete {
            $0.neurologicalDeficit = .yes; $0.mri = .contraindicated
        }
        #expect(try Self.engine.evaluate(deficit).recommendation("R1")?.imaging == [.ct, .ctMyelography])
        deficit.mri = .unavailable
        #expect(try Self.engine.evaluate(deficit).recommendation("R1")?.action.contains("transfer to a centre with MRI") == true)
    }

    @Test("The L2 nerve-root-block addendum by level: an option for L3 or L4, a caveat for L2")
    func levels() throws {
        let l4 = try #require(
            try Self.engine.evaluate(
                Self.complete {
                    $0.analgesiaTriedPainPersists = true; $0.fractureLevels = ["L4"]
                }
            ).recommendation("R7"))
        #expect(l4.action.contains("For an L3 or L4 fracture an L2 nerve root block is an option") && l4.procedure)
        let l2 = try #require(try Self.engine.evaluate(Self.complete { $0.analgesiaTriedPainPersists = true }).recommendation("R7"))
        #expect(l2.caveats.contains { $0.contains("no trial evidence for an L2 fracture") })
        let t12 = try #require(
            try Self.engine.evaluate(
                Self.complete {
                    $0.analgesiaTriedPainPersists = true; $0.fractureLevels = ["T12"]
                }
            ).recommendation("R7"))
        #expect(!t12.procedure)
    }

    @Test("The gate applies only without red flags (none unknown), without trauma, with one level and a sign examined")
    func gateScope() throws {
        let applies = Self.complete { $0.closedFistPercussion = .positive }
        #expect(AcuityGate.scope(for: applies) == .applies)
        for (change, expected) in [
            ({ (patient: inout Patient) in patient.mri = .available }, false),
            ({ (patient: inout Patient) in patient.mri = .contraindicated }, true),
            ({ (patient: inout Patient) in patient.closedFistPercussion = .notAssessable }, false),
            ({ (patient: inout Patient) in patient.fractureLevels = ["L1", "L2"] }, false),
            ({ (patient: inout Patient) in patient.malignancySuspected = .unknown }, false),
            ({ (patient: inout Patient) in patient.highEnergyTrauma = .unknown }, false),
            ({ (patient: inout Patient) in patient.deformityOrProgressiveKyphosis = .yes }, false),
        ] {
            var patient = applies
            change(&patient)
            #expect((AcuityGate.scope(for: patient) == .applies) == expected)
            #expect(AcuityGate.applies(to: patient) == expected)
        }
    }

    @Test("Every rule cites evidence records that exist; support says when wording is the seed's")
    func evidence() throws {
        let base = try EvidenceBase.builtIn()
        for rule in ReferralPathway.rules + [ReferralPathway.trauma] {
            #expect(!rule.evidence.isEmpty, "\(rule.id)")
            for id in rule.evidence + rule.addenda.flatMap(\.evidence) {
                #expect((try? base.record(id)) != nil, "\(rule.id) cites missing \(id)")
            }
            if rule.evidence.allSatisfy({ $0.hasPrefix("seed-") }) { #expect(rule.support != .supported, "\(rule.id)") }
        }
        for id in AcuityGate.evidence + ReferralPathway.safetyNetEvidence + [SafetyCaveats.anticoagulationEvidence, SafetyCaveats.pregnancyEvidence] {
            #expect((try? base.record(id)) != nil, "missing \(id)")
        }
        #expect(ReferralPathway.rule("R6")?.support == .conflictingEvidence)
        #expect(ReferralPathway.rule("R17")?.support == .clinicalStandard)
    }

    @Test("dxkit refer --rules has one row per rule of the specification, in its order")
    func rulesTable() throws {
        let markdown = ReferralReport.rulesMarkdown()
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("|") && !$0.hasPrefix("|-") && !$0.hasPrefix("| -") }.dropFirst().map {
            String($0.split(separator: "|").first!.trimmingCharacters(in: .whitespaces).split(separator: " ").first!)
        }
        #expect(rows == SpecificationTable.ruleIds)
        #expect(SpecificationTable.ruleIds.count == 21)
        #expect(ReferralPathway.rules.map(\.id) + ["G"] == SpecificationTable.ruleIds)
    }

    @Test("The committed copy of the specification is the current one (when the original is reachable)")
    func specificationCopy() throws {
        let original = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/clinical/referral-pathway.md").standardized
        guard let text = try? String(contentsOf: original, encoding: .utf8) else { return }
        #expect(text == SpecificationTable.text, "copy ../shared/clinical/referral-pathway.md to Tests/DxReferralTests/Fixtures/referral-pathway-v2.md")
    }
}
