"""File ▸ Share on this network… and File ▸ Join…: choose the network, show the address and code; type them in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.collab.net import DEFAULT_PORT, Invitation, normal_code, parse_address, parse_link, shown_code
from widgets.collab.qr import qr_pixmap


def local_addresses() -> list[tuple[str, str]]:
    """(address, interface name) of this computer's IPv4 networks that are up, the room's network first, the
    loopback ("this computer only") last."""
    found: list[tuple[str, str]] = []
    loopback: list[tuple[str, str]] = []
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not flags & QNetworkInterface.InterfaceFlag.IsUp:
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                continue
            pair = (ip.toString(), interface.humanReadableName())
            (loopback if ip.isLoopback() else found).append(pair)
    if not loopback:
        loopback.append((QHostAddress(QHostAddress.SpecialAddress.LocalHost).toString(), "lo"))
    return found + loopback


class ShareDialog(QDialog):
    """Pick the network to share on; once sharing, the address and the join code, large enough for a projector."""

    start_requested = Signal(str, int)
    """The user asked to share on (address, port)."""
    stop_requested = Signal()
    lock_requested = Signal(bool)
    """Lock editing for the participants (True) or unlock it."""
    read_only_requested = Signal(object, bool)  # client ids are wider than a C int
    """Make a participant (client id) read-only (True) or let it edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self.setMinimumWidth(560)  # the address and code are read from across the room
        self.invitation: Invitation | None = None
        self.participants = 0
        self.names: tuple[tuple[str, str, int], ...] = ()
        self.network = QComboBox(objectName="shareNetwork")
        for address, name in local_addresses():
            self.network.addItem(f"{address}  ({name})", address)
        self.port = QSpinBox(objectName="sharePort")
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.form = QFormLayout()
        self.network_label = QLabel()
        self.port_label = QLabel()
        self.form.addRow(self.network_label, self.network)
        self.form.addRow(self.port_label, self.port)
        self.explain = QLabel(objectName="shareExplain")
        self.explain.setWordWrap(True)
        self.address = QLabel(objectName="shareAddress")
        self.code = QLabel(objectName="shareCode")
        for label in (self.address, self.code):
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * 2.2)
            font.setBold(True)
            label.setFont(font)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QLabel(objectName="shareQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link = QLabel(objectName="shareLink")
        self.link.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link.setTextFormat(Qt.TextFormat.PlainText)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link.setStyleSheet("color: #5B6673;")
        self.people = QLabel(objectName="shareParticipants")
        self.people.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who_hint = QLabel(objectName="shareWhoHint")
        self.who = QListWidget(objectName="shareWho")
        self.who.setMaximumHeight(120)
        self.who.itemChanged.connect(self._who_changed)
        self.start = QPushButton(objectName="shareStart")
        self.start.setDefault(True)
        self.start.clicked.connect(self._start)
        self.lock = QCheckBox(objectName="shareLock")
        self.lock.toggled.connect(self.lock_requested)
        self.stop = QPushButton(objectName="shareStop")
        self.stop.clicked.connect(self.stop_requested)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.start, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.stop, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(self.form)
        layout.addWidget(self.address)
        layout.addWidget(self.code)
        layout.addWidget(self.qr)
        layout.addWidget(self.link)
        layout.addWidget(self.people)
        layout.addWidget(self.who_hint)
        layout.addWidget(self.who)
        layout.addWidget(self.lock)
        layout.addWidget(self.buttons)
        self.show_invitation(None)
        self.retranslate()

    def _who_changed(self, item: QListWidgetItem) -> None:
        self.read_only_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)),
                                      item.checkState() != Qt.CheckState.Checked)

    @staticmethod
    def _dot(colour: str) -> QIcon:
        """A participant's colour as a small round icon."""
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        return QIcon(pixmap)

    def _start(self) -> None:
        self.start_requested.emit(str(self.network.currentData()), self.port.value())

    def show_invitation(self, invitation: Invitation | None, participants: int = 0,
                        names: tuple[tuple[str, str, int], ...] = (), read_only: frozenset[int] = frozenset()) -> None:
        """Show the room's address and code (None: not sharing, the choice of network instead) and who is in,
        each with a tick "may edit" the facilitator can take away."""
        self.invitation = invitation
        self.participants = participants
        self.names = names
        self.who.blockSignals(True)
        self.who.clear()
        for name, colour, client in names:
            item = QListWidgetItem(self._dot(colour), name)
            item.setData(Qt.ItemDataRole.UserRole, client)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if client in read_only else Qt.CheckState.Checked)
            self.who.addItem(item)
        self.who.blockSignals(False)
        sharing = invitation is not None
        if invitation is None:
            self.qr.clear()
        elif self.qr.property("link") != invitation.link:
            self.qr.setPixmap(qr_pixmap(invitation.link))
        self.qr.setProperty("link", invitation.link if invitation is not None else "")
        for widget in (self.network, self.port, self.network_label, self.port_label, self.start):
            widget.setVisible(not sharing)
        for widget in (self.address, self.code, self.qr, self.link, self.people, self.stop, self.lock):
            widget.setVisible(sharing)
        self.who.setVisible(sharing and bool(names))
        self.who_hint.setVisible(sharing and bool(names))
        if not sharing:
            self.lock.blockSignals(True)
            self.lock.setChecked(False)
            self.lock.blockSignals(False)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(self.tr("Share on this network"))
        self.network_label.setText(self.tr("Network:"))
        self.port_label.setText(self.tr("Port:"))
        self.start.setText(self.tr("Start sharing"))
        self.stop.setText(self.tr("Stop sharing"))
        self.lock.setText(self.tr("Lock editing while I present (the others watch)"))
        if self.invitation is None:
            self.explain.setText(self.tr(
                "The other laptops join this workshop over the room's network (no internet needed): choose the "
                "network they are on. Everyone keeps a full copy; a dropped Wi-Fi loses no edit."))
            return
        self.explain.setText(self.tr("On each laptop: File ▸ Join…, then type this address and code."))
        self.address.setText(self.tr("Address: {address}").format(address=self.invitation.address))
        self.code.setText(self.tr("Code: {code}").format(code=shown_code(self.invitation.code)))
        self.link.setText(self.tr("The QR code holds the address and the code; Join… also takes it pasted:")
                          + "\n" + self.invitation.link)
        self.people.setText(self.tr("%n laptop(s) connected", "", self.participants))
        self.who_hint.setText(self.tr("Ticked: may edit. Untick a participant to make them read-only."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class JoinDialog(QDialog):
    """The host's address and join code, as shown on the host's screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("joinDialog")
        self.address = QLineEdit(objectName="joinAddress")
        self.code = QLineEdit(objectName="joinCode")
        self.address.textChanged.connect(self._link_typed)
        self.code.textChanged.connect(self._link_typed)
        self.name = QLineEdit(objectName="joinName")
        self.name.setMaxLength(60)
        self.explain = QLabel(objectName="joinExplain")
        self.explain.setWordWrap(True)
        self.problem = QLabel(objectName="joinProblem")
        self.problem.setStyleSheet("color: #B00020;")
        self.form = QFormLayout()
        self.address_label = QLabel()
        self.code_label = QLabel()
        self.form.addRow(self.address_label, self.address)
        self.form.addRow(self.code_label, self.code)
        self.name_label = QLabel()
        self.form.addRow(self.name_label, self.name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.retranslate()

    def _link_typed(self, text: str) -> None:
        """A link pasted into either field (from the share dialog's QR code or a message) fills both."""
        invitation = parse_link(text)
        if invitation is not None:
            self.address.setText(invitation.address)
            self.code.setText(shown_code(invitation.code))

    def invitation(self) -> Invitation | None:
        """What was typed, or None (and the problem shown) when it is not an address and a code."""
        try:
            host, port = parse_address(self.address.text())
        except ValueError:
            self.problem.setText(self.tr("Type the address shown on the host's screen, e.g. 192.168.1.5:8765."))
            return None
        code = normal_code(self.code.text())
        if not code:
            self.problem.setText(self.tr("Type the code shown on the host's screen."))
            return None
        return Invitation(host, port, code)

    def accept(self) -> None:
        if self.invitation() is not None:
            super().accept()

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(self.tr("Join a shared workshop"))
        self.explain.setText(self.tr(
            "Join the workshop another laptop shares on this network. It opens as a new workshop here; "
            "your edits and theirs appear on every laptop. A link (clientocracy://…) pasted into the address "
            "fills in both."))
        self.address_label.setText(self.tr("Address:"))
        self.code_label.setText(self.tr("Code:"))
        self.name_label.setText(self.tr("Your name or group:"))
        self.name.setPlaceholderText(self.tr("shown to the facilitator, e.g. Group 2: Delivery"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Join"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
