"""The camera check-in's scanner: a second tap while it looks keeps the running camera;
a frame with a QR code is read on the scanner's own thread.

No camera on the test machine: a QCamera without a device stands for the running one
(the scanner only starts, stops and compares it)."""

from __future__ import annotations

import time

from PySide6.QtMultimedia import QCamera

from kiosk.camera import GIVE_UP_S, CameraScanner


def test_a_second_tap_extends_the_running_camera_and_makes_no_second(qapp) -> None:
    scanner = CameraScanner()
    running = QCamera(scanner)
    scanner.camera = running
    scanner._until = time.monotonic() + 1.0  # nearly given up
    before = time.monotonic()
    assert scanner.start()
    assert scanner.camera is running  # the same camera, not a new one beside it
    assert scanner._until >= before + GIVE_UP_S  # looked for again as long as at first
    assert scanner.findChildren(QCamera) == [running]
    scanner.stop()
    assert scanner.camera is None


def test_a_frame_with_a_qr_code_is_read_off_the_gui_thread_and_stops_the_camera(
        qtbot, qapp, monkeypatch) -> None:
    import threading

    import qrcode
    from PIL.ImageQt import ImageQt
    from PySide6.QtGui import QImage
    from PySide6.QtMultimedia import QVideoFrame

    import kiosk.camera as camera

    seen: list[str] = []
    decode = camera.decode_qr

    def watched(image: QImage) -> str | None:  # the real decoder, and where it ran
        seen.append(threading.current_thread().name)
        return decode(image)

    scanner = CameraScanner()
    scanner.camera = QCamera(scanner)
    scanner._until = time.monotonic() + GIVE_UP_S
    picture = qrcode.make("CQ1.k1.test").get_image().convert("RGB").resize((640, 640))
    frame = QVideoFrame(QImage(ImageQt(picture)))
    monkeypatch.setattr(camera, "decode_qr", watched)
    with qtbot.waitSignal(scanner.scanned, timeout=5000) as got:
        scanner.sink.setVideoFrame(frame)
    assert got.args == ["CQ1.k1.test"]
    assert seen and all(name.startswith("civiq-qr") for name in seen)
    assert scanner.camera is None  # found: the camera stops
