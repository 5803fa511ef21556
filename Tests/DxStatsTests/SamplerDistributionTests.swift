import Foundation
import Testing

@testable import DxStats

/// The Monte Carlo's samplers draw from the distributions they claim:
/// Kolmogorov–Smirnov against GSL's own distribution functions
/// (`gsl_cdf_beta_P`, `gsl_cdf_gamma_P`, `gsl_cdf_ugaussian_P`), moments, the
/// ziggurat's tables and tail, and the generator against `gsl_rng_get`.
/// Every test uses fixed seeds, so its outcome never changes; each KS test
/// would fail for a correct sampler with probability 1/1000 over seeds.
@Suite("Sampler distributions")
struct SamplerDistributionTests {
    static let draws = 20_000

    /// Jeffreys posteriors Beta(x + ½, n − x + ½) of the Langdon tables, small
    /// and boundary shapes (x = 0 gives ½), a pretest Beta and large counts.
    @Test(
        "Beta draws pass Kolmogorov–Smirnov against gsl_cdf_beta_P",
        arguments: [
            (42.5, 6.5), (6.5, 42.5), (27.5, 3.5), (3.5, 27.5), (39.5, 9.5), (28.5, 2.5), (2.5, 28.5), (2.5, 45.5),
            (0.5, 30.5), (30.5, 0.5), (0.5, 0.5), (1, 1), (48.5, 30.5), (0.3, 2), (1000.5, 20.5), (50_000.5, 49_000.5),
        ])
    func betaKolmogorovSmirnov(shapeA: Double, shapeB: Double) {
        var stream = MersenneTwisterStream(seed: 20_100_163)
        let sampler = BetaSampler(shapeA: shapeA, shapeB: shapeB)
        let draws = (0..<Self.draws).map { _ in sampler.draw(using: &stream) }
        #expect(draws.allSatisfy { $0 >= 0 && $0 <= 1 })
        let test = KolmogorovSmirnov.passes(draws) { GSL.betaDistribution($0, shapeA: shapeA, shapeB: shapeB) }
        #expect(test.passes, "√n·D = \(test.scaled) for Beta(\(shapeA), \(shapeB))")
        // Mean a/(a + b) within five standard errors.
        let mean = draws.reduce(0, +) / Double(draws.count)
        let total = shapeA + shapeB
        let variance = shapeA * shapeB / (total * total * (total + 1))
        #expect(abs(mean - shapeA / total) < 5 * (variance / Double(draws.count)).squareRoot())
    }

    @Test("Gamma draws pass Kolmogorov–Smirnov against gsl_cdf_gamma_P", arguments: [0.5, 0.8, 1, 2.5, 6.5, 45.5, 1000.5])
    func gammaKolmogorovSmirnov(shape: Double) {
        var stream = MersenneTwisterStream(seed: 7)
        let sampler = GammaSampler(shape: shape)
        let tables = StandardNormalZiggurat.tables
        let draws = (0..<Self.draws).map { _ in sampler.draw(normal: tables, using: &stream) }
        let test = KolmogorovSmirnov.passes(draws) { GSL.gammaDistribution($0, shape: shape) }
        #expect(test.passes, "√n·D = \(test.scaled) for Gamma(\(shape))")
    }

    @Test("Normal draws pass Kolmogorov–Smirnov against gsl_cdf_ugaussian_P, and the tail has its mass")
    func normal() {
        var stream = MersenneTwisterStream(seed: 11)
        let tables = StandardNormalZiggurat.tables
        let draws = (0..<200_000).map { _ in StandardNormalZiggurat.draw(tables: tables, using: &stream) }
        let test = KolmogorovSmirnov.passes(draws) { GSL.standardNormalDistribution($0) }
        #expect(test.passes, "√n·D = \(test.scaled)")
        // Beyond the base strip (|z| > r = 3.4426): expected 2·Q(r)·n = 115.2, sd 10.7.
        let r = StandardNormalZiggurat.tailStart
        let beyond = Double(draws.filter { abs($0) > r }.count)
        let expected = 2 * (1 - GSL.standardNormalDistribution(r)) * Double(draws.count)
        #expect(abs(beyond - expected) < 5 * expected.squareRoot(), "\(beyond) beyond r, expected \(expected)")
        // Symmetry and the first two moments.
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1)
        #expect(abs(mean) < 5 / Double(draws.count).squareRoot())
        #expect(abs(variance - 1) < 5 * (2 / Double(draws.count)).squareRoot())
    }

    @Test("The ziggurat's 128 layers have equal area: the top layer closes at x = 0")
    func zigguratTables() {
        let tables = StandardNormalZiggurat.tables
        #expect(abs(tables.topLayerArea / tables.layerArea - 1) < 1e-12)
        // V = 0.00991256303533646 (mpmath, 40 digits, for r = 3.442619855896652).
        #expect(abs(tables.layerArea - 0.009_912_563_035_336_461) < 1e-15)
        for layer in 0..<127 { #expect(tables.heights[layer] < tables.heights[layer + 1]) }
    }

    @Test(
        "DxKit's MT19937 returns GSL's words (gsl_rng_get) across refills and after reseeding",
        arguments: [0, 1, 4357, 5489, 20_100_163, 4_294_967_295, 4_294_967_301] as [UInt64])
    func wordStream(seed: UInt64) {
        var stream = MersenneTwisterStream(seed: seed)
        let generator = GSL.Generator(seed: seed)
        #expect((0..<2_000).map { _ in stream.nextWord() } == (0..<2_000).map { _ in generator.word() })
        stream.reseed(seed &+ 1)
        generator.reseed(seed &+ 1)
        #expect((0..<700).map { _ in stream.nextWord() } == (0..<700).map { _ in generator.word() })
    }

    @Test("MT19937's 10,000th output for seed 5489 is 4123659995 (the C++ standard's check value)")
    func standardCheckValue() {
        var stream = MersenneTwisterStream(seed: 5489)
        for _ in 0..<9_999 { _ = stream.nextWord() }
        #expect(stream.nextWord() == 4_123_659_995)
    }
}
