import DxStats

/// How several signs are combined, as `dxkit posttest --sign` does it: the
/// dependence model, the Monte Carlo settings and the gate's thresholds
/// (see `CombinedPostTest`).
public struct SignCombinationSettings: Sendable, Hashable {
    public var dependence: SignDependence
    public var monteCarlo: MonteCarloSettings
    public var thresholds: GateDecision.Thresholds

    public init(
        dependence: SignDependence = .unknown, monteCarlo: MonteCarloSettings = .standard,
        thresholds: GateDecision.Thresholds = .standard
    ) {
        self.dependence = dependence
        self.monteCarlo = monteCarlo
        self.thresholds = thresholds
    }
}
