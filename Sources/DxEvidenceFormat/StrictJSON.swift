/// A small, strict JSON reader (RFC 8259) for input that decides clinical
/// advice: a duplicated key is an error naming the key (Foundation keeps the
/// first value, Python and JavaScript the last, so a duplicate decides by
/// accident), invalid UTF-8 is an error (never U+FFFD), numbers follow the
/// JSON grammar only (no hex, no `NaN`, no `Infinity`), and nesting is
/// limited. Objects keep their key order.
///
/// ```swift
/// try StrictJSON.parse(Array(#"{"a": 1, "a": 2}"#.utf8))   // throws: duplicate key 'a'
/// ```
public enum StrictJSON: Sendable, Hashable {
    case object([(key: String, value: StrictJSON)])
    case array([StrictJSON])
    case string(String)
    /// A number with the text it was written as (for messages).
    case number(Double, text: String)
    case bool(Bool)
    case null

    /// The deepest nesting accepted.
    public static let maximumDepth = 64

    /// Why a text is not acceptable JSON; `offset` is the byte position.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let offset: Int
        public let problem: String
        public var description: String { "\(problem) (at byte \(offset + 1))" }
    }

    /// Parses one JSON value that fills the whole input (whitespace around it allowed).
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(ParseError) -> StrictJSON {
        var parser = Parser(bytes: Array(bytes))
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else { throw parser.error("extra text after the JSON value") }
        return value
    }

    /// The JSON type in words, for messages.
    public var typeName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }

    public static func == (left: StrictJSON, right: StrictJSON) -> Bool {
        switch (left, right) {
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a, _), .number(let b, _)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .object(let members):
            hasher.combine(0)
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        case .array(let values): hasher.combine(1); hasher.combine(values)
        case .string(let text): hasher.combine(2); hasher.combine(text)
        case .number(let value, _): hasher.combine(3); hasher.combine(value)
        case .bool(let value): hasher.combine(4); hasher.combine(value)
        case .null: hasher.combine(5)
        }
    }
}

private struct Parser {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ problem: String) -> StrictJSON.ParseError { .init(offset: position, problem: problem) }

    mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    mutating func value(depth: Int) throws(StrictJSON.ParseError) -> StrictJSON {
        guard depth < StrictJSON.maximumDepth else { throw error("nested more than \(StrictJSON.maximumDepth) levels deep") }
        guard position < bytes.count else { throw error("the JSON ends too early") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character \(Self.show(bytes[position]))")
        }
    }

    static func show(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    mutating func literal(_ word: StaticString) throws(StrictJSON.ParseError) {
        let expected = Array(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
        guard bytes.count - position >= expected.count, Array(bytes[position..<position + expected.count]) == expected else {
            throw error("expected \(word)")
        }
        position += expected.count
    }

    mutating func object(depth: Int) throws(StrictJSON.ParseError) -> StrictJSON {
        position += 1
        var members: [(key: String, value: StrictJSON)] = []
        var seen: Set<String> = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
            let keyStart = position
            let key = try string()
            guard seen.insert(key).inserted else {
                throw .init(offset: keyStart, problem: "duplicate key '\(StrictJSON.visible(key))'")
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            position += 1
            skipWhitespace()
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            guard position < bytes.count else { throw error("the JSON ends inside an object") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
            position += 1
            return .object(members)
        }
    }

    mutating func array(depth: Int) throws(StrictJSON.ParseError) -> StrictJSON {
        position += 1
        var values: [StrictJSON] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(values)
        }
        while true {
            skipWhitespace()
            values.append(try value(depth: depth + 1))
            skipWhitespace()
            guard position < bytes.count else { throw error("the JSON ends inside an array") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard bytes[position] == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
            position += 1
            return .array(values)
        }
    }

    mutating func string() throws(StrictJSON.ParseError) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        while true {
            guard position < bytes.count else { throw error("a string is not closed") }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { throw error("a string is not closed") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                            throw error("a lone UTF-16 surrogate in \\u escape")
                        }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone UTF-16 surrogate in \\u escape") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw error("a lone UTF-16 surrogate in \\u escape")
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("an invalid \\u escape") }
                    scalars.append(scalar)
                default:
                    position -= 1
                    throw error("an invalid escape \\\(Self.show(escape))")
                }
            case 0x00..<0x20:
                throw error("a control character inside a string (write it as an escape)")
            case 0x00..<0x80:
                scalars.append(Unicode.Scalar(byte))
                position += 1
            default:
                scalars.append(try utf8Scalar())
            }
        }
    }

    mutating func hex4() throws(StrictJSON.ParseError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw error("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape needs four hex digits")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    /// One multi-byte UTF-8 sequence, validated (no overlongs, no surrogates).
    mutating func utf8Scalar() throws(StrictJSON.ParseError) -> Unicode.Scalar {
        let lead = bytes[position]
        let (count, minimum, initial): (Int, UInt32, UInt32)
        switch lead {
        case 0xC2...0xDF: (count, minimum, initial) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (count, minimum, initial) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (count, minimum, initial) = (4, 0x10000, UInt32(lead & 0x07))
        default: throw error("invalid UTF-8")
        }
        guard bytes.count - position >= count else { throw error("invalid UTF-8 (truncated)") }
        var value = initial
        for index in 1..<count {
            let byte = bytes[position + index]
            guard byte & 0xC0 == 0x80 else { throw error("invalid UTF-8") }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { throw error("invalid UTF-8") }
        position += count
        return scalar
    }

    mutating func number() throws(StrictJSON.ParseError) -> StrictJSON {
        let start = position
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - from
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw error("a number ends too early") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if digits() == 0 {
            throw error("a number needs digits")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("a number needs digits after '.'") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw error("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw .init(offset: start, problem: "the number \(text) is out of range")
        }
        return .number(value == 0 ? 0 : value, text: text)
    }
}

extension StrictJSON {
    /// Text safe to show in a message: control and bidirectional-override
    /// characters shown as `\u{…}`, long text shortened (``VisibleText/line(_:limit:)``).
    public static func visible(_ text: String, limit: Int = 80) -> String {
        VisibleText.line(text, limit: limit)
    }
}
