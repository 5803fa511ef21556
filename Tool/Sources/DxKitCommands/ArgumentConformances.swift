import ArgumentParser
import DxMeta
import DxReport
import DxStats

// The library enums that options take as values, read by their raw values
// (`--ci wilson`, `--format json`). The libraries do not know about
// swift-argument-parser, so the conformances are made here, in the tool's
// package, and marked retroactive: if a library ever declared them itself,
// these would be removed.
extension OutputFormat: @retroactive ExpressibleByArgument {}
extension DocumentFormat: @retroactive ExpressibleByArgument {}
extension PictureSize: @retroactive ExpressibleByArgument {}
extension PaperSize: @retroactive ExpressibleByArgument {}
extension ProportionIntervalMethod: @retroactive ExpressibleByArgument {}
extension RatioIntervalMethod: @retroactive ExpressibleByArgument {}
extension ZeroCellFallback: @retroactive ExpressibleByArgument {}
extension TestResult: @retroactive ExpressibleByArgument {}
extension MetaAnalysisModel: @retroactive ExpressibleByArgument {}
extension ContinuityCorrection.Scope: @retroactive ExpressibleByArgument {}
