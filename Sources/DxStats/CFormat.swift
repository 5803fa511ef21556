#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// Text formatted as C's `printf` does (`%.1f`, `%.3g`, `%.1e`, `%d`):
    /// what Foundation's `String(format:)` gives for numbers, without
    /// Foundation (DxKit's libraries use FoundationEssentials only, so a
    /// program that embeds them does not load ICU).
    ///
    /// ```swift
    /// String(cFormat: "%.1f %%", 99.44)   // "99.4 %"
    /// String(cFormat: "%.1e", 8.0e11)     // "8.0e+11"
    /// ```
    public init(cFormat format: String, _ arguments: any CVarArg...) {
        self = withVaList(arguments) { list in
            var buffer = [CChar](repeating: 0, count: 128)
            let needed = Int(vsnprintf(&buffer, buffer.count, format, list))
            guard needed >= buffer.count else { return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            buffer = [CChar](repeating: 0, count: needed + 1)
            return withVaList(arguments) { again in
                _ = vsnprintf(&buffer, buffer.count, format, again)
                return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
    }
}
