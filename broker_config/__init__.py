"""The site's MQTT broker: running a private Mosquitto (:mod:`.mosquitto`, used by
``civiq demo`` and the tests) and, later, the generated site and central configurations."""
