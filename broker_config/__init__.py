"""The site's MQTT broker: generated, secured Mosquitto configurations for a site and
for central (:mod:`.generate` from ``templates/``, users and access lists :mod:`.users`,
:mod:`.acl`, test certificates :mod:`.certs`; ``civiq broker-config`` and ``civiq
device``), and the runner for a private Mosquitto (:mod:`.mosquitto`, used by ``civiq
demo``, ``civiq site``, the tests and the benchmarks)."""
