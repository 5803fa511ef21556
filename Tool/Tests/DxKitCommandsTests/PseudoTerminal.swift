import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `dxkit` attached to a pseudo-terminal, as a person at a terminal
/// would: the program sees a TTY on standard input and output, the test
/// types answers into the master side and reads the screen back.
final class PseudoTerminal {
    private let master: Int32
    private let process = Process()
    private(set) var screen = ""

    /// Starts `dxkit` with `arguments` on a new terminal (`columns` wide,
    /// when given); `standardOutput`, when given, takes standard output off
    /// the terminal (to a file), as `dxkit … > out.csv` does.
    init(arguments: [String], standardOutput: FileHandle? = nil, columns: Int? = nil) throws {
        // posix_openpt/grantpt/unlockpt are not exported by Swift's Glibc module,
        // so open the multiplexer and use the Linux ioctls they wrap.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw POSIXError(.ENOTTY) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
        let getNumber: UInt = 0x8004_5430  // TIOCGPTN
        guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
            throw POSIXError(.ENOTTY)
        }
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw POSIXError(.ENOTTY) }
        if let columns {
            var size = winsize(ws_row: 50, ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        }
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = CommandLineRun.executable
        process.arguments = arguments
        process.standardInput = handle
        process.standardOutput = standardOutput ?? handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Types a line (as if followed by Enter).
    func type(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Sends end-of-file (Ctrl-D at the start of a line).
    func endOfFile() {
        var controlD: UInt8 = 4
        _ = write(master, &controlD, 1)
    }

    /// Reads until `text` appears on the screen or `seconds` pass; true if it appeared.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !screen.contains(text), Date() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            screen += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return screen.contains(text)
    }

    /// Reads until the screen has grown past `length` characters and ends with a prompt (": ").
    @discardableResult
    func waitForPrompt(after length: Int, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !(screen.count > length && screen.hasSuffix(": ")), Date() < deadline {
            _ = waitFor("\u{0}", seconds: 0.1)
        }
        return screen.hasSuffix(": ")
    }

    /// Waits for the program to exit and returns its status.
    func exitStatus(seconds: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline {
            _ = waitFor("\u{0}", seconds: 0.1)
        }
        return process.isRunning ? nil : process.terminationStatus
    }
}
