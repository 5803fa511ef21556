import ArgumentParser
import DxEvidence
import DxReport
import DxStats
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `dxkit evidence`: the records behind every number DxKit uses.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "List, show, cite and validate the evidence records DxKit uses.",
        subcommands: [List.self, Show.self, Cite.self, Validate.self]
    )

    struct List: RenderingCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every evidence record.")
        @OptionGroup var evidence: EvidenceOptions
        @OptionGroup var common: CommonOptions

        var isForPeople: Bool { common.isForPeople }
        var formulaSafety: CSV.FormulaSafety { common.formulaSafety }

        mutating func renderOutput() throws -> String {
            EvidenceReport.list(try evidence.base(), format: common.format)
        }
    }

    struct Show: RenderingCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one record in full; a diagnostic study with its 2×2 table and every measure.")
        @Argument(help: "The record id, e.g. closed-fist-percussion.", completion: .custom(CompletionCandidates.records)) var id: String
        @Option(help: "Interval for proportions.")
        var ci: ProportionIntervalMethod = .wilson
        @Option(name: .customLong("lr-ci"), help: "Interval for likelihood ratios.")
        var likelihoodRatioInterval: RatioIntervalMethod = .log
        @OptionGroup var evidence: EvidenceOptions
        @OptionGroup var common: CommonOptions

        var isForPeople: Bool { common.isForPeople }
        var formulaSafety: CSV.FormulaSafety { common.formulaSafety }

        mutating func renderOutput() throws -> String {
            let base = try evidence.base()
            let record: EvidenceRecord
            do { record = try base.record(id) } catch { throw InputError(error.description) }
            let accuracy = try base.accuracy(
                ofStudy: id, level: common.confidenceLevel(), proportionMethod: ci, likelihoodRatioMethod: likelihoodRatioInterval)
            return EvidenceReport.show(record, accuracy: accuracy, format: common.format)
        }
    }

    struct Cite: RenderingCommand {
        static let configuration = CommandConfiguration(commandName: "cite", abstract: "Print the citations of a record.")
        @Argument(help: "The record id.", completion: .custom(CompletionCandidates.records)) var id: String
        @OptionGroup var evidence: EvidenceOptions
        @OptionGroup var common: CommonOptions

        var isForPeople: Bool { common.isForPeople }
        var formulaSafety: CSV.FormulaSafety { common.formulaSafety }

        mutating func renderOutput() throws -> String {
            do { return EvidenceReport.cite(try evidence.base().record(id), format: common.format) } catch let error as EvidenceLookupError {
                throw InputError(error.description)
            }
        }
    }

    struct Validate: RenderingCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate", abstract: "Check a directory of evidence records: schema, citations, counts against reported figures, unique ids.")
        @Argument(help: "The directory, e.g. Evidence.", completion: .directory) var directory: String
        @OptionGroup var common: CommonOptions

        var isForPeople: Bool { common.isForPeople }

        mutating func renderOutput() throws -> String {
            let base: EvidenceBase
            do {
                base = try EvidenceBase(directory: URL(fileURLWithPath: directory))
            } catch {
                throw InvalidEvidence(errors: error.errors)
            }
            let files = Set(base.records.map(\.sourceFile)).count
            switch common.format {
            case .json:
                return JSONValueEncoder.value(of: EvidenceReport.Validation(records: base.records.count, files: files)).serialized(pretty: true)
            default:
                return "\(directory): \(base.records.count) records in \(files) files, all valid."
            }
        }
    }
}

/// Validation problems: each printed on its own line, exit status 1.
struct InvalidEvidence: Error, CustomStringConvertible {
    let errors: [EvidenceError]
    var description: String { errors.map(\.description).joined(separator: "\n") }
}
