<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../widgets.py" line="65"/>
        <source>Call next</source>
        <extracomment>pyside6-lupdate files a plain ``tr(&quot;...&quot;)`` call under the empty context. Action -&gt; key. Call next is one key, the first; the rest follow on the function row.</extracomment>
        <translation>Nächste aufrufen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="65"/>
        <source>Recall</source>
        <translation>Erneut aufrufen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="65"/>
        <source>Start serving</source>
        <translation>Bedienung beginnen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="66"/>
        <source>Finish</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="66"/>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="66"/>
        <source>Transfer…</source>
        <translation>Weiterleiten…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="67"/>
        <source>Park</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="67"/>
        <source>Call selected</source>
        <translation>Ausgewählte aufrufen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="68"/>
        <source>Cancel selected</source>
        <translation>Ausgewählte stornieren</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="68"/>
        <source>Pause…</source>
        <translation>Pause…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="69"/>
        <source>Resume</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="69"/>
        <source>Close counter</source>
        <translation>Platz schließen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="69"/>
        <source>Open counter</source>
        <translation>Platz öffnen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="70"/>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="75"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="75"/>
        <source>Back office</source>
        <translation>Backoffice</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="76"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="80"/>
        <source>open</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="80"/>
        <source>paused</source>
        <translation>in Pause</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="81"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="114"/>
        <source>OK [Enter]</source>
        <translation>OK [Enter]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="115"/>
        <source>Back [Esc]</source>
        <translation>Zurück [Esc]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="170"/>
        <source>Log in at %1</source>
        <translation>Anmelden an %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="173"/>
        <source>Staff id</source>
        <translation>Personalkennung</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="179"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="184"/>
        <source>Services served at this counter today</source>
        <translation>Heute an diesem Platz bediente Anliegen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="194"/>
        <source>Log in and open [Enter]</source>
        <translation>Anmelden und öffnen [Enter]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="303"/>
        <source>What waits</source>
        <translation>Was wartet</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="307"/>
        <source>Waiting for this counter</source>
        <translation>Wartend für diesen Platz</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="310"/>
        <source>Parked</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="313"/>
        <source>Appointments in the next hour</source>
        <translation>Termine in der nächsten Stunde</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="357"/>
        <source>Connecting to the queue engine…</source>
        <translation>Verbindung zur Warteschlange wird aufgebaut…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="358"/>
        <source>OFFLINE: no connection to the broker. Actions are off until it is back; reconnecting by itself.</source>
        <translation>OFFLINE: keine Verbindung zum Broker. Aktionen sind gesperrt, bis sie zurück ist; die Verbindung wird selbst wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="360"/>
        <source>OFFLINE: the queue engine is not running. Actions are off until it is back.</source>
        <translation>OFFLINE: die Warteschlange läuft nicht. Aktionen sind gesperrt, bis sie zurück ist.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="368"/>
        <location filename="../widgets.py" line="457"/>
        <location filename="../widgets.py" line="482"/>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="370"/>
        <source>Served today: %1 · average: %2</source>
        <translation>Heute bedient: %1 · Durchschnitt: %2</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="383"/>
        <source>Sending: %1 …</source>
        <translation>Wird gesendet: %1 …</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="408"/>
        <source>Paused</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="410"/>
        <source>No ticket — press F1 to call the next</source>
        <translation>Keine Nummer — F1 ruft die nächste auf</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="412"/>
        <source>Counter closed</source>
        <translation>Platz geschlossen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="421"/>
        <source>Called — waiting for the visitor</source>
        <translation>Aufgerufen — Besucher ist unterwegs</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="423"/>
        <source>recalled %1×</source>
        <translation>%1× erneut aufgerufen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="425"/>
        <source>Serving</source>
        <translation>In Bedienung</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="429"/>
        <source>Appointment %1</source>
        <translation>Termin %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="432"/>
        <source>Walk-in</source>
        <translation>Ohne Termin</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="433"/>
        <source>waited %1 min</source>
        <translation>%1 Min. gewartet</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="435"/>
        <source>Needs assistance</source>
        <translation>Begleitung erbeten</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="437"/>
        <source>No-show possible in %1 s</source>
        <translation>„Nicht erschienen“ möglich in %1 s</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="440"/>
        <source>Note from the last counter: %1</source>
        <translation>Notiz vom vorigen Platz: %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="446"/>
        <source>Service</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="446"/>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="446"/>
        <source>Longest</source>
        <translation>Längste</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="446"/>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="453"/>
        <source>ok</source>
        <translation>gut</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="453"/>
        <source>busy</source>
        <translation>voll</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="453"/>
        <source>long</source>
        <translation>lang</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="480"/>
        <source>appointment %1</source>
        <translation>Termin %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="484"/>
        <source>needs assistance</source>
        <translation>Begleitung erbeten</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="486"/>
        <source>for this counter</source>
        <translation>für diesen Platz</translation>
    </message>
    <message>
        <location filename="../app.py" line="176"/>
        <source>Service: %1</source>
        <extracomment>Each attempt waits this long; with the retries a command lives 6 s, then it is reported not done (the engine refuses it after that by its ttl_s).</extracomment>
        <translation>Anliegen: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="178"/>
        <source>Counter: %1</source>
        <translation>Platz: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="180"/>
        <source>Transfer %1 to</source>
        <translation>%1 weiterleiten an</translation>
    </message>
    <message>
        <location filename="../app.py" line="183"/>
        <source>Optional note for the next clerk (at most %1 characters): what is still to do. No names, no personal data.</source>
        <translation>Optionale Notiz für den nächsten Platz (höchstens %1 Zeichen): was noch zu tun ist. Keine Namen, keine personenbezogenen Daten.</translation>
    </message>
    <message>
        <location filename="../app.py" line="187"/>
        <source>Pause: why?</source>
        <translation>Pause: warum?</translation>
    </message>
    <message>
        <location filename="../app.py" line="191"/>
        <source>Cancel ticket %1? The visitor loses their place.</source>
        <translation>Nummer %1 stornieren? Der Besucher verliert seinen Platz.</translation>
    </message>
    <message>
        <location filename="../app.py" line="252"/>
        <location filename="../app.py" line="298"/>
        <source>NOT DONE: %1 — no answer from the queue engine. Nothing was changed; try again when the desk is online.</source>
        <translation>NICHT AUSGEFÜHRT: %1 — keine Antwort der Warteschlange. Nichts wurde geändert; bitte erneut versuchen, wenn der Platz wieder online ist.</translation>
    </message>
    <message>
        <location filename="../app.py" line="256"/>
        <source>Refused: %1 — %2</source>
        <translation>Abgelehnt: %1 — %2</translation>
    </message>
    <message>
        <location filename="../app.py" line="260"/>
        <source>NOT DONE: %1 — %2</source>
        <translation>NICHT AUSGEFÜHRT: %1 — %2</translation>
    </message>
    <message>
        <location filename="../app.py" line="267"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>Niemand wartet auf diesen Platz.</translation>
    </message>
    <message>
        <location filename="../app.py" line="269"/>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="285"/>
        <source>Choose at least one service.</source>
        <translation>Bitte mindestens ein Anliegen wählen.</translation>
    </message>
</context>
</TS>
