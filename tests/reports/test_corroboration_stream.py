"""The report's corroboration clusters worked out set-based and judged a batch at a time are
those the project's read model judges, entry for entry, and no read model is made for them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.reports.full_golden import syndicated_case
from workbench.domain import Article, Claim
from workbench.reports.corroboration_model import ClusterEntry
from workbench.services import Project, corroboration_stream
from workbench.services.corroboration import cache_for
from workbench.services.corroboration_report import cluster_entry, corroboration_section


def _by_the_read_model(
    project: Project, article_ids: list[int], claim_ids: set[int] | None
) -> list[ClusterEntry]:
    """The entries the long way: the whole project's read model, its telling clusters."""
    cache = cache_for(project)
    _claims, telling = cache.telling_in_articles(set(article_ids), claim_ids)
    model = cache.model()
    titles = {a: facts.title for a, facts in model.names.articles.items()}
    entries = {cluster.id: cluster_entry(cluster, model.claims, titles) for cluster in telling}
    return [entries[key] for key in sorted(entries)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    with syndicated_case(tmp_path_factory.mktemp("case")) as made:
        yield made


def _ids(project: Project) -> tuple[list[int], list[int]]:
    with project.reading() as session:
        articles = list(session.scalars(select(Article.id).order_by(Article.id)))
        claims = list(session.scalars(select(Claim.id).order_by(Claim.id)))
    return articles, claims


@pytest.mark.parametrize("batch", [1000, 3])
def test_the_whole_projects_clusters_are_the_read_models(
    project: Project, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every telling cluster of the whole project, in order and word for word, read in one
    batch or in batches of three clusters."""
    monkeypatch.setattr(corroboration_stream, "BATCH", batch)
    articles, _claims = _ids(project)
    found = list(corroboration_section(project, articles).clusters)
    expected = _by_the_read_model(project, articles, None)
    assert any(len(entry.contradicted_by) for entry in expected)  # the case has them
    assert any(entry.summary.startswith("2 articles") for entry in expected)
    assert found == expected


def test_some_articles_and_claims_get_the_read_models_clusters(project: Project) -> None:
    """A report on every other article, and on every third claim of those, lists the very
    clusters the read model lists for it."""
    articles, claims = _ids(project)
    some = articles[::2]
    chosen = set(claims[::3])
    assert list(corroboration_section(project, some).clusters) == _by_the_read_model(
        project, some, None
    )
    found = list(corroboration_section(project, some, chosen).clusters)
    assert found == _by_the_read_model(project, some, chosen)


def test_the_section_reads_no_model_of_the_whole_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Working out the section (and reading its clusters) never reads the read model of
    every claim."""
    import workbench.services.corroboration as corroboration

    def refused(_session: object) -> None:
        raise AssertionError("the whole read model was read")

    monkeypatch.setattr(corroboration, "read_model", refused)
    with syndicated_case(tmp_path) as made:
        articles, _claims = _ids(made)
        section = corroboration_section(made, articles)
        assert len(list(section.clusters)) == len(section.clusters) > 0
