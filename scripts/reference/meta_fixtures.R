#!/usr/bin/env Rscript
# Independent reference values for DxMeta (issue 14) from R:
#   * metafor rma.mv(yi, V, mods = ~ type - 1, random = ~ type | study,
#     struct = "UN", method = "REML") on the stacked logit sensitivity /
#     logit specificity data (the Reitsma 2005 bivariate model);
#   * lme4 glmer(cbind(pos, n - pos) ~ 0 + se + sp + (0 + se + sp | study),
#     family = binomial) with the Laplace approximation (nAGQ = 1; Chu & Cole
#     2006);
#   * for adaptive Gauss-Hermite quadrature, which lme4 offers only for a
#     single scalar random effect, the exact maximum likelihood of the same
#     GLMM computed here by brute force: each study's two-dimensional integral
#     by nested stats::integrate (adaptive Gauss-Kronrod, not Gauss-Hermite),
#     maximised with optim from glmer's estimates. Small data sets only.
#
# Usage (from the repository root):
#   Rscript scripts/reference/meta_fixtures.R
# Writes Tests/DxMetaTests/Fixtures/meta.json and the published data sets as
# CSV (Tests/DxMetaTests/Fixtures/*.csv, Notebooks-md/kearon-1998-*.csv).
#
# Data sets:
#   * Kearon 1998 (venous ultrasonography for deep venous thrombosis against
#     contrast venography), from metadat::dat.kearon1998, split into the
#     symptomatic and the asymptomatic studies, complete rows only;
#   * the five bedside-sign studies of DxKit's evidence base (read from
#     Evidence/*.json: the records listed by sign-pooling-caveat);
#   * seeded simulations (set.seed below): 40 studies, zero cells, 3 and 4
#     studies, a correlation at the boundary, a variance at the boundary.
# Nothing here is copied from DxKit: every number is produced by the R calls below.

suppressPackageStartupMessages({
  library(metafor)
  library(lme4)
  library(numDeriv)  # Richardson-extrapolated Hessian of glmer's own deviance function
  library(jsonlite)  # only to READ Evidence/*.json
})

args <- commandArgs(trailingOnly = FALSE)
script_path <- sub("^--file=", "", args[grep("^--file=", args)])
script_dir <- if (length(script_path)) dirname(normalizePath(script_path)) else "scripts/reference"
repo_root <- normalizePath(file.path(script_dir, "..", ".."))
fixture_dir <- file.path(repo_root, "Tests", "DxMetaTests", "Fixtures")
dir.create(fixture_dir, showWarnings = FALSE, recursive = TRUE)

# ---------------------------------------------------------------- JSON writer
num <- function(x) {
  if (is.null(x) || length(x) != 1 || is.na(x) || !is.finite(x)) return("null")
  if (x == round(x) && abs(x) < 1e15) return(sprintf("%.0f", x))
  sprintf("%.17g", x)
}
json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(x)) return("null")
  if (is.list(x) && !is.null(names(x))) {
    if (length(x) == 0) return("{}")
    parts <- mapply(function(k, v) paste0(inner, "\"", k, "\": ", json(v, inner)), names(x), x)
    return(paste0("{\n", paste(parts, collapse = ",\n"), "\n", indent, "}"))
  }
  if (is.list(x)) {
    if (length(x) == 0) return("[]")
    parts <- vapply(x, function(v) paste0(inner, json(v, inner)), "")
    return(paste0("[\n", paste(parts, collapse = ",\n"), "\n", indent, "]"))
  }
  if (is.character(x)) {
    s <- gsub("\\\\", "\\\\\\\\", x)
    s <- gsub("\"", "\\\\\"", s)
    if (length(x) == 1) return(paste0("\"", s, "\""))
    return(paste0("[", paste0("\"", s, "\"", collapse = ", "), "]"))
  }
  if (is.logical(x)) {
    if (length(x) == 1) return(if (isTRUE(x)) "true" else "false")
    return(paste0("[", paste(ifelse(x, "true", "false"), collapse = ", "), "]"))
  }
  if (length(x) == 1) return(num(x))
  paste0("[", paste(vapply(x, num, ""), collapse = ", "), "]")
}

