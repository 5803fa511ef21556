import ArgumentParser
import DxEvidence
import DxReferral
import DxReport
import DxStats
import Foundation

/// `dxkit refer`: the referral pathway for a lumbar compression fracture.
struct ReferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refer",
        abstract: "Referral pathway for a lumbar compression fracture, gated by the bedside estimate when MRI is unavailable.",
        discussion: """
            A patient comes from a JSON file (--patient FILE), from standard input (--patient -; one
            patient per line in, one result per line out, same order), or from the flags below.
            Example: dxkit refer --weeks 2 --age 74 --mri unavailable --closed-fist-percussion positive --supine-sign positive
            Keys and defaults: dxkit refer --rules prints the rule table; see README for the patient keys.
            """
    )

    @Flag(help: "Print the whole rule table as Markdown and exit.") var rules = false
    @Option(help: "A patient JSON file, or - for standard input (JSON lines for many patients).") var patient: String?

    @Option(name: .customLong("fracture-level"), help: "T1…L5 (default L2).") var fractureLevel: String?
    @Option(name: .customLong("weeks"), parsing: .unconditional, help: "Weeks since onset (default 0).") var weeks: String?
    @Option(name: .customLong("pain-trajectory"), help: "improving, unchanged (default) or worsening.") var painTrajectory: String?
    @Option(name: .customLong("pain-severity"), parsing: .unconditional, help: "0–10, or mild, moderate, severe.") var painSeverity: String?
    @Flag(name: .customLong("neurological-deficit")) var neurologicalDeficit = false
    @Flag(name: .customLong("spinal-instability")) var spinalInstability = false
    @Flag(name: .customLong("malignancy-suspected")) var malignancySuspected = false
    @Flag(name: .customLong("deformity"), help: "Significant deformity or progressive kyphosis.") var deformity = false
    @Flag(name: .customLong("pulmonary-dysfunction")) var pulmonaryDysfunction = false
    @Option(name: .customLong("augmentation-candidate"), help: "true or false (default unknown).") var augmentationCandidate: String?
    @Flag(name: .customLong("analgesia-failed"), help: "Analgesia tried and pain persists.") var analgesiaFailed = false
    @Flag(name: .customLong("pain-subsided"), help: "The acute pain has subsided.") var painSubsided = false
    @Option(help: "available, unavailable (default), contraindicated, acute or chronic.") var mri: String?
    @Option(name: .customLong("closed-fist-percussion"), help: "positive, negative or notDone (default).") var closedFistPercussion: String?
    @Option(name: .customLong("supine-sign"), help: "positive, negative or notDone (default).") var supineSign: String?
    @Option(parsing: .unconditional, help: "Pretest probability of an acute fracture: 0.3, 30%, 1:3 or a preset id.") var pretest: String?
    @Option(parsing: .unconditional, help: "Age in years.") var age: String?
    @Option(parsing: .unconditional, help: "Gate thresholds LOWER,UPPER (policy; default 0.2,0.8).") var gate: String?

    @OptionGroup var evidence: EvidenceOptions
    @OptionGroup var common: CommonOptions

    func run() throws {
        if rules {
            print(ReferralReport.rulesMarkdown())
            return
        }
        var thresholds = GateDecision.Thresholds.standard
        if let gate {
            let parts = gate.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let parsed = try? GateDecision.Thresholds(lower: parts[0], upper: parts[1]) else {
                throw InputError("--gate (\(gate)) must be LOWER,UPPER with 0 ≤ LOWER < UPPER ≤ 1, e.g. 0.2,0.8")
            }
            thresholds = parsed
        }
        let engine = ReferralEngine(evidence: try evidence.base(), thresholds: thresholds, level: try common.confidenceLevel())
        guard let patient else {
            print(try render(engine.evaluateReporting(flagPatient()), single: true))
            return
        }
        guard !quickFlagsGiven else { throw InputError("give the patient either with --patient or with flags, not both") }
        let handle: FileHandle
        if patient == "-" {
            handle = .standardInput
        } else {
            guard let file = FileHandle(forReadingAtPath: patient) else { throw InputError("--patient (\(patient)): cannot read the file") }
            handle = file
        }
        try process(lines: LineReader(handle: handle), engine: engine)
    }

    /// One JSON document (possibly over several lines) or JSON lines, in input order.
    private func process(lines: LineReader, engine: ReferralEngine) throws {
        var lines = lines
        var pending: [String] = []
        var lineNumber = 0, read = 0, written = 0, rejected = 0
        var cache = GateCache(engine: engine)
        func handle(_ text: String) {
            read += 1
            do {
                let patient = try Patient(json: Data(text.utf8))
                let result = ReferralEngine.recommendations(for: patient, gate: try cache.gate(for: patient))
                print(ReferralReport(result: result).render(common.format, pretty: false))
                if common.format != .json { print("") }
                written += 1
            } catch {
                rejected += 1
                DxKitMain.standardError("dxkit: line \(lineNumber): \(error.description)")
            }
        }
        while let line = lines.next() {
            lineNumber += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty && pending.isEmpty { continue }
            pending.append(line)
            let text = pending.joined(separator: "\n")
            // A complete JSON value: process it; otherwise keep collecting (a pretty-printed patient).
            guard JSONSerialization.isValidJSONObjectText(text) else {
                if pending.count > 10_000 { pending.removeAll(); handle(text) }
                continue
            }
            pending.removeAll()
            handle(text)
        }
        if !pending.isEmpty { handle(pending.joined(separator: "\n")) }
        if read == 0 { throw InputError("--patient (\(patient ?? "-")): no patient in the input") }
        if rejected > 0 {
            DxKitMain.standardError("dxkit: \(read) patients read, \(written) written, \(rejected) rejected")
            throw ExitCode(65)
        }
    }

    private func render(_ result: ReferralResult, single: Bool) -> String {
        ReferralReport(result: result).render(common.format)
    }

    private var quickFlagsGiven: Bool {
        [fractureLevel, weeks, painTrajectory, painSeverity, augmentationCandidate, mri, closedFistPercussion, supineSign, pretest, age]
            .contains { $0 != nil }
            || [neurologicalDeficit, spinalInstability, malignancySuspected, deformity, pulmonaryDysfunction, analgesiaFailed, painSubsided]
                .contains(true)
    }

    /// The patient described by the flags, through the same JSON reader as files (so the same checks apply).
    private func flagPatient() throws -> Patient {
        var fields: [String: Any] = [
            "neurologicalDeficit": neurologicalDeficit, "spinalInstability": spinalInstability,
            "malignancySuspected": malignancySuspected, "deformityOrProgressiveKyphosis": deformity,
            "pulmonaryDysfunction": pulmonaryDysfunction, "analgesiaTriedPainPersists": analgesiaFailed, "acutePainSubsided": painSubsided,
        ]
        func number(_ text: String?, _ key: String, _ flag: String) throws {
            guard let text else { return }
            guard let value = Double(text), value.isFinite else { throw InputError("\(flag) (\(text)) must be a number") }
            fields[key] = value
        }
        try number(weeks, "weeksSinceOnset", "--weeks")
        try number(age, "age", "--age")
        if let painSeverity {
            if let value = Double(painSeverity) { fields["painSeverity"] = value } else { fields["painSeverity"] = painSeverity }
        }
        if let augmentationCandidate {
            guard let value = Bool(augmentationCandidate.lowercased()) else {
                throw InputError("--augmentation-candidate (\(augmentationCandidate)) must be true or false")
            }
            fields["augmentationCandidate"] = value
        }
        for (key, value) in [
            ("fractureLevel", fractureLevel), ("painTrajectory", painTrajectory), ("mri", mri),
            ("closedFistPercussion", closedFistPercussion), ("supineSign", supineSign), ("pretest", pretest),
        ] {
            if let value { fields[key] = value }
        }
        let data = try JSONSerialization.data(withJSONObject: fields)
        do { return try Patient(json: data) } catch { throw InputError(Self.flagName(for: error)) }
    }

    /// A patient error with the JSON key translated to its flag.
    static func flagName(for error: PatientError) -> String {
        let flags = [
            "weeksSinceOnset": "--weeks", "painTrajectory": "--pain-trajectory", "painSeverity": "--pain-severity",
            "fractureLevel": "--fracture-level", "mri": "--mri", "closedFistPercussion": "--closed-fist-percussion",
            "supineSign": "--supine-sign", "pretest": "--pretest", "age": "--age", "acutePainSubsided": "--pain-subsided",
        ]
        return "\(flags[error.field] ?? error.field): \(error.problem)"
    }
}

