#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes to read: a file, standard input, or bytes in memory (for tests,
/// fuzzing and embedders). Reads with `read(2)` and reports every failure
/// as an ``IOError`` (a directory, a closed standard input, EIO), never a
/// crash.
///
/// ```swift
/// let input = try InputSource.open("/dev/null", name: "--input")   // a path, or "-" for standard input
/// input.name   // "--input (/dev/null)"
/// var buffer = [UInt8](repeating: 0, count: 65_536)
/// try buffer.withUnsafeMutableBytes { try input.read(into: $0) }   // 0 (the end of the input)
/// ```
public final class InputSource {
    /// How the source is named in messages: "--input (tables.csv)", "standard input".
    public let name: String
    /// The file read, for refusing to write over it (nil for bytes in memory).
    public let identity: FileIdentity?

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let memory: [UInt8]
    private var position = 0
    private let maximumReadSize: Int

    /// Opens `path` for reading; `-` is standard input. `flag` names the
    /// option in messages ("--input").
    public static func open(_ path: String, name flag: String) throws(IOError) -> InputSource {
        if path == "-" {
            let name = "\(flag) (standard input)"
            guard let identity = FileIdentity(descriptor: STDIN_FILENO) else {
                throw IOError(.read, name: name, problem: "standard input is closed")
            }
            guard identity.kind != .directory else { throw IOError(.refused, name: name, problem: "standard input is a directory") }
            return InputSource(descriptor: STDIN_FILENO, owned: false, name: name, identity: identity)
        }
        let name = "\(flag) (\(path))"
        let descriptor = SystemCalls.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IOError(.open, name: name, code: errno, action: "cannot open") }
        guard let identity = FileIdentity(descriptor: descriptor) else {
            let code = errno
            _ = SystemCalls.close(descriptor)
            throw IOError(.open, name: name, code: code, action: "cannot open")
        }
        guard identity.kind != .directory else {
            _ = SystemCalls.close(descriptor)
            throw IOError(.refused, name: name, problem: "is a directory, not a file")
        }
        return InputSource(descriptor: descriptor, owned: true, name: name, identity: identity)
    }

    /// Bytes in memory, read as if from a file. `maximumReadSize` makes
    /// each read return at most that many bytes, as a pipe may.
    public init(bytes: [UInt8], name: String = "input", maximumReadSize: Int = .max) {
        precondition(maximumReadSize > 0, "a read must be able to return a byte")
        self.name = name
        self.identity = nil
        self.descriptor = -1
        self.ownsDescriptor = false
        self.memory = bytes
        self.maximumReadSize = maximumReadSize
    }

    /// Text in memory, read as if from a file.
    public convenience init(text: String, name: String = "input") {
        self.init(bytes: Array(text.utf8), name: name)
    }

    private init(descriptor: Int32, owned: Bool, name: String, identity: FileIdentity) {
        self.name = name
        self.identity = identity
        self.descriptor = descriptor
        self.ownsDescriptor = owned
        self.memory = []
        self.maximumReadSize = .max
    }

    deinit {
        if ownsDescriptor { _ = SystemCalls.close(descriptor) }
    }

    /// Reads up to `buffer.count` bytes; returns 0 at the end of the input.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        guard descriptor >= 0 else {
            let count = Swift.min(buffer.count, memory.count - position, maximumReadSize)
            guard count > 0 else { return 0 }
            memory.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
            }
            position += count
            return count
        }
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = SystemCalls.read(descriptor, base, buffer.count)
            if count >= 0 { return count }
            let code = errno
            if code == EAGAIN || code == EWOULDBLOCK {
                SystemCalls.waitUntilReady(descriptor, forWriting: false)
                continue
            }
            throw IOError(.read, name: name, code: code, action: "cannot read")
        }
    }
}
