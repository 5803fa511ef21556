#!/usr/bin/env Rscript
# Independent reference values for DxKit from R: epiR::epi.tests (2x2 tables),
# base R prop.test (Wilson with / without continuity correction) and
# binom.test (Clopper-Pearson).
#
# Usage (from the repository root):
#   Rscript scripts/reference/epir_fixtures.R
# Reads  scripts/reference/cases.json
# Writes Tests/DxStatsTests/Fixtures/epir.json
#
# Nothing here is copied from DxKit: every number is produced by the R calls below.

suppressPackageStartupMessages({
  suppressWarnings(library(epiR))
  library(jsonlite)  # only used to READ cases.json; JSON is written by hand below
})

args <- commandArgs(trailingOnly = FALSE)
script_path <- sub("^--file=", "", args[grep("^--file=", args)])
script_dir <- if (length(script_path)) dirname(normalizePath(script_path)) else "scripts/reference"
repo_root <- normalizePath(file.path(script_dir, "..", ".."))
cases <- jsonlite::fromJSON(file.path(script_dir, "cases.json"), simplifyVector = FALSE)
out_path <- file.path(repo_root, "Tests", "DxStatsTests", "Fixtures", "epir.json")

r_version <- sub("^R version ", "", R.version.string)
epir_version <- as.character(packageVersion("epiR"))
r_short <- paste(R.version$major, R.version$minor, sep = ".")

# ---------------------------------------------------------------- JSON writer
num <- function(x) {
  if (is.null(x) || length(x) != 1 || is.na(x) || !is.finite(x)) return("null")
  if (x == round(x) && abs(x) < 1e15) return(sprintf("%.0f", x))
  sprintf("%.17g", x)
}
str_ <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")
obj <- function(kv) {
  # kv: named list of already-serialised JSON fragments
  paste0("{", paste0(str_(names(kv)), ": ", unlist(kv), collapse = ", "), "}")
}
arr <- function(items, indent = "    ") {
  if (length(items) == 0) return("[]")
  paste0("[\n", paste0(indent, unlist(items), collapse = ",\n"), "\n  ]")
}
lvl <- function(x) sprintf("%.15g", x)  # levels are short decimals; print them as written

# ------------------------------------------------------------------ helpers
jeffreys_fix <- function(entry, x, n) {
  # Brown-Cai-DasGupta boundary modification (DxKit convention):
  # lower = 0 when x = 0, upper = 1 when x = n. Keep untouched values as raw*.
  if (x == 0) { entry$rawLower <- entry$lower; entry$lower <- 0 }
  if (x == n) { entry$rawUpper <- entry$upper; entry$upper <- 1 }
  entry
}
entry_json <- function(e) {
  kv <- list(estimate = num(e$estimate), lower = num(e$lower), upper = num(e$upper))
  if (!is.null(e$rawLower)) kv$rawLower <- num(e$rawLower)
  if (!is.null(e$rawUpper)) kv$rawUpper <- num(e$rawUpper)
  obj(kv)
}
exclusions <- character(0)

# --------------------------------------------------- verify the epiR mapping
chk <- epi.tests(dat = as.table(matrix(c(42, 3, 6, 27), nrow = 2, byrow = TRUE)),
                 method = "wilson", digits = 4, conf.level = 0.95)
cat("epiR", epir_version, "epi.tests(42/3/6/27, wilson)$detail:\n")
print(chk$detail, digits = 10)
d <- setNames(chk$detail$est, chk$detail$statistic)
stopifnot(isTRUE(all.equal(unname(d["se"]), 0.875)),
          isTRUE(all.equal(unname(d["sp"]), 0.9)),
          isTRUE(all.equal(unname(d["pv.pos"]), 42 / 45)),
          isTRUE(all.equal(unname(d["pv.neg"]), 27 / 33)),
          isTRUE(all.equal(unname(d["tp"]), 48 / 78)),
          isTRUE(all.equal(unname(d["diag.ac"]), 69 / 78)),
          isTRUE(all.equal(unname(d["diag.or"]), 42 * 27 / (3 * 6))))

