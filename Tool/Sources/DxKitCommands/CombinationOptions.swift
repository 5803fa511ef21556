import ArgumentParser
import DxStats

/// Every option for combining signs, as `dxkit posttest` takes them:
/// dependence, pretest uncertainty, Monte Carlo settings and the gate's
/// policy thresholds. Commands that use only some of them include only
/// those groups (`DependenceOptions`, `PretestUncertaintyOptions`,
/// `MonteCarloOptions`, `GateOptions`), so that their help lists only what
/// they use.
struct CombinationOptions: ParsableArguments {
    @OptionGroup var dependenceOptions: DependenceOptions
    @OptionGroup var pretestOptions: PretestUncertaintyOptions
    @OptionGroup var monteCarloOptions: MonteCarloOptions
    @OptionGroup var gateOptions: GateOptions

    func dependenceModel() throws -> SignDependence { try dependenceOptions.dependenceModel() }
    func pretestUncertainty() throws -> PretestUncertainty { try pretestOptions.pretestUncertainty() }
    func monteCarloSettings() throws -> MonteCarloSettings { try monteCarloOptions.monteCarloSettings() }
    func thresholds() throws -> GateDecision.Thresholds { try gateOptions.thresholds() }
}
