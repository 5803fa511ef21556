import DxEvidence
import DxStats

/// A `--sign ID=RESULT` argument: a sign named by its evidence record id and
/// its result, e.g. `closed-fist-percussion=positive`.
struct SignFinding {
    let id: String
    let result: TestResult

    static func parse(_ text: String) throws -> SignFinding {
        let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty else {
            throw InputError("--sign (\(text)) must be ID=positive or ID=negative, e.g. closed-fist-percussion=positive")
        }
        guard let result = TestResult(rawValue: parts[1].lowercased()) else {
            throw InputError("--sign (\(text)): the result '\(parts[1])' must be positive or negative")
        }
        return SignFinding(id: parts[0], result: result)
    }
}
