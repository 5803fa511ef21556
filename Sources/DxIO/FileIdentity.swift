#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which file a path or descriptor refers to: its device and inode, so that
/// `./in.csv`, `in.csv` and a symbolic link to it are the same file.
///
/// ```swift
/// FileIdentity(path: "/dev/null") == FileIdentity(path: "/dev/../dev/null")   // true
/// FileIdentity(path: "/dev/null") == FileIdentity(path: "/dev/zero")          // false
/// ```
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64
    /// What kind of file it is.
    public let kind: FileKind

    /// The file `path` names (following symbolic links), or nil if there is none.
    public init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The file an open descriptor refers to, or nil if the descriptor is closed.
    public init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        kind = FileKind(mode: status.st_mode)
    }

    /// Whether two identities are the same file.
    public func isSameFile(as other: FileIdentity) -> Bool {
        device == other.device && inode == other.inode
    }
}

/// The kinds of file the safe writer treats differently.
public enum FileKind: Sendable, Hashable {
    case regular
    case directory
    case symbolicLink
    case characterDevice
    case blockDevice
    case fifo
    case socket
    case other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }
}
