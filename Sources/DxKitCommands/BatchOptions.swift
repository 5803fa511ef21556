import ArgumentParser

/// `--input FILE|-` and `--rejects FILE` for batch commands.
struct BatchOptions: ParsableArguments {
    @Option(help: "A CSV file (or - for standard input) with one row per case; other columns are carried through. Output is CSV (or JSON lines with --format json).")
    var input: String?

    @Option(help: "With --input: write rejected rows here (line number and reason) instead of to standard error.")
    var rejects: String?
}
