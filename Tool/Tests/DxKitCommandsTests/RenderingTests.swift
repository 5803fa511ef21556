import Foundation
import Testing

@testable import DxKitCommands

/// The teaching outputs rendered as a lecturer uses them: the handout
/// printed to PDF by headless Chromium, the HTML table in a 1,000-pixel
/// window, the LaTeX table compiled by pdflatex. Each test is skipped, with
/// a message, when its tool is not installed (scripts/install-render-tools.sh
/// installs them; scripts/test.sh runs it).
@Suite("Rendered teaching outputs")
struct RenderingTests {
    typealias Run = EducatorCommands

    @Test(
        "The handout prints on exactly two pages, A4 and US Letter, each table and figure whole on one page",
        .enabled(if: RenderTools.hasChromium && RenderTools.hasPoppler, "chromium or pdfinfo \(RenderTools.installHint)"),
        arguments: ["a4", "letter"])
    func handoutPages(paper: String) throws {
        let directory = try RenderTools.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = directory.appendingPathComponent("handout.html")
        try Run.render(["handout", "--paper", paper, "--draws", "1000"]).write(to: html, atomically: true, encoding: .utf8)
        let pdf = try RenderTools.printToPDF(html)
        let pages = try #require(try RenderTools.pageCount(pdf))
        #expect(pages == 2)
        let texts = try RenderTools.pageTexts(pdf, pages: pages)
        // A table's heading and its last row, a figure's heading and its caption's last words, are on the same page.
        let pairs = [
            ("Table 1. Each sign alone", "Natural frequencies"), ("Table 2.", "the dependence range."),
            ("Figure 1.", "dependence allows."), ("Figure 2.", "the grey diagonal LR 1."), ("Caveats", "References"),
        ]
        for (start, end) in pairs {
            let page = texts.firstIndex { $0.contains(start) }
            #expect(page != nil, "\(start) is printed")
            if let page { #expect(texts[page].replacingOccurrences(of: "\n", with: " ").contains(end), "\(start) … \(end) on page \(page + 1)") }
        }
        #expect(texts[0].contains("Table 2."), "both tables on the first page")
        #expect(texts.count > 1 && texts[1].contains("Figure 1."), "the pictures on the second page")
    }

    @Test(
        "The HTML table of both signs with everything shown wraps inside a 1,000-pixel window",
        .enabled(if: RenderTools.hasChromium, "chromium \(RenderTools.installHint)"))
    func htmlWidth() throws {
        let html = try Run.render([
            "table", "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--pretest", "0.05:0.95:0.05", "--show", "all", "--draws", "1000",
            "--format", "html",
        ])
        let width = try #require(try RenderTools.scrollWidth(of: html, windowWidth: 1000))
        #expect(width <= 1000, "scroll width \(width) px")
    }

    @Test(
        "LaTeX tables compile with pdflatex on A4 with no overfull box",
        .enabled(if: RenderTools.hasPDFLaTeX, "pdflatex \(RenderTools.installHint)"),
        arguments: [
            [
                "--sign", "closed-fist-percussion", "--sign", "supine-sign", "--pretest", "0.05,0.3,suspected-acute-vcf,0.95", "--show", "all", "--draws",
                "1000",
            ],
            ["--sign", "closed-fist-percussion", "--pretest", "0.05:0.95:0.05", "--show", "frequencies"],
            ["--lr", "0.1,0.2,0.5,2,5,10", "--pretest", "0.1,0.3,0.5"],
        ])
    func latexCompiles(arguments: [String]) throws {
        let directory = try RenderTools.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Run.render(["table"] + arguments + ["--format", "latex"]).write(
            to: directory.appendingPathComponent("table.tex"), atomically: true, encoding: .utf8)
        let document = "\\documentclass[a4paper]{article}\n\\usepackage{tabularx}\n\\begin{document}\n\\input{table.tex}\n\\end{document}\n"
        try document.write(to: directory.appendingPathComponent("document.tex"), atomically: true, encoding: .utf8)
        let result = try RenderTools.run("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "document.tex"], in: directory)
        #expect(result.status == 0, "\(result.output.suffix(800))")
        let log = try String(contentsOf: directory.appendingPathComponent("document.log"), encoding: .utf8)
        #expect(!log.contains("Overfull \\hbox"), "\(log.components(separatedBy: "Overfull").dropFirst().first?.prefix(200) ?? "")")
    }
}
