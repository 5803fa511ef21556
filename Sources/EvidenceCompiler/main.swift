// EvidenceCompiler OUTPUT.swift FILE.json…: decodes and validates the evidence
// files (Evidence/schema.json) and writes them as Swift values for the
// DxEvidence library (the EmbedEvidence build plugin runs it), with the Monte
// Carlo simulations of the built-in signs (BuiltInSimulations). Any problem is
// printed, naming the file and the record, and fails the build.
import DxEvidenceFormat
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: EvidenceCompiler OUTPUT.swift FILE.json…\n".utf8))
    exit(64)
}
let output = URL(fileURLWithPath: arguments[0])
var files: [(name: String, bytes: [UInt8])] = []
for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
        exit(1)
    }
    files.append((URL(fileURLWithPath: path).lastPathComponent, Array(data)))
}
do {
    let records = try EvidenceFiles.validatedRecords(files)
    let simulations = try BuiltInSimulations.precompute(records)
    let source = SwiftSource.builtInEvidence(records, files: files.map(\.name), simulations: simulations)
    try Data(source.utf8).write(to: output, options: .atomic)
} catch let error as EvidenceErrors {
    for problem in error.errors { FileHandle.standardError.write(Data("error: Evidence/\(problem.description)\n".utf8)) }
    exit(1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
