# epiR's epi.tests (Wilson) on the first N tables of a CSV, one call per
# table: the same measures as `dxkit accuracy --input` (Wilson, log LRs).
# Usage: Rscript batch_epir.R tables.csv N > out.csv
suppressPackageStartupMessages(library(epiR))
arguments <- commandArgs(trailingOnly = TRUE)
tables <- read.csv(arguments[1], nrows = as.integer(arguments[2]))
rows <- vector("list", nrow(tables))
for (i in seq_len(nrow(tables))) {
  t <- tables[i, ]
  result <- epi.tests(as.table(matrix(c(t$tp, t$fp, t$fn, t$tn), nrow = 2, byrow = TRUE)), method = "wilson")
  rows[[i]] <- c(t$id, result$detail$est, result$detail$lower, result$detail$upper)
}
write.csv(do.call(rbind, rows), stdout(), row.names = FALSE)
