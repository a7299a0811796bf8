"""The schema's constants agree with what they stand for."""

from __future__ import annotations

import subprocess
import sys

from sqlite_utils.migrations import Migrations

from app import schema


def test_schema_constants_agree_with_sqlite_utils() -> None:
    assert schema.MIGRATIONS_TABLE == Migrations.migrations_table
    assert schema.SCHEMA_VERSION == len(schema.MIGRATION_STEPS) == len(schema.migrations()._migrations)


def test_reading_a_workshop_does_not_import_numpy() -> None:
    code = ("import sys; from app.workfile import WorkFile, read_workshop; from app.resources import sample_path;"
            "import os, tempfile; os.environ['CLIENTOCRACY_DATA_DIR'] = tempfile.mkdtemp();"
            "w = WorkFile.new(read_workshop(sample_path())); w.close();"
            "assert 'numpy' not in sys.modules, 'numpy was imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_new_workshops_copy_a_template_schema_and_skip_sqlite_utils(tmp_path) -> None:
    code = ("import os, sys; os.environ['CLIENTOCRACY_DATA_DIR'] = sys.argv[1];"
            "from app.workfile import WorkFile, read_workshop; from app.resources import sample_path;"
            "w = WorkFile.new(read_workshop(sample_path())); w.close();"
            "print('sqlite_utils' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, capture_output=True, text=True)
            for _ in range(2)]
    assert [r.stdout.strip() for r in runs] == ["True", "False"], "the second start reuses the template"


def test_a_damaged_template_is_made_again(tmp_path, monkeypatch) -> None:
    import sqlite3

    from app.workfile import data_dir, new_schema

    conn = sqlite3.connect(":memory:")
    new_schema(conn)
    (template,) = (data_dir() / "cache").iterdir()
    template.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    fresh = sqlite3.connect(":memory:")
    new_schema(fresh)
    assert fresh.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert fresh.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'promises'").fetchone()[0] == 1
