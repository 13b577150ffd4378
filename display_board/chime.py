"""The call chime: a soft two-tone gong synthesised with the standard library.

Made at run time (a few kilobytes, well under a millisecond of work per note) so there is
no binary asset to keep in step with the code.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
#: Two falling tones (E5 -> C5), the familiar "ding-dong" of waiting halls.
NOTES = ((659.25, 0.0), (523.25, 0.45))
LENGTH_S = 1.5


def chime_samples(rate: int = RATE) -> list[int]:
    n = int(LENGTH_S * rate)
    out = [0.0] * n
    for freq, start in NOTES:
        first = int(start * rate)
        for i in range(first, n):
            t = (i - first) / rate
            # Soft attack, exponential decay, a quiet octave overtone for warmth.
            env = min(1.0, t / 0.01) * math.exp(-3.2 * t)
            out[i] += env * (math.sin(2 * math.pi * freq * t)
                             + 0.25 * math.sin(4 * math.pi * freq * t))
    peak = max(abs(x) for x in out) or 1.0
    return [int(x / peak * 0.6 * 32767) for x in out]


def write_chime(path: Path, rate: int = RATE) -> Path:
    samples = chime_samples(rate)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path


def wav_duration_s(path: Path) -> float:
    """Length of a WAV file in seconds; 0 when it cannot be read."""
    try:
        with wave.open(str(path), "rb") as w:
            return w.getnframes() / float(w.getframerate() or 1)
    except (OSError, wave.Error, EOFError):
        return 0.0
