<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>kiosk</name>
    <message>
        <source>Please choose a service</source>
        <translation>يرجى اختيار الخدمة</translation>
    </message>
    <message>
        <source>More services</source>
        <translation>خدمات أخرى</translation>
    </message>
    <message>
        <source>Previous services</source>
        <translation>الخدمات السابقة</translation>
    </message>
    <message>
        <source>about {min} min.</source>
        <translation>حوالي {min} دقيقة</translation>
    </message>
    <message>
        <source>{lo}–{hi} min.</source>
        <translation>{lo}–{hi} دقيقة</translation>
    </message>
    <message>
        <source>no waiting</source>
        <translation>لا انتظار</translation>
    </message>
    <message>
        <source>no counter open at the moment</source>
        <translation>لا يوجد شباك مفتوح حاليًا</translation>
    </message>
    <message>
        <source>No more tickets today</source>
        <translation>لا مزيد من الأرقام اليوم</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <source>Closed – opens at {time}</source>
        <translation>مغلق – يفتح الساعة {time}</translation>
    </message>
    <message>
        <source>Closed – opens tomorrow at {time}</source>
        <translation>مغلق – يفتح غدًا الساعة {time}</translation>
    </message>
    <message>
        <source>Closed – opens on {day} at {time}</source>
        <translation>مغلق – يفتح {day} الساعة {time}</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>يوم الاثنين</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>يوم الثلاثاء</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>يوم الأربعاء</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>يوم الخميس</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>يوم الجمعة</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>يوم السبت</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>يوم الأحد</translation>
    </message>
    <message>
        <source>Appointment? Hold its QR code under the scanner</source>
        <translation>لديك موعد؟ ضع رمز QR تحت الماسح</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>المسح بالكاميرا</translation>
    </message>
    <message>
        <source>Enter booking code</source>
        <translation>إدخال رمز الحجز</translation>
    </message>
    <message>
        <source>Enter the booking code from your letter</source>
        <translation>أدخل رمز الحجز الموجود في رسالتك</translation>
    </message>
    <message>
        <source>10 digits, under the QR code. On the keypad: minus deletes, Enter checks in, star goes back.</source>
        <translation>10 أرقام، تحت رمز QR. على لوحة الأرقام: الناقص يحذف، Enter يسجل الحضور، النجمة للرجوع.</translation>
    </message>
    <message>
        <source>{n} of 10 digits</source>
        <translation>{n} من 10 أرقام</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>تسجيل الحضور</translation>
    </message>
    <message>
        <source>I need assistance</source>
        <translation>أحتاج إلى مساعدة</translation>
    </message>
    <message>
        <source>Assistance: yes – now choose a service</source>
        <translation>المساعدة: نعم – اختر الخدمة الآن</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>خط كبير</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>تباين عالٍ</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>القراءة الصوتية</translation>
    </message>
    <message>
        <source>One moment, please …</source>
        <translation>لحظة من فضلك …</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>رقمك</translation>
    </message>
    <message>
        <source>People ahead of you: {n}</source>
        <translation>عدد المنتظرين قبلك: {n}</translation>
    </message>
    <message>
        <source>Nobody is ahead of you</source>
        <translation>لا أحد قبلك</translation>
    </message>
    <message>
        <source>Estimated wait: {wait}</source>
        <translation>مدة الانتظار المتوقعة: {wait}</translation>
    </message>
    <message>
        <source>People ahead of you</source>
        <translation>عدد المنتظرين قبلك</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>مدة الانتظار المتوقعة</translation>
    </message>
    <message>
        <source>Please take a seat in the waiting area. Your number will be shown and called.</source>
        <translation>يرجى الجلوس في منطقة الانتظار. سيظهر رقمك على الشاشة ويتم النداء عليه.</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>يرجى أخذ رقمك.</translation>
    </message>
    <message>
        <source>Printing your ticket …</source>
        <translation>جارٍ طباعة رقمك …</translation>
    </message>
    <message>
        <source>This kiosk does not print. Please note your number or take a photo of it.</source>
        <translation>هذا الجهاز لا يطبع. يرجى حفظ رقمك أو تصويره.</translation>
    </message>
    <message>
        <source>The printer is not working. Your number is valid: please note it or take a photo of it. If you need help, please ask at the information desk.</source>
        <translation>الطابعة لا تعمل. رقمك صالح: يرجى تدوينه أو تصويره. إذا احتجت إلى مساعدة، يرجى السؤال في مكتب الاستعلامات.</translation>
    </message>
    <message>
        <source>The printer is out of paper: your number will be shown on the screen.</source>
        <translation>نفد الورق من الطابعة: سيُعرض رقمك على الشاشة.</translation>
    </message>
    <message>
        <source>The printer is not working: your number will be shown on the screen.</source>
        <translation>الطابعة لا تعمل: سيُعرض رقمك على الشاشة.</translation>
    </message>
    <message>
        <source>No ticket was issued: the system did not answer in time.</source>
        <translation>لم يتم إصدار رقم: لم يستجب النظام في الوقت المحدد.</translation>
    </message>
    <message>
        <source>You are checked in</source>
        <translation>تم تسجيل حضورك</translation>
    </message>
    <message>
        <source>Your appointment: {time}</source>
        <translation>موعدك: {time}</translation>
    </message>
    <message>
        <source>A member of staff will help you.</source>
        <translation>سيساعدك أحد الموظفين.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>العودة إلى البداية</translation>
    </message>
    <message>
        <source>Take a walk-in ticket instead</source>
        <translation>خذ رقمًا بدون موعد بدلًا من ذلك</translation>
    </message>
    <message>
        <source>Back to the start in {s} s. Touch the screen or press any key for more time.</source>
        <translation>العودة إلى البداية بعد {s} ثانية. المس الشاشة أو اضغط أي زر للحصول على وقت أطول.</translation>
    </message>
    <message>
        <source>Shorter wait at {site}: {wait}</source>
        <translation>انتظار أقصر في {site}: {wait}</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>خارج الخدمة</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets at the moment. Please ask at the information desk. The kiosk will be back by itself.</source>
        <translation>لا يمكن لهذا الجهاز إصدار أرقام حاليًا. يرجى السؤال في مكتب الاستعلامات. سيعود الجهاز للعمل تلقائيًا.</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets: its clock is wrong. Please ask at the information desk.</source>
        <translation>لا يستطيع هذا الجهاز إصدار أرقام: ساعته غير صحيحة. يرجى السؤال في مكتب الاستعلامات.</translation>
    </message>
    <message>
        <source>This kiosk is off: another kiosk with its id ({id}) is connected. Please ask at the information desk.</source>
        <translation>هذا الجهاز متوقف: جهاز آخر بنفس المعرّف ({id}) متصل. يرجى السؤال في مكتب الاستعلامات.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>لم تنجح العملية</translation>
    </message>
    <message>
        <source>We are closed now.</source>
        <translation>نحن مغلقون الآن.</translation>
    </message>
    <message>
        <source>We are closed now. We open at {time}.</source>
        <translation>نحن مغلقون الآن. نفتح الساعة {time}.</translation>
    </message>
    <message>
        <source>We are closed now. We open tomorrow at {time}.</source>
        <translation>نحن مغلقون الآن. نفتح غدًا الساعة {time}.</translation>
    </message>
    <message>
        <source>We are closed now. We open on {day} at {time}.</source>
        <translation>نحن مغلقون الآن. نفتح {day} الساعة {time}.</translation>
    </message>
    <message>
        <source>No more tickets for this service today.</source>
        <translation>لا مزيد من الأرقام لهذه الخدمة اليوم.</translation>
    </message>
    <message>
        <source>This service is by appointment only.</source>
        <translation>هذه الخدمة بموعد فقط.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask at the information desk.</source>
        <translation>حدث خطأ ما. يرجى السؤال في مكتب الاستعلامات.</translation>
    </message>
    <message>
        <source>This is not an appointment code.</source>
        <translation>هذا ليس رمز موعد.</translation>
    </message>
    <message>
        <source>This appointment code cannot be verified.</source>
        <translation>لا يمكن التحقق من رمز الموعد هذا.</translation>
    </message>
    <message>
        <source>This appointment is at another customer centre.</source>
        <translation>هذا الموعد في مركز خدمة آخر.</translation>
    </message>
    <message>
        <source>Your appointment is on another day: {day}.</source>
        <translation>موعدك في يوم آخر: {day}.</translation>
    </message>
    <message>
        <source>We cannot find this appointment.</source>
        <translation>لا يمكننا العثور على هذا الموعد.</translation>
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation>تم إلغاء هذا الموعد.</translation>
    </message>
    <message>
        <source>Already checked in at {time} as {number}.</source>
        <translation>تم تسجيل الحضور مسبقًا الساعة {time} بالرقم {number}.</translation>
    </message>
    <message>
        <source>Already checked in as {number}.</source>
        <translation>تم تسجيل الحضور مسبقًا بالرقم {number}.</translation>
    </message>
    <message>
        <source>Too early: check-in opens at {time}.</source>
        <translation>مبكر جدًا: يبدأ تسجيل الحضور الساعة {time}.</translation>
    </message>
    <message>
        <source>The check-in time for this appointment has passed.</source>
        <translation>انتهى وقت تسجيل الحضور لهذا الموعد.</translation>
    </message>
    <message>
        <source>This booking code is not right. Please check the digits.</source>
        <translation>رمز الحجز هذا غير صحيح. يرجى التحقق من الأرقام.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. Please scan the QR code or ask at the information desk.</source>
        <translation>رموز حجز خاطئة كثيرة جدًا. يرجى مسح رمز QR أو السؤال في مكتب الاستعلامات.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. The QR code on your letter still works.</source>
        <translation>رموز حجز خاطئة كثيرة جدًا. رمز QR الموجود في رسالتك لا يزال يعمل.</translation>
    </message>
    <message>
        <source>Please try again in {n} min., or ask at the information desk.</source>
        <translation>يرجى المحاولة مرة أخرى بعد {n} دقيقة أو السؤال في مكتب الاستعلامات.</translation>
    </message>
    <message>
        <source>Please try again in {n} s, or ask at the information desk.</source>
        <translation>يرجى المحاولة مرة أخرى بعد {n} ثانية أو السؤال في مكتب الاستعلامات.</translation>
    </message>
    <message>
        <source>Please try again, or ask at the information desk.</source>
        <translation>يرجى المحاولة مرة أخرى أو السؤال في مكتب الاستعلامات.</translation>
    </message>
    <message>
        <source>Please ask at the information desk.</source>
        <translation>يرجى السؤال في مكتب الاستعلامات.</translation>
    </message>
    <message>
        <source>You can take a walk-in ticket instead.</source>
        <translation>يمكنك أخذ رقم بدون موعد بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>Please come back then, or take a walk-in ticket now.</source>
        <translation>يرجى العودة في ذلك الوقت أو أخذ رقم بدون موعد الآن.</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>يرجى الانتظار حتى يتم النداء على رقمك.</translation>
    </message>
    <message>
        <source>Please choose another service.</source>
        <translation>يرجى اختيار خدمة أخرى.</translation>
    </message>
    <message>
        <source>Speech on. Keys 2 and 8 move, 5 selects, 0 is help, the dot repeats.</source>
        <translation>القراءة الصوتية مفعّلة. المفتاحان 2 و8 للتنقل، و5 للاختيار، و0 للمساعدة، والنقطة للتكرار.</translation>
    </message>
    <message>
        <source>Help. Keys 2 and 4 go back, 8 and 6 go forward, 5 selects. 0 is this help, the dot repeats. Plus and minus change the volume, star and slash the speed.</source>
        <translation>مساعدة. المفتاحان 2 و4 للرجوع، و8 و6 للتقدم، و5 للاختيار. 0 لهذه المساعدة، والنقطة للتكرار. زائد وناقص لتغيير مستوى الصوت، والنجمة والشرطة المائلة للسرعة.</translation>
    </message>
    <message>
        <source>{label}. Button {i} of {n}.</source>
        <translation>{label}. زر {i} من {n}.</translation>
    </message>
    <message>
        <source>{label}. Not available. {i} of {n}.</source>
        <translation>{label}. غير متاح. {i} من {n}.</translation>
    </message>
    <message>
        <source>No voice for this language is installed: speech continues in English.</source>
        <translation>لا يوجد صوت مثبت لهذه اللغة: ستستمر القراءة الصوتية بالإنجليزية.</translation>
    </message>
    <message>
        <source>Volume {n}</source>
        <translation>مستوى الصوت {n}</translation>
    </message>
    <message>
        <source>Speed {n}</source>
        <translation>السرعة {n}</translation>
    </message>
    <message>
        <source>Your number is {number}, for {service}. {ahead} {wait} Please wait in the waiting area; your number will be called.</source>
        <translation>رقمك هو {number}، لخدمة {service}. {ahead} {wait} يرجى الانتظار في منطقة الانتظار؛ سيتم النداء على رقمك.</translation>
    </message>
</context>
</TS>
