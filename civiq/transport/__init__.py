"""How civiq parts talk: the MQTT client every part shares (:mod:`.mqtt`) and the
client-side model of a site's retained state (:mod:`.state`). No Qt."""
