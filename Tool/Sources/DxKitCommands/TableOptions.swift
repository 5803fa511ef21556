import ArgumentParser
import DxStats

/// The four cells of a 2×2 table, in epiR's order TP, FP, FN, TN.
///
/// Counts are read as text so that a negative or fractional count gets a
/// message naming it, instead of being mistaken for a flag.
struct TableOptions: ParsableArguments {
    @Option(name: .customLong("tp"), parsing: .unconditional, help: "True positives: test positive, condition present.")
    var truePositives: String?

    @Option(name: .customLong("fp"), parsing: .unconditional, help: "False positives: test positive, condition absent.")
    var falsePositives: String?

    @Option(name: .customLong("fn"), parsing: .unconditional, help: "False negatives: test negative, condition present.")
    var falseNegatives: String?

    @Option(name: .customLong("tn"), parsing: .unconditional, help: "True negatives: test negative, condition absent.")
    var trueNegatives: String?

    /// Whether any of the four counts was given.
    var anyGiven: Bool {
        [truePositives, falsePositives, falseNegatives, trueNegatives].contains { $0 != nil }
    }

    /// The table, or an error naming the first missing or bad count.
    func table() throws -> TwoByTwoTable {
        let tp = try Self.count(truePositives, flag: "--tp")
        let fp = try Self.count(falsePositives, flag: "--fp")
        let fn = try Self.count(falseNegatives, flag: "--fn")
        let tn = try Self.count(trueNegatives, flag: "--tn")
        do {
            return try TwoByTwoTable(truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn)
        } catch .emptyTable {
            throw InputError("the 2×2 table is empty (--tp, --fp, --fn and --tn are all 0): nothing to estimate")
        } catch {
            throw InputError(error)
        }
    }

    /// Reads a count: a whole number from 0 to 10⁹ (`TwoByTwoTable.count(parsing:name:)`).
    static func count(_ text: String?, flag: String) throws -> Int {
        guard let text else { throw InputError("\(flag) is missing: give all four counts --tp, --fp, --fn and --tn") }
        do { return try TwoByTwoTable.count(parsing: text, name: flag) } catch { throw InputError(error) }
    }
}
