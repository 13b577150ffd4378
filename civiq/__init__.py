"""civiq: queue ticketing for public service centres.

The ``civiq`` package is the shared library every part speaks: the topic tree,
the message models, the MQTT client, the site configuration and the clock.
Only :mod:`civiq.qt_bridge` touches Qt.
"""

__version__ = "0.1.0"
