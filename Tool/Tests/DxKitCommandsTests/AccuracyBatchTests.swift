import Foundation
import Testing

/// `dxkit accuracy --input`: streaming CSV in and out.
@Suite("dxkit accuracy --input")
struct AccuracyBatchTests {
    static let input = #"""
        id,tp,fp,fn,tn,site
        1,42,3,6,27,"Stanmore, UK"
        2,670,202,74,640,"epiR ""Example 1"""
        3,-1,2,3,4,bad
        4,1.5,2,3,4,bad
        5,0,0,0,0,empty
        6,20,5,0,45,zero

        7,1,2,3
        """#

    func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").map { line in
            // The test input's quoted fields contain no line breaks; a small splitter suffices here.
            var fields: [String] = [], field = "", quoted = false
            var characters = Array(line)
            var index = 0
            while index < characters.count {
                let character = characters[index]
                if quoted {
                    if character == "\"" {
                        if index + 1 < characters.count && characters[index + 1] == "\"" { field.append("\""); index += 1 } else { quoted = false }
                    } else {
                        field.append(character)
                    }
                } else if character == "," {
                    fields.append(field); field = ""
                } else if character == "\"" {
                    quoted = true
                } else {
                    field.append(character)
                }
                index += 1
            }
            fields.append(field)
            characters.removeAll()
            return fields
        }
    }

    @Test("Rows in input order, extra columns carried through, rejects with line numbers, a summary, exit 65")
    func batch() throws {
        let run = try CommandLineRun.run(["accuracy", "--input", "-"], input: Self.input)
        #expect(run.status == 65)
        let output = rows(run.standardOutput)
        #expect(output.count == 4)  // header + 3 good rows
        let header = output[0]
        #expect(Array(header.prefix(6)) == ["id", "tp", "fp", "fn", "tn", "site"])
        #expect(header.last == "notes")
        #expect(output.dropFirst().map { $0[0] } == ["1", "2", "6"])
        #expect(output[1][5] == "Stanmore, UK" && output[2][5] == "epiR \"Example 1\"")
        // epiR 2.0.57 epi.tests (Wilson) for 670/202/74/640: Se 0.8769319125–0.9200284498 (validation V1).
        let sensitivityLower = try #require(header.firstIndex(of: "sensitivity_lower"))
        #expect(abs(Double(output[2][sensitivityLower])! - 0.8769319125) < 1e-10)
        // V7 zero cell: LR− upper by Koopman 0.1792924388; LR+ 10.
        let negativeUpper = try #require(header.firstIndex(of: "negativeLikelihoodRatio_upper"))
        #expect(abs(Double(output[3][negativeUpper])! - 0.1792924388) < 1e-9)
        #expect(output[3].last?.contains("Koopman") == true)
        for expected in [
            "line 4: tp (-1)", "line 5: tp (1.5)", "line 6: the 2×2 table is empty", "line 9: 4 fields",
            "7 rows read, 3 written, 4 rejected",
        ] {
            #expect(run.standardError.contains(expected), "\(expected): \(run.standardError)")
        }
    }

    @Test("--rejects writes rejected rows to a file; --format json writes JSON lines; no nan or inf")
    func rejectsAndJSON() throws {
        let rejects = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-rejects-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: rejects) }
        let run = try CommandLineRun.run(["accuracy", "--input", "-", "--rejects", rejects.path, "--format", "json"], input: Self.input)
        #expect(run.status == 65)
        let rejected = try String(contentsOf: rejects, encoding: .utf8)
        #expect(rejected.split(separator: "\n").count == 4 && rejected.contains("line 4:"))
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["sensitivity"] != nil && object["input"] != nil)
        }
        #expect(!run.standardOutput.lowercased().contains("nan") && !run.standardOutput.contains("inf"))
    }

    @Test("Batch values equal the single-table command's")
    func sameAsSingle() throws {
        let batch = try CommandLineRun.run(["accuracy", "--input", "-", "--ci", "jeffreys", "--lr-ci", "koopman"], input: "tp,fp,fn,tn\n39,2,9,28\n")
        #expect(batch.status == 0)
        let single = try CommandLineRun.run([
            "accuracy", "--tp", "39", "--fp", "2", "--fn", "9", "--tn", "28", "--ci", "jeffreys",
            "--lr-ci", "koopman", "--format", "csv",
        ])
        let batchRow = rows(batch.standardOutput)
        let header = batchRow[0], values = batchRow[1]
        for line in rows(single.standardOutput).dropFirst() {
            let key = line[0]
            #expect(values[header.firstIndex(of: key)!] == line[1], "\(key)")
            #expect(values[header.firstIndex(of: key + "_lower")!] == line[2], "\(key) lower")
            #expect(values[header.firstIndex(of: key + "_upper")!] == line[3], "\(key) upper")
        }
    }

    @Test("A header without the count columns is an error naming the missing column")
    func badHeader() throws {
        let run = try CommandLineRun.run(["accuracy", "--input", "-"], input: "a,b,c\n1,2,3\n")
        #expect(run.status == 64 && run.standardError.contains("'tp'"))
        let both = try CommandLineRun.run(["accuracy", "--input", "-", "--tp", "3"], input: "tp,fp,fn,tn\n1,2,3,4\n")
        #expect(both.status == 64)
    }
}
