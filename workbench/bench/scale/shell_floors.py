"""The `sqlite3` shell's floors of the CSV, HTML, Markdown and JSON-LD export rows: the shell
reading what the format's file holds and writing it in its nearest output mode.

CSV holds every claim with its article, chain, reliabilities, actors, events, tags and notes:
`CSV_JOIN`, each list a correlated `group_concat` subquery, in no particular order within a
cell (it does not sort the items, word the credibility or neutralise formulas, which ours does).

HTML and Markdown hold that and every article whole, its text, byline, tags and notes
(`ARTICLES`): the shell writes both queries, in `.mode html` (escaped table cells) and, for
Markdown, `.mode csv` (quoted cells) — the shell's `.mode markdown` pads every cell to its
column's widest, an article's whole text, and wrote 283 MB for the 56 MB report at 10,000
articles, not the same work. JSON-LD holds the articles whole, every source, actor and event
record, every claim with its quote's context and times (`JSON_CLAIMS`), every actor mention
(`MENTIONS`) and every relation between claims, written in `.mode json`.

`JOIN` (claims with their article's title, chain, actors and tags; no article text, events,
notes or mentions) was the floor of HTML, Markdown and JSON-LD until version 0.4.2's last runs;
each of those rows still prints its ratio to it in its note; it stays the floor of the exchange
formats (REFI-QDA, STIX, FollowTheMoney, ClaimReview, citations). PDF and DOCX have their own
floors (`export_floors`)."""

from __future__ import annotations

import shutil
from typing import NamedTuple

from workbench.bench.scale.timing import python

JOIN = (
    "SELECT a.title, a.outlet, a.url, a.published, c.id, c.exact, c.summary, c.kind, c.status,"
    " c.credibility,"
    " (SELECT group_concat(coalesce(s.name, x.name) || ' (' || h.role || ')', ' → ')"
    "  FROM attribution_hops h LEFT JOIN sources s ON s.id = h.source_id"
    "  LEFT JOIN actors x ON x.id = h.actor_id WHERE h.claim_id = c.id),"
    " (SELECT group_concat(x.name, '; ') FROM claim_actors l JOIN actors x ON x.id = l.actor_id"
    "  WHERE l.claim_id = c.id),"
    " (SELECT group_concat(t.name, '; ') FROM taggings g JOIN tags t ON t.id = g.tag_id"
    "  WHERE g.target_kind = 'claim' AND g.target_id = c.id)"
    " FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY c.article_id, c.start"
)

_HOPS = (
    " FROM attribution_hops h LEFT JOIN sources s ON s.id = h.source_id"
    " LEFT JOIN actors x ON x.id = h.actor_id WHERE h.claim_id = c.id"
)
_CLAIMS = " FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY c.article_id, c.start"


def _claims(*more: str) -> str:
    """Every claim with what the CSV report holds of it, and the columns `more` besides."""
    return (
        "SELECT c.id, a.id, a.title, a.outlet, substr(a.published, 1, 10), c.exact, c.summary,"
        " c.kind, c.status, c.credibility,"
        f" (SELECT coalesce(s.reliability, x.reliability){_HOPS} ORDER BY h.position LIMIT 1)"
        " || c.credibility,"
        " (SELECT group_concat(coalesce(s.name, x.name) || ': ' || coalesce(s.reliability,"
        f" x.reliability), '; '){_HOPS}),"
        " (SELECT group_concat(coalesce(s.name, x.name) || ' (' || h.role || ')', ' → ')"
        f"{_HOPS}),"
        " (SELECT group_concat(x.name || ' (' || l.role || ')', ', ') FROM claim_actors l"
        "  JOIN actors x ON x.id = l.actor_id WHERE l.claim_id = c.id),"
        " (SELECT group_concat(e.title || ' (' || l.role || ')', ', ') FROM claim_events l"
        "  JOIN events e ON e.id = l.event_id WHERE l.claim_id = c.id),"
        " (SELECT group_concat(t.name, '; ') FROM taggings g JOIN tags t ON t.id = g.tag_id"
        "  WHERE g.target_kind = 'claim' AND g.target_id = c.id),"
        " (SELECT group_concat(n.body, char(10, 10)) FROM notes n"
        "  WHERE n.target_kind = 'claim' AND n.target_id = c.id),"
        ' c.start, c."end", a.url' + "".join(f", {column}" for column in more) + _CLAIMS
    )


CSV_JOIN = _claims()
JSON_CLAIMS = _claims(
    "c.prefix", "c.suffix", "c.created_at", "c.updated_at", "c.orphaned", "a.content_hash"
)
ARTICLES = (
    "SELECT a.id, a.title, a.outlet, a.authors, a.url, a.published, a.language,"
    " a.content_hash, a.text,"
    " (SELECT group_concat(t.name, '; ') FROM taggings g JOIN tags t ON t.id = g.tag_id"
    "  WHERE g.target_kind = 'article' AND g.target_id = a.id),"
    " (SELECT group_concat(n.body, char(10, 10)) FROM notes n"
    "  WHERE n.target_kind = 'article' AND n.target_id = a.id)"
    " FROM articles a ORDER BY a.id"
)
MENTIONS = (
    'SELECT m.id, a.content_hash, m.actor_id, m.exact, m.prefix, m.suffix, m.start, m."end"'
    " FROM actor_mentions m JOIN articles a ON a.id = m.article_id"
    " ORDER BY m.article_id, m.start"
)
RELATIONS = "SELECT * FROM claim_relations ORDER BY id"
RECORDS = (
    "SELECT * FROM sources ORDER BY id",
    "SELECT x.*, (SELECT group_concat(l.name, '; ') FROM actor_aliases l"
    " WHERE l.actor_id = x.id) FROM actors x ORDER BY x.id",
    "SELECT e.*, (SELECT group_concat(l.actor_id || ' ' || l.role, '; ') FROM event_actors l"
    " WHERE l.event_id = e.id) FROM events e ORDER BY e.id",
)


class Floor(NamedTuple):
    """The shell's output mode and the queries it writes, one after another, to one file."""

    mode: str
    queries: tuple[str, ...]


FORMER = Floor("csv", (JOIN,))  # the former floor of HTML, Markdown and JSON-LD
FLOORS = {
    "csv": Floor("csv", (CSV_JOIN,)),
    "html": Floor("html", (ARTICLES, CSV_JOIN)),
    "md": Floor("csv", (ARTICLES, CSV_JOIN)),
    "jsonld": Floor("json", (ARTICLES, *RECORDS, JSON_CLAIMS, MENTIONS, RELATIONS)),
}
_FALLBACK = (  # no sqlite3 shell on the machine: Python's csv module writes the same rows
    "import csv, sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
    " w = csv.writer(open(sys.argv[2], 'w', newline=''));"
    " [w.writerows(c.execute(q)) for q in sys.argv[3:]]"
)


def command(project: str, floor: Floor, out: str) -> list[str]:
    """The child process that writes `floor`'s queries of `project` to `out`."""
    shell = shutil.which("sqlite3")
    if shell is None:
        return [python(), "-c", _FALLBACK, project, out, *floor.queries]
    script = ";\n".join(floor.queries) + ";"
    mode, output = f".mode {floor.mode}", f".output {out}"
    return [shell, "-readonly", "-cmd", mode, "-cmd", output, project, script]
