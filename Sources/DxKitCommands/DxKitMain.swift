import ArgumentParser
import DxStats
import Foundation

/// The process entry point: parses, runs, and turns every error into one
/// line on standard error with a non-zero exit status.
///
/// Exit status: 0 success; 64 bad input or usage (the value is named);
/// 1 any other failure.
public enum DxKitMain {
    public static func main(_ arguments: [String]? = nil) {
        do {
            let given = arguments ?? Array(CommandLine.arguments.dropFirst())
            if (given.isEmpty || given == ["posttest"]) && InteractiveSession.isInteractiveTerminal {
                print(try InteractiveSession.terminal().run())
                return
            }
            var command = try DxKit.parseAsRoot(arguments)
            try command.run()
        } catch let error as InputError {
            standardError("dxkit: error: \(error.description)")
            exit(64)
        } catch let error as InvalidEvidence {
            standardError("dxkit: \(error.errors.count) problem(s) in the evidence records:")
            for problem in error.errors { standardError("  \(problem)") }
            exit(1)
        } catch let error as StatisticsError {
            standardError("dxkit: error: \(error.description)")
            exit(64)
        } catch {
            DxKit.exit(withError: error)
        }
    }

    static func standardError(_ line: String) {
        var stream = StandardErrorStream()
        print(line, to: &stream)
    }
}

struct StandardErrorStream: TextOutputStream {
    mutating func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
