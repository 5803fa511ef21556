import ArgumentParser
import Foundation
import Testing

@testable import DxKitCommands

/// The help text of every command, compared with the snapshots in
/// HelpSnapshots/, so that a change of wording shows in the diff. After a
/// deliberate change, run the tests with DXKIT_UPDATE_SNAPSHOTS=1 and review.
@Suite("Help text snapshots")
struct HelpSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HelpSnapshots")

    static let commands: [(name: String, type: any ParsableCommand.Type)] = [
        ("dxkit", DxKit.self), ("accuracy", AccuracyCommand.self), ("posttest", PostTestCommand.self),
        ("refer", ReferCommand.self), ("evidence", EvidenceCommand.self), ("table", TableCommand.self),
        ("nomogram", NomogramCommand.self), ("curves", CurvesCommand.self), ("handout", HandoutCommand.self),
        ("manual", ManualCommand.self),
    ]

    @Test("Help text matches its snapshot", arguments: commands.map(\.name))
    func help(name: String) throws {
        let type = try #require(Self.commands.first { $0.name == name }?.type)
        let help = DxKit.helpMessage(for: type, columns: 100) + "\n"
        let file = Self.directory.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["DXKIT_UPDATE_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try help.write(to: file, atomically: true, encoding: .utf8)
        }
        let snapshot = try String(contentsOf: file, encoding: .utf8)
        #expect(help == snapshot)
    }
}
