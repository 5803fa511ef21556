/// Sensitivity and specificity of two tests combined in series (positive
/// only if both are) or in parallel (positive if either is), allowing for
/// their conditional dependence through covariances (Gardner et al. 2000).
///
/// covSe = P(T1+, T2+ | D+) − Se1·Se2;  covSp = P(T1−, T2− | D−) − Sp1·Sp2.
///
/// Series:   Se = Se1·Se2 + covSe;             Sp = 1 − (1 − Sp1)(1 − Sp2) − covSp.
/// Parallel: Se = 1 − (1 − Se1)(1 − Se2) − covSe;  Sp = Sp1·Sp2 + covSp.
///
/// Feasible covariances: max(−(1 − Se1)(1 − Se2), −Se1·Se2) ≤ covSe ≤
/// min(Se1(1 − Se2), Se2(1 − Se1)), and the same for Sp.
///
/// Example (epiR `rsu.dxtest` documentation): IFAT/PCR with Se (0.784, 0.926),
/// Sp (0.951, 0.979), covSe 0.035, covSp −0.001, in parallel give Se 0.949016,
/// Sp 0.930029.
///
/// Gardner IA, Stryhn H, Lind P, Collins MT. Conditional dependence between
/// tests affects the diagnosis and surveillance of animal diseases. Prev Vet
/// Med 2000;45:107–122.
public enum TestCombination {
    /// How two results are combined into one.
    public enum Rule: String, Sendable, CaseIterable {
        /// Positive only if every test is positive.
        case series
        /// Positive if any test is positive.
        case parallel
    }

    /// The feasible range of a conditional covariance between two binary
    /// results with probabilities `first` and `second`.
    public static func feasibleCovariance(_ first: Double, _ second: Double) -> ClosedRange<Double> {
        max(-(1 - first) * (1 - second), -first * second)...min(first * (1 - second), second * (1 - first))
    }

    /// Combined (Se, Sp) of two tests under `rule`; throws when a covariance
    /// is outside its feasible range, naming it and the range.
    public static func combine(
        _ first: SignAccuracy, _ second: SignAccuracy, rule: Rule,
        sensitivityCovariance: Double = 0, specificityCovariance: Double = 0
    ) throws(StatisticsError) -> (sensitivity: Double, specificity: Double) {
        try checkCovariance(sensitivityCovariance, name: "covSe", first.sensitivity, second.sensitivity)
        try checkCovariance(specificityCovariance, name: "covSp", first.specificity, second.specificity)
        let (se1, se2, sp1, sp2) = (first.sensitivity, second.sensitivity, first.specificity, second.specificity)
        switch rule {
        case .series:
            return (se1 * se2 + sensitivityCovariance, 1 - (1 - sp1) * (1 - sp2) - specificityCovariance)
        case .parallel:
            return (1 - (1 - se1) * (1 - se2) - sensitivityCovariance, sp1 * sp2 + specificityCovariance)
        }
    }

    /// Sensitivity of three tests in parallel (Jones et al. 2010, eq. 7):
    /// 1 − [Π(1 − Se_i) + (1 − Se1)c23 + (1 − Se2)c13 + (1 − Se3)c12 − c123].
    ///
    /// Example: Se (0.869, 0.873, 0.897), c12 0.071, c13 0.018, c23 0.015,
    /// c123 −0.001 give 0.9857224 (epiR 2.0.x prints 0.991: a bug, statistics.md §5.4).
    public static func parallelSensitivity(
        _ sensitivities: (Double, Double, Double), c12: Double, c13: Double, c23: Double, c123: Double
    ) -> Double {
        let (q1, q2, q3) = (1 - sensitivities.0, 1 - sensitivities.1, 1 - sensitivities.2)
        return 1 - (q1 * q2 * q3 + q1 * c23 + q2 * c13 + q3 * c12 - c123)
    }

    static func checkCovariance(_ value: Double, name: String, _ first: Double, _ second: Double) throws(StatisticsError) {
        let range = feasibleCovariance(first, second)
        guard value.isFinite, range.contains(value) || abs(value - range.clamped(value)) < 1e-12 else {
            throw .infeasibleDependence("\(name) (\(value)) is outside its feasible range [\(range.lowerBound), \(range.upperBound)]")
        }
    }
}

extension ClosedRange where Bound == Double {
    func clamped(_ value: Double) -> Double { Swift.min(Swift.max(value, lowerBound), upperBound) }
}
