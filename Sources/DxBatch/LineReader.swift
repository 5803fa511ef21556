import DxIO

/// Reads an input one line at a time in constant memory (64 KiB blocks).
///
/// A UTF-8 byte-order mark at the very start is skipped; `\r\n` and `\n`
/// both end a line. A line longer than the limit is returned as
/// ``Line/isOverLimit`` with its length and no bytes (it was skipped, not
/// kept), so one huge line costs no memory and is one reject. A NUL byte
/// stops reading with ``BatchError/notText(line:)``: the input is not text.
///
/// ```swift
/// var lines = LineReader(source: InputSource(text: "\u{FEFF}a\r\nb"))
/// try lines.next().map { String(decoding: $0.bytes, as: UTF8.self) }   // "a" (the BOM and \r dropped)
/// try lines.next().map { String(decoding: $0.bytes, as: UTF8.self) }   // "b"
/// try lines.next()                                                     // nil
/// ```
public struct LineReader {
    /// One line of the input.
    public struct Line: Sendable {
        /// The line number, from 1.
        public let number: Int
        /// The line without its line ending (empty when over the limit).
        public let bytes: ArraySlice<UInt8>
        /// The line's full length when it was longer than the limit, else nil.
        public let overLimitLength: Int?

        public var isOverLimit: Bool { overLimitLength != nil }
    }

    private let source: InputSource
    private let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    /// One read's worth, reused: a short read (a pipe) costs only what it delivers.
    private var block = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var finished = false
    private var atStart = true
    private var lineNumber = 0
    /// The bytes of the lines returned so far, line endings included (for progress).
    public private(set) var bytesRead = 0

    public init(source: InputSource, limits: BatchLimits = .standard) {
        self.source = source
        self.maximumLineBytes = limits.maximumLineBytes
    }

    /// The next line, or nil at the end of the input.
    public mutating func next() throws(BatchError) -> Line? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                lineNumber += 1
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                bytesRead += newline + 1 - start
                start = newline + 1
                if line.count > maximumLineBytes { return Line(number: lineNumber, bytes: [], overLimitLength: line.count) }
                return Line(number: lineNumber, bytes: line, overLimitLength: nil)
            }
            if finished {
                guard start < buffer.count else { return nil }
                lineNumber += 1
                var line = buffer[start...]
                if line.last == 0x0D { line = line.dropLast() }
                bytesRead += buffer.count - start
                start = buffer.count
                if line.count > maximumLineBytes { return Line(number: lineNumber, bytes: [], overLimitLength: line.count) }
                return Line(number: lineNumber, bytes: line, overLimitLength: nil)
            }
            if buffer.count - start > maximumLineBytes {
                return try skipLongLine()
            }
            // Drop what has been consumed, then read another block.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            searchFrom = buffer.count
            searchFrom = Swift.max(start, searchFrom - (try readBlock()))
        }
    }

    /// Reads one block into the buffer (or marks the end); returns how many
    /// bytes were dropped from the front (a byte-order mark).
    @discardableResult
    private mutating func readBlock() throws(BatchError) -> Int {
        let previousCount = buffer.count
        let source = self.source
        let result: Result<Int, IOError> = block.withUnsafeMutableBytes { raw in
            Result { () throws(IOError) -> Int in try source.read(into: raw) }
        }
        let count: Int
        switch result {
        case .success(let value): count = value
        case .failure(let error): throw .inputOutput(error)
        }
        buffer.append(contentsOf: block[..<count])
        if count == 0 {
            finished = true
            return 0
        }
        if let nul = buffer[previousCount...].firstIndex(of: 0) {
            let breaks = buffer[start..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw .notText(line: lineNumber + breaks + 1)
        }
        if atStart {
            atStart = false
            if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                buffer.removeFirst(3)
                return 3
            } else if buffer.count < 3 && [0xEF, 0xBB, 0xBF].starts(with: buffer) {
                atStart = true  // too short to tell yet
            }
        }
        return 0
    }

    /// Skips the rest of a line that is already over the limit, keeping only its length.
    private mutating func skipLongLine() throws(BatchError) -> Line {
        lineNumber += 1
        var length = buffer.count - start
        buffer.removeAll(keepingCapacity: true)
        start = 0
        while true {
            if finished {
                bytesRead += length
                return Line(number: lineNumber, bytes: [], overLimitLength: length)
            }
            try readBlock()
            if let newline = buffer.firstIndex(of: 0x0A) {
                length += newline
                bytesRead += length + 1
                start = newline + 1
                return Line(number: lineNumber, bytes: [], overLimitLength: length)
            }
            length += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
