import DxEvidence
import DxIO

/// What commands write to standard output and standard error: every write
/// checked (``DxIO/StandardStreams``), so a full disk or a closed pipe is
/// one message and exit 74, never a crash and never a silent success.
///
/// Text meant for people (text and Markdown formats) is shown with
/// `VisibleText.multiline`: an ESC or a right-to-left override from an
/// evidence record or a patient id is printed as `\u{1B}`, not obeyed by
/// the terminal. JSON, CSV, HTML and SVG carry their own escaping.
enum Console {
    /// Writes a command's document and a line break to standard output.
    static func write(_ document: String, forPeople: Bool) throws(IOError) {
        try StandardStreams.output.write((forPeople ? VisibleText.multiline(document) : document) + "\n")
    }

    /// Writes text to standard output as it is (a piece of a streamed table).
    static func writePiece(_ text: String, forPeople: Bool) throws(IOError) {
        try StandardStreams.output.write(forPeople ? VisibleText.multiline(text) : text)
    }

    /// A prompt for the interactive session: written and flushed at once.
    static func prompt(_ text: String) throws(IOError) {
        try StandardStreams.output.write(VisibleText.multiline(text))
        try StandardStreams.output.flush()
    }

    /// One line on standard error that is part of the result (a batch's
    /// summary): a failure to write it is an error like any other.
    static func report(_ line: String) throws(IOError) {
        try StandardStreams.error.write(VisibleText.line(line, limit: 4000) + "\n")
    }

    /// One line on standard error, its control characters made visible.
    /// Returns false if standard error cannot be written either.
    @discardableResult
    static func message(_ line: String) -> Bool {
        (try? StandardStreams.error.write(VisibleText.line(line, limit: 4000) + "\n")) != nil
    }
}
