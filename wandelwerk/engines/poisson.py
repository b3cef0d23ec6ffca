"""The lower Poisson tail P(X ≤ k | λ), vectorised: exact in log space for small counts, the
Wilson–Hilferty approximation above (absolute error < 2e-4 there). Pure NumPy."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

EXACT_MAX_COUNT = 50

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def poisson_cdf(count: npt.ArrayLike, lam: npt.ArrayLike) -> FloatArray:
    """P(X ≤ count) for X ~ Poisson(lam), elementwise; exact up to count 50, Wilson–Hilferty above."""
    k = np.asarray(count, dtype=np.int64)
    lam_arr = np.asarray(lam, dtype=np.float64)
    k, lam_arr = np.broadcast_arrays(k, lam_arr)
    if np.any(k < 0) or np.any(lam_arr < 0) or np.any(~np.isfinite(lam_arr)):
        raise ValueError("poisson_cdf needs counts ≥ 0 and finite means ≥ 0")
    out = np.ones(k.shape, dtype=np.float64)  # λ = 0: every count ≥ 0 is certain
    small = (k <= EXACT_MAX_COUNT) & (lam_arr > 0)
    if small.any():
        out[small] = _cdf_exact(k[small], lam_arr[small])
    large = (k > EXACT_MAX_COUNT) & (lam_arr > 0)
    if large.any():
        kk = k[large].astype(np.float64) + 1.0
        z = ((lam_arr[large] / kk) ** (1.0 / 3.0) - 1.0 + 1.0 / (9.0 * kk)) * 3.0 * np.sqrt(kk)
        out[large] = 0.5 * _erfc(z / math.sqrt(2.0))
    return out


_LGAMMA = np.array([math.lgamma(j + 1) for j in range(EXACT_MAX_COUNT + 1)])  # log j!
_erfc = np.vectorize(math.erfc, otypes=[np.float64])


def _cdf_exact(k: IntArray, lam: FloatArray) -> FloatArray:
    # log term_j = j·log λ − λ − log j!; the largest term with j ≤ k sits at m = min(k, ⌊λ⌋), so every
    # term relative to it is ≤ 1 and the sum lies in [1, k + 1]. Entries are sorted by count, largest
    # first, so step j only touches the prefix with k ≥ j: work is Σ(k + 1), not n · (max k + 1).
    order = np.argsort(-k, kind="stable")
    ks, lams = k[order], lam[order]
    log_lam = np.log(lams)
    m = np.minimum(ks, np.floor(lams).astype(np.int64))
    log_max = m * log_lam - lams - _LGAMMA[m]
    base = -lams - log_max
    rel = np.zeros(ks.shape, dtype=np.float64)
    neg = -ks
    for j in range(int(ks[0]) + 1 if len(ks) else 0):
        n_j = int(np.searchsorted(neg, -j, side="right"))  # entries with k ≥ j
        rel[:n_j] += np.exp(j * log_lam[:n_j] + base[:n_j] - _LGAMMA[j])
    result = np.empty(k.shape, dtype=np.float64)
    result[order] = np.minimum(1.0, np.exp(log_max + np.log(rel)))
    return result
