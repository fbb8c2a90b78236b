"""Evidence: sourced reference tables queried in place with DuckDB.

Each table in a reference folder is a CSV file with a sidecar ``<name>.meta.json`` that gives its
provenance (``source_name``, ``source_url``, ``retrieved``, ``licence``), its columns and their types,
the column holding each row's ``as_of`` date, and a ``check`` block saying how verify uses it
(``membership``, ``estimate``, ``calendar`` or ``office``). Every row carries its own ``id``,
``source_name`` and ``source_url``, so a verdict can name the rows that decided it.

DuckDB runs in memory, in this process: each table is a snapshot of its file, taken again when
the file changes, so ``store.query("SELECT ... FROM osce_participating_states")`` sees the CSV as
it is on disk. A folder's store is opened once per process (:func:`open_store`) and reused.
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimkit.errors import InputError
from claimkit.files import SIDECAR_SUFFIX

if TYPE_CHECKING:
    import pandas  # for annotations only: pandas is imported inside the functions that use it

PROVENANCE_KEYS = ("source_name", "source_url", "retrieved", "licence")
ROW_KEYS = ("id", "source_name", "source_url")
PASSAGE_COLUMNS = (
    "document",
    "sha256",
    "page",
    "sheet",
    "row",
    "column",
    "start",
    "end",
    "text",
)  # empty for reference rows
_DUCK_TYPES = {"string": "VARCHAR", "date": "DATE", "integer": "BIGINT", "number": "DOUBLE"}
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass
class ReferenceTable:
    """One reference table: its CSV file and what its sidecar says about it."""

    name: str
    path: Path
    meta: dict = field(default_factory=dict)

    @property
    def columns(self) -> dict[str, dict]:
        return self.meta.get("columns", {})

    @property
    def check(self) -> dict:
        return self.meta.get("check", {})

    @property
    def kind(self) -> str | None:
        return self.check.get("kind")

    @property
    def as_of_column(self) -> str | None:
        return self.meta.get("as_of_column")

    @property
    def provenance(self) -> dict:
        return {k: self.meta.get(k) for k in ("title",) + PROVENANCE_KEYS + ("compiled",)}


def default_folder() -> Path:
    """The shipped reference tables (data/reference/ of the checkout, or of $CLAIMKIT_HOME)."""
    from claimkit.paths import REFERENCE

    return REFERENCE


def sql_literal(value) -> str:
    """A value as a SQL literal (strings quoted with '' escaping) for queries shown to readers."""
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def sql_date(value) -> str:
    """A date as a DuckDB DATE literal; refuses anything that is not an ISO date."""
    from datetime import date

    return f"DATE '{date.fromisoformat(str(value)[:10]).isoformat()}'"


class EvidenceStore:
    """The reference tables of a folder, queryable with SQL and citable by row id."""

    def __init__(self, folder: str | Path | list | tuple | None = None):
        folders = list(folder) if isinstance(folder, (list, tuple)) else [folder]
        self.folders = [Path(f) if f is not None else default_folder() for f in folders] or [default_folder()]
        self.folder = self.folders[-1]  # the user's folder when the shipped data comes first
        self.tables: dict[str, ReferenceTable] = {}
        for f in self.folders:
            if not f.is_dir():
                raise InputError(f, "evidence folder not found")
            for csv in sorted(f.glob("*.csv")):
                self.tables[csv.stem] = self._load_table(csv)  # a later folder's table of the same name replaces
        self._con = None
        self._loaded: dict[str, tuple] = {}  # table -> (file stamp, TABLE or VIEW) of its snapshot
        self._answers: dict[str, object] = {}  # sql -> DataFrame, see lookup()
        self._lock = threading.RLock()  # a DuckDB connection serves one thread at a time
        self._index: dict[str, str] | None = None
        self._cache: dict[str, tuple] = {}

    def __repr__(self) -> str:
        where = str(self.folder) if len(self.folders) == 1 else [str(f) for f in self.folders]
        return f"EvidenceStore({where!r}, tables={list(self.tables)})"

    @staticmethod
    def _load_table(csv: Path) -> ReferenceTable:
        name = csv.stem
        if not _NAME.match(name):
            raise InputError(csv, "a reference table's file name must be lower_snake_case (it becomes a SQL view name)")
        sidecar = csv.with_name(name + SIDECAR_SUFFIX)
        if not sidecar.is_file():
            raise InputError(csv, f"reference table has no sidecar {sidecar.name} (columns and provenance)")
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(sidecar, f"sidecar is not readable JSON ({exc})") from None
        missing = [k for k in PROVENANCE_KEYS + ("columns",) if not meta.get(k)]
        if missing:
            raise InputError(sidecar, f"sidecar lacks {', '.join(missing)}")
        absent = [k for k in ROW_KEYS if k not in meta["columns"]]
        if absent:
            raise InputError(
                sidecar, f"table must have the columns {', '.join(ROW_KEYS)} (missing {', '.join(absent)})"
            )
        return ReferenceTable(name=name, path=csv, meta=meta)

    # ------------------------------------------------------------ SQL

    @property
    def connection(self):
        """An in-memory DuckDB connection with one table per reference table, named after its file.

        Each table is a snapshot of its CSV, taken on first use and taken again whenever the file
        changes on disk (checked before every query), so a query sees the file as it is on disk
        while reading it once instead of at every query (a query over a snapshot costs about a
        quarter of one over ``read_csv``). A file DuckDB cannot load stays a view over ``read_csv``,
        so its error is raised by the queries that read it, as before.
        """
        with self._lock:
            if self._con is None:
                import duckdb

                self._con = duckdb.connect()
            self._sync()
            return self._con

    def _source(self, t: ReferenceTable) -> str:
        types = ", ".join(
            f"{sql_literal(c)}: '{_DUCK_TYPES.get(spec.get('type', 'string'), 'VARCHAR')}'"
            for c, spec in t.columns.items()
        )
        return f"read_csv({sql_literal(str(t.path))}, header = true, auto_detect = true, types = {{{types}}})"

    def _sync(self) -> None:
        """Take a new snapshot of every table whose file changed since its last one."""
        import duckdb

        con = self._con
        for t in self.tables.values():
            try:
                stamp = self._stamp(t.name)
            except OSError:
                stamp = None
            loaded = self._loaded.get(t.name)
            if loaded is not None and loaded[0] == stamp:
                continue
            if loaded is not None:
                con.execute(f"DROP {loaded[1]} IF EXISTS {t.name}")
            try:
                con.execute(f"CREATE TABLE {t.name} AS SELECT * FROM {self._source(t)}")
                kind = "TABLE"
            except duckdb.Error:
                con.execute(f"CREATE VIEW {t.name} AS SELECT * FROM {self._source(t)}")
                kind = "VIEW"
            self._loaded[t.name] = (stamp, kind)
            self._answers.clear()

    def query(self, sql: str, params=None):
        """Run SQL over the reference tables (each is named after its file); a DataFrame back."""
        import duckdb

        with self._lock:
            try:
                con = self.connection
                rel = con.execute(sql, params) if params is not None else con.execute(sql)
                return rel.df()
            except duckdb.Error as exc:
                raise InputError("evidence query", f"{exc.__class__.__name__}: {exc}".splitlines()[0]) from None

    def lookup(self, sql: str):
        """:meth:`query` for the checks' own queries (deterministic: every order is spelled out): the
        answer is kept, and a copy handed out, until a table changes on disk."""
        with self._lock:
            self.connection  # noqa: B018 -- takes new snapshots (and forgets the answers) if a file changed
            hit = self._answers.get(sql)
            if hit is None:
                hit = self.query(sql)
                if len(self._answers) >= 2048:
                    self._answers.clear()
                self._answers[sql] = hit
            return hit.copy()

    def _stamp(self, name: str):
        st = self.tables[name].path.stat()
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def table(self, name: str):
        """A whole table as a DataFrame (cached until its file changes on disk)."""
        self._require(name)
        stamp = self._stamp(name)
        hit = self._cache.get(name)
        if hit is None or hit[0] != stamp:
            hit = (stamp, self.query(f"SELECT * FROM {name}"))
            self._cache[name] = hit
        return hit[1].copy()

    def _require(self, name: str) -> ReferenceTable:
        if name not in self.tables:
            raise InputError(self.folder, f"no reference table called {name!r}; known: {', '.join(self.tables)}")
        return self.tables[name]

    def of_kind(self, kind: str) -> list[ReferenceTable]:
        return [t for t in self.tables.values() if t.kind == kind]

    # ------------------------------------------------------------ citing rows

    def table_of(self, row_id: str) -> str | None:
        """Which table holds the row with this id."""
        if self._index is None:
            self._index = {}
            for t in self.tables.values():
                for rid in self.query(f"SELECT id FROM {t.name}")["id"]:
                    self._index[str(rid)] = t.name
        return self._index.get(str(row_id))

    def rows(self, ids) -> pandas.DataFrame:
        """The cited rows, whatever their tables, as (table, id, fact, as_of, source_name, source_url)."""
        import pandas as pd

        facts = self._facts()
        where = self._cache.get("\0facts-index", {})  # id -> positions in facts
        order = {rid: n for n, rid in enumerate(str(i) for i in ids)}  # a repeated id is placed at its last mention
        picked = sorted((n, pos) for rid, n in order.items() for pos in where.get(rid, ()))
        if not picked:
            return pd.DataFrame(columns=facts.columns)
        return facts.iloc[[pos for _, pos in picked]].reset_index(drop=True)

    def describe(self):
        """One row per table: what it holds and where it comes from."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "table": t.name,
                    "rows": int(self.query(f"SELECT count(*) AS n FROM {t.name}")["n"][0]),
                    "check": t.kind,
                    **t.provenance,
                }
                for t in self.tables.values()
            ]
        )

    def facts(self):
        """Every row of every table in one long frame, as text exactly as on disk: the shape
        ``expectations/evidence.json`` guards (so a date that does not parse or a figure that is
        not a number shows up as a failing value, not as a load error).

        Columns: table, id, fact (the row's key columns joined, e.g. "Poland"), as_of, value (the
        row's figure, where the table has one), source_name, source_url, retrieved, licence, kind
        ("reference"; :func:`claimkit.verdicts.evidence_table` adds the source passages as "passage" rows),
        and the passage columns (document, sha256, page, sheet, row, column, start, end, text), empty here.
        """
        return self._facts().copy()

    def _facts(self):
        """:meth:`facts`, the cached frame itself (not to be modified)."""
        import pandas as pd

        stamp = tuple(self._stamp(n) for n in self.tables)
        hit = self._cache.get("\0facts")
        if hit is not None and hit[0] == stamp:
            return hit[1]
        columns = [
            "table",
            "id",
            "fact",
            "as_of",
            "value",
            "source_name",
            "source_url",
            "retrieved",
            "licence",
            "kind",
            *PASSAGE_COLUMNS,
        ]
        frames = []
        for t in self.tables.values():
            df = pd.read_csv(t.path, dtype=str, keep_default_na=False, na_values=[""])
            key = t.meta.get("key") or ["id"]
            value_col = t.check.get("value")
            frames.append(
                pd.DataFrame(
                    {
                        "table": t.name,
                        "id": df["id"],
                        "fact": _joined(df[key]),
                        "as_of": df[t.as_of_column] if t.as_of_column else None,
                        "value": df[value_col] if value_col else None,
                        "source_name": df["source_name"],
                        "source_url": df["source_url"],
                        "retrieved": t.meta.get("retrieved"),
                        "licence": t.meta.get("licence"),
                        "kind": "reference",
                    },
                    columns=columns,
                )
            )
        if not frames:
            return pd.DataFrame(columns=columns)
        out = pd.concat(frames, ignore_index=True).astype(object)
        out = out.where(out.notna(), None)
        self._cache["\0facts"] = (stamp, out)
        where: dict[str, list[int]] = {}
        for pos, rid in enumerate(out["id"]):
            where.setdefault(str(rid), []).append(pos)
        self._cache["\0facts-index"] = where
        return out


