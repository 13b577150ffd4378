<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>kiosk</name>
    <message>
        <source>Please choose a service</source>
        <translation>Пожалуйста, выберите услугу</translation>
    </message>
    <message>
        <source>More services</source>
        <translation>Другие услуги</translation>
    </message>
    <message>
        <source>Previous services</source>
        <translation>Предыдущие услуги</translation>
    </message>
    <message>
        <source>about {min} min.</source>
        <translation>ок. {min} мин.</translation>
    </message>
    <message>
        <source>{lo}–{hi} min.</source>
        <translation>{lo}–{hi} мин.</translation>
    </message>
    <message>
        <source>no waiting</source>
        <translation>без ожидания</translation>
    </message>
    <message>
        <source>no counter open at the moment</source>
        <translation>сейчас нет открытых окон</translation>
    </message>
    <message>
        <source>No more tickets today</source>
        <translation>Сегодня талонов больше нет</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <source>Closed – opens at {time}</source>
        <translation>Закрыто – откроется в {time}</translation>
    </message>
    <message>
        <source>Closed – opens tomorrow at {time}</source>
        <translation>Закрыто – откроется завтра в {time}</translation>
    </message>
    <message>
        <source>Closed – opens on {day} at {time}</source>
        <translation>Закрыто – откроется {day} в {time}</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>в понедельник</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>во вторник</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>в среду</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>в четверг</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>в пятницу</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>в субботу</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>в воскресенье</translation>
    </message>
    <message>
        <source>Appointment? Hold its QR code under the scanner</source>
        <translation>Есть запись? Поднесите QR-код к сканеру</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>Сканировать камерой</translation>
    </message>
    <message>
        <source>Enter booking code</source>
        <translation>Ввести код записи</translation>
    </message>
    <message>
        <source>Enter the booking code from your letter</source>
        <translation>Введите код записи из вашего письма</translation>
    </message>
    <message>
        <source>10 digits, under the QR code. On the keypad: minus deletes, Enter checks in, star goes back.</source>
        <translation>10 цифр, под QR-кодом. На цифровой клавиатуре: минус удаляет, Enter регистрирует, звёздочка — назад.</translation>
    </message>
    <message>
        <source>{n} of 10 digits</source>
        <translation>{n} из 10 цифр</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Зарегистрироваться</translation>
    </message>
    <message>
        <source>I need assistance</source>
        <translation>Мне нужна помощь</translation>
    </message>
    <message>
        <source>Assistance: yes – now choose a service</source>
        <translation>Помощь: да – теперь выберите услугу</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Крупный шрифт</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Высокий контраст</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Озвучивание</translation>
    </message>
    <message>
        <source>One moment, please …</source>
        <translation>Минутку, пожалуйста …</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Ваш номер</translation>
    </message>
    <message>
        <source>People ahead of you: {n}</source>
        <translation>Перед вами: {n}</translation>
    </message>
    <message>
        <source>Nobody is ahead of you</source>
        <translation>Перед вами никого нет</translation>
    </message>
    <message>
        <source>Estimated wait: {wait}</source>
        <translation>Ожидаемое время ожидания: {wait}</translation>
    </message>
    <message>
        <source>People ahead of you</source>
        <translation>Перед вами</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>Ожидаемое время ожидания</translation>
    </message>
    <message>
        <source>Please take a seat in the waiting area. Your number will be shown and called.</source>
        <translation>Пожалуйста, подождите в зоне ожидания. Ваш номер будет показан и вызван.</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>Пожалуйста, возьмите талон.</translation>
    </message>
    <message>
        <source>Printing your ticket …</source>
        <translation>Печать талона …</translation>
    </message>
    <message>
        <source>This kiosk does not print. Please note your number or take a photo of it.</source>
        <translation>Этот терминал не печатает. Пожалуйста, запомните номер или сфотографируйте его.</translation>
    </message>
    <message>
        <source>The printer is not working. Your number is valid: please note it or take a photo of it. If you need help, please ask at the information desk.</source>
        <translation>Принтер не работает. Ваш номер действителен: запишите его или сфотографируйте. Если нужна помощь, обратитесь в справочную.</translation>
    </message>
    <message>
        <source>The printer is out of paper: your number will be shown on the screen.</source>
        <translation>В принтере закончилась бумага: ваш номер будет показан на экране.</translation>
    </message>
    <message>
        <source>The printer is not working: your number will be shown on the screen.</source>
        <translation>Принтер не работает: ваш номер будет показан на экране.</translation>
    </message>
    <message>
        <source>No ticket was issued: the system did not answer in time.</source>
        <translation>Талон не выдан: система не ответила вовремя.</translation>
    </message>
    <message>
        <source>You are checked in</source>
        <translation>Вы зарегистрированы</translation>
    </message>
    <message>
        <source>Your appointment: {time}</source>
        <translation>Ваша запись: {time}</translation>
    </message>
    <message>
        <source>A member of staff will help you.</source>
        <translation>Вам поможет сотрудник.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>В начало</translation>
    </message>
    <message>
        <source>Take a walk-in ticket instead</source>
        <translation>Взять талон без записи</translation>
    </message>
    <message>
        <source>Back to the start in {s} s. Touch the screen or press any key for more time.</source>
        <translation>Возврат в начало через {s} с. Коснитесь экрана или нажмите клавишу, чтобы продлить время.</translation>
    </message>
    <message>
        <source>Shorter wait at {site}: {wait}</source>
        <translation>Меньше ждать в {site}: {wait}</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Не работает</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets at the moment. Please ask at the information desk. The kiosk will be back by itself.</source>
        <translation>Этот терминал сейчас не выдаёт талоны. Обратитесь, пожалуйста, в справочную. Терминал заработает сам.</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets: its clock is wrong. Please ask at the information desk.</source>
        <translation>Этот терминал не может выдавать талоны: его часы идут неправильно. Пожалуйста, обратитесь в справочную.</translation>
    </message>
    <message>
        <source>This kiosk is off: another kiosk with its id ({id}) is connected. Please ask at the information desk.</source>
        <translation>Этот терминал отключён: подключён другой терминал с тем же идентификатором ({id}). Обратитесь, пожалуйста, в справочную.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Не получилось</translation>
    </message>
    <message>
        <source>We are closed now.</source>
        <translation>Сейчас закрыто.</translation>
    </message>
    <message>
        <source>We are closed now. We open at {time}.</source>
        <translation>Сейчас закрыто. Мы открываемся в {time}.</translation>
    </message>
    <message>
        <source>We are closed now. We open tomorrow at {time}.</source>
        <translation>Сейчас закрыто. Мы открываемся завтра в {time}.</translation>
    </message>
    <message>
        <source>We are closed now. We open on {day} at {time}.</source>
        <translation>Сейчас закрыто. Мы открываемся {day} в {time}.</translation>
    </message>
    <message>
        <source>No more tickets for this service today.</source>
        <translation>На эту услугу сегодня талонов больше нет.</translation>
    </message>
    <message>
        <source>This service is by appointment only.</source>
        <translation>Эта услуга только по записи.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask at the information desk.</source>
        <translation>Что-то пошло не так. Обратитесь, пожалуйста, в справочную.</translation>
    </message>
    <message>
        <source>This is not an appointment code.</source>
        <translation>Это не код записи.</translation>
    </message>
    <message>
        <source>This appointment code cannot be verified.</source>
        <translation>Этот код записи не удаётся проверить.</translation>
    </message>
    <message>
        <source>This appointment is at another customer centre.</source>
        <translation>Эта запись в другом центре обслуживания.</translation>
    </message>
    <message>
        <source>Your appointment is on another day: {day}.</source>
        <translation>Ваша запись на другой день: {day}.</translation>
    </message>
    <message>
        <source>We cannot find this appointment.</source>
        <translation>Мы не можем найти эту запись.</translation>
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation>Эта запись отменена.</translation>
    </message>
    <message>
        <source>Already checked in at {time} as {number}.</source>
        <translation>Регистрация уже пройдена в {time}, номер {number}.</translation>
    </message>
    <message>
        <source>Already checked in as {number}.</source>
        <translation>Регистрация уже пройдена, номер {number}.</translation>
    </message>
    <message>
        <source>Too early: check-in opens at {time}.</source>
        <translation>Слишком рано: регистрация открывается в {time}.</translation>
    </message>
    <message>
        <source>The check-in time for this appointment has passed.</source>
        <translation>Время регистрации на эту запись истекло.</translation>
    </message>
    <message>
        <source>This booking code is not right. Please check the digits.</source>
        <translation>Этот код записи неверен. Пожалуйста, проверьте цифры.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. Please scan the QR code or ask at the information desk.</source>
        <translation>Слишком много неверных кодов записи. Отсканируйте QR-код или обратитесь в справочную.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. The QR code on your letter still works.</source>
        <translation>Слишком много неверных кодов записи. QR-код в вашем письме по-прежнему действует.</translation>
    </message>
    <message>
        <source>Please try again in {n} min., or ask at the information desk.</source>
        <translation>Пожалуйста, попробуйте ещё раз через {n} мин. или обратитесь в справочную.</translation>
    </message>
    <message>
        <source>Please try again in {n} s, or ask at the information desk.</source>
        <translation>Пожалуйста, попробуйте ещё раз через {n} с или обратитесь в справочную.</translation>
    </message>
    <message>
        <source>Please try again, or ask at the information desk.</source>
        <translation>Пожалуйста, попробуйте ещё раз или обратитесь в справочную.</translation>
    </message>
    <message>
        <source>Please ask at the information desk.</source>
        <translation>Обратитесь, пожалуйста, в справочную.</translation>
    </message>
    <message>
        <source>You can take a walk-in ticket instead.</source>
        <translation>Вместо этого вы можете взять талон без записи.</translation>
    </message>
    <message>
        <source>Please come back then, or take a walk-in ticket now.</source>
        <translation>Пожалуйста, приходите в это время или возьмите талон сейчас.</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>Пожалуйста, ждите вызова вашего номера.</translation>
    </message>
    <message>
        <source>Please choose another service.</source>
        <translation>Пожалуйста, выберите другую услугу.</translation>
    </message>
    <message>
        <source>Speech on. Keys 2 and 8 move, 5 selects, 0 is help, the dot repeats.</source>
        <translation>Озвучивание включено. Клавиши 2 и 8 перемещают, 5 выбирает, 0 – справка, точка повторяет.</translation>
    </message>
    <message>
        <source>Help. Keys 2 and 4 go back, 8 and 6 go forward, 5 selects. 0 is this help, the dot repeats. Plus and minus change the volume, star and slash the speed.</source>
        <translation>Справка. Клавиши 2 и 4 – назад, 8 и 6 – вперёд, 5 выбирает. 0 – эта справка, точка повторяет. Плюс и минус меняют громкость, звёздочка и косая черта – скорость.</translation>
    </message>
    <message>
        <source>{label}. Button {i} of {n}.</source>
        <translation>{label}. Кнопка {i} из {n}.</translation>
    </message>
    <message>
        <source>{label}. Not available. {i} of {n}.</source>
        <translation>{label}. Недоступно. {i} из {n}.</translation>
    </message>
    <message>
        <source>No voice for this language is installed: speech continues in English.</source>
        <translation>Голос для этого языка не установлен: озвучивание продолжится на английском.</translation>
    </message>
    <message>
        <source>Volume {n}</source>
        <translation>Громкость {n}</translation>
    </message>
    <message>
        <source>Speed {n}</source>
        <translation>Скорость {n}</translation>
    </message>
    <message>
        <source>Your number is {number}, for {service}. {ahead} {wait} Please wait in the waiting area; your number will be called.</source>
        <translation>Ваш номер {number}, услуга: {service}. {ahead} {wait} Пожалуйста, ждите в зоне ожидания; ваш номер вызовут.</translation>
    </message>
</context>
</TS>
