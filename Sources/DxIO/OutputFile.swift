#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file to write safely, as `--output` and `--rejects` name it.
///
/// - `-` is standard output.
/// - A regular file (or a new one) is written to a temporary file in the
///   same directory, flushed to disk (`fsync`) and renamed over the path
///   only by ``commit()``: until then, and after any failure, the old file
///   is untouched. The new file keeps the old one's permissions (and owner,
///   where allowed); a new file gets 0666 less the umask, as the shell's
///   `>` would.
/// - A symbolic link is followed: its target is what gets replaced, and the
///   link stays a link.
/// - A device, FIFO or other non-regular file is opened and written in
///   place, never replaced (`/dev/null`, a named pipe); so is any path under
///   `/dev` or `/proc` (`/dev/stderr`, `/proc/self/fd/2`), which may stand
///   for an open stream.
/// - A path that is one of the inputs (same device and inode, however it is
///   written) is refused, as is a directory.
///
/// ```swift
/// let input = try InputSource.open("/dev/null", name: "--input")
/// let file = try OutputFile.open(
///     "/tmp/dxkit-example.svg", name: "--output", refusing: [input.identity].compactMap { $0 },
///     standardOutput: StandardStreams.output)
/// try file.sink.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
/// try file.commit()   // only now does /tmp/dxkit-example.svg change
/// file.path           // "/tmp/dxkit-example.svg"
/// ```
public final class OutputFile {
    /// Where to write.
    public let sink: OutputSink
    /// The path finally written (the target of a symbolic link), or nil for standard output.
    public let path: String?

    private enum Mode {
        case standardOutput
        case inPlace(descriptor: Int32)
        case replacing(descriptor: Int32, temporaryPath: String)
    }

    private var mode: Mode
    private var finished = false

    private init(sink: OutputSink, path: String?, mode: Mode) {
        self.sink = sink
        self.path = path
        self.mode = mode
    }

    /// Opens `path` as described above. `flag` names the option in messages;
    /// `inputs` are the files the command reads.
    public static func open(
        _ path: String, name flag: String, refusing inputs: [FileIdentity] = [], standardOutput: OutputSink
    ) throws(IOError) -> OutputFile {
        if path == "-" { return OutputFile(sink: standardOutput, path: nil, mode: .standardOutput) }
        let name = "\(flag) (\(path))"
        guard !path.isEmpty else { throw IOError(.refused, name: name, problem: "names no file") }
        var status = stat()
        guard stat(path, &status) == 0 else {
            let code = errno
            guard code == ENOENT else { throw IOError(.open, name: name, code: code, action: "cannot open") }
            // A new file, or a dangling symbolic link: create its target.
            return try replacing(try resolvedTarget(of: path, name: name), name: name, existing: nil)
        }
        let identity = FileIdentity(status)
        switch identity.kind {
        case .directory:
            throw IOError(.refused, name: name, problem: "is a directory; name a file")
        case .regular, .blockDevice, .fifo:
            if inputs.contains(where: { $0.isSameFile(as: identity) }) {
                throw IOError(.refused, name: name, problem: "is also an input; writing it would destroy what is being read: name another file")
            }
        default:
            break
        }
        // Devices, FIFOs and sockets are written in place, never replaced; so is anything named
        // under /dev or /proc (/dev/stdout, /proc/self/fd/2), which may stand for an open stream.
        let special = path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
        guard identity.kind == .regular && !special else {
            let descriptor = SystemCalls.open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY | (identity.kind == .regular ? O_APPEND : 0))
            guard descriptor >= 0 else { throw IOError(.open, name: name, code: errno, action: "cannot open for writing") }
            return OutputFile(sink: OutputSink(descriptor: descriptor, name: name), path: path, mode: .inPlace(descriptor: descriptor))
        }
        let target = try resolvedTarget(of: path, name: name)
        guard access(target, W_OK) == 0 else { throw IOError(.open, name: name, code: errno, action: "cannot write") }
        return try replacing(target, name: name, existing: status)
    }

    /// Writes out what is left and puts the file in place: flush, `fsync`,
    /// rename over the path, `fsync` of the directory. For standard output
    /// and in-place files it flushes only.
    public func commit() throws(IOError) {
        guard !finished else { return }
        finished = true
        switch mode {
        case .standardOutput:
            try sink.flush()
        case .inPlace(let descriptor):
            defer { _ = SystemCalls.close(descriptor) }
            try sink.flush()
        case .replacing(let descriptor, let temporaryPath):
            do throws(IOError) {
                try sink.flush()
                guard fsync(descriptor) == 0 else { throw IOError(.write, name: sink.name, code: errno, action: "cannot flush to disk") }
                guard SystemCalls.close(descriptor) == 0 else { throw IOError(.write, name: sink.name, code: errno, action: "cannot close") }
                guard let path, rename(temporaryPath, path) == 0 else {
                    throw IOError(.write, name: sink.name, code: errno, action: "cannot rename into place")
                }
            } catch {
                unlink(temporaryPath)
                sink.fail(error)
                throw error
            }
            Self.synchroniseDirectory(of: path!)
        }
    }

    /// Abandons the output: a file being replaced keeps its old contents
    /// (the temporary file is removed). Output to standard output or a
    /// device has already gone out.
    public func discard() {
        guard !finished else { return }
        finished = true
        switch mode {
        case .standardOutput:
            break
        case .inPlace(let descriptor):
            _ = try? sink.flush()
            _ = SystemCalls.close(descriptor)
        case .replacing(let descriptor, let temporaryPath):
            _ = SystemCalls.close(descriptor)
            unlink(temporaryPath)
        }
    }

    deinit { discard() }

    // MARK: Opening

    /// The path with symbolic links in its last component followed, so the
    /// link's target is written and the link stays.
    static func resolvedTarget(of path: String, name: String) throws(IOError) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw IOError(.open, name: name, code: errno, action: "cannot read the symbolic link") }
            let destination = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : directory(of: current) + "/" + destination
        }
        throw IOError(.open, name: name, code: ELOOP, action: "cannot follow the symbolic link")
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A temporary file beside `target` with the old file's permissions.
    private static func replacing(_ target: String, name: String, existing: stat?) throws(IOError) -> OutputFile {
        let directory = directory(of: target)
        let base = target.split(separator: "/").last.map(String.init) ?? "output"
        var template = Array((directory + "/." + base + ".dxkit-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw IOError(.open, name: name, code: errno, action: "cannot create a file in \(directory)") }
        let temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        if let existing {
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)  // allowed for root, or the same owner and a group of ours
            _ = fchmod(descriptor, existing.st_mode & 0o7777)
        } else {
            _ = fchmod(descriptor, 0o666 & ~currentUmask)
        }
        return OutputFile(
            sink: OutputSink(descriptor: descriptor, name: name), path: target,
            mode: .replacing(descriptor: descriptor, temporaryPath: temporaryPath))
    }

    /// The process's file-creation mask, read once.
    private static let currentUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    private static func synchroniseDirectory(of path: String) {
        let descriptor = SystemCalls.open(directory(of: path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = SystemCalls.close(descriptor)
    }
}
