import DxEvidence
import DxStats

/// A `--sign` argument: a sign and its result.
///
/// - `closed-fist-percussion=positive`: a diagnostic study in the evidence base;
/// - `counts:42/3/6/27=positive`: a 2×2 table given directly (TP/FP/FN/TN);
/// - `se-sp:0.875/0.9=negative`: sensitivity and specificity, taken as exact;
/// - `lr:8.75/0.139=positive`: LR+ and LR−, taken as exact.
struct SignFinding {
    enum Source {
        case record(String)
        case counts(TwoByTwoTable)
        case sensitivitySpecificity(Double, Double)
        case likelihoodRatios(Double, Double)
    }

    let text: String
    let source: Source
    let result: TestResult

    static func parse(_ text: String) throws -> SignFinding {
        guard let separator = text.lastIndex(of: "=") else {
            throw InputError("--sign (\(text)) must be ID=positive or ID=negative, e.g. closed-fist-percussion=positive")
        }
        let name = text[..<separator].trimmingCharacters(in: .whitespaces)
        let resultText = text[text.index(after: separator)...].trimmingCharacters(in: .whitespaces).lowercased()
        guard let result = TestResult(rawValue: resultText) else {
            throw InputError("--sign (\(text)): the result '\(resultText)' must be positive or negative")
        }
        guard !name.isEmpty else { throw InputError("--sign (\(text)) names no sign") }
        for (prefix, count) in [("counts:", 4), ("se-sp:", 2), ("lr:", 2)] where name.hasPrefix(prefix) {
            let parts = name.dropFirst(prefix.count).split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == count else {
                throw InputError("--sign (\(text)): \(prefix) needs \(count) numbers separated by '/'")
            }
            if prefix == "counts:" {
                let cells = try parts.map { part -> Int in
                    guard let value = Int(part), value >= 0 else { throw InputError("--sign (\(text)): count '\(part)' must be a whole number ≥ 0") }
                    return value
                }
                do {
                    let table = try TwoByTwoTable(truePositives: cells[0], falsePositives: cells[1], falseNegatives: cells[2], trueNegatives: cells[3])
                    return SignFinding(text: text, source: .counts(table), result: result)
                } catch { throw InputError("--sign (\(text)): \(error.description)") }
            }
            let numbers = try parts.map { part -> Double in
                guard let value = Double(part), value.isFinite, value >= 0 else { throw InputError("--sign (\(text)): '\(part)' must be a finite number ≥ 0") }
                return value
            }
            return SignFinding(
                text: text,
                source: prefix == "se-sp:"
                    ? .sensitivitySpecificity(numbers[0], numbers[1])
                    : .likelihoodRatios(numbers[0], numbers[1]), result: result)
        }
        return SignFinding(text: text, source: .record(name), result: result)
    }

    /// The sign's accuracy, its display name, and its evidence record (if any).
    func resolve(index: Int, base: () throws -> EvidenceBase) throws -> (SignAccuracy, String, EvidenceRecord?) {
        do {
            switch source {
            case .record(let id):
                let evidence = try base()
                do {
                    return (try evidence.sign(id), try evidence.record(id).title, try evidence.record(id))
                } catch let error as EvidenceLookupError {
                    throw InputError("--sign: \(error.description)")
                }
            case .counts(let table):
                let name = "sign \(index + 1) (TP \(table.truePositives), FP \(table.falsePositives), FN \(table.falseNegatives), TN \(table.trueNegatives))"
                return (try SignAccuracy(name: "sign-\(index + 1)", table: table), name, nil)
            case .sensitivitySpecificity(let sensitivity, let specificity):
                return (
                    try SignAccuracy(name: "sign-\(index + 1)", sensitivity: sensitivity, specificity: specificity),
                    "sign \(index + 1) (Se \(sensitivity), Sp \(specificity))", nil
                )
            case .likelihoodRatios(let positive, let negative):
                return (
                    try SignAccuracy(name: "sign-\(index + 1)", positiveLikelihoodRatio: positive, negativeLikelihoodRatio: negative),
                    "sign \(index + 1) (LR+ \(positive), LR− \(negative))", nil
                )
            }
        } catch let error as StatisticsError {
            throw InputError("--sign (\(text)): \(error.description)")
        }
    }
}
