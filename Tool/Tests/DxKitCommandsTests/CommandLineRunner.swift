import Foundation

/// Runs the built `dxkit` executable as a user would, capturing its output.
struct CommandLineRun {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// The `dxkit` built next to the test bundle by `swift test`.
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("dxkit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Repository.root.appendingPathComponent("Tool/.build/debug/dxkit")
    }()

    static func run(_ arguments: [String], input: String? = nil) throws -> CommandLineRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // Relative paths in arguments (Evidence, Notebooks-md/…) are the repository's.
        process.currentDirectoryURL = Repository.root
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
