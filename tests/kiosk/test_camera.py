"""The camera check-in's scanner: a second tap while it looks keeps the running camera.

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
