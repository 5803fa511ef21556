#!/usr/bin/env python3
"""Clopper-Pearson intervals for the six proportions of every table, with
vectorised scipy.stats.beta.ppf/isf, read from and written to CSV with
pandas: the exact-interval part of `dxkit accuracy --input tables.csv --ci
clopper-pearson` (which also computes the LRs, DOR and Youden).
Usage: batch_exact_scipy.py tables.csv > out.csv"""
import sys, time
import numpy as np, pandas as pd
from scipy.stats import beta
t=time.perf_counter()
f=pd.read_csv(sys.argv[1])
tp,fp,fn,tn=(f[c].to_numpy(float) for c in ("tp","fp","fn","tn"))
out={}
for name,x,n in [("se",tp,tp+fn),("sp",tn,tn+fp),("ppv",tp,tp+fp),("npv",tn,tn+fn),("prev",tp+fn,tp+fp+fn+tn),("acc",tp+tn,tp+fp+fn+tn)]:
    with np.errstate(all="ignore"):
        lo=np.where(x==0,0.0,beta.ppf(0.025,x,n-x+1)); hi=np.where(x==n,1.0,beta.isf(0.025,x+1,n-x))
    out[name+"_lower"]=lo; out[name+"_upper"]=hi
pd.concat([f,pd.DataFrame(out)],axis=1).to_csv(sys.stdout,index=False)
