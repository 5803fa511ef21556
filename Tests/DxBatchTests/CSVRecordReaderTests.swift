import DxBatch
import DxIO
import Testing

/// CSV records that lose only what is broken.
@Suite("CSVRecordReader")
struct CSVRecordReaderTests {
    @Test("Quoted fields with commas, doubled quotes and line breaks; blank lines skipped")
    func quoted() throws {
        let result = try records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\n", expected: 2)
        #expect(
            result == [
                .fields(["a", "b"], line: 1), .fields(["x, y", "say \"hi\""], line: 2), .fields(["two\nlines", "z"], line: 4),
            ])
    }

    @Test("An unclosed quote at line 3 of many rows is one reject; every other row is read", arguments: [5, 4096, .max])
    func unclosedQuote(readSize: Int) throws {
        var text = "id,tp\n1,2\n2,\"3\n"
        for row in 3...20_000 { text += "\(row),\(row)\n" }
        let result = try records(text, expected: 2, readSize: readSize)
        #expect(result.count == 20_001)
        guard case .rejected(3, let reason) = result[2] else {
            Issue.record("line 3 was not rejected: \(result[2])")
            return
        }
        #expect(reason.contains("not closed") && reason.contains("resumes at line 4"))
        #expect(result[3] == .fields(["3", "3"], line: 4))
        #expect(result.last == .fields(["20000", "20000"], line: 20_001))
    }

    @Test("A quote closed several lines later into the wrong number of fields: only its first line is rejected")
    func wrongFieldCountAcrossLines() throws {
        let result = try records("id,tp,site\n1,\"x,3\n2,4,ok\n3,5,\"Stanmore, UK\"\n4,6,fine\n", expected: 3)
        #expect(result.count == 5)
        guard case .rejected(2, let reason) = result[1] else {
            Issue.record("\(result[1])")
            return
        }
        #expect(reason.contains("resumes at line 3"))
        #expect(result[2] == .fields(["2", "4", "ok"], line: 3))
        #expect(result[3] == .fields(["3", "5", "Stanmore, UK"], line: 4))
        #expect(result[4] == .fields(["4", "6", "fine"], line: 5))
    }

    @Test("A quoted field still open at the record limit: one reject, reading resumes at the next line")
    func recordLimit() throws {
        let limits = BatchLimits(maximumLineBytes: 64)
        var text = "a\n\"open\n"
        for row in 1...30 { text += "row \(row)\n" }
        let result = try records(text, limits: limits, expected: 1)
        #expect(result.count == 32)
        guard case .rejected(2, let reason) = result[1] else {
            Issue.record("\(result[1])")
            return
        }
        #expect(reason.contains("within 64 bytes"))
        #expect(result[2] == .fields(["row 1"], line: 3))
    }

    @Test("Too many fields, a line over the limit and invalid UTF-8 are rejects naming the line; the reader goes on")
    func rejects() throws {
        let limits = BatchLimits(maximumLineBytes: 100, maximumFields: 4)
        let long = String(repeating: "9", count: 500)
        var bytes = Array("a,b\n1,2,3,4,5\n\(long)\n".utf8)
        bytes += Array("x,".utf8) + [0xFF, 0xFE] + Array("\nok,fine\n".utf8)
        var reader = CSVRecordReader(source: InputSource(bytes: bytes), limits: limits)
        #expect(try reader.next() == .fields(["a", "b"], line: 1))
        var reasons: [Int: String] = [:]
        var last: CSVRecordReader.Record?
        while let record = try reader.next(expectedFieldCount: 2) {
            if case .rejected(let line, let reason) = record { reasons[line] = reason }
            last = record
        }
        #expect(reasons[2]?.contains("more than 4 fields") == true)
        #expect(reasons[3]?.contains("500 bytes long, over the limit of 100 bytes") == true)
        #expect(reasons[4]?.contains("not valid UTF-8") == true)
        #expect(last == .fields(["ok", "fine"], line: 5))
    }
}
