import Foundation
import Testing

@testable import DxKitCommands

/// `dxkit posttest` with several signs.
@Suite("dxkit posttest with several signs")
struct CombinedPostTestCommandTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        var command = try #require(try DxKit.parseAsRoot(["posttest"] + arguments + ["--format", "json"]) as? RenderingCommand)
        return try #require(try JSONSerialization.jsonObject(with: Data(command.renderOutput().utf8)) as? [String: Any])
    }

    static let bothSigns = ["--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=positive"]

    @Test("JSON: pretest, likelihoodRatio, posttest, dependence, gate, signs, monteCarlo, evidence")
    func contract() throws {
        let result = try json(Self.bothSigns)
        for key in ["pretest", "likelihoodRatio", "posttest", "dependence", "gate", "signs", "monteCarlo", "evidence", "level"] {
            #expect(result[key] != nil, "missing \(key)")
        }
        // Independence: 8.75 × 12.1875 = 106.640625 (hand arithmetic from the Langdon counts).
        let ratio = try #require(result["likelihoodRatio"] as? [String: Any])
        #expect(abs((ratio["estimate"] as! Double) - 106.640625) < 1e-10)
        let dependence = try #require(result["dependence"] as? [String: Any])
        #expect(dependence["model"] as? String == "unknown")
        let range = try #require(dependence["likelihoodRatio"] as? [String: Any])
        #expect(abs((range["lower"] as! Double) - 10.3125) < 1e-12)  // (33/48)/(2/30)
        #expect(range["upper"] is NSNull)  // unbounded
        let gate = try #require(result["gate"] as? [String: Any])
        #expect(["likely", "lessLikely", "indeterminate"].contains(gate["classification"] as? String ?? ""))
        let thresholds = try #require(gate["thresholds"] as? [String: Double])
        #expect(thresholds == ["lower": 0.2, "upper": 0.8])
    }

    @Test("Signs given as counts, Se/Sp or LRs")
    func directSigns() throws {
        let counts = try json(["--pretest", "0.3", "--sign", "counts:42/3/6/27=positive", "--sign", "counts:39/2/9/28=positive"])
        let byId = try json(["--pretest", "0.3"] + Self.bothSigns)
        #expect((counts["posttest"] as? NSDictionary) == (byId["posttest"] as? NSDictionary))
        let exact = try json(["--pretest", "0.3", "--sign", "se-sp:0.875/0.9=positive"])
        // 0.3/0.7 × 8.75 = 3.75 → 0.789473… = 15/19 (hand arithmetic).
        #expect(abs(((exact["posttest"] as! [String: Any])["estimate"] as! Double) - 15.0 / 19.0) < 1e-12)
        let ratios = try json(["--pretest", "0.3", "--sign", "lr:8.75/0.1388888888888889=positive"])
        #expect(abs(((ratios["posttest"] as! [String: Any])["estimate"] as! Double) - 15.0 / 19.0) < 1e-9)
    }

    @Test("--seed reproduces; another seed changes the Monte Carlo limits only")
    func seeds() throws {
        let first = try json(Self.bothSigns + ["--seed", "11"])
        let again = try json(Self.bothSigns + ["--seed", "11"])
        let other = try json(Self.bothSigns + ["--seed", "12"])
        #expect((first["monteCarlo"] as? NSDictionary) == (again["monteCarlo"] as? NSDictionary))
        #expect((first["monteCarlo"] as? NSDictionary) != (other["monteCarlo"] as? NSDictionary))
        #expect((first["posttest"] as? NSDictionary) == (other["posttest"] as? NSDictionary))
    }

    @Test("Correlation, covariance, paired counts and an uncertain pretest reach the computation")
    func models() throws {
        let correlated = try json(["--sign", "closed-fist-percussion=positive", "--sign", "supine-sign=negative", "--correlation", "0.3,0.2"])
        let dependence = try #require(correlated["dependence"] as? [String: Any])
        #expect(dependence["model"] as? String == "correlation")
        // numpy reference (Fixtures/combination.json, correlated): 1.5993705047398699.
        #expect(abs((dependence["modelLikelihoodRatio"] as! Double) - 1.5993705047398699) < 1e-12)
        let paired = try json([
            "--pretest", "0.3", "--sign", "counts:397/84/54/177=positive", "--sign", "counts:341/53/110/208=positive",
            "--paired-counts", "319,78,22,32/31,53,22,155",
        ])
        // statsmodels log ratio for ++: 5.955153422501967 (Fixtures/combination.json).
        #expect(abs(((paired["likelihoodRatio"] as! [String: Any])["estimate"] as! Double) - 5.955153422501967) < 1e-12)
        let uncertain = try json(Self.bothSigns + ["--pretest-beta", "48.5,30.5"])
        let exact = try json(Self.bothSigns)
        let uncertainGate = (uncertain["gate"] as! [String: Any])["probability"] as! [String: Any]
        let exactGate = (exact["gate"] as! [String: Any])["probability"] as! [String: Any]
        #expect((uncertainGate["lower"] as! Double) < (exactGate["lower"] as! Double))
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test(
        "Bad combination input: one line naming the value, exit 64",
        arguments: [
            Bad(arguments: bothSigns + ["--correlation", "0.2,0.99"], mentions: "feasible range"),
            Bad(arguments: bothSigns + ["--correlation", "1.5"], mentions: "1.5"),
            Bad(arguments: bothSigns + ["--covariance", "0.5,0"], mentions: "0.5"),
            Bad(arguments: bothSigns + ["--draws", "10"], mentions: "10"),
            Bad(arguments: bothSigns + ["--draws", "many"], mentions: "many"),
            Bad(arguments: bothSigns + ["--seed", "-4"], mentions: "-4"),
            Bad(arguments: bothSigns + ["--gate", "0.9,0.1"], mentions: "0.9,0.1"),
            Bad(arguments: bothSigns + ["--pretest-beta", "-1,2"], mentions: "-1"),
            Bad(arguments: bothSigns + ["--pretest-range", "0.8:0.2"], mentions: "0.8"),
            Bad(arguments: ["--sign", "closed-fist-percussion=maybe"], mentions: "maybe"),
            Bad(arguments: ["--sign", "closed-fist-percussion"], mentions: "closed-fist-percussion"),
            Bad(arguments: ["--sign", "counts:1/2/3=positive"], mentions: "counts:"),
            Bad(arguments: ["--sign", "se-sp:1.2/0.9=positive"], mentions: "1.2"),
            Bad(arguments: ["--sign", "supine-sign=positive", "--correlation", "0.2"], mentions: "two signs"),
        ])
    func bad(_ input: Bad) throws {
        let run = try CommandLineRun.run(["posttest"] + input.arguments)
        #expect(run.status == 64, "\(run.standardError)")
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(run.standardError.contains(input.mentions), "\(run.standardError)")
    }
}