# ------------------------------------------------------------------- tables
measure_map <- c(se = "sensitivity", sp = "specificity", pv.pos = "ppv", pv.neg = "npv",
                 tp = "prevalence", diag.ac = "accuracy", lr.pos = "lrPositive",
                 lr.neg = "lrNegative", diag.or = "diagnosticOddsRatio")
method_map <- c(wilson = "wilson", exact = "clopper-pearson", jeffreys = "jeffreys")

table_items <- list()
for (t in cases$tables) {
  tp <- t$tp; fp <- t$fp; fn <- t$fn; tn <- t$tn
  # x / n behind each binomial measure (for the Jeffreys boundary rule)
  xn <- list(se = c(tp, tp + fn), sp = c(tn, fp + tn), pv.pos = c(tp, tp + fp),
             pv.neg = c(tn, fn + tn), tp = c(tp + fn, tp + fp + fn + tn),
             diag.ac = c(tp + tn, tp + fp + fn + tn))
  any_zero <- min(tp, fp, fn, tn) == 0
  for (m in names(method_map)) {
    for (L in unlist(cases$tableLevels)) {
      res <- suppressWarnings(epi.tests(
        dat = as.table(matrix(c(tp, fp, fn, tn), nrow = 2, byrow = TRUE)),
        method = m, digits = 4, conf.level = L))
      det <- res$detail
      measures <- list()
      for (s in names(measure_map)) {
        row <- det[det$statistic == s, ]
        e <- list(estimate = row$est, lower = row$lower, upper = row$upper)
        if (any(!is.finite(c(e$estimate, e$lower, e$upper)))) {
          exclusions <- c(exclusions, sprintf("table %s method=%s level=%s: %s omitted (non-finite: est=%s lower=%s upper=%s)",
                                              t$name, m, lvl(L), measure_map[[s]], e$estimate, e$lower, e$upper))
          next
        }
        if (s %in% c("lr.pos", "lr.neg") && any_zero) {
          exclusions <- c(exclusions, sprintf("table %s method=%s level=%s: %s omitted (zero cell; log/Katz LR only without zero cells)",
                                              t$name, m, lvl(L), measure_map[[s]]))
          next
        }
        if (m == "jeffreys" && s %in% names(xn)) e <- jeffreys_fix(e, xn[[s]][1], xn[[s]][2])
        measures[[measure_map[[s]]]] <- entry_json(e)
      }
      table_items[[length(table_items) + 1]] <- obj(list(
        source = str_(sprintf("epiR %s epi.tests method=%s", epir_version, m)),
        tp = num(tp), fp = num(fp), fn = num(fn), tn = num(tn),
        level = lvl(L), method = str_(method_map[[m]]),
        measures = obj(measures)))
    }
  }
}

# -------------------------------------------------------------- proportions
pairs <- list()
add_pair <- function(x, n) {
  if (n <= 0) return()
  key <- paste(x, n)
  if (is.null(pairs[[key]])) pairs[[key]] <<- c(x, n)
}
for (t in cases$tables) {
  add_pair(t$tp, t$tp + t$fn); add_pair(t$tn, t$fp + t$tn)
  add_pair(t$tp, t$tp + t$fp); add_pair(t$tn, t$fn + t$tn)
}
for (p in cases$proportions) add_pair(p[[1]], p[[2]])

