/// A JSON document built in code, with object keys kept in the order given.
///
/// Numbers are written in Swift's shortest round-trip form, so a reader gets
/// back exactly the `Double` that DxKit computed. A non-finite number cannot
/// be written: it becomes `null` (DxStats never produces one; its typed
/// `ExtendedValue` maps `.unbounded` and `.undefined` to `null` on purpose).
///
/// ```swift
/// let text = JSONValue.object([("estimate", .number(0.875)), ("upper", .null)]).serialized()
/// text == #"{"estimate":0.875,"upper":null}"#   // true
/// ```
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null

    public static func == (left: JSONValue, right: JSONValue) -> Bool {
        left.serialized() == right.serialized()
    }

    /// The document as text; `pretty` indents with two spaces.
    public func serialized(pretty: Bool = false) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: 0)
        return output
    }

    private func write(to output: inout String, pretty: Bool, indent: Int) {
        let newline = pretty ? "\n" : ""
        let padding = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closingPadding = pretty ? String(repeating: "  ", count: indent) : ""
        switch self {
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{" + newline
            for (index, (key, value)) in members.enumerated() {
                output += padding + JSONValue.quoted(key) + (pretty ? ": " : ":")
                value.write(to: &output, pretty: pretty, indent: indent + 1)
                output += (index < members.count - 1 ? "," : "") + newline
            }
            output += closingPadding + "}"
        case .array(let elements):
            if elements.isEmpty { output += "[]"; return }
            output += "[" + newline
            for (index, element) in elements.enumerated() {
                output += padding
                element.write(to: &output, pretty: pretty, indent: indent + 1)
                output += (index < elements.count - 1 ? "," : "") + newline
            }
            output += closingPadding + "]"
        case .string(let text): output += JSONValue.quoted(text)
        case .number(let number): output += number.isFinite ? JSONValue.numberText(number) : "null"
        case .integer(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        }
    }

    /// Shortest round-trip text of a finite double, valid as JSON.
    public static func numberText(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return number == 0 ? "0" : String(Int64(number))
        }
        return "\(number)"
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count)
                    + String(control.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
