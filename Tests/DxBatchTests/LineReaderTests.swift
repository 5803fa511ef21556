import DxBatch
import DxIO
import Testing

/// Lines in constant memory: a BOM skipped, CRLF, an over-long line one
/// skipped line (never kept), a NUL byte the end of a text input.
@Suite("LineReader")
struct LineReaderTests {
    func read(_ bytes: [UInt8], limit: Int = 1 << 20, readSize: Int = .max) throws -> [LineReader.Line] {
        var reader = LineReader(source: InputSource(bytes: bytes, maximumReadSize: readSize), limits: BatchLimits(maximumLineBytes: limit))
        var lines: [LineReader.Line] = []
        while let line = try reader.next() { lines.append(line) }
        return lines
    }

    @Test("A byte-order mark at the start is skipped, even when it arrives a byte at a time; CRLF and a last line without a break", arguments: [1, 2, 3, .max])
    func bom(readSize: Int) throws {
        let lines = try read([0xEF, 0xBB, 0xBF] + Array("tp,fp\r\n1,2\r\n3,4".utf8), readSize: readSize)
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["tp,fp", "1,2", "3,4"])
        #expect(lines.map(\.number) == [1, 2, 3])
        // A BOM later in the input is data, not skipped.
        let later = try read(Array("a\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("b".utf8))
        #expect(later[1].bytes.count == 4)
    }

    @Test("A line over the limit is reported with its length and no bytes; the next line is read normally", arguments: [7, 1000, .max])
    func overLimit(readSize: Int) throws {
        let long = String(repeating: "x", count: 5000)
        let lines = try read(Array("short\n\(long)\nafter\n\(long)".utf8), limit: 100, readSize: readSize)
        #expect(lines.count == 4)
        #expect(lines[1].overLimitLength == 5000 && lines[1].bytes.isEmpty && lines[1].number == 2)
        #expect(String(decoding: lines[2].bytes, as: UTF8.self) == "after" && lines[2].number == 3)
        #expect(lines[3].overLimitLength == 5000)
    }

    @Test("A NUL byte stops reading: the input is not text, and the line is named")
    func nul() throws {
        #expect(throws: BatchError.notText(line: 3)) { try read(Array("a\nb\nc\u{0}d\n".utf8)) }
        #expect(BatchError.notText(line: 1).description.contains("not text"))
    }

    @Test("An input like /dev/zero ends at once instead of growing")
    func zeros() throws {
        #expect(throws: BatchError.notText(line: 1)) { try read([UInt8](repeating: 0, count: 3 << 20)) }
    }
}
