import DxStats

/// A problem with what the user typed: printed as one line naming the bad
/// value, with exit status 64 (EX_USAGE), never a crash.
public struct InputError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }

    init(_ error: StatisticsError) {
        self.description = error.description
    }
}
