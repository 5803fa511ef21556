# The bedside query of `dxkit posttest --sign closed-fist-percussion=positive
# --sign supine-sign=positive` done in R with epiR: each sign's LR with
# epi.tests (log method), the independence product and its log interval,
# 20,000 Jeffreys Monte Carlo draws, the Fréchet range and the gate.
suppressPackageStartupMessages(library(epiR))
signs <- list(c(42, 3, 6, 27), c(39, 2, 9, 28))
pretest <- 48 / 78; level <- 0.95; draws <- 20000
odds <- pretest / (1 - pretest)
z <- qnorm(1 - (1 - level) / 2)
product <- 1; variance <- 0
for (s in signs) {
  tests <- epi.tests(as.table(matrix(s, nrow = 2, byrow = TRUE)), method = "wilson", conf.level = level)
  lr <- tests$detail[tests$detail$statistic == "lr.pos", ]
  product <- product * lr$est
  variance <- variance + 1 / s[1] - 1 / (s[1] + s[3]) + 1 / s[2] - 1 / (s[2] + s[4])
}
post <- odds * product / (1 + odds * product)
half <- z * sqrt(variance)
set.seed(20100163)
m <- list(); f <- list()
for (s in signs) {
  m[[length(m) + 1]] <- rbeta(draws, s[1] + 0.5, s[3] + 0.5)
  f[[length(f) + 1]] <- 1 - rbeta(draws, s[4] + 0.5, s[2] + 0.5)
}
lrs <- m[[1]] * m[[2]] / (f[[1]] * f[[2]])
mc <- odds * lrs / (1 + odds * lrs)
low_d <- pmax(0, m[[1]] + m[[2]] - 1); low_n <- pmax(0, f[[1]] + f[[2]] - 1)
lowest <- odds * (low_d / pmin(f[[1]], f[[2]])); lowest <- lowest / (1 + lowest)
upper <- ifelse(low_n > 0, pmin(m[[1]], m[[2]]) / low_n, Inf)
highest <- ifelse(is.infinite(upper), 1, odds * upper / (1 + odds * upper))
gate <- c(quantile(lowest, 0.025), quantile(highest, 0.975))
klass <- if (gate[1] >= 0.8) "acute" else if (gate[2] <= 0.2) "chronic" else "indeterminate"
cat(sprintf("post-test %.4f (%.4f-%.4f); MC %.4f-%.4f; gate %.4f-%.4f %s\n", post,
            odds * product * exp(-half) / (1 + odds * product * exp(-half)),
            odds * product * exp(half) / (1 + odds * product * exp(half)),
            quantile(mc, 0.025), quantile(mc, 0.975), gate[1], gate[2], klass))
