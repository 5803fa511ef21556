// Every call into the GNU Scientific Library lives in this file, the way
// swift-numerics keeps libm behind `_NumericsShims`: no C type escapes it.
//
// The traps (architecture.md, all seen with GSL 2.7.1):
// 1. GSL's default error handler aborts the process. `GSL.prepare()` turns it
//    off once, process-wide, before any other call; every entry point below
//    calls it, and every input is checked on the Swift side first.
// 2. `gsl_cdf_beta_Pinv` never returns when a shape parameter is 0. The beta
//    quantiles below refuse shape ≤ 0 and probabilities outside (0, 1); the
//    interval code handles x = 0 and x = n before calling them.
// 3. GSL's RNG types are mutable C globals; `shim.h` returns them from a
//    function so Swift 6 language mode accepts them.

internal import CGSL

/// The process-wide switch-off of GSL's aborting error handler, run once.
/// A global `let` is initialised lazily and thread-safely by Swift.
private let errorHandlerSwitchedOff: Void = {
    _ = gsl_set_error_handler_off()
}()

/// Thin, checked wrappers around the GSL routines that DxKit uses.
///
/// `package` so that another DxKit target with its own GSL fence (DxMeta's
/// `GSLOptimisation.swift`) shares this one switch-off of the error handler
/// and these wrappers instead of repeating them.
package enum GSL {
    /// Makes sure GSL's error handler is off. Cheap after the first call.
    @inline(__always)
    package static func prepare() {
        _ = errorHandlerSwitchedOff
    }

    /// Whether GSL's aborting handler has been replaced (for the trap test).
    ///
    /// `gsl_set_error_handler_off` installs a do-nothing handler and returns
    /// the previous one; installing it twice and comparing tells whether it
    /// was already in place. The original handler is put back.
    package static var errorHandlerIsOff: Bool {
        prepare()
        let before = gsl_set_error_handler_off()
        let silent = gsl_set_error_handler_off()
        gsl_set_error_handler(before)
        guard let before, let silent else { return false }
        return unsafeBitCast(before, to: UnsafeRawPointer.self) == unsafeBitCast(silent, to: UnsafeRawPointer.self)
    }

    // MARK: Quantiles

    /// The standard normal quantile Φ⁻¹(p), for p in (0, 1).
    static func standardNormalQuantile(_ probability: Double) -> Double {
        precondition(probability > 0 && probability < 1, "normal quantile needs p in (0, 1), got \(probability)")
        prepare()
        return gsl_cdf_ugaussian_Pinv(probability)
    }

    /// The upper-tail standard normal quantile: the z with P(Z > z) = q.
    package static func standardNormalUpperQuantile(_ upperTail: Double) -> Double {
        precondition(upperTail > 0 && upperTail < 1, "normal quantile needs q in (0, 1), got \(upperTail)")
        prepare()
        return gsl_cdf_ugaussian_Qinv(upperTail)
    }

    /// The chi-square quantile with `degreesOfFreedom`, for p in (0, 1).
    package static func chiSquaredQuantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
        precondition(probability > 0 && probability < 1, "chi-square quantile needs p in (0, 1), got \(probability)")
        precondition(degreesOfFreedom > 0, "chi-square degrees of freedom must be positive")
        prepare()
        return gsl_cdf_chisq_Pinv(probability, degreesOfFreedom)
    }

    /// The lower-tail beta quantile B⁻¹(p; a, b), for p in (0, 1) and a, b > 0.
    ///
    /// Shape 0 is refused here because GSL would loop for ever (trap 2).
    /// GSL's `gsl_cdf_beta_Pinv` serves as the starting guess only: it returns
    /// NaN for some extreme cases (Beta(2, 999) at p = 0.9, seen here) and is
    /// good to about 1e-11 elsewhere, so the answer is always polished with
    /// Brent's method on the distribution function to full precision.
    static func betaQuantile(_ probability: Double, shapeA: Double, shapeB: Double) -> Double {
        precondition(probability > 0 && probability < 1, "beta quantile needs p in (0, 1), got \(probability)")
        precondition(
            shapeA > 0 && shapeB > 0 && shapeA.isFinite && shapeB.isFinite,
            "beta shapes must be positive and finite, got \(shapeA), \(shapeB)")
        prepare()
        let guess = gsl_cdf_beta_Pinv(probability, shapeA, shapeB)
        return polishedQuantile(guess: guess) { x in gsl_cdf_beta_P(x, shapeA, shapeB) - probability }
    }

    /// The upper-tail beta quantile: the x with P(X > x) = q, for q in (0, 1).
    /// Working with the upper tail (`Qinv`, `Q`) avoids the cancellation of
    /// computing 1 − q; polished like `betaQuantile`.
    static func betaUpperQuantile(_ upperTail: Double, shapeA: Double, shapeB: Double) -> Double {
        precondition(upperTail > 0 && upperTail < 1, "beta quantile needs q in (0, 1), got \(upperTail)")
        precondition(
            shapeA > 0 && shapeB > 0 && shapeA.isFinite && shapeB.isFinite,
            "beta shapes must be positive and finite, got \(shapeA), \(shapeB)")
        prepare()
        let guess = gsl_cdf_beta_Qinv(upperTail, shapeA, shapeB)
        return polishedQuantile(guess: guess) { x in upperTail - gsl_cdf_beta_Q(x, shapeA, shapeB) }
    }

    /// Solves `increasing(x) = 0` on [0, 1] near `guess` with Brent's method.
    ///
    /// The bracket starts a relative 1e-9 either side of the guess and widens
    /// geometrically; a guess that is NaN or outside [0, 1] falls back to the
    /// whole of [0, 1].
    private static func polishedQuantile(guess: Double, increasing: @escaping (Double) -> Double) -> Double {
        var low = 0.0, high = 1.0
        if guess.isFinite, guess > 0, guess < 1 {
            let value = increasing(guess)
            if value == 0 { return guess }
            var width = Swift.max(guess * (1 - guess) * 1e-9, 1e-300)
            if value < 0 {
                low = guess
                while true {
                    let candidate = Swift.min(1, guess + width)
                    if candidate >= 1 || increasing(candidate) >= 0 { high = candidate; break }
                    low = candidate
                    width *= 16
                }
            } else {
                high = guess
                while true {
                    let candidate = Swift.max(0, guess - width)
                    if candidate <= 0 || increasing(candidate) <= 0 { low = candidate; break }
                    high = candidate
                    width *= 16
                }
            }
        }
        if increasing(low) >= 0 { return low }
        if increasing(high) <= 0 { return high }
        return brentRoot(
            in: low, high, absoluteTolerance: 1e-300, relativeTolerance: 4 * Double.ulpOfOne,
            maximumIterations: 400, of: increasing) ?? (low + high) / 2
    }

    /// `gsl_cdf_beta_Pinv` with no Swift-side checks. It exists only so that a
    /// test can prove that GSL returns (NaN) instead of aborting on bad input.
    static func uncheckedBetaQuantileForTrapTest(_ probability: Double, shapeA: Double, shapeB: Double) -> Double {
        prepare()
        return gsl_cdf_beta_Pinv(probability, shapeA, shapeB)
    }

    /// The beta distribution function P(X ≤ x; a, b), for round-trip checks.
    static func betaDistribution(_ x: Double, shapeA: Double, shapeB: Double) -> Double {
        precondition(shapeA > 0 && shapeB > 0, "beta shapes must be positive")
        prepare()
        return gsl_cdf_beta_P(x, shapeA, shapeB)
    }

    /// ln B(a, b) for a, b > 0 (`gsl_sf_lnbeta`: Stirling-corrected for large
    /// shapes, so ln Γ(a) + ln Γ(b) − ln Γ(a + b) loses nothing to cancellation).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && b > 0 && a.isFinite && b.isFinite, "beta shapes must be positive and finite")
        prepare()
        return gsl_sf_lnbeta(a, b)
    }

    /// The standard normal distribution function Φ(x), for tests of the sampler.
    static func standardNormalDistribution(_ x: Double) -> Double {
        prepare()
        return gsl_cdf_ugaussian_P(x)
    }

    /// The Gamma(a, 1) distribution function, for tests of the sampler.
    static func gammaDistribution(_ x: Double, shape: Double) -> Double {
        precondition(shape > 0, "gamma shape must be positive")
        prepare()
        return gsl_cdf_gamma_P(x, shape, 1)
    }

    // MARK: Root finding

    /// Finds a root of `function` inside `[lower, upper]` with Brent's method.
    ///
    /// The function must change sign over the bracket; the caller checks that.
    /// Returns `nil` when GSL reports a failure (it never aborts: its handler
    /// is off), so the caller can report a typed error instead of a crash.
    package static func brentRoot(
        in lower: Double,
        _ upper: Double,
        absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-14,
        maximumIterations: Int = 200,
        of function: (Double) -> Double
    ) -> Double? {
        prepare()
        guard lower < upper, lower.isFinite, upper.isFinite else { return nil }
        guard let solver = gsl_root_fsolver_alloc(dxkit_root_fsolver_brent()) else { return nil }
        defer { gsl_root_fsolver_free(solver) }

        return withoutActuallyEscaping(function) { escapable in
            var box = FunctionBox(evaluate: escapable)
            return withUnsafeMutablePointer(to: &box) { boxPointer in
                var gslFunction = gsl_function(
                    function: { x, parameters in
                        parameters!.assumingMemoryBound(to: FunctionBox.self).pointee.evaluate(x)
                    },
                    params: UnsafeMutableRawPointer(boxPointer)
                )
                guard gsl_root_fsolver_set(solver, &gslFunction, lower, upper) == GSL_SUCCESS else {
                    return nil
                }
                for _ in 0..<maximumIterations {
                    guard gsl_root_fsolver_iterate(solver) == GSL_SUCCESS else { return nil }
                    let low = gsl_root_fsolver_x_lower(solver)
                    let high = gsl_root_fsolver_x_upper(solver)
                    if gsl_root_test_interval(low, high, absoluteTolerance, relativeTolerance) == GSL_SUCCESS {
                        return gsl_root_fsolver_root(solver)
                    }
                }
                return gsl_root_fsolver_root(solver)
            }
        }
    }

    private struct FunctionBox {
        let evaluate: (Double) -> Double
    }

    // MARK: Random numbers

    /// An owned GSL Mersenne Twister (MT19937) generator: the reference that
    /// ``MersenneTwister`` is tested against, and GSL's own beta sampler for
    /// the tests that compare the Monte Carlo with the one it replaced.
    final class Generator {
        private let state: UnsafeMutablePointer<gsl_rng>

        init(seed: UInt64) {
            GSL.prepare()
            guard let allocated = gsl_rng_alloc(dxkit_rng_type_mt19937()) else {
                fatalError("GSL could not allocate a random number generator (out of memory)")
            }
            state = allocated
            gsl_rng_set(state, UInt(truncatingIfNeeded: seed))
        }

        deinit { gsl_rng_free(state) }

        /// Restarts the generator from `seed` (`gsl_rng_set`).
        func reseed(_ seed: UInt64) {
            gsl_rng_set(state, UInt(truncatingIfNeeded: seed))
        }

        /// The next word (`gsl_rng_get`).
        func word() -> UInt32 { UInt32(truncatingIfNeeded: gsl_rng_get(state)) }

        /// A draw from Beta(a, b) by GSL's own sampler (`gsl_ran_beta`: the
        /// ratio of two Marsaglia–Tsang gamma variates with GSL's ziggurat),
        /// the sampler DxKit's Monte Carlo used before issue 16.
        func gslBeta(shapeA: Double, shapeB: Double) -> Double {
            precondition(
                shapeA > 0 && shapeB > 0 && shapeA.isFinite && shapeB.isFinite,
                "beta shapes must be positive and finite, got \(shapeA), \(shapeB)")
            return gsl_ran_beta(state, shapeA, shapeB)
        }
    }
}
