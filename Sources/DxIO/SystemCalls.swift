#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls DxIO uses, under names that do not clash with the
/// methods of its types (`InputSource.open`, `OutputSink.write`), each
/// retried on EINTR.
enum SystemCalls {
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        while true {
            #if canImport(Glibc)
                let descriptor = Glibc.open(path, flags, mode)
            #else
                let descriptor = Darwin.open(path, flags, mode)
            #endif
            if descriptor >= 0 || errno != EINTR { return descriptor }
        }
    }

    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        while true {
            #if canImport(Glibc)
                let result = Glibc.read(descriptor, buffer, count)
            #else
                let result = Darwin.read(descriptor, buffer, count)
            #endif
            if result >= 0 || errno != EINTR { return result }
        }
    }

    static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        while true {
            #if canImport(Glibc)
                let result = Glibc.write(descriptor, buffer, count)
            #else
                let result = Darwin.write(descriptor, buffer, count)
            #endif
            if result >= 0 || errno != EINTR { return result }
        }
    }

    static func close(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
            Glibc.close(descriptor)
        #else
            Darwin.close(descriptor)
        #endif
    }

    /// Waits until `descriptor` is ready (for a non-blocking descriptor that said EAGAIN).
    static func waitUntilReady(_ descriptor: Int32, forWriting: Bool) {
        var request = pollfd(fd: descriptor, events: Int16(forWriting ? POLLOUT : POLLIN), revents: 0)
        _ = poll(&request, 1, -1)
    }
}