# ---------------------------------------------------------------- data sets
datasets <- list()
add_dataset <- function(name, source, study, tp, fp, fn, tn, citation = NULL, boundary = FALSE, aghq = FALSE) {
  datasets[[length(datasets) + 1]] <<- list(
    name = name, source = source, study = study,
    tp = as.integer(tp), fp = as.integer(fp), fn = as.integer(fn), tn = as.integer(tn),
    citation = citation, boundary = boundary, aghq = aghq)
}
write_csv <- function(path, d) {
  frame <- data.frame(study = d$study, tp = d$tp, fp = d$fp, fn = d$fn, tn = d$tn)
  if (!is.null(d$extra)) frame <- cbind(frame, d$extra)
  write.csv(frame, path, row.names = FALSE, quote = TRUE)
}

kearon_citation <- "Kearon C, Julian JA, Newman TE, Ginsberg JS. Noninvasive diagnosis of deep venous thrombosis. Ann Intern Med 1998;128(8):663-677. doi:10.7326/0003-4819-128-8-199804150-00011 (metadat::dat.kearon1998)"
kearon <- metadat::dat.kearon1998
kearon <- kearon[complete.cases(kearon[, c("tp", "np", "tn", "nn")]), ]
for (group in c("symptomatic", "asymptomatic")) {
  d <- kearon[kearon$patients == group, ]
  name <- paste0("kearon-1998-", group)
  add_dataset(name, paste0("metadat ", packageVersion("metadat"), " dat.kearon1998, ", group, " patients, complete rows"),
              paste(d$study, d$year), d$tp, d$nn - d$tn, d$np - d$tp, d$tn, citation = kearon_citation,
              aghq = group == "symptomatic")
  csv <- list(study = paste(d$study, d$year), tp = d$tp, fp = d$nn - d$tn, fn = d$np - d$tp, tn = d$tn,
              extra = data.frame(year = d$year, patients = d$patients))
  write_csv(file.path(fixture_dir, paste0(name, ".csv")), csv)
  write_csv(file.path(repo_root, "Notebooks-md", paste0(name, ".csv")), csv)
}

# The bedside-sign studies of the evidence base, in the order sign-pooling-caveat lists them.
records <- list()
for (file in list.files(file.path(repo_root, "Evidence"), pattern = "\\.json$", full.names = TRUE)) {
  if (basename(file) == "schema.json") next
  for (r in jsonlite::fromJSON(file, simplifyVector = FALSE)$records) records[[r$id]] <- r
}
ids <- unlist(records[["sign-pooling-caveat"]]$relatedRecords)
counts <- t(sapply(ids, function(id) unlist(records[[id]]$counts[c("truePositives", "falsePositives", "falseNegatives", "trueNegatives")])))
add_dataset("evidence-sign-pooling", "DxKit Evidence/*.json, the diagnostic studies listed by sign-pooling-caveat",
            ids, counts[, 1], counts[, 2], counts[, 3], counts[, 4], citation = "see each record's citations", aghq = TRUE)

# Seeded simulations: logit Se and logit Sp bivariate normal, binomial counts.
simulate <- function(k, mu, tau, rho, n1range, n0range) {
  e <- matrix(rnorm(2 * k), k)
  z <- cbind(tau[1] * e[, 1], tau[2] * (rho * e[, 1] + sqrt(1 - rho^2) * e[, 2]))
  se <- plogis(mu[1] + z[, 1]); sp <- plogis(mu[2] + z[, 2])
  n1 <- sample(n1range[1]:n1range[2], k, replace = TRUE)
  n0 <- sample(n0range[1]:n0range[2], k, replace = TRUE)
  tp <- rbinom(k, n1, se); tn <- rbinom(k, n0, sp)
  list(tp = tp, fp = n0 - tn, fn = n1 - tp, tn = tn)
}
sim <- function(name, seed, k, mu, tau, rho, n1range, n0range, boundary = FALSE, aghq = FALSE) {
  set.seed(seed)
  s <- simulate(k, mu, tau, rho, n1range, n0range)
  add_dataset(name, sprintf("simulated: set.seed(%d), k = %d, mu = (%g, %g), tau = (%g, %g), rho = %g, n1 in %d..%d, n0 in %d..%d",
                            seed, k, mu[1], mu[2], tau[1], tau[2], rho, n1range[1], n1range[2], n0range[1], n0range[2]),
              sprintf("S%02d", seq_len(k)), s$tp, s$fp, s$fn, s$tn, boundary = boundary, aghq = aghq)
}
sim("simulated-40", 20140, 40, c(1.5, 2.0), c(0.7, 0.9), -0.4, c(20, 120), c(40, 300))
sim("simulated-zero-cells", 20141, 12, c(3.2, 3.0), c(0.6, 0.8), -0.3, c(8, 40), c(10, 60), aghq = TRUE)
sim("simulated-4-studies", 20142, 4, c(1.0, 1.5), c(0.5, 0.5), 0.2, c(30, 80), c(30, 80), aghq = TRUE)
sim("simulated-3-studies", 20143, 3, c(1.2, 2.0), c(0.6, 0.4), -0.5, c(40, 90), c(50, 120))
sim("simulated-correlation-boundary", 20144, 10, c(1.0, 1.2), c(0.8, 0.8), -1.0, c(50, 150), c(50, 150), boundary = TRUE)
sim("simulated-variance-boundary", 20145, 10, c(1.5, 1.5), c(0.0, 0.6), 0.0, c(50, 150), c(50, 150), boundary = TRUE)
for (d in datasets) if (grepl("^simulated", d$name)) write_csv(file.path(fixture_dir, paste0(d$name, ".csv")), d)

