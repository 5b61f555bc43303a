"""The All claims list's first screenful: the same claims, in the same order, as the start of
the whole listing, for every sort and both directions."""

from __future__ import annotations

import pytest

from workbench.services import Project
from workbench.services.claim_list import SORTS, ClaimFilter, claim_ids
from workbench.services.errors import InvalidInput


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [True, False])
def test_the_first_screenful_is_the_start_of_the_whole_list(
    sample_project: Project, sort: str, descending: bool
) -> None:
    """Asking for the first three claims gives the first three of the full listing."""
    every = claim_ids(sample_project, ClaimFilter(), sort, descending)
    assert len(every) == 6
    assert claim_ids(sample_project, ClaimFilter(), sort, descending, limit=3) == every[:3]


def test_the_first_screenful_keeps_the_filter(sample_project: Project) -> None:
    """A filtered first screenful holds only claims that pass the filter."""
    wanted = ClaimFilter(status="corroborated")
    every = claim_ids(sample_project, wanted, "status")
    assert 0 < len(every) < 6
    assert claim_ids(sample_project, wanted, "status", limit=100) == every


def test_an_empty_screenful_is_refused(sample_project: Project) -> None:
    """A first screenful of no claims is a clear error, not an empty list."""
    with pytest.raises(InvalidInput, match="at least one claim"):
        claim_ids(sample_project, limit=0)
