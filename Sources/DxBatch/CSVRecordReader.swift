import DxIO

/// Reads CSV records (RFC 4180: quoted fields may hold commas, quotes as
/// `""` and line breaks) one at a time in constant memory, losing only what
/// is broken.
///
/// A quoted field that is not closed on its line may run on over the next
/// lines, up to the record limit (``BatchLimits/maximumLineBytes``). If it
/// is still open there, or at the end of the input, or the record it makes
/// has the wrong number of fields, only its first line is rejected and
/// reading resumes at the line after it: one stray quote never swallows the
/// rows that follow. Every field must be UTF-8 (an invalid byte is a
/// reject naming the line, never a silent U+FFFD); a record has at most
/// ``BatchLimits/maximumFields`` fields. Blank lines are skipped.
///
/// ```swift
/// var reader = CSVRecordReader(source: InputSource(text: "a,b\n1,\"x\n2,3\n"))
/// try reader.next()                        // .fields(["a", "b"], line: 1)
/// try reader.next(expectedFieldCount: 2)   // .rejected(line: 2, …): the quote never closes
/// try reader.next(expectedFieldCount: 2)   // .fields(["2", "3"], line: 3)
/// ```
public struct CSVRecordReader {
    /// A record, or the reason its first line was rejected.
    public enum Record: Sendable, Equatable {
        case fields([String], line: Int)
        case rejected(line: Int, reason: String)

        /// The line the record starts on.
        public var line: Int {
            switch self {
            case .fields(_, let line), .rejected(let line, _): line
            }
        }
    }

    private var lines: LineReader
    private let limits: BatchLimits
    /// Lines to read again after a failed multi-line record, in order, from `pendingIndex`.
    private var pending: [LineReader.Line] = []
    private var pendingIndex = 0

    public init(source: InputSource, limits: BatchLimits = .standard) {
        self.lines = LineReader(source: source, limits: limits)
        self.limits = limits
    }

    /// The bytes of the input read so far (for progress; lines read ahead
    /// for an unclosed quote count as read).
    public var bytesRead: Int { lines.bytesRead }

    /// The next record, or nil at the end. With `expectedFieldCount` (the
    /// header's), a record with another number of fields is a reject.
    public mutating func next(expectedFieldCount: Int? = nil) throws(BatchError) -> Record? {
        while true {
            guard let first = try nextLine() else { return nil }
            if let length = first.overLimitLength {
                return .rejected(
                    line: first.number,
                    reason: "the line is \(length) bytes long, over the limit of \(BatchLimits.describe(bytes: limits.maximumLineBytes)); it was skipped")
            }
            if Self.isBlank(first.bytes) { continue }
            var parser = RecordParser(maximumFields: limits.maximumFields)
            parser.parse(first.bytes)
            var continuation: [LineReader.Line] = []
            var size = first.bytes.count
            var unclosed: String?
            while parser.quoted {
                guard let more = try nextLine() else {
                    unclosed = "by the end of the input"
                    break
                }
                continuation.append(LineReader.Line(number: more.number, bytes: ArraySlice(Array(more.bytes)), overLimitLength: more.overLimitLength))
                size += more.bytes.count + 1
                guard !more.isOverLimit, size <= limits.maximumLineBytes else {
                    unclosed = "within \(BatchLimits.describe(bytes: limits.maximumLineBytes))"
                    break
                }
                parser.parse(more.bytes, afterLineBreak: true)
            }
            let next = first.number + 1
            if let unclosed {
                putBack(continuation)
                return .rejected(line: first.number, reason: "a quoted field is not closed \(unclosed); reading resumes at line \(next)")
            }
            if parser.textAfterClosingQuote && !continuation.isEmpty {
                // A quote that closed lines later and was followed by more text: almost surely a stray
                // opening quote that ran on into the rows after it.
                putBack(continuation)
                return .rejected(
                    line: first.number,
                    reason:
                        "a quoted field opened on this line runs over \(continuation.count + 1) lines and closes before other text; reading resumes at line \(next)"
                )
            }
            if parser.tooManyFields {
                putBack(continuation)
                return .rejected(line: first.number, reason: "more than \(limits.maximumFields) fields, the limit")
            }
            if let expectedFieldCount, parser.fieldCount != expectedFieldCount {
                if continuation.isEmpty {
                    return .rejected(line: first.number, reason: "\(parser.fieldCount) fields, the header has \(expectedFieldCount)")
                }
                putBack(continuation)
                return .rejected(
                    line: first.number,
                    reason:
                        "a quoted field opened on this line runs over \(continuation.count + 1) lines into \(parser.fieldCount) fields (the header has \(expectedFieldCount)); reading resumes at line \(next)"
                )
            }
            var fields: [String] = []
            fields.reserveCapacity(parser.fieldCount)
            for index in 0..<parser.fieldCount {
                guard let text = Self.text(parser.field(index)) else {
                    putBack(continuation)
                    return .rejected(line: first.number, reason: "field \(index + 1) is not valid UTF-8 (the input must be UTF-8 text)")
                }
                fields.append(text)
            }
            return .fields(fields, line: first.number)
        }
    }

    private mutating func nextLine() throws(BatchError) -> LineReader.Line? {
        if pendingIndex < pending.count {
            defer {
                pendingIndex += 1
                if pendingIndex == pending.count {
                    pending.removeAll()
                    pendingIndex = 0
                }
            }
            return pending[pendingIndex]
        }
        return try lines.next()
    }

    /// Puts lines back to be read again, before any others waiting.
    private mutating func putBack(_ lines: [LineReader.Line]) {
        guard !lines.isEmpty else { return }
        pending = lines + pending[pendingIndex...]
        pendingIndex = 0
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The field as text, or nil if it is not UTF-8.
    static func text(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// The CSV state machine over bytes: a quote opens a quoted field only at
/// the start of a field; inside one, `""` is a quote and a lone `"` closes it.
/// The fields' bytes are kept end to end in one buffer.
struct RecordParser {
    let maximumFields: Int
    /// Every field's bytes, end to end.
    var bytes: [UInt8] = []
    /// Where each finished field ends in `bytes`.
    var ends: [Int] = []
    var quoted = false
    var tooManyFields = false
    /// Whether a closing quote was followed by something other than a comma or the end of the line.
    var textAfterClosingQuote = false

    init(maximumFields: Int) { self.maximumFields = maximumFields }

    var fieldCount: Int { ends.count }

    /// The bytes of field `index`.
    func field(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Parses one line; `afterLineBreak` continues a quoted field from the line before.
    mutating func parse(_ line: ArraySlice<UInt8>, afterLineBreak: Bool = false) {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C
        if afterLineBreak { bytes.append(0x0A) }
        var fieldStart = ends.last ?? 0
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if quoted {
                if byte == quote {
                    let following = index + 1
                    if following < line.endIndex && line[following] == quote {
                        bytes.append(quote)
                        index = following + 1
                        continue
                    }
                    quoted = false
                    if following < line.endIndex && line[following] != comma { textAfterClosingQuote = true }
                } else {
                    bytes.append(byte)
                }
            } else if byte == comma {
                endField()
                fieldStart = bytes.count
            } else if byte == quote && bytes.count == fieldStart {
                quoted = true
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        if !quoted { endField() }
    }

    private mutating func endField() {
        if ends.count >= maximumFields {
            tooManyFields = true
            bytes.removeSubrange((ends.last ?? 0)...)
        } else {
            ends.append(bytes.count)
        }
    }
}
