"""Every string the kiosk shows or says, in English as the source language.

``T`` marks a string for Qt Linguist (``pyside6-lupdate`` finds ``QT_TRANSLATE_NOOP``
calls in Python); at run time the Qt layer looks each one up in the language's ``.qm``.
No Qt here: the view model builds its screens from these and a ``tr`` function.
Placeholders in braces are filled after translation.
"""

from __future__ import annotations

CONTEXT = "kiosk"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


# Every entry below is a literal call: lupdate reads the source, not values.
CHOOSE = QT_TRANSLATE_NOOP("kiosk", "Please choose a service")
MORE = QT_TRANSLATE_NOOP("kiosk", "More services")
BACK_SERVICES = QT_TRANSLATE_NOOP("kiosk", "Previous services")
WAIT_ABOUT = QT_TRANSLATE_NOOP("kiosk", "about {min} min.")
WAIT_RANGE = QT_TRANSLATE_NOOP("kiosk", "{lo}–{hi} min.")
WAIT_NONE = QT_TRANSLATE_NOOP("kiosk", "no waiting")
WAIT_UNKNOWN = QT_TRANSLATE_NOOP("kiosk", "no counter open at the moment")
STOPPED = QT_TRANSLATE_NOOP("kiosk", "No more tickets today")
CLOSED = QT_TRANSLATE_NOOP("kiosk", "Closed")
CLOSED_UNTIL = QT_TRANSLATE_NOOP("kiosk", "Closed – opens at {time}")
CLOSED_TOMORROW = QT_TRANSLATE_NOOP("kiosk", "Closed – opens tomorrow at {time}")
CLOSED_ON = QT_TRANSLATE_NOOP("kiosk", "Closed – opens on {day} at {time}")
# Weekdays as they stand for "on {day}" in "opens on {day} at {time}": translations may
# carry the preposition and case the sentence needs ("am Montag", "во вторник").
MONDAY = QT_TRANSLATE_NOOP("kiosk", "Monday")
TUESDAY = QT_TRANSLATE_NOOP("kiosk", "Tuesday")
WEDNESDAY = QT_TRANSLATE_NOOP("kiosk", "Wednesday")
THURSDAY = QT_TRANSLATE_NOOP("kiosk", "Thursday")
FRIDAY = QT_TRANSLATE_NOOP("kiosk", "Friday")
SATURDAY = QT_TRANSLATE_NOOP("kiosk", "Saturday")
SUNDAY = QT_TRANSLATE_NOOP("kiosk", "Sunday")
WEEKDAYS = (MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY)
CHECK_IN = QT_TRANSLATE_NOOP("kiosk", "Appointment? Hold its QR code under the scanner")
CAMERA = QT_TRANSLATE_NOOP("kiosk", "Scan with the camera")
CODE = QT_TRANSLATE_NOOP("kiosk", "Enter booking code")
CODE_TITLE = QT_TRANSLATE_NOOP("kiosk", "Enter the booking code from your letter")
CODE_HINT = QT_TRANSLATE_NOOP(
    "kiosk", "10 digits, under the QR code. On the keypad: minus deletes, Enter checks in, "
    "star goes back.")
CODE_COUNT = QT_TRANSLATE_NOOP("kiosk", "{n} of 10 digits")
CODE_DELETE = QT_TRANSLATE_NOOP("kiosk", "Delete")
CODE_OK = QT_TRANSLATE_NOOP("kiosk", "Check in")
ASSIST = QT_TRANSLATE_NOOP("kiosk", "I need assistance")
ASSIST_ON = QT_TRANSLATE_NOOP("kiosk", "Assistance: yes – now choose a service")
LARGE = QT_TRANSLATE_NOOP("kiosk", "Large print")
CONTRAST = QT_TRANSLATE_NOOP("kiosk", "High contrast")
SPEECH = QT_TRANSLATE_NOOP("kiosk", "Speech")
PLEASE_WAIT = QT_TRANSLATE_NOOP("kiosk", "One moment, please …")
YOUR_NUMBER = QT_TRANSLATE_NOOP("kiosk", "Your number")
AHEAD = QT_TRANSLATE_NOOP("kiosk", "People ahead of you: {n}")
AHEAD_NONE = QT_TRANSLATE_NOOP("kiosk", "Nobody is ahead of you")
WAIT = QT_TRANSLATE_NOOP("kiosk", "Estimated wait: {wait}")
# Captions on the printed ticket, before the figure ("People ahead of you: 3").
AHEAD_CAPTION = QT_TRANSLATE_NOOP("kiosk", "People ahead of you")
WAIT_CAPTION = QT_TRANSLATE_NOOP("kiosk", "Estimated wait")
WAIT_HINT = QT_TRANSLATE_NOOP(
    "kiosk", "Please take a seat in the waiting area. Your number will be shown and called.")
