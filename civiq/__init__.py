"""civiq: queue ticketing for public service centres.

The ``civiq`` package is the shared library every part speaks, by concern:
:mod:`civiq.protocol` (the wire contract), :mod:`civiq.transport` (the MQTT client and the
state model), :mod:`civiq.config` and :mod:`civiq.clock` (the site file and time),
:mod:`civiq.appointments` (check-in codes and booking files) and :mod:`civiq.cli` (the
``civiq`` command). Only :mod:`civiq._qt` touches Qt.
"""

__version__ = "0.1.0"
