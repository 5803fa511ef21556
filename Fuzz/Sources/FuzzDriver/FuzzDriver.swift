#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs libFuzzer with `body` as the test of one input.
///
/// A SwiftPM executable's `main` is its top-level code, which replaces
/// libFuzzer's own `main`; so the top-level code calls
/// `LLVMFuzzerRunDriver` (libFuzzer's documented entry point for that
/// case) with the process's arguments, and libFuzzer calls back
/// `LLVMFuzzerTestOneInput` for each input. A crash, a failed
/// precondition or an address-sanitizer report is a finding; libFuzzer
/// writes the input to `crash-…` (see scripts/fuzz.sh).
///
/// ```swift
/// // main.swift of a fuzz target
/// import FuzzDriver
/// runFuzzer { bytes in _ = try? StrictJSON.parse(bytes) }
/// ```
public func runFuzzer(_ body: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) -> Never {
    FuzzBody.current = body
    var argumentCount = CommandLine.argc
    var argumentValues = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&argumentCount, &argumentValues, { data, count in testOneInput(data, count) }))
}

enum FuzzBody {
    nonisolated(unsafe) static var current: (@Sendable (UnsafeRawBufferPointer) -> Void)?
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// libFuzzer's callback: one input, 0 to keep going.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzBody.current?(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : count))
    return 0
}

/// Stops the fuzzer with a finding when an invariant does not hold.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant broken: \(message())") }
}

/// No character that would act on a terminal or break a line: a shown
/// message or reject line must not carry one.
public func isShowable(_ text: String) -> Bool {
    !text.unicodeScalars.contains { scalar in
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
