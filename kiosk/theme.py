"""The kiosk's colours and type sizes, as data (no Qt), so tests can measure them.

Contrast is WCAG 2's ratio of relative luminances; EN 301 549 clause 11 asks 4.5:1 for
text, the high-contrast theme gives 7:1 or more everywhere text sits on a colour.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    text: str
    button: str
    button_text: str
    disabled: str  # a stopped service's button: its text still says why
    disabled_text: str
    accent: str  # the big number
    focus: str  # border of the control under the keypad's focus
    caption: str  # background of the line that shows what is spoken
    caption_text: str
    warning: str  # printer fault and refusals: a colour plus the words, never colour alone
    warning_text: str

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (foreground, background) pair the kiosk draws text in."""
        return {"text": (self.text, self.background),
                "button": (self.button_text, self.button),
                "disabled": (self.disabled_text, self.disabled),
                "number": (self.accent, self.background),
                "caption": (self.caption_text, self.caption),
                "warning": (self.warning_text, self.warning)}


NORMAL = Theme("normal", background="#f4f6f8", text="#14202b", button="#0b4f8a",
               button_text="#ffffff", disabled="#d5dbe1", disabled_text="#2b3540",
               accent="#0b3d6b", focus="#e0a000", caption="#fff3b0", caption_text="#14202b",
               warning="#fde2e1", warning_text="#6b0c07")
HIGH_CONTRAST = Theme("high_contrast", background="#000000", text="#ffffff", button="#000000",
                      button_text="#ffff00", disabled="#000000", disabled_text="#d0d0d0",
                      accent="#ffff00", focus="#00ffff", caption="#ffff00",
                      caption_text="#000000", warning="#000000", warning_text="#ffffff")

#: Type sizes as shares of the screen's shorter side; large print multiplies them.
LARGE_PRINT = 1.35


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    h = colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
