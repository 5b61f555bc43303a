"""`workbench ach PROJECT`: the analysis of competing hypotheses, as a table, JSON or CSV.

Only the standard library is imported here; the command imports the services it runs.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.reports.ach_model import AchTable

FORMATS = ("text", "json", "csv")


def register(subcommands: argparse._SubParsersAction) -> None:
    ach = subcommands.add_parser(
        "ach", help="print the competing-hypotheses matrix with its scores (text, JSON or CSV)"
    )
    ach.add_argument("project", help="project file")
    shape = ach.add_mutually_exclusive_group()
    shape.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    shape.add_argument("--json", dest="format", action="store_const", const="json")
    shape.add_argument("--csv", dest="format", action="store_const", const="csv")
    ach.set_defaults(handler=show_matrix)


def show_matrix(arguments: argparse.Namespace) -> int:
    import json
    import sys

    from workbench.reports.ach_csv import csv_text, record
    from workbench.services import Project
    from workbench.services.hypotheses_report import ach_table

    with Project.open(arguments.project, read_only=True) as project:
        table = ach_table(project)
    if arguments.format == "json":
        found = record(table) if table else {"hypotheses": [], "evidence": [], "ranking": []}
        print(json.dumps(found, ensure_ascii=False, indent=2))
    elif table is None:
        print("no hypotheses yet", file=sys.stderr if arguments.format == "csv" else sys.stdout)
    elif arguments.format == "csv":
        sys.stdout.write(csv_text(table))
    else:
        _print_text(table)
    return 0


def _print_text(table: AchTable) -> None:
    for number, hypothesis in enumerate(table.hypotheses, start=1):
        print(f"H{number}  {hypothesis.title}")
    print()
    for row in table.rows:
        cells = "  ".join(f"{cell.rating if cell else '·':<2}" for cell in row.cells)
        print(f"{cells}  {row.grade} ×{row.weight:<5g} #{row.claim_id} {row.label}")
    print()
    for hypothesis in table.ranked:
        print(f"{hypothesis.rank}. {hypothesis.title} — {hypothesis.explanation}")