TAKE_TICKET = QT_TRANSLATE_NOOP("kiosk", "Please take your ticket.")
PRINTING = QT_TRANSLATE_NOOP("kiosk", "Printing your ticket …")
NO_PRINTER = QT_TRANSLATE_NOOP(
    "kiosk", "This kiosk does not print. Please note your number or take a photo of it.")
PRINTER_FAULT = QT_TRANSLATE_NOOP(
    "kiosk", "The printer is not working. Your number is valid: please note it or take a "
    "photo of it. If you need help, please ask at the information desk.")
# On the start screen, before a tap, when the printer is known to be faulty.
PRINTER_OUT_START = QT_TRANSLATE_NOOP(
    "kiosk", "The printer is out of paper: your number will be shown on the screen.")
PRINTER_OFFLINE_START = QT_TRANSLATE_NOOP(
    "kiosk", "The printer is not working: your number will be shown on the screen.")
CHECKED_IN = QT_TRANSLATE_NOOP("kiosk", "You are checked in")
APPOINTMENT_AT = QT_TRANSLATE_NOOP("kiosk", "Your appointment: {time}")
ASSISTANCE_TICKET = QT_TRANSLATE_NOOP("kiosk", "A member of staff will help you.")
DONE = QT_TRANSLATE_NOOP("kiosk", "Done")
BACK = QT_TRANSLATE_NOOP("kiosk", "Back to the start")
WALK_IN = QT_TRANSLATE_NOOP("kiosk", "Take a walk-in ticket instead")
RETURN_IN = QT_TRANSLATE_NOOP(
    "kiosk", "Back to the start in {s} s. Touch the screen or press any key for more time.")
SHORTER = QT_TRANSLATE_NOOP("kiosk", "Shorter wait at {site}: {wait}")
OUT_TITLE = QT_TRANSLATE_NOOP("kiosk", "Out of service")
OUT_TEXT = QT_TRANSLATE_NOOP(
    "kiosk", "This kiosk cannot issue tickets at the moment. Please ask at the information "
    "desk. The kiosk will be back by itself.")
OUT_CLOCK = QT_TRANSLATE_NOOP(
    "kiosk", "This kiosk cannot issue tickets: its clock is wrong. Please ask at the "
    "information desk.")
OUT_TAKEN_OVER = QT_TRANSLATE_NOOP(
    "kiosk", "This kiosk is off: another kiosk with its id ({id}) is connected. Please ask "
    "at the information desk.")
NOT_DONE = QT_TRANSLATE_NOOP("kiosk", "That did not work")
# Why a ticket or a check-in was refused, and what to do next.
R_ENGINE = QT_TRANSLATE_NOOP(
    "kiosk", "No ticket was issued: the system did not answer in time.")
R_SITE_CLOSED = QT_TRANSLATE_NOOP("kiosk", "We are closed now.")
R_SITE_CLOSED_UNTIL = QT_TRANSLATE_NOOP("kiosk", "We are closed now. We open at {time}.")
R_SITE_CLOSED_TOMORROW = QT_TRANSLATE_NOOP(
    "kiosk", "We are closed now. We open tomorrow at {time}.")
