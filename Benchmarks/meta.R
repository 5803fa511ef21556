#!/usr/bin/env Rscript
# The bivariate meta-analysis of a study CSV (study,tp,fp,fn,tn) in R, as a user runs it:
#   Rscript Benchmarks/meta.R FILE reitsma   # metafor rma.mv REML on the stacked logits (0.5 to studies with a zero cell)
#   Rscript Benchmarks/meta.R FILE glmm      # lme4 glmer, Laplace
# Prints the logit means, tau^2, the correlation and the log-likelihood on one line.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
model <- if (length(args) > 1) args[2] else "reitsma"
k <- nrow(d)
if (model == "reitsma") {
  suppressPackageStartupMessages(library(metafor))
  z <- d$tp == 0 | d$fp == 0 | d$fn == 0 | d$tn == 0
  a <- d$tp + 0.5 * z; b <- d$fp + 0.5 * z; c <- d$fn + 0.5 * z; e <- d$tn + 0.5 * z
  long <- data.frame(study = rep(seq_len(k), each = 2), type = factor(rep(c("se", "sp"), k)))
  long$yi <- as.vector(rbind(log(a / c), log(e / b)))
  long$vi <- as.vector(rbind(1 / a + 1 / c, 1 / b + 1 / e))
  fit <- rma.mv(yi, vi, mods = ~ type - 1, random = ~ type | study, struct = "UN", data = long, method = "REML")
  cat(sprintf("metafor REML: mu %.6f %.6f tau2 %.6f %.6f rho %.6f logLik %.6f\n", fit$beta[1], fit$beta[2], fit$tau2[1], fit$tau2[2], fit$rho, logLik(fit)))
} else {
  suppressPackageStartupMessages(library(lme4))
  long <- data.frame(study = factor(rep(seq_len(k), each = 2)), se = rep(c(1, 0), k), sp = rep(c(0, 1), k),
                     pos = as.vector(rbind(d$tp, d$tn)), n = as.vector(rbind(d$tp + d$fn, d$fp + d$tn)))
  fit <- glmer(cbind(pos, n - pos) ~ 0 + se + sp + (0 + se + sp | study), family = binomial, data = long)
  vc <- VarCorr(fit)$study
  cat(sprintf("lme4 Laplace: mu %.6f %.6f tau2 %.6f %.6f rho %.6f logLik %.6f\n", fixef(fit)[1], fixef(fit)[2], vc[1, 1], vc[2, 2],
              attr(vc, "correlation")[1, 2], logLik(fit)))
}