prop_items <- list()
add_prop <- function(source, x, n, L, method, lower, upper, estimate) {
  if (any(!is.finite(c(estimate, lower, upper)))) {
    exclusions <<- c(exclusions, sprintf("proportion %d/%d level=%s %s: non-finite, skipped", x, n, lvl(L), method))
    return()
  }
  prop_items[[length(prop_items) + 1]] <<- obj(list(
    source = str_(source), x = num(x), n = num(n), level = lvl(L),
    method = str_(method), estimate = num(estimate), lower = num(lower), upper = num(upper)))
}
for (p in pairs) {
  x <- p[1]; n <- p[2]
  for (L in unlist(cases$proportionLevels)) {
    # Wilson with continuity correction (Newcombe 1998 method 4). prop.test shrinks the
    # correction to min(0.5, |x - n*p0|) where p0 is the *null* value (default 0.5), so at
    # x = n/2 it silently drops the correction. p0 does not otherwise enter the interval,
    # so for x = n/2 we pass p0 = 0.25 to keep the full 0.5 correction.
    p0 <- if (2 * x == n) 0.25 else 0.5
    cc <- suppressWarnings(prop.test(x, n, p = p0, correct = TRUE, conf.level = L))
    add_prop(sprintf("R %s prop.test correct=TRUE p=%s", r_short, p0), x, n, L, "wilson-cc",
             cc$conf.int[1], cc$conf.int[2], unname(cc$estimate))
    w <- suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = L))
    add_prop(sprintf("R %s prop.test correct=FALSE", r_short), x, n, L, "wilson",
             w$conf.int[1], w$conf.int[2], unname(w$estimate))
    b <- binom.test(x, n, conf.level = L)
    add_prop(sprintf("R %s binom.test", r_short), x, n, L, "clopper-pearson",
             b$conf.int[1], b$conf.int[2], unname(b$estimate))
  }
}

# ------------------------------------------- sanity checks (published values)
v1 <- function(m) suppressWarnings(epi.tests(
  dat = as.table(matrix(c(670, 202, 74, 640), nrow = 2, byrow = TRUE)),
  method = m, digits = 4, conf.level = 0.95))$detail
sanity <- list(
  list("V1 Se Wilson (epiR)", unlist(v1("wilson")[3, c("lower", "upper")]), c(0.8769319125, 0.9200284498), 10),
  list("V1 Se Wilson (prop.test)", prop.test(670, 744, correct = FALSE)$conf.int, c(0.8769319125, 0.9200284498), 10),
  list("V1 Se CP (epiR exact)", unlist(v1("exact")[3, c("lower", "upper")]), c(0.8767461768, 0.9210922996), 10),
  list("V1 Se CP (binom.test)", binom.test(670, 744)$conf.int, c(0.8767461768, 0.9210922996), 10),
  list("V1 LR+ log (epiR)", unlist(v1("wilson")[11, c("lower", "upper")]), c(3.3206884355, 4.2432346488), 10))
stopifnot(v1("wilson")[3, "statistic"] == "se", v1("wilson")[11, "statistic"] == "lr.pos")
all_ok <- TRUE
for (s in sanity) {
  got <- as.numeric(s[[2]]); ok <- all(abs(got - s[[3]]) <= 0.5 * 10^-s[[4]])
  all_ok <- all_ok && ok
  cat(sprintf("sanity %s: %.17g - %.17g vs published %s - %s: %s\n", s[[1]], got[1], got[2],
              format(s[[3]][1], digits = 12), format(s[[3]][2], digits = 12), if (ok) "MATCH" else "MISMATCH"))
}
if (!all_ok) stop("sanity check mismatch")

# ------------------------------------------------------------------- output
json <- paste0(
  "{\n",
  "  \"generator\": \"scripts/reference/epir_fixtures.R\",\n",
  "  \"versions\": ", obj(list(R = str_(r_version), epiR = str_(epir_version))), ",\n",
  "  \"proportions\": ", arr(prop_items), ",\n",
  "  \"ratios\": [],\n",
  "  \"tables\": ", arr(table_items), "\n",
  "}\n")
writeLines(json, out_path, sep = "")
# validate that what we wrote parses
invisible(jsonlite::fromJSON(out_path, simplifyVector = FALSE))

excl_path <- file.path(script_dir, "exclusions_epir.txt")
writeLines(c(sprintf("# generated by epir_fixtures.R (R %s, epiR %s)", r_version, epir_version), exclusions), excl_path)

cat(sprintf("\nwrote %s\n  proportions: %d\n  ratios: 0\n  tables: %d\n  exclusions: %d (see %s)\n",
            out_path, length(prop_items), length(table_items), length(exclusions), excl_path))
