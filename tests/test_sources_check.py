"""verify(sources=…): the founding article checked against the documents it could have been written from.

The seed as its own source supports every figure, date, quote and title; an altered copy (67
countries, around 300,000 troops, Tuesday, and "we may take" where the story quotes "we must
take") contradicts exactly those four claims. The reference tables are left out (an empty
EvidenceStore) so that the sources alone decide.
"""

import shutil

import pytest

from claimkit import extract_claims, load_article, verify
from claimkit.evidence import EvidenceStore
from claimkit.sources import load_sources
from tests.helpers.claims import ALTERED, SEED

CHECKED_KINDS = ("quantity", "money", "percent", "duration", "time", "quote", "role")
ALTERED_SPANS = {"around 100,000 troops", "57 countries", "Monday"}
MISSION_QUOTE = "we must take the necessary measures"


@pytest.fixture(scope="module")
def seed_claims():
    return extract_claims(load_article(SEED))


@pytest.fixture(scope="module")
def no_tables(tmp_path_factory):
    return EvidenceStore(tmp_path_factory.mktemp("no-tables"))


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


def altered_source(folder):
    """The altered test copy with a fourth change: the mission's "must" becomes "may"."""
    text = ALTERED.read_text(encoding="utf-8")
    assert MISSION_QUOTE in text
    (folder / "altered.txt").write_text(
        text.replace(MISSION_QUOTE, "we may take the necessary measures"), encoding="utf-8"
    )
    shutil.copy(ALTERED.with_name(ALTERED.stem + ".meta.json"), folder / "altered.meta.json")
    return folder / "altered.txt"


def in_formats(source, folder):
    """The same source as .txt, .pdf (fpdf2) and .docx (python-docx), each with the sidecar giving its date."""
    text = source.read_text(encoding="utf-8")
    meta = source.with_name(source.stem + ".meta.json")
    out = {}
    for suffix in (".txt", ".pdf", ".docx"):
        sub = folder / suffix[1:]
        sub.mkdir(parents=True)
        path = sub / ("source" + suffix)
        shutil.copy(meta, sub / "source.meta.json")
        if suffix == ".txt":
            path.write_text(text, encoding="utf-8")
        elif suffix == ".pdf":
            from fpdf import FPDF

            pdf = FPDF()
            pdf.add_page()
            pdf.set_font("Helvetica", size=11)  # a core font: latin-1, so curly quotes become straight ones
            for para in text.split("\n\n"):
                pdf.multi_cell(0, 5, para.strip().translate(str.maketrans("“”’", '""\'')))
                pdf.ln(3)
            pdf.output(str(path))
        else:
            import docx

            doc = docx.Document()
            for para in text.split("\n\n"):
                doc.add_paragraph(para.strip())
            doc.save(str(path))
        out[suffix] = path
    return out


def checked(verdicts, claims):
    kinds = dict(zip(claims["claim_id"], claims["kind"]))
    return verdicts[verdicts["claim_id"].map(kinds).isin(CHECKED_KINDS)]


def test_the_seed_against_itself_supports_every_figure_date_quote_and_title(seed_claims, no_tables, cache):
    srcset = load_sources([SEED], cache_dir=cache)
    v = checked(verify(seed_claims, sources=srcset, evidence=no_tables), seed_claims)
    assert len(v) >= 30
    assert set(v["verdict"]) == {"supported"}, v.loc[v["verdict"] != "supported", ["span", "note"]].to_string()
    assert all(ids and ids[0].startswith("p-") for ids in v["evidence_ids"])
    assert all(p[0]["document"] == str(SEED) and p[0]["text"] for p in v["passages"])


@pytest.fixture(scope="module")
def altered_verdicts(seed_claims, no_tables, cache, tmp_path_factory):
    source = altered_source(tmp_path_factory.mktemp("altered"))
    return verify(seed_claims, sources=load_sources([source], cache_dir=cache), evidence=no_tables)


def test_against_the_altered_copy_exactly_the_four_changed_claims_are_contradicted(altered_verdicts):
    bad = altered_verdicts[altered_verdicts["verdict"] == "contradicted"]
    spans = set(bad["span"])
    assert len(bad) == 4
    assert spans >= ALTERED_SPANS
    (quote,) = spans - ALTERED_SPANS
    assert MISSION_QUOTE in quote
    assert set(altered_verdicts.loc[~altered_verdicts["verdict"].isin(["contradicted"]), "verdict"]) <= {
        "supported",
        "unverified",
    }


def test_the_contradicted_figures_cite_the_passage_and_say_what_it_states(altered_verdicts):
    v = altered_verdicts.set_index("span")
    assert "around 300,000 troops" in v.loc["around 100,000 troops"].expected
    assert "67 countries" in v.loc["57 countries"].expected
    assert "Tuesday" in v.loc["Monday"].expected and "2022-01-11" in v.loc["Monday"].expected
    assert "Geneva on Tuesday" in v.loc["Monday"].passages[0]["text"]


def test_the_misquote_shows_the_changed_word(altered_verdicts):
    q = altered_verdicts[altered_verdicts["span"].str.contains(MISSION_QUOTE, regex=False)].iloc[0]
    assert q.verdict == "contradicted" and q.note.startswith("Misquote")
    assert "[must → may]" in q.note and "[must → may]" in q.computation
    assert "we may take the necessary measures" in q.expected


@pytest.mark.parametrize("which", ["seed", "altered"])
def test_the_same_source_as_txt_pdf_and_docx_gives_the_same_verdicts(which, seed_claims, no_tables, cache, tmp_path):
    source = SEED if which == "seed" else altered_source(tmp_path)
    paths = in_formats(source, tmp_path / "formats")
    got = {}
    for suffix, path in paths.items():
        v = checked(verify(seed_claims, sources=load_sources([path], cache_dir=cache), evidence=no_tables), seed_claims)
        got[suffix] = v["verdict"].tolist()
        assert all(p[0]["document"] == str(path) for p in v["passages"] if p)
        if suffix == ".pdf":
            assert all(p[0]["page"] >= 1 for p in v["passages"] if p), "a PDF passage keeps its page"
    assert got[".pdf"] == got[".txt"] and got[".docx"] == got[".txt"]


def test_the_evidence_table_holds_the_cited_passages_and_keeps_its_suite(altered_verdicts):
    from claimkit import validate
    from claimkit.verdicts import evidence_table

    ev = evidence_table(altered_verdicts)
    passages = ev[ev["kind"] == "passage"]
    assert len(passages) >= 4 and passages["sha256"].str.fullmatch("[0-9a-f]{64}").all()
    assert (passages["end"] > passages["start"]).all() and passages["document"].str.endswith("altered.txt").all()
    report = validate(ev, "evidence")
    assert report.success, report.summary()
    broken = ev.copy()
    broken.loc[passages.index[0], "sha256"] = "not-a-hash"
    failed = {(f.expectation, f.column) for f in validate(broken, "evidence").failures}
    assert ("expect_column_values_to_match_regex", "sha256") in failed


def test_reference_rows_and_passages_share_the_evidence_table(seed_claims, cache):
    from claimkit.verdicts import evidence_table

    v = verify(seed_claims, sources=load_sources([SEED], cache_dir=cache))
    ev = evidence_table(v)
    assert set(ev["kind"]) == {"reference", "passage"}
    assert "osce-mn" in set(ev["id"]), "the OSCE count's reference rows are cited beside the passage"
