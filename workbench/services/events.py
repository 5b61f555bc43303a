"""Use cases on events: create, edit, merge, delete."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from workbench.domain import ClaimEvent, Event, EventActor
from workbench.domain.grades import DatePrecision
from workbench.services.annotations import remove_annotations_of
from workbench.services.errors import InvalidInput
from workbench.services.merging import move_annotations, move_links
from workbench.services.project import Project
from workbench.services.vocabulary import chosen

EVENT_FIELDS = (
    "title",
    "kind",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "place",
    "description",
)


def checked_event_fields(fields: dict[str, object]) -> dict[str, object]:
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise InvalidInput(f"an event has no field {sorted(unknown)[0]!r}")
    if "title" in fields:
        fields["title"] = " ".join(str(fields["title"]).split())
        if not fields["title"]:
            raise InvalidInput("an event needs a title")
    for name in ("start_precision", "end_precision"):
        if name in fields:
            fields[name] = _precision(fields[name])
    for name in ("start_date", "end_date"):
        if fields.get(name) is not None and not isinstance(fields[name], date):
            raise InvalidInput(f"{name.replace('_', ' ')} must be a date, not {fields[name]!r}")
    return fields


def _precision(value: object) -> str:
    return chosen(DatePrecision, value, "date precision")


def check_event_dates(event: Event) -> None:
    if event.start_date and event.end_date and event.end_date < event.start_date:
        raise InvalidInput(f"“{event.title}” cannot end ({event.end_date}) before it starts")


def create_event(project: Project, title: str, **fields: object) -> int:
    """A new event: title, kind, start/end dates with precision, place, description."""
    fields = checked_event_fields({"title": title, **fields})
    with project.command(f"New event “{fields['title']}”") as uow:
        event = Event(**fields)
        check_event_dates(event)
        return uow.events.add(event).id


def edit_event(project: Project, event_id: int, **fields: object) -> None:
    fields = checked_event_fields(fields)
    with project.command("Edit event") as uow:
        event = uow.events.get(event_id)
        for name, value in fields.items():
            setattr(event, name, value)
        check_event_dates(event)


def merge_events(project: Project, survivor_id: int, duplicate_id: int) -> None:
    """Fold a duplicate event into another: claim links, participants, notes and tags move."""
    if survivor_id == duplicate_id:
        raise InvalidInput("choose two different events to merge")
    with project.command("Merge events") as uow:
        uow.events.get(survivor_id)
        duplicate = uow.events.get(duplicate_id)
        move_links(uow, ClaimEvent, "event_id", duplicate_id, survivor_id, ("claim_id", "role"))
        move_links(uow, EventActor, "event_id", duplicate_id, survivor_id, ("actor_id", "role"))
        move_annotations(uow, "event", duplicate_id, survivor_id)
        uow.session.expire(duplicate)
        uow.events.delete(duplicate)


def delete_event(project: Project, event_id: int) -> None:
    """Delete an event with its claim links and participants (undoable)."""
    with project.command("Delete event") as uow:
        event = uow.events.get(event_id)
        for link in uow.session.scalars(select(ClaimEvent).where(ClaimEvent.event_id == event_id)):
            uow.session.delete(link)
        remove_annotations_of(uow, "event", event_id)
        uow.events.delete(event)
