import Foundation
import Testing

@testable import DxEvidence
@testable import DxStats

/// Numbers the records derive from reported ones are re-derived here from
/// the source's own figures (evidence-research.md), not read back from the records.
@Suite("Derived numbers re-derived")
struct DerivedNumbersTests {
    let base = try! EvidenceBase.builtIn()

    @Test("Langdon 2011 abstract: 48 acute and 30 not; FN and TN by subtraction")
    func langdon() throws {
        // Abstract: 78 analysed, 48 acute on MR. CFP: 42 of 45 positives acute, 6 acute negatives.
        // Supine: 39 of 41 positives acute, 9 acute negatives.
        let (_, percussion) = try base.diagnosticStudy("closed-fist-percussion")
        #expect(percussion.truePositives == 42 && percussion.falsePositives == 45 - 42)
        #expect(percussion.falseNegatives == 48 - 42 && percussion.trueNegatives == (78 - 48) - (45 - 42))
        let (_, supine) = try base.diagnosticStudy("supine-sign")
        #expect(supine.truePositives == 39 && supine.falsePositives == 41 - 39)
        #expect(supine.falseNegatives == 48 - 39 && supine.trueNegatives == (78 - 48) - (41 - 39))
        // The paper's percentages: 87.5 %/90 % and 81.25 %/93.33 %.
        #expect(Double(percussion.truePositives) / 48 == 0.875 && Double(percussion.trueNegatives) / 30 == 0.9)
        #expect(Double(supine.truePositives) / 48 == 0.8125 && abs(Double(supine.trueNegatives) / 30 - 0.9333) < 5e-5)
        let preset = try base.pretestPreset("suspected-acute-vcf")
        #expect(preset.events == 48 && preset.total == 78)
        #expect(abs(preset.probability! - 48.0 / 78.0) < 5e-4)
    }

    /// Every 2×2 with `total` patients whose rounded figures match; the
    /// records claim each reconstruction is the unique one.
    func solutions(total: Int, diseased: Int?, matching check: (Int, Int, Int, Int) -> Bool) -> [[Int]] {
        var found: [[Int]] = []
        for withCondition in (diseased.map { [$0] } ?? Array(0...total)) {
            for tp in 0...withCondition {
                for fp in 0...(total - withCondition) where check(tp, fp, withCondition - tp, total - withCondition - fp) {
                    found.append([tp, fp, withCondition - tp, total - withCondition - fp])
                }
            }
        }
        return found
    }

    func rounds(_ value: Double, to reported: Double, decimals: Double) -> Bool {
        abs(value - reported) <= 0.5 * pow(10, -decimals) + 1e-12
    }

    @Test("Jin 2020 BPIT: 342/53/3/112 is the unique table for n = 510 and the five reported figures")
    func jin() throws {
        // Abstract: sensitivity 99.1 %, specificity 67.9 %, accuracy 89.0 %, PPV 86.6 %, NPV 97.4 %.
        let found = solutions(total: 510, diseased: nil) { a, b, c, d in
            a + c > 0 && b + d > 0 && a + b > 0 && c + d > 0
                && rounds(Double(a) / Double(a + c), to: 0.991, decimals: 3)
                && rounds(Double(d) / Double(b + d), to: 0.679, decimals: 3)
                && rounds(Double(a + d) / 510, to: 0.890, decimals: 3)
                && rounds(Double(a) / Double(a + b), to: 0.866, decimals: 3)
                && rounds(Double(d) / Double(c + d), to: 0.974, decimals: 3)
        }
        #expect(found == [[342, 53, 3, 112]])
        let (_, table) = try base.diagnosticStudy("jin-2020-bpit")
        #expect([table.truePositives, table.falsePositives, table.falseNegatives, table.trueNegatives] == found.first)
    }

    @Test("Jung 2022: FB-SU 96/21/10/52 and tenderness 48/18/58/55 are unique for 106 fractures of 179")
    func jung() throws {
        let fbsu = solutions(total: 179, diseased: 106) { a, b, c, d in
            rounds(Double(a) / 106, to: 0.906, decimals: 3) && rounds(Double(d) / 73, to: 0.712, decimals: 3)
                && rounds(Double(a + d) / 179, to: 0.827, decimals: 3)
        }
        #expect(fbsu == [[96, 21, 10, 52]])
        let tenderness = solutions(total: 179, diseased: 106) { a, b, c, d in
            rounds(Double(a) / 106, to: 0.453, decimals: 3) && rounds(Double(d) / 73, to: 0.753, decimals: 3)
                && rounds(Double(a + d) / 179, to: 0.575, decimals: 3)
        }
        #expect(tenderness == [[48, 18, 58, 55]])
        let (_, fbsuTable) = try base.diagnosticStudy("jung-2022-fbsu")
        #expect([fbsuTable.truePositives, fbsuTable.falsePositives, fbsuTable.falseNegatives, fbsuTable.trueNegatives] == fbsu.first)
        let (_, tendernessTable) = try base.diagnosticStudy("jung-2022-tenderness")
        #expect(
            [tendernessTable.truePositives, tendernessTable.falsePositives, tendernessTable.falseNegatives, tendernessTable.trueNegatives] == tenderness.first)
    }

    @Test("Langdon Fréchet bounds: both positive 33–39 of 48 and 0–2 of 30; either positive 42–48 and 3–5")
    func frechet() {
        // max(0, a + b − n) ≤ both ≤ min(a, b); either = a + b − both.
        let acuteBoth = (max(0, 42 + 39 - 48), min(42, 39))
        let chronicBothPositive = (max(0, 3 + 2 - 30), min(3, 2))
        #expect(acuteBoth == (33, 39))
        #expect(chronicBothPositive == (0, 2))
        #expect((42 + 39 - acuteBoth.1, 42 + 39 - acuteBoth.0) == (42, 48))
        #expect((3 + 2 - chronicBothPositive.1, 3 + 2 - chronicBothPositive.0) == (3, 5))
    }
}
