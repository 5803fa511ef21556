/// Progress of a batch, called every few hundred records: how many
/// records have been read and how many bytes of the input they took (so a
/// caller that knows the input's size can estimate the time left).
///
/// ```swift
/// let progress: BatchProgress = { read, bytes in print("\(read) rows, \(bytes) bytes") }
/// let summary = try PostTestBatch.run(
///     input: InputSource(text: "pretest,lr\n0.3,8.75\n"), settings: .init(), output: .memory(),
///     rejects: RejectLog(sink: .memory()), progress: progress)
/// summary.read   // 1
/// ```
public typealias BatchProgress = (_ read: Int, _ bytesRead: Int) -> Void
