"""The window's part in a live session: the Share and Join actions' work, the status bar's word on the connection."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from app import model as m
from app.document import Document
from app.workfile import WorkFile

if TYPE_CHECKING:  # the network's modules load when first used, not at start-up
    from app.collab.net import Invitation
    from widgets.collab.dialogs import ShareDialog
    from widgets.collab.session import LiveSession

log = logging.getLogger(__name__)


class LiveControl(QObject):
    """Owned by a main window: starts and ends its live session and says in the status bar how it goes.

    The window calls `work_changed` when it shows another workshop (a session belongs to one workshop) and is
    told of others' edits through `remote_applied` (it keeps the workshop marked modified: they are not on its
    undo stack)."""

    remote_applied = Signal(int)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("liveControl")
        self.window = window
        self.session: LiveSession | None = None
        self.share_dialog: ShareDialog | None = None
        self.status_label = QLabel(objectName="liveStatus")
        self.status_label.setVisible(False)
        self._watched: QObject | None = None  # the workspace whose selection is told to the room
        window.statusBar().addPermanentWidget(self.status_label)
        window.installEventFilter(self)

    # ------------------------------------------------------------------ sharing
    def share(self) -> None:
        """File ▸ Share on this network…: the dialog that opens the room and shows its address and code."""
        from widgets.collab.dialogs import ShareDialog

        if self.share_dialog is None:
            self.share_dialog = ShareDialog(self.window)
            self.share_dialog.start_requested.connect(self.start_sharing)
            self.share_dialog.stop_requested.connect(self.stop)
            self.share_dialog.lock_requested.connect(self.lock)
            self.share_dialog.read_only_requested.connect(self.set_read_only)
        session = self.session
        hosting = session is not None and session.role == "host"
        if hosting and session is not None:
            self.share_dialog.show_invitation(session.invitation, session.participants(), session.names(),
                                              session.read_only())
        else:
            self.share_dialog.show_invitation(None)
        self.share_dialog.show()
        self.share_dialog.raise_()

    def start_sharing(self, address: str, port: int) -> Invitation | None:
        """Open a room with the open workshop on `address`:`port`; None (and a message) when it cannot."""
        document = self._document()
        if document is None:
            return None
        self.stop()
        session = self._new_session(document)
        try:
            invitation = session.host(address, port, name=self.tr("Facilitator"))
        except OSError as error:
            self._drop(session)
            QMessageBox.warning(self.window, self.tr("Share on this network"),
                                self.tr("Could not share on {address}:{port}: {reason}").format(
                                    address=address, port=port, reason=error.strerror or error))
            return None
        if self.share_dialog is not None:
            self.share_dialog.show_invitation(invitation)
        self._show_status()
        return invitation

    # ------------------------------------------------------------------ joining
    def join(self) -> None:
        """File ▸ Join…: ask for the address and code, then open the room's workshop as a new one."""
        from widgets.collab.dialogs import JoinDialog

        dialog = JoinDialog(self.window)
        try:
            if dialog.exec() != JoinDialog.DialogCode.Accepted:
                return
            invitation = dialog.invitation()
            name = dialog.name.text()
        finally:
            dialog.deleteLater()
        if invitation is not None:
            self.join_room(invitation, name)

    def join_room(self, invitation: Invitation, name: str = "") -> bool:
        """Open a new workshop that takes the room's content; False when the user kept the current one."""
        maybe_save = getattr(self.window, "maybe_save", None)
        if callable(maybe_save) and not maybe_save():
            return False
        work = WorkFile.new(m.Workshop(info=m.WorkshopInfo(title=self.tr("Shared workshop"))))
        self.window.set_work(work)  # type: ignore[attr-defined]
        session = self._new_session(work.document)
        session.join(invitation, name)
        self._show_status()
        return True

    def lock(self, locked: bool) -> None:
        """The facilitator locks editing while presenting (the participants' windows only show), or unlocks it."""
        if self.session is not None and self.session.role == "host":
            self.session.lock(locked)
            self._show_status()

    def set_read_only(self, client: int, read_only: bool) -> None:
        """The facilitator makes one participant read-only (its window only shows), or lets it edit again."""
        if self.session is not None and self.session.role == "host":
            self.session.set_read_only(client, read_only)

    def _locked_changed(self, locked: bool) -> None:
        """A participant's window: the host locked editing, the workshop only shows; unlocked, it edits again."""
        if self.session is not None and self.session.role == "guest":
            central = self.window.centralWidget()
            if central is not None:
                central.setEnabled(not locked)
        self._show_status()

    # ------------------------------------------------------------------ ending
    def stop(self) -> None:
        """Leave the room (a host closes it); the workshop stays with every edit."""
        session, self.session = self.session, None
        if session is not None:
            self._drop(session)
            central = self.window.centralWidget()
            if central is not None:
                central.setEnabled(True)
        if self.share_dialog is not None:
            self.share_dialog.show_invitation(None)
        self._show_status()

    def work_changed(self) -> None:
        """The window shows another workshop (or none): a session of the one before ends."""
        if self.session is not None and self.session.document is not self._document():
            self.stop()

    # ------------------------------------------------------------------ status
    def _new_session(self, document: Document) -> LiveSession:
        from widgets.collab.session import LiveSession

        session = LiveSession(document, self)
        session.status_changed.connect(self._status_changed)
        session.remote_applied.connect(self.remote_applied)
        session.locked_changed.connect(self._locked_changed)
        session.presence_changed.connect(self._show_presence)
        self.session = session
        self._watch_selection()
        return session

    # ------------------------------------------------------------------ who is where
    def _workspace(self) -> Any:
        """The window's workspace (its editors and their selection), or None."""
        return getattr(self.window, "workspace", None)

    def _watch_selection(self) -> None:
        """Tell the room what is selected in this window's editors, now and as it changes."""
        workspace = self._workspace()
        if workspace is None:
            return
        if workspace is not self._watched:
            self._watched = workspace
            workspace.selection_changed.connect(self._selection_changed)
            workspace.page_changed.connect(self._show_presence)  # an editor built late shows the others too
        page = workspace.current_editor()  # the editor page in front (None on the workshop page)
        editor = page.editor if page is not None else None
        self._selection_changed(editor.selected_ids() if editor is not None else [])

    def _selection_changed(self, ids: list[str]) -> None:
        session = self.session
        if session is not None and session.document is self._document():
            session.set_selection(list(ids))

    def _show_presence(self) -> None:
        """Mark the other participants' selections on this window's diagrams and canvas, each in its colour."""
        from widgets.base.remote_selection import RemoteSelection

        workspace = self._workspace()
        if workspace is None:
            return
        session = self.session
        presence = session.presence if session is not None and session.document is workspace.document else ()
        marks = [RemoteSelection(str(client), name or self.tr("A participant"), colour, frozenset(ids))
                 for client, name, colour, ids in presence]
        for page in workspace.editors.values():
            show = getattr(page.editor, "show_remote_selections", None)
            if callable(show):
                show(marks)

    def _drop(self, session: LiveSession) -> None:
        session.stop()
        if session is self.session:
            self.session = None
        session.deleteLater()
        self._show_presence()  # no one's selection stays marked

    def _status_changed(self, _status: str) -> None:
        self._show_status()
        session = self.session
        if self.share_dialog is not None and session is not None and session.role == "host":
            self.share_dialog.show_invitation(session.invitation, session.participants(), session.names(),
                                              session.read_only())

    def status_text(self) -> str:
        """What the status bar says of the session ("" when there is none)."""
        session = self.session
        if session is None or not session.role:
            return ""
        invitation = session.invitation
        address = invitation.address if invitation else ""
        status = session.status
        if session.role == "host":
            text = self.tr("Sharing on %1 · %n laptop(s) connected", "", session.participants()).replace(
                "%1", address)
            return text + (self.tr(" · editing locked") if session.locked else "")
        if session.locked and status == "connected":
            return self.tr("The facilitator has locked editing on this laptop for now: you can watch")
        texts = {
            "connected": self.tr("Connected to {address}"),
            "connecting": self.tr("Connecting to {address}…"),
            "reconnecting": self.tr("Connection to {address} lost: working offline, reconnecting…"),
            "offline": self.tr("Offline: your edits are kept and sent when you reconnect"),
            "refused": self.tr("{address} refused the code"),
        }
        never = getattr(session.endpoint, "connections", 1) == 0
        if never and status == "reconnecting":
            return self.tr("Cannot reach {address} yet: check the address and that this laptop is on the host's "
                           "network. Trying again…").format(address=address)
        return texts.get(status, self.tr("Not connected")).format(address=address)

    def _show_status(self) -> None:
        text = self.status_text()
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _document(self) -> Document | None:
        document = getattr(self.window, "document", None)
        return document if isinstance(document, Document) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._show_status()
        return False
