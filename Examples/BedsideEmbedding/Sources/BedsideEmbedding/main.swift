// Embedding DxKit: the bedside question, a teaching table, then the referral pathway, from
// another Swift package, through the public API only.
import DxEvidence
import DxReferral
import DxReport
import DxStats

let evidence = try EvidenceBase.builtIn()

// 1. One 2×2 table, every measure.
let (record, table) = try evidence.diagnosticStudy("closed-fist-percussion")
let accuracy = try DiagnosticAccuracy(table: table)
print("\(record.title): sensitivity \(accuracy.sensitivity.estimate), LR+ \(accuracy.positiveLikelihoodRatio.estimate)")

// 2. Both Langdon signs at the default preset, with the dependence range and the gate.
// Each sign carries its target condition; the pretest must be about the same one.
let percussion = try evidence.sign("closed-fist-percussion")
let supine = try evidence.sign("supine-sign")
let pretest = try evidence.resolvePretest(nil, about: percussion.target)
let estimate = try CombinedPostTest(
    pretest: pretest.probability, pretestTarget: pretest.target,
    findings: [.init(percussion, .positive), .init(supine, .negative)])
print("probability of: \(estimate.target?.description ?? "undeclared")")
print("post-test (independence): \(estimate.posttest.estimate) [\(estimate.posttest.lower), \(estimate.posttest.upper)]")
if let dependence = estimate.dependence {
    print("dependence range: \(dependence.posttestLower) to \(dependence.posttestUpper)")
}
print("gate: \(estimate.gate.classification.rawValue)")

// 3. A teaching table: both signs, every result pattern, three pretest probabilities (as `dxkit table`).
let selection = try SignSelection(parsing: ["closed-fist-percussion", "supine-sign"], evidence: evidence)
let rows = try ProbabilityTable.Row.list(parsing: "0.2,0.4,suspected-acute-vcf") { evidence }
let teachingTable = try ProbabilityTable(selection: selection, rows: rows, contents: [])
print(try teachingTable.rendered(.markdown))

// 4. The referral pathway for a patient.
var patient = Patient(weeksSinceOnset: 2)
patient.age = 74
for flag in PatientInput.redFlags { patient.set(flag, .no) }
patient.highEnergyTrauma = .no
patient.closedFistPercussion = .positive
patient.supineSign = .positive
let result = try ReferralEngine(evidence: evidence).evaluate(patient)
for recommendation in result.recommendations {
    print("\(recommendation.rule) [\(recommendation.urgency.rawValue)] \(recommendation.action)")
}
for item in result.notAssessed { print("not assessed: \(item.rule), needs \(item.needs.map(\.rawValue))") }
print("gate: \(result.gate.classification?.rawValue ?? result.gate.reason)")
