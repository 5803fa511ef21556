/// Breaking text into lines at spaces, for terminals (a character is a
/// column) and, through `SVGDocument.wrapped`, for pictures.
///
/// A unit or a sign stays with the word before it, so that "20.0 %" and
/// "supine-sign −" never break; a word longer than the width keeps a line
/// of its own.
///
/// ```swift
/// TextWrapping.lines("INDETERMINATE (gate 0.0–100.0 %)", width: 19)   // ["INDETERMINATE (gate", "0.0–100.0 %)"]
/// ```
public enum TextWrapping {
    /// The words of `text`, a unit or sign joined to the word before it.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ") {
            if let last = words.last, ["%", "+", "−", "-", "×", "→"].contains(word) || word.hasPrefix("%") {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(String(word))
            }
        }
        return words
    }

    /// `text` in lines of at most `width` characters; a word longer than
    /// the width breaks after an en dash if it has one ("(99.72–" above
    /// "99.99 %)").
    public static func lines(_ text: String, width: Int) -> [String] {
        lines(text) { $0.count <= width }.flatMap { line -> [String] in
            guard line.count > width, let dash = line.firstIndex(of: "–") else { return [line] }
            let head = String(line[...dash]), tail = String(line[line.index(after: dash)...])
            return [head] + lines(tail, width: width)
        }
    }

    /// `text` in lines, each as long as `fits` allows.
    static func lines(_ text: String, fits: (String) -> Bool) -> [String] {
        var lines: [String] = [], current = ""
        for word in words(text) {
            if current.isEmpty {
                current = word
            } else if fits(current + " " + word) {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }

    /// A list item: "- " and the text wrapped to `width`, continuation lines indented by two spaces.
    public static func bullet(_ text: String, width: Int) -> String {
        lines(text, width: max(10, width - 2)).enumerated().map { ($0.offset == 0 ? "- " : "  ") + $0.element }.joined(separator: "\n")
    }
}
