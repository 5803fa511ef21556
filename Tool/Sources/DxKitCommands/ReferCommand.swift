import ArgumentParser
import DxBatch
import DxEvidence
import DxIO
import DxReferral
import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dxkit refer`: the referral pathway for a low-energy vertebral
/// compression fracture (pathway version 2).
struct ReferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refer",
        abstract: "Referral pathway for a low-energy vertebral compression fracture, gated by the bedside estimate when MRI is unavailable.",
        discussion: """
            A patient comes from a JSON file (--patient FILE: one patient, or one patient per line), from standard input \
            (--patient -), or from the flags below. Every yes/no input also takes "unknown" and starts as unknown: unknown \
            is never read as "no", and the note lists what could not be assessed. --weeks is required.

            Example: dxkit refer --weeks 2 --age 74 --no-red-flags --high-energy-trauma no --mri unavailable \
            --closed-fist-percussion positive --supine-sign positive

            Patient JSON keys: id, fractureLevel ("L2", or several "L1,L2"), weeksSinceOnset (or daysSinceOnset), \
            highEnergyTrauma, neurologicalDeficit, spinalInstability, malignancySuspected, infectionSuspected, \
            deformityOrProgressiveKyphosis, pulmonaryDysfunction, anticoagulated, pregnant, augmentationCandidate \
            (true, false, "yes", "no", "unknown" or null), painTrajectory (improving, unchanged, worsening, unknown), \
            painSeverity (0–10, mild, moderate, severe, unknown), analgesiaTriedPainPersists, acutePainSubsided \
            (true or false; default false), mri (available, unavailable, contraindicated, oedema, noOedema; default \
            unavailable), closedFistPercussion and supineSign (positive, negative, notDone, notAssessable), pretest \
            (a probability of an acute fracture among patients with a suspected acute osteoporotic compression \
            fracture: 0.3, "30%", "1:3" or a preset with that target; default suspected-acute-vcf), age. Unknown keys, \
            duplicate keys and contradictions are errors naming the key.

            dxkit refer --rules prints the whole rule table.
            """
    )

    @Flag(help: "Print the whole rule table as Markdown and exit.") var rules = false
    @Option(
        help: ArgumentHelp("A patient JSON file, or - for standard input (one patient, or JSON lines for many).", valueName: "file"),
        completion: .file(extensions: ["json", "jsonl"])) var patient: String?
    @Flag(help: "With --patient: no progress on standard error (it shows only on a terminal).") var quiet = false

    @Option(name: .customLong("weeks"), parsing: .unconditional, help: "Weeks since onset (fractions allowed: 5 days = 0.71).")
    var weeks: String?
    @Option(name: .customLong("days"), parsing: .unconditional, help: "Days since onset (instead of --weeks).") var days: String?
    @Option(name: .customLong("fracture-level"), help: "The symptomatic level, T1…L5 (default L2); several as L1,L2.")
    var fractureLevel: String?
    @Flag(name: .customLong("no-red-flags"), help: "No neurological deficit, instability, suspected malignancy or infection, or deformity.")
    var noRedFlags = false
    @Option(name: .customLong("high-energy-trauma"), help: "yes, no or unknown (a fall from standing height is low-energy).")
    var highEnergyTrauma: String?
    @Option(name: .customLong("neurological-deficit"), help: "yes, no or unknown.") var neurologicalDeficit: String?
    @Option(name: .customLong("spinal-instability"), help: "yes, no or unknown.") var spinalInstability: String?
    @Option(name: .customLong("malignancy-suspected"), help: "yes, no or unknown.") var malignancySuspected: String?
    @Option(name: .customLong("infection-suspected"), help: "yes, no or unknown.") var infectionSuspected: String?
    @Option(name: .customLong("deformity"), help: "Significant deformity or progressive kyphosis: yes, no or unknown.") var deformity: String?
    @Option(name: .customLong("pulmonary-dysfunction"), help: "yes, no or unknown.") var pulmonaryDysfunction: String?
    @Option(name: .customLong("anticoagulated"), help: "Anticoagulated or a coagulopathy: yes, no or unknown.") var anticoagulated: String?
    @Option(name: .customLong("pregnant"), help: "yes, no or unknown.") var pregnant: String?
    @Option(name: .customLong("augmentation-candidate"), help: "Fit for a percutaneous procedure: yes, no or unknown.")
    var augmentationCandidate: String?
    @Option(name: .customLong("pain-trajectory"), help: "improving, unchanged, worsening or unknown.") var painTrajectory: String?
    @Option(name: .customLong("pain-severity"), parsing: .unconditional, help: "0–10, mild, moderate, severe or unknown.")
    var painSeverity: String?
    @Flag(name: .customLong("analgesia-failed"), help: "Analgesia tried and the pain persists.") var analgesiaFailed = false
    @Flag(name: .customLong("pain-subsided"), help: "The acute pain has subsided.") var painSubsided = false
    @Option(help: "available (now), unavailable (default), contraindicated, oedema (done: acute) or no-oedema (done).") var mri: String?
    @Option(name: .customLong("closed-fist-percussion"), help: "positive, negative, not-done (default) or not-assessable.")
    var closedFistPercussion: String?
    @Option(name: .customLong("supine-sign"), help: "positive, negative, not-done (default) or not-assessable.") var supineSign: String?
    @Option(
        parsing: .unconditional,
        help:
            "Pretest probability of an acute fracture among patients with a suspected acute osteoporotic compression fracture: 0.3, 30%, 1:3 or a preset with that target."
    )
    var pretest: String?
    @Option(parsing: .unconditional, help: "Age in years.") var age: String?
    @Option(parsing: .unconditional, help: "Gate thresholds LOWER,UPPER (policy; default 0.2,0.8).") var gate: String?

    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        if rules {
            try Console.write(ReferralReport.rulesMarkdown(), forPeople: true)
            return
        }
        let thresholds = try GateOptions.thresholds(gate)
        let engine = ReferralEngine(evidence: try evidence.base(), thresholds: thresholds, level: try common.confidenceLevel())
        guard let patient else {
            let flagged = try flagPatient()
            let result: ReferralResult
            do { result = try engine.evaluate(flagged) } catch { throw InputError(Self.flagName(for: error)) }
            let note = try CSV.$formulaSafety.withValue(common.formulaSafety) { try ReferralReport(result: result).render(common.format) }
            try Console.write(note, forPeople: common.isForPeople)
            return
        }
        guard !quickFlagsGiven else { throw InputError("give the patient either with --patient or with flags, not both") }
        // Patients stream through: one result per line, rejects on standard error, and a summary when any is rejected.
        let source = try InputSource.open(patient, name: "--patient")
        let progress = ProgressReporter.standardError(noun: "patients", path: patient, quiet: quiet)
        let summary: BatchSummary
        do {
            defer { progress.finish() }
            summary = try ReferralBatch.run(
                input: source, engine: engine, settings: .init(format: common.format, formulaSafety: common.formulaSafety),
                output: StandardStreams.output, rejects: RejectLog(sink: StandardStreams.error, prefix: "dxkit: "),
                progress: { progress.update(items: $0, bytes: $1) })
        }
        guard summary.rejected > 0 else { return }
        try StandardStreams.output.flush()
        try Console.report("dxkit: \(summary.description(of: "patients"))")
        throw ExitCode(ExitStatus.rejectedRows)
    }

    private var answerOptions: [(key: String, flag: String, value: String?)] {
        [
            ("highEnergyTrauma", "--high-energy-trauma", highEnergyTrauma), ("neurologicalDeficit", "--neurological-deficit", neurologicalDeficit),
            ("spinalInstability", "--spinal-instability", spinalInstability), ("malignancySuspected", "--malignancy-suspected", malignancySuspected),
            ("infectionSuspected", "--infection-suspected", infectionSuspected), ("deformityOrProgressiveKyphosis", "--deformity", deformity),
            ("pulmonaryDysfunction", "--pulmonary-dysfunction", pulmonaryDysfunction), ("anticoagulated", "--anticoagulated", anticoagulated),
            ("pregnant", "--pregnant", pregnant), ("augmentationCandidate", "--augmentation-candidate", augmentationCandidate),
        ]
    }

    private var quickFlagsGiven: Bool {
        [weeks, days, fractureLevel, painTrajectory, painSeverity, mri, closedFistPercussion, supineSign, pretest, age].contains { $0 != nil }
            || answerOptions.contains { $0.value != nil } || noRedFlags || analgesiaFailed || painSubsided
    }

    /// The patient described by the flags, through the same strict JSON reader as files (so the same checks apply).
    private func flagPatient() throws -> Patient {
        var fields: [(String, JSONValue)] = []
        func number(_ text: String?, _ key: String, _ flag: String) throws {
            guard let text else { return }
            guard let value = DecimalNumber.parse(text) else { throw InputError("\(flag) (\(text)) must be a number") }
            fields.append((key, .number(value)))
        }
        try number(weeks, "weeksSinceOnset", "--weeks")
        try number(days, "daysSinceOnset", "--days")
        try number(age, "age", "--age")
        if let fractureLevel { fields.append(("fractureLevel", .string(fractureLevel))) }
        let redFlagKeys = PatientInput.redFlags.map(\.rawValue)
        for (key, flag, value) in answerOptions {
            if let value {
                if noRedFlags && redFlagKeys.contains(key) { throw InputError("\(flag) contradicts --no-red-flags: give one or the other") }
                fields.append((key, .string(value.lowercased())))
            } else if noRedFlags && redFlagKeys.contains(key) {
                fields.append((key, .string("no")))
            }
        }
        if let painSeverity {
            if let value = DecimalNumber.parse(painSeverity) {
                fields.append(("painSeverity", .number(value)))
            } else {
                fields.append(("painSeverity", .string(painSeverity)))
            }
        }
        if let painTrajectory { fields.append(("painTrajectory", .string(painTrajectory))) }
        if analgesiaFailed { fields.append(("analgesiaTriedPainPersists", .bool(true))) }
        if painSubsided { fields.append(("acutePainSubsided", .bool(true))) }
        if let mri { fields.append(("mri", .string(mri == "no-oedema" ? "noOedema" : mri))) }
        for (key, value) in [("closedFistPercussion", closedFistPercussion), ("supineSign", supineSign)] {
            guard let value else { continue }
            let names = ["not-done": "notDone", "not-assessable": "notAssessable"]
            fields.append((key, .string(names[value] ?? value)))
        }
        if let pretest { fields.append(("pretest", .string(pretest))) }
        do { return try Patient(json: Array(JSONValue.object(fields).serialized().utf8)) } catch { throw InputError(Self.flagName(for: error)) }
    }

    /// A patient error with the JSON key translated to its flag.
    static func flagName(for error: PatientError) -> String {
        let flags = [
            "weeksSinceOnset": "--weeks", "daysSinceOnset": "--days", "painTrajectory": "--pain-trajectory", "painSeverity": "--pain-severity",
            "fractureLevel": "--fracture-level", "mri": "--mri", "closedFistPercussion": "--closed-fist-percussion",
            "supineSign": "--supine-sign", "pretest": "--pretest", "age": "--age", "acutePainSubsided": "--pain-subsided",
            "highEnergyTrauma": "--high-energy-trauma", "neurologicalDeficit": "--neurological-deficit",
            "spinalInstability": "--spinal-instability", "malignancySuspected": "--malignancy-suspected",
            "infectionSuspected": "--infection-suspected", "deformityOrProgressiveKyphosis": "--deformity",
            "pulmonaryDysfunction": "--pulmonary-dysfunction", "anticoagulated": "--anticoagulated", "pregnant": "--pregnant",
            "augmentationCandidate": "--augmentation-candidate", "analgesiaTriedPainPersists": "--analgesia-failed",
        ]
        return "\(flags[error.field] ?? error.field): \(error.problem)"
    }
}
