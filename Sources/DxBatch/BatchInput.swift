/// What every CSV batch does first: read and check the header.
enum BatchInput {
    /// The header: the first record, which must exist and be whole.
    static func header(from reader: inout CSVRecordReader, expected: String) throws(BatchError) -> CSVHeader {
        guard let record = try reader.next() else { throw .empty(expected: expected) }
        switch record {
        case .fields(let fields, _):
            return try CSVHeader(fields)
        case .rejected(_, let reason):
            throw .header("cannot be read: \(reason)")
        }
    }
}
