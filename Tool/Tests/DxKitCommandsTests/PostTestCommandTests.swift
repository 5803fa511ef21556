import Foundation
import Testing

@testable import DxKitCommands

@Suite("dxkit posttest")
struct PostTestCommandTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        var command = try #require(try DxKit.parseAsRoot(arguments + ["--format", "json"]) as? RenderingCommand)
        return try #require(try JSONSerialization.jsonObject(with: Data(command.renderOutput().utf8)) as? [String: Any])
    }

    @Test("--pretest accepts 0.3, 30% and odds 3:7 alike", arguments: ["0.3", "30%", "3:7", " 30 % "])
    func pretestForms(pretest: String) throws {
        let result = try json(["posttest", "--pretest", pretest, "--lr", "8.75"])
        #expect(abs((result["pretest"] as! Double) - 0.3) < 1e-15)
        let posttest = try #require(result["posttest"] as? [String: Any])
        // 0.3/0.7 × 8.75 = 3.75 → 3.75/4.75 = 0.78947368421… (hand arithmetic, = 15/19).
        #expect(abs((posttest["estimate"] as! Double) - 15.0 / 19.0) < 1e-14)
    }

    @Test("Odds 1:3 mean 0.25")
    func oddsOneToThree() throws {
        #expect(abs((try json(["posttest", "--pretest", "1:3", "--lr", "1"])["pretest"] as! Double) - 0.25) < 1e-15)
    }

    @Test("From a 2×2 table: Schwartz testcalc V5 (prior 51/284)")
    func fromTable() throws {
        let result = try json([
            "posttest", "--pretest", "\(51.0 / 284.0)", "--tp", "40", "--fp", "21", "--fn", "11", "--tn", "212",
            "--result", "positive",
        ])
        let likelihoodRatio = try #require(result["likelihoodRatio"] as? [String: Any])
        #expect(abs((likelihoodRatio["estimate"] as! Double) - 8.7021475) < 1e-7)
        let posttest = try #require(result["posttest"] as? [String: Any])
        #expect(abs((posttest["estimate"] as! Double) - 0.6557377) < 1e-7)
        #expect(abs((posttest["lower"] as! Double) - 0.55273927) < 1e-8)
        #expect(abs((posttest["upper"] as! Double) - 0.74592003) < 1e-8)
        #expect(posttest["method"] as? String == "logit")
    }

    @Test("A given LR interval is carried through; the order of limits is checked")
    func givenInterval() throws {
        let result = try json(["posttest", "--pretest", "0.5", "--lr", "4", "--lr-lower", "2", "--lr-upper", "8"])
        let posttest = try #require(result["posttest"] as? [String: Any])
        // Pretest odds 1: post-test = LR/(1 + LR): 4/5, 2/3, 8/9 (hand arithmetic).
        #expect(abs((posttest["estimate"] as! Double) - 0.8) < 1e-15)
        #expect(abs((posttest["lower"] as! Double) - 2.0 / 3.0) < 1e-15)
        #expect(abs((posttest["upper"] as! Double) - 8.0 / 9.0) < 1e-15)
    }
}
