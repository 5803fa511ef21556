import Foundation
import Testing

/// `dxkit posttest --input`: one post-test probability per CSV row.
@Suite("dxkit posttest --input")
struct PostTestBatchTests {
    @Test("Given LRs and 2×2 tables, extra columns carried, bad rows rejected with line numbers")
    func batch() throws {
        let input = """
            id,pretest,lr,lr_lower,lr_upper,tp,fp,fn,tn,result
            a,0.3,8.75,,,,,,,
            b,0.17957746,,,,40,21,11,212,positive
            c,1.5,2,,,,,,,
            d,0.1,,,,20,5,0,45,negative
            e,1:3,4,2,8,,,,,
            f,0.3,,,,1,2,3,4,maybe
            """
        let run = try CommandLineRun.run(["posttest", "--input", "-"], input: input)
        #expect(run.status == 65)
        let lines = run.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == 5)
        let header = lines[0]
        let estimate = try #require(header.firstIndex(of: "posttest")), lower = try #require(header.firstIndex(of: "posttest_lower"))
        #expect(lines.dropFirst().map { $0[0] } == ["a", "b", "d", "e"])
        // 0.3 with LR 8.75: 15/19 (hand arithmetic).
        #expect(abs(Double(lines[1][estimate])! - 15.0 / 19.0) < 1e-15)
        // Schwartz testcalc V5: post-test + 0.6557377 (0.55273927–0.74592003) at prior 51/284.
        #expect(abs(Double(lines[2][estimate])! - 0.6557377) < 1e-6)
        #expect(abs(Double(lines[2][lower])! - 0.55273927) < 1e-6)
        // 1:3 = 0.25, LR 4 (2–8): odds 4/3 → 4/7; 2/3 → 0.4; 8/3 → 8/11 (hand arithmetic).
        #expect(abs(Double(lines[4][estimate])! - 4.0 / 7.0) < 1e-15)
        #expect(abs(Double(lines[4][lower])! - 0.4) < 1e-15)
        #expect(run.standardError.contains("line 4: pretest (1.5)"))
        #expect(run.standardError.contains("line 7: result (maybe)"))
        #expect(run.standardError.contains("6 rows read, 4 written, 2 rejected"))
    }

    @Test("A header without pretest is an error naming it")
    func header() throws {
        let run = try CommandLineRun.run(["posttest", "--input", "-"], input: "lr\n2\n")
        #expect(run.status == 64 && run.standardError.contains("'pretest'"))
    }
}