extension ReferralEngine {
    /// `evaluate` with errors as `InputError`s that name the flag.
    func evaluateReporting(_ patient: Patient) throws -> ReferralResult {
        do { return try evaluate(patient) } catch { throw InputError(ReferCommand.flagName(for: error)) }
    }
}

/// The gate depends only on the signs, the MRI state and the pretest: when
/// many patients share them, compute each estimate once (bounded cache).
struct GateCache {
    let engine: ReferralEngine
    private var cache: [String: GateAssessment] = [:]
    private var withoutGate: Set<String> = []

    init(engine: ReferralEngine) { self.engine = engine }

    mutating func gate(for patient: Patient) throws(PatientError) -> GateAssessment? {
        let key = "\(patient.closedFistPercussion)|\(patient.supineSign)|\(patient.mri)|\(patient.pretest ?? "")"
        if let cached = cache[key] { return cached }
        if withoutGate.contains(key) { return nil }
        let computed = try engine.gateAssessment(for: patient)
        if cache.count > 4096 { cache.removeAll() }
        if let computed { cache[key] = computed } else { withoutGate.insert(key) }
        return computed
    }
}

extension JSONSerialization {
    /// Whether `text` is one complete JSON value.
    static func isValidJSONObjectText(_ text: String) -> Bool {
        (try? jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
    }
}
