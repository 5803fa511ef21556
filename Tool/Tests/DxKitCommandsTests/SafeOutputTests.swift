import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 13, files: every --output and --rejects through one safe writer.
@Suite("--output and --rejects write safely")
struct SafeOutputTests {
    static let input = "id,tp,fp,fn,tn\n1,42,3,6,27\n2,-1,3,6,27\n"

    @Test("--rejects keeps the old file's mode and replaces it only when the run completes")
    func rejectsFile() throws {
        let scratch = try ScratchDirectory()
        let input = try scratch.write("in.csv", Self.input)
        let rejects = try scratch.write("rejects.txt", "old\n")
        chmod(rejects, 0o600)
        let run = try ShellRun.run(#"exec "$0" accuracy --input "$1" --rejects "$2""#, [input, rejects])
        #expect(run.status == 65)
        #expect(scratch.read("rejects.txt") == "line 3: tp (-1) must be a whole number ≥ 0\n")
        var status = stat()
        stat(rejects, &status)
        #expect(status.st_mode & 0o777 == 0o600)
        // A run that fails at the header leaves the old rejects file as it was.
        let bad = try scratch.write("bad.csv", "a,b\n1,2\n")
        let failed = try ShellRun.run(#"exec "$0" accuracy --input "$1" --rejects "$2""#, [bad, rejects])
        #expect(failed.status == 64)
        #expect(scratch.read("rejects.txt") == "line 3: tp (-1) must be a whole number ≥ 0\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["bad.csv", "in.csv", "rejects.txt"])
    }

    @Test("--rejects naming the input (by another spelling, a link or a hard link) is refused; the input is untouched")
    func sameAsInput() throws {
        let scratch = try ScratchDirectory()
        let input = try scratch.write("in.csv", Self.input)
        symlink("in.csv", scratch.file("alias.csv"))
        link(input, scratch.file("hard.csv"))
        for target in [input, scratch.path + "/./in.csv", scratch.file("alias.csv"), scratch.file("hard.csv")] {
            let run = try ShellRun.run(#"exec "$0" accuracy --input "$1" --rejects "$2""#, [input, target])
            #expect(run.status == 64 && run.standardError.contains("is also an input"), "\(target): \(run.standardError)")
        }
        let fromStandardInput = try ShellRun.run(#"exec "$0" accuracy --input - --rejects "$1" < "$1""#, [input])
        #expect(fromStandardInput.status == 64)
        #expect(scratch.read("in.csv") == Self.input)
    }

    @Test("--rejects through a symbolic link, to a FIFO and to /dev/stderr: written in place, never replaced")
    func linksAndDevices() throws {
        let scratch = try ScratchDirectory()
        let input = try scratch.write("in.csv", Self.input)
        try scratch.write("target.txt", "")
        symlink("target.txt", scratch.file("link.txt"))
        let linked = try ShellRun.run(#"exec "$0" accuracy --input "$1" --rejects "$2""#, [input, scratch.file("link.txt")])
        #expect(linked.status == 65 && scratch.read("target.txt")?.hasPrefix("line 3:") == true)
        var status = stat()
        #expect(lstat(scratch.file("link.txt"), &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)

        let fifo = scratch.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let piped = try ShellRun.run(
            #"cat "$2" > "$3" & "$0" accuracy --input "$1" --rejects "$2"; status=$?; wait; exit $status"#, [input, fifo, scratch.file("caught.txt")])
        #expect(piped.status == 65 && scratch.read("caught.txt")?.hasPrefix("line 3:") == true)
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)

        let toStandardError = try ShellRun.run(#"exec "$0" accuracy --input "$1" --rejects /dev/stderr"#, [input])
        #expect(toStandardError.status == 65 && toStandardError.standardError.hasPrefix("line 3: tp (-1)"))
    }

    @Test("--output - is standard output (no file named '-'); --output FILE appears whole; a directory is refused")
    func output() throws {
        let scratch = try ScratchDirectory()
        let dash = try ShellRun.run(#"exec "$0" nomogram --pretest 0.3 --lr 8.75 --output -"#, directory: scratch.path)
        #expect(dash.status == 0 && dash.standardOutput.hasPrefix("<?xml"))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("-")))
        try scratch.write("fagan.svg", "old")
        chmod(scratch.file("fagan.svg"), 0o640)
        let file = try ShellRun.run(#"exec "$0" nomogram --pretest 0.3 --lr 8.75 --output fagan.svg"#, directory: scratch.path)
        #expect(file.status == 0 && scratch.read("fagan.svg")?.hasSuffix("</svg>\n") == true)
        var status = stat()
        stat(scratch.file("fagan.svg"), &status)
        #expect(status.st_mode & 0o777 == 0o640)
        let failed = try ShellRun.run(#"exec "$0" nomogram --pretest 2 --lr 8.75 --output fagan.svg"#, directory: scratch.path)
        #expect(failed.status == 64 && scratch.read("fagan.svg")?.hasSuffix("</svg>\n") == true)
        let directory = try ShellRun.run(#"exec "$0" curves --lr 2 --output "$1""#, [scratch.path])
        #expect(directory.status == 64 && directory.standardError.contains("is a directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["fagan.svg"])
    }

    @Test("--output naming an evidence file being read is refused")
    func outputOverEvidence() throws {
        let scratch = try ScratchDirectory()
        let evidence = scratch.file("evidence")
        try FileManager.default.createDirectory(atPath: evidence, withIntermediateDirectories: true)
        let record =
            #"{"records": [{"id": "local-note", "kind": "caveat", "title": "A note", "claim": "x", "verification": "reported", "citations": [{"note": "local"}]}]}"#
        try record.write(toFile: evidence + "/local.json", atomically: false, encoding: .utf8)
        let run = try ShellRun.run(#"exec "$0" curves --lr 2 --evidence "$1" --output "$1/local.json""#, [evidence])
        #expect(run.status == 64 && run.standardError.contains("is also an input"), "\(run.standardError)")
        #expect(FileManager.default.contents(atPath: evidence + "/local.json").map { String(decoding: $0, as: UTF8.self) } == record)
    }
}
