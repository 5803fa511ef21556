import DxEvidence

/// Escaping for the markup languages DxKit writes: XML (SVG), HTML,
/// Markdown and LaTeX. In all of them control characters (ESC, which makes
/// XML invalid) and bidirectional overrides are first made visible as
/// `\u{…}` (`VisibleText`, from DxEvidenceFormat).
public enum MarkupText {
    /// Text safe inside an XML or HTML element or a quoted attribute:
    /// `&`, `<`, `>`, `"` and `'` become entities.
    public static func escaped(_ text: String) -> String {
        let text = VisibleText.multiline(text)
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Text from outside (an evidence record, a patient id) safe in
    /// Markdown: HTML (`<script>`), entities and link, image and code syntax
    /// (square brackets, backquotes and backslashes) are escaped, so it renders as the text it is
    /// and never as a tag, a link or an image; a line
    /// break becomes a space, so the text cannot start a heading or a list of
    /// its own. (Table cells also need `|` escaped; `TextTable` does that.)
    ///
    /// ```swift
    /// MarkupText.markdown("<script>x</script> [a](javascript:b)")   // "&lt;script&gt;x&lt;/script&gt; \\[a\\](javascript:b)"
    /// ```
    public static func markdown(_ text: String) -> String {
        let text = VisibleText.multiline(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\n", "\r\n": result += " "
            case "\\", "`", "[", "]": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// Text safe in LaTeX: the ten special characters are escaped and the
    /// few non-ASCII symbols DxKit prints (−, –, ×, ≤, ≥, ∞, …) become
    /// commands, so the output compiles with plain `pdflatex`.
    public static func latex(_ text: String) -> String {
        let text = VisibleText.multiline(text)
        var result = ""
        var previous: Character?
        for character in text {
            defer { previous = character }
            switch character {
            case "-" where previous == "-": result += "{}-"  // keeps --sign from becoming an en dash
            case "\\": result += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "−": result += "$-$"
            case "–": result += "--"
            case "—": result += "---"
            case "×": result += "$\\times$"
            case "≤": result += "$\\le$"
            case "≥": result += "$\\ge$"
            case "∞": result += "$\\infty$"
            case "·": result += "$\\cdot$"
            case "’": result += "'"
            case "“": result += "``"
            case "”": result += "''"
            case "é": result += "\\'e"
            case "\u{00A0}", "\u{2009}", "\u{202F}": result += "~"
            default: result.append(character)
            }
        }
        return result
    }
}
