/// A CSV header: the column names (trimmed), checked once.
///
/// Names are matched without regard to case; a name given twice (`tp`
/// and `TP`) is an error, since which column counts would be an accident
/// and the output would repeat a key. Empty names (trailing commas of a
/// spreadsheet export) may repeat; in JSON they are keyed `column N`.
struct CSVHeader {
    let names: [String]
    private let positions: [String: Int]

    init(_ fields: [String]) throws(BatchError) {
        names = fields.map { $0.trimmingCharacters(in: " \t") }
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            let key = name.lowercased()
            if let earlier = positions[key] {
                throw .header(
                    "names the column '\(BatchError.shown(name))' twice (columns \(earlier + 1) and \(index + 1)); give each column one name")
            }
            positions[key] = index
        }
        self.positions = positions
    }

    /// The names as JSON keys: an empty name becomes `column N`.
    var jsonKeys: [String] {
        names.enumerated().map { $1.isEmpty ? "column \($0 + 1)" : $1 }
    }

    /// The position of `name` (any case), or nil.
    func column(_ name: String) -> Int? { positions[name.lowercased()] }

    /// The position of `name`, or the error naming it and what was found.
    func required(_ name: String) throws(BatchError) -> Int {
        guard let index = column(name) else { throw .missingColumn(name, found: names) }
        return index
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let unwanted = Set(set)
        let start = firstIndex { !unwanted.contains($0) } ?? endIndex
        let end = lastIndex { !unwanted.contains($0) }.map { index(after: $0) } ?? start
        return String(self[start..<end])
    }
}
