import Foundation
import Testing

/// `dxkit meta` and `dxkit posttest --meta`, run as a user runs them.
@Suite("dxkit meta")
struct MetaCommandTests {
    static let root = Repository.root
    static let kearon = root.appendingPathComponent("Notebooks-md/kearon-1998-symptomatic.csv").path

    static let small = """
        study,tp,fp,fn,tn,country
        A,45,8,5,92,UK
        B,30,12,10,88,"Korea, South"
        C,60,5,3,70,China
        D,22,14,9,51,UK
        E,81,20,6,130,US
        """

    /// "nan" or "inf" as a word (not inside "Cronan").
    static func hasNonFinite(_ text: String) -> Bool {
        text.range(of: #"\b(nan|inf|infinity)\b"#, options: [.regularExpression, .caseInsensitive]) != nil
    }

    @Test("The report names the model, the pooled values and the correction")
    func report() throws {
        let run = try CommandLineRun.run(["meta", "--input", Self.kearon])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Pooled sensitivity:  89.2 % (95 % CI 84.2 % – 92.7 %)"))
        #expect(run.standardOutput.contains("Continuity correction: 0.5 added to all four cells of the 6 studies with a zero cell"))
        #expect(run.standardOutput.contains("Model: REML (Reitsma et al. 2005)"))
        #expect(run.standardError == "dxkit: 16 rows read, 16 studies used, 0 rejected\n")
        #expect(!Self.hasNonFinite(run.standardOutput))
    }

    @Test("JSON is the encoded result with the issue's keys; extra columns are carried through")
    func json() throws {
        let run = try CommandLineRun.run(["meta", "--input", "-", "--format", "json"], input: Self.small)
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        for key in [
            "model", "studies", "logitSensitivity", "logitSpecificity", "tau2Sensitivity", "tau2Specificity", "correlation", "logLikelihood",
            "sensitivity", "specificity", "predictionRegion", "hsroc", "converged", "notes",
        ] {
            #expect(object[key] != nil, "key \(key)")
        }
        #expect(object["model"] as? String == "reitsma")
        #expect(object["converged"] as? Bool == true)
        let studies = try #require(object["studies"] as? [[String: Any]])
        let columns = try #require(studies[1]["columns"] as? [[String: String]])
        #expect(columns == [["name": "country", "value": "Korea, South"]])
    }

    @Test("CSV: one row per study with the carried columns")
    func csv() throws {
        let run = try CommandLineRun.run(["meta", "--input", "-", "--format", "csv"], input: Self.small)
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("study,country,tp,fp,fn,tn,sensitivity,sensitivity_lower,sensitivity_upper,specificity"))
        #expect(lines[2].hasPrefix("B,\"Korea, South\",30,12,10,88,0.75,"))
    }

    @Test("The GLMM says which integration it used")
    func glmm() throws {
        let laplace = try CommandLineRun.run(["meta", "--input", "-", "--model", "glmm"], input: Self.small)
        #expect(laplace.status == 0)
        #expect(laplace.standardOutput.contains("Laplace approximation (as lme4 glmer, nAGQ = 1)"))
        let quadrature = try CommandLineRun.run(["meta", "--input", "-", "--model", "glmm", "--quadrature", "7", "--format", "json"], input: Self.small)
        #expect(quadrature.status == 0)
        #expect(quadrature.standardOutput.contains("adaptive Gauss–Hermite quadrature, 7 points per dimension"))
    }

    @Test("Rejected rows are reported with line numbers; the rest are analysed; exit status 65")
    func rejects() throws {
        let input = Self.small + "\nF,3,-1,2,9,UK\nG,2.5,1,2,9,UK\nA,1,2,3,4,UK\n"
        let run = try CommandLineRun.run(["meta", "--input", "-"], input: input)
        #expect(run.status == 65)
        #expect(run.standardOutput.contains("Meta-analysis of diagnostic accuracy: 5 studies"))
        #expect(
            run.standardError == """
                dxkit: line 7: study "F": FP (-1) must be a whole number ≥ 0
                dxkit: line 8: study "G": TP (2.5) must be a whole number ≥ 0
                dxkit: line 9: study "A" repeats the study on line 2; give each study a distinct name
                dxkit: 8 rows read, 5 studies used, 3 rejected

                """)
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let input: String?
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(
        "Bad input: a clear message naming the problem and a non-zero exit",
        arguments: [
            BadInput(
                arguments: ["meta", "--input", "-"], input: "study,tp,fp,fn,tn\nA,1,2,3,4\n", message: "a meta-analysis needs at least two studies (found 1)"),
            BadInput(arguments: ["meta", "--input", "-"], input: "study,tp,fp,tn\nA,1,2,3\n", message: "the header has no 'fn' column"),
            BadInput(arguments: ["meta", "--input", "-", "--correction", "half"], input: small, message: "--correction (half) is not a number"),
            BadInput(arguments: ["meta", "--input", "-", "--correction=-1"], input: small, message: "--correction (-1.0) must be a finite number ≥ 0"),
            BadInput(arguments: ["meta", "--input", "-", "--quadrature", "5"], input: small, message: "--quadrature applies to --model glmm"),
            BadInput(arguments: ["meta", "--input", "-", "--model", "glmm", "--quadrature", "80"], input: small, message: "--quadrature (80)"),
            BadInput(arguments: ["meta"], input: nil, message: "give the studies: --input FILE"),
            BadInput(arguments: ["meta", "--study", "no-such-record"], input: nil, message: "no-such-record"),
            BadInput(arguments: ["meta", "--input", "-", "--correction", "0"], input: small + "\nZ,10,0,3,40,UK", message: "has a zero cell (FP = 0)"),
            BadInput(arguments: ["meta", "--input", "-", "--level", "1.5"], input: small, message: "--level (1.5)"),
        ])
    func badInput(_ bad: BadInput) throws {
        let run = try CommandLineRun.run(bad.arguments, input: bad.input)
        #expect(run.status == 64)
        #expect(run.standardError.contains(bad.message), "\(run.standardError)")
        #expect(!Self.hasNonFinite(run.standardOutput))
    }

