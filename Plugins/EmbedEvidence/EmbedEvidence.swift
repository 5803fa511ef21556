import Foundation
import PackagePlugin

/// Compiles the top-level `Evidence/*.json` into the DxEvidence library at
/// build time: the EvidenceCompiler tool decodes and validates every record
/// (the build fails, naming the file and record, when one is invalid) and
/// writes them as Swift values, so an installed `dxkit` carries its evidence
/// base and decodes nothing at start.
@main
struct EmbedEvidence: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "Evidence")
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" && $0.lastPathComponent != "schema.json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInEvidenceRecords.swift")
        return [
            .buildCommand(
                displayName: "Compiling and validating the evidence base (\(files.count) files)",
                executable: try context.tool(named: "EvidenceCompiler").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
