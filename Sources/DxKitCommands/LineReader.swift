import Foundation

/// Reads a file or standard input one line at a time in constant memory
/// (64 KiB blocks; a line may be longer than a block).
struct LineReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    /// The bytes of the lines returned so far, line endings included.
    private(set) var bytesRead = 0

    init(handle: FileHandle) {
        self.handle = handle
    }

    /// The next line's bytes without its line ending, or nil at the end.
    mutating func nextBytes() -> ArraySlice<UInt8>? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                bytesRead += newline + 1 - start
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                bytesRead += buffer.count - start
                start = buffer.count
                return line
            }
            // Drop what has been consumed, then read another block.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            searchFrom = buffer.count
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    mutating func next() -> String? {
        nextBytes().map { String(decoding: $0, as: UTF8.self) }
    }
}
