// Embedding DxKit: the bedside question, then the referral pathway, from
// another Swift package, through the public API only.
import DxEvidence
import DxReferral
import DxStats

let evidence = try EvidenceBase.builtIn()

// 1. One 2×2 table, every measure.
let (record, table) = try evidence.diagnosticStudy("closed-fist-percussion")
let accuracy = try DiagnosticAccuracy(table: table)
print("\(record.title): sensitivity \(accuracy.sensitivity.estimate), LR+ \(accuracy.positiveLikelihoodRatio.estimate)")

// 2. Both Langdon signs at the default preset, with the dependence range and the gate.
let pretest = try evidence.resolvePretest(nil)
let percussion = try SignAccuracy(name: "closed-fist-percussion", table: table)
let supine = try SignAccuracy(name: "supine-sign", table: evidence.diagnosticStudy("supine-sign").table)
let estimate = try CombinedPostTest(
    pretest: pretest.probability, findings: [.init(percussion, .positive), .init(supine, .negative)])
print("post-test (independence): \(estimate.posttest.estimate) [\(estimate.posttest.lower), \(estimate.posttest.upper)]")
if let dependence = estimate.dependence {
    print("dependence range: \(dependence.posttestLower) to \(dependence.posttestUpper)")
}
print("gate: \(estimate.gate.classification.rawValue)")

// 3. The referral pathway for a patient.
var patient = Patient()
patient.weeksSinceOnset = 2
patient.age = 74
patient.closedFistPercussion = .positive
patient.supineSign = .positive
let result = try ReferralEngine(evidence: evidence).evaluate(patient)
for recommendation in result.recommendations {
    print("\(recommendation.rule) [\(recommendation.urgency.rawValue)] \(recommendation.action)")
}
