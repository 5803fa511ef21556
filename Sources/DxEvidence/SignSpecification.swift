import DxStats

/// A sign and its result as written on a command line or in a file:
///
/// - `closed-fist-percussion=positive`: a diagnostic study in the evidence base;
/// - `counts:42/3/6/27=positive`: a 2×2 table (TP/FP/FN/TN);
/// - `se-sp:0.875/0.9=negative`: sensitivity and specificity, taken as exact;
/// - `lr:8.75/0.139=positive`: LR+ and LR−, taken as exact.
///
/// The result may be left out (`closed-fist-percussion`) where every result
/// is wanted (tables and pictures). ``resolve(position:in:)`` turns it into
/// a `SignAccuracy` (DxStats) with its title and target condition.
///
/// ```swift
/// let specification = try SignSpecification(parsing: "supine-sign=negative")
/// let sign = try specification.resolve(in: try EvidenceBase.builtIn())
/// sign.accuracy.title    // "Supine sign (Langdon 2010/2011)"
/// specification.result   // .negative
/// ```
public struct SignSpecification: Sendable, Hashable {
    /// Where the sign's accuracy comes from.
    public enum Source: Sendable, Hashable {
        case record(String)
        case counts(TwoByTwoTable)
        case sensitivitySpecificity(Double, Double)
        case likelihoodRatios(Double, Double)
    }

    /// The text as written.
    public let text: String
    public let source: Source
    /// The result, or nil when none was written.
    public let result: TestResult?

    /// Reads a specification; the error names the text and what is wrong.
    public init(parsing text: String, requireResult: Bool = true) throws(SignSpecificationError) {
        func problem(_ message: String) -> SignSpecificationError { SignSpecificationError(text: text, problem: message) }
        var name = Substring(text)
        var result: TestResult?
        if let separator = text.lastIndex(of: "=") {
            name = text[..<separator]
            let resultText = String(text[text.index(after: separator)...]).trimmingWhitespace().lowercased()
            guard let parsed = TestResult(rawValue: resultText) else { throw problem("the result '\(resultText)' must be positive or negative") }
            result = parsed
        } else if requireResult {
            throw problem("must be ID=positive or ID=negative, e.g. closed-fist-percussion=positive")
        }
        let trimmed = String(name).trimmingWhitespace()
        guard !trimmed.isEmpty else { throw problem("names no sign") }
        self.text = text
        self.result = result
        for (prefix, count) in [("counts:", 4), ("se-sp:", 2), ("lr:", 2)] where trimmed.hasPrefix(prefix) {
            let parts = trimmed.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard parts.count == count else { throw problem("\(prefix) needs \(count) numbers separated by '/'") }
            if prefix == "counts:" {
                var cells: [Int] = []
                for part in parts {
                    guard let value = Int(part), value >= 0 else { throw problem("count '\(part)' must be a whole number ≥ 0") }
                    cells.append(value)
                }
                do {
                    source = .counts(
                        try TwoByTwoTable(truePositives: cells[0], falsePositives: cells[1], falseNegatives: cells[2], trueNegatives: cells[3]))
                } catch { throw problem(error.description) }
                return
            }
            var numbers: [Double] = []
            for part in parts {
                guard let value = DecimalNumber.parse(part), value >= 0 else {
                    throw problem("'\(part)' must be a finite number ≥ 0")
                }
                numbers.append(value)
            }
            source = prefix == "se-sp:" ? .sensitivitySpecificity(numbers[0], numbers[1]) : .likelihoodRatios(numbers[0], numbers[1])
            return
        }
        source = .record(trimmed)
    }

    /// The sign's accuracy (with title and target), and its evidence record
    /// when it comes from one. `position` numbers signs given as numbers
    /// ("sign 2 (Se 0.9, Sp 0.8)").
    public func resolve(position: Int = 1, in base: @autoclosure () throws -> EvidenceBase) throws -> (
        accuracy: SignAccuracy, record: EvidenceRecord?
    ) {
        do {
            switch source {
            case .record(let id):
                let evidence = try base()
                do {
                    return (try evidence.sign(id), try evidence.record(id))
                } catch {
                    throw SignSpecificationError(text: text, problem: error.description)
                }
            case .counts(let table):
                let title =
                    "sign \(position) (TP \(table.truePositives), FP \(table.falsePositives), FN \(table.falseNegatives), TN \(table.trueNegatives))"
                return (try SignAccuracy(name: "sign-\(position)", title: title, table: table), nil)
            case .sensitivitySpecificity(let sensitivity, let specificity):
                return (
                    try SignAccuracy(
                        name: "sign-\(position)", title: "sign \(position) (Se \(sensitivity), Sp \(specificity))", sensitivity: sensitivity,
                        specificity: specificity), nil
                )
            case .likelihoodRatios(let positive, let negative):
                return (
                    try SignAccuracy(
                        name: "sign-\(position)", title: "sign \(position) (LR+ \(positive), LR− \(negative))", positiveLikelihoodRatio: positive,
                        negativeLikelihoodRatio: negative), nil
                )
            }
        } catch let error as StatisticsError {
            throw SignSpecificationError(text: text, problem: error.description)
        }
    }
}

/// A sign specification that cannot be read or resolved; the message names it.
public struct SignSpecificationError: Error, Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let problem: String
    public var description: String { "(\(text)): \(problem)" }
}
