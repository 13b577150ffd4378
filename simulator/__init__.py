"""A seeded day at a customer centre, played against the real engine over MQTT.

``plan`` draws the day (walk-ins, bookings, clerks' shifts) from one seed; ``day`` plays
it event by event, sending each command as the right role and reacting to the replies
as people would; ``runner`` runs it offline against an in-process engine with a manual
clock (a full day in seconds); ``live`` runs it against an engine that is already
running, at real or accelerated speed (``civiq demo``). No Qt here.
"""
