import DxBatch
import DxIO
import DxStats
import Testing

/// The accuracy engine as one library call.
@Suite("AccuracyBatch")
struct AccuracyBatchTests {
    func run(_ text: String, settings: AccuracyBatch.Settings = .init(), output: OutputSink = .memory()) throws -> (
        BatchSummary, OutputSink, OutputSink
    ) {
        let rejects = OutputSink.memory()
        let summary = try AccuracyBatch.run(input: InputSource(text: text), settings: settings, output: output, rejects: RejectLog(sink: rejects))
        return (summary, output, rejects)
    }

    @Test("Rows in order, bad rows rejected with their line, read = written + rejected")
    func basic() throws {
        let (summary, output, rejects) = try run("id,tp,fp,fn,tn\n1,42,3,6,27\n2,-1,2,3,4\n3,0,0,0,0\n4,20,5,0,45\n")
        #expect(summary == BatchSummary(read: 4, written: 2, rejected: 2))
        #expect(lines(output).count == 3 && lines(output)[1].hasPrefix("1,42,3,6,27,0.875,"))
        #expect(
            lines(rejects) == [
                "line 3: tp (-1) must be a whole number ≥ 0", "line 4: the 2×2 table is empty (tp, fp, fn and tn are all 0): nothing to estimate",
            ])
    }

    @Test("An unclosed quote at line 3 of a large file loses that row only", arguments: [ProportionIntervalMethod.wilson, .clopperPearson])
    func unclosedQuote(method: ProportionIntervalMethod) throws {
        var text = "id,tp,fp,fn,tn\n1,1,2,3,4\n2,\"1,2,3,4\n"
        for row in 3...10_000 { text += "\(row),\(row % 50),3,6,27\n" }
        let (summary, output, rejects) = try run(text, settings: .init(proportionMethod: method))
        #expect(summary == BatchSummary(read: 10_000, written: 9_999, rejected: 1))
        #expect(summary.read == summary.written + summary.rejected)
        #expect(lines(output).count == 10_000)
        #expect(lines(output).dropFirst().map { $0.prefix { $0 != "," } } == ["1"] + (3...10_000).map { Substring("\($0)") })
        #expect(lines(rejects).count == 1 && lines(rejects)[0].hasPrefix("line 3: a quoted field is not closed"))
    }

    @Test("A byte-order mark before the header is skipped; duplicate column names are an error")
    func header() throws {
        let (summary, _, _) = try run("\u{FEFF}tp,fp,fn,tn\n1,2,3,4\n")
        #expect(summary.written == 1)
        #expect { try run("tp,fp,fn,tn,TP\n1,2,3,4,5\n") } throws: { error in
            (error as? BatchError)?.description.contains("names the column 'TP' twice (columns 1 and 5)") == true
        }
        #expect { try run("tp,fp,fn\n1,2,3\n") } throws: { error in
            (error as? BatchError) == .missingColumn("tn", found: ["tp", "fp", "fn"])
        }
        #expect(throws: BatchError.empty(expected: "a header with tp,fp,fn,tn")) { try run("") }
        // Empty names (trailing commas of a spreadsheet) may repeat.
        #expect(try run("tp,fp,fn,tn,,\n1,2,3,4,,\n").0.written == 1)
    }

    @Test("Cells a spreadsheet would run are neutralised, numbers are not; raw leaves them")
    func formulas() throws {
        let text = "id,tp,fp,fn,tn,=cmd\n=1+1,1,2,3,4,+cmd|' /C calc'!A0\n@SUM(A1),1,2,3,4,-2+3\n-1.5,1,2,3,4,=HYPERLINK(\"x\")\n"
        let (_, output, _) = try run(text)
        let shown = lines(output)
        #expect(shown[0].hasPrefix("id,tp,fp,fn,tn,'=cmd,"))
        #expect(shown[1].hasPrefix("'=1+1,1,2,3,4,'+cmd|' /C calc'!A0,"))
        #expect(shown[2].hasPrefix("'@SUM(A1),1,2,3,4,'-2+3,"))
        #expect(shown[3].hasPrefix("-1.5,1,2,3,4,\"'=HYPERLINK(\"\"x\"\")\","))
        let (_, raw, _) = try run(text, settings: .init(formulaSafety: .raw))
        #expect(lines(raw)[1].hasPrefix("=1+1,1,2,3,4,+cmd|' /C calc'!A0,"))
    }

    @Test("A reason holding a line break or an escape cannot forge a reject line")
    func forgedRejects() throws {
        let (_, _, rejects) = try run("tp,fp,fn,tn\n\"1\nline 99: forged\",2,3,4\n5,6,7,x\u{1B}[31m\n")
        #expect(lines(rejects).count == 2)
        #expect(lines(rejects)[0].hasPrefix("line 2: tp (1\\u{A}line 99: forged)"))
        #expect(lines(rejects)[1].contains("\\u{1B}[31m"))
    }

    @Test("A full output stops the batch with an I/O error, never a silent success")
    func fullOutput() throws {
        var text = "tp,fp,fn,tn\n"
        for _ in 0..<5000 { text += "42,3,6,27\n" }
        #expect { try run(text, output: .memory(limit: 10_000)) } throws: { error in
            (error as? BatchError)?.isInputOutputFailure == true
        }
    }

    @Test("JSON lines: input columns under 'input', empty names keyed by position")
    func jsonLines() throws {
        let (_, output, _) = try run("tp,fp,fn,tn,\n42,3,6,27,x\n", settings: .init(format: .jsonLines))
        #expect(lines(output).count == 1)
        #expect(lines(output)[0].hasPrefix(#"{"input":{"tp":"42","fp":"3","fn":"6","tn":"27","column 5":"x"},"#))
    }
}
