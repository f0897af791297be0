#!/usr/bin/env python3
"""Fits the rational erfcx(y) = N(y)/D(y) on [0, 28.3] used by netgamma's SIMD Black-76 kernel
(netgamma-core io.netgamma.core.pricing.VectorBatchPricer, constants N0..N10 and D0..D11).

Method (netgamma's own; needs Python 3 and mpmath, not part of the build):
 1. In the variable u = c/(c + y), c = 2 (u in (0.066, 1]), fit h(u) = erfcx(y)/u, which is smooth at both ends
    (h -> 1/(c·sqrt(pi)) as y -> infinity), by a rational P(u)/Q(u) of degree (10, 10): Sanathanan–Koerner
    iterations of a linearised least-squares problem weighted for relative error on 600 Chebyshev nodes,
    then Lawson reweighting towards the minimax solution; 60-digit arithmetic; the best iterate is kept.
 2. Multiply out: erfcx(y) = u·P(u)/Q(u) = N(y)/D(y) with N(y) = c·Σ p_j c^j (c+y)^(10-j) and
    D(y) = (c+y)·Σ q_j c^j (c+y)^(10-j), normalised to D(0) = 1. Every coefficient comes out positive, so
    Horner's rule in double precision has no cancellation.
 3. Check in double precision with fused multiply-adds (as the kernel evaluates it) on 60,000 points.

Run: python3 scripts/erfcx_rational_fit.py   (about two minutes) — prints the coefficients and the errors.
"""
import random

import mpmath as mp

mp.mp.dps = 60
C = mp.mpf(2)
DEG = 10
YMAX = mp.mpf("28.5")
NODES = 600


def target(u):
    y = C * (1 - u) / u
    return mp.erfc(y) * mp.exp(y * y) / u


def fit():
    a = C / (C + YMAX)
    us = [(a + 1) / 2 + (1 - a) / 2 * mp.cos(mp.pi * (k + mp.mpf(1) / 2) / NODES) for k in range(NODES)]
    hs = [target(u) for u in us]
    qprev = [mp.mpf(1)] * NODES
    lawson = [mp.mpf(1)] * NODES
    best = None
    for it in range(30):
        rows, rhs = [], []
        for i, u in enumerate(us):
            sc = mp.sqrt(lawson[i]) / (hs[i] * qprev[i])
            rows.append([sc * u ** j for j in range(DEG + 1)] + [-sc * hs[i] * u ** j for j in range(1, DEG + 1)])
            rhs.append(sc * hs[i])
        sol = mp.qr_solve(mp.matrix(rows), mp.matrix(rhs))[0]
        p = [sol[j] for j in range(DEG + 1)]
        q = [mp.mpf(1)] + [sol[DEG + j] for j in range(1, DEG + 1)]
        errs = [(mp.polyval(p[::-1], u) / mp.polyval(q[::-1], u) - h) / h for u, h in zip(us, hs)]
        qprev = [mp.polyval(q[::-1], u) for u in us]
        emax = max(abs(e) for e in errs)
        if best is None or emax < best[0]:
            best = (emax, p, q)
        if it >= 5:
            lawson = [lawson[i] * abs(errs[i]) for i in range(NODES)]
            total = sum(lawson)
            lawson = [x / total * NODES for x in lawson]
    return best


def in_y(p, q):
    def expand(coefs):
        out = [mp.mpf(0)] * (DEG + 1)
        for j, aj in enumerate(coefs):
            e = DEG - j
            for i in range(e + 1):
                out[i] += aj * C ** j * mp.binomial(e, i) * C ** (e - i)
        return out
    n = [C * x for x in expand(p)]
    qy = expand(q)
    d = [mp.mpf(0)] * (DEG + 2)
    for i, x in enumerate(qy):
        d[i] += C * x
        d[i + 1] += x
    return [float(x / d[0]) for x in n], [float(x / d[0]) for x in d]


def fma(a, b, c):
    return float(mp.mpf(a) * mp.mpf(b) + mp.mpf(c))


def check(n, d):
    worst, at = 0.0, 0.0
    ys = [28.3 * k / 40000 for k in range(40001)] + [random.Random(1).uniform(0, 28.3) for _ in range(20000)]
    for y in ys:
        num = n[-1]
        for c in reversed(n[:-1]):
            num = fma(num, y, c)
        den = d[-1]
        for c in reversed(d[:-1]):
            den = fma(den, y, c)
        exact = mp.erfc(y) * mp.exp(mp.mpf(y) ** 2)
        err = float(abs((num / den - exact) / exact))
        if err > worst:
            worst, at = err, y
    return worst, at


if __name__ == "__main__":
    emax, p, q = fit()
    print("fit in u: max relative error (exact arithmetic)", mp.nstr(emax, 3))
    n, d = in_y(p, q)
    for j, v in enumerate(n):
        print(f"N{j} = {v!r}")
    for j, v in enumerate(d):
        print(f"D{j} = {v!r}")
    print("all coefficients positive:", all(x > 0 for x in n + d))
    worst, at = check(n, d)
    print(f"double precision, FMA Horner: worst relative error {worst:.3g} at y = {at}")
