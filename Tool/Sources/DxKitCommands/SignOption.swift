import DxEvidence
import DxStats

/// A `--sign` argument: `SignSpecification` (DxEvidence) with its errors
/// named after the flag.
struct SignFinding {
    let specification: SignSpecification

    var text: String { specification.text }
    var result: TestResult { specification.result ?? .positive }

    static func parse(_ text: String) throws -> SignFinding {
        do { return SignFinding(specification: try SignSpecification(parsing: text)) } catch {
            throw InputError("--sign \(error.description)")
        }
    }

    /// The sign's accuracy, its display name, and its evidence record (if any).
    func resolve(index: Int, base: () throws -> EvidenceBase) throws -> (SignAccuracy, String, EvidenceRecord?) {
        do {
            let (accuracy, record) = try specification.resolve(position: index + 1, in: try base())
            return (accuracy, accuracy.title, record)
        } catch let error as SignSpecificationError {
            throw InputError("--sign \(error.description)")
        }
    }
}
