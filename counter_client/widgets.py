"""The desk's widgets: they render a :class:`counter_client.desk.DeskView` and turn keys
and clicks into action names. No logic of the queue lives here.

Every word goes through Qt's translation (``tr``): the ``.ts`` files in
``counter_client/i18n`` hold German and English (``make translations``); a new language
is a new ``.ts`` file, translated in Qt Linguist, no code.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from civiq.config import SiteConfig
from civiq.protocol.models import CounterStatus, TicketStatus
from counter_client import desk as d

#: pyside6-lupdate files a plain ``tr("...")`` call under the empty context.
CONTEXT = ""


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


#: Action -> key. Call next is one key, the first; the rest follow on the function row.
KEYS: dict[str, Qt.Key] = {
    d.CALL_NEXT: Qt.Key.Key_F1,
    d.RECALL: Qt.Key.Key_F2,
    d.START: Qt.Key.Key_F3,
    d.FINISH: Qt.Key.Key_F4,
    d.NO_SHOW: Qt.Key.Key_F5,
    d.TRANSFER: Qt.Key.Key_F6,
    d.PARK: Qt.Key.Key_F7,
    d.CALL_SELECTED: Qt.Key.Key_F8,
    d.CANCEL_SELECTED: Qt.Key.Key_F9,
    d.PAUSE: Qt.Key.Key_F10,
    d.RESUME: Qt.Key.Key_F10,
    d.CLOSE: Qt.Key.Key_F11,
    d.OPEN: Qt.Key.Key_F11,
    d.LOGOUT: Qt.Key.Key_F12,
}
KEY_NAMES = {k: f"F{int(v) - int(Qt.Key.Key_F1) + 1}" for k, v in KEYS.items()}


def action_label(action: str) -> str:
    return {
        d.CALL_NEXT: tr("Call next"), d.RECALL: tr("Recall"), d.START: tr("Start serving"),
        d.FINISH: tr("Finish"), d.NO_SHOW: tr("No-show"), d.TRANSFER: tr("Transfer…"),
        d.PARK: tr("Park"), d.CALL_SELECTED: tr("Call selected"),
        d.CANCEL_SELECTED: tr("Cancel selected"), d.PAUSE: tr("Pause…"),
        d.RESUME: tr("Resume"), d.CLOSE: tr("Close counter"), d.OPEN: tr("Open counter"),
        d.LOGOUT: tr("Log out"),
    }[action]


def reason_label(reason: str) -> str:
    return {"break": tr("Break"), "back_office": tr("Back office"),
            "phone": tr("Phone")}.get(reason, reason)


def status_label(status: CounterStatus | None) -> str:
    return {CounterStatus.OPEN: tr("open"), CounterStatus.PAUSED: tr("paused"),
            CounterStatus.CLOSED: tr("closed")}.get(status, "–") if status else "–"


def literal(text: str) -> str:
    """Site data (a service's name) as a button's or check box's text: Qt takes "&" there
    for a shortcut marker and hides it ("Personalausweis & Reisepass" would lose it)."""
    return text.replace("&", "&&")


LIGHT_COLOURS = {"green": "#2e7d32", "amber": "#f9a825", "red": "#c62828", "none": "#9e9e9e"}


def _font(widget: QWidget, px: int, bold: bool = False) -> None:
    f = QFont(widget.font())
    f.setPixelSize(px)
    f.setBold(bold)
    widget.setFont(f)


class Prompt(QFrame):
    """A question inside the window (never a modal dialog): a choice, an optional line of
    text; Enter confirms, Esc goes back. When it closes the keyboard focus goes back to
    ``home`` (the desk, where the F-keys work): left to Qt it would go to the next widget,
    a ticket list."""

    accepted = Signal(str, object, str)  # what, chosen data, text
    dismissed = Signal()

    def __init__(self, home: QWidget) -> None:
        super().__init__(home)
        self.home = home
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("prompt")
        self.what = ""
        lay = QVBoxLayout(self)
        self.title = QLabel()
        _font(self.title, 18, True)
        self.choice = QComboBox()
        self.text = QLineEdit()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        self.ok = QPushButton(tr("OK [Enter]"))
        self.back = QPushButton(tr("Back [Esc]"))
        row.addWidget(self.ok)
        row.addWidget(self.back)
        for w in (self.title, self.choice, self.text, self.hint):
            lay.addWidget(w)
        lay.addLayout(row)
        self.ok.clicked.connect(self.accept)
        self.back.clicked.connect(self.dismiss)
        self.text.returnPressed.connect(self.accept)
        self.hide()

    def ask(self, what: str, title: str, choices: list[tuple[str, object]],
            text: bool = False, hint: str = "", max_length: int = 0) -> None:
        self.what = what
        self.title.setText(title)
        self.choice.clear()
        for label, data in choices:
            self.choice.addItem(label, data)
        self.choice.setVisible(bool(choices))
        self.text.clear()
        self.text.setVisible(text)
        if max_length:
            self.text.setMaxLength(max_length)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.show()
        (self.choice if choices else self.text).setFocus()

    def accept(self) -> None:
        if not self.isVisible():
            return
        self._close()
        self.accepted.emit(self.what, self.choice.currentData(), self.text.text().strip())

    def dismiss(self) -> None:
        self._close()
        self.dismissed.emit()

    def _close(self) -> None:
        self.home.setFocus()  # before hiding: Qt would hand the focus to a list
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
        elif event.key() == Qt.Key.Key_Escape:
            self.dismiss()
        else:
            super().keyPressEvent(event)


class TicketList(QListWidget):
    """The waiting or the parked list. A row is current only when it is selected: Qt
    makes the first row current when a list gets the keyboard focus, drawn with a focus
    frame that reads as chosen although F8/F9 do not act on it, and the first arrow key
    would then skip it. Without a current row the first arrow key selects the first row."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self.selectedItems():
            self.selectionModel().setCurrentIndex(
                QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)


class LoginPanel(QWidget):
    login = Signal(str, str, list)  # clerk, password, services

    def __init__(self, config: SiteConfig, counter_name: str, default_services: list[str],
                 needs_password: bool, lang: str) -> None:
        super().__init__()
        lay = QVBoxLayout(self)
        lay.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head = QLabel(tr("Log in at %1").replace("%1", counter_name))
        _font(head, 28, True)
        lay.addWidget(head)
        lay.addWidget(QLabel(tr("Staff id")))
        self.clerk = QLineEdit()
        self.clerk.setMaxLength(64)
        lay.addWidget(self.clerk)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = QLabel(tr("Password"))
        lay.addWidget(self.password_label)
        lay.addWidget(self.password)
        self.password.setVisible(needs_password)
        self.password_label.setVisible(needs_password)
        lay.addWidget(QLabel(tr("Services served at this counter today")))
        self.services: dict[str, QCheckBox] = {}
        for s in config.services:
            box = QCheckBox(literal(config.service_name(s, lang)))
            box.setChecked(s.id in default_services)
            self.services[s.id] = box
            lay.addWidget(box)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        lay.addWidget(self.error)
        self.go = QPushButton(tr("Log in and open [Enter]"))
        _font(self.go, 18, True)
        lay.addWidget(self.go)
        self.go.clicked.connect(self.submit)
        # Enter is handled once, in keyPressEvent (a line edit passes it on to us): no
        # returnPressed connections as well, or one key press would log in twice.

    def submit(self) -> None:
        chosen = [sid for sid, box in self.services.items() if box.isChecked()]
        self.login.emit(self.clerk.text(), self.password.text(), chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.password.isVisible() and self.focusWidget() is self.clerk:
                self.password.setFocus()  # the staff id first, then the password
            else:
                self.submit()
        else:
            super().keyPressEvent(event)


class DeskWidget(QWidget):
    """The main view. ``action(name)`` for every key or button; ``selected(number)`` when
    the clerk selects a ticket in a list (``""``: the selection was taken away)."""

    action = Signal(str)
    selected = Signal(str)

    def __init__(self, config: SiteConfig, counter_name: str, lang: str,
                 words: str | None = None) -> None:
        super().__init__()
        self.config = config
        self.lang = lang  # service names
        # numbers as the language the desk's words are in writes them
        self.locale = QLocale(words or lang)
        self.view: d.DeskView | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        # what the connection is: a band across the top, never a dialog
        self.link = QLabel()
        self.link.setObjectName("link")
        self.link.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _font(self.link, 20, True)
        self.link.setStyleSheet("background: #c62828; color: white; padding: 6px;")
        outer.addWidget(self.link)
        # the site's device problems (a kiosk out of paper, a board offline): one line
        self.devices = QLabel()
        self.devices.setObjectName("devices")
        self.devices.setWordWrap(True)
        _font(self.devices, 15, True)
        self.devices.setStyleSheet("background: #ffe0b2; color: #4e2600; padding: 4px 8px;")
        outer.addWidget(self.devices)
        top = QHBoxLayout()
        self.title = QLabel(counter_name)
        _font(self.title, 22, True)
        self.counter_status = QLabel()
        _font(self.counter_status, 18, True)
        self.figures = QLabel()
        top.addWidget(self.title)
        top.addWidget(self.counter_status)
        top.addStretch(1)
        top.addWidget(self.figures)
        outer.addLayout(top)
        body = QHBoxLayout()
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        body.addLayout(left, 3)
        card = QFrame()
        card.setObjectName("card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        c = QVBoxLayout(card)
        self.number = QLabel("–")
        self.number.setObjectName("number")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _font(self.number, 96, True)
        self.ticket_state = QLabel()
        self.ticket_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _font(self.ticket_state, 22, True)
        self.service = QLabel()
        self.service.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _font(self.service, 20)
        self.details = QLabel()
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _font(self.details, 16)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("background: #fff59d; color: black; padding: 6px;")
        _font(self.note, 16)
        for w in (self.number, self.ticket_state, self.service, self.details, self.note):
            c.addWidget(w)
        left.addWidget(card, 1)

        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        layout_rows = [
            (d.CALL_NEXT, d.RECALL, d.START, d.FINISH),
            (d.NO_SHOW, d.TRANSFER, d.PARK, d.CALL_SELECTED),
            (d.CANCEL_SELECTED, d.PAUSE, d.RESUME, d.CLOSE),
            (d.OPEN, d.LOGOUT),
        ]
        for r, row in enumerate(layout_rows):
            for col, name in enumerate(row):
                b = QPushButton(f"{action_label(name)}\n[{KEY_NAMES[name]}]")
                b.setObjectName(name)
                b.setMinimumHeight(54)
                b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the desk, not a button
                b.clicked.connect(lambda _=False, n=name: self.action.emit(n))
                grid.addWidget(b, r, col)
                self.buttons[name] = b
        _font(self.buttons[d.CALL_NEXT], 18, True)
        left.addLayout(grid)
        self.prompt = Prompt(self)
        left.addWidget(self.prompt)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        _font(self.message, 16, True)
        left.addWidget(self.message)

        right = QVBoxLayout()
        body.addLayout(right, 2)
        right.addWidget(self._heading(tr("What waits")))
        self.services = QLabel()
        self.services.setTextFormat(Qt.TextFormat.RichText)
        right.addWidget(self.services)
        right.addWidget(self._heading(tr("Waiting for this counter")))
        self.waiting = TicketList()
        right.addWidget(self.waiting, 3)
        right.addWidget(self._heading(tr("Parked")))
        self.parked = TicketList()
        right.addWidget(self.parked, 1)
        right.addWidget(self._heading(tr("Appointments in the next hour")))
        self.appointments = QListWidget()
        self.appointments.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        right.addWidget(self.appointments, 1)
        for lst in (self.waiting, self.parked):
            # the list's selection, never its current row: Qt makes the first row
            # current when a list gets the focus, which is no clerk's choice
            lst.itemSelectionChanged.connect(lambda lst=lst: self._picked(lst))

    def _heading(self, text: str) -> QLabel:
        h = QLabel(text)
        _font(h, 16, True)
        return h

    def _picked(self, lst: QListWidget) -> None:
        """The clerk selected a row (a click, an arrow key, Space) or took the selection
        away (Ctrl+click): the desk's selection follows; the other list's goes."""
        items = lst.selectedItems()
        if items:
            other = self.parked if lst is self.waiting else self.waiting
            other.blockSignals(True)
            other.setCurrentRow(-1)
            other.clearSelection()
            other.blockSignals(False)
        self.selected.emit(items[0].data(Qt.ItemDataRole.UserRole) if items else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.prompt.isVisible():
            # a question is open: Enter and Esc answer it, no other action meanwhile
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                self.prompt.keyPressEvent(event)
            return
        for name, k in KEYS.items():
            if k == key and self.buttons[name].isEnabled():
                self.action.emit(name)
                return
        super().keyPressEvent(event)

    # ----- rendering ---------------------------------------------------------------------
    def decimal(self, value: float) -> str:
        """``value`` with one decimal, written as the desk's language writes it
        ("4,5" in German, "4.5" in English)."""
        return self.locale.toString(float(value), "f", 1)

    def device_text(self, r: d.DeviceRow) -> str:
        """One device problem, short: "Kiosk kiosk-1: paper out"."""
        if r.kind == "offline":
            if r.since is None:
                text = (tr("Kiosk %1 offline") if r.role == "kiosk"
                        else tr("Board %1 offline"))
            else:
                text = (tr("Kiosk %1 offline since %2") if r.role == "kiosk"
                        else tr("Board %1 offline since %2"))
                at = f"{r.since:%H:%M}"
                if r.earlier_day:
                    day = QDate(r.since.year, r.since.month, r.since.day)
                    at = f"{self.locale.toString(day, QLocale.FormatType.ShortFormat)} {at}"
                text = text.replace("%2", at)
            return text.replace("%1", r.device)
        what = {"printer_paper_out": tr("Kiosk %1: paper out"),
                "printer_paper_near_end": tr("Kiosk %1: paper running low"),
                "printer_offline": tr("Kiosk %1: printer not responding"),
                "clock_behind": tr("Kiosk %1: out of service, its clock is behind")
                }.get(r.kind)
        return (what or f"%1: {r.kind}").replace("%1", r.device)

    def service_name(self, sid: str) -> str:
        s = self.config.service(sid)
        return self.config.service_name(s, self.lang) if s else sid

    def show_view(self, v: d.DeskView, lists: bool = True) -> None:
        """Draw ``v``; without ``lists`` only the ticket, the buttons and the message
        (the fast path when this counter's ticket changes)."""
        self.view = v
        link = {"up": "", "connecting": tr("Connecting to the queue engine…"),
                "broker_down": tr("OFFLINE: no connection to the broker. Actions are off "
                                  "until it is back; reconnecting by itself."),
                "engine_down": tr("OFFLINE: the queue engine is not running. Actions are "
                                  "off until it is back."),
                "taken_over": tr("OFF: another desk for this counter is connected; this one "
                                 "is off. Work at that one, or close it and start this one "
                                 "again.")}[v.link]
        self.link.setText(link)
        self.link.setVisible(bool(link))
        devices = " · ".join(self.device_text(r) for r in v.devices)
        self.devices.setText(f"⚠ {devices}" if devices else "")
        self.devices.setVisible(bool(devices))
        text = status_label(v.status)
        if v.pause_note:
            text += f" — {reason_label(v.pause_note)}"
        self.counter_status.setText(text)
        avg = (tr("%1 min").replace("%1", self.decimal(v.handling_avg_min))
               if v.handling_avg_min is not None else "–")
        self.figures.setText(tr("Served today: %1 · average: %2")
                             .replace("%1", str(v.served_today)).replace("%2", avg))
        self._show_current(v)
        for name, b in self.buttons.items():
            b.setEnabled(name in v.enabled)
        # a pair that shares a key shows only the one that applies
        self.buttons[d.RESUME].setVisible(v.status is CounterStatus.PAUSED)
        self.buttons[d.PAUSE].setVisible(v.status is not CounterStatus.PAUSED)
        closed = v.status in (CounterStatus.CLOSED, None)
        self.buttons[d.OPEN].setVisible(closed)
        self.buttons[d.CLOSE].setVisible(not closed)
        self.buttons[d.START].setVisible(not self.config.desk.start_on_call)
        if v.busy:
            self.message.setText(tr("Sending: %1 …").replace("%1", action_label(v.busy)))
            self.message.setStyleSheet("color: #555;")
        elif v.message:
            kind, text = v.message
            colour = {"done": "#2e7d32", "refused": "#e65100", "not_done": "#c62828"}[kind]
            self.message.setText(text)
            self.message.setStyleSheet(f"color: {colour};")
        elif v.new_day:
            self.message.setText(tr("New day: the counter was closed at midnight. Open it "
                                    "again [F11]"))
            self.message.setStyleSheet("color: #e65100;")
        else:
            self.message.setText("")
        if not lists:
            return
        self._show_services(v)
        self._fill(self.waiting, v.waiting, v.selected)
        self._fill(self.parked, v.parked, v.selected)
        self.appointments.clear()
        for a in v.appointments:
            self.appointments.addItem(f"{a.slot_start.astimezone(self.config.tz):%H:%M}  "
                                      f"{self.service_name(a.service)}")

    def _show_current(self, v: d.DeskView) -> None:
        cur = v.current
        if cur is None:
            self.number.setText("–")
            self.number.setStyleSheet("color: #9e9e9e;")
            if v.status is CounterStatus.PAUSED:
                state = tr("Paused")
            elif v.status is CounterStatus.OPEN:
                state = tr("No ticket — press F1 to call the next")
            else:
                state = tr("Counter closed")
            self.ticket_state.setText(state)
            self.service.setText("")
            self.details.setText("")
            self.note.hide()
            return
        self.number.setText(cur.number)
        self.number.setStyleSheet("")
        if cur.status is TicketStatus.CALLED:
            state = tr("Called — waiting for the visitor")
            if cur.recalls:
                state += " · " + tr("recalled %1×").replace("%1", str(cur.recalls))
        else:
            state = tr("Serving")
        self.ticket_state.setText(state)
        self.service.setText(self.service_name(cur.service))
        if cur.appointment and cur.slot_start:
            kind = tr("Appointment %1").replace(
                "%1", f"{cur.slot_start.astimezone(self.config.tz):%H:%M}")
        else:
            kind = tr("Walk-in")
        parts = [kind, tr("waited %1 min").replace("%1", str(cur.waited_min))]
        if cur.assistance:
            parts.insert(0, tr("Needs assistance"))
        if cur.status is TicketStatus.CALLED and cur.no_show_in_s > 0:
            parts.append(tr("No-show possible in %1 s").replace("%1", str(cur.no_show_in_s)))
        self.details.setText(" · ".join(parts))
        if cur.note:
            self.note.setText(tr("Note from the last counter: %1").replace("%1", cur.note))
            self.note.show()
        else:
            self.note.hide()

    def _show_services(self, v: d.DeskView) -> None:
        heads = (tr("Service"), tr("Waiting"), tr("Longest"), tr("Estimate"))
        rows = [f"<tr><th></th><th align='left'>{heads[0]}</th><th>{heads[1]}</th>"
                f"<th>{heads[2]}</th><th>{heads[3]}</th></tr>"]
        for s in v.services:
            mine = s.id in v.counter_services
            name = html.escape(self.service_name(s.id))  # site data inside rich text
            name = f"<b>{name}</b>" if mine else name
            light = {"green": tr("ok"), "amber": tr("busy"), "red": tr("long"),
                     "none": ""}[s.light]
            dot = (f"<span style='color:{LIGHT_COLOURS[s.light]}'>●</span> {light}"
                   if s.light != "none" else "")
            minutes = tr("%1 min")
            longest = (minutes.replace("%1", str(s.longest_min))
                       if s.longest_min is not None else "–")
            wait = s.wait
            if wait is None:
                eta = "–"
            elif wait.high is not None:
                eta = minutes.replace("%1", f"{wait.minutes}–{wait.high}")
            elif wait.none:  # civiq.waits' rule, as the board and the kiosk say it
                eta = tr("none")
            else:
                eta = minutes.replace("%1", str(wait.minutes))
            rows.append(f"<tr><td>{dot}</td><td>{name}</td><td align='center'>{s.waiting}</td>"
                        f"<td align='center'>{longest}</td><td align='center'>{eta}</td></tr>")
        self.services.setText("<table cellspacing='0' cellpadding='4'>"
                              + "".join(rows) + "</table>")

    def _fill(self, lst: QListWidget, rows: tuple[d.ListRow, ...], chosen: str | None
              ) -> None:
        # The highlight is the desk's selection, not the list's own current row: a row
        # left highlighted after the selection went would look like F8/F9 still apply.
        lst.blockSignals(True)
        lst.clear()
        for r in rows:
            parts = [r.number, self.service_name(r.service)]
            if r.appointment and r.slot_start:
                parts.append(tr("appointment %1").replace(
                    "%1", f"{r.slot_start.astimezone(self.config.tz):%H:%M}"))
            parts.append(tr("%1 min").replace("%1", str(r.waited_min)))
            if r.assistance:
                parts.append(tr("needs assistance"))
            if r.here:
                parts.append(tr("for this counter"))
            item = QListWidgetItem("  ·  ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, r.number)
            lst.addItem(item)
            if r.number == chosen:
                lst.setCurrentItem(item)
        if lst.currentItem() is None:
            lst.clearSelection()
        lst.blockSignals(False)


class CounterWindow(QWidget):
    """Login page, then the desk."""

    def __init__(self, config: SiteConfig, counter_name: str, default_services: list[str],
                 needs_password: bool, lang: str, words: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle(f"civiq — {config.site.name} — {counter_name}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        self.pages = QStackedWidget()
        lay.addWidget(self.pages)
        self.login = LoginPanel(config, counter_name, default_services, needs_password, lang)
        self.desk = DeskWidget(config, counter_name, lang, words)
        self.pages.addWidget(self.login)
        self.pages.addWidget(self.desk)

    def show_login(self, error: str = "", *, fresh: bool = False) -> None:
        """The login page; ``fresh`` (after a logout) empties the fields, so the next
        clerk does not log in under the last one's id."""
        if fresh:
            self.login.clerk.clear()
            self.login.password.clear()
        self.login.error.setText(error)
        self.pages.setCurrentWidget(self.login)
        self.login.clerk.setFocus()

    def show_desk(self) -> None:
        if self.pages.currentWidget() is not self.desk:
            self.pages.setCurrentWidget(self.desk)
            self.desk.setFocus()
