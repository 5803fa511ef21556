import ArgumentParser
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dxkit manual`: the manual page, generated from the command definitions
/// (see `ManualPage`), for `man -l -` or to install in a `man1` directory.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the manual page (mdoc), generated from the command definitions.",
        discussion: """
            Read it with dxkit manual | man -l -, or install it: scripts/install.sh writes it to \
            PREFIX/share/man/man1/dxkit.1.
            """
    )

    @Option(help: ArgumentHelp("Write the page to this file instead of standard output.", valueName: "file"), completion: .file(extensions: ["1"]))
    var output: String?

    func run() throws {
        try PictureOutput.write(ManualPage.render(try ManualPage.commandTree(of: DxKit.self)), to: output)
    }
}
