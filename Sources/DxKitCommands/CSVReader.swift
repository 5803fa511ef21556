import Foundation

/// Reads CSV records (RFC 4180: quoted fields may hold commas, quotes as
/// "" and line breaks) one at a time in constant memory, working on bytes.
struct CSVReader {
    private var lines: LineReader
    /// The line number where the last record returned began (1-based).
    private(set) var lineNumber = 0
    private var nextLineNumber = 1

    init(handle: FileHandle) {
        lines = LineReader(handle: handle)
    }

    /// The bytes of the input read so far, for progress.
    var bytesRead: Int { lines.bytesRead }

    /// The next record, or nil at the end. A record whose quotes never close
    /// is returned as far as it goes, with `unterminated` set.
    mutating func next() -> (fields: [String], unterminated: Bool)? {
        guard var line = lines.nextBytes() else { return nil }
        lineNumber = nextLineNumber
        nextLineNumber += 1
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = line.startIndex
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C
        while true {
            if index == line.endIndex {
                if quoted, let more = lines.nextBytes() {
                    nextLineNumber += 1
                    field.append(0x0A)
                    line = more
                    index = line.startIndex
                    continue
                }
                fields.append(String(decoding: field, as: UTF8.self))
                return (fields, quoted)
            }
            let byte = line[index]
            if quoted {
                if byte == quote {
                    let following = index + 1
                    if following < line.endIndex && line[following] == quote {
                        field.append(quote)
                        index = following + 1
                        continue
                    }
                    quoted = false
                } else {
                    field.append(byte)
                }
            } else if byte == comma {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == quote && field.isEmpty {
                quoted = true
            } else {
                field.append(byte)
            }
            index += 1
        }
    }
}

/// Collects output and writes it to standard output in 64 KiB blocks.
final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16

    init() { buffer.reserveCapacity(capacity + 4096) }

    func write(line: String) {
        buffer.append(contentsOf: line.utf8)
        endLine()
    }

    /// Appends one CSV field (quoted when needed) and a comma unless it is the first of its line.
    func appendField(_ text: String, first: Bool = false) {
        if !first { buffer.append(0x2C) }
        if text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            buffer.append(0x22)
            for byte in text.utf8 {
                if byte == 0x22 { buffer.append(0x22) }
                buffer.append(byte)
            }
            buffer.append(0x22)
        } else {
            buffer.append(contentsOf: text.utf8)
        }
    }

    /// Appends a full-precision number field, or an empty one for nil.
    /// Whole numbers are written digit by digit; others as Swift's shortest
    /// round-trip text, copied in one piece.
    func appendNumber(_ value: Double?) {
        buffer.append(0x2C)
        guard let value else { return }
        if value == value.rounded(), abs(value) < 1e15 {
            var whole = Int64(value)
            if whole < 0 { buffer.append(0x2D) }
            whole = Swift.abs(whole)
            let start = buffer.count
            repeat {
                buffer.append(0x30 + UInt8(whole % 10))
                whole /= 10
            } while whole > 0
            buffer[start...].reverse()
        } else {
            var text = value.description
            text.withUTF8 { buffer.append(contentsOf: $0) }
        }
    }

    func endLine() {
        buffer.append(0x0A)
        if buffer.count >= capacity { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// Where rejected rows go: standard error, or a rejects file.
final class RejectLog {
    private let file: FileHandle?
    private(set) var count = 0

    init(path: String?) throws {
        guard let path else { file = nil; return }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw InputError("--rejects (\(path)): cannot write the file")
        }
        file = handle
    }

    func reject(line: Int, reason: String) {
        count += 1
        let text = "line \(line): \(reason)\n"
        if let file { file.write(Data(text.utf8)) } else { FileHandle.standardError.write(Data(("dxkit: " + text).utf8)) }
    }
}
