import Foundation

/// The DxKit repository: these tests live in Tool/Tests/DxKitCommandsTests,
/// and read Evidence/, Schemas/, scripts/ and Notebooks-md/ from the root.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DxKitCommandsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // Tool
        .deletingLastPathComponent()
}
