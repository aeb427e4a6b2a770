#!/usr/bin/python3
"""Run the workload ids of bench/workloads.json with NumPy.

Semantics: WORKLOAD.md. Prints one JSON line per id, plus {"meta": ...}
lines, in the format pluribus-bench writes:

    /usr/bin/python3 bench/numpy_bench.py --ids '^add\\.f64' [--repeats 7]

Only the standard library and numpy are used. OpenBLAS is pinned to one
thread (two for matmul .t2 ids): the variable must be set before numpy is
imported, so the ids are run in worker processes, one per run of
consecutive ids with the same thread count.
"""

import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import timeit

HERE = os.path.dirname(os.path.abspath(__file__))
THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def blas_threads(wid):
    """OpenBLAS threads for an id (WORKLOAD.md rule 4)."""
    return 2 if wid.startswith("matmul.") and wid.endswith(".t2") else 1


def load_workloads(path, pattern):
    with open(path) as f:
        data = json.load(f)
    rx = re.compile(pattern)
    return [w for w in data["workloads"] if rx.search(w["id"])]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ids", default=".", help="regular expression selecting ids")
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--workloads", default=os.path.join(HERE, "workloads.json"))
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--exact", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        return worker(args)

    ws = load_workloads(args.workloads, args.ids)
    if not ws:
        print("numpy_bench.py: no workload id matches %r" % args.ids, file=sys.stderr)
        return 1
    # Consecutive ids with the same BLAS thread count share a worker.
    groups = []
    for w in ws:
        t = blas_threads(w["id"])
        if groups and groups[-1][0] == t:
            groups[-1][1].append(w["id"])
        else:
            groups.append((t, [w["id"]]))
    rc = 0
    for t, ids in groups:
        env = dict(os.environ)
        for v in THREAD_VARS:
            env[v] = str(t)
        cmd = [sys.executable, os.path.abspath(__file__), "--worker",
               "--repeats", str(args.repeats), "--workloads", args.workloads,
               "--exact"] + ids
        sys.stdout.flush()
        r = subprocess.run(cmd, env=env)
        rc = rc or r.returncode
    return rc


# ---------------------------------------------------------------- worker


def worker(args):
    import numpy as np

    with open(args.workloads) as f:
        by_id = {w["id"]: w for w in json.load(f)["workloads"]}
    impl = "numpy-" + np.__version__
    emit({"meta": meta(np, impl)})
    tmp = tempfile.mkdtemp(prefix="numpy-bench-")
    try:
        for wid in args.exact:
            emit(run_one(np, by_id[wid], impl, args.repeats, tmp))
    finally:
        for name in os.listdir(tmp):
            os.remove(os.path.join(tmp, name))
        os.rmdir(tmp)
    return 0


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def meta(np, impl):
    m = {
        "impl": impl,
        "numpy_version": np.__version__,
        "python_version": sys.version.split()[0],
        "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "openblas_coretype_env": os.environ.get("OPENBLAS_CORETYPE"),
    }
    try:
        from threadpoolctl import threadpool_info

        m["threadpoolctl"] = threadpool_info()
    except Exception:  # not installed
        m["threadpoolctl"] = None
    m["blas_libraries"], m["openblas_corename"] = loaded_blas()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    m["cpu_model"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return m


def loaded_blas():
    """The BLAS shared libraries numpy loaded, and OpenBLAS's core name if
    OpenBLAS is one of them (the threadpoolctl answer, without it)."""
    libs = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1]
                name = os.path.basename(path)
                if path.startswith("/") and ("blas" in name or "mkl" in name or "blis" in name):
                    libs.add(os.path.realpath(path))
    except OSError:
        pass
    core = None
    for lib in sorted(libs):
        if "openblas" in lib:
            try:
                import ctypes

                fn = ctypes.CDLL(lib).openblas_get_corename
                fn.restype = ctypes.c_char_p
                core = fn().decode()
            except Exception:
                pass
    return sorted(libs), core


def parse_shape(s):
    if s.startswith("2d"):
        n = int(float(s[2:]))
        return (n, n)
    if "x" in s:
        a, b = s.split("x")
        return (int(a), int(b))
    return (int(float(s)),)


DTYPES = {"f64": "float64", "f32": "float32", "f16": "float16", "i64": "int64",
          "i32": "int32", "i16": "int16", "i8": "int8"}


def gen(np, rng, dt, dist, shape):
    """Input data (WORKLOAD.md rule 5)."""
    if dist == "uniform":
        v = rng.random(shape)
    elif dist == "ints":
        return rng.integers(-1000, 1000, size=shape, dtype=DTYPES[dt])
    elif dist == "positive":
        v = rng.uniform(0.1, 100, size=shape)
    elif dist == "symmetric":
        v = rng.uniform(-10, 10, size=shape)
    elif dist == "full":
        info = np.iinfo(DTYPES[dt])
        return rng.integers(info.min, info.max, size=shape, dtype=DTYPES[dt], endpoint=True)
    elif dist == "normal":
        v = rng.standard_normal(shape)
    else:
        raise ValueError(dist)
    return v.astype(DTYPES[dt])


