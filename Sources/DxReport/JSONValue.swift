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
                output += padding
                JSONValue.appendQuoted(key, to: &output)
                output += pretty ? ": " : ":"
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
        case .string(let text): JSONValue.appendQuoted(text, to: &output)
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
        var result = ""
        appendQuoted(text, to: &result)
        return result
    }

    /// Appends `text` as a JSON string: `"` and `\` escaped, newline, return
    /// and tab as `\n`, `\r`, `\t`, other control characters as `\u00XX`,
    /// everything else as it is. Works on the UTF-8 bytes (every byte to
    /// escape is ASCII) and copies a string with nothing to escape in one piece.
    static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        let bytes = text.utf8
        let needsEscaping =
            bytes.withContiguousStorageIfAvailable { buffer in
                buffer.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
            } ?? bytes.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }
        if !needsEscaping {
            output += text
            output += "\""
            return
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 16)
        let hexDigits = Array("0123456789abcdef".utf8)
        for byte in bytes {
            switch byte {
            case 0x22: escaped += [0x5C, 0x22]
            case 0x5C: escaped += [0x5C, 0x5C]
            case 0x0A: escaped += [0x5C, 0x6E]
            case 0x0D: escaped += [0x5C, 0x72]
            case 0x09: escaped += [0x5C, 0x74]
            case ..<0x20: escaped += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            default: escaped.append(byte)
            }
        }
        output += String(decoding: escaped, as: UTF8.self)
        output += "\""
    }
}
