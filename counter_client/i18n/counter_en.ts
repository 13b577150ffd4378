<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../widgets.py" line="73"/>
        <source>Call next</source>
        <extracomment>pyside6-lupdate files a plain ``tr(&quot;...&quot;)`` call under the empty context. Action -&gt; key. Call next is one key, the first; the rest follow on the function row.</extracomment>
        <translation>Call next</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="73"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="73"/>
        <source>Start serving</source>
        <translation>Start serving</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="74"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="74"/>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="74"/>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="75"/>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="75"/>
        <source>Call selected</source>
        <translation>Call selected</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="76"/>
        <source>Cancel selected</source>
        <translation>Cancel selected</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="76"/>
        <source>Pause…</source>
        <translation>Pause…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="77"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="77"/>
        <source>Close counter</source>
        <translation>Close counter</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="77"/>
        <source>Open counter</source>
        <translation>Open counter</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="78"/>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="83"/>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="83"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="84"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="88"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="88"/>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="89"/>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="131"/>
        <source>OK [Enter]</source>
        <translation>OK [Enter]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="132"/>
        <source>Back [Esc]</source>
        <translation>Back [Esc]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="204"/>
        <source>Log in at %1</source>
        <translation>Log in at %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="207"/>
        <source>Staff id</source>
        <translation>Staff id</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="213"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="218"/>
        <source>Services served at this counter today</source>
        <translation>Services served at this counter today</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="228"/>
        <source>Log in and open [Enter]</source>
        <translation>Log in and open [Enter]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="350"/>
        <source>What waits</source>
        <translation>What waits</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="354"/>
        <source>Waiting for this counter</source>
        <translation>Waiting for this counter</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="357"/>
        <source>Parked</source>
        <translation>Parked</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="360"/>
        <source>Appointments in the next hour</source>
        <translation>Appointments in the next hour</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="409"/>
        <source>Kiosk %1 offline</source>
        <translation>Kiosk %1 offline</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="410"/>
        <source>Board %1 offline</source>
        <translation>Board %1 offline</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="412"/>
        <source>Kiosk %1 offline since %2</source>
        <translation>Kiosk %1 offline since %2</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="413"/>
        <source>Board %1 offline since %2</source>
        <translation>Board %1 offline since %2</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="420"/>
        <source>Kiosk %1: paper out</source>
        <translation>Kiosk %1: paper out</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="421"/>
        <source>Kiosk %1: paper running low</source>
        <translation>Kiosk %1: paper running low</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="422"/>
        <source>Kiosk %1: printer not responding</source>
        <translation>Kiosk %1: printer not responding</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="423"/>
        <source>Kiosk %1: out of service, its clock is behind</source>
        <translation>Kiosk %1: out of service, its clock is behind</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="435"/>
        <source>Connecting to the queue engine…</source>
        <translation>Connecting to the queue engine…</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="436"/>
        <source>OFFLINE: no connection to the broker. Actions are off until it is back; reconnecting by itself.</source>
        <translation>OFFLINE: no connection to the broker. Actions are off until it is back; reconnecting by itself.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="438"/>
        <source>OFFLINE: the queue engine is not running. Actions are off until it is back.</source>
        <translation>OFFLINE: the queue engine is not running. Actions are off until it is back.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="440"/>
        <source>OFF: another desk for this counter is connected; this one is off. Work at that one, or close it and start this one again.</source>
        <translation>OFF: another desk for this counter is connected; this one is off. Work at that one, or close it and start this one again.</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="452"/>
        <location filename="../widgets.py" line="545"/>
        <location filename="../widgets.py" line="573"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="454"/>
        <source>Served today: %1 · average: %2</source>
        <translation>Served today: %1 · average: %2</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="467"/>
        <source>Sending: %1 …</source>
        <translation>Sending: %1 …</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="475"/>
        <source>New day: the counter was closed at midnight. Open it again [F11]</source>
        <translation>New day: the counter was closed at midnight. Open it again [F11]</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="496"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="498"/>
        <source>No ticket — press F1 to call the next</source>
        <translation>No ticket — press F1 to call the next</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="500"/>
        <source>Counter closed</source>
        <translation>Counter closed</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="509"/>
        <source>Called — waiting for the visitor</source>
        <translation>Called — waiting for the visitor</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="511"/>
        <source>recalled %1×</source>
        <translation>recalled %1×</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="513"/>
        <source>Serving</source>
        <translation>Serving</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="517"/>
        <source>Appointment %1</source>
        <translation>Appointment %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="520"/>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="521"/>
        <source>waited %1 min</source>
        <translation>waited %1 min</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="523"/>
        <source>Needs assistance</source>
        <translation>Needs assistance</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="525"/>
        <source>No-show possible in %1 s</source>
        <translation>No-show possible in %1 s</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="528"/>
        <source>Note from the last counter: %1</source>
        <translation>Note from the last counter: %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="534"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="534"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="534"/>
        <source>Longest</source>
        <translation>Longest</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="534"/>
        <source>Estimate</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="541"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="541"/>
        <source>busy</source>
        <translation>busy</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="541"/>
        <source>long</source>
        <translation>long</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="554"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="571"/>
        <source>appointment %1</source>
        <translation>appointment %1</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="575"/>
        <source>needs assistance</source>
        <translation>needs assistance</translation>
    </message>
    <message>
        <location filename="../widgets.py" line="577"/>
        <source>for this counter</source>
        <translation>for this counter</translation>
    </message>
    <message>
        <location filename="../app.py" line="247"/>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="249"/>
        <source>Counter: %1</source>
        <translation>Counter: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="251"/>
        <source>Transfer %1 to</source>
        <translation>Transfer %1 to</translation>
    </message>
    <message>
        <location filename="../app.py" line="254"/>
        <source>Optional note for the next clerk (at most %1 characters): what is still to do. No names, no personal data.</source>
        <translation>Optional note for the next clerk (at most %1 characters): what is still to do. No names, no personal data.</translation>
    </message>
    <message>
        <location filename="../app.py" line="258"/>
        <source>Pause: why?</source>
        <translation>Pause: why?</translation>
    </message>
    <message>
        <location filename="../app.py" line="262"/>
        <source>Cancel ticket %1? The visitor loses their place.</source>
        <translation>Cancel ticket %1? The visitor loses their place.</translation>
    </message>
    <message>
        <location filename="../app.py" line="80"/>
        <source>NOT DONE: %1 — no answer from the queue engine. Nothing was changed; try again when the desk is online.</source>
        <translation>NOT DONE: %1 — no answer from the queue engine. Nothing was changed; try again when the desk is online.</translation>
    </message>
    <message>
        <location filename="../app.py" line="59"/>
        <source>this counter is not open (paused, closed, or not opened since midnight)</source>
        <extracomment>Why the queue engine refused what the clerk did (after &quot;Refused: &lt;action&gt; —&quot;).</extracomment>
        <translation>this counter is not open (paused, closed, or not opened since midnight)</translation>
    </message>
    <message>
        <location filename="../app.py" line="61"/>
        <source>this counter still has a ticket: finish, park or transfer it first</source>
        <translation>this counter still has a ticket: finish, park or transfer it first</translation>
    </message>
    <message>
        <location filename="../app.py" line="62"/>
        <source>this counter has no current ticket</source>
        <translation>this counter has no current ticket</translation>
    </message>
    <message>
        <location filename="../app.py" line="64"/>
        <source>not possible for this ticket now (another counter may have taken it)</source>
        <translation>not possible for this ticket now (another counter may have taken it)</translation>
    </message>
    <message>
        <location filename="../app.py" line="65"/>
        <source>there is no such ticket today</source>
        <translation>there is no such ticket today</translation>
    </message>
    <message>
        <location filename="../app.py" line="67"/>
        <source>the queue engine does not know this counter: check the site file</source>
        <translation>the queue engine does not know this counter: check the site file</translation>
    </message>
    <message>
        <location filename="../app.py" line="68"/>
        <source>the queue engine does not know this service</source>
        <translation>the queue engine does not know this service</translation>
    </message>
    <message>
        <location filename="../app.py" line="69"/>
        <source>this desk may not do that</source>
        <translation>this desk may not do that</translation>
    </message>
    <message>
        <location filename="../app.py" line="70"/>
        <source>the queue engine could not read the request</source>
        <translation>the queue engine could not read the request</translation>
    </message>
    <message>
        <location filename="../app.py" line="72"/>
        <source>the queue engine failed; tell the site&apos;s operator</source>
        <translation>the queue engine failed; tell the site&apos;s operator</translation>
    </message>
    <message>
        <location filename="../app.py" line="332"/>
        <source>Refused: %1 — %2</source>
        <translation>Refused: %1 — %2</translation>
    </message>
    <message>
        <location filename="../app.py" line="336"/>
        <source>NOT DONE: %1 — %2</source>
        <translation>NOT DONE: %1 — %2</translation>
    </message>
    <message>
        <location filename="../app.py" line="343"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>Nobody is waiting for this counter.</translation>
    </message>
    <message>
        <location filename="../app.py" line="345"/>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <location filename="../app.py" line="361"/>
        <source>Choose at least one service.</source>
        <translation>Choose at least one service.</translation>
    </message>
</context>
</TS>
