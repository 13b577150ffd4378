"""The board's widgets: they draw a :class:`BoardView` and nothing else.

High contrast throughout (white and yellow on black); the newest call flashes yellow
for a few seconds. Landscape puts the newest call and the recent calls side by side and
the service table across the width below them; portrait stacks everything (and, as the
typography says, each service's name over its count and wait, the date below the site's
name). Orientation, the parts' heights, the table's and header's arrangement and
columns and the font sizes follow the typography of the widget's size on every resize.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from display_board.legibility import (
    ALT_RATIO,
    CALLS_GAP_PX,
    HERO_ROWS,
    HERO_SHARE,
    HERO_V_MARGINS_PX,
    LINE_FACTOR,
    LINE_HEIGHT_EM,
    STATUS_BAND_EM,
    TABLE_BLOCK_GAP_PX,
    TABLE_ROW_GAP_PX,
    Typography,
)
from display_board.viewmodel import BoardView, CallRow

BLACK = "#000000"
WHITE = "#ffffff"
YELLOW = "#ffd500"
GREY = "#b8b8b8"
GREY_DARK = "#5a5a5a"
BAND = "#10243f"  # header and ticker: dark blue, still > 12:1 against white
FONT_FAMILY = "DejaVu Sans"


_fonts: dict[tuple[int, bool], QFont] = {}
_advances: dict[tuple[str, int, bool], int] = {}


def _font(px: int, bold: bool = False) -> QFont:
    key = (max(px, 8), bold)
    f = _fonts.get(key)
    if f is None:
        f = QFont(FONT_FAMILY)
        f.setPixelSize(key[0])
        f.setBold(bold)
        if len(_fonts) > 256:
            _fonts.clear()
        _fonts[key] = f
    return f


def _advance(text: str, px: int, bold: bool) -> int:
    key = (text, px, bold)
    w = _advances.get(key)
    if w is None:
        w = QFontMetrics(_font(px, bold)).horizontalAdvance(text)
        if len(_advances) > 2048:  # bounded: a board runs for weeks
            _advances.clear()
        _advances[key] = w
    return w


#: Text pixmaps kept for reuse (least recently used go first). A number moves down the
#: recent list call by call, so a few dozen pixmaps cover what a board redraws; a fixed
#: budget keeps memory flat over weeks.
PIXMAP_BUDGET_BYTES = 4 * 2**20
_pixmaps: OrderedDict[tuple, QPixmap] = OrderedDict()
_pixmap_bytes = 0
#: The called number's pixmaps live outside the budget, in a few slots of their own: its
#: colours while it flashes, and every board of one process shows the same number, so
#: drawing it once per colour (not once per board and blink) is what makes a call cheap.
ONE_OFF_SLOTS = 4
_one_offs: OrderedDict[tuple, QPixmap] = OrderedDict()


def _text_pixmap(text: str, font: QFont, color: QColor, keep: bool = True) -> QPixmap:
    """The text drawn once into a pixmap. Qt draws glyphs above 64 px as paths on every
    paint; a board's numbers are that big, so drawing each text once and copying it is
    most of the paint time saved."""
    global _pixmap_bytes
    key = (text, font.pixelSize(), font.bold(), color.rgba())
    pm = _pixmaps.get(key)
    if pm is not None:
        _pixmaps.move_to_end(key)
        return pm
    if not keep and (pm := _one_offs.get(key)) is not None:
        _one_offs.move_to_end(key)
        return pm
    fm = QFontMetrics(font)
    pm = QPixmap(max(fm.horizontalAdvance(text) + 4, 1), max(fm.height() + 2, 1))
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setFont(font)
    p.setPen(color)
    p.drawText(pm.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
    p.end()
    if not keep:
        _one_offs[key] = pm
        while len(_one_offs) > ONE_OFF_SLOTS:
            _one_offs.popitem(last=False)
        return pm
    size = pm.width() * pm.height() * 4
    _pixmaps[key] = pm
    _pixmap_bytes += size
    while _pixmap_bytes > PIXMAP_BUDGET_BYTES and len(_pixmaps) > 1:
        _, old = _pixmaps.popitem(last=False)
        _pixmap_bytes -= old.width() * old.height() * 4
    return pm


class FitLabel(QLabel):
    """One line of text at the largest size up to ``max_px`` that fits the label's width,
    so a long site name or notice shrinks instead of being cut off.

    The text is shown as a pixmap drawn once per text, size and colour (see
    :func:`_text_pixmap`); QLabel paints the pixmap natively, so a redraw costs no Python.
    ``text()`` still answers the text."""

    def __init__(self, text: str = "", color: str | QColor = WHITE) -> None:
        super().__init__()
        self._max_px = 20
        self._bold = False
        self._text = ""
        self._color = QColor(color)
        self._font = _font(20)
        self._room = 0
        self._room_h = 0
        self._wanted_key: tuple = ()
        self._wanted = 20
        self._applied: tuple = ()
        #: labels that must share one size (a column): the smallest that fits them all
        self.group: list[FitLabel] | None = None
        #: False for a label whose texts never come back (the called number at its size)
        self.keep_pixmaps = True
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(1, 1)
        if text:
            self.setText(text)

    def text(self) -> str:
        return self._text

    def shown_px(self) -> int:
        """The pixel size the text is drawn at (after shrinking to fit)."""
        return self._font.pixelSize()

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._refit()
        self._render()

    def set_color(self, color: QColor) -> None:
        if color != self._color:
            self._color = QColor(color)
            self._render()

    def set_max_px(self, px: int, bold: bool = False) -> None:
        if (px, bold) != (self._max_px, self._bold):
            self._max_px, self._bold = px, bold
            self._refit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        room = (rect.width() - 4, rect.height())
        if room != (self._room, self._room_h):
            self._room, self._room_h = room
            self._refit()

    def wanted_px(self) -> int:
        """The largest size up to the maximum at which the text fits (remembered until
        text, width or maximum change: a board sets the same texts again and again)."""
        key = (self._text, self._room, self._room_h, self._max_px, self._bold)
        if key != self._wanted_key:
            px = self._max_px
            if self._room_h > 0:
                # never taller than its row: a size the row cannot hold would be cut off
                px = max(8, min(px, int(self._room_h / LINE_HEIGHT_EM)))
            if self._text and self._room > 0:
                width = _advance(self._text, px, self._bold)
                if width > self._room:
                    px = max(8, int(px * self._room / width))
            self._wanted_key, self._wanted = key, px
        return self._wanted

    def _refit(self) -> None:
        if self.group:
            px = min(lab.wanted_px() for lab in self.group)
            for lab in self.group:
                lab._apply(px)
        else:
            self._apply(self.wanted_px())

    def _apply(self, px: int) -> None:
        if self._applied != (px, self._bold):
            self._applied = (px, self._bold)
            self._font = _font(px, self._bold)
            self._render()

    def _render(self) -> None:
        if self._text:
            self.setPixmap(_text_pixmap(self._text, self._font, self._color,
                                        self.keep_pixmaps))
        else:
            self.clear()


class HeroNumber(FitLabel):
    """The called number. ``painted(number)`` fires when a new number is first painted:
    the moment it is on the screen, which is what the latency bench measures (setting
    the text only asks for a paint that comes later in the event loop)."""

    painted = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._unpainted = ""

    def setText(self, text: str) -> None:
        if text != self._text:
            self._unpainted = text
        super().setText(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._unpainted:
            text, self._unpainted = self._unpainted, ""
            self.painted.emit(text)


def _label(text: str = "", color: str = WHITE,
           align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> FitLabel:
    lab = FitLabel(text, color)
    lab.setStyleSheet("background: transparent;")
    lab.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return lab


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


_backgrounds: dict[tuple, QPixmap] = {}

#: mode -> background, text, frame, frame width. "flash" alternates with "newest", which
#: then stays until the next call (a wide yellow frame, yellow bold number); "old" greys
#: out the last call while the board is stale.
HERO_MODES = {
    "flash": (YELLOW, BLACK, YELLOW, 12),
    "newest": (BLACK, YELLOW, YELLOW, 12),
    "old": (BLACK, GREY, GREY_DARK, 6),
    "idle": (BLACK, WHITE, GREY, 6),
}


class HeroPanel(QWidget):
    """The newest call: ticket number over counter, flashing while it is new.

    Painted by hand rather than by style sheet: a style sheet change re-polishes the
    panel and its labels, and the panel changes twice a second while it flashes."""

    BORDER = 6
    RADIUS = 18

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("hero")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, HERO_V_MARGINS_PX // 2, 24, HERO_V_MARGINS_PX // 2)
        lay.setSpacing(0)
        self.heading = _label(align=Qt.AlignmentFlag.AlignHCenter)
        self.number = HeroNumber()
        self.number.setStyleSheet("background: transparent;")
        self.number.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        self.number.setObjectName("hero_number")
        # each called number shows here once, then moves to the recent list at its size
        self.number.keep_pixmaps = False
        self.counter = _label(align=Qt.AlignmentFlag.AlignHCenter)
        # the counter in the language beside the main one ("Counter 5", "Gişe 5")
        self.counter_alt = _label(align=Qt.AlignmentFlag.AlignHCenter)
        for lab, share in zip((self.heading, self.number, self.counter, self.counter_alt),
                              HERO_ROWS, strict=True):
            lay.addWidget(lab, share)
        self.mode = ""
        self._bg = self._border = QColor(BLACK)
        self._border_px = self.BORDER
        self.set_mode("idle")

    def set_mode(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        bg, fg, border, self._border_px = HERO_MODES[mode]
        self._bg, self._border = QColor(bg), QColor(border)
        for lab in (self.heading, self.number, self.counter, self.counter_alt):
            lab.set_color(QColor(fg))
        self.update()

    def _background(self) -> QPixmap:
        """The rounded panel drawn once per size and colours: an antialiased outline
        this big costs more than copying it, and a call repaints the panel at once."""
        key = (self.width(), self.height(), self._bg.rgba(), self._border.rgba(),
               self._border_px)
        pm = _backgrounds.get(key)
        if pm is None:
            pm = QPixmap(max(self.width(), 1), max(self.height(), 1))
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            half = self._border_px / 2
            rect = QRectF(pm.rect()).adjusted(half, half, -half, -half)
            p.setPen(QPen(self._border, self._border_px))
            p.setBrush(self._bg)
            p.drawRoundedRect(rect, self.RADIUS, self.RADIUS)
            p.end()
            if len(_backgrounds) >= 6:  # the styles at the current size, and more
                _backgrounds.pop(next(iter(_backgrounds)))
            _backgrounds[key] = pm
        return pm

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        r = event.rect()
        p.drawPixmap(r, self._background(), r)
        p.end()


class TwoLine(QWidget):
    """A main line with its second-language line below, smaller and grey."""

    def __init__(self, color: str, alt_color: str,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.top = _label(color=color, align=align)
        self.bottom = _label(color=alt_color, align=align)
        lay.addWidget(self.top, 10)
        lay.addWidget(self.bottom, int(10 * ALT_RATIO))

    def set_texts(self, top: str, bottom: str) -> None:
        _set(self.top, top)
        _set(self.bottom, bottom)

    def set_max_px(self, px: int, bold: bool = True, alt_px: int | None = None) -> None:
        self.top.set_max_px(px, bold)
        self.bottom.set_max_px(int(px * ALT_RATIO) if alt_px is None else alt_px)

    def set_second_line(self, shown: bool) -> None:
        self.bottom.setVisible(shown)


def _group(labels: list[FitLabel]) -> None:
    for lab in labels:
        lab.group = labels


class BoardWidget(QWidget):
    """The whole board. ``newest_shown(number)`` fires when a new big number has been
    painted (so only while the board is shown)."""

    newest_shown = Signal(str)
    resized = Signal()

    def __init__(self, recent_rows: int, service_rows: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(f"QWidget#board {{ background: {BLACK}; }}")
        self.view: BoardView | None = None
        self._typo: Typography | None = None

        # header
        self.header = QFrame()
        self.header.setStyleSheet(f"background: {BAND};")
        # site name | date | clock on one line, or the date on a line below (_arrange)
        self._header = QGridLayout(self.header)
        self._header.setContentsMargins(32, 0, 32, 0)
        self._header.setHorizontalSpacing(32)
        self._header.setVerticalSpacing(0)
        self.site_name = _label()
        self.date = _label(color=GREY, align=Qt.AlignmentFlag.AlignRight)
        self.clock = _label(align=Qt.AlignmentFlag.AlignRight)
        self._header_lines = 0

        # stale marker: kept visible until the board is current again
        self.status = _label(color=BLACK, align=Qt.AlignmentFlag.AlignHCenter)
        self.status.setObjectName("status")
        self.status.setStyleSheet(f"background: {YELLOW}; padding: 6px;")
        # a band of its own height that pushes the board down, never over the calls
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status.hide()
        # what the board cannot do at this size and distance, said while it starts
        self.setup_note = _label(align=Qt.AlignmentFlag.AlignHCenter)
        self.setup_note.setObjectName("setup_note")
        self.setup_note.setStyleSheet(f"background: {BAND}; padding: 6px;")
        self.setup_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setup_note.hide()

        self.hero = HeroPanel()
        self.hero.number.painted.connect(self.newest_shown)

        # recent calls
        self.recent_box = QFrame()
        rl = QVBoxLayout(self.recent_box)
        rl.setContentsMargins(24, 8, 24, 8)
        rl.setSpacing(0)
        self._recent = rl  # the heading's and the rows' heights follow their sizes
        self.recent_heading = _label(color=GREY)
        rl.addWidget(self.recent_heading, 1)
        self.recent_numbers: list[FitLabel] = []
        self.recent_counters: list[FitLabel] = []
        for _ in range(recent_rows):
            row = QHBoxLayout()
            row.setSpacing(24)
            n = _label()
            c = _label(color=WHITE, align=Qt.AlignmentFlag.AlignRight)
            row.addWidget(n, 1)
            row.addWidget(c, 1)
            rl.addLayout(row, 2)
            self.recent_numbers.append(n)
            self.recent_counters.append(c)
        _group(self.recent_numbers)
        _group(self.recent_counters)
        self.recent_box.setStyleSheet(
            f"QFrame {{ border-left: 3px solid {GREY}; }} QLabel {{ border: none; }}")

        # services: name (second language below) | waiting | wait; on a narrow board
        # each service's name on a line of its own over its count and wait (_arrange)
        self.services_box = QFrame()
        sg = QGridLayout(self.services_box)
        sg.setContentsMargins(24, 8, 24, 8)
        sg.setHorizontalSpacing(24)
        sg.setVerticalSpacing(TABLE_ROW_GAP_PX)
        self.col_service = TwoLine(GREY, GREY)
        self.col_waiting = TwoLine(GREY, GREY, Qt.AlignmentFlag.AlignRight)
        self.col_wait = TwoLine(GREY, GREY, Qt.AlignmentFlag.AlignRight)
        self.headings = (self.col_service, self.col_waiting, self.col_wait)
        # the three headings at one size, whichever is longest
        _group([two.top for two in self.headings])
        _group([two.bottom for two in self.headings])
        self.service_names: list[TwoLine] = []
        self.service_waiting_lines: list[TwoLine] = []
        self.service_wait: list[TwoLine] = []
        for _ in range(service_rows):
            # name, count and wait are each a main line over a second-language line, so
            # all three stand on one baseline at one size
            self.service_names.append(TwoLine(WHITE, GREY))
            self.service_waiting_lines.append(TwoLine(WHITE, GREY, Qt.AlignmentFlag.AlignRight))
            self.service_wait.append(TwoLine(WHITE, GREY, Qt.AlignmentFlag.AlignRight))
        self.service_waiting = [two.top for two in self.service_waiting_lines]
        # one size for the row's main texts: the wait as large as the service name
        _group([two.top for two in self.service_names + self.service_wait]
               + self.service_waiting)
        _group([two.bottom for two in self.service_names + self.service_wait])
        self._table = sg  # its columns' widths follow the texts (_apply_fonts)
        self._stacked: bool | None = None
        self._table_rows = 0

        # ticker
        self.ticker = _label(align=Qt.AlignmentFlag.AlignHCenter)
        self.ticker.setStyleSheet(f"background: {BAND}; padding: 0 24px;")

        self._root = QVBoxLayout(self)
        self._root.setContentsMargins(0, 0, 0, 0)
        self._root.setSpacing(0)
        self._portrait: bool | None = None
        self._body: QVBoxLayout | None = None

    # ----- layout ---------------------------------------------------------------------
    def _clear_root(self) -> None:
        def empty(layout: QLayout) -> None:
            while layout.count():
                item = layout.takeAt(0)
                inner = item.layout()
                if inner is not None:
                    empty(inner)
                    inner.deleteLater()

        empty(self._root)

    def _place_header(self, lines: int) -> None:
        """Site name, date and clock on one line; or name and clock over the date."""
        if lines == self._header_lines:
            return
        self._header_lines = lines
        hg = self._header
        for lab in (self.site_name, self.date, self.clock):
            hg.removeWidget(lab)
        hg.addWidget(self.site_name, 0, 0)
        hg.addWidget(self.clock, 0, 2)
        if lines == 2:
            hg.addWidget(self.date, 1, 0, 1, 3)
            self.date.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        else:
            hg.addWidget(self.date, 0, 1)
            self.date.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _place_table(self, stacked: bool) -> None:
        """The headings, then one grid row per service (name | waiting | wait), or two
        (the name across the width, count and wait below it): the headings likewise."""
        if stacked == self._stacked:
            return
        self._stacked = stacked
        sg = self._table
        rows = [self.headings, *zip(self.service_names, self.service_waiting_lines,
                                    self.service_wait, strict=True)]
        for row in rows:
            for two in row:
                sg.removeWidget(two)
        per = 2 if stacked else 1
        for i, (name, waiting, wait) in enumerate(rows):
            if stacked:
                sg.addWidget(name, per * i, 0, 1, 3)
            else:
                sg.addWidget(name, i, 0)
            sg.addWidget(waiting, per * i + per - 1, 1)
            sg.addWidget(wait, per * i + per - 1, 2)
        # stacked: a gap above each service's name, none between it and its count
        sg.setVerticalSpacing(0 if stacked else TABLE_ROW_GAP_PX)
        for name in self.service_names:
            name.setContentsMargins(0, TABLE_BLOCK_GAP_PX if stacked else 0, 0, 0)
        self._table_rows = per * len(rows)
        # rows left from the other arrangement are empty and take no room
        for r in range(self._table_rows, sg.rowCount()):
            sg.setRowStretch(r, 0)

    def _arrange(self, t: Typography) -> None:
        self._place_header(t.header_lines)
        self._place_table(t.service_stacked)
        if self._portrait != t.portrait:
            self._portrait = t.portrait
            self._clear_root()
            self._root.addWidget(self.header, 0)
            self._root.addWidget(self.status, 0)
            self._root.addWidget(self.setup_note, 0)
            body = QVBoxLayout()
            body.setContentsMargins(24, 16, 24, 16)
            body.setSpacing(16)
            if t.portrait:
                body.addWidget(self.hero)
                body.addWidget(self.recent_box)
            else:
                # the calls side by side on top, the service table across the width
                top = QHBoxLayout()
                top.setSpacing(CALLS_GAP_PX)
                top.addWidget(self.hero, int(HERO_SHARE * 100))
                top.addWidget(self.recent_box, 100 - int(HERO_SHARE * 100))
                body.addLayout(top)
            body.addWidget(self.services_box)
            self._root.addLayout(body, 0)
            self._root.addWidget(self.ticker, 0)
            self._body = body
            self.recent_box.setStyleSheet(
                f"QFrame {{ border-top: 3px solid {GREY}; }} QLabel {{ border: none; }}"
                if t.portrait else
                f"QFrame {{ border-left: 3px solid {GREY}; }} QLabel {{ border: none; }}")
        # The parts' heights: the typography's bands (the table's follows its rows).
        b, scale = t.bands, 1000
        self._root.setStretch(0, int(b.header * scale))
        self._root.setStretch(3, int((1 - b.header - b.ticker) * scale))
        self._root.setStretch(4, int(b.ticker * scale))
        assert self._body is not None
        parts = ((b.hero, b.recent, b.services) if t.portrait
                 else (b.hero, b.services))
        for i, share in enumerate(parts):
            self._body.setStretch(i, int(share * scale))

    def _apply_fonts(self, t: Typography) -> None:
        if t == self._typo:
            return
        self._typo = t
        self.site_name.set_max_px(t.header_px, bold=True)
        self.clock.set_max_px(t.header_px, bold=True)
        self.date.set_max_px(t.date_px)
        for col, share in enumerate(t.header_columns):
            self._header.setColumnStretch(col, int(share * 1000))
        # the header's lines as high as their sizes
        self._header.setRowStretch(0, t.header_px)
        self._header.setRowStretch(1, t.date_px if t.header_lines == 2 else 0)
        self.status.set_max_px(t.stale_px, bold=True)
        self.status.setFixedHeight(int(t.stale_px * STATUS_BAND_EM))
        self.setup_note.set_max_px(t.stale_px)
        self.setup_note.setFixedHeight(int(t.stale_px * STATUS_BAND_EM))
        # Small lines (headings, second languages) never below the legible size, as far
        # as the line above them allows.
        def small(px: float, above: int) -> int:
            return min(max(int(px), t.legible_px), above)

        self.hero.heading.set_max_px(t.hero_heading_px, bold=True)
        self.hero.number.set_max_px(t.hero_px, bold=True)
        self.hero.counter.set_max_px(t.hero_counter_px, bold=True)
        self.hero.counter_alt.set_max_px(t.hero_alt_px)
        self.recent_heading.set_max_px(t.recent_heading_px, bold=True)
        # the heading's line and the rows as high as their sizes
        self._recent.setStretch(0, t.recent_heading_px)
        for i in range(1, self._recent.count()):
            self._recent.setStretch(i, t.recent_px)
        for lab in self.recent_numbers:
            lab.set_max_px(t.recent_px, bold=True)
        for lab in self.recent_counters:
            lab.set_max_px(t.recent_px)
        heading = small(t.service_px * 0.62, t.service_px)
        for two in self.headings:
            two.set_max_px(heading, alt_px=small(heading * ALT_RATIO, heading))
            two.set_second_line(t.service_alt)
        for col, share in enumerate(t.columns):
            self._table.setColumnStretch(col, max(1, int(share * 1000)))
        # every line the same height (the headings are a row like the others), a
        # stacked service's name row its gap higher
        line = int(t.service_px * LINE_FACTOR * ((1 + ALT_RATIO) if t.service_alt else 1))
        for r in range(self._table_rows):
            gap = TABLE_BLOCK_GAP_PX if t.service_stacked and r % 2 == 0 and r > 0 else 0
            self._table.setRowStretch(r, line + gap)
        for two in self.service_names + self.service_wait + self.service_waiting_lines:
            two.set_max_px(t.service_px)
            two.set_second_line(t.service_alt)
        for two in self.service_waiting_lines:
            two.top.set_max_px(t.service_px, bold=True)
        self.ticker.set_max_px(t.ticker_px)

    # ----- drawing --------------------------------------------------------------------
    def show_view(self, view: BoardView) -> None:
        t = view.typography
        self._arrange(t)
        self._apply_fonts(t)
        _set(self.site_name, view.site_name)
        _set(self.clock, view.clock)
        _set(self.date, view.date)
        if view.stale:
            _set(self.status, view.status)
            self.status.show()
        else:
            self.status.hide()
        _set(self.setup_note, view.setup_note)
        self.setup_note.setVisible(bool(view.setup_note))

        _set(self.hero.heading, view.labels["now"])
        self.show_newest(view.newest, view.labels["none"])
        _set(self.hero.counter_alt, f"→ {view.newest.counter_alt}"
             if view.newest and view.newest.counter_alt else "")
        self.hero.set_mode(view.hero_mode)

        _set(self.recent_heading, view.recent_heading)
        for i, (n, c) in enumerate(zip(self.recent_numbers, self.recent_counters, strict=True)):
            row = view.recent[i] if i < len(view.recent) else None
            _set(n, row.number if row else "")
            _set(c, row.counter_name if row else "")

        for two, texts in zip((self.col_service, self.col_waiting, self.col_wait),
                              view.columns, strict=False):
            two.set_texts(*texts)
        for i, name in enumerate(self.service_names):
            row = view.services[i] if i < len(view.services) else None
            name.set_texts(row.name if row else "", row.name_alt if row else "")
            _set(self.service_waiting[i], str(row.waiting) if row else "")
            self.service_wait[i].set_texts(row.wait if row else "", row.wait_alt if row else "")
        _set(self.ticker, view.ticker)
        self.view = view

    def show_newest(self, row: CallRow | None, none_text: str) -> None:
        """Just the called number and counter: the first thing drawn on a call, before
        the rest of the board catches up in the same pass of the event loop."""
        if row is not None:
            number, counter = row.number, f"→ {row.counter_name}"
        else:
            number, counter = "", none_text
        changed = number != self.hero.number.text()
        _set(self.hero.number, number)
        _set(self.hero.counter, counter)
        if changed and self.hero.isVisible():
            # Painted now, not when the event loop comes to it: behind other boards'
            # messages (or a long redraw) that could take tens of milliseconds.
            self.hero.repaint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._typo = None
        self.resized.emit()  # the owner re-renders with typography for the new size
