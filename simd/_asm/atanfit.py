"""Fits the coefficients of atanPoly64 and atanPoly32 (simd/atan_generic.go).

P(w) approximates (atan z - z)/(z w), w = z² on [0, 1], weighted so that
the error is that of z + z w P(w) relative to atan z. Lawson's iteration
(iteratively reweighted least squares, which tends to the minimax fit) on
a Chebyshev grid; then the coefficients are rounded one at a time, from
w⁰ up, and the others fitted again after each. Prints the coefficients
from the highest power down, as the Go tables hold them, and the relative
error (log2) to stderr.

    python3 atanfit.py 20 64 300 20   # float64 (needs mpmath)
    python3 atanfit.py 9 32 300 20    # float32
"""
import mpmath as mp, sys, struct
mp.mp.dps = 40
def F(w):
    z = mp.sqrt(w)
    return (mp.atan(z)-z)/(z*w)
def W(w):
    z = mp.sqrt(w)
    return z*w/mp.atan(z)
n = int(sys.argv[1]); kind = sys.argv[2]
def rnd(x):
    if kind == "64": return mp.mpf(float(x))
    return mp.mpf(struct.unpack('f', struct.pack('f', float(x)))[0])
npts = int(sys.argv[3])
ws = [ (1-mp.cos(mp.pi*(k+0.5)/npts))/2 for k in range(npts)]
fs = [F(w) for w in ws]; Ws = [W(w) for w in ws]
fixed = {}  # power j -> value
def fit(free):
    lw = [mp.mpf(1)]*npts
    m = len(free)
    for it in range(int(sys.argv[4])):
        A = mp.matrix(m, m); b = mp.matrix(m, 1)
        for w,f,Wt,l in zip(ws,fs,Ws,lw):
            ww = l*Wt*Wt
            r = f - sum(v*w**j for j,v in fixed.items())
            pw = [w**j for j in free]
            for i in range(m):
                b[i] += ww*pw[i]*r
                for j in range(m):
                    A[i,j] += ww*pw[i]*pw[j]
        c = mp.lu_solve(A, b)
        cs = dict(fixed); cs.update({j: c[i] for i,j in enumerate(free)})
        errs = [abs(Wt*(sum(v*w**j for j,v in cs.items())-f)) for w,f,Wt in zip(ws,fs,Ws)]
        s = sum(l*e for l,e in zip(lw,errs))
        lw = [l*e/s for l,e in zip(lw,errs)]
    return cs, max(errs)
free = list(range(n))
cs, e = fit(free)
print("unrounded", float(mp.log(e,2)), file=sys.stderr)
while free:
    j = free.pop(0)
    fixed[j] = rnd(cs[j])
    if free:
        cs, e = fit(free)
    else:
        cs = dict(fixed)
        e = max(abs(Wt*(sum(v*w**j for j,v in cs.items())-f)) for w,f,Wt in zip(ws,fs,Ws))
    print(j, float(mp.log(e,2)), file=sys.stderr)
for j in reversed(range(n)):
    v = fixed[j]
    print((repr(float(v)) if kind=="64" else "%.9g" % float(v)) + ",")
