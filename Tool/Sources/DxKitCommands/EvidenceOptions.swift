import ArgumentParser
import DxEvidence
import DxIO
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--evidence DIR`: add or override evidence records (a hospital's own
/// study, say) on top of the built-in evidence base.
struct EvidenceOptions: ParsableArguments {
    @Option(
        name: .customLong("evidence"),
        help: ArgumentHelp("A directory of evidence records (*.json) that add to or override the built-in ones.", valueName: "directory"),
        completion: .directory)
    var directory: String?

    /// The built-in evidence base, overridden by `--evidence DIR` if given.
    func base() throws -> EvidenceBase {
        let builtIn: EvidenceBase
        do { builtIn = try EvidenceBase.builtIn() } catch {
            throw InputError("the built-in evidence base is invalid: \(error.description)")
        }
        guard let directory else { return builtIn }
        var status = stat()
        guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw InputError("--evidence (\(directory)) is not a directory")
        }
        do {
            return try builtIn.overridden(by: EvidenceBase(directory: URL(fileURLWithPath: directory)))
        } catch {
            throw InputError("--evidence (\(directory)): " + error.errors.map(\.description).joined(separator: "; "))
        }
    }
}

extension EvidenceOptions {
    /// The evidence files `--evidence DIR` reads, so that an output path
    /// naming one of them is refused.
    var inputIdentities: [FileIdentity] {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.compactMap { FileIdentity(path: directory + "/" + $0) }
    }
}

/// Loads the evidence base at most once, and only when it is needed: a
/// command given plain numbers never reads or validates the evidence.
final class EvidenceLoader {
    private let load: () throws -> EvidenceBase
    private var loaded: EvidenceBase?

    init(_ load: @escaping () throws -> EvidenceBase) { self.load = load }

    func get() throws -> EvidenceBase {
        if let loaded { return loaded }
        let base = try load()
        loaded = base
        return base
    }
}
