"""The main window's actions and menus: standard keys, texts set (and reset on a language change) in one place."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from widgets.shell.export_runner import EXPORTS
from widgets.shell.i18n import LANGUAGES

Key = QKeySequence.StandardKey


@dataclass
class Menus:
    """Every action of the main window by name, and the menus that hold them."""

    actions: dict[str, QAction] = field(default_factory=dict)
    menus: dict[str, QMenu] = field(default_factory=dict)
    languages: QActionGroup | None = None

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]


# name: standard key (or a key sequence string), in menu order; None is a separator
FILE = [("new", Key.New), ("new_sample", None), ("open", Key.Open), ("recent", None), None, ("save", Key.Save),
        ("save_as", Key.SaveAs), ("share_copy", None), ("merge_copy", None), None, ("import_json", None),
        ("export", None), None, ("share", None), ("join", None), None, ("close", Key.Close), ("quit", Key.Quit)]
EDIT = [("undo", Key.Undo), ("redo", Key.Redo), None, ("delete", Key.Delete), ("select_all", Key.SelectAll), None,
        ("copy_picture", "Ctrl+Shift+C"), ("find", Key.Find)]
VIEW = [("page_workshop", "Ctrl+1"), ("page_canvas", "Ctrl+2"), ("page_structure", "Ctrl+3"),
        ("page_promises", "Ctrl+4"), ("page_dashboard", "Ctrl+5"), None, ("panels", None), None,
        ("zoom_in", Key.ZoomIn), ("zoom_out", Key.ZoomOut), ("zoom_reset", "Ctrl+0"), None, ("text_larger", None),
        ("text_smaller", None), ("text_normal", None), None, ("full_screen", Key.FullScreen), ("present", "F5"), None,
        ("language", None)]
# The text size's keys: on a table or form they change the text size; on an editor page they zoom the drawing.
TEXT_SIZE_KEYS = {"text_larger": Key.ZoomIn, "text_smaller": Key.ZoomOut, "text_normal": "Ctrl+0"}
HELP = [("guide", Key.HelpContents), ("about", None)]
SUBMENUS = {"recent", "export", "panels", "language"}


def build_menus(window: QMainWindow, recent: QMenu) -> Menus:
    """Create the actions and the menu bar of `window` (texts come from `retranslate_menus`)."""
    menus = Menus()
    bar = window.menuBar()
    for menu_name, entries in (("file", FILE), ("edit", EDIT), ("view", VIEW), ("help", HELP)):
        menu = bar.addMenu("")
        menu.setObjectName(f"{menu_name}Menu")
        menus.menus[menu_name] = menu
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            name, key = entry
            if name == "recent":
                menu.addMenu(recent)
                menus.menus["recent"] = recent
                continue
            if name in SUBMENUS:
                sub = menu.addMenu("")
                sub.setObjectName(f"{name}Menu")
                menus.menus[name] = sub
                continue
            action = QAction(window)
            action.setObjectName(f"{name}Action")
            if isinstance(key, str):
                action.setShortcut(QKeySequence(key))
            elif key is not None:
                action.setShortcuts(key)
            menu.addAction(action)
            menus.actions[name] = action
    for spec in EXPORTS:
        action = QAction(window)
        action.setObjectName(f"export_{spec.key}Action")
        menus.menus["export"].addAction(action)
        menus.actions[f"export_{spec.key}"] = action
    action = QAction(window, checkable=True)  # a check box in File ▸ Export: large workshops' full registers
    action.setObjectName("export_fullAction")
    menus.menus["export"].addAction(action)
    menus.actions["export_full"] = action
    menus.menus["export"].addSeparator()
    action = QAction(window)
    action.setObjectName("brandingAction")
    menus.menus["export"].addAction(action)
    menus.actions["branding"] = action
    menus.languages = QActionGroup(window)
    for code in ("", *LANGUAGES):
        action = QAction(window, checkable=True)
        action.setObjectName(f"language_{code or 'system'}Action")
        action.setData(code)
        menus.languages.addAction(action)
        menus.menus["language"].addAction(action)
        menus.actions[f"language_{code or 'system'}"] = action
    menus["full_screen"].setCheckable(True)
    return menus


TITLES = {
    "file": QT_TRANSLATE_NOOP("menus", "&File"),
    "edit": QT_TRANSLATE_NOOP("menus", "&Edit"),
    "view": QT_TRANSLATE_NOOP("menus", "&View"),
    "help": QT_TRANSLATE_NOOP("menus", "&Help"),
    "export": QT_TRANSLATE_NOOP("menus", "&Export"),
    "panels": QT_TRANSLATE_NOOP("menus", "&Panels"),
    "language": QT_TRANSLATE_NOOP("menus", "&Language"),
}
# action: (text, status tip), English sources in the "menus" context (zoom_in, zoom_out, zoom_reset: the window's)
TEXTS = {
    "new": (QT_TRANSLATE_NOOP("menus", "&New workshop"), QT_TRANSLATE_NOOP("menus", "Start an empty workshop")),
    "new_sample": (QT_TRANSLATE_NOOP("menus", "New from &sample"),
                   QT_TRANSLATE_NOOP("menus", "Start a workshop from the bundled sample")),
    "open": (QT_TRANSLATE_NOOP("menus", "&Open…"),
             QT_TRANSLATE_NOOP("menus", "Open a workshop file or a JSON interchange file")),
    "save": (QT_TRANSLATE_NOOP("menus", "&Save"), QT_TRANSLATE_NOOP("menus", "Save the workshop to its file")),
    "save_as": (QT_TRANSLATE_NOOP("menus", "Save &As…"),
                QT_TRANSLATE_NOOP("menus", "Save the workshop under a new name")),
    "import_json": (QT_TRANSLATE_NOOP("menus", "&Import JSON…"),
                    QT_TRANSLATE_NOOP("menus", "Open a workshop from the JSON interchange format")),
    "share_copy": (QT_TRANSLATE_NOOP("menus", "S&hare as a copy…"),
                   QT_TRANSLATE_NOOP("menus", "Save a copy for a colleague to work on apart; merge it back later")),
    "merge_copy": (QT_TRANSLATE_NOOP("menus", "&Merge another copy…"),
                   QT_TRANSLATE_NOOP("menus", "Bring a colleague's copy of this workshop back in, choosing where "
                                              "both changed the same thing")),
    "share": (QT_TRANSLATE_NOOP("menus", "Share on this &network…"),
              QT_TRANSLATE_NOOP("menus", "Let the other laptops in the room edit this workshop with you, live")),
    "join": (QT_TRANSLATE_NOOP("menus", "&Join…"),
             QT_TRANSLATE_NOOP("menus", "Edit live the workshop another laptop shares on this network")),
    "close": (QT_TRANSLATE_NOOP("menus", "&Close workshop"),
              QT_TRANSLATE_NOOP("menus", "Close the workshop (asks about unsaved changes)")),
    "export_full": (QT_TRANSLATE_NOOP("menus", "&Full registers (appendix)"),
                    QT_TRANSLATE_NOOP("menus", "Add every promise and team of a large workshop to the handout, "
                                               "slides and deck as an appendix (by default they are summarised)")),
    "branding": (QT_TRANSLATE_NOOP("menus", "Handout &branding…"),
                 QT_TRANSLATE_NOOP("menus", "The logo and accent colour of handouts, slides and decks")),
    "quit": (QT_TRANSLATE_NOOP("menus", "&Quit"), QT_TRANSLATE_NOOP("menus", "Quit Clientocracy Studio")),
    "undo": (QT_TRANSLATE_NOOP("menus", "&Undo"), ""),
    "redo": (QT_TRANSLATE_NOOP("menus", "&Redo"), ""),
    "delete": (QT_TRANSLATE_NOOP("menus", "&Delete"),
               QT_TRANSLATE_NOOP("menus", "Delete the selection with what hangs on it (Undo brings it back)")),
    "select_all": (QT_TRANSLATE_NOOP("menus", "Select &All"), ""),
    "copy_picture": (QT_TRANSLATE_NOOP("menus", "Copy &picture"),
                     QT_TRANSLATE_NOOP("menus", "Put a picture of the editor in front on the clipboard")),
    "find": (QT_TRANSLATE_NOOP("menus", "&Find…"),
             QT_TRANSLATE_NOOP("menus", "Select the objects of the editor in front whose text contains a word")),
    "page_workshop": (QT_TRANSLATE_NOOP("menus", "&Workshop"),
                      QT_TRANSLATE_NOOP("menus", "The goal, the details and every list as a table")),
    "text_larger": (QT_TRANSLATE_NOOP("menus", "&Larger text"), ""),
    "text_smaller": (QT_TRANSLATE_NOOP("menus", "&Smaller text"), ""),
    "text_normal": (QT_TRANSLATE_NOOP("menus", "&Normal text size"), ""),
    "full_screen": (QT_TRANSLATE_NOOP("menus", "&Full screen"), ""),
    "present": (QT_TRANSLATE_NOOP("menus", "&Present on the projector"),
                QT_TRANSLATE_NOOP("menus", "Show the workshop's story full screen, still editable (Esc leaves)")),
    "guide": (QT_TRANSLATE_NOOP("menus", "The method's &9 stages"),
              QT_TRANSLATE_NOOP("menus", "A short guide to the stages of Clientocracy")),
    "about": (QT_TRANSLATE_NOOP("menus", "&About Clientocracy Studio"), ""),
    "language_system": (QT_TRANSLATE_NOOP("menus", "&System language"),
                        QT_TRANSLATE_NOOP("menus", "Follow the language of the system")),
}


def menu_text(name: str) -> str:
    """The text of the action `name` (one of TEXTS) in the current language."""
    return QCoreApplication.translate("menus", TEXTS[name][0])


def menu_status_tip(name: str) -> str:
    """The status tip of the action `name` (one of TEXTS) in the current language ("" when it has none)."""
    tip = TEXTS[name][1] if name in TEXTS else ""  # the zoom actions' texts are the window's (they follow the page)
    return QCoreApplication.translate("menus", tip) if tip else ""


def retranslate_menus(menus: Menus) -> None:
    """Set every menu title and action text in the current language."""
    from widgets.shell.editor_pages import EDITORS

    for name, title in TITLES.items():
        menus.menus[name].setTitle(QCoreApplication.translate("menus", title))
    texts = {name: (QCoreApplication.translate("menus", text), QCoreApplication.translate("menus", tip) if tip else "")
             for name, (text, tip) in TEXTS.items()}
    for key, spec in EDITORS.items():
        texts[f"page_{key}"] = (QCoreApplication.translate("pages", spec.title),
                                QCoreApplication.translate("pages", spec.about))
    for spec in EXPORTS:
        texts[f"export_{spec.key}"] = (QCoreApplication.translate("exports", spec.text), "")
    for code, name in LANGUAGES.items():
        texts[f"language_{code}"] = (name, "")
    for name, (text, tip) in texts.items():
        action = menus.actions[name]
        if name not in ("undo", "redo"):  # these name the edit; the window sets them
            action.setText(text)
        action.setStatusTip(tip)
        action.setToolTip(tip or text.replace("&", ""))
