import DxStats
import Foundation
import Testing

/// Checks a value an example produces against what its comment documents,
/// to the digits the comment shows:
///
/// - numbers: `0.875`, `8.75`, `0.9332...` (a trailing `…`/`...` means the
///   digits shown are a prefix);
/// - intervals: `0.7530 – 0.9414` (lower – upper) or `78.9 % (56.0 – 91.7 %)`
///   (estimate and limits, in percent when `%` is written);
/// - `.finite(8.75)`, an enum case such as `.acuteLikely`, `true`/`false`;
/// - arrays: `[0.1, 0.2, 0.3]`, or `[0.05, 0.1, …, 0.95]` with `N values`;
/// - strings in quotes.
///
/// Text after the value (a citation, "as dxkit posttest") is prose.
enum DocumentationCheck {
    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    static func expect<Value>(_ value: Value, _ documented: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let shown: Any = (value as Any?) ?? Optional<Any>.none as Any
        if let problem = problem(unwrapped(shown), documented) {
            Issue.record("\(problem)", sourceLocation: sourceLocation)
        }
    }

    /// An optional's wrapped value, or the string "nil".
    static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrapped($0.value) } ?? "nil"
    }

    /// The value of a Swift string literal written after its opening quote
    /// (`\\`, `\"`, `\n`, `\t`, `\u{1B}` unescaped), and the text after its
    /// closing quote.
    static func stringLiteral(_ text: Substring) -> (value: String, rest: Substring) {
        var value = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if character == "\"" { return (value, text[index...]) }
            guard character == "\\", index < text.endIndex else {
                value.append(character)
                continue
            }
            let escaped = text[index]
            index = text.index(after: index)
            switch escaped {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "0": value.append("\0")
            case "u":
                let digits = text[index...].dropFirst().prefix { $0 != "}" }
                if let scalar = UInt32(digits, radix: 16).flatMap(Unicode.Scalar.init) {
                    value.unicodeScalars.append(scalar)
                    index = text.index(index, offsetBy: digits.count + 2)
                } else {
                    value.append("\\u")
                }
            default: value.append(escaped)
            }
        }
        return (value, text[index...])
    }

    static func problem(_ value: Any, _ documented: String) -> String? {
        let text = documented.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("\"") {
            let (expected, rest) = stringLiteral(text.dropFirst())
            let actual = "\(value)"
            let truncated = rest.trimmingCharacters(in: .whitespaces).hasPrefix("…")
            return (truncated ? actual.hasPrefix(expected) : actual == expected) ? nil : "documented \(text), got \"\(actual)\""
        }
        if text.hasPrefix("nil") {
            return "\(value)" == "nil" ? nil : "documented nil, got \(value)"
        }
        if text.hasPrefix("true") || text.hasPrefix("false") {
            return "\(value)" == (text.hasPrefix("true") ? "true" : "false") ? nil : "documented \(text), got \(value)"
        }
        if text.hasPrefix("[") {
            return arrayProblem(value, text)
        }
        if text.hasPrefix(".finite(") || text.hasPrefix(".") {
            if text.hasPrefix(".finite(") {
                guard let number = (value as? ExtendedValue)?.finiteValue else { return "documented \(text), got \(value)" }
                return numbersProblem([number], text.dropFirst(8).prefix { $0 != ")" }, percent: false)
            }
            let name = text.dropFirst().prefix { $0.isLetter || $0.isNumber }
            let actual = "\(value)"
            return actual == name || actual.hasPrefix(name + "(") ? nil : "documented \(text), got \(actual)"
        }
        let valuePart = String(valuePart(of: text))
        let percent = valuePart.contains("%")
        switch value {
        case let interval as IntervalEstimate:
            let limits = [interval.lower.finiteValue, interval.upper.finiteValue]
            let count = numbers(in: valuePart).count
            let actual = (count >= 3 ? [interval.estimate.finiteValue] : []) + limits
            guard actual.allSatisfy({ $0 != nil }) else { return "documented \(text), got \(interval)" }
            return numbersProblem(actual.map { $0! * (percent ? 100 : 1) }, valuePart, percent: percent)
        case let extended as ExtendedValue:
            guard let number = extended.finiteValue else { return "documented \(text), got \(extended)" }
            return numbersProblem([number * (percent ? 100 : 1)], valuePart, percent: percent)
        case let number as Double:
            return numbersProblem([number * (percent ? 100 : 1)], valuePart, percent: percent)
        case let number as Int:
            return numbersProblem([Double(number)], valuePart, percent: percent)
        default:
            return numbersProblem(numbers(in: "\(value)").map(\.value), valuePart, percent: percent)
        }
    }

    /// The value at the start of a comment: up to a parenthesis that opens
    /// words, a semicolon, or a comma followed by words.
    static func valuePart(of text: String) -> Substring {
        var end = text.endIndex
        if let match = text.range(of: #"\s*(\((?=[A-Za-z])|;|,\s+[A-Za-z])"#, options: .regularExpression) { end = match.lowerBound }
        return text[..<end]
    }

    struct DocumentedNumber {
        let value: Double
        let decimals: Int
        let truncated: Bool
    }

    static func numbers<S: StringProtocol>(in text: S) -> [DocumentedNumber] {
        let string = String(text)
        let pattern = try! NSRegularExpression(pattern: #"-?[0-9]+(\.[0-9]+)?(e-?[0-9]+)?(…|\.\.\.)?"#)
        return pattern.matches(in: string, range: NSRange(string.startIndex..., in: string)).compactMap { match in
            var token = String(string[Range(match.range, in: string)!])
            let truncated = token.hasSuffix("…") || token.hasSuffix("...")
            token = token.replacingOccurrences(of: "…", with: "").replacingOccurrences(of: "...", with: "")
            guard let value = Double(token) else { return nil }
            let decimals = token.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
            return DocumentedNumber(value: value, decimals: decimals, truncated: truncated)
        }
    }

    static func numbersProblem<S: StringProtocol>(_ actual: [Double], _ documented: S, percent: Bool) -> String? {
        let expected = numbers(in: documented)
        guard expected.count == actual.count else {
            return "documented \(expected.count) number(s) in '\(documented)', the code gives \(actual)"
        }
        for (number, value) in zip(expected, actual) where !matches(value, number) {
            return "documented \(documented), got \(actual.map { "\($0)" }.joined(separator: ", "))"
        }
        return nil
    }

    static func matches(_ value: Double, _ number: DocumentedNumber) -> Bool {
        let unit = pow(10, -Double(number.decimals))
        if number.truncated { return abs(value - number.value) < unit * (1 + 1e-9) }
        return abs(value - number.value) <= unit / 2 * (1 + 1e-9) + 1e-12
    }

    static func arrayProblem(_ value: Any, _ text: String) -> String? {
        let actual: [Double]
        switch value {
        case let doubles as [Double]: actual = doubles
        case let ints as [Int]: actual = ints.map(Double.init)
        case let strings as [String]:
            let inside = text.dropFirst().prefix { $0 != "]" }
            let listed = inside.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let elided = listed.last == "…"
            let expected = listed.filter { $0 != "…" }.map { String($0.dropFirst().dropLast()) }
            let ok = elided ? Array(strings.prefix(expected.count)) == expected : strings == expected
            return ok ? nil : "documented \(text), got \(strings)"
        default: return "documented \(text), got \(value)"
        }
        let inside = text.dropFirst().prefix { $0 != "]" }
        let parts = inside.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if let elision = parts.firstIndex(of: "…") {
            let head = parts[..<elision].compactMap(Double.init), tail = parts[(elision + 1)...].compactMap(Double.init)
            var ok = Array(actual.prefix(head.count)).elementsEqual(head) { abs($0 - $1) < 1e-9 }
            ok = ok && Array(actual.suffix(tail.count)).elementsEqual(tail) { abs($0 - $1) < 1e-9 }
            if let count = text.range(of: #"([0-9]+) values"#, options: .regularExpression).map({ Int(text[$0].split(separator: " ")[0])! }) {
                ok = ok && actual.count == count
            }
            return ok ? nil : "documented \(text), got \(actual)"
        }
        let expected = parts.compactMap(Double.init)
        return actual.elementsEqual(expected) { abs($0 - $1) < 1e-9 } ? nil : "documented \(text), got \(actual)"
    }
}