R_SITE_CLOSED_ON = QT_TRANSLATE_NOOP("kiosk", "We are closed now. We open on {day} at {time}.")
# Said for both reasons the engine stops a service's tickets (the wait would pass closing
# time; no counter serves it for the rest of the day): to a citizen they mean the same.
R_TICKET_STOP = QT_TRANSLATE_NOOP("kiosk", "No more tickets for this service today.")
R_APPOINTMENT_ONLY = QT_TRANSLATE_NOOP("kiosk", "This service is by appointment only.")
R_OTHER = QT_TRANSLATE_NOOP("kiosk", "Something went wrong. Please ask at the information desk.")
R_MALFORMED = QT_TRANSLATE_NOOP("kiosk", "This is not an appointment code.")
R_FORGED = QT_TRANSLATE_NOOP("kiosk", "This appointment code cannot be verified.")
R_WRONG_SITE = QT_TRANSLATE_NOOP("kiosk", "This appointment is at another customer centre.")
R_WRONG_DAY = QT_TRANSLATE_NOOP("kiosk", "Your appointment is on another day: {day}.")
R_UNKNOWN_BOOKING = QT_TRANSLATE_NOOP("kiosk", "We cannot find this appointment.")
R_CANCELLED = QT_TRANSLATE_NOOP("kiosk", "This appointment was cancelled.")
R_ALREADY_AT = QT_TRANSLATE_NOOP("kiosk", "Already checked in at {time} as {number}.")
R_ALREADY = QT_TRANSLATE_NOOP("kiosk", "Already checked in as {number}.")
R_TOO_EARLY = QT_TRANSLATE_NOOP("kiosk", "Too early: check-in opens at {time}.")
R_TOO_LATE = QT_TRANSLATE_NOOP("kiosk", "The check-in time for this appointment has passed.")
R_CODE_TYPO = QT_TRANSLATE_NOOP("kiosk", "This booking code is not right. Please check the "
                                "digits.")
R_TOO_MANY = QT_TRANSLATE_NOOP("kiosk", "Too many wrong booking codes. Please scan the QR code "
                               "or ask at the information desk.")
R_TOO_MANY_WAIT = QT_TRANSLATE_NOOP(
    "kiosk", "Too many wrong booking codes. The QR code on your letter still works.")
# What to do next.
N_RETRY_MIN = QT_TRANSLATE_NOOP(
    "kiosk", "Please try again in {n} min., or ask at the information desk.")
N_RETRY_S = QT_TRANSLATE_NOOP(
    "kiosk", "Please try again in {n} s, or ask at the information desk.")
N_RETRY = QT_TRANSLATE_NOOP("kiosk", "Please try again, or ask at the information desk.")
N_DESK = QT_TRANSLATE_NOOP("kiosk", "Please ask at the information desk.")
N_WALK_IN = QT_TRANSLATE_NOOP("kiosk", "You can take a walk-in ticket instead.")
N_COME_BACK = QT_TRANSLATE_NOOP("kiosk", "Please come back then, or take a walk-in ticket now.")
N_WAIT_CALL = QT_TRANSLATE_NOOP("kiosk", "Please wait until your number is called.")
N_OTHER_SERVICE = QT_TRANSLATE_NOOP("kiosk", "Please choose another service.")
# Speech mode.
SPEECH_ON = QT_TRANSLATE_NOOP(
    "kiosk", "Speech on. Keys 2 and 8 move, 5 selects, 0 is help, the dot repeats.")
HELP = QT_TRANSLATE_NOOP(
    "kiosk", "Help. Keys 2 and 4 go back, 8 and 6 go forward, 5 selects. 0 is this help, the "
    "dot repeats. Plus and minus change the volume, star and slash the speed.")
BUTTON = QT_TRANSLATE_NOOP("kiosk", "{label}. Button {i} of {n}.")
DISABLED = QT_TRANSLATE_NOOP("kiosk", "{label}. Not available. {i} of {n}.")
NO_VOICE = QT_TRANSLATE_NOOP("kiosk", "No voice for this language is installed: speech "
                             "continues in English.")
VOLUME = QT_TRANSLATE_NOOP("kiosk", "Volume {n}")
RATE = QT_TRANSLATE_NOOP("kiosk", "Speed {n}")
TICKET_SPOKEN = QT_TRANSLATE_NOOP(
    "kiosk", "Your number is {number}, for {service}. {ahead} {wait} Please wait in the "
    "waiting area; your number will be called.")
