<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../widgets.py" line="65"/>
        <source>Call next</source>
        <extracomment>pyside6-lupdate files a plain ``tr(&quot;...&quot;)`` call under the empty context. Action -&gt; key. Call next is one key, the first; the rest follow on the function row.</extracomment>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="65"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="65"/>
        <source>Start serving</source>
        <translation>Start serving</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="66"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="66"/>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="66"/>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="67"/>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="67"/>
        <source>Call selected</source>
        <translation>Call selected</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="68"/>
        <source>Cancel selected</source>
        <translation>Cancel selected</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="68"/>
        <source>Pause…</source>
        <translation>Pause…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="69"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="69"/>
        <source>Close counter</source>
        <translation>Close counter</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="69"/>
        <source>Open counter</source>
        <translation>Open counter</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="70"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="75"/>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="75"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="76"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="80"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="80"/>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="81"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="114"/>
        <source>OK [Enter]</source>
        <translation>OK [Enter]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="115"/>
        <source>Back [Esc]</source>
        <translation>Back [Esc]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="170"/>
        <source>Log in at %1</source>
        <translation>Log in at %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="173"/>
        <source>Staff id</source>
        <translation>Staff id</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="179"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="184"/>
        <source>Services served at this counter today</source>
        <translation>Services served at this counter today</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="194"/>
        <source>Log in and open [Enter]</source>
        <translation>Log in and open [Enter]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="303"/>
        <source>What waits</source>
        <translation>What waits</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="307"/>
        <source>Waiting for this counter</source>
        <translation>Waiting for this counter</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="310"/>
        <source>Parked</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="313"/>
        <source>Appointments in the next hour</source>
        <translation>Appointments in the next hour</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="357"/>
        <source>Connecting to the queue engine…</source>
        <translation>Connecting to the queue engine…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="358"/>
        <source>OFFLINE: no connection to the broker. Actions are off until it is back; reconnecting by itself.</source>
        <translation>OFFLINE: no connection to the broker. Actions are off until it is back; reconnecting by itself.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="360"/>
        <source>OFFLINE: the queue engine is not running. Actions are off until it is back.</source>
        <translation>OFFLINE: the queue engine is not running. Actions are off until it is back.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="368"/>
        <location filename="../widgets.py" line="457"/>
        <location filename="../widgets.py" line="482"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="370"/>
        <source>Served today: %1 · average: %2</source>
        <translation>Served today: %1 · average: %2</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="383"/>
        <source>Sending: %1 …</source>
        <translation>Sending: %1 …</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="408"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="410"/>
        <source>No ticket — press F1 to call the next</source>
        <translation>No ticket — press F1 to call the next</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="412"/>
        <source>Counter closed</source>
        <translation>Counter closed</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="421"/>
        <source>Called — waiting for the visitor</source>
        <translation>Called — waiting for the visitor</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="423"/>
        <source>recalled %1×</source>
        <translation>recalled %1×</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="425"/>
        <source>Serving</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="429"/>
        <source>Appointment %1</source>
        <translation>Appointment %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="432"/>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="433"/>
        <source>waited %1 min</source>
        <translation>waited %1 min</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="435"/>
        <source>Needs assistance</source>
        <translation>Needs assistance</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="437"/>
        <source>No-show possible in %1 s</source>
        <translation>No-show possible in %1 s</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="440"/>
        <source>Note from the last counter: %1</source>
        <translation>Note from the last counter: %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="446"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="446"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="446"/>
        <source>Longest</source>
        <translation>Longest</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="446"/>
        <source>Estimate</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="453"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="453"/>
        <source>busy</source>
        <translation>busy</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="453"/>
        <source>long</source>
        <translation>long</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="480"/>
        <source>appointment %1</source>
        <translation>appointment %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="484"/>
        <source>needs assistance</source>
        <translation>needs assistance</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="486"/>
        <source>for this counter</source>
        <translation>for this counter</translation>
    </message>
    <message>
        <location filename="../app.py" line="176"/>
        <source>Service: %1</source>
        <extracomment>Each attempt waits this long; with the retries a command lives 6 s, then it is reported not done (the engine refuses it after that by its ttl_s).</extracomment>
        <translation>Service: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="178"/>
        <source>Counter: %1</source>
        <translation>Counter: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="180"/>
        <source>Transfer %1 to</source>
        <translation>Transfer %1 to</translation>
    </message>
    <message>
        <location filename="../app.py" line="183"/>
        <source>Optional note for the next clerk (at most %1 characters): what is still to do. No names, no personal data.</source>
        <translation>Optional note for the next clerk (at most %1 characters): what is still to do. No names, no personal data.</translation>
    </message>
    <message>
        <location filename="../app.py" line="187"/>
        <source>Pause: why?</source>
        <translation>Pause: why?</translation>
    </message>
    <message>
        <location filename="../app.py" line="191"/>
        <source>Cancel ticket %1? The visitor loses their place.</source>
        <translation>Cancel ticket %1? The visitor loses their place.</translation>
    </message>
    <message>
        <location filename="../app.py" line="252"/>
        <location filename="../app.py" line="298"/>
        <source>NOT DONE: %1 — no answer from the queue engine. Nothing was changed; try again when the desk is online.</source>
        <translation>NOT DONE: %1 — no answer from the queue engine. Nothing was changed; try again when the desk is online.</translation>
    </message>
    <message>
        <location filename="../app.py" line="256"/>
        <source>Refused: %1 — %2</source>
        <translation>Refused: %1 — %2</translation>
    </message>
    <message>
        <location filename="../app.py" line="260"/>
        <source>NOT DONE: %1 — %2</source>
        <translation>NOT DONE: %1 — %2</translation>
    </message>
    <message>
        <location filename="../app.py" line="267"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>Nobody is waiting for this counter.</translation>
    </message>
    <message>
        <location filename="../app.py" line="269"/>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="285"/>
        <source>Choose at least one service.</source>
        <translation>Choose at least one service.</translation>
    </message>
</context>
</TS>
