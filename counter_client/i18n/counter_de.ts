<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../widgets.py" line="73"/>
        <source>Call next</source>
        <extracomment>pyside6-lupdate files a plain ``tr(&quot;...&quot;)`` call under the empty context. Action -&gt; key. Call next is one key, the first; the rest follow on the function row.</extracomment>
        <translation>Nächste aufrufen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="73"/>
        <source>Recall</source>
        <translation>Erneut aufrufen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="73"/>
        <source>Start serving</source>
        <translation>Bedienung beginnen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="74"/>
        <source>Finish</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="74"/>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="74"/>
        <source>Transfer…</source>
        <translation>Weiterleiten…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="75"/>
        <source>Park</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="75"/>
        <source>Call selected</source>
        <translation>Ausgewählte aufrufen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="76"/>
        <source>Cancel selected</source>
        <translation>Ausgewählte stornieren</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="76"/>
        <source>Pause…</source>
        <translation>Pause…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="77"/>
        <source>Resume</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="77"/>
        <source>Close counter</source>
        <translation>Platz schließen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="77"/>
        <source>Open counter</source>
        <translation>Platz öffnen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="78"/>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="83"/>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="83"/>
        <source>Back office</source>
        <translation>Backoffice</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="84"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="88"/>
        <source>open</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="88"/>
        <source>paused</source>
        <translation>in Pause</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="89"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="131"/>
        <source>OK [Enter]</source>
        <translation>OK [Enter]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="132"/>
        <source>Back [Esc]</source>
        <translation>Zurück [Esc]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="204"/>
        <source>Log in at %1</source>
        <translation>Anmelden an %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="207"/>
        <source>Staff id</source>
        <translation>Personalkennung</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="213"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="218"/>
        <source>Services served at this counter today</source>
        <translation>Heute an diesem Platz bediente Anliegen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="228"/>
        <source>Log in and open [Enter]</source>
        <translation>Anmelden und öffnen [Enter]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="350"/>
        <source>What waits</source>
        <translation>Was wartet</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="354"/>
        <source>Waiting for this counter</source>
        <translation>Wartend für diesen Platz</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="357"/>
        <source>Parked</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="360"/>
        <source>Appointments in the next hour</source>
        <translation>Termine in der nächsten Stunde</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="409"/>
        <source>Kiosk %1 offline</source>
        <translation>Kiosk %1 offline</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="410"/>
        <source>Board %1 offline</source>
        <translation>Anzeigetafel %1 offline</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="412"/>
        <source>Kiosk %1 offline since %2</source>
        <translation>Kiosk %1 offline seit %2</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="413"/>
        <source>Board %1 offline since %2</source>
        <translation>Anzeigetafel %1 offline seit %2</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="420"/>
        <source>Kiosk %1: paper out</source>
        <translation>Kiosk %1: Papier leer</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="421"/>
        <source>Kiosk %1: paper running low</source>
        <translation>Kiosk %1: Papier fast leer</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="422"/>
        <source>Kiosk %1: printer not responding</source>
        <translation>Kiosk %1: Drucker antwortet nicht</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="423"/>
        <source>Kiosk %1: out of service, its clock is behind</source>
        <translation>Kiosk %1: außer Betrieb, seine Uhr geht nach</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="435"/>
        <source>Connecting to the queue engine…</source>
        <translation>Verbindung zur Warteschlange wird aufgebaut…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="436"/>
        <source>OFFLINE: no connection to the broker. Actions are off until it is back; reconnecting by itself.</source>
        <translation>OFFLINE: keine Verbindung zum Broker. Aktionen sind gesperrt, bis sie zurück ist; die Verbindung wird selbst wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="438"/>
        <source>OFFLINE: the queue engine is not running. Actions are off until it is back.</source>
        <translation>OFFLINE: die Warteschlange läuft nicht. Aktionen sind gesperrt, bis sie zurück ist.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="440"/>
        <source>OFF: another desk for this counter is connected; this one is off. Work at that one, or close it and start this one again.</source>
        <translation>AUS: Ein anderes Gerät für diesen Platz ist verbunden; dieses ist abgeschaltet. Arbeiten Sie dort weiter, oder schließen Sie es und starten Sie dieses neu.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="452"/>
        <location filename="../widgets.py" line="545"/>
        <location filename="../widgets.py" line="573"/>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="454"/>
        <source>Served today: %1 · average: %2</source>
        <translation>Heute bedient: %1 · Durchschnitt: %2</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="467"/>
        <source>Sending: %1 …</source>
        <translation>Wird gesendet: %1 …</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="475"/>
        <source>New day: the counter was closed at midnight. Open it again [F11]</source>
        <translation>Neuer Tag: der Platz wurde um Mitternacht geschlossen. Wieder öffnen [F11]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="496"/>
        <source>Paused</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="498"/>
        <source>No ticket — press F1 to call the next</source>
        <translation>Keine Nummer — F1 ruft die nächste auf</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="500"/>
        <source>Counter closed</source>
        <translation>Platz geschlossen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="509"/>
        <source>Called — waiting for the visitor</source>
        <translation>Aufgerufen — Besucher ist unterwegs</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="511"/>
        <source>recalled %1×</source>
        <translation>%1× erneut aufgerufen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="513"/>
        <source>Serving</source>
        <translation>In Bedienung</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="517"/>
        <source>Appointment %1</source>
        <translation>Termin %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="520"/>
        <source>Walk-in</source>
        <translation>Ohne Termin</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="521"/>
        <source>waited %1 min</source>
        <translation>%1 Min. gewartet</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="523"/>
        <source>Needs assistance</source>
        <translation>Begleitung erbeten</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="525"/>
        <source>No-show possible in %1 s</source>
        <translation>„Nicht erschienen“ möglich in %1 s</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="528"/>
        <source>Note from the last counter: %1</source>
        <translation>Notiz vom vorigen Platz: %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="534"/>
        <source>Service</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="534"/>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="534"/>
        <source>Longest</source>
        <translation>Längste</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="534"/>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="541"/>
        <source>ok</source>
        <translation>gut</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="541"/>
        <source>busy</source>
        <translation>voll</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="541"/>
        <source>long</source>
        <translation>lang</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="554"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="571"/>
        <source>appointment %1</source>
        <translation>Termin %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="575"/>
        <source>needs assistance</source>
        <translation>Begleitung erbeten</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="577"/>
        <source>for this counter</source>
        <translation>für diesen Platz</translation>
    </message>
    <message>
        <location filename="../app.py" line="247"/>
        <source>Service: %1</source>
        <translation>Anliegen: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="249"/>
        <source>Counter: %1</source>
        <translation>Platz: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="251"/>
        <source>Transfer %1 to</source>
        <translation>%1 weiterleiten an</translation>
    </message>
    <message>
        <location filename="../app.py" line="254"/>
        <source>Optional note for the next clerk (at most %1 characters): what is still to do. No names, no personal data.</source>
        <translation>Optionale Notiz für den nächsten Platz (höchstens %1 Zeichen): was noch zu tun ist. Keine Namen, keine personenbezogenen Daten.</translation>
    </message>
    <message>
        <location filename="../app.py" line="258"/>
        <source>Pause: why?</source>
        <translation>Pause: warum?</translation>
    </message>
    <message>
        <location filename="../app.py" line="262"/>
        <source>Cancel ticket %1? The visitor loses their place.</source>
        <translation>Nummer %1 stornieren? Der Besucher verliert seinen Platz.</translation>
    </message>
    <message>
        <location filename="../app.py" line="80"/>
        <source>NOT DONE: %1 — no answer from the queue engine. Nothing was changed; try again when the desk is online.</source>
        <translation>NICHT AUSGEFÜHRT: %1 — keine Antwort der Warteschlange. Nichts wurde geändert; bitte erneut versuchen, wenn der Platz wieder online ist.</translation>
    </message>
    <message>
        <location filename="../app.py" line="59"/>
        <source>this counter is not open (paused, closed, or not opened since midnight)</source>
        <extracomment>Why the queue engine refused what the clerk did (after &quot;Refused: &lt;action&gt; —&quot;).</extracomment>
        <translation>dieser Platz ist nicht geöffnet (Pause, geschlossen oder seit Mitternacht nicht angemeldet)</translation>
    </message>
    <message>
        <location filename="../app.py" line="61"/>
        <source>this counter still has a ticket: finish, park or transfer it first</source>
        <translation>an diesem Platz ist noch eine Nummer: erst abschließen, parken oder weiterleiten</translation>
    </message>
    <message>
        <location filename="../app.py" line="62"/>
        <source>this counter has no current ticket</source>
        <translation>an diesem Platz ist keine Nummer aufgerufen</translation>
    </message>
    <message>
        <location filename="../app.py" line="64"/>
        <source>not possible for this ticket now (another counter may have taken it)</source>
        <translation>für diese Nummer jetzt nicht möglich (vielleicht hat ein anderer Platz sie schon aufgerufen)</translation>
    </message>
    <message>
        <location filename="../app.py" line="65"/>
        <source>there is no such ticket today</source>
        <translation>diese Nummer gibt es heute nicht</translation>
    </message>
    <message>
        <location filename="../app.py" line="67"/>
        <source>the queue engine does not know this counter: check the site file</source>
        <translation>die Warteschlange kennt diesen Platz nicht: Standortdatei prüfen</translation>
    </message>
    <message>
        <location filename="../app.py" line="68"/>
        <source>the queue engine does not know this service</source>
        <translation>die Warteschlange kennt dieses Anliegen nicht</translation>
    </message>
    <message>
        <location filename="../app.py" line="69"/>
        <source>this desk may not do that</source>
        <translation>dieser Platz darf das nicht</translation>
    </message>
    <message>
        <location filename="../app.py" line="70"/>
        <source>the queue engine could not read the request</source>
        <translation>die Warteschlange konnte die Anfrage nicht lesen</translation>
    </message>
    <message>
        <location filename="../app.py" line="72"/>
        <source>the queue engine failed; tell the site&apos;s operator</source>
        <translation>Fehler in der Warteschlange; bitte die Technik des Standorts informieren</translation>
    </message>
    <message>
        <location filename="../app.py" line="332"/>
        <source>Refused: %1 — %2</source>
        <translation>Abgelehnt: %1 — %2</translation>
    </message>
    <message>
        <location filename="../app.py" line="336"/>
        <source>NOT DONE: %1 — %2</source>
        <translation>NICHT AUSGEFÜHRT: %1 — %2</translation>
    </message>
    <message>
        <location filename="../app.py" line="343"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>Niemand wartet auf diesen Platz.</translation>
    </message>
    <message>
        <location filename="../app.py" line="345"/>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="361"/>
        <source>Choose at least one service.</source>
        <translation>Bitte mindestens ein Anliegen wählen.</translation>
    </message>
</context>
</TS>
