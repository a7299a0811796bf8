"""The installable app: the start-up smoke check, the PyInstaller build that passes it, icons and desktop files."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app.schema import APPLICATION_ID
from app.workfile import SUFFIX

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
SMOKE = "from widgets.shell.smoke import run_smoke; raise SystemExit(run_smoke())"
LINUX = sys.platform.startswith("linux")
MAX_BUILD_MB = 300  # about 200 MB of files now (see packaging/README.md); a jump means a large library slipped in


def offscreen_env(**extra: str) -> dict[str, str]:
    """The test process's environment (its own data folder included) with Qt drawing offscreen."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}


def show(result: subprocess.CompletedProcess[str]) -> str:
    """The end of a process's output, for an assertion message."""
    return f"exit {result.returncode}\n--- stdout\n{result.stdout[-3000:]}\n--- stderr\n{result.stderr[-3000:]}"


# -------------------------------------------------------------------------------------------- the smoke check
def test_smoke_check_passes_from_source() -> None:
    result = subprocess.run([sys.executable, "-c", SMOKE], cwd=ROOT, env=offscreen_env(),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, show(result)
    assert "smoke check passed" in result.stdout
    for step in ("modules imported", "fonts loaded", "sample opened", "edit applied, undone", "saved and reopened",
                 "exported smoke.pdf"):
        assert step in result.stdout, show(result)


def test_smoke_check_names_the_step_that_failed() -> None:
    hide_resources = ("import widgets.shell.smoke as smoke; from pathlib import Path; "
                      "smoke.resource_path = lambda *parts: Path('/nonexistent', *parts); "
                      "raise SystemExit(smoke.run_smoke())")
    result = subprocess.run([sys.executable, "-c", hide_resources], cwd=ROOT, env=offscreen_env(),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, show(result)
    assert "smoke check FAILED at step 'fonts': no fonts in /nonexistent/fonts" in result.stderr, show(result)
    assert "smoke check passed" not in result.stdout


# --------------------------------------------------------------------------------------------- icons, desktop
def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_app_icon_comes_in_every_size() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512, 1024):
        assert png_size(ICONS / f"clientocracy-{size}.png") == (size, size)
    assert (ICONS / "clientocracy.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # Windows icon directory
    assert (ICONS / "clientocracy.icns").read_bytes()[:4] == b"icns"
    assert "<svg" in (ICONS / "clientocracy.svg").read_text(encoding="utf-8")


def test_desktop_entry_and_file_type_agree_with_the_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / "linux" / "clientocracy-studio.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    mime = (PACKAGING / "linux" / "clientocracy-mime.xml").read_text(encoding="utf-8")
    mime_type = re.search(r'<mime-type type="([^"]+)"', mime).group(1)
    assert desktop["MimeType"].rstrip(";") == mime_type == "application/x-clientocracy"
    assert desktop["Exec"].endswith("%f") and desktop["Type"] == "Application"
    assert f'<glob pattern="*{SUFFIX}"/>' in mime
    assert f'value="0x{APPLICATION_ID:08X}"' in mime  # the magic that recognises a workshop by its header
    install = (PACKAGING / "linux" / "install.sh").read_text(encoding="utf-8")
    assert f"apps/{desktop['Icon']}.png" in install and "application-x-clientocracy" in install


# --------------------------------------------------------------------------------------------------- the build
@pytest.fixture(scope="module")
def built_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Linux one-folder app, built by the committed spec from an unrelated working directory (~30-60 s)."""
    if not LINUX:
        pytest.skip("the build test builds the Linux app")
    out = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(PACKAGING / "clientocracy.spec")],
        cwd=out, capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, show(result)
    return out / "dist" / "clientocracy"


def test_built_app_passes_its_smoke_check(built_app: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(built_app / "clientocracy"), "--smoke"], cwd=tmp_path,
                            env=offscreen_env(CLIENTOCRACY_DATA_DIR=str(tmp_path / "data")),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, show(result)
    # the whole check (every module, fonts, translations, edit and undo, save, exports), not just a painted window
    assert "smoke check passed" in result.stdout, "`clientocracy --smoke` does not run smoke.run_smoke\n" + \
        show(result)


def test_built_app_runs_the_command_line(built_app: Path, tmp_path: Path) -> None:
    binary = str(built_app / "clientocracy")
    env = offscreen_env(CLIENTOCRACY_DATA_DIR=str(tmp_path / "data"))
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, env=env, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("Clientocracy Studio "), show(version)
    workshop = tmp_path / f"Свежий квартал{SUFFIX}"
    new = subprocess.run([binary, "new", str(workshop), "--sample"], capture_output=True, text=True, env=env,
                         timeout=120)
    assert new.returncode == 0, show(new)
    check = subprocess.run([binary, "check", str(workshop), "--json"], capture_output=True, text=True, env=env,
                           timeout=120)
    assert check.returncode in (0, 1) and check.stdout.lstrip().startswith("["), show(check)


def test_build_leaves_out_what_the_app_does_not_use(built_app: Path) -> None:
    internal = built_app / "_internal"
    files = [p for p in internal.rglob("*") if p.is_file() and not p.is_symlink()]
    names = {p.relative_to(internal).as_posix() for p in files}
    unwanted = re.compile(r"libQt6(Quick|Qml|WebEngine|Pdf|Sql|Multimedia|3D|Charts|Designer)"  # Network: sharing
                          r"|^(matplotlib|scipy|PyQt5|PyQt6|PySide2|tkinter|pytest)/|PySide6/Qt/qml/"
                          r"|PySide6/Qt/plugins/(sqldrivers|platforms/libqeglfs|platformthemes/libqgtk3)")
    assert sorted(n for n in names if unwanted.search(n)) == []
    qt_translations = [n for n in names if "PySide6/Qt/translations/" in n]
    assert qt_translations and all(re.search(r"_(ru|en)\.qm$", n) for n in qt_translations), qt_translations
    for needed in ("resources/fonts/PTSans-Regular.ttf", "resources/fonts/LICENSE-PTSans.txt",
                   "resources/samples/grocery.json", "resources/icons/clientocracy.svg",
                   "resources/icons/clientocracy-256.png", "PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so"):
        assert needed in names, needed
    dangling = [p.name for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    size_mb = sum(p.stat().st_size for p in files) / 2**20
    assert size_mb < MAX_BUILD_MB, f"the build grew to {size_mb:.0f} MB"


@pytest.mark.skipif(shutil.which("ldd") is None, reason="needs ldd")
def test_every_bundled_qt_library_finds_the_qt_libraries_it_needs(built_app: Path) -> None:
    internal = built_app / "_internal"
    qt = internal / "PySide6"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{qt / 'Qt' / 'lib'}"}
    missing = []
    for library in sorted([*qt.glob("*.so*"), *(qt / "Qt").rglob("*.so*")]):
        out = subprocess.run(["ldd", str(library)], capture_output=True, text=True, env=env).stdout
        missing += [f"{library.name}: {line.split()[0]}" for line in out.splitlines()
                    if "not found" in line and "Qt6" in line]
    assert missing == []


def test_linux_install_adds_the_menu_entry_and_the_file_type(built_app: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    result = subprocess.run(["bash", str(built_app / "install.sh")], env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, show(result)
    share = home / ".local" / "share"
    entry = (share / "applications" / "clientocracy-studio.desktop").read_text(encoding="utf-8")
    binary = share / "clientocracy-studio" / "clientocracy"
    assert f'Exec="{binary}" %f' in entry and os.access(binary, os.X_OK)
    assert (share / "mime" / "packages" / "clientocracy-studio.xml").is_file()
    assert png_size(share / "icons" / "hicolor" / "48x48" / "apps" / "clientocracy-studio.png") == (48, 48)
    assert (home / ".local" / "bin" / "clientocracy").resolve() == binary.resolve()
    if shutil.which("update-mime-database"):
        assert "*.clientocracy" in (share / "mime" / "globs2").read_text(encoding="utf-8")
    installed = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=120)
    assert installed.returncode == 0, show(installed)

    removed = subprocess.run(["bash", str(built_app / "install.sh"), "--uninstall"], env=env, capture_output=True,
                             text=True, timeout=120)
    assert removed.returncode == 0, show(removed)
    assert not binary.exists() and not (share / "applications" / "clientocracy-studio.desktop").exists()
    assert not (home / ".local" / "bin" / "clientocracy").is_symlink()
