import Dispatch
import DxIO
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress of a long run over many rows (`accuracy --input`, `posttest
/// --input`, `refer --patient`, `meta --input`), on
/// standard error: rows done, the rate, and the time left when the size of
/// the input is known, redrawn in place at most four times a second:
///
///     dxkit: 120,000 rows (40 %), 48,000 rows/s, about 5 s left
///
/// It shows only when standard error is a terminal and standard output is
/// not (results scrolling past on the screen are progress enough), never
/// with `--quiet`, and it erases itself before the summary line, which
/// stays as it is. A reporter that is not enabled costs a comparison per
/// update. A single long step with nothing to count (the model fit of
/// `dxkit meta`) shows its elapsed time instead (``during(_:_:)``).
final class ProgressReporter {
    /// What is counted: "rows", "patients".
    let noun: String
    /// The size of the input in bytes, when known (a file, not a pipe).
    let totalBytes: Int?
    let isEnabled: Bool
    /// The shortest time between two redraws, in seconds.
    let interval: TimeInterval
    private let output: OutputSink
    private let clock: () -> TimeInterval
    private let start: TimeInterval
    private var lastDraw: TimeInterval
    private var drawn = false

    init(
        noun: String, totalBytes: Int?, isEnabled: Bool, interval: TimeInterval = 0.25, output: OutputSink = StandardStreams.error,
        clock: @escaping () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.noun = noun
        self.totalBytes = totalBytes
        self.isEnabled = isEnabled
        self.interval = interval
        self.output = output
        self.clock = clock
        start = clock()
        lastDraw = start
    }

    /// A reporter for standard error, enabled when it is a terminal, standard
    /// output is not, and `quiet` is false; `path` (nil or "-" for standard
    /// input) gives the total size for the time left.
    static func standardError(noun: String, path: String?, quiet: Bool) -> ProgressReporter {
        let enabled = !quiet && isatty(STDERR_FILENO) == 1 && isatty(STDOUT_FILENO) == 0
        var total: Int?
        var status = stat()
        if let path, path != "-", stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
            total = Int(status.st_size)
        }
        return ProgressReporter(noun: noun, totalBytes: total, isEnabled: enabled)
    }

    /// Reports `items` done and, when known, `bytes` of the input read; redraws if the interval has passed.
    func update(items: Int, bytes: Int? = nil) {
        guard isEnabled else { return }
        let now = clock()
        guard now - lastDraw >= interval else { return }
        lastDraw = now
        var fraction: Double?
        if let bytes, let totalBytes { fraction = min(1, Double(bytes) / Double(max(1, totalBytes))) }
        write("\r" + Self.line(items: items, noun: noun, elapsed: now - start, fraction: fraction) + "\u{1B}[K")
        drawn = true
    }

    /// Runs `work`, a single long step (a model fit) with no count to report,
    /// showing "dxkit: ACTIVITY, 3 s" redrawn by a background timer while it
    /// runs; the line is erased when it ends.
    func during<Result, Failure: Error>(_ activity: String, _ work: () throws(Failure) -> Result) throws(Failure) -> Result {
        guard isEnabled else { return try work() }
        let queue = DispatchQueue(label: "dxkit.progress")
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let output = self.output
        let started = ProcessInfo.processInfo.systemUptime
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            let elapsed = ProcessInfo.processInfo.systemUptime - started
            try? output.write("\rdxkit: \(activity), \(Self.duration(elapsed))\u{1B}[K")
        }
        timer.resume()
        defer {
            timer.cancel()
            queue.sync {}  // a redraw under way ends before the line is erased
            drawn = true
            finish()
        }
        return try work()
    }

    /// Erases the progress line, if one was drawn, so the summary starts a clean line.
    func finish() {
        guard drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
    }

    /// "dxkit: 120,000 rows (40 %), 48,000 rows/s, about 5 s left".
    static func line(items: Int, noun: String, elapsed: TimeInterval, fraction: Double?) -> String {
        var text = "dxkit: \(grouped(items)) \(noun)"
        if let fraction { text += " (\(Int((fraction * 100).rounded(.down))) %)" }
        if elapsed > 0 { text += ", \(grouped(Int((Double(items) / elapsed).rounded()))) \(noun)/s" }
        if let fraction, fraction > 0.001, fraction < 1 {
            text += ", about \(duration(elapsed / fraction - elapsed)) left"
        }
        return text
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }

    /// 4.2 → "5 s", 75 → "1 min 15 s", 7300 → "2 h 2 min".
    static func duration(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(max(1, whole)) s" }
        if whole < 3600 { return "\(whole / 60) min" + (whole % 60 == 0 ? "" : " \(whole % 60) s") }
        return "\(whole / 3600) h" + (whole % 3600 / 60 == 0 ? "" : " \(whole % 3600 / 60) min")
    }

    private func write(_ text: String) {
        // Progress is best effort: a failing standard error never stops the work (the summary reports it).
        try? output.write(text)
    }
}
