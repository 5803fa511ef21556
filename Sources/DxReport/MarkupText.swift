/// Escaping for the markup languages DxKit writes: XML (SVG), HTML and LaTeX.
public enum MarkupText {
    /// Text safe inside an XML or HTML element or a quoted attribute:
    /// `&`, `<`, `>`, `"` and `'` become entities.
    public static func escaped(_ text: String) -> String {
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

    /// Text safe in LaTeX: the ten special characters are escaped and the
    /// few non-ASCII symbols DxKit prints (−, –, ×, ≤, ≥, ∞, …) become
    /// commands, so the output compiles with plain `pdflatex`.
    public static func latex(_ text: String) -> String {
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
