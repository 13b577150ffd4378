"""The lobby kiosk (``civiq kiosk``): service choice, ticket, QR check-in, speech mode.

Plain-Python parts (view model, texts, scanner, printing, alerts) are tested without a
window; the Qt modules (``app``, ``widgets``, ``speech``, ``camera``, ``translations``,
``main``) are thin and listed in the import contracts.
"""
