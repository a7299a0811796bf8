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
