"""A source's track record in the sources manager, and its suggested grade taken in one click."""

from __future__ import annotations

import pytest

from tests.analysis.corroboration_case import Case, case, source_id
from workbench.domain import Source
from workbench.services.claims import edit_claim
from workbench.ui.session import UiSession
from workbench.ui.track_record_view import TrackRecordView

__all__ = ["case"]  # the fixture
pytestmark = pytest.mark.gui


def test_a_source_whose_claims_were_refuted_is_offered_a_lower_grade(qtbot, case: Case) -> None:
    """Reuters' three refuted claims are counted, E is suggested, and one click grades it E."""
    for claim_id in (case.seed, case.copy, case.third):
        edit_claim(case.project, claim_id, status="refuted")
    session = UiSession(case.project)
    view = TrackRecordView(session, "source")
    qtbot.addWidget(view)
    view.show()
    reuters = source_id(case.project, "Reuters")
    view.show_record(reuters)
    qtbot.waitUntil(lambda: view.record is not None)
    assert view.outcome.text().startswith(
        "Track record: 3 claims: 0 corroborated, 0 disputed, 3 refuted"
    )
    assert (
        view.suggested.text()
        == "Suggested reliability: 0% of 3 ended claims held up → E unreliable"
    )
    assert view.use.isVisible()
    view.use.click()
    with case.project.reading() as read:
        graded = read.get(Source, reuters)
        assert graded is not None and graded.reliability == "E"
    qtbot.waitUntil(lambda: not view.use.isVisible())
    session.tasks.wait()
    session.close()
