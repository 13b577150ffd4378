"""Camera check-in, only where QtMultimedia finds a camera: frames from a QVideoSink,
decoded with zxing-cpp (a few per second; decoding every frame would load the CPU for
nothing) on a thread of its own, one frame at a time, so that a decode (5-20 ms for an
HD frame) never holds up the screen. The kiosk does not offer it when there is no
camera."""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

log = logging.getLogger(__name__)

DECODE_EVERY_S = 0.25
GIVE_UP_S = 30.0


def decode_qr(image: QImage) -> str | None:
    """The QR code's text in a frame, or None."""
    import zxingcpp
    from PIL import Image

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
    pil = Image.frombuffer("L", (w, h), bytes(gray.constBits()), "raw", "L", stride, 1)
    found = zxingcpp.read_barcodes(pil, formats=zxingcpp.BarcodeFormat.QRCode)
    return found[0].text if found else None


class CameraScanner(QObject):
    scanned = Signal(str)
    # Emitted on the decoding thread; Qt queues it to this object's (the GUI) thread.
    _decoded = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.camera: QCamera | None = None
        self.session = QMediaCaptureSession(self)
        self.sink = QVideoSink(self)
        self.session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._frame)
        self._decoded.connect(self._on_decoded)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="civiq-qr")
        self._decoding = False
        self._next = 0.0
        self._until = 0.0

    @staticmethod
    def available() -> bool:
        return bool(QMediaDevices.videoInputs())

    def start(self) -> bool:
        """Start looking for a QR code for GIVE_UP_S; a tap while it looks gives it that
        long again (the running camera stays: a second one would leave it running)."""
        if self.camera is not None:
            self._until = time.monotonic() + GIVE_UP_S
            return True
        inputs = QMediaDevices.videoInputs()
        if not inputs:
            return False
        self.camera = QCamera(inputs[0], self)
        self.session.setCamera(self.camera)
        self.camera.start()
        self._until = time.monotonic() + GIVE_UP_S
        return True

    def stop(self) -> None:
        if self.camera is not None:
            self.camera.stop()
            self.camera = None

    def _frame(self, frame) -> None:  # type: ignore[no-untyped-def]
        now = time.monotonic()
        if self.camera is None or now < self._next:
            return
        if now > self._until:
            self.stop()
            return
        if self._decoding:
            return
        self._next = now + DECODE_EVERY_S
        self._decoding = True
        self._pool.submit(self._decode, frame.toImage())

    def _decode(self, image: QImage) -> None:
        try:
            text = decode_qr(image) or ""
        except Exception:
            log.exception("camera: could not decode a frame")
            text = ""
        self._decoded.emit(text)

    def _on_decoded(self, text: str) -> None:
        self._decoding = False
        if text and self.camera is not None:  # not stopped meanwhile
            self.stop()
            self.scanned.emit(text)
