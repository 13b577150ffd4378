"""The kiosk's window: draws a :class:`~kiosk.viewmodel.KioskView` as it is told, and
reports taps by control id. No decisions here; the view model makes them."""

from __future__ import annotations

import io
from functools import lru_cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.theme import HIGH_CONTRAST, LARGE_PRINT, NORMAL, Theme
from kiosk.viewmodel import Control, KioskView, Screen


@lru_cache(maxsize=16)
def qr_png(payload: str) -> bytes:
    import qrcode

    img = qrcode.make(payload, border=2, box_size=10)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


class KioskWindow(QWidget):
    tapped = Signal(str)  # control id
    resized = Signal(int, int)  # the window's new width and height in pixels

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kiosk")
        self.allow_close = False
        self.view: KioskView | None = None
        self.buttons: dict[str, QPushButton] = {}
        self._ids: list[str] = []
        self._paired: set[str] = set()  # ids of the choices that share a row
        # What the style sheet and the QR pixmap were last made from: a redraw with the
        # same inputs leaves them (re-applying a style sheet costs milliseconds each time).
        self._style_key: tuple | None = None
        self._qr_key: tuple[str, int] | None = None

        root = QVBoxLayout(self)
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(16)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        root.addWidget(self.title)
        self.lines = QLabel()
        self.lines.setObjectName("lines")
        self.lines.setWordWrap(True)
        root.addWidget(self.lines)

        # the ticket: number very large, service, people ahead, wait, QR code
        self.ticket = QFrame()
        self.ticket.setObjectName("ticket")
        tl = QHBoxLayout(self.ticket)
        col = QVBoxLayout()
        self.number = QLabel()
        self.number.setObjectName("number")
        self.service = QLabel()
        self.ahead = QLabel()
        self.wait = QLabel()
        self.extra = QLabel()
        self.extra.setWordWrap(True)
        for w in (self.number, self.service, self.ahead, self.wait, self.extra):
            w.setWordWrap(w is not self.number)
            col.addWidget(w)
        col.addStretch(1)
        tl.addLayout(col, 3)
        self.qr = QLabel()
        self.qr.setObjectName("qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tl.addWidget(self.qr, 2)
        root.addWidget(self.ticket, 3)

        self.printer_note = QLabel()
        self.printer_note.setObjectName("printer")
        self.printer_note.setWordWrap(True)
        root.addWidget(self.printer_note)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(16)
        root.addWidget(self.grid_host)
        root.addStretch(1)
        self.aids_host = QWidget()
        self.aids = QGridLayout(self.aids_host)
        self.aids.setSpacing(12)
        root.addWidget(self.aids_host)

        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.countdown.setWordWrap(True)
        root.addWidget(self.countdown)
        self.caption = QLabel()  # what speech says, highlighted
        self.caption.setObjectName("caption")
        self.caption.setWordWrap(True)
        root.addWidget(self.caption)

    # ----- kiosk mode: no way out ----------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        self.resized.emit(size.width(), size.height())  # what follows is not decided here

    # ----- drawing --------------------------------------------------------------------------
    def show_view(self, v: KioskView) -> None:
        self.view = v
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if v.rtl
                                else Qt.LayoutDirection.LeftToRight)
        self._style(HIGH_CONTRAST if v.contrast else NORMAL, v)
        self.title.setText(v.title)
        self.lines.setText("\n".join(v.lines))
        self.lines.setVisible(bool(v.lines))
        t = v.ticket
        self.ticket.setVisible(t is not None and v.screen is Screen.TICKET)
        if t is not None:
            self.number.setText(t.number)
            self.service.setText(t.service)
            self.ahead.setText(t.ahead)
            self.wait.setText(t.wait)
            self.extra.setText("\n".join(t.extra))
            self.extra.setVisible(bool(t.extra))
            side = max(160, min(self.height() // 3, self.width() // 3))
            if (t.qr_payload, side) != self._qr_key:
                pm = QPixmap()
                pm.loadFromData(qr_png(t.qr_payload), "PNG")
                self.qr.setPixmap(pm.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.FastTransformation))
                self._qr_key = (t.qr_payload, side)
        self.printer_note.setText(v.printer_note)
        self.printer_note.setVisible(bool(v.printer_note))
        if self.printer_note.property("fault") != v.printer_fault:
            # [fault="false"] is read when a widget is polished: again only on change
            self.printer_note.setProperty("fault", v.printer_fault)
            self.printer_note.style().unpolish(self.printer_note)
            self.printer_note.style().polish(self.printer_note)
        self._controls(v)
        # A keypad reads 1 2 3 from the left in every language, as on a telephone.
        self.grid_host.setLayoutDirection(
            Qt.LayoutDirection.LeftToRight if v.screen is Screen.CODE or not v.rtl
            else Qt.LayoutDirection.RightToLeft)
        self.countdown.setText(v.countdown)
        self.countdown.setVisible(bool(v.countdown))
        self.caption.setText(f"♪ {v.spoken}" if v.spoken else "")
        self.caption.setVisible(bool(v.spoken))

    def _controls(self, v: KioskView) -> None:
        ids = [c.id for c in v.controls]
        if ids != self._ids:
            for b in self.buttons.values():
                b.setParent(None)
                b.deleteLater()
            self.buttons = {}
            main = [c for c in v.controls if c.kind not in ("language", "toggle")
                    or c.id == "assist"]
            aids = [c for c in v.controls if c not in main]
            if v.screen is Screen.CODE:
                self._paired = set()
                for i, c in enumerate(main):
                    self.grid.addWidget(self._button(c), i // 3, i % 3)
            else:
                # A service's name must be read whole: up to four services each get a
                # full-width row; the other choices (assistance, booking code) share rows.
                services = [c for c in main if c.kind == "service"]
                others = [c for c in main if c.kind != "service"]
                cols = 1 if len(services) <= 4 else 2
                self._service_cols = cols
                for i, c in enumerate(services):
                    self.grid.addWidget(self._button(c), i // cols, (i % cols) * (2 // cols),
                                        1, 2 // cols)
                first = (len(services) + cols - 1) // cols
                for i, c in enumerate(others):
                    self.grid.addWidget(self._button(c), first + i // 2, i % 2)
                self._paired = {c.id for c in others}
            per_row = 4
            for i, c in enumerate(aids):
                self.aids.addWidget(self._button(c), i // per_row, i % per_row)
            self._ids = ids
        for c in v.controls:
            b = self.buttons[c.id]
            focused = c.id == v.focus
            label = c.label
            if (c.kind == "service" and getattr(self, "_service_cols", 1) > 1
                    and len(label) > SERVICE_LINE_CHARS):
                label = _two_lines(label)  # a push button does not wrap by itself
            elif c.id in self._paired and len(label) > PAIRED_LINE_CHARS:
                label = _two_lines(label)  # half a row: "Ich brauche Unterstützung"
            detail = c.detail
            cols = getattr(self, "_service_cols", 1)
            if c.kind == "service" and len(detail) > (
                    SERVICE_LINE_CHARS if cols > 1 else DETAIL_LINE_CHARS):
                detail = _two_lines(detail)  # "Geschlossen – öffnet am Montag um …"
            text = f"{label}\n{detail}" if detail else label
            text = text.replace("&", "&&")  # "&" would mark a shortcut and vanish
            if c.kind in ("toggle", "language") and c.checked:
                text = f"✓ {text}"  # not colour alone
            if focused:
                text = f"▶ {text}"
            b.setText(text)
            b.setEnabled(c.enabled)
            tall = 2 if c.kind == "service" else 1
            b.setMinimumHeight(v.min_target_px * tall)
            b.setMaximumHeight(v.min_target_px * tall * 2)
            b.setMinimumWidth(v.min_target_px)
            if b.property("focused") != focused:
                # [focused="true"] is read when a widget is polished: again only on change
                b.setProperty("focused", focused)
                b.style().unpolish(b)
                b.style().polish(b)
        self.grid_host.setVisible(bool(self._ids))

    def _button(self, c: Control) -> QPushButton:
        b = QPushButton()
        # The assistance toggle shares its row with the booking-code button: it is drawn
        # as a choice of the screen, in the same letter size, not as a small aid.
        b.setObjectName("choice" if c.id == "assist" else c.kind)
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the keypad, not to Qt
        b.clicked.connect(lambda _=False, cid=c.id: self.tapped.emit(cid))
        self.buttons[c.id] = b
        return b

    def _style(self, th: Theme, v: KioskView) -> None:
        short = max(480, min(self.width(), self.height()))
        k = LARGE_PRINT if v.large else 1.0
        key = (th, k, short)
        if key == self._style_key:
            return
        self._style_key = key
        px = lambda share: max(14, int(short * share * k))  # noqa: E731
        self.setStyleSheet(f"""
            #kiosk {{ background: {th.background}; }}
            QLabel {{ color: {th.text}; font-size: {px(0.03)}px; }}
            #title {{ font-size: {px(0.055)}px; font-weight: bold; }}
            #number {{ color: {th.accent}; font-size: {px(0.2)}px; font-weight: bold; }}
            #printer, #countdown {{ background: {th.warning}; color: {th.warning_text};
                border: 3px solid {th.warning_text}; padding: 8px; }}
            #printer[fault="false"] {{ background: {th.background}; color: {th.text};
                border: 3px solid {th.text}; }}
            #caption {{ background: {th.caption}; color: {th.caption_text}; padding: 8px; }}
            QPushButton {{ background: {th.button}; color: {th.button_text};
                font-size: {px(0.032)}px; border: 3px solid {th.button_text};
                border-radius: 10px; padding: 8px; }}
            QPushButton#service {{ font-size: {px(0.036)}px; font-weight: bold; }}
            QPushButton#language, QPushButton#toggle {{ font-size: {px(0.026)}px; }}
            QPushButton:disabled {{ background: {th.disabled}; color: {th.disabled_text};
                border-style: dashed; }}
            QPushButton[focused="true"] {{ border: 8px solid {th.focus}; }}
        """)
        f = QFont()
        f.setPixelSize(px(0.03))
        self.setFont(f)


#: A service name longer than this is set on two lines (two services may share a row).
SERVICE_LINE_CHARS = 24
#: The same for the choices that share a row (assistance, booking code): at the kiosk's
#: window of 720 px "Ich brauche Unterstützung" (25) was cut at both ends.
PAIRED_LINE_CHARS = 18
#: A service's detail (its wait, why it is closed) longer than this is set on two lines
#: on a button the width of the screen.
DETAIL_LINE_CHARS = 36


def _two_lines(text: str) -> str:
    """Break at the space nearest the middle; a name without spaces stays whole."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{text[:cut]}\n{text[cut + 1:]}"
