import os
import stat

import pandas as pd
import pytest

from claimkit.files import atomic_write_text, read_table, write_table


def test_atomic_write_replaces_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "a.txt"
    atomic_write_text(target, "old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "t.csv"
    write_table(pd.DataFrame({"a": [1]}), target)

    class Boom:
        def to_csv(self, index=False):
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_table(Boom(), target)
    assert read_table(target)["a"].tolist() == [1]
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_new_files_get_the_ordinary_mode_not_mkstemps_0600(tmp_path):
    mask = os.umask(0o022)
    try:
        path = atomic_write_text(tmp_path / "report.html", "<p>x</p>")
    finally:
        os.umask(mask)
    # _file_mode is read once per process; it must at least let others read the file
    assert stat.S_IMODE(path.stat().st_mode) & 0o044 == 0o044
