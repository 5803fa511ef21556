import Foundation

/// The programs the rendering checks use, when installed
/// (`scripts/install-render-tools.sh`): headless Chromium, poppler's
/// `pdfinfo` and `pdftotext`, `pdflatex`, `groff`. Tests that need one are
/// skipped with a message naming the script when it is missing.
enum RenderTools {
    static let installHint = "not installed: run scripts/install-render-tools.sh"

    /// The full path of `name` on the PATH, or nil.
    static func path(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var hasChromium: Bool { path("chromium") != nil }
    static var hasPoppler: Bool { path("pdfinfo") != nil && path("pdftotext") != nil }
    static var hasPDFLaTeX: Bool { path("pdflatex") != nil }
    static var hasGroff: Bool { path("groff") != nil }

    /// Runs `tool` with `arguments` (in `directory`), returning standard output, standard error and the exit status.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> (
        output: String, error: String, status: Int32
    ) {
        guard let executable = path(tool) else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // Standard error goes to a file, so that a chatty tool never blocks on a full pipe while standard output is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-tool-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (String(decoding: outputData, as: UTF8.self), errorText, process.terminationStatus)
    }

    /// A fresh directory for one test's files.
    static func scratchDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxkit-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Prints `html` to PDF with headless Chromium (no header or footer) and returns the PDF's path.
    static func printToPDF(_ html: URL) throws -> URL {
        let pdf = html.deletingPathExtension().appendingPathExtension("pdf")
        try run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString])
        return pdf
    }

    /// The number of pages of a PDF, from `pdfinfo`.
    static func pageCount(_ pdf: URL) throws -> Int? {
        let info = try run("pdfinfo", [pdf.path]).output
        return info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    /// The text of each page of a PDF, from `pdftotext`.
    static func pageTexts(_ pdf: URL, pages: Int) throws -> [String] {
        try (1...max(1, pages)).map { try run("pdftotext", ["-f", "\($0)", "-l", "\($0)", pdf.path, "-"]).output }
    }

    /// The width of the page's content (the document's scroll width) in a Chromium window `windowWidth` pixels wide.
    static func scrollWidth(of html: String, windowWidth: Int) throws -> Int? {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page.html")
        let script = "<script>document.body.setAttribute('data-scroll-width', String(document.documentElement.scrollWidth));</script>"
        try html.replacingOccurrences(of: "</body>", with: script + "</body>").write(to: page, atomically: true, encoding: .utf8)
        let dom = try run(
            "chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "--window-size=\(windowWidth),900", page.absoluteString]
        ).output
        guard let range = dom.range(of: "data-scroll-width=\"") else { return nil }
        return Int(dom[range.upperBound...].prefix { $0.isNumber })
    }
}
