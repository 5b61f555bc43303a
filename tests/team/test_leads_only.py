"""Only a lead deletes what others made, enforced by the shared store itself: an analyst's
DELETE of a colleague's record is refused by the server whatever the client (the workbench,
or SQL written past it), a cascade included; their own records and a lead's deletes go."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import func, select

from tests.team.conftest import Databases
from workbench.domain import Article, Claim
from workbench.domain.anchoring import Span
from workbench.services import Project
from workbench.services.articles import NewArticle, add_article, delete_article
from workbench.services.claims import create_claim, delete_claim
from workbench.services.entities import create_actor, merge_actors
from workbench.services.team import add_to_team
from workbench.store.leads_only import RECORD_TABLES, SQLSTATE
from workbench.store.provenance import LeadsOnly

TALKS = "Geneva talks collapse.\n\nReuters reports the Geneva talks collapsed on Tuesday."


def _as(url: str, role: str) -> str:
    return url.replace("wb_admin@", f"{role}@")


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg", "postgresql")


@pytest.fixture
def team(databases: Databases) -> str:
    """A case whose team has two analysts (lo_ann, lo_ben) and a lead (lo_lea)."""
    url = databases.project()
    with Project.open(url) as owner:
        for name, role in (("lo_ann", "analyst"), ("lo_ben", "analyst"), ("lo_lea", "lead")):
            add_to_team(owner, name, role)
    return url


def test_sql_past_the_workbench_cannot_delete_a_colleagues_record(team: str) -> None:
    """Ben's plain `DELETE FROM claims` of Ann's claim is refused by the server with the
    workbench's own code, naming the creator; the claim is still there."""
    with Project.open(_as(team, "lo_ann")) as ann:
        article = add_article(ann, NewArticle(text=TALKS, title="Geneva"))
        claim = create_claim(ann, article, Span(0, 22))
    with psycopg.connect(_dsn(_as(team, "lo_ben"))) as connection:
        with pytest.raises(psycopg.Error, match="lo_ann created it") as refused:
            connection.execute("DELETE FROM claims WHERE id = %s", (claim,))
        assert refused.value.sqlstate == SQLSTATE
    with Project.open(team) as owner, owner.reading() as session:
        assert session.get(Claim, claim) is not None


def test_the_analysts_words_for_the_servers_refusal(team: str) -> None:
    """Through the workbench, Ben's delete of Ann's article (which would take her claim with
    it) and his merge away of her actor are refused in one line each; nothing changes.
    His own claim on her article he may delete."""
    with Project.open(_as(team, "lo_ann")) as ann:
        article = add_article(ann, NewArticle(text=TALKS, title="Geneva"))
        theirs = create_actor(ann, "Araqchi")
    with Project.open(_as(team, "lo_ben")) as ben:
        own = create_claim(ben, article, Span(0, 22))
        own_actor = create_actor(ben, "Abbas Araqchi")
        with pytest.raises(
            LeadsOnly,
            match=rf"only a lead may delete or merge records others made: article {article}"
            r" was created by lo_ann; nothing was changed",
        ):
            delete_article(ben, article)
        with pytest.raises(LeadsOnly, match=rf"actor {theirs} was created by lo_ann"):
            merge_actors(ben, own_actor, theirs)
        delete_claim(ben, own)
        with ben.reading() as session:
            assert session.scalar(select(func.count()).select_from(Article)) == 1
    with Project.open(_as(team, "lo_lea")) as lead:
        delete_article(lead, article)
        with lead.reading() as session:
            assert session.scalar(select(func.count()).select_from(Article)) == 0


def test_every_record_table_carries_the_rule(team: str) -> None:
    """The server's trigger is on each record table the rule names, and on no other."""
    with psycopg.connect(_dsn(team)) as connection:
        rows = connection.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE t.tgname = 'wb_leads_only'"
        ).fetchall()
    assert sorted(name for (name,) in rows) == sorted(RECORD_TABLES)
