<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>kiosk</name>
    <message>
        <source>Please choose a service</source>
        <translation>Будь ласка, оберіть послугу</translation>
    </message>
    <message>
        <source>More services</source>
        <translation>Інші послуги</translation>
    </message>
    <message>
        <source>Previous services</source>
        <translation>Попередні послуги</translation>
    </message>
    <message>
        <source>about {min} min.</source>
        <translation>бл. {min} хв.</translation>
    </message>
    <message>
        <source>{lo}–{hi} min.</source>
        <translation>{lo}–{hi} хв.</translation>
    </message>
    <message>
        <source>no waiting</source>
        <translation>без очікування</translation>
    </message>
    <message>
        <source>no counter open at the moment</source>
        <translation>зараз немає відкритих вікон</translation>
    </message>
    <message>
        <source>No more tickets today</source>
        <translation>Сьогодні талонів більше немає</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Зачинено</translation>
    </message>
    <message>
        <source>Closed – opens at {time}</source>
        <translation>Зачинено – відкриється о {time}</translation>
    </message>
    <message>
        <source>Closed – opens tomorrow at {time}</source>
        <translation>Зачинено – відкриється завтра о {time}</translation>
    </message>
    <message>
        <source>Closed – opens on {day} at {time}</source>
        <translation>Зачинено – відкриється {day} о {time}</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>у понеділок</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>у вівторок</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>у середу</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>у четвер</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>у пʼятницю</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>у суботу</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>у неділю</translation>
    </message>
    <message>
        <source>Appointment? Hold its QR code under the scanner</source>
        <translation>Маєте запис? Піднесіть QR-код до сканера</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>Сканувати камерою</translation>
    </message>
    <message>
        <source>Enter booking code</source>
        <translation>Ввести код запису</translation>
    </message>
    <message>
        <source>Enter the booking code from your letter</source>
        <translation>Введіть код запису з вашого листа</translation>
    </message>
    <message>
        <source>10 digits, under the QR code. On the keypad: minus deletes, Enter checks in, star goes back.</source>
        <translation>10 цифр, під QR-кодом. На цифровій клавіатурі: мінус видаляє, Enter реєструє, зірочка — назад.</translation>
    </message>
    <message>
        <source>{n} of 10 digits</source>
        <translation>{n} з 10 цифр</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Зареєструватися</translation>
    </message>
    <message>
        <source>I need assistance</source>
        <translation>Мені потрібна допомога</translation>
    </message>
    <message>
        <source>Assistance: yes – now choose a service</source>
        <translation>Допомога: так – тепер оберіть послугу</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Великий шрифт</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Високий контраст</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Озвучення</translation>
    </message>
    <message>
        <source>One moment, please …</source>
        <translation>Хвилинку, будь ласка …</translation>
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
        <translation>Перед вами нікого немає</translation>
    </message>
    <message>
        <source>Estimated wait: {wait}</source>
        <translation>Очікуваний час очікування: {wait}</translation>
    </message>
    <message>
        <source>People ahead of you</source>
        <translation>Перед вами</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>Очікуваний час очікування</translation>
    </message>
    <message>
        <source>Please take a seat in the waiting area. Your number will be shown and called.</source>
        <translation>Будь ласка, зачекайте в зоні очікування. Ваш номер буде показано та викликано.</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>Будь ласка, візьміть талон.</translation>
    </message>
    <message>
        <source>Printing your ticket …</source>
        <translation>Друк талона …</translation>
    </message>
    <message>
        <source>This kiosk does not print. Please note your number or take a photo of it.</source>
        <translation>Цей термінал не друкує. Будь ласка, запам&apos;ятайте номер або сфотографуйте його.</translation>
    </message>
    <message>
        <source>The printer is not working. Your number is valid: please note it or take a photo of it. If you need help, please ask at the information desk.</source>
        <translation>Принтер не працює. Ваш номер дійсний: запишіть його або сфотографуйте. Якщо потрібна допомога, зверніться до довідкової.</translation>
    </message>
    <message>
        <source>The printer is out of paper: your number will be shown on the screen.</source>
        <translation>У принтері закінчився папір: ваш номер буде показано на екрані.</translation>
    </message>
    <message>
        <source>The printer is not working: your number will be shown on the screen.</source>
        <translation>Принтер не працює: ваш номер буде показано на екрані.</translation>
    </message>
    <message>
        <source>No ticket was issued: the system did not answer in time.</source>
        <translation>Талон не видано: система не відповіла вчасно.</translation>
    </message>
    <message>
        <source>You are checked in</source>
        <translation>Вас зареєстровано</translation>
    </message>
    <message>
        <source>Your appointment: {time}</source>
        <translation>Ваш запис: {time}</translation>
    </message>
    <message>
        <source>A member of staff will help you.</source>
        <translation>Вам допоможе працівник.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>На початок</translation>
    </message>
    <message>
        <source>Take a walk-in ticket instead</source>
        <translation>Взяти талон без запису</translation>
    </message>
    <message>
        <source>Back to the start in {s} s. Touch the screen or press any key for more time.</source>
        <translation>Повернення на початок через {s} с. Торкніться екрана або натисніть клавішу, щоб мати більше часу.</translation>
    </message>
    <message>
        <source>Shorter wait at {site}: {wait}</source>
        <translation>Коротше чекати в {site}: {wait}</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Не працює</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets at the moment. Please ask at the information desk. The kiosk will be back by itself.</source>
        <translation>Цей термінал зараз не видає талони. Зверніться, будь ласка, до довідкової. Термінал запрацює сам.</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets: its clock is wrong. Please ask at the information desk.</source>
        <translation>Цей термінал не може видавати талони: його годинник показує неправильний час. Будь ласка, зверніться до довідкової.</translation>
    </message>
    <message>
        <source>This kiosk is off: another kiosk with its id ({id}) is connected. Please ask at the information desk.</source>
        <translation>Цей термінал вимкнено: підключено інший термінал з тим самим ідентифікатором ({id}). Зверніться, будь ласка, до довідкової.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Не вдалося</translation>
    </message>
    <message>
        <source>We are closed now.</source>
        <translation>Зараз зачинено.</translation>
    </message>
    <message>
        <source>We are closed now. We open at {time}.</source>
        <translation>Зараз зачинено. Ми відчиняємося о {time}.</translation>
    </message>
    <message>
        <source>We are closed now. We open tomorrow at {time}.</source>
        <translation>Зараз зачинено. Ми відчиняємося завтра о {time}.</translation>
    </message>
    <message>
        <source>We are closed now. We open on {day} at {time}.</source>
        <translation>Зараз зачинено. Ми відчиняємося {day} о {time}.</translation>
    </message>
    <message>
        <source>No more tickets for this service today.</source>
        <translation>На цю послугу сьогодні талонів більше немає.</translation>
    </message>
    <message>
        <source>This service is by appointment only.</source>
        <translation>Ця послуга лише за записом.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask at the information desk.</source>
        <translation>Щось пішло не так. Зверніться, будь ласка, до довідкової.</translation>
    </message>
    <message>
        <source>This is not an appointment code.</source>
        <translation>Це не код запису.</translation>
    </message>
    <message>
        <source>This appointment code cannot be verified.</source>
        <translation>Цей код запису не вдається перевірити.</translation>
    </message>
    <message>
        <source>This appointment is at another customer centre.</source>
        <translation>Цей запис в іншому центрі обслуговування.</translation>
    </message>
    <message>
        <source>Your appointment is on another day: {day}.</source>
        <translation>Ваш запис на інший день: {day}.</translation>
    </message>
    <message>
        <source>We cannot find this appointment.</source>
        <translation>Ми не можемо знайти цей запис.</translation>
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation>Цей запис скасовано.</translation>
    </message>
    <message>
        <source>Already checked in at {time} as {number}.</source>
        <translation>Реєстрацію вже пройдено о {time}, номер {number}.</translation>
    </message>
    <message>
        <source>Already checked in as {number}.</source>
        <translation>Реєстрацію вже пройдено, номер {number}.</translation>
    </message>
    <message>
        <source>Too early: check-in opens at {time}.</source>
        <translation>Занадто рано: реєстрація відкривається о {time}.</translation>
    </message>
    <message>
        <source>The check-in time for this appointment has passed.</source>
        <translation>Час реєстрації на цей запис минув.</translation>
    </message>
    <message>
        <source>This booking code is not right. Please check the digits.</source>
        <translation>Цей код запису неправильний. Будь ласка, перевірте цифри.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. Please scan the QR code or ask at the information desk.</source>
        <translation>Забагато неправильних кодів запису. Відскануйте QR-код або зверніться до довідкової.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. The QR code on your letter still works.</source>
        <translation>Забагато неправильних кодів запису. QR-код у вашому листі й далі дійсний.</translation>
    </message>
    <message>
        <source>Please try again in {n} min., or ask at the information desk.</source>
        <translation>Будь ласка, спробуйте ще раз через {n} хв або зверніться до довідкової.</translation>
    </message>
    <message>
        <source>Please try again in {n} s, or ask at the information desk.</source>
        <translation>Будь ласка, спробуйте ще раз через {n} с або зверніться до довідкової.</translation>
    </message>
    <message>
        <source>Please try again, or ask at the information desk.</source>
        <translation>Будь ласка, спробуйте ще раз або зверніться до довідкової.</translation>
    </message>
    <message>
        <source>Please ask at the information desk.</source>
        <translation>Зверніться, будь ласка, до довідкової.</translation>
    </message>
    <message>
        <source>You can take a walk-in ticket instead.</source>
        <translation>Натомість ви можете взяти талон без запису.</translation>
    </message>
    <message>
        <source>Please come back then, or take a walk-in ticket now.</source>
        <translation>Будь ласка, приходьте в цей час або візьміть талон зараз.</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>Будь ласка, чекайте на виклик вашого номера.</translation>
    </message>
    <message>
        <source>Please choose another service.</source>
        <translation>Будь ласка, оберіть іншу послугу.</translation>
    </message>
    <message>
        <source>Speech on. Keys 2 and 8 move, 5 selects, 0 is help, the dot repeats.</source>
        <translation>Озвучення увімкнено. Клавіші 2 і 8 переміщують, 5 обирає, 0 – довідка, крапка повторює.</translation>
    </message>
    <message>
        <source>Help. Keys 2 and 4 go back, 8 and 6 go forward, 5 selects. 0 is this help, the dot repeats. Plus and minus change the volume, star and slash the speed.</source>
        <translation>Довідка. Клавіші 2 і 4 – назад, 8 і 6 – вперед, 5 обирає. 0 – ця довідка, крапка повторює. Плюс і мінус змінюють гучність, зірочка і скісна риска – швидкість.</translation>
    </message>
    <message>
        <source>{label}. Button {i} of {n}.</source>
        <translation>{label}. Кнопка {i} з {n}.</translation>
    </message>
    <message>
        <source>{label}. Not available. {i} of {n}.</source>
        <translation>{label}. Недоступно. {i} з {n}.</translation>
    </message>
    <message>
        <source>No voice for this language is installed: speech continues in English.</source>
        <translation>Голос для цієї мови не встановлено: озвучення продовжиться англійською.</translation>
    </message>
    <message>
        <source>Volume {n}</source>
        <translation>Гучність {n}</translation>
    </message>
    <message>
        <source>Speed {n}</source>
        <translation>Швидкість {n}</translation>
    </message>
    <message>
        <source>Your number is {number}, for {service}. {ahead} {wait} Please wait in the waiting area; your number will be called.</source>
        <translation>Ваш номер {number}, послуга: {service}. {ahead} {wait} Будь ласка, чекайте в зоні очікування; ваш номер викличуть.</translation>
    </message>
</context>
</TS>
