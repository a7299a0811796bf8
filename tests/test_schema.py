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


def test_a_schema_2_file_opens_and_keeps_motivation_and_readings_after_saving(tmp_path) -> None:
    """A file from the first version (no FORMAT v2 columns) opens, takes v2 fields and keeps them once saved."""
    import sqlite3

    from app import model as m
    from app.workfile import WorkFile, read_workshop

    path = tmp_path / "old.clientocracy"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.create_schema(conn, stop_before="m003_format_v2")
    conn.execute("INSERT INTO workshop (id, title, organization, facilitator, date, language, evolutionary_goal, "
                 "goal_rationale, notes, extra) VALUES (1, 'Старый', '', '', '', 'ru', '', '', '', '{}')")
    conn.execute("INSERT INTO teams (id, ord, name, kind, purpose, lead, members, indicator, economics, notes, extra) "
                 "VALUES ('t1', 1, 'Магазин', 'client_facing', '', 'Мария', '[\"Мария\"]', NULL, NULL, '', '{}')")
    conn.close()
    old = read_workshop(path)
    assert old.teams[0].name == "Магазин" and old.teams[0].motivation is None and old.readings == []
    work = WorkFile.open(path)
    doc = work.document
    from app import changes

    doc.apply(changes.update(doc, "t1", motivation=m.Motivation("margin", 10.0, (m.Share("Мария", 1.0),))))
    doc.apply(changes.insert(doc, m.Reading("r1", of="t1", period="2026-11", value="58%", met=False)))
    work.save()
    work.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 3
    again = read_workshop(path)
    assert again.teams[0].motivation.shares == (m.Share("Мария", 1.0),)
    assert again.readings == [m.Reading("r1", of="t1", period="2026-11", value="58%", met=False)]