# ---------------------------------------------------------------- fits
reitsma <- function(d, correction = 0.5, scope = "zero") {
  a <- d$tp; b <- d$fp; c <- d$fn; e <- d$tn
  corrected <- if (scope == "all") rep(TRUE, length(a)) else (a == 0 | b == 0 | c == 0 | e == 0)
  a <- a + corrected * correction; b <- b + corrected * correction
  c <- c + corrected * correction; e <- e + corrected * correction
  k <- length(a)
  long <- data.frame(study = rep(seq_len(k), each = 2), type = factor(rep(c("se", "sp"), k), levels = c("se", "sp")))
  long$yi <- as.vector(rbind(log(a / c), log(e / b)))
  long$vi <- as.vector(rbind(1 / a + 1 / c, 1 / b + 1 / e))
  # nlminb with a tight relative tolerance; if it reports non-convergence there, metafor's defaults.
  control <- "control = list(rel.tol = 1e-12)"
  fit <- tryCatch(
    rma.mv(yi, vi, mods = ~ type - 1, random = ~ type | study, struct = "UN", data = long, method = "REML",
           control = list(rel.tol = 1e-12, iter.max = 10000, eval.max = 20000)),
    error = function(e) NULL)
  if (is.null(fit)) {
    control <- "default control"
    fit <- rma.mv(yi, vi, mods = ~ type - 1, random = ~ type | study, struct = "UN", data = long, method = "REML")
  }
  list(
    package = paste("metafor", packageVersion("metafor")),
    call = sprintf("rma.mv(yi, vi, mods = ~ type - 1, random = ~ type | study, struct = \"UN\", method = \"REML\", %s); correction %g to all four cells of %s", control, correction,
                   if (scope == "all") "every study" else "studies with a zero cell"),
    correction = correction, correctionStudies = scope,
    logitSensitivity = list(estimate = unname(fit$beta[1]), standardError = unname(fit$se[1])),
    logitSpecificity = list(estimate = unname(fit$beta[2]), standardError = unname(fit$se[2])),
    covarianceOfLogits = unname(fit$vb[1, 2]),
    tau2Sensitivity = unname(fit$tau2[1]), tau2Specificity = unname(fit$tau2[2]), correlation = unname(fit$rho),
    logLikelihood = as.numeric(logLik(fit)))
}

# The Laplace approximation written out (Newton's method for each study's mode, the analytic
# Hessian), at given (theta, beta): an independent check of the value lme4's deviance function
# returns, which rests on PIRLS with lme4's default tolerances.
laplace_at <- function(p, d) {
  mu <- p[4:5]; L <- matrix(c(p[1], p[2], 0, p[3]), 2); total <- 0
  for (i in seq_along(d$tp)) {
    n1 <- d$tp[i] + d$fn[i]; n0 <- d$fp[i] + d$tn[i]; u <- c(0, 0)
    h <- function(u) {
      e <- as.vector(mu + L %*% u)
      d$tp[i] * plogis(e[1], log.p = TRUE) + d$fn[i] * plogis(-e[1], log.p = TRUE) +
        d$tn[i] * plogis(e[2], log.p = TRUE) + d$fp[i] * plogis(-e[2], log.p = TRUE) - sum(u^2) / 2
    }
    for (iteration in 1:200) {
      pr <- plogis(as.vector(mu + L %*% u))
      g <- as.vector(t(L) %*% c(d$tp[i] - n1 * pr[1], d$tn[i] - n0 * pr[2])) - u
      H <- t(L) %*% diag(c(n1 * pr[1] * (1 - pr[1]), n0 * pr[2] * (1 - pr[2]))) %*% L + diag(2)
      step <- solve(H, g)
      # Step halving: Newton's method can overshoot on a concave function far from its mode.
      while (h(u + step) < h(u) - 1e-12 && sum(abs(step)) > 1e-14) step <- step / 2
      u <- u + step
      if (sum(abs(step)) < 1e-13) break
    }
    e <- as.vector(mu + L %*% u); pr <- plogis(e)
    H <- t(L) %*% diag(c(n1 * pr[1] * (1 - pr[1]), n0 * pr[2] * (1 - pr[2]))) %*% L + diag(2)
    total <- total + lchoose(n1, d$tp[i]) + lchoose(n0, d$tn[i]) + d$tp[i] * plogis(e[1], log.p = TRUE) +
      d$fn[i] * plogis(-e[1], log.p = TRUE) + d$tn[i] * plogis(e[2], log.p = TRUE) + d$fp[i] * plogis(-e[2], log.p = TRUE) -
      sum(u^2) / 2 - 0.5 * log(det(H))
  }
  total
}

