"""Story grouping's average-linkage clusters are SciPy's (linkage "average", fcluster "distance")."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from viewer.core.triage.linkage import average_clusters


def _scipy_clusters(d: np.ndarray, cutoff: float) -> list[int]:
    labels = fcluster(linkage(squareform(d, checks=False), "average"), cutoff, "distance")
    first: dict[int, int] = {}
    return [first.setdefault(label, p) for p, label in enumerate(labels.tolist())]


@settings(max_examples=300, deadline=None)
@given(st.integers(2, 30), st.integers(0, 2**32 - 1), st.sampled_from([0.0, 0.1, 0.5]),
       st.sampled_from([0.3, 0.5, 0.92]), st.booleans())
def test_the_same_clusters_as_scipy(n, seed, rounding, cutoff, far):
    rng = np.random.default_rng(seed)
    d = rng.random((n, n))
    if rounding:  # many equal distances: ties go the same way
        d = np.round(d / rounding) * rounding
    if far:  # most pairs as far apart as triage makes unrelated articles
        d = np.where(rng.random((n, n)) < 0.7, 1.0, d)
    np.fill_diagonal(d, 0.0)
    assert average_clusters(d, cutoff) == _scipy_clusters(d, cutoff)


def test_two_stories_and_a_loner():
    d = np.ones((5, 5))
    d[0, 1] = d[1, 0] = d[2, 3] = d[3, 2] = 0.1
    d[0, 2] = d[2, 0] = 0.95  # far enough apart that the stories stay two
    np.fill_diagonal(d, 0.0)
    assert average_clusters(d, 0.92) == [0, 0, 2, 2, 4]


def test_a_cancel_stops_a_large_group_between_merges():
    import pytest

    from viewer.core.util.cancel import Cancelled

    d = np.random.default_rng(3).random((600, 600))
    asked = []
    with pytest.raises(Cancelled):
        average_clusters(d, 0.5, cancelled=lambda: asked.append(1) or len(asked) > 1)
    assert len(asked) == 2  # the second look, 256 merges in, stopped it
