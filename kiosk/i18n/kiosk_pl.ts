<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl" sourcelanguage="en">
<context>
    <name>kiosk</name>
    <message>
        <source>Please choose a service</source>
        <translation>Proszę wybrać sprawę</translation>
    </message>
    <message>
        <source>More services</source>
        <translation>Więcej spraw</translation>
    </message>
    <message>
        <source>Previous services</source>
        <translation>Poprzednie sprawy</translation>
    </message>
    <message>
        <source>about {min} min.</source>
        <translation>ok. {min} min</translation>
    </message>
    <message>
        <source>{lo}–{hi} min.</source>
        <translation>{lo}–{hi} min</translation>
    </message>
    <message>
        <source>no waiting</source>
        <translation>bez czekania</translation>
    </message>
    <message>
        <source>no counter open at the moment</source>
        <translation>obecnie żadne stanowisko nie jest otwarte</translation>
    </message>
    <message>
        <source>No more tickets today</source>
        <translation>Dziś nie ma już numerków</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Zamknięte</translation>
    </message>
    <message>
        <source>Closed – opens at {time}</source>
        <translation>Zamknięte – otwarcie o {time}</translation>
    </message>
    <message>
        <source>Closed – opens tomorrow at {time}</source>
        <translation>Zamknięte – otwarcie jutro o {time}</translation>
    </message>
    <message>
        <source>Closed – opens on {day} at {time}</source>
        <translation>Zamknięte – otwarcie {day} o {time}</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>w poniedziałek</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>we wtorek</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>w środę</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>w czwartek</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>w piątek</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>w sobotę</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>w niedzielę</translation>
    </message>
    <message>
        <source>Appointment? Hold its QR code under the scanner</source>
        <translation>Masz termin? Przyłóż kod QR pod skaner</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>Skanuj kamerą</translation>
    </message>
    <message>
        <source>Enter booking code</source>
        <translation>Wpisz kod rezerwacji</translation>
    </message>
    <message>
        <source>Enter the booking code from your letter</source>
        <translation>Wpisz kod rezerwacji z listu</translation>
    </message>
    <message>
        <source>10 digits, under the QR code. On the keypad: minus deletes, Enter checks in, star goes back.</source>
        <translation>10 cyfr, pod kodem QR. Na klawiaturze numerycznej: minus usuwa, Enter melduje, gwiazdka wraca.</translation>
    </message>
    <message>
        <source>{n} of 10 digits</source>
        <translation>{n} z 10 cyfr</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Usuń</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Zamelduj</translation>
    </message>
    <message>
        <source>I need assistance</source>
        <translation>Potrzebuję pomocy</translation>
    </message>
    <message>
        <source>Assistance: yes – now choose a service</source>
        <translation>Pomoc: tak – teraz wybierz sprawę</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Duża czcionka</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Wysoki kontrast</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Mowa</translation>
    </message>
    <message>
        <source>One moment, please …</source>
        <translation>Chwileczkę …</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Twój numer</translation>
    </message>
    <message>
        <source>People ahead of you: {n}</source>
        <translation>Osób przed Tobą: {n}</translation>
    </message>
    <message>
        <source>Nobody is ahead of you</source>
        <translation>Nikt nie czeka przed Tobą</translation>
    </message>
    <message>
        <source>Estimated wait: {wait}</source>
        <translation>Szacowany czas oczekiwania: {wait}</translation>
    </message>
    <message>
        <source>People ahead of you</source>
        <translation>Osób przed Tobą</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>Szacowany czas oczekiwania</translation>
    </message>
    <message>
        <source>Please take a seat in the waiting area. Your number will be shown and called.</source>
        <translation>Proszę usiąść w poczekalni. Twój numer zostanie wyświetlony i wywołany.</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>Proszę odebrać numerek.</translation>
    </message>
    <message>
        <source>Printing your ticket …</source>
        <translation>Drukowanie numerka …</translation>
    </message>
    <message>
        <source>This kiosk does not print. Please note your number or take a photo of it.</source>
        <translation>Ten automat nie drukuje. Proszę zapamiętać numer lub zrobić mu zdjęcie.</translation>
    </message>
    <message>
        <source>The printer is not working. Your number is valid: please note it or take a photo of it. If you need help, please ask at the information desk.</source>
        <translation>Drukarka nie działa. Numer jest ważny: proszę go zapisać lub sfotografować. W razie potrzeby proszę zapytać w informacji.</translation>
    </message>
    <message>
        <source>The printer is out of paper: your number will be shown on the screen.</source>
        <translation>W drukarce skończył się papier: numer zostanie pokazany na ekranie.</translation>
    </message>
    <message>
        <source>The printer is not working: your number will be shown on the screen.</source>
        <translation>Drukarka nie działa: numer zostanie pokazany na ekranie.</translation>
    </message>
    <message>
        <source>No ticket was issued: the system did not answer in time.</source>
        <translation>Nie wydano numerka: system nie odpowiedział na czas.</translation>
    </message>
    <message>
        <source>You are checked in</source>
        <translation>Zgłoszono przybycie</translation>
    </message>
    <message>
        <source>Your appointment: {time}</source>
        <translation>Twój termin: {time}</translation>
    </message>
    <message>
        <source>A member of staff will help you.</source>
        <translation>Pracownik urzędu udzieli Ci pomocy.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gotowe</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Powrót do początku</translation>
    </message>
    <message>
        <source>Take a walk-in ticket instead</source>
        <translation>Zamiast tego pobierz numerek</translation>
    </message>
    <message>
        <source>Back to the start in {s} s. Touch the screen or press any key for more time.</source>
        <translation>Powrót do początku za {s} s. Dotknij ekranu lub naciśnij klawisz, aby mieć więcej czasu.</translation>
    </message>
    <message>
        <source>Shorter wait at {site}: {wait}</source>
        <translation>Krótsze oczekiwanie w {site}: {wait}</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Nieczynny</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets at the moment. Please ask at the information desk. The kiosk will be back by itself.</source>
        <translation>Ten automat nie może teraz wydawać numerków. Proszę zapytać w informacji. Automat sam wznowi pracę.</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets: its clock is wrong. Please ask at the information desk.</source>
        <translation>Ten automat nie może wydawać numerków: jego zegar jest źle ustawiony. Proszę zapytać w informacji.</translation>
    </message>
    <message>
        <source>This kiosk is off: another kiosk with its id ({id}) is connected. Please ask at the information desk.</source>
        <translation>Ten automat jest wyłączony: połączony jest inny automat o tym samym identyfikatorze ({id}). Proszę zapytać w informacji.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Nie udało się</translation>
    </message>
    <message>
        <source>We are closed now.</source>
        <translation>Teraz jest zamknięte.</translation>
    </message>
    <message>
        <source>We are closed now. We open at {time}.</source>
        <translation>Teraz jest zamknięte. Otwieramy o {time}.</translation>
    </message>
    <message>
        <source>We are closed now. We open tomorrow at {time}.</source>
        <translation>Teraz jest zamknięte. Otwieramy jutro o {time}.</translation>
    </message>
    <message>
        <source>We are closed now. We open on {day} at {time}.</source>
        <translation>Teraz jest zamknięte. Otwieramy {day} o {time}.</translation>
    </message>
    <message>
        <source>No more tickets for this service today.</source>
        <translation>Dziś nie ma już numerków na tę sprawę.</translation>
    </message>
    <message>
        <source>This service is by appointment only.</source>
        <translation>Ta sprawa tylko po umówieniu terminu.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask at the information desk.</source>
        <translation>Coś poszło nie tak. Proszę zapytać w informacji.</translation>
    </message>
    <message>
        <source>This is not an appointment code.</source>
        <translation>To nie jest kod terminu.</translation>
    </message>
    <message>
        <source>This appointment code cannot be verified.</source>
        <translation>Nie można zweryfikować tego kodu terminu.</translation>
    </message>
    <message>
        <source>This appointment is at another customer centre.</source>
        <translation>Ten termin jest w innym centrum obsługi.</translation>
    </message>
    <message>
        <source>Your appointment is on another day: {day}.</source>
        <translation>Twój termin jest innego dnia: {day}.</translation>
    </message>
    <message>
        <source>We cannot find this appointment.</source>
        <translation>Nie możemy znaleźć tego terminu.</translation>
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation>Ten termin został odwołany.</translation>
    </message>
    <message>
        <source>Already checked in at {time} as {number}.</source>
        <translation>Przybycie zgłoszono już o {time} jako {number}.</translation>
    </message>
    <message>
        <source>Already checked in as {number}.</source>
        <translation>Przybycie zgłoszono już jako {number}.</translation>
    </message>
    <message>
        <source>Too early: check-in opens at {time}.</source>
        <translation>Za wcześnie: zgłoszenie możliwe od {time}.</translation>
    </message>
    <message>
        <source>The check-in time for this appointment has passed.</source>
        <translation>Czas na zgłoszenie się na ten termin minął.</translation>
    </message>
    <message>
        <source>This booking code is not right. Please check the digits.</source>
        <translation>Ten kod rezerwacji jest nieprawidłowy. Sprawdź cyfry.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. Please scan the QR code or ask at the information desk.</source>
        <translation>Zbyt wiele błędnych kodów rezerwacji. Zeskanuj kod QR lub zapytaj w informacji.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. The QR code on your letter still works.</source>
        <translation>Zbyt wiele błędnych kodów rezerwacji. Kod QR z listu nadal działa.</translation>
    </message>
    <message>
        <source>Please try again in {n} min., or ask at the information desk.</source>
        <translation>Proszę spróbować ponownie za {n} min lub zapytać w informacji.</translation>
    </message>
    <message>
        <source>Please try again in {n} s, or ask at the information desk.</source>
        <translation>Proszę spróbować ponownie za {n} s lub zapytać w informacji.</translation>
    </message>
    <message>
        <source>Please try again, or ask at the information desk.</source>
        <translation>Proszę spróbować ponownie lub zapytać w informacji.</translation>
    </message>
    <message>
        <source>Please ask at the information desk.</source>
        <translation>Proszę zapytać w informacji.</translation>
    </message>
    <message>
        <source>You can take a walk-in ticket instead.</source>
        <translation>Zamiast tego można pobrać numerek.</translation>
    </message>
    <message>
        <source>Please come back then, or take a walk-in ticket now.</source>
        <translation>Proszę wrócić o tej porze albo pobrać numerek teraz.</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>Proszę czekać na wywołanie numeru.</translation>
    </message>
    <message>
        <source>Please choose another service.</source>
        <translation>Proszę wybrać inną sprawę.</translation>
    </message>
    <message>
        <source>Speech on. Keys 2 and 8 move, 5 selects, 0 is help, the dot repeats.</source>
        <translation>Mowa włączona. Klawisze 2 i 8 przesuwają, 5 wybiera, 0 to pomoc, kropka powtarza.</translation>
    </message>
    <message>
        <source>Help. Keys 2 and 4 go back, 8 and 6 go forward, 5 selects. 0 is this help, the dot repeats. Plus and minus change the volume, star and slash the speed.</source>
        <translation>Pomoc. Klawisze 2 i 4 cofają, 8 i 6 idą dalej, 5 wybiera. 0 to ta pomoc, kropka powtarza. Plus i minus zmieniają głośność, gwiazdka i ukośnik tempo.</translation>
    </message>
    <message>
        <source>{label}. Button {i} of {n}.</source>
        <translation>{label}. Przycisk {i} z {n}.</translation>
    </message>
    <message>
        <source>{label}. Not available. {i} of {n}.</source>
        <translation>{label}. Niedostępne. {i} z {n}.</translation>
    </message>
    <message>
        <source>No voice for this language is installed: speech continues in English.</source>
        <translation>Brak głosu dla tego języka: mowa będzie po angielsku.</translation>
    </message>
    <message>
        <source>Volume {n}</source>
        <translation>Głośność {n}</translation>
    </message>
    <message>
        <source>Speed {n}</source>
        <translation>Tempo {n}</translation>
    </message>
    <message>
        <source>Your number is {number}, for {service}. {ahead} {wait} Please wait in the waiting area; your number will be called.</source>
        <translation>Twój numer to {number}, sprawa: {service}. {ahead} {wait} Proszę czekać w poczekalni; numer zostanie wywołany.</translation>
    </message>
</context>
</TS>
