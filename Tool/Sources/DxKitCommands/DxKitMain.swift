import ArgumentParser
import DxBatch
import DxIO
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process entry point: parses, runs, and turns every error into one
/// line on standard error with a non-zero exit status.
///
/// Exit status: 0 success; 64 bad input or usage (the value is named, or
/// a path that cannot be opened or is refused); 65 some rows or patients
/// rejected (the rest were written); 74 an I/O error while reading or
/// writing (a full disk, a closed pipe: the work stops at once); 1 invalid
/// evidence records.
public enum DxKitMain {
    public static func main(_ arguments: [String]? = nil) {
        StandardStreams.ignoreBrokenPipeSignal()
        var status = run(arguments)
        do { try StandardStreams.output.flush() } catch {
            if status == ExitStatus.success || status == ExitStatus.rejectedRows { Console.message("dxkit: error: \(error.description)") }
            status = ExitStatus.inputOutput
        }
        exit(status)
    }

    /// Runs the command; returns the exit status after reporting any error.
    static func run(_ arguments: [String]?) -> Int32 {
        do {
            let given = arguments ?? Array(CommandLine.arguments.dropFirst())
            if (given.isEmpty || given == ["posttest"]) && InteractiveSession.isInteractiveTerminal {
                try Console.write(try InteractiveSession.terminal().run(), forPeople: true)
                return ExitStatus.success
            }
            var command = try CommandParsing.parse(given)
            try command.run()
            return ExitStatus.success
        } catch {
            return report(error)
        }
    }

    /// Reports `error` on standard error and returns its exit status; if
    /// standard error cannot be written either, the status is 74.
    static func report(_ error: any Error) -> Int32 {
        let (status, lines) = describe(error)
        for line in lines where !Console.message(line) { return ExitStatus.inputOutput }
        return status
    }

    /// The exit status and message lines for an error.
    static func describe(_ error: any Error) -> (Int32, [String]) {
        switch error {
        case let error as InputError:
            return (ExitStatus.usage, ["dxkit: error: \(error.description)"])
        case let error as StatisticsError:
            return (ExitStatus.usage, ["dxkit: error: \(error.description)"])
        case let error as IOError:
            return (status(of: error), ["dxkit: error: \(error.description)"])
        case let error as BatchError:
            if case .inputOutput(let failure) = error { return describe(failure) }
            return (ExitStatus.usage, ["dxkit: error: \(error.description)"])
        case let error as InvalidEvidence:
            return (1, ["dxkit: \(error.errors.count) problem(s) in the evidence records:"] + error.errors.map { "  \($0)" })
        default:
            let code = DxKit.exitCode(for: error).rawValue
            let message = DxKit.fullMessage(for: error)
            if code == 0 {
                // --help and --version: the text goes to standard output.
                do {
                    try StandardStreams.output.write(message + "\n")
                    return (0, [])
                } catch {
                    return describe(error)
                }
            }
            return (code, message.isEmpty ? [] : message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    /// 64 for a path that cannot be opened or is refused; 74 when reading or writing fails.
    static func status(of error: IOError) -> Int32 {
        switch error.kind {
        case .open, .refused: ExitStatus.usage
        case .read, .write: ExitStatus.inputOutput
        }
    }

    /// One line on standard error (best effort).
    static func standardError(_ line: String) {
        Console.message(line)
    }
}
