"""The site's queue engine: the single writer of a site's tickets and counters.

Qt-free and reached by the apps only over MQTT (an import-linter contract checks both).
"""
