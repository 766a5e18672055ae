"""Load the seed/ folder into the database: validate everything first, then write in one transaction."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from app.ingest.seed_format import DocumentError, ParsedDocument, parse_document
from app.storage import queries
from app.storage.tables import Document, EditorialChoice, Figure, Source


@dataclass(frozen=True, slots=True)
class SeedReport:
    """What a seed run changed."""

    added: int
    updated: int
    removed: int
    unchanged: int
    version: int

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def read_seed_dir(seed_dir: Path) -> list[ParsedDocument]:
    """Parse every *.md document under the folder (README.md excepted) and check them together."""
    if not seed_dir.is_dir():
        raise DocumentError(str(seed_dir), 0, "seed folder does not exist")
    docs = []
    for path in sorted(seed_dir.rglob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        label = path.relative_to(seed_dir).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise DocumentError(label, 1, f"not UTF-8 text: {exc.reason}") from None
        docs.append(parse_document(label, text))
    check_collection(docs)
    return docs


def check_collection(docs: Sequence[ParsedDocument]) -> None:
    """Rules that span documents: unique ids, and decisions that point at a figure of their cell."""
    sources: dict[str, str] = {}
    figures: dict[str, tuple[str, tuple[object, ...]]] = {}
    for doc in docs:
        if doc.source is not None:
            if doc.source.id in sources:
                where = sources[doc.source.id]
                raise DocumentError(doc.path, 3, f"source id {doc.source.id} is also in {where}")
            sources[doc.source.id] = doc.path
        for fig in doc.figures:
            if fig.id in figures:
                where = figures[fig.id][0]
                raise DocumentError(doc.path, fig.line, f"figure id {fig.id} is also in {where}")
            cell = (
                fig.metric,
                fig.period_start,
                fig.period_end,
                fig.dimension,
                fig.dimension_value,
                fig.unit,
            )
            figures[fig.id] = (doc.path, cell)
    if sum(1 for doc in docs if doc.choices) > 1:
        raise DocumentError(docs[-1].path, 1, "only one reconciliation document is allowed")
    seen_cells: set[tuple[object, ...]] = set()
    for doc in docs:
        for choice in doc.choices:
            cell = (
                choice.metric,
                choice.period_start,
                choice.period_end,
                choice.dimension,
                choice.dimension_value,
                choice.unit,
            )
            if cell in seen_cells:
                raise DocumentError(
                    doc.path, choice.line, "a decision for this period is already recorded"
                )
            seen_cells.add(cell)
            if choice.figure_id is None:
                continue
            if choice.figure_id not in figures:
                raise DocumentError(
                    doc.path, choice.line, f"figure {choice.figure_id} does not exist"
                )
            if figures[choice.figure_id][1] != cell:
                raise DocumentError(
                    doc.path,
                    choice.line,
                    f"figure {choice.figure_id} is not a figure of this period, subject and unit",
                )


def sync_documents(session: Session, docs: Sequence[ParsedDocument]) -> SeedReport:
    """Make the stored seed documents equal to `docs`; the caller owns the transaction."""
    stored = queries.list_seed_documents(session)
    wanted = {doc.path: doc for doc in docs}
    changed = [
        d for d in docs if d.path not in stored or stored[d.path].content_hash != d.content_hash
    ]
    removed = [stored[path] for path in stored if path not in wanted]
    if not changed and not removed:
        return SeedReport(0, 0, 0, len(docs), queries.get_dataset_version(session))
    now = datetime.now(UTC)
    queries.delete_choices(session)
    for document in removed:
        queries.delete_document(session, document=document)
    for doc in changed:
        if doc.path in stored:
            queries.delete_figures_of_document(session, document_id=_id(stored[doc.path]))
    session.flush()
    for doc in changed:
        document = _store_document(session, doc, stored.get(doc.path), now)
        session.add_all(_figure_rows(doc, _id(document)))
    session.flush()
    queries.delete_orphan_sources(session)
    documents = queries.list_seed_documents(session)
    for doc in docs:
        session.add_all(_choice_rows(doc, _id(documents[doc.path])))
    version = queries.bump_dataset_version(session, seed_change(changed, removed, stored))
    updated = sum(1 for d in changed if d.path in stored)
    return SeedReport(
        len(changed) - updated, updated, len(removed), len(docs) - len(changed), version
    )


def seed_change(
    changed: Sequence[ParsedDocument], removed: Sequence[Document], stored: dict[str, Document]
) -> str:
    """What a seed run changed, in words, for the release feed."""
    parts = [
        (verb, paths)
        for verb, paths in (
            ("added", [d.path for d in changed if d.path not in stored]),
            ("updated", [d.path for d in changed if d.path in stored]),
            ("removed", [d.path for d in removed]),
        )
        if paths
    ]
    listed = "; ".join(f"{verb} {len(paths)}: {_some(paths)}" for verb, paths in parts)
    return f"Seed documents {listed}."


def _some(paths: list[str], shown: int = 8) -> str:
    more = f" and {len(paths) - shown} more" if len(paths) > shown else ""
    return ", ".join(paths[:shown]) + more


def seed(engine: Engine, seed_dir: Path) -> SeedReport:
    """Read, validate and load the seed folder atomically; DocumentError leaves the database as it was."""
    docs = read_seed_dir(seed_dir)
    with Session(engine) as session, session.begin():
        return sync_documents(session, docs)


def _id(document: Document) -> int:
    assert document.id is not None, "document must be flushed before its id is used"
    return document.id


def _store_document(
    session: Session, doc: ParsedDocument, existing: Document | None, now: datetime
) -> Document:
    if doc.source is not None:
        meta = doc.source.model_dump(exclude={"document"})
        session.merge(Source(**meta))
        session.flush()
    document = existing or Document(
        path=doc.path,
        origin="seed",
        created_at=now,
        text="",
        title="",
        content_hash="",
        updated_at=now,
    )
    document.content_hash, document.text, document.title = doc.content_hash, doc.text, doc.title
    document.source_id = doc.source.id if doc.source else None
    document.updated_at = now
    session.add(document)
    session.flush()
    return document


def _figure_rows(doc: ParsedDocument, document_id: int) -> list[Figure]:
    assert doc.source is not None or not doc.figures
    source_id = doc.source.id if doc.source else ""
    return [
        Figure(
            id=f.id,
            metric=f.metric,
            period_start=f.period_start,
            period_end=f.period_end,
            dimension=f.dimension,
            dimension_value=f.dimension_value,
            unit=f.unit,
            value=f.value,
            qualifier=f.qualifier,
            attributed_to=f.attributed_to,
            source_id=source_id,
            document_id=document_id,
            ordinal=n,
            note=f.note,
        )
        for n, f in enumerate(doc.figures, start=1)
    ]


def _choice_rows(doc: ParsedDocument, document_id: int) -> list[EditorialChoice]:
    return [
        EditorialChoice(
            metric=c.metric,
            period_start=c.period_start,
            period_end=c.period_end,
            dimension=c.dimension,
            dimension_value=c.dimension_value,
            unit=c.unit,
            figure_id=c.figure_id,
            reason=c.reason,
            document_id=document_id,
        )
        for c in doc.choices
    ]
