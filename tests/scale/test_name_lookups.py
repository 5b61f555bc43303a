"""Look-ups by name in any case, non-ASCII names included, served by the stored name key."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from workbench.domain.name_keys import name_key
from workbench.services import Project
from workbench.services.annotations import add_tag
from workbench.services.articles import NewArticle, add_article
from workbench.services.entities import add_alias, create_actor, create_source, edit_actor
from workbench.services.library import ArticleFilter, article_ids
from workbench.services.lookup import named, suggest_names
from workbench.store.engine import sqlite_engine
from workbench.store.migrations import alembic_config


def test_keys_fold_case_width_and_the_turkish_dotted_i() -> None:
    """Names an analyst would call the same share a key; different letters do not."""
    assert name_key("ÄRZTE  ohne Grenzen") == name_key("ärzte ohne grenzen")
    assert name_key("Straße") == name_key("STRASSE")
    assert name_key("İstanbul") == name_key("ISTANBUL") == name_key("istanbul")
    assert name_key("Ｒｅｕｔｅｒｓ") == name_key("reuters")  # full-width letters (NFKC)
    assert name_key("Ärzte") == name_key("A\u0308rzte")  # decomposed umlaut
    assert name_key("Ärzte") != name_key("Arzte")
    assert name_key("ılık") != name_key("ilik")  # dotless ı is its own letter


def test_sources_and_actors_are_found_in_any_case(project: Project) -> None:
    """A source or actor with a non-ASCII name is found however the analyst capitalises it."""
    doctors = create_source(project, "Ärzte ohne Grenzen")
    city = create_actor(project, "İstanbul Municipality", kind="organisation")
    assert named(project, "source", "ÄRZTE OHNE GRENZEN") == doctors
    assert named(project, "actor", "istanbul municipality") == city
    assert named(project, "actor", "Istanbul  Municipality") == city
    assert named(project, "source", "Arzte ohne Grenzen") is None


def test_aliases_and_type_ahead_use_the_key(project: Project) -> None:
    """Type-ahead finds names and aliases by their start or a word's start, in any case."""
    city = create_actor(project, "İstanbul Municipality", kind="organisation")
    add_alias(project, "actor", city, "Büyükşehir Belediyesi")
    create_actor(project, "Ankara")
    assert named(project, "actor", "BÜYÜKŞEHIR BELEDIYESI") == city
    assert [m.id for m in suggest_names(project, "ist", kinds=("actor",))] == [city]
    assert [m.id for m in suggest_names(project, "beled", kinds=("actor",))] == [city]
    assert suggest_names(project, "zzz") == []


def test_a_renamed_actor_is_found_by_its_new_name_only(project: Project) -> None:
    """Renaming keeps the key in step: the new name finds the actor, the old one no longer."""
    actor = create_actor(project, "Müller")
    edit_actor(project, actor, name="Özil")
    assert named(project, "actor", "ÖZIL") == actor
    assert named(project, "actor", "müller") is None
    project.undo()
    assert named(project, "actor", "MÜLLER") == actor


def test_tags_match_in_any_case_in_the_library(project: Project) -> None:
    """A tag given as 'Ärzte' is one tag with 'ÄRZTE', and the library filter finds it so."""
    article = add_article(project, NewArticle(text="Doctors\n\nThe clinic reopened on Monday."))
    add_tag(project, "article", article, "Ärzte")
    add_tag(project, "article", article, "ÄRZTE")
    with project.reading() as session:
        assert session.execute(text("SELECT count(*) FROM tags")).scalar() == 1
    assert article_ids(project, ArticleFilter(tag="ärzte")) == [article]


def test_upgrading_an_older_project_fills_the_keys(tmp_path: Path) -> None:
    """A project stored before the keys existed gets them on upgrade, so its names are found."""
    path = tmp_path / "old.wbproj"
    engine = sqlite_engine(path)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(
            text("INSERT INTO sources (id, name, kind, reliability, description)"
                 " VALUES (1, 'Ärzte ohne Grenzen', 'organisation', 'B', '')")
        )  # fmt: skip
    engine.dispose()
    with Project.open(path) as project:
        assert named(project, "source", "ÄRZTE OHNE GRENZEN") == 1
