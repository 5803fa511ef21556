import ArgumentParser
import Foundation

/// What `dxkit nomogram` and `dxkit curves` write: the picture (SVG) or
/// the numbers drawn in it (JSON).
enum PictureFormat: String, ExpressibleByArgument, CaseIterable {
    case svg
    case json
}

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