    @Test("A fit that does not converge is printed as such and exits 1")
    func notConverged() throws {
        let run = try CommandLineRun.run(["meta", "--input", "-", "--max-iterations", "1"], input: Self.small)
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("NOT CONVERGED"))
        #expect(run.standardError.contains("dxkit: error: the fit did not converge"))
    }

    @Test("Evidence records: an evidence set keeps each study's citation and the set's caveats")
    func evidence() throws {
        let set = try CommandLineRun.run(["meta", "--evidence-set", "sign-pooling-caveat"])
        #expect(set.status == 0)
        #expect(set.standardOutput.contains("5 studies"))
        #expect(set.standardOutput.contains("caveat: Closed-fist percussion: only Langdon"))
        #expect(set.standardOutput.contains("- Back Pain-Inducing Test (BPIT), Jin 2020: Jin H, Ma X, Liu Y, et al."))
        let two = try CommandLineRun.run(["meta", "--study", "supine-sign", "--study", "jin-2020-bpit", "--format", "json"])
        #expect(two.status == 0)
        #expect(two.standardOutput.contains("\"citation\""))
        #expect(two.standardOutput.contains("Only 2 studies"))
    }

    @Test("Pictures: forest and SROC plots as SVG, never NaN")
    func pictures() throws {
        for plot in ["forest", "sroc"] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-meta-\(plot)-\(UUID().uuidString).svg").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let run = try CommandLineRun.run(["meta", "--input", Self.kearon, "--plot", plot, "--output", path])
            #expect(run.status == 0)
            #expect(run.standardOutput.isEmpty)
            let svg = try String(contentsOfFile: path, encoding: .utf8)
            #expect(svg.hasPrefix("<?xml"))
            #expect(svg.contains("</svg>"))
            #expect(!Self.hasNonFinite(svg))
            #expect(svg.contains(plot == "forest" ? "stroke-dasharray=\"7 4\"" : "stroke-dasharray=\"2 4\""))
        }
    }

    @Test("The committed notebook pictures are what dxkit draws today")
    func notebookPictures() throws {
        for (plot, name) in [("forest", "kearon-1998-forest.svg"), ("sroc", "kearon-1998-sroc.svg")] {
            let run = try CommandLineRun.run(["meta", "--input", Self.kearon, "--plot", plot])
            let committed = try String(contentsOf: Self.root.appendingPathComponent("Notebooks-md/pictures/\(name)"), encoding: .utf8)
            #expect(run.standardOutput == committed, "regenerate with scripts/update-notebooks.py")
        }
    }

    @Test("posttest --meta: the pooled estimate and the new-setting interval")
    func posttest() throws {
        let run = try CommandLineRun.run(["posttest", "--meta", Self.kearon, "--pretest", "0.3", "--result", "positive"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Post-test probability:    89.0 % (95 % CI 81.0 % – 94.0 %)"))
        #expect(run.standardOutput.contains("In a new setting:"))
        let json = try CommandLineRun.run(["posttest", "--meta", Self.kearon, "--pretest", "30%", "--result", "negative", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["newSetting"] != nil && object["posttest"] != nil && object["result"] as? String == "negative")
        let missing = try CommandLineRun.run(["posttest", "--meta", Self.kearon, "--pretest", "0.3"])
        #expect(missing.status == 64)
        #expect(missing.standardError.contains("--result (positive or negative) is needed with --meta"))
        let both = try CommandLineRun.run(["posttest", "--meta", Self.kearon, "--pretest", "0.3", "--lr", "3", "--result", "positive"])
        #expect(both.status == 64)
    }
}
