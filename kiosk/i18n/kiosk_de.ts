<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>kiosk</name>
    <message>
        <source>Please choose a service</source>
        <translation>Bitte wählen Sie ein Anliegen</translation>
    </message>
    <message>
        <source>More services</source>
        <translation>Weitere Anliegen</translation>
    </message>
    <message>
        <source>Previous services</source>
        <translation>Vorherige Anliegen</translation>
    </message>
    <message>
        <source>about {min} min.</source>
        <translation>ca. {min} Min.</translation>
    </message>
    <message>
        <source>{lo}–{hi} min.</source>
        <translation>{lo}–{hi} Min.</translation>
    </message>
    <message>
        <source>no waiting</source>
        <translation>keine Wartezeit</translation>
    </message>
    <message>
        <source>no counter open at the moment</source>
        <translation>zurzeit ist kein Platz geöffnet</translation>
    </message>
    <message>
        <source>No more tickets today</source>
        <translation>Heute keine Wartenummern mehr</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Closed – opens at {time}</source>
        <translation>Geschlossen – öffnet um {time} Uhr</translation>
    </message>
    <message>
        <source>Closed – opens tomorrow at {time}</source>
        <translation>Geschlossen – öffnet morgen um {time} Uhr</translation>
    </message>
    <message>
        <source>Closed – opens on {day} at {time}</source>
        <translation>Geschlossen – öffnet {day} um {time} Uhr</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>am Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>am Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>am Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>am Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>am Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>am Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>am Sonntag</translation>
    </message>
    <message>
        <source>Appointment? Hold its QR code under the scanner</source>
        <translation>Termin? Halten Sie den QR-Code unter den Scanner</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>Mit der Kamera scannen</translation>
    </message>
    <message>
        <source>Enter booking code</source>
        <translation>Buchungscode eingeben</translation>
    </message>
    <message>
        <source>Enter the booking code from your letter</source>
        <translation>Geben Sie den Buchungscode aus Ihrem Schreiben ein</translation>
    </message>
    <message>
        <source>10 digits, under the QR code. On the keypad: minus deletes, Enter checks in, star goes back.</source>
        <translation>10 Ziffern, unter dem QR-Code. Auf dem Ziffernblock: Minus löscht, Enter meldet an, Stern geht zurück.</translation>
    </message>
    <message>
        <source>{n} of 10 digits</source>
        <translation>{n} von 10 Ziffern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>I need assistance</source>
        <translation>Ich brauche Unterstützung</translation>
    </message>
    <message>
        <source>Assistance: yes – now choose a service</source>
        <translation>Unterstützung: ja – wählen Sie jetzt Ihr Anliegen</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Große Schrift</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Sprachausgabe</translation>
    </message>
    <message>
        <source>One moment, please …</source>
        <translation>Einen Moment bitte …</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Ihre Nummer</translation>
    </message>
    <message>
        <source>People ahead of you: {n}</source>
        <translation>Vor Ihnen: {n}</translation>
    </message>
    <message>
        <source>Nobody is ahead of you</source>
        <translation>Niemand ist vor Ihnen</translation>
    </message>
    <message>
        <source>Estimated wait: {wait}</source>
        <translation>Geschätzte Wartezeit: {wait}</translation>
    </message>
    <message>
        <source>People ahead of you</source>
        <translation>Vor Ihnen</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>Geschätzte Wartezeit</translation>
    </message>
    <message>
        <source>Please take a seat in the waiting area. Your number will be shown and called.</source>
        <translation>Bitte nehmen Sie im Wartebereich Platz. Ihre Nummer wird angezeigt und aufgerufen.</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>Bitte nehmen Sie Ihre Wartenummer.</translation>
    </message>
    <message>
        <source>Printing your ticket …</source>
        <translation>Ihre Wartenummer wird gedruckt …</translation>
    </message>
    <message>
        <source>This kiosk does not print. Please note your number or take a photo of it.</source>
        <translation>Dieser Automat druckt nicht. Bitte merken Sie sich Ihre Nummer oder fotografieren Sie sie.</translation>
    </message>
    <message>
        <source>The printer is not working. Your number is valid: please note it or take a photo of it. If you need help, please ask at the information desk.</source>
        <translation>Der Drucker funktioniert nicht. Ihre Nummer ist gültig: Bitte notieren oder fotografieren Sie sie. Wenn Sie Hilfe brauchen, fragen Sie bitte am Empfang.</translation>
    </message>
    <message>
        <source>The printer is out of paper: your number will be shown on the screen.</source>
        <translation>Der Drucker hat kein Papier: Ihre Nummer wird auf dem Bildschirm angezeigt.</translation>
    </message>
    <message>
        <source>The printer is not working: your number will be shown on the screen.</source>
        <translation>Der Drucker funktioniert nicht: Ihre Nummer wird auf dem Bildschirm angezeigt.</translation>
    </message>
    <message>
        <source>No ticket was issued: the system did not answer in time.</source>
        <translation>Es wurde keine Wartenummer ausgegeben: Das System hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>You are checked in</source>
        <translation>Sie sind angemeldet</translation>
    </message>
    <message>
        <source>Your appointment: {time}</source>
        <translation>Ihr Termin: {time} Uhr</translation>
    </message>
    <message>
        <source>A member of staff will help you.</source>
        <translation>Eine Mitarbeiterin oder ein Mitarbeiter hilft Ihnen.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Zurück zum Anfang</translation>
    </message>
    <message>
        <source>Take a walk-in ticket instead</source>
        <translation>Stattdessen eine Wartenummer ziehen</translation>
    </message>
    <message>
        <source>Back to the start in {s} s. Touch the screen or press any key for more time.</source>
        <translation>Zurück zum Anfang in {s} s. Berühren Sie den Bildschirm oder drücken Sie eine Taste für mehr Zeit.</translation>
    </message>
    <message>
        <source>Shorter wait at {site}: {wait}</source>
        <translation>Kürzere Wartezeit in {site}: {wait}</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Außer Betrieb</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets at the moment. Please ask at the information desk. The kiosk will be back by itself.</source>
        <translation>Dieser Automat kann gerade keine Wartenummern ausgeben. Bitte fragen Sie am Empfang. Der Automat ist von selbst wieder bereit.</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets: its clock is wrong. Please ask at the information desk.</source>
        <translation>Dieser Automat kann keine Wartenummern ausgeben: Seine Uhr geht falsch. Bitte fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>This kiosk is off: another kiosk with its id ({id}) is connected. Please ask at the information desk.</source>
        <translation>Dieser Automat ist abgeschaltet: ein anderer Automat mit seiner Kennung ({id}) ist verbunden. Bitte fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Das hat nicht geklappt</translation>
    </message>
    <message>
        <source>We are closed now.</source>
        <translation>Wir haben jetzt geschlossen.</translation>
    </message>
    <message>
        <source>We are closed now. We open at {time}.</source>
        <translation>Wir haben jetzt geschlossen. Wir öffnen um {time} Uhr.</translation>
    </message>
    <message>
        <source>We are closed now. We open tomorrow at {time}.</source>
        <translation>Wir haben jetzt geschlossen. Wir öffnen morgen um {time} Uhr.</translation>
    </message>
    <message>
        <source>We are closed now. We open on {day} at {time}.</source>
        <translation>Wir haben jetzt geschlossen. Wir öffnen {day} um {time} Uhr.</translation>
    </message>
    <message>
        <source>No more tickets for this service today.</source>
        <translation>Für dieses Anliegen gibt es heute keine Wartenummern mehr.</translation>
    </message>
    <message>
        <source>This service is by appointment only.</source>
        <translation>Dieses Anliegen nur mit Termin.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask at the information desk.</source>
        <translation>Etwas ist schiefgegangen. Bitte fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>This is not an appointment code.</source>
        <translation>Das ist kein Termin-Code.</translation>
    </message>
    <message>
        <source>This appointment code cannot be verified.</source>
        <translation>Dieser Termin-Code kann nicht geprüft werden.</translation>
    </message>
    <message>
        <source>This appointment is at another customer centre.</source>
        <translation>Dieser Termin ist in einem anderen Kundenzentrum.</translation>
    </message>
    <message>
        <source>Your appointment is on another day: {day}.</source>
        <translation>Ihr Termin ist an einem anderen Tag: {day}.</translation>
    </message>
    <message>
        <source>We cannot find this appointment.</source>
        <translation>Wir finden diesen Termin nicht.</translation>
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation>Dieser Termin wurde abgesagt.</translation>
    </message>
    <message>
        <source>Already checked in at {time} as {number}.</source>
        <translation>Bereits um {time} Uhr angemeldet als {number}.</translation>
    </message>
    <message>
        <source>Already checked in as {number}.</source>
        <translation>Bereits angemeldet als {number}.</translation>
    </message>
    <message>
        <source>Too early: check-in opens at {time}.</source>
        <translation>Zu früh: Die Anmeldung öffnet um {time} Uhr.</translation>
    </message>
    <message>
        <source>The check-in time for this appointment has passed.</source>
        <translation>Die Anmeldezeit für diesen Termin ist vorbei.</translation>
    </message>
    <message>
        <source>This booking code is not right. Please check the digits.</source>
        <translation>Dieser Buchungscode stimmt nicht. Bitte prüfen Sie die Ziffern.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. Please scan the QR code or ask at the information desk.</source>
        <translation>Zu viele falsche Buchungscodes. Bitte scannen Sie den QR-Code oder fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. The QR code on your letter still works.</source>
        <translation>Zu viele falsche Buchungscodes. Der QR-Code auf Ihrem Brief funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>Please try again in {n} min., or ask at the information desk.</source>
        <translation>Bitte versuchen Sie es in {n} Min. noch einmal oder fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>Please try again in {n} s, or ask at the information desk.</source>
        <translation>Bitte versuchen Sie es in {n} s noch einmal oder fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>Please try again, or ask at the information desk.</source>
        <translation>Bitte versuchen Sie es noch einmal oder fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>Please ask at the information desk.</source>
        <translation>Bitte fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>You can take a walk-in ticket instead.</source>
        <translation>Sie können stattdessen eine Wartenummer ziehen.</translation>
    </message>
    <message>
        <source>Please come back then, or take a walk-in ticket now.</source>
        <translation>Bitte kommen Sie dann wieder oder ziehen Sie jetzt eine Wartenummer.</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>Bitte warten Sie, bis Ihre Nummer aufgerufen wird.</translation>
    </message>
    <message>
        <source>Please choose another service.</source>
        <translation>Bitte wählen Sie ein anderes Anliegen.</translation>
    </message>
    <message>
        <source>Speech on. Keys 2 and 8 move, 5 selects, 0 is help, the dot repeats.</source>
        <translation>Sprachausgabe an. Die Tasten 2 und 8 blättern, 5 wählt, 0 ist die Hilfe, der Punkt wiederholt.</translation>
    </message>
    <message>
        <source>Help. Keys 2 and 4 go back, 8 and 6 go forward, 5 selects. 0 is this help, the dot repeats. Plus and minus change the volume, star and slash the speed.</source>
        <translation>Hilfe. Die Tasten 2 und 4 gehen zurück, 8 und 6 vor, 5 wählt. 0 ist diese Hilfe, der Punkt wiederholt. Plus und Minus ändern die Lautstärke, Stern und Schrägstrich das Tempo.</translation>
    </message>
    <message>
        <source>{label}. Button {i} of {n}.</source>
        <translation>{label}. Schaltfläche {i} von {n}.</translation>
    </message>
    <message>
        <source>{label}. Not available. {i} of {n}.</source>
        <translation>{label}. Nicht verfügbar. {i} von {n}.</translation>
    </message>
    <message>
        <source>No voice for this language is installed: speech continues in English.</source>
        <translation>Für diese Sprache ist keine Stimme installiert: Die Sprachausgabe spricht Englisch.</translation>
    </message>
    <message>
        <source>Volume {n}</source>
        <translation>Lautstärke {n}</translation>
    </message>
    <message>
        <source>Speed {n}</source>
        <translation>Tempo {n}</translation>
    </message>
    <message>
        <source>Your number is {number}, for {service}. {ahead} {wait} Please wait in the waiting area; your number will be called.</source>
        <translation>Ihre Nummer ist {number}, für {service}. {ahead} {wait} Bitte warten Sie im Wartebereich; Ihre Nummer wird aufgerufen.</translation>
    </message>
</context>
</TS>
