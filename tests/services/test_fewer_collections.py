import gc

from workbench.services.fewer_collections import YOUNG, fewer_collections


def test_thresholds_raised_within_and_given_back_after_the_last() -> None:
    """Within (nested) exports the young threshold is at least YOUNG; after the last, as before."""
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (max(YOUNG, before[0]), *before[1:])
        with fewer_collections():
            assert gc.get_threshold()[0] >= YOUNG
        assert gc.get_threshold()[0] >= YOUNG
    assert gc.get_threshold() == before
