#!/usr/bin/env bash
# Regenerate DxKit's independent reference fixtures:
#   Tests/DxStatsTests/Fixtures/epir.json         (R: epiR::epi.tests, prop.test, binom.test)
#   Tests/DxStatsTests/Fixtures/statsmodels.json  (Python: statsmodels, scipy)
#   Tests/DxStatsTests/Fixtures/exact-large-counts.json (Python: scipy beta.ppf/isf, n up to 4e6)
# then cross-check the two files against each other.
# Run from anywhere; requires Rscript with epiR + jsonlite, and python3 with
# statsmodels, scipy, numpy (see scripts/reference/README.md for versions).
set -euo pipefail
cd "$(dirname "$0")/../.."

echo "== R / epiR =="
Rscript scripts/reference/epir_fixtures.R
echo
echo "== Python / statsmodels + scipy =="
python3 scripts/reference/statsmodels_fixtures.py
echo
echo "== Python / scipy brentq Koopman at the boundary =="
python3 scripts/reference/koopman_boundary.py
echo
echo "== Python / scipy exact intervals for large counts (checked against R qbeta and mpmath) =="
python3 scripts/reference/exact_large_counts.py
echo "== Python / scipy brentq + mpmath Koopman for every table of a grid and extreme tables =="
python3 scripts/reference/koopman_every_table.py
echo
echo "== cross-check R vs Python =="
python3 scripts/reference/crosscheck.py
