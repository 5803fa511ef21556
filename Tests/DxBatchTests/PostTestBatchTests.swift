import DxBatch
import DxIO
import Testing

/// The post-test engine as one library call.
@Suite("PostTestBatch")
struct PostTestBatchTests {
    func run(_ text: String) throws -> (BatchSummary, [String], [String]) {
        let output = OutputSink.memory(), rejects = OutputSink.memory()
        let summary = try PostTestBatch.run(input: InputSource(text: text), settings: .init(), output: output, rejects: RejectLog(sink: rejects))
        return (summary, lines(output), lines(rejects))
    }

    @Test("Odds 1e308:1e308 are 50 %; hex floats, nan and inf are rejects; a lone limit is a reject")
    func numbers() throws {
        let (summary, output, rejects) = try run(
            "id,pretest,lr,lr_lower\nodds,1e308:1e308,1,\nhex,0x0.8p0,2,\nhexlr,0.3,0x10,\nnan,0.3,nan,\ninf,0.3,inf,\nlone,0.3,2,1\n")
        #expect(summary == BatchSummary(read: 6, written: 1, rejected: 5))
        let header = output[0].split(separator: ",", omittingEmptySubsequences: false)
        let posttest = try #require(header.firstIndex(of: "posttest"))
        #expect(output[1].split(separator: ",", omittingEmptySubsequences: false)[posttest] == "0.5")
        #expect(rejects[0].hasPrefix("line 3: pretest (0x0.8p0)"))
        #expect(rejects[1].hasPrefix("line 4: lr (0x10)"))
        #expect(rejects[2].hasPrefix("line 5: lr (nan)") && rejects[3].hasPrefix("line 6: lr (inf)"))
        #expect(rejects[4].hasPrefix("line 7:"))
    }

    @Test("No negative zero: a pretest of -0 is written as 0")
    func negativeZero() throws {
        let (_, output, _) = try run("pretest,lr\n-0,2\n")
        let header = output[0].split(separator: ",", omittingEmptySubsequences: false)
        let row = output[1].split(separator: ",", omittingEmptySubsequences: false)
        let posttest = try #require(header.firstIndex(of: "posttest"))
        #expect(row[posttest] == "0" && row[posttest + 1] == "0" && row[posttest + 2] == "0")
    }

    @Test("A header without pretest, or without lr and counts, is an error naming what is missing")
    func header() throws {
        #expect(throws: BatchError.self) { try run("lr\n2\n") }
        #expect { try run("pretest,x\n0.3,2\n") } throws: { error in "\(error)".contains("needs 'lr'") }
    }
}
