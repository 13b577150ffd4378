"""The wire contract, version 1: the topic registry (:mod:`.topics`), the envelope, the
message models, the commands and the error codes. ``docs/protocol.md`` is generated from
these modules (``python -m tools.protocol_doc --write``); a test keeps both in step."""
