"""Shared test set-up: Qt draws offscreen, so the tests need no display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test keeps working copies, locks and logs in its own data folder, never the user's."""
    monkeypatch.setenv("CLIENTOCRACY_DATA_DIR", str(tmp_path_factory.mktemp("data")))


from hypothesis import settings  # noqa: E402

# CI replays the same examples every run, so a landing never depends on luck; runs on a developer's machine
# keep exploring new ones (and a failure found there is replayed from the example database).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