glmm <- function(d) {
  k <- length(d$tp)
  long <- data.frame(study = factor(rep(seq_len(k), each = 2)),
                     se = rep(c(1, 0), k), sp = rep(c(0, 1), k),
                     pos = as.vector(rbind(d$tp, d$tn)), n = as.vector(rbind(d$tp + d$fn, d$fp + d$tn)))
  fit <- suppressWarnings(suppressMessages(
    glmer(cbind(pos, n - pos) ~ 0 + se + sp + (0 + se + sp | study), family = binomial, data = long,
          control = glmerControl(optimizer = "bobyqa", optCtrl = list(maxfun = 1e5, rhoend = 1e-12),
                                 check.conv.singular = "ignore"))))
  vc <- VarCorr(fit)$study
  # lme4's vcov uses a plain central-difference Hessian (deriv12, delta 1e-4); the same deviance
  # function differentiated with numDeriv's Richardson extrapolation gives more accurate standard errors.
  devfun <- update(fit, devFunOnly = TRUE)
  # numDeriv's default first step (d = 0.1, relative) is far too coarse here; d = 1e-3 with 4 Richardson steps.
  hessian <- numDeriv::hessian(devfun, c(getME(fit, "theta"), fixef(fit)), method.args = list(d = 1e-3, r = 4))
  richardson <- tryCatch({
    v <- solve(hessian / 2)[4:5, 4:5]
    if (all(is.finite(v)) && all(diag(v) > 0) && all(eigen(hessian, only.values = TRUE)$values > 0)) sqrt(diag(v)) else NULL
  }, error = function(e) NULL)
  messages <- c(fit@optinfo$conv$lme4$messages, fit@optinfo$warnings)
  list(
    package = paste("lme4", packageVersion("lme4")),
    call = "glmer(cbind(pos, n - pos) ~ 0 + se + sp + (0 + se + sp | study), family = binomial, nAGQ = 1, control = glmerControl(optimizer = \"bobyqa\", optCtrl = list(rhoend = 1e-12)))",
    logitSensitivity = list(estimate = unname(fixef(fit)[1]), standardError = unname(sqrt(diag(vcov(fit)))[1])),
    logitSpecificity = list(estimate = unname(fixef(fit)[2]), standardError = unname(sqrt(diag(vcov(fit)))[2])),
    covarianceOfLogits = unname(as.matrix(vcov(fit))[1, 2]),
    standardErrorsRichardson = if (is.null(richardson)) NULL else unname(richardson),
    tau2Sensitivity = unname(vc[1, 1]), tau2Specificity = unname(vc[2, 2]),
    correlation = unname(attr(vc, "correlation")[1, 2]),
    theta = unname(getME(fit, "theta")),
    logLikelihood = as.numeric(logLik(fit)),
    laplaceAtEstimate = laplace_at(c(getME(fit, "theta"), fixef(fit)), d),
    singular = isSingular(fit),
    messages = if (length(messages)) as.character(unlist(messages)) else character(0))
}

