import ArgumentParser
import DxIO
import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `dxkit nomogram` and `dxkit curves` write: the picture (SVG) or
/// the numbers drawn in it (JSON).
enum PictureFormat: String, CaseNamedArgument {
    case svg
    case json
}

/// Where a picture or a page goes: `--output FILE` (written safely by
/// `OutputFile`: a temporary file renamed into place only when complete, a
/// device written in place, an input refused), `-` or no `--output` for
/// standard output.
enum PictureOutput {
    /// Writes `document` to `path` (or standard output when nil or `-`);
    /// the error names the path. `inputs` are the files the command read.
    static func write(_ document: String, to path: String?, inputs: [FileIdentity] = []) throws {
        guard let path else {
            try StandardStreams.output.write(document)
            return
        }
        let file = try OutputFile.open(path, name: "--output", refusing: inputs, standardOutput: StandardStreams.output)
        do {
            try file.sink.write(document)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

/// The flags every picture command shares: `--output`, `--format svg|json`,
/// `--size`, `--level`.
struct PictureOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Write the picture to this file instead of standard output.", valueName: "file"), completion: .file(extensions: ["svg", "json"]))
    var output: String?

    @Option(help: "The picture, or the numbers drawn in it.")
    var format: PictureFormat = .svg

    @Option(
        help: "Where it will be shown: print is small, for a printed handout; projector is 1280 px wide with no text under 18 px.")
    var size: PictureSize = .screen

    @Option(help: "Confidence level in (0, 1), e.g. 0.95 or 95%.")
    var level: String = "0.95"

    func confidenceLevel() throws -> ConfidenceLevel {
        try CommonOptions.confidenceLevel(level)
    }

    /// The picture (SVG, at `--size`) or the numbers drawn (JSON), as `--format` asks.
    func render(svg: (PictureSize) -> String, json: () -> JSONValue) -> String {
        format == .svg ? svg(size) : json().serialized(pretty: true) + "\n"
    }

    /// Writes the rendered document to `--output` or standard output.
    func write(_ document: String, inputs: [FileIdentity] = []) throws {
        try PictureOutput.write(document, to: output, inputs: inputs)
    }
}
