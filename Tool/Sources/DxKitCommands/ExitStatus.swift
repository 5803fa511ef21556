/// The exit statuses DxKit uses (sysexits.h).
enum ExitStatus {
    /// Success.
    static let success: Int32 = 0
    /// Bad input or usage: the message names the value (EX_USAGE).
    static let usage: Int32 = 64
    /// Some rows or patients were rejected; the rest were written (EX_DATAERR).
    static let rejectedRows: Int32 = 65
    /// Reading or writing failed: a full disk, a closed pipe, an I/O error (EX_IOERR).
    static let inputOutput: Int32 = 74
}
