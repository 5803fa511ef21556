import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 13, I/O: write errors on any stream are one line and exit 74,
/// never a crash and never exit 0; a closed pipe stops the work at once.
@Suite("I/O failures through the real executable")
struct IOFailureTests {
    static let scratch = try! ScratchDirectory()
    static let tables = try! scratch.write("tables.csv", "id,tp,fp,fn,tn\n" + (1...200).map { "\($0),42,3,6,27\n" }.joined())
    static let patients = try! scratch.write(
        "patients.jsonl", String(repeating: #"{"weeksSinceOnset": 2, "closedFistPercussion": "positive"}"# + "\n", count: 100_000))

    static let everyCommand: [[String]] = [
        ["accuracy", "--tp", "42", "--fp", "3", "--fn", "6", "--tn", "27"],
        ["accuracy", "--input", tables], ["accuracy", "--input", tables, "--format", "json"],
        ["posttest", "--pretest", "0.3", "--lr", "8.75"], ["posttest", "--sign", "closed-fist-percussion=positive"],
        ["refer", "--weeks", "2", "--no-red-flags"], ["refer", "--rules"], ["refer", "--patient", patients, "--format", "json"],
        ["evidence", "list"], ["evidence", "show", "supine-sign"], ["table", "--lr", "2", "--pretest", "0:1:0.01"],
        ["nomogram", "--pretest", "0.3", "--lr", "8.75"], ["curves", "--lr", "2"], ["handout"], ["--help"],
    ]

    @Test("Standard output on a full device: exit 74, one line naming it, no crash", arguments: everyCommand)
    func fullDevice(_ arguments: [String]) throws {
        let run = try ShellRun.run(#"exec "$0" "$@" > /dev/full"#, arguments)
        #expect(run.status == 74, "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1, "\(run.standardError)")
        #expect(run.standardError.contains("standard output") && run.standardError.contains("No space left on device"))
        #expect(!run.crashed)
    }

    @Test("Standard error on a full device: a non-zero exit, never a crash or a silent 0")
    func fullStandardError() throws {
        let failing = try ShellRun.run(#"exec "$0" accuracy --tp -3 --fp 3 --fn 6 --tn 27 2> /dev/full"#)
        #expect(failing.status == 74 && !failing.crashed)
        // The batch summary is part of the result: losing it is an I/O error too.
        let batch = try ShellRun.run(#"exec "$0" accuracy --input "$1" 2> /dev/full"#, [Self.tables])
        #expect(batch.status == 74 && !batch.crashed)
    }

    @Test("A reader that goes away stops the work at once: SIGPIPE ignored by the parent or not", arguments: [true, false])
    func closedPipe(ignoredByParent: Bool) throws {
        let trap = ignoredByParent ? "trap '' PIPE; " : ""
        let run = try ShellRun.run(
            trap + #"("$0" refer --patient "$1" --format json; echo "status $?" >&2) | head -c 100 > /dev/null"#, [Self.patients])
        // 100,000 patients take many seconds to answer; stopping at the first full block takes well under one.
        #expect(run.seconds < 8, "took \(run.seconds) s")
        #expect(run.standardError.contains("status 74"), "\(run.standardError)")
        #expect(run.standardError.contains("standard output: the reader closed it"))
        #expect(!run.crashed)
    }

    @Test("A closed standard input, a directory, /proc/self/mem: one line and a non-zero exit each")
    func unreadableInputs() throws {
        let closed = try ShellRun.run(#"exec "$0" accuracy --input - <&-"#)
        #expect(closed.status == 74 && closed.standardError.contains("standard input is closed") && !closed.crashed)
        let closedPatients = try ShellRun.run(#"exec "$0" refer --patient - <&-"#)
        #expect(closedPatients.status == 74 && !closedPatients.crashed)
        let directory = try ShellRun.run(#"exec "$0" accuracy --input /tmp"#)
        #expect(directory.status == 64 && directory.standardError.contains("is a directory") && !directory.crashed)
        let memory = try ShellRun.run(#"exec "$0" accuracy --input /proc/self/mem"#)
        #expect(memory.status == 74 && memory.standardError.split(separator: "\n").count == 1 && !memory.crashed)
        let zeros = try ShellRun.run(#"exec "$0" accuracy --input /dev/zero"#)
        #expect(zeros.status == 64 && zeros.standardError.contains("not text") && !zeros.crashed)
    }
}
