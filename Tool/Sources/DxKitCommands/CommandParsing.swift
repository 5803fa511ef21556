import ArgumentParser

/// Parses the command line, the common case first.
///
/// Parsing through the whole command tree (`DxKit.parseAsRoot`) makes
/// swift-argument-parser reflect over the matched subcommand's options a
/// second time (to look for pass-through arguments): about 5 M instructions,
/// close to a millisecond, at every start of a bedside query. When the first
/// argument names a subcommand without subcommands of its own, that
/// command's own parser is tried first; `dxkit` has no options of its own, so
/// a success is the same command the tree would give. On any error (a
/// mistake, `--help`, `--version`, a completion-script request) the tree
/// parses again, so every message, usage line and exit status is the tree's.
///
/// Tested: `CommandParsingTests` compares both parsers over the options of
/// every subcommand.
enum CommandParsing {
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        if let name = arguments.first,
            let subcommand = DxKit.configuration.subcommands.first(where: { $0.configuration.commandName == name }),
            subcommand.configuration.subcommands.isEmpty,
            let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
            type(of: command) == subcommand
        {
            return command
        }
        return try DxKit.parseAsRoot(arguments)
    }
}
