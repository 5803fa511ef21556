import Foundation

/// Runs `dxkit` through `/bin/sh -c`, for what `Process` cannot set up:
/// standard output on /dev/full, a closed standard input, a pipe whose
/// reader goes away. The script sees the executable as "$0" (quoted, so
/// any path works) and `arguments` as "$1"…
struct ShellRun {
    let status: Int32
    let standardOutput: String
    let standardError: String
    let seconds: Double

    static func run(_ script: String, _ arguments: [String] = [], directory: String? = nil) throws -> ShellRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, CommandLineRun.executable.path] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ShellRun(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self), seconds: Date().timeIntervalSince(start))
    }

    /// No crash: no Swift fatal error, no signal's register dump.
    var crashed: Bool {
        ["Fatal error", "Illegal instruction", "register", "Crash", "Backtrace", "SIGILL", "SIGSEGV", "Segmentation"].contains {
            standardError.contains($0)
        }
    }
}

/// A private temporary directory for one test, removed afterwards.
final class ScratchDirectory: Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-hardening-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: file(name), atomically: false, encoding: .utf8)
        return file(name)
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }
}
