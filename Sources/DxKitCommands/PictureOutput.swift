import ArgumentParser
import DxReport
import DxStats
import Foundation

/// What `dxkit nomogram` and `dxkit curves` write: the picture (SVG) or
/// the numbers drawn in it (JSON).
enum PictureFormat: String, ExpressibleByArgument, CaseIterable {
    case svg
    case json
}

extension PictureSize: ExpressibleByArgument {}

/// Where a picture or a page goes: `--output FILE`, or standard output.
enum PictureOutput {
    /// Writes `document` to `path` (or standard output when nil); the
    /// error names the path.
    static func write(_ document: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(document.utf8))
            return
        }
        do {
            try Data(document.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw InputError("--output (\(path)) cannot be written: \((error as NSError).localizedDescription)")
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
    func write(_ document: String) throws {
        try PictureOutput.write(document, to: output)
    }
}
