"""`peerpath backup` makes a copy that opens and holds the data."""

import os
import sqlite3
import subprocess
import sys

import pytest


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="the SQLite method")
def test_a_backup_of_a_running_sqlite_site_holds_its_data(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    env.update(
        {"PEERPATH_DATA_DIR": str(tmp_path / "data"), "DJANGO_SETTINGS_MODULE": "peerpath.settings"}
    )
    python = [sys.executable, "-m", "peerpath"]
    subprocess.run([*python, "migrate", "-v0"], env=env, check=True)
    subprocess.run([*python, "load-frameworks"], env=env, check=True, capture_output=True)
    out = subprocess.run(
        [*python, "backup", "--to", str(tmp_path / "b")],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    [folder] = (tmp_path / "b").iterdir()
    assert f"Backed up to {folder}" in out
    with sqlite3.connect(folder / "peerpath.sqlite3") as copy:
        [(count,)] = copy.execute("select count(*) from frameworks_framework").fetchall()
    assert count == 4
