import ArgumentParser
import DxMeta
import DxReport
import DxStats

// The library enums that options take as values, read by their raw values
// (`--ci wilson`, `--format json`). The libraries do not know about
// swift-argument-parser, so the conformances are made here, in the tool's
// package, and marked retroactive: if a library ever declared them itself,
// these would be removed.
extension OutputFormat: @retroactive ExpressibleByArgument, CaseNamedArgument {}
extension DocumentFormat: @retroactive ExpressibleByArgument, CaseNamedArgument {}
extension PictureSize: @retroactive ExpressibleByArgument, CaseNamedArgument {}
extension PaperSize: @retroactive ExpressibleByArgument, CaseNamedArgument {}
extension ProportionIntervalMethod: @retroactive ExpressibleByArgument, CaseNamedArgument {}
extension RatioIntervalMethod: @retroactive ExpressibleByArgument, CaseNamedArgument {}
extension ZeroCellFallback: @retroactive ExpressibleByArgument, CaseNamedArgument {}
extension TestResult: @retroactive ExpressibleByArgument, CaseNamedArgument {}
extension MetaAnalysisModel: @retroactive ExpressibleByArgument, CaseNamedArgument {}
extension ContinuityCorrection.Scope: @retroactive ExpressibleByArgument, CaseNamedArgument {}

/// An option value named by its raw value, one of a fixed list.
///
/// swift-argument-parser's own `allValueStrings` for such types maps
/// `allCases` with a key path, and the runtime instantiates a key path
/// object on first use (0.6 M instructions, about a tenth of a millisecond,
/// at every start of `dxkit posttest`); this one maps with a closure. Same
/// strings, same order.
public protocol CaseNamedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseNamedArgument {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
}
