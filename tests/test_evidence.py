"""The reference tables: sourced, queryable in place, and guarded by expectations/evidence.json."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimkit.errors import InputError
from claimkit.evidence import EvidenceStore, sql_date

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "data" / "reference"
TABLES = {
    "osce_participating_states",
    "nato_member_states",
    "russian_troops_near_ukraine",
    "diplomatic_calendar_2022_01",
    "office_holders_2022_01",
}


@pytest.fixture(scope="module")
def store():
    return EvidenceStore()


def test_the_shipped_folder_holds_the_tables_the_founding_article_needs(store):
    assert set(store.tables) >= TABLES


def test_every_table_has_a_sidecar_with_its_columns_and_provenance(store):
    for t in store.tables.values():
        for key in ("source_name", "source_url", "retrieved", "licence", "columns", "compiled"):
            assert t.meta.get(key), f"{t.name}: sidecar lacks {key}"
        assert "no live download" in t.meta["compiled"]
        header = t.path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == list(t.columns), f"{t.name}: sidecar columns are the CSV's columns, in order"


def test_every_row_cites_its_source(store):
    facts = store.facts()
    assert facts["source_name"].notna().all() and facts["source_url"].str.startswith("http").all()


def test_the_osce_had_57_participating_states_in_january_2022_and_56_before_mongolia(store):
    def count(on):
        return len(
            store.query(
                f"SELECT id FROM osce_participating_states WHERE joined <= {sql_date(on)} "
                f"AND (departed IS NULL OR departed > {sql_date(on)})"
            )
        )

    assert count("2022-01-13") == 57
    assert count("2012-11-20") == 56
    assert count("1975-08-01") == 35


def test_nato_had_30_members_in_january_2022(store):
    assert len(store.query(f"SELECT id FROM nato_member_states WHERE joined <= {sql_date('2022-01-13')}")) == 30


def test_troop_estimates_come_from_several_sources_and_dates(store):
    t = store.table("russian_troops_near_ukraine")
    assert t["estimator"].nunique() >= 5 and t["as_of"].nunique() >= 5
    assert {70000, 94300, 100000, 127000, 175000} <= set(t["value"].astype(int))


def test_the_diplomatic_calendar_has_geneva_brussels_and_vienna(store):
    cal = store.table("diplomatic_calendar_2022_01").set_index("city")
    assert (str(cal.loc["Geneva", "date"])[:10], cal.loc["Geneva", "weekday"]) == ("2022-01-10", "Monday")
    assert (str(cal.loc["Brussels", "date"])[:10], cal.loc["Brussels", "weekday"]) == ("2022-01-12", "Wednesday")
    assert (str(cal.loc["Vienna", "date"])[:10], cal.loc["Vienna", "weekday"]) == ("2022-01-13", "Thursday")


def test_rows_returns_the_cited_rows_with_their_sources(store):
    rows = store.rows(["osce-mn", "office-ryabkov"])
    assert rows["id"].tolist() == ["osce-mn", "office-ryabkov"]
    assert rows["table"].tolist() == ["osce_participating_states", "office_holders_2022_01"]
    assert store.table_of("nato-mk") == "nato_member_states"


def test_a_bad_query_is_an_input_error_naming_the_reason(store):
    with pytest.raises(InputError, match="no_such_table"):
        store.query("SELECT * FROM no_such_table")


def test_a_table_without_a_sidecar_is_refused(tmp_path):
    (tmp_path / "orphan_table.csv").write_text("id,source_name,source_url\nx-1,a,https://example.org\n")
    with pytest.raises(InputError, match=r"orphan_table\.csv.*sidecar"):
        EvidenceStore(tmp_path)


def test_the_evidence_suite_passes_on_the_shipped_tables(store):
    from claimkit import validate

    report = validate(store.facts(), "evidence")
    assert report.success, report.summary()


def test_the_evidence_suite_names_a_duplicate_id_a_bad_url_an_unparsable_date_and_a_non_number(tmp_path):
    from claimkit import validate

    folder = tmp_path / "reference"
    shutil.copytree(REFERENCE, folder)
    csv = folder / "russian_troops_near_ukraine.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("2021-11-20", "2021-11-31").replace("92000,92000", "about 92k,92000", 1)
    lines[2] = lines[2].replace("https://www.reuters.com", "reuters dot com")
    lines.append(lines[3])  # the same estimate twice: a duplicate id and a duplicate fact
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = validate(EvidenceStore(folder).facts(), "evidence")
    failed = {(f.expectation, f.column) for f in report.failures}
    assert ("expect_column_values_to_be_unique", "id") in failed
    assert ("expect_column_values_to_match_regex", "source_url") in failed
    assert ("expect_column_values_to_be_dateutil_parseable", "as_of") in failed
    assert ("expect_column_values_to_match_regex", "value") in failed
    assert any(e == "expect_compound_columns_to_be_unique" for e, _ in failed)


def test_a_reference_folder_of_your_own_works_the_same_way(tmp_path):
    (tmp_path / "un_members.csv").write_text(
        "id,state,joined,as_of,source_name,source_url\nun-ch,Switzerland,2002-09-10,2002-09-10,UN,https://www.un.org/en/about-us/member-states\n"
    )
    (tmp_path / "un_members.meta.json").write_text(
        json.dumps(
            {
                "source_name": "United Nations, Member States",
                "source_url": "https://www.un.org/en/about-us/member-states",
                "retrieved": "2026-11-29",
                "licence": "facts",
                "as_of_column": "as_of",
                "key": ["state"],
                "columns": {
                    "id": {"type": "string"},
                    "state": {"type": "string"},
                    "joined": {"type": "date"},
                    "as_of": {"type": "date"},
                    "source_name": {"type": "string"},
                    "source_url": {"type": "string"},
                },
                "check": {
                    "kind": "membership",
                    "organisation": "UN",
                    "mentions": ["UN", "United Nations"],
                    "units": ["country"],
                    "member": "state",
                    "from": "joined",
                },
            }
        )
    )
    store = EvidenceStore(tmp_path)
    assert store.query("SELECT state FROM un_members WHERE joined > DATE '2000-01-01'")["state"].tolist() == [
        "Switzerland"
    ]


def test_importing_claimkit_evidence_does_not_import_duckdb():
    code = "import sys, claimkit.evidence, claimkit.verify, claimkit.reviews; print('duckdb' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.split()
    assert out == ["False", "False"]


def _un_folder(folder, rows):
    folder.mkdir(exist_ok=True)
    (folder / "un_members.csv").write_text(
        "id,state,joined,source_name,source_url\n"
        + "".join(f"un-{i},{state},{joined},UN,https://www.un.org/\n" for i, (state, joined) in enumerate(rows))
    )
    (folder / "un_members.meta.json").write_text(
        json.dumps(
            {
                "source_name": "UN",
                "source_url": "https://www.un.org/",
                "retrieved": "2026-11-29",
                "licence": "facts",
                "columns": {
                    "id": {"type": "string"},
                    "state": {"type": "string"},
                    "joined": {"type": "date"},
                    "source_name": {"type": "string"},
                    "source_url": {"type": "string"},
                },
                "check": {"kind": "membership", "units": ["country"], "member": "state", "from": "joined"},
            }
        )
    )


def test_a_table_edited_on_disk_is_read_again_by_the_next_query(tmp_path):
    _un_folder(tmp_path, [("Switzerland", "2002-09-10")])
    store = EvidenceStore(tmp_path)
    assert store.query("SELECT count(*) AS n FROM un_members")["n"][0] == 1
    assert store.lookup("SELECT state FROM un_members ORDER BY joined")["state"].tolist() == ["Switzerland"]
    _un_folder(tmp_path, [("Switzerland", "2002-09-10"), ("South Sudan", "2011-07-14")])
    assert store.query("SELECT state FROM un_members ORDER BY joined")["state"].tolist() == [
        "Switzerland",
        "South Sudan",
    ]
    assert store.lookup("SELECT state FROM un_members ORDER BY joined")["state"].tolist() == [
        "Switzerland",
        "South Sudan",
    ]
    assert store.facts()["fact"].tolist() == ["un-0", "un-1"]


def test_a_table_duckdb_cannot_load_fails_only_the_queries_that_read_it(tmp_path):
    _un_folder(tmp_path, [("Switzerland", "not a date")])
    shutil.copy(REFERENCE / "nato_member_states.csv", tmp_path)
    shutil.copy(REFERENCE / "nato_member_states.meta.json", tmp_path)
    store = EvidenceStore(tmp_path)
    assert len(store.query("SELECT * FROM nato_member_states")) == len(EvidenceStore().table("nato_member_states"))
    with pytest.raises(InputError, match="evidence query"):
        store.query("SELECT * FROM un_members")
    _un_folder(tmp_path, [("Switzerland", "2002-09-10")])
    assert store.query("SELECT state FROM un_members")["state"].tolist() == ["Switzerland"]


def test_a_folder_is_opened_once_per_process_and_again_when_its_tables_change(tmp_path):
    from claimkit.evidence import open_store

    _un_folder(tmp_path, [("Switzerland", "2002-09-10")])
    first = open_store(tmp_path)
    assert open_store(str(tmp_path)) is first and open_store(first) is first
    (tmp_path / "un_observers.csv").write_text("id,source_name,source_url\nobs-1,UN,https://www.un.org/\n")
    (tmp_path / "un_observers.meta.json").write_text(
        json.dumps(
            {
                "source_name": "UN",
                "source_url": "https://www.un.org/",
                "retrieved": "2026-11-29",
                "licence": "facts",
                "columns": {
                    "id": {"type": "string"},
                    "source_name": {"type": "string"},
                    "source_url": {"type": "string"},
                },
            }
        )
    )
    again = open_store(tmp_path)
    assert again is not first and set(again.tables) == {"un_members", "un_observers"}
