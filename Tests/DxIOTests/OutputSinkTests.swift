import DxIO
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every write checked: ENOSPC and EPIPE are errors that stop the work, never a crash.
@Suite("OutputSink and InputSource")
struct OutputSinkTests {
    @Test("/dev/full: the first flush fails with ENOSPC, and every later write fails the same way")
    func fullDevice() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let sink = OutputSink(descriptor: descriptor, name: "standard output")
        try sink.write("buffered, not yet written\n")
        #expect { try sink.flush() } throws: { error in
            (error as? IOError).map { $0.code == ENOSPC && $0.kind == .write && $0.description.hasPrefix("standard output: cannot write") } == true
        }
        #expect(throws: IOError.self) { try sink.write("more") }
        #expect(sink.firstFailure?.code == ENOSPC)
    }

    @Test("A closed pipe is EPIPE (SIGPIPE ignored), reported as the reader having gone")
    func brokenPipe() throws {
        StandardStreams.ignoreBrokenPipeSignal()
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        let sink = OutputSink(descriptor: ends[1], name: "standard output", buffering: .none)
        #expect { try sink.write("x") } throws: { error in
            (error as? IOError).map { $0.isBrokenPipe && $0.description.contains("the reader closed it") } == true
        }
    }

    @Test("Buffering: block buffers until full, line writes at each line break, none writes at once")
    func buffering() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        func available() -> String {
            var buffer = [UInt8](repeating: 0, count: 1024)
            let count = read(ends[0], &buffer, buffer.count)
            return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        }
        let block = OutputSink(descriptor: ends[1], name: "out", buffering: .block(8))
        try block.write("1234")
        #expect(available() == "")
        try block.write("56789")
        #expect(available() == "1234")
        try block.flush()
        #expect(available() == "56789")
        let line = OutputSink(descriptor: ends[1], name: "out", buffering: .line)
        try line.write("a\nb")
        #expect(available() == "a\n")
        try line.flush()
        #expect(available() == "b")
    }

    @Test("A memory sink with a limit fails like a full disk")
    func memoryLimit() throws {
        let sink = OutputSink.memory(limit: 4)
        try sink.write("abc")
        #expect(throws: IOError.self) { try sink.write("de") }
        #expect(sink.text == "abcd")
    }

    @Test("Inputs: a directory is refused, a missing file is an open error, /proc/self/mem is a read error")
    func inputs() throws {
        #expect { try InputSource.open("/tmp", name: "--input") } throws: { error in (error as? IOError)?.kind == .refused }
        #expect { try InputSource.open("/no/such/file.csv", name: "--input") } throws: { error in
            (error as? IOError).map { $0.kind == .open && $0.description.hasPrefix("--input (/no/such/file.csv): cannot open") } == true
        }
        if FileManager.default.fileExists(atPath: "/proc/self/mem") {
            let memory = try InputSource.open("/proc/self/mem", name: "--input")
            var buffer = [UInt8](repeating: 0, count: 16)
            #expect { try buffer.withUnsafeMutableBytes { try memory.read(into: $0) } } throws: { error in (error as? IOError)?.kind == .read }
        }
    }

    @Test("Short reads (a pipe) deliver every byte")
    func shortReads() throws {
        let source = InputSource(bytes: Array("hello, world".utf8), maximumReadSize: 3)
        var collected: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            #expect(count <= 3)
            collected += buffer[..<count]
        }
        #expect(String(decoding: collected, as: UTF8.self) == "hello, world")
    }

    @Test("File identity is device and inode: a link and another spelling are the same file")
    func identity() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.txt", "a")
        symlink("a.txt", directory.file("b.txt"))
        let first = try #require(FileIdentity(path: directory.file("a.txt")))
        #expect(FileIdentity(path: directory.file("b.txt"))?.isSameFile(as: first) == true)
        #expect(FileIdentity(path: directory.path + "//a.txt")?.isSameFile(as: first) == true)
        #expect(first.kind == .regular)
    }
}
