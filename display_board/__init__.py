"""``civiq display``: the wall board waiting visitors watch, with chime and spoken calls.

Plain-Python modules (``filters``, ``legibility``, ``announcements``, ``chime``,
``viewmodel``, ``notices``) decide what to show and say; the Qt modules (``widgets``,
``player``, ``app``) only draw it, play it and wire it to MQTT.
"""
