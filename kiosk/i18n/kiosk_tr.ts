<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr" sourcelanguage="en">
<context>
    <name>kiosk</name>
    <message>
        <source>Please choose a service</source>
        <translation>Lütfen bir hizmet seçin</translation>
    </message>
    <message>
        <source>More services</source>
        <translation>Diğer hizmetler</translation>
    </message>
    <message>
        <source>Previous services</source>
        <translation>Önceki hizmetler</translation>
    </message>
    <message>
        <source>about {min} min.</source>
        <translation>yakl. {min} dk.</translation>
    </message>
    <message>
        <source>{lo}–{hi} min.</source>
        <translation>{lo}–{hi} dk.</translation>
    </message>
    <message>
        <source>no waiting</source>
        <translation>bekleme yok</translation>
    </message>
    <message>
        <source>no counter open at the moment</source>
        <translation>şu anda açık gişe yok</translation>
    </message>
    <message>
        <source>No more tickets today</source>
        <translation>Bugün başka sıra numarası yok</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Kapalı</translation>
    </message>
    <message>
        <source>Closed – opens at {time}</source>
        <translation>Kapalı – {time} saatinde açılır</translation>
    </message>
    <message>
        <source>Closed – opens tomorrow at {time}</source>
        <translation>Kapalı – yarın {time} saatinde açılır</translation>
    </message>
    <message>
        <source>Closed – opens on {day} at {time}</source>
        <translation>Kapalı – {day} {time} saatinde açılır</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Pazartesi</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Salı</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Çarşamba</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Perşembe</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Cuma</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Cumartesi</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Pazar</translation>
    </message>
    <message>
        <source>Appointment? Hold its QR code under the scanner</source>
        <translation>Randevunuz mu var? QR kodunu tarayıcının altına tutun</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>Kamerayla tara</translation>
    </message>
    <message>
        <source>Enter booking code</source>
        <translation>Randevu kodunu girin</translation>
    </message>
    <message>
        <source>Enter the booking code from your letter</source>
        <translation>Mektubunuzdaki randevu kodunu girin</translation>
    </message>
    <message>
        <source>10 digits, under the QR code. On the keypad: minus deletes, Enter checks in, star goes back.</source>
        <translation>10 rakam, QR kodunun altında. Tuş takımında: eksi siler, Enter giriş yapar, yıldız geri döner.</translation>
    </message>
    <message>
        <source>{n} of 10 digits</source>
        <translation>10 rakamdan {n}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Giriş yap</translation>
    </message>
    <message>
        <source>I need assistance</source>
        <translation>Yardıma ihtiyacım var</translation>
    </message>
    <message>
        <source>Assistance: yes – now choose a service</source>
        <translation>Yardım: evet – şimdi bir hizmet seçin</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Büyük yazı</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Yüksek kontrast</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Sesli kullanım</translation>
    </message>
    <message>
        <source>One moment, please …</source>
        <translation>Lütfen bir dakika …</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Numaranız</translation>
    </message>
    <message>
        <source>People ahead of you: {n}</source>
        <translation>Önünüzdeki kişi: {n}</translation>
    </message>
    <message>
        <source>Nobody is ahead of you</source>
        <translation>Önünüzde kimse yok</translation>
    </message>
    <message>
        <source>Estimated wait: {wait}</source>
        <translation>Tahmini bekleme süresi: {wait}</translation>
    </message>
    <message>
        <source>People ahead of you</source>
        <translation>Önünüzdeki kişi</translation>
    </message>
    <message>
        <source>Estimated wait</source>
        <translation>Tahmini bekleme süresi</translation>
    </message>
    <message>
        <source>Please take a seat in the waiting area. Your number will be shown and called.</source>
        <translation>Lütfen bekleme alanında oturun. Numaranız ekranda gösterilip çağrılacak.</translation>
    </message>
    <message>
        <source>Please take your ticket.</source>
        <translation>Lütfen sıra numaranızı alın.</translation>
    </message>
    <message>
        <source>Printing your ticket …</source>
        <translation>Sıra numaranız yazdırılıyor …</translation>
    </message>
    <message>
        <source>This kiosk does not print. Please note your number or take a photo of it.</source>
        <translation>Bu cihaz yazdırmıyor. Lütfen numaranızı not edin veya fotoğrafını çekin.</translation>
    </message>
    <message>
        <source>The printer is not working. Your number is valid: please note it or take a photo of it. If you need help, please ask at the information desk.</source>
        <translation>Yazıcı çalışmıyor. Numaranız geçerli: lütfen not alın veya fotoğrafını çekin. Yardıma ihtiyacınız olursa lütfen danışmaya sorun.</translation>
    </message>
    <message>
        <source>The printer is out of paper: your number will be shown on the screen.</source>
        <translation>Yazıcıda kâğıt yok: numaranız ekranda gösterilecek.</translation>
    </message>
    <message>
        <source>The printer is not working: your number will be shown on the screen.</source>
        <translation>Yazıcı çalışmıyor: numaranız ekranda gösterilecek.</translation>
    </message>
    <message>
        <source>No ticket was issued: the system did not answer in time.</source>
        <translation>Sıra numarası verilmedi: sistem zamanında yanıt vermedi.</translation>
    </message>
    <message>
        <source>You are checked in</source>
        <translation>Girişiniz yapıldı</translation>
    </message>
    <message>
        <source>Your appointment: {time}</source>
        <translation>Randevunuz: {time}</translation>
    </message>
    <message>
        <source>A member of staff will help you.</source>
        <translation>Bir görevli size yardım edecek.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Tamam</translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation>Başa dön</translation>
    </message>
    <message>
        <source>Take a walk-in ticket instead</source>
        <translation>Bunun yerine sıra numarası al</translation>
    </message>
    <message>
        <source>Back to the start in {s} s. Touch the screen or press any key for more time.</source>
        <translation>{s} sn sonra başa dönülecek. Daha fazla süre için ekrana dokunun veya bir tuşa basın.</translation>
    </message>
    <message>
        <source>Shorter wait at {site}: {wait}</source>
        <translation>{site} şubesinde bekleme daha kısa: {wait}</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Hizmet dışı</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets at the moment. Please ask at the information desk. The kiosk will be back by itself.</source>
        <translation>Bu cihaz şu anda sıra numarası veremiyor. Lütfen danışmaya sorun. Cihaz kendiliğinden tekrar çalışacak.</translation>
    </message>
    <message>
        <source>This kiosk cannot issue tickets: its clock is wrong. Please ask at the information desk.</source>
        <translation>Bu kiosk sıra numarası veremiyor: saati yanlış. Lütfen danışmaya sorun.</translation>
    </message>
    <message>
        <source>This kiosk is off: another kiosk with its id ({id}) is connected. Please ask at the information desk.</source>
        <translation>Bu cihaz kapalı: aynı kimliğe ({id}) sahip başka bir cihaz bağlı. Lütfen danışmaya sorun.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>İşlem yapılamadı</translation>
    </message>
    <message>
        <source>We are closed now.</source>
        <translation>Şu anda kapalıyız.</translation>
    </message>
    <message>
        <source>We are closed now. We open at {time}.</source>
        <translation>Şu anda kapalıyız. {time} saatinde açılıyoruz.</translation>
    </message>
    <message>
        <source>We are closed now. We open tomorrow at {time}.</source>
        <translation>Şu anda kapalıyız. Yarın {time} saatinde açılıyoruz.</translation>
    </message>
    <message>
        <source>We are closed now. We open on {day} at {time}.</source>
        <translation>Şu anda kapalıyız. {day} {time} saatinde açılıyoruz.</translation>
    </message>
    <message>
        <source>No more tickets for this service today.</source>
        <translation>Bu hizmet için bugün başka sıra numarası yok.</translation>
    </message>
    <message>
        <source>This service is by appointment only.</source>
        <translation>Bu hizmet yalnızca randevuyla.</translation>
    </message>
    <message>
        <source>Something went wrong. Please ask at the information desk.</source>
        <translation>Bir sorun oluştu. Lütfen danışmaya sorun.</translation>
    </message>
    <message>
        <source>This is not an appointment code.</source>
        <translation>Bu bir randevu kodu değil.</translation>
    </message>
    <message>
        <source>This appointment code cannot be verified.</source>
        <translation>Bu randevu kodu doğrulanamıyor.</translation>
    </message>
    <message>
        <source>This appointment is at another customer centre.</source>
        <translation>Bu randevu başka bir hizmet merkezinde.</translation>
    </message>
    <message>
        <source>Your appointment is on another day: {day}.</source>
        <translation>Randevunuz başka bir günde: {day}.</translation>
    </message>
    <message>
        <source>We cannot find this appointment.</source>
        <translation>Bu randevuyu bulamıyoruz.</translation>
    </message>
    <message>
        <source>This appointment was cancelled.</source>
        <translation>Bu randevu iptal edildi.</translation>
    </message>
    <message>
        <source>Already checked in at {time} as {number}.</source>
        <translation>Saat {time} itibarıyla {number} numarasıyla giriş yapıldı.</translation>
    </message>
    <message>
        <source>Already checked in as {number}.</source>
        <translation>{number} numarasıyla giriş zaten yapıldı.</translation>
    </message>
    <message>
        <source>Too early: check-in opens at {time}.</source>
        <translation>Çok erken: giriş {time} saatinde açılır.</translation>
    </message>
    <message>
        <source>The check-in time for this appointment has passed.</source>
        <translation>Bu randevunun giriş süresi geçti.</translation>
    </message>
    <message>
        <source>This booking code is not right. Please check the digits.</source>
        <translation>Bu randevu kodu doğru değil. Lütfen rakamları kontrol edin.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. Please scan the QR code or ask at the information desk.</source>
        <translation>Çok fazla yanlış randevu kodu. Lütfen QR kodunu okutun veya danışmaya sorun.</translation>
    </message>
    <message>
        <source>Too many wrong booking codes. The QR code on your letter still works.</source>
        <translation>Çok fazla yanlış randevu kodu. Mektubunuzdaki QR kodu hâlâ geçerli.</translation>
    </message>
    <message>
        <source>Please try again in {n} min., or ask at the information desk.</source>
        <translation>Lütfen {n} dk. sonra tekrar deneyin veya danışmaya sorun.</translation>
    </message>
    <message>
        <source>Please try again in {n} s, or ask at the information desk.</source>
        <translation>Lütfen {n} sn. sonra tekrar deneyin veya danışmaya sorun.</translation>
    </message>
    <message>
        <source>Please try again, or ask at the information desk.</source>
        <translation>Lütfen tekrar deneyin veya danışmaya sorun.</translation>
    </message>
    <message>
        <source>Please ask at the information desk.</source>
        <translation>Lütfen danışmaya sorun.</translation>
    </message>
    <message>
        <source>You can take a walk-in ticket instead.</source>
        <translation>Bunun yerine sıra numarası alabilirsiniz.</translation>
    </message>
    <message>
        <source>Please come back then, or take a walk-in ticket now.</source>
        <translation>Lütfen o saatte tekrar gelin veya şimdi sıra numarası alın.</translation>
    </message>
    <message>
        <source>Please wait until your number is called.</source>
        <translation>Lütfen numaranız çağrılana kadar bekleyin.</translation>
    </message>
    <message>
        <source>Please choose another service.</source>
        <translation>Lütfen başka bir hizmet seçin.</translation>
    </message>
    <message>
        <source>Speech on. Keys 2 and 8 move, 5 selects, 0 is help, the dot repeats.</source>
        <translation>Sesli kullanım açık. 2 ve 8 tuşları gezinir, 5 seçer, 0 yardımdır, nokta tekrarlar.</translation>
    </message>
    <message>
        <source>Help. Keys 2 and 4 go back, 8 and 6 go forward, 5 selects. 0 is this help, the dot repeats. Plus and minus change the volume, star and slash the speed.</source>
        <translation>Yardım. 2 ve 4 tuşları geri, 8 ve 6 ileri gider, 5 seçer. 0 bu yardımdır, nokta tekrarlar. Artı ve eksi sesi, yıldız ve eğik çizgi hızı değiştirir.</translation>
    </message>
    <message>
        <source>{label}. Button {i} of {n}.</source>
        <translation>{label}. Düğme {i} / {n}.</translation>
    </message>
    <message>
        <source>{label}. Not available. {i} of {n}.</source>
        <translation>{label}. Kullanılamıyor. {i} / {n}.</translation>
    </message>
    <message>
        <source>No voice for this language is installed: speech continues in English.</source>
        <translation>Bu dil için ses yüklü değil: sesli kullanım İngilizce devam ediyor.</translation>
    </message>
    <message>
        <source>Volume {n}</source>
        <translation>Ses {n}</translation>
    </message>
    <message>
        <source>Speed {n}</source>
        <translation>Hız {n}</translation>
    </message>
    <message>
        <source>Your number is {number}, for {service}. {ahead} {wait} Please wait in the waiting area; your number will be called.</source>
        <translation>Numaranız {number}, {service} için. {ahead} {wait} Lütfen bekleme alanında bekleyin; numaranız çağrılacak.</translation>
    </message>
</context>
</TS>
