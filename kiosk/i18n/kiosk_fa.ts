<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>kiosk</name>
    <message>
        <source>Please choose a service</source>
        <translation>لطفاً یک خدمت را انتخاب کنید</translation>
    </message>
    <message>
        <source>More services</source>
        <translation>خدمات دیگر</translation>
    </message>
    <message>
        <source>Previous services</source>
        <translation>خدمات قبلی</translation>
    </message>
    <message>
        <source>about {min} min.</source>
        <translation>حدود {min} دقیقه</translation>
    </message>
    <message>
        <source>{lo}–{hi} min.</source>
        <translation>{lo}–{hi} دقیقه</translation>
    </message>
    <message>
        <source>no waiting</source>
        <translation>بدون انتظار</translation>
    </message>
    <message>
        <source>no counter open at the moment</source>
        <translation>در حال حاضر هیچ باجه‌ای باز نیست</translation>
    </message>
    <message>
        <source>No more tickets today</source>
        <translation>امروز دیگر نوبت داده نمی‌شود</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>بسته</translation>
    </message>
    <message>
        <source>Closed – opens at {time}</source>
        <translation>بسته – ساعت {time} باز می‌شود</translation>
    </message>
    <message>
        <source>Closed – opens tomorrow at {time}</source>
        <translation>بسته – فردا ساعت {time} باز می‌شود</translation>
    </message>
    <message>
        <source>Closed – opens on {day} at {time}</source>
        <translation>بسته – {day} ساعت {time} باز می‌شود</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>دوشنبه</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>سه‌شنبه</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>چهارشنبه</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>پنجشنبه</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>جمعه</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>شنبه</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>یکشنبه</translation>
    </message>
    <message>
        <source>Appointment? Hold its QR code under the scanner</source>
        <translation>وقت قبلی دارید؟ کد QR را زیر اسکنر بگیرید</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>اسکن با دوربین</translation>
    </message>
    <message>
        <source>Enter booking code</source>
        <translation>وارد کردن کد رزرو</translation>
    </message>
    <message>
        <source>Enter the booking code from your letter</source>
        <translation>کد رزرو را از نامه خود وارد کنید</translation>
    </message>
    <message>
        <source>10 digits, under the QR code. On the keypad: minus deletes, Enter checks in, star goes back.</source>
        <translation>۱۰ رقم، زیر کد QR. روی صفحه‌کلید عددی: منها پاک می‌کند، Enter پذیرش می‌کند، ستاره بازمی‌گردد.</translation>
    </message>
    <message>
        <source>{n} of 10 digits</source>
        <translation>{n} از ۱۰ رقم</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>پذیرش</translation>
    </message>
    <message>
        <source>I need assistance</source>
        <translation>به کمک نیاز دارم</translation>
    </message>
    <message>
        <source>Assistance: yes – now choose a service</source>
        <translation>کمک: بله – اکنون خدمت را انتخاب کنید</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>متن درشت</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>کنتراست بالا</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>خواندن صوتی</translation>
    </message>
    <message>
        <source>One moment, please …</source>
        <translation>لطفاً لحظه‌ای صبر کنید …</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>شماره شما</translation>
    </message>
    <message>
        <source>People ahead of you: {n}</source>
        <translation>افراد جلوتر از شما: {n}</translation>
    </message>
    <message>
        <source>Nobody is ahead of you</source>
        <translation>کسی جلوتر از شما نیست</translation>
    </message>
    <message>
        <source>Estimated wait: {wait}</source>
        <translation>زمان تقریبی انتظار: {wait}</translation>
    </message>
    <message>
        <source>People ahead of you</source>
        <translation>افراد جلوتر از شما</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>زمان تقریبی انتظار</translation>
    </message>
    <message>
        <source>Please take a seat in the waiting area. Your number will be shown and called.</source>
        <translation>لطفاً در محل انتظار بنشینید. شماره شما نمایش داده و اعلام می‌شود.</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>لطفاً برگه نوبت خود را بردارید.</translation>
    </message>
    <message>
        <source>Printing your ticket …</source>
        <translation>در حال چاپ برگه نوبت …</translation>
    </message>
    <message>
        <source>This kiosk does not print. Please note your number or take a photo of it.</source>
        <translation>این دستگاه چاپ نمی‌کند. لطفاً شماره خود را به خاطر بسپارید یا از آن عکس بگیرید.</translation>
    </message>
    <message>
        <source>The printer is not working. Your number is valid: please note it or take a photo of it. If you need help, please ask at the information desk.</source>
        <translation>چاپگر کار نمی‌کند. شماره شما معتبر است: لطفاً آن را یادداشت کنید یا از آن عکس بگیرید. اگر کمک لازم دارید، لطفاً از میز اطلاعات بپرسید.</translation>
    </message>
    <message>
        <source>The printer is out of paper: your number will be shown on the screen.</source>
        <translation>کاغذ چاپگر تمام شده است: شماره شما روی صفحه نمایش داده می‌شود.</translation>
    </message>
    <message>
        <source>The printer is not working: your number will be shown on the screen.</source>
        <translation>چاپگر کار نمی‌کند: شماره شما روی صفحه نمایش داده می‌شود.</translation>
    </message>
    <message>
        <source>No ticket was issued: the system did not answer in time.</source>
        <translation>نوبتی صادر نشد: سامانه به موقع پاسخ نداد.</translation>
    </message>
    <message>
        <source>You are checked in</source>
        <translation>حضور شما ثبت شد</translation>
    </message>
    <message>
        <source>Your appointment: {time}</source>
        <translation>وقت شما: {time}</translation>
    </message>
    <message>
        <source>A member of staff will help you.</source>
        <translation>یکی از کارکنان به شما کمک خواهد کرد.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تمام</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>بازگشت به ابتدا</translation>
    </message>
    <message>
        <source>Take a walk-in ticket instead</source>
        <translation>به جای آن نوبت بدون وقت قبلی بگیرید</translation>
    </message>
    <message>
        <source>Back to the start in {s} s. Touch the screen or press any key for more time.</source>
        <translation>بازگشت به ابتدا تا {s} ثانیه دیگر. برای وقت بیشتر صفحه را لمس کنید یا کلیدی را بزنید.</translation>
    </message>
    <message>
        <source>Shorter wait at {site}: {wait}</source>
        <translation>انتظار کوتاه‌تر در {site}: {wait}</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>خارج از سرویس</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets at the moment. Please ask at the information desk. The kiosk will be back by itself.</source>
        <translation>این دستگاه در حال حاضر نمی‌تواند نوبت بدهد. لطفاً از بخش اطلاعات بپرسید. دستگاه خودبه‌خود دوباره فعال می‌شود.</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets: its clock is wrong. Please ask at the information desk.</source>
        <translation>این دستگاه نمی‌تواند نوبت صادر کند: ساعت آن درست نیست. لطفاً از میز اطلاعات بپرسید.</translation>
    </message>
    <message>
        <source>This kiosk is off: another kiosk with its id ({id}) is connected. Please ask at the information desk.</source>
        <translation>این دستگاه خاموش است: دستگاه دیگری با همین شناسه ({id}) وصل است. لطفاً از بخش اطلاعات بپرسید.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>انجام نشد</translation>
    </message>
    <message>
        <source>We are closed now.</source>
        <translation>اکنون بسته هستیم.</translation>
    </message>
    <message>
        <source>We are closed now. We open at {time}.</source>
        <translation>اکنون بسته هستیم. ساعت {time} باز می‌کنیم.</translation>
    </message>
    <message>
        <source>We are closed now. We open tomorrow at {time}.</source>
        <translation>اکنون بسته هستیم. فردا ساعت {time} باز می‌کنیم.</translation>
    </message>
    <message>
        <source>We are closed now. We open on {day} at {time}.</source>
        <translation>اکنون بسته هستیم. {day} ساعت {time} باز می‌کنیم.</translation>
    </message>
    <message>
        <source>No more tickets for this service today.</source>
        <translation>امروز برای این خدمت دیگر نوبت داده نمی‌شود.</translation>
    </message>
    <message>
        <source>This service is by appointment only.</source>
        <translation>این خدمت فقط با وقت قبلی است.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask at the information desk.</source>
        <translation>مشکلی پیش آمد. لطفاً از بخش اطلاعات بپرسید.</translation>
    </message>
    <message>
        <source>This is not an appointment code.</source>
        <translation>این کد وقت قبلی نیست.</translation>
    </message>
    <message>
        <source>This appointment code cannot be verified.</source>
        <translation>این کد وقت قبلی قابل تأیید نیست.</translation>
    </message>
    <message>
        <source>This appointment is at another customer centre.</source>
        <translation>این وقت در مرکز خدمات دیگری است.</translation>
    </message>
    <message>
        <source>Your appointment is on another day: {day}.</source>
        <translation>وقت شما در روز دیگری است: {day}.</translation>
    </message>
    <message>
        <source>We cannot find this appointment.</source>
        <translation>این وقت را پیدا نمی‌کنیم.</translation>
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation>این وقت لغو شده است.</translation>
    </message>
    <message>
        <source>Already checked in at {time} as {number}.</source>
        <translation>حضور قبلاً ساعت {time} با شماره {number} ثبت شده است.</translation>
    </message>
    <message>
        <source>Already checked in as {number}.</source>
        <translation>حضور قبلاً با شماره {number} ثبت شده است.</translation>
    </message>
    <message>
        <source>Too early: check-in opens at {time}.</source>
        <translation>خیلی زود است: ثبت حضور از ساعت {time} ممکن است.</translation>
    </message>
    <message>
        <source>The check-in time for this appointment has passed.</source>
        <translation>زمان ثبت حضور برای این وقت گذشته است.</translation>
    </message>
    <message>
        <source>This booking code is not right. Please check the digits.</source>
        <translation>این کد رزرو درست نیست. لطفاً ارقام را بررسی کنید.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. Please scan the QR code or ask at the information desk.</source>
        <translation>کدهای رزرو نادرست بسیار زیاد است. لطفاً کد QR را اسکن کنید یا از میز اطلاعات بپرسید.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. The QR code on your letter still works.</source>
        <translation>کدهای رزرو نادرست بسیار زیاد است. کد QR نامه شما همچنان کار می‌کند.</translation>
    </message>
    <message>
        <source>Please try again in {n} min., or ask at the information desk.</source>
        <translation>لطفاً {n} دقیقه دیگر دوباره تلاش کنید یا از میز اطلاعات بپرسید.</translation>
    </message>
    <message>
        <source>Please try again in {n} s, or ask at the information desk.</source>
        <translation>لطفاً {n} ثانیه دیگر دوباره تلاش کنید یا از میز اطلاعات بپرسید.</translation>
    </message>
    <message>
        <source>Please try again, or ask at the information desk.</source>
        <translation>لطفاً دوباره تلاش کنید یا از بخش اطلاعات بپرسید.</translation>
    </message>
    <message>
        <source>Please ask at the information desk.</source>
        <translation>لطفاً از بخش اطلاعات بپرسید.</translation>
    </message>
    <message>
        <source>You can take a walk-in ticket instead.</source>
        <translation>می‌توانید به جای آن نوبت بدون وقت قبلی بگیرید.</translation>
    </message>
    <message>
        <source>Please come back then, or take a walk-in ticket now.</source>
        <translation>لطفاً در آن ساعت برگردید یا اکنون نوبت بگیرید.</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>لطفاً تا اعلام شماره خود صبر کنید.</translation>
    </message>
    <message>
        <source>Please choose another service.</source>
        <translation>لطفاً خدمت دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>Speech on. Keys 2 and 8 move, 5 selects, 0 is help, the dot repeats.</source>
        <translation>خواندن صوتی روشن است. کلیدهای 2 و 8 جابه‌جا می‌کنند، 5 انتخاب می‌کند، 0 راهنما است، نقطه تکرار می‌کند.</translation>
    </message>
    <message>
        <source>Help. Keys 2 and 4 go back, 8 and 6 go forward, 5 selects. 0 is this help, the dot repeats. Plus and minus change the volume, star and slash the speed.</source>
        <translation>راهنما. کلیدهای 2 و 4 به عقب، 8 و 6 به جلو می‌روند، 5 انتخاب می‌کند. 0 همین راهنما است، نقطه تکرار می‌کند. به‌علاوه و منها صدا را، ستاره و خط مورب سرعت را تغییر می‌دهند.</translation>
    </message>
    <message>
        <source>{label}. Button {i} of {n}.</source>
        <translation>{label}. دکمه {i} از {n}.</translation>
    </message>
    <message>
        <source>{label}. Not available. {i} of {n}.</source>
        <translation>{label}. در دسترس نیست. {i} از {n}.</translation>
    </message>
    <message>
        <source>No voice for this language is installed: speech continues in English.</source>
        <translation>صدایی برای این زبان نصب نشده است: خواندن صوتی به انگلیسی ادامه می‌یابد.</translation>
    </message>
    <message>
        <source>Volume {n}</source>
        <translation>بلندی صدا {n}</translation>
    </message>
    <message>
        <source>Speed {n}</source>
        <translation>سرعت {n}</translation>
    </message>
    <message>
        <source>Your number is {number}, for {service}. {ahead} {wait} Please wait in the waiting area; your number will be called.</source>
        <translation>شماره شما {number} برای {service} است. {ahead} {wait} لطفاً در محل انتظار بمانید؛ شماره شما اعلام می‌شود.</translation>
    </message>
</context>
</TS>
