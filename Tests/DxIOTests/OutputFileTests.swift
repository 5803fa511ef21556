import DxIO
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The safe writer of issue 13: regular files replaced only by a complete,
/// flushed write (permissions kept), symbolic links written through,
/// devices and FIFOs written in place, inputs refused, `-` standard output.
@Suite("OutputFile: one safe writer for --output and --rejects")
struct OutputFileTests {
    let standardOutput = OutputSink.memory(name: "standard output")

    @Test("A new file appears only at commit, with 0666 less the umask, and no temporary file is left")
    func newFile() throws {
        let directory = try TemporaryDirectory()
        let file = try OutputFile.open(directory.file("out.csv"), name: "--output", standardOutput: standardOutput)
        try file.sink.write("a,b\n")
        #expect(directory.read("out.csv") == nil)
        try file.commit()
        #expect(directory.read("out.csv") == "a,b\n")
        let mask = umask(0o022)
        umask(mask)
        #expect(directory.mode("out.csv") == 0o666 & ~mask)
        #expect(directory.names == ["out.csv"])
    }

    @Test("Replacing a 600 file keeps 600; until commit, and after a failure, the old contents stay")
    func permissionsAndAtomicity() throws {
        let directory = try TemporaryDirectory()
        try directory.write("rejects.txt", "old\n", mode: 0o600)
        let first = try OutputFile.open(directory.file("rejects.txt"), name: "--rejects", standardOutput: standardOutput)
        try first.sink.write("new\n")
        try first.sink.flush()
        #expect(directory.read("rejects.txt") == "old\n")
        first.discard()
        #expect(directory.read("rejects.txt") == "old\n")
        #expect(directory.names == ["rejects.txt"])

        let second = try OutputFile.open(directory.file("rejects.txt"), name: "--rejects", standardOutput: standardOutput)
        try second.sink.write("new\n")
        try second.commit()
        #expect(directory.read("rejects.txt") == "new\n")
        #expect(directory.mode("rejects.txt") == 0o600)
    }

    @Test("A file abandoned without commit or discard (a crash of the work) keeps the old contents")
    func abandoned() throws {
        let directory = try TemporaryDirectory()
        try directory.write("picture.svg", "<svg>good</svg>")
        do {
            let file = try OutputFile.open(directory.file("picture.svg"), name: "--output", standardOutput: standardOutput)
            try file.sink.write(String(repeating: "x", count: 200_000))
        }
        #expect(directory.read("picture.svg") == "<svg>good</svg>")
        #expect(directory.names == ["picture.svg"])
    }

    @Test("A symbolic link is written through: the target changes, the link stays a link")
    func symbolicLink() throws {
        let directory = try TemporaryDirectory()
        try directory.write("target.txt", "old")
        symlink("target.txt", directory.file("link.txt"))
        let file = try OutputFile.open(directory.file("link.txt"), name: "--rejects", standardOutput: standardOutput)
        try file.sink.write("new")
        try file.commit()
        #expect(directory.isSymbolicLink("link.txt"))
        #expect(directory.read("target.txt") == "new")
        // A dangling link creates its target, as the shell's > does.
        symlink("missing.txt", directory.file("dangling.txt"))
        let dangling = try OutputFile.open(directory.file("dangling.txt"), name: "--rejects", standardOutput: standardOutput)
        try dangling.sink.write("made")
        try dangling.commit()
        #expect(directory.isSymbolicLink("dangling.txt") && directory.read("missing.txt") == "made")
    }

    @Test("A FIFO is opened and written in place, never replaced")
    func fifo() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("pipe")
        #expect(mkfifo(path, 0o600) == 0)
        // The reading end first (non-blocking), so that opening the writing end does not wait.
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let file = try OutputFile.open(path, name: "--rejects", standardOutput: standardOutput)
        try file.sink.write("line 2: bad\n")
        try file.commit()
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer[..<count], as: UTF8.self) == "line 2: bad\n")
        #expect(directory.isFIFO("pipe"))
    }

    @Test("A character device (a pseudo-terminal) is written in place")
    func device() throws {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        try #require(ioctl(master, UInt(0x4004_5431), &unlock) == 0 && ioctl(master, UInt(0x8004_5430), &number) == 0)
        let path = "/dev/pts/\(number)"
        let file = try OutputFile.open(path, name: "--rejects", standardOutput: standardOutput)
        try file.sink.write("x\n")
        try file.commit()
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = read(master, &buffer, buffer.count)
        #expect(count > 0 && buffer[0] == UInt8(ascii: "x"))
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("A path that is an input is refused, however it is written")
    func sameAsInput() throws {
        let directory = try TemporaryDirectory()
        try directory.write("in.csv", "tp\n1\n")
        let input = try InputSource.open(directory.file("in.csv"), name: "--input")
        symlink("in.csv", directory.file("alias.csv"))
        link(directory.file("in.csv"), directory.file("hard.csv"))
        let inputs = [try #require(input.identity)]
        for spelling in [directory.file("in.csv"), directory.path + "/./in.csv", directory.file("alias.csv"), directory.file("hard.csv")] {
            #expect(throws: IOError.self, "\(spelling)") {
                try OutputFile.open(spelling, name: "--rejects", refusing: inputs, standardOutput: standardOutput)
            }
        }
        #expect(directory.read("in.csv") == "tp\n1\n")
    }

    @Test("A directory and an empty path are refused; a missing directory is an open error")
    func refusals() throws {
        let directory = try TemporaryDirectory()
        #expect { try OutputFile.open(directory.path, name: "--output", standardOutput: standardOutput) } throws: { error in
            (error as? IOError)?.kind == .refused
        }
        #expect { try OutputFile.open("", name: "--output", standardOutput: standardOutput) } throws: { error in
            (error as? IOError)?.kind == .refused
        }
        #expect { try OutputFile.open(directory.file("no/such/dir.svg"), name: "--output", standardOutput: standardOutput) } throws: { error in
            (error as? IOError)?.kind == .open
        }
    }

    @Test("A read-only file: refused for an ordinary user, replaced keeping 0444 for root (as the shell's > would)")
    func readOnly() throws {
        let directory = try TemporaryDirectory()
        try directory.write("locked.txt", "old", mode: 0o444)
        if getuid() == 0 {
            let file = try OutputFile.open(directory.file("locked.txt"), name: "--output", standardOutput: standardOutput)
            try file.sink.write("new")
            try file.commit()
            #expect(directory.read("locked.txt") == "new" && directory.mode("locked.txt") == 0o444)
        } else {
            #expect(throws: IOError.self) { try OutputFile.open(directory.file("locked.txt"), name: "--output", standardOutput: standardOutput) }
            #expect(directory.read("locked.txt") == "old")
        }
    }

    @Test("- is standard output: no file named '-' is made")
    func dash() throws {
        let directory = try TemporaryDirectory()
        let previous = FileManager.default.currentDirectoryPath
        #expect(FileManager.default.changeCurrentDirectoryPath(directory.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let file = try OutputFile.open("-", name: "--output", standardOutput: standardOutput)
        try file.sink.write("to stdout")
        try file.commit()
        #expect(standardOutput.text == "to stdout")
        #expect(file.path == nil && directory.names.isEmpty)
    }
}