def _joined(cols) -> pandas.Series:
    """The key columns of each row joined with ' / ' (column-wise: a row-wise apply costs seconds on the world tables)."""
    cols = cols.fillna("").astype(str)
    out = cols.iloc[:, 0]
    for c in cols.columns[1:]:
        out = out + " / " + cols[c]
    return out


_STORES: dict[tuple[int, tuple[Path, ...]], tuple[tuple, EvidenceStore]] = {}


def _folder_stamp(folder: Path) -> tuple:
    """What an :class:`EvidenceStore` reads when it opens: the folder's CSV files and sidecars."""
    out = []
    for p in sorted(folder.glob("*.csv")) + sorted(folder.glob("*" + SIDECAR_SUFFIX)):
        st = p.stat()
        out.append((p.name, st.st_mtime_ns, st.st_size, st.st_ino))
    return tuple(out)


def open_store(evidence=None) -> EvidenceStore:
    """An :class:`EvidenceStore` from a store, a folder, a list of folders (their tables together), or
    ``None`` (the shipped data/reference/).

    A folder's store is opened once per process and reused while its tables and sidecars are
    unchanged on disk (opening one costs a DuckDB connection and a snapshot of each table).
    """
    if isinstance(evidence, EvidenceStore):
        return evidence
    items = list(evidence) if isinstance(evidence, (list, tuple)) else [evidence]
    folders = [Path(f) if f is not None else default_folder() for f in items] or [default_folder()]
    for f in folders:
        if not f.is_dir():
            return EvidenceStore(folders)  # raises the usual InputError
    resolved = tuple(dict.fromkeys(f.resolve() for f in folders))
    key = (os.getpid(), resolved)  # a forked child opens its own: a DuckDB connection is not fork-safe
    stamp = tuple(_folder_stamp(f) for f in resolved)
    hit = _STORES.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    store = EvidenceStore(list(resolved) if len(resolved) > 1 else resolved[0])
    _STORES[key] = (stamp, store)
    return store


def evidence_store(evidence=None) -> EvidenceStore:
    """The reference tables :func:`claimkit.verify` consults: the shipped data/reference/ together with
    the user's folder or folders (``evidence``: a folder or a list of them; a table of the same name
    as a shipped one replaces it). An :class:`EvidenceStore` is used as it is (shipped data only if
    it holds them), so ``EvidenceStore(folder)`` checks against that folder alone."""
    if isinstance(evidence, EvidenceStore):
        return evidence
    if evidence is None:
        return open_store(None)
    extra = list(evidence) if isinstance(evidence, (list, tuple)) else [evidence]
    return open_store([default_folder()] + [Path(f) for f in extra if f is not None])
