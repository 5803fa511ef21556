#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's standard output and standard error as ``OutputSink``s:
/// every write checked, so a full disk or a closed pipe is an error the
/// caller reports (exit 74), never a crash and never a silent loss.
///
/// Standard output is line-buffered on a terminal and block-buffered
/// otherwise; standard error is unbuffered.
///
/// ```swift
/// // A closed pipe is then EPIPE (exit 74), not a signal that kills the process.
/// StandardStreams.ignoreBrokenPipeSignal()
/// try StandardStreams.output.write("hello\n")
/// try StandardStreams.output.flush()
/// ```
public enum StandardStreams {
    /// Standard output.
    public static let output = OutputSink(
        descriptor: STDOUT_FILENO, name: "standard output", buffering: isatty(STDOUT_FILENO) == 1 ? .line : .block(1 << 16))

    /// Standard error.
    public static let error = OutputSink(descriptor: STDERR_FILENO, name: "standard error", buffering: .none)

    /// Makes a closed pipe an EPIPE error on the next write instead of a
    /// signal, so it is reported and the work stops there, whatever the
    /// parent process did with SIGPIPE.
    public static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }
}