def setup(np, w, tmp):
    """Returns (namespace, statement, relerr function or None)."""
    wid = w["id"]
    parts = wid.split(".")
    op, dt, shape_s, variant = parts[0], parts[1], parts[2], ".".join(parts[3:])
    shape = parse_shape(shape_s)
    rng = np.random.default_rng(len(wid))
    ns = {"np": np}
    relerr = None

    def g(dist, shp=shape, d=dt):
        return gen(np, rng, d, dist, shp)

    if op in ("add", "mul"):
        fn = "np.add" if op == "add" else "np.multiply"
        dist = "ints" if dt.startswith("i") else "uniform"
        ns["a"], ns["b"] = g(dist), g(dist)
        ns["c"] = np.zeros(shape, DTYPES[dt])
        sym = "+" if op == "add" else "*"
        if variant == "alloc" or (variant == "" and w["alloc"]):
            stmt = "c = a %s b" % sym
        elif variant in ("", "out"):
            stmt = "%s(a, b, out=c)" % fn
        elif variant == "stride2":
            A, B = g(dist, (2 * shape[0],)), g(dist, (2 * shape[0],))
            ns["a"], ns["b"] = A[::2], B[::2]  # views made once, as allowed
            stmt = "%s(a, b, out=c)  # a = A[::2], b = B[::2]" % fn
        elif variant == "T":
            ns["aT"] = ns["a"].T
            stmt = "%s(aT, b, out=c)" % fn
        elif variant == "TT.alloc":
            ns["aT"], ns["bT"] = ns["a"].T, ns["b"].T
            stmt = "c = aT %s bT" % sym
        elif variant == "bcast_row":
            ns["b"] = g(dist, (shape[1],))
            stmt = "%s(a, b, out=c)" % fn
        elif variant == "bcast_col":
            ns["b"] = g(dist, (shape[0], 1))
            stmt = "%s(a, b, out=c)" % fn
        else:
            raise ValueError(variant)
    elif op == "fma":
        ns["a"], ns["b"], ns["c"] = g("uniform"), g("uniform"), g("uniform")
        stmt = "d = a * b + c"
    elif op in ("sqrt", "exp", "log", "sin"):
        dist = "positive" if op in ("sqrt", "log") else "symmetric"
        # float32 inputs are the float64 values rounded to float32.
        ns["a"] = g(dist, d="f64").astype(DTYPES[dt])
        ns["c"] = np.empty(shape, DTYPES[dt])
        stmt = "np.%s(a, out=c)" % op
    elif op == "less":
        ns["a"], ns["b"] = g("uniform"), g("uniform")
        ns["m"] = np.empty(shape, bool)
        stmt = "np.less(a, b, out=m)"
    elif op in ("sum", "max", "argmax", "mean", "std"):
        if dt in ("i8", "i16"):
            ns["a"] = g("full")
            stmt = "a.sum(dtype=np.int64)"
        else:
            ns["a"] = g("uniform")
            stmt = "a.%s()" % op
            if variant in ("axis0", "axis1"):
                stmt = "a.sum(axis=%s)" % variant[-1]
        if op == "sum" and (dt == "f64" and not variant or dt == "f32"):
            exact = math.fsum(ns["a"].astype(np.float64).ravel().tolist())
            a = ns["a"]
            relerr = lambda: abs(float(a.sum()) - exact) / abs(exact)
    elif op == "dot":
        ns["a"], ns["b"] = g("uniform"), g("uniform")
        stmt = "np.dot(a, b)"
    elif op == "matmul":
        n = shape[0]
        ns["a"], ns["b"] = g("uniform", (n, n)), g("uniform", (n, n))
        ns["c"] = np.empty((n, n), DTYPES[dt])
        stmt = "np.matmul(a, b, out=c)"
    elif op == "astype":
        src, dst = dt.split("_")
        ns["a"] = g("uniform", d=src)
        stmt = "a.astype(np.%s)" % DTYPES[dst]
    elif op == "copy":
        ns["a"] = g("uniform")
        if variant == "T":
            ns["aT"] = ns["a"].T
            stmt = "aT.copy()"
        else:
            stmt = "a.copy()"
    elif op == "mask_select":
        ns["a"] = g("normal")
        stmt = "a[a > 0]"
    elif op == "sort":
        ns["a"] = g("uniform")
        stmt = "np.sort(a)"
    elif op == "zeros":
        stmt = "np.zeros(%d)" % shape[0]
    elif op in ("npy_save", "npy_load"):
        ns["a"] = g("uniform")
        ns["path"] = os.path.join(tmp, "bench.npy")
        np.save(ns["path"], ns["a"])
        stmt = "np.save(path, a)" if op == "npy_save" else "np.load(path)"
    else:
        raise ValueError("no NumPy setup for " + wid)
    return ns, stmt, relerr


def run_one(np, w, impl, repeats, tmp):
    res = {"id": w["id"], "impl": impl, "bytes_per_op": w["bytes"],
           "flops_per_op": w["flops"], "notes": "", "threads": blas_threads(w["id"])}
    try:
        ns, stmt, relerr = setup(np, w, tmp)
    except Exception as e:  # report, keep going
        res["error"] = "%s: %s" % (type(e).__name__, e)
        return res
    res["notes"] = "stmt: " + stmt
    timer = timeit.Timer(stmt.split("#")[0].strip(), globals=ns)
    number, _ = timer.autorange()
    per_call = [t / number * 1e9 for t in timer.repeat(repeat=repeats, number=number)]
    q1, med, q3 = quantiles(per_call)
    res.update({"ns_per_op": med, "min_ns_per_op": min(per_call),
                "q1_ns_per_op": q1, "q3_ns_per_op": q3,
                "number": number, "repeats": repeats})
    if relerr is not None:
        res["rel_err"] = relerr()
    # Keep the key order of WORKLOAD.md's example.
    order = ["id", "impl", "ns_per_op", "bytes_per_op", "flops_per_op", "notes",
             "min_ns_per_op", "q1_ns_per_op", "q3_ns_per_op", "number", "repeats",
             "threads", "rel_err"]
    return {k: res[k] for k in order if k in res}


def quantiles(xs):
    """q1, median, q3 with linear interpolation (numpy.percentile default)."""
    if len(xs) == 1:
        return xs[0], xs[0], xs[0]
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return q[0], statistics.median(xs), q[2]


if __name__ == "__main__":
    sys.exit(main())
