import DxStats
import Testing

/// `PretestGrid`: exact decimal grids and the errors for bad ones.
@Suite("Pretest grids")
struct PretestGridTests {
    /// The values as a person writes them; Swift's own decimal parsing is the reference.
    static let twentieths = [
        "0.05", "0.1", "0.15", "0.2", "0.25", "0.3", "0.35", "0.4", "0.45", "0.5",
        "0.55", "0.6", "0.65", "0.7", "0.75", "0.8", "0.85", "0.9", "0.95",
    ].map { Double($0)! }

    @Test("0.05:0.95:0.05 gives the 19 doubles that the decimals 0.05 … 0.95 parse to (not 0.15000000000000002)")
    func decimalGrid() throws {
        #expect(try PretestGrid.values("0.05:0.95:0.05", name: "--pretest") == Self.twentieths)
        #expect(try PretestGrid.values("5%:95%:5%", name: "--pretest") == Self.twentieths)
        #expect(try PretestGrid.values(" 0.05 : 95% : 0.05 ", name: "--pretest") == Self.twentieths)
    }

    @Test("The grid stops at the last value not beyond TO, like R's seq; one value when FROM = TO")
    func endpoints() throws {
        #expect(try PretestGrid.values("0.1:0.35:0.1", name: "--pretest") == [0.1, 0.2, 0.3])
        #expect(try PretestGrid.values("0.3:0.3:0.1", name: "--pretest") == [0.3])
        #expect(try PretestGrid.values("0:1:0.25", name: "--pretest") == [0, 0.25, 0.5, 0.75, 1])
        #expect(try PretestGrid.values("0:1:0.0001", name: "--pretest").count == 10_001)
    }

    @Test("Odds (one colon) are not a grid")
    func oddsAreNotGrids() {
        #expect(!PretestGrid.isGrid("1:3"))
        #expect(PretestGrid.isGrid("0.1:0.9:0.1"))
    }

    struct BadGrid: Sendable, CustomTestStringConvertible {
        let text: String
        let mentions: String
        var testDescription: String { text }
    }

    static let badGrids = [
        BadGrid(text: "0.1:0.9:0", mentions: "step (0) must be greater than 0"),
        BadGrid(text: "0.1:0.9:-0.1", mentions: "step (-0.1)"),
        BadGrid(text: "0.1:0.9:2", mentions: "step (2)"),
        BadGrid(text: "0.1:1.5:0.1", mentions: "to (1.5) must be a probability in [0, 1]"),
        BadGrid(text: "-0.1:0.5:0.1", mentions: "from (-0.1)"),
        BadGrid(text: "10%:150%:10%", mentions: "to (150%)"),
        BadGrid(text: "0.9:0.1:0.1", mentions: "from (0.9) is greater than to (0.1)"),
        BadGrid(text: "0:1:0.000001", mentions: "has 1000001 values; at most 10001"),
        BadGrid(text: "a:0.5:0.1", mentions: "'a'"),
        BadGrid(text: "1e-3:0.5:0.1", mentions: "'1e-3'"),
        BadGrid(text: "0.1:0.5:0.1:0.2", mentions: "FROM:TO:STEP"),
        BadGrid(text: "nan:0.5:0.1", mentions: "'nan'"),
    ]

    @Test("A bad grid is refused with a message naming the bad part", arguments: badGrids)
    func badGrid(_ grid: BadGrid) {
        #expect {
            _ = try PretestGrid.values(grid.text, name: "--pretest")
        } throws: { error in
            let message = (error as? StatisticsError)?.description ?? ""
            return message.contains(grid.mentions) && message.hasPrefix("--pretest (\(grid.text))")
        }
    }
}