# Exact marginal likelihood of the bivariate binomial GLMM by nested adaptive
# Gauss-Kronrod integration (stats::integrate) over b = L u, u ~ N(0, I).
exact_loglik <- function(par, d) {
  mu <- par[1:2]; L <- matrix(c(par[3], par[4], 0, par[5]), 2)
  total <- 0
  for (i in seq_along(d$tp)) {
    n1 <- d$tp[i] + d$fn[i]; n0 <- d$fp[i] + d$tn[i]
    logc <- lchoose(n1, d$tp[i]) + lchoose(n0, d$tn[i])
    g <- function(u1, u2) {
      e1 <- mu[1] + L[1, 1] * u1
      e2 <- mu[2] + L[2, 1] * u1 + L[2, 2] * u2
      d$tp[i] * plogis(e1, log.p = TRUE) + d$fn[i] * plogis(-e1, log.p = TRUE) +
        d$tn[i] * plogis(e2, log.p = TRUE) + d$fp[i] * plogis(-e2, log.p = TRUE) +
        dnorm(u1, log = TRUE) + dnorm(u2, log = TRUE)
    }
    # Centre and scale each study's integrand at its mode (u = u0 + R z, R R' = the inverse of the
    # numerical Hessian) so that integrate sees a well-scaled bump in z; the Jacobian is |R|.
    mode <- optim(c(0, 0), function(u) -g(u[1], u[2]), method = "BFGS", control = list(reltol = 1e-14))
    shift <- -mode$value
    u0 <- mode$par
    R <- t(chol(solve(optimHess(u0, function(u) -g(u[1], u[2])))))
    gz <- function(z1, z2) g(u0[1] + R[1, 1] * z1, u0[2] + R[2, 1] * z1 + R[2, 2] * z2) - shift
    inner <- function(z1) sapply(z1, function(x) integrate(function(z2) exp(gz(x, z2)), -10, 10,
                                                           rel.tol = 1e-11, abs.tol = 0, subdivisions = 1000L)$value)
    value <- integrate(inner, -10, 10, rel.tol = 1e-10, abs.tol = 0, subdivisions = 1000L)$value * det(R)
    total <- total + logc + shift + log(value)
  }
  total
}

exact_ml <- function(d, start) {
  fit <- nlminb(start, function(p) -exact_loglik(p, d), control = list(rel.tol = 1e-12, x.tol = 1e-10, eval.max = 2000, iter.max = 500))
  L <- matrix(c(fit$par[3], fit$par[4], 0, fit$par[5]), 2)
  sigma <- L %*% t(L)
  # The exact log-likelihood also at two points away from the optimum, to check the integral itself.
  points <- list(fit$par + c(0.1, -0.1, 0.05, 0.05, -0.05), fit$par + c(-0.2, 0.15, -0.1, 0.1, 0.1))
  list(
    method = "exact ML: nested stats::integrate (rel.tol 1e-11 inner, 1e-10 outer, over mode-centred, Hessian-scaled coordinates) per study, maximised with nlminb (rel.tol 1e-12)",
    convergence = fit$message,
    parameters = unname(fit$par),
    logitSensitivity = list(estimate = fit$par[1]), logitSpecificity = list(estimate = fit$par[2]),
    tau2Sensitivity = sigma[1, 1], tau2Specificity = sigma[2, 2], correlation = sigma[1, 2] / sqrt(sigma[1, 1] * sigma[2, 2]),
    logLikelihood = -fit$objective,
    points = lapply(points, function(p) list(parameters = p, logLikelihood = exact_loglik(p, d))))
}

results <- list()
for (d in datasets) {
  cat("fitting", d$name, "\n")
  entry <- list(name = d$name, source = d$source)
  if (!is.null(d$citation)) entry$citation <- d$citation
  entry$boundary <- d$boundary
  entry$studies <- d$study
  entry$tp <- d$tp; entry$fp <- d$fp; entry$fn <- d$fn; entry$tn <- d$tn
  entry$reitsma <- reitsma(d)
  if (d$name == "kearon-1998-symptomatic") entry$reitsmaAllStudies <- reitsma(d, 0.5, "all")
  g <- glmm(d)
  entry$glmmLaplace <- g
  if (d$aghq) {
    start <- c(g$logitSensitivity$estimate, g$logitSpecificity$estimate,
               sqrt(g$tau2Sensitivity), g$correlation * sqrt(g$tau2Specificity),
               sqrt(g$tau2Specificity * (1 - g$correlation^2)))
    entry$glmmExact <- exact_ml(d, start)
  }
  results[[length(results) + 1]] <- entry
}

out <- list(
  generator = "scripts/reference/meta_fixtures.R",
  versions = list(R = sub("^R version ", "", R.version.string), metafor = as.character(packageVersion("metafor")),
                  lme4 = as.character(packageVersion("lme4")), Matrix = as.character(packageVersion("Matrix")),
                  metadat = as.character(packageVersion("metadat"))),
  datasets = results)
writeLines(json(out), file.path(fixture_dir, "meta.json"))
cat("wrote", file.path(fixture_dir, "meta.json"), "\n")
