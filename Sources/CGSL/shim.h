#ifndef DXKIT_CGSL_SHIM_H
#define DXKIT_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_gamma.h>

/// GSL's generator types are mutable C globals, which Swift 6 language mode
/// refuses to touch ("not concurrency-safe"). Returning them from a function
/// keeps the global out of Swift's sight (architecture.md, GSL trap 3).
static inline const gsl_rng_type *dxkit_rng_type_mt19937(void) { return gsl_rng_mt19937; }

/// Brent's bracketing root finder type, for the same reason.
static inline const gsl_root_fsolver_type *dxkit_root_fsolver_brent(void) { return gsl_root_fsolver_brent; }

/// Minimiser and quadrature types (DxMeta), mutable C globals like the above.
static inline const gsl_multimin_fdfminimizer_type *dxkit_multimin_vector_bfgs2(void) { return gsl_multimin_fdfminimizer_vector_bfgs2; }
static inline const gsl_multimin_fminimizer_type *dxkit_multimin_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }
static inline const gsl_integration_fixed_type *dxkit_integration_fixed_hermite(void) { return gsl_integration_fixed_hermite; }

#endif
