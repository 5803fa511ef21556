import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where output goes: a file descriptor written with `write(2)` (every
/// error checked: ENOSPC, EPIPE, EIO become an ``IOError``, never a crash
/// and never lost silently), or memory (for tests, fuzzing and embedders).
///
/// Writes are buffered as ``Buffering`` says; ``flush()`` writes what is
/// left. After the first failure every later write throws the same error,
/// so a closed pipe stops the work at once.
///
/// ```swift
/// let sink = OutputSink.memory()
/// try sink.write("tp,fp\n")
/// sink.text   // "tp,fp\n"
/// ```
public final class OutputSink: @unchecked Sendable {
    /// When buffered bytes are written out.
    public enum Buffering: Sendable, Equatable {
        /// Every write goes out at once (standard error).
        case none
        /// At every line break (a terminal).
        case line
        /// When this many bytes have gathered (files and pipes).
        case block(Int)
    }

    /// How the destination is named in messages: "standard output", "--output (fagan.svg)".
    public let name: String
    private let descriptor: Int32
    private let buffering: Buffering
    private let memoryLimit: Int?
    private var buffer: [UInt8] = []
    private var memory: [UInt8] = []
    private var failure: IOError?
    private let lock = Lock()

    /// A sink writing to an open descriptor, which it does not close.
    public init(descriptor: Int32, name: String, buffering: Buffering = .block(1 << 16)) {
        self.name = name
        self.descriptor = descriptor
        self.buffering = buffering
        self.memoryLimit = nil
        if case .block(let capacity) = buffering { buffer.reserveCapacity(capacity) }
    }

    private init(memoryNamed name: String, limit: Int?) {
        self.name = name
        self.descriptor = -1
        self.buffering = .none
        self.memoryLimit = limit
    }

    /// A sink that keeps what is written in memory (``bytes``, ``text``).
    /// With `limit`, writing more than `limit` bytes fails as a full disk
    /// would (ENOSPC), to test what a caller does then.
    public static func memory(name: String = "output", limit: Int? = nil) -> OutputSink {
        OutputSink(memoryNamed: name, limit: limit)
    }

    /// What a memory sink holds.
    public var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return memory
    }

    /// What a memory sink holds, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The first failure, if any.
    public var firstFailure: IOError? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    /// Writes text (UTF-8).
    public func write(_ text: String) throws(IOError) {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(IOError) in try write(UnsafeRawBufferPointer(bytes)) } }
        try result.get()
    }

    /// Writes bytes.
    public func write(bytes: [UInt8]) throws(IOError) {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(IOError) in try write(raw) } }
        try result.get()
    }

    /// Writes raw bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        guard descriptor >= 0 else { return try storeInMemory(bytes) }
        switch buffering {
        case .none:
            try writeOut(bytes)
        case .line:
            buffer.append(contentsOf: bytes)
            if let lastBreak = buffer.lastIndex(of: 0x0A) {
                let pending = buffer[...lastBreak]
                buffer.removeSubrange(...lastBreak)
                try writeOut(Array(pending))
            }
        case .block(let capacity):
            if buffer.count + bytes.count <= capacity {
                buffer.append(contentsOf: bytes)
                return
            }
            try flushBuffer()
            if bytes.count >= capacity { try writeOut(bytes) } else { buffer.append(contentsOf: bytes) }
        }
    }

    /// Writes out everything buffered.
    public func flush() throws(IOError) {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        try flushBuffer()
    }

    /// Records a failure found outside the sink (a failed `fsync` or
    /// rename of the file it writes), so later writes stop too.
    func fail(_ error: IOError) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil { failure = error }
    }

    // MARK: Private (called with the lock held)

    private func storeInMemory(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
        if let memoryLimit, memory.count + bytes.count > memoryLimit {
            memory.append(contentsOf: bytes.prefix(memoryLimit - memory.count))
            let error = IOError(.write, name: name, code: ENOSPC, action: "cannot write")
            failure = error
            throw error
        }
        memory.append(contentsOf: bytes)
    }

    private func flushBuffer() throws(IOError) {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        try writeOut(pending)
    }

    private func writeOut(_ bytes: [UInt8]) throws(IOError) {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(IOError) in try writeOut(raw) } }
        try result.get()
    }

    private func writeOut(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
        var offset = 0
        while offset < bytes.count {
            let written = SystemCalls.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
                continue
            }
            let code = written == 0 ? EIO : errno
            if code == EAGAIN || code == EWOULDBLOCK {
                SystemCalls.waitUntilReady(descriptor, forWriting: true)
                continue
            }
            let error = IOError(.write, name: name, code: code, action: code == EPIPE ? "the reader closed it" : "cannot write")
            failure = error
            throw error
        }
    }
}
