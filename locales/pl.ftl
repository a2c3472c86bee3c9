# Polski: katalog komunikatów usługi muni-id. Każdy plik locales/<tag>.ftl ma te same identyfikatory komunikatów.
# Dodanie języka to dodanie jednego pliku (zob. README, „Adding a language”).

language-name = Polski
language-dir = ltr

## Ramy każdej strony

app-name = Miejska karta identyfikacyjna
skip-to-content = Przejdź do treści głównej
nav-label = Menu główne
language-label = Język tych stron
nav-enroll = Zarejestruj mieszkańca
nav-find = Znajdź mieszkańca
nav-staff = Konta pracowników
nav-policy = Zasady i klucze
nav-audit = Raport przechowywania danych
nav-password = Zmień hasło
logout = Wyloguj się
footer-privacy = Ta usługa przechowuje o mieszkańcach tak mało danych i tak krótko, jak to możliwe. Dane mieszkańców wpisuj wyłącznie w te formularze.
back-home = Wróć do strony startowej
error-prefix = Błąd:
continue = Dalej
yes = Tak
no = Nie
choose = Wybierz…
optional = (opcjonalnie)
required = (wymagane)
save = Zapisz zmiany
cancel = Anuluj
you = Ty

## Daty i liczby zapisane tak, jak zapisuje się je po polsku
# Dzień: $year, $month (od 1 do 12) i $day to liczby, $monthName to jedna z nazw month-1 … month-12.
date-long = { $day } { $monthName } { $year } r.
# Nazwy miesięcy w postaci, jaką mają w dacie (dopełniacz).
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia
# Separator tysięcy: spacja nierozdzielająca (12 345).
number-group-separator = { "\u00A0" }

## Odmowy

csrf-title = Nie można przyjąć tego formularza
err-csrf = Formularz nie został wysłany z tego serwisu albo strona wygasła. Wróć, odśwież stronę i spróbuj ponownie.
forbidden-title = Brak dostępu
err-forbidden = Rola { $role } nie ma dostępu do tej strony.
not-found-title = Nie znaleziono
err-not_found = Nie ma takiego rekordu.
outage-title = Nic nie zostało zapisane
err-database_unavailable = W tej chwili nie ma połączenia z bazą danych, dlatego nic nie zostało zapisane. Odczekaj chwilę, wróć i spróbuj ponownie.
err-storage_full = Pamięć serwera jest pełna, dlatego nic nie zostało zapisane. Powiadom administratora; formularz będzie można wysłać ponownie, gdy zwolni się miejsce.
err-key_custody_unavailable = W tej chwili nie ma dostępu do kluczy chroniących dane mieszkańców, dlatego nic nie zostało odczytane ani zapisane. Odczekaj chwilę, wróć i spróbuj ponownie.
problem-title = Nie można tego zrobić
form-unreadable-title = Nie udało się odczytać formularza
err-form-unreadable = Nie udało się odczytać formularza albo był on zbyt duży. Wróć i spróbuj ponownie.
err-invalid-value = Jedna z wartości jest nieprawidłowa. Sprawdź formularz i spróbuj ponownie.

## Logowanie

login-title = Logowanie
logged-out = Wylogowano.
username = Nazwa użytkownika
password = Hasło
login-button = Zaloguj się
err-invalid_credentials = Nieprawidłowa nazwa użytkownika lub hasło.
err-too_many_attempts = Zbyt wiele nieudanych prób. Odczekaj { $unit ->
        [seconds] { $count ->
            [one] jedną sekundę
            [few] { $count } sekundy
            [many] { $count } sekund
           *[other] { $count } sekund
        }
       *[minutes] { $count ->
            [one] jedną minutę
            [few] { $count } minuty
            [many] { $count } minut
           *[other] { $count } minut
        }
    } i spróbuj ponownie.

## Hasło

password-title = Zmiana hasła
password-changed = Hasło zostało zmienione. Pozostałe sesje zostały zamknięte.
password-required = Do logowania użyto hasła jednorazowego. Zanim przejdziesz dalej, ustaw własne hasło.
label-current_password = Obecne hasło
label-new_password = Nowe hasło
label-confirm_password = Powtórz nowe hasło
password-rule = Co najmniej 12 znaków. Kilka niezwiązanych ze sobą słów to dobre hasło.
password-button = Zmień hasło
err-password-mismatch = Nowe hasła nie są takie same.
err-current-password-wrong = Obecne hasło jest nieprawidłowe.
err-weak_password = Nowe hasło nie spełnia wymagań: musi mieć co najmniej 12 znaków i różnić się od obecnego.

## Role

role-clerk = urzędnik
role-supervisor = kierownik
role-auditor = audytor
role-admin = administrator

## Rejestracja

enroll-title = Rejestracja mieszkańca
form-language-label = Pokaż ten formularz w języku
form-has-problems = { $count ->
    [one] Formularz zawiera jeden błąd
    [few] Formularz zawiera { $count } błędy
    [many] Formularz zawiera { $count } błędów
   *[other] Formularz zawiera { $count } błędów
}
duplicate-title = Ta osoba może być już zarejestrowana
duplicate-text = Mieszkaniec o tym samym imieniu i nazwisku oraz tej samej dacie urodzenia jest już zarejestrowany.
duplicate-open = Otwórz ten rekord
duplicate-or-confirm = Jeśli to inna osoba, zaznacz „To jest inna osoba” na końcu formularza i zarejestruj ją ponownie.
duplicate-confirm = To jest inna osoba: zarejestruj mimo to
enroll-documents = Okazane dokumenty
enroll-documents-hint = Zaznacz każdy rodzaj dokumentu okazany przez mieszkańca. Do wydania karty trzeba zebrać { $identity ->
    [one] { $identity } punkt
    [few] { $identity } punkty
    [many] { $identity } punktów
   *[other] { $identity } punktów
} tożsamości i { $residency ->
    [one] { $residency } punkt
    [few] { $residency } punkty
    [many] { $residency } punktów
   *[other] { $residency } punktów
} zamieszkania.
doc-points = { $identity } pkt tożsamości · { $residency } pkt zamieszkania
points-total = Suma punktów
points-identity = Punkty tożsamości
points-residency = Punkty zamieszkania
points-met = wymóg spełniony
points-missing = brakuje { $n } pkt
enroll-documents-privacy = Obejrzyj dokumenty i oddaj je. Zaznaczone rodzaje dokumentów służą wyłącznie do zsumowania punktów; nic więcej na ich temat nie jest wpisywane ani przechowywane.
enroll-details = Mieszkaniec
label-legal_name = Imię i nazwisko
hint-legal_name = Dokładnie tak, jak zapisuje je mieszkaniec, w dowolnym piśmie.
label-preferred_name = Używane imię
hint-preferred_name = Imię, którego mieszkaniec używa na co dzień, jeśli jest inne. Drukuje się je pod imieniem i nazwiskiem.
label-date_of_birth = Data urodzenia
hint-date_of_birth = Mieszkaniec musi mieć co najmniej { $age ->
    [one] { $age } rok
    [few] { $age } lata
    [many] { $age } lat
   *[other] { $age } lat
}.
label-gender = Oznaczenie płci
hint-gender = Oznaczenie wskazuje sam mieszkaniec: zapytaj o nie i zapisz to, co wybierze. X jest dla każdego, kto nie chce ani F, ani M. Przy wyborze „Brak” na karcie nie drukuje się żadnego oznaczenia.
gender-blank = Brak (puste)
gender-f = F
gender-m = M
gender-x = X
enroll-address = Adres na karcie
hint-address = Adres zamieszkania albo adres schroniska lub instytucji, do której przychodzi poczta mieszkańca. Drukuje się go na odwrocie karty, a następnie usuwa.
label-confidential = Karta poufna: bez adresu, nigdy niewysyłana pocztą, wręczana osobiście
hint-confidential = Dla mieszkańca, którego adres nie może być znany (np. osoby doznającej przemocy). Karta jest drukowana bez adresu i nigdy nie jest wysyłana pocztą: wręcza się ją tutaj albo mieszkaniec odbiera ją osobiście w wybranym przez siebie punkcie. Każdy zapisany adres zostaje usunięty.
address-none = Bez adresu
address-home = Adres zamieszkania
address-care-of = Adres schroniska lub instytucji
label-address_line1 = Ulica i numer
label-address_line2 = Numer mieszkania, piętro (opcjonalnie)
label-address_care_of = Schronisko lub instytucja
label-address_city = Miejscowość
label-address_postal_code = Kod pocztowy
enroll-extras = Dodatkowo na karcie
label-language_1 = Używany język
label-language_2 = Drugi używany język
language-none = Brak
label-card_language = Drugi język na karcie
hint-card_language = Napisy na karcie i prośba o zwrot znalezionej karty są drukowane w głównym języku karty ({ $language }). Na życzenie mieszkańca pod nimi można wydrukować ten sam tekst także w jednym z tych języków.
card-language-none = Brak, tylko { $language }
label-emergency_name = Kontakt w nagłych wypadkach: imię i nazwisko
label-emergency_phone = Kontakt w nagłych wypadkach: telefon
label-veteran = Weteran
label-organ_donor = Dawca narządów
enroll-photo = Zdjęcie
hint-photo = Twarzą do kamery, na jednolitym tle, bez nakrycia głowy, chyba że jest noszone ze względów religijnych. Użyj kamery albo wybierz plik JPEG lub PNG.
camera-denied = Przeglądarka nie zezwoliła na użycie kamery. Wybierz plik ze zdjęciem albo zezwól na użycie kamery i spróbuj ponownie.
camera-none = Nie udało się uruchomić żadnej kamery. Wybierz plik ze zdjęciem.
camera-ready = Kamera jest włączona. Zrób zdjęcie, gdy mieszkaniec będzie gotowy.
camera-taken = Zdjęcie zostało zrobione. W razie potrzeby zrób je ponownie.
camera-live = Obraz z kamery na żywo
camera-start = Włącz kamerę
camera-take = Zrób zdjęcie
camera-retake = Zrób zdjęcie ponownie
label-photo = Plik ze zdjęciem (JPEG lub PNG)
photo-kept = Wcześniej przesłane zdjęcie zostaje zachowane. Aby je zastąpić, wybierz lub zrób inne.
photo-preview-alt = Zdjęcie, które zostanie wydrukowane na karcie
photo-none-yet = Nie ma jeszcze zdjęcia
enroll-submit = Zarejestruj mieszkańca

## Rodzaje dokumentów

doc-passport = Paszport
doc-consular_id = Konsularny dokument tożsamości
doc-drivers_license = Prawo jazdy
doc-state_id = Stanowy dowód tożsamości
doc-birth_certificate = Akt urodzenia
doc-utility_bill = Rachunek za media
doc-lease = Umowa najmu
doc-bank_statement = Wyciąg z konta bankowego
doc-shelter_letter = Pismo ze schroniska lub instytucji

## Czego usługa nie przyjmuje (identyfikatory to stałe kody błędów API)

err-invalid_name = Imię i nazwisko musi zawierać co najmniej jedną literę, mieć najwyżej 150 znaków i mieścić się w jednym wierszu.
err-invalid_characters = Znak nr { $position } w polu „{ $field }” jest niewidoczny albo zmienia kierunek lub kształt otaczającego go tekstu, dlatego nie może występować w imieniu ani nazwisku (często pojawia się przy wklejaniu). Usuń go i wpisz tę część ponownie z klawiatury.
err-invalid_date = Wpisz prawidłową datę.
err-date_of_birth_in_future = Data urodzenia jest datą z przyszłości.
err-below_minimum_age = Aby otrzymać kartę, mieszkaniec musi mieć co najmniej { $age ->
    [one] { $age } rok
    [few] { $age } lata
    [many] { $age } lat
   *[other] { $age } lat
}.
err-invalid_gender = Wybierz F, M, X lub brak.
err-invalid_language = Wybierz język z listy.
err-too_many_languages = Na karcie mieszczą się najwyżej dwa języki.
err-invalid_phone = Numer telefonu ma od 3 do 20 cyfr; poza cyframi dozwolone są tylko znaki + - ( ) . i spacje.
err-invalid_address = Podaj albo adres zamieszkania z ulicą, albo adres schroniska lub instytucji – nie oba naraz – w wierszach o długości najwyżej 120 znaków.
err-photo_too_large = Zdjęcie jest za duże. Użyj mniejszego pliku.
err-unsupported_photo_format = Zdjęcie musi być plikiem JPEG lub PNG.
err-invalid_photo = Nie udało się odczytać zdjęcia. Zrób je ponownie albo wybierz inny plik.
err-photo_too_small = Zdjęcie jest za małe do wydruku. Zrób je ponownie z bliższej odległości albo wybierz większy plik.
err-photo-missing = Zrób zdjęcie albo wybierz plik ze zdjęciem.
err-insufficient_proof = Zaznaczone dokumenty dają { $identity } pkt tożsamości i { $residency } pkt zamieszkania; potrzeba odpowiednio { $need_identity } i { $need_residency } pkt.
err-insufficient_proof-none = Zaznacz rodzaje dokumentów, które okazał mieszkaniec.
err-unknown_document_kind = Jednego z rodzajów dokumentów nie ma na liście. Odśwież stronę i zaznacz dokumenty ponownie.
err-possible_duplicate = Mieszkaniec o tym samym imieniu i nazwisku oraz tej samej dacie urodzenia jest już zarejestrowany.
err-payload_too_large = Formularz jest za duży. Użyj mniejszego zdjęcia.
err-invalid_card_number = Numer karty ma 12 cyfr; sprawdź, czy żadna cyfra nie została błędnie wpisana.
err-card_not_active = Karta została już unieważniona albo wygasła.
err-resident_data_destroyed = Dane osobowe tego mieszkańca zostały zniszczone zgodnie z zasadami przechowywania danych.
err-unsupported_script = Czcionki karty nie pozwalają wiernie wydrukować tego imienia i nazwiska, dlatego karta nie została wydana. Poproś administratora o dodanie czcionki dla tego pisma.
err-unsupported_script-named = Znak { $position } w polu „{ $field }” należy do pisma, którego karta nie może tu wydrukować ({ $script }), więc nic nie zapisano. Poproś administratora o dodanie czcionki dla tego pisma.
err-invalid_username = Nazwa użytkownika ma od 2 do 64 znaków: a–z, 0–9, „.”, „_” i „-”.
err-username_taken = Konto o tej nazwie użytkownika już istnieje.
err-own_account = Nie możesz wyłączyć własnego konta ani odebrać sobie roli administratora.
err-revoke-reason = Wybierz powód unieważnienia karty.
err-does_not_fit = To pole jest zbyt długie, by zmieścić się na karcie nawet najmniejszą czcionką, dlatego karta nie została wydana. Skróć je (np. używane imię) i spróbuj ponownie.
err-changed_meanwhile = Ktoś inny zmienił ten rekord w trakcie edycji. Nic nie zostało zapisane: otwórz rekord ponownie i powtórz zmianę.
err-internal_error = Po naszej stronie wystąpił błąd i nic nie zostało zapisane. Spróbuj ponownie; jeśli błąd się powtórzy, powiadom administratora.
err-invalid_batch = Wybierz mniej kart do jednoczesnego wydruku.
err-invalid_field_type = Wartość została wysłana w nieprawidłowej postaci. Odśwież stronę i spróbuj ponownie.
err-invalid_format = Ten format nie jest dostępny. Wybierz format z listy.
err-invalid_query = Adres tej strony jest nieprawidłowy. Wróć i spróbuj ponownie.
err-invalid_value = Jedna z wartości jest nieprawidłowa. Sprawdź oznaczone pole.
err-malformed_body = Nie udało się odczytać formularza. Odśwież stronę i spróbuj ponownie.
err-malformed_json = Nie udało się odczytać żądania. Odśwież stronę i spróbuj ponownie.
err-method_not_allowed = Z tej strony nie można korzystać w ten sposób. Wróć i użyj przycisków na stronie.
err-missing_field = Wymagane pole jest puste. Wypełnij je i spróbuj ponownie.
err-not_authenticated = Sesja wygasła. Zaloguj się ponownie.
err-password_change_required = Zanim przejdziesz dalej, zmień hasło.
err-request_timeout = Formularz docierał zbyt długo i nie został zapisany. Sprawdź połączenie i wyślij go ponownie.
err-too_many_connections = Zbyt wiele jednoczesnych połączeń z tego komputera. Odczekaj chwilę i spróbuj ponownie.
err-too_many_requests = Zbyt wiele sprawdzeń z tego komputera. Odczekaj minutę i spróbuj ponownie.
err-unknown_field = Formularz zawierał pole, którego ta usługa nie zna. Odśwież stronę i spróbuj ponownie.
err-unsupported_media_type = Formularz został wysłany w sposób, którego ta usługa nie potrafi odczytać. Odśwież stronę i spróbuj ponownie.

## Wyszukiwanie mieszkańca

find-title = Znajdź mieszkańca
find-hint = Wpisz dokładnie imię i nazwisko oraz datę urodzenia. Wyszukiwane są tylko dokładne dopasowania; nie ma listy mieszkańców.
find-button = Szukaj
find-results = Wynik
find-several = { $count ->
    [one] Pasuje jeden rekord.
    [few] Pasują { $count } rekordy.
    [many] Pasuje { $count } rekordów.
   *[other] Pasuje { $count } rekordów.
} Otwórz każdy z nich, aby je rozróżnić.
find-open-record = Rekord { $n }
find-none = Żaden mieszkaniec nie ma takiego imienia i nazwiska oraz takiej daty urodzenia.
find-enroll-instead = Zarejestruj nowego mieszkańca

## Rekord mieszkańca

resident-title = Mieszkaniec
action-issue = Wydaj kartę
action-edit = Zmień imię i nazwisko lub adres
photo-of-resident = Zdjęcie mieszkańca
label-languages = Języki
label-emergency = Kontakt w nagłych wypadkach
label-address = Adres
address-none-kept = Nie jest przechowywany (usuwa się go po wydrukowaniu karty)
address-none-confidential = Brak: karta poufna nie zawiera adresu
label-proof = Dokumenty
proof-met = Wymogi dotyczące tożsamości i zamieszkania są spełnione
proof-not-met = Wymogi nie są spełnione
label-enrolled = Data rejestracji
label-retained-until = Dane przechowywane do
cards-title = Karty
card-number = Numer karty
card-status = Status
card-issued = Wydana
card-expires = Ważna do
card-reason = Powód
card-printed = Wydrukowana
card-actions = Czynności
status-active = Aktywna
status-revoked = Unieważniona
status-expired = Wygasła
reason-new = Nowa karta
reason-renewal = Odnowienie
reason-replacement_lost = Duplikat: karta zgubiona
reason-replacement_stolen = Duplikat: karta skradziona
reason-replacement_damaged = Duplikat: karta uszkodzona
reason-update = Zmiana danych
revoke-reason = Powód unieważnienia
revoke-lost = Zgubiona
revoke-stolen = Skradziona
revoke-damaged = Uszkodzona
revoke-issued_in_error = Wydana omyłkowo
revoke-button = Unieważnij kartę
no-cards = Nie wydano jeszcze żadnej karty.
done-revoked = Karta została unieważniona. Sprawdzenie karty daje teraz wynik „nieważna”.
done-updated = Dane zostały zmienione. Aby znalazły się na karcie, wydaj zaktualizowaną kartę.
nav-pickups = Odbiór kart
card-delivery = Przekazanie
mark-mailed = Oznacz jako wysłaną
mark-arrived = Dotarła tutaj
hand-over-checked = Porównano twarz osoby ze zdjęciem na karcie
hand-over-button = Wręcz kartę
label-confidential-short = Karta poufna
confidential-yes = Tak: bez adresu, nigdy niewysyłana pocztą, wręczana osobiście
stage-issued = Jeszcze niewydrukowana
stage-printed = Wydrukowana
stage-printed-mail = Wydrukowana, do wysłania pocztą
stage-printed-pickup = Wydrukowana, w drodze do punktu { $site }
stage-ready = Gotowa do odbioru w punkcie { $site }
stage-collect-by = Odbiór do
card-stage = Gdzie jest
move-pickup-label = Odbiór w innym punkcie
move-pickup-button = Przenieś
done-pickup-moved = Kartę należy teraz odebrać w innym punkcie; urzędnik w tamtym punkcie oznaczy, że dotarła.
stage-handed_over = Wręczona
stage-mailed = Wysłana pocztą
stage-uncollected = Nieodebrana w terminie: unieważniona
stage-ready-here = Gotowa do odbioru tutaj
stage-on-the-way = Wydrukowana, jeszcze nie dotarła
pickups-title = Karty do odbioru w tym punkcie
pickups-intro = { $ready ->
    [0] Żadna karta nie czeka tu na odbiór
    [one] Jedna karta czeka tu na odbiór
    [few] { $ready } karty czekają tu na odbiór
    [many] { $ready } kart czeka tu na odbiór
   *[other] { $ready } kart czeka tu na odbiór
} i { $coming ->
    [0] żadna nie jest w drodze.
    [one] jedna jest w drodze.
    [few] { $coming } są w drodze.
    [many] { $coming } jest w drodze.
   *[other] { $coming } jest w drodze.
}
pickups-hint = Znajdź kartę mieszkańca po jej numerze. Wręcz ją wyłącznie osobie, której twarz zgadza się ze zdjęciem na karcie. Karta nieodebrana w terminie zostaje unieważniona i należy ją zniszczyć w niszczarce.
pickups-caption = Karty do odbioru w punkcie { $site }
pickups-none = Żadna karta nie czeka tu na odbiór.
done-arrived = Karta została oznaczona jako gotowa do odbioru tutaj.
done-handed-over = Karta została wręczona.
done-mailed = Karta została oznaczona jako wysłana pocztą.

## Zmiana imienia i nazwiska lub adresu

edit-title = Zmiana imienia i nazwiska lub adresu
edit-hint = Nowe dane zostaną wydrukowane na następnej wydanej karcie.

## Sprawdzenie i druk

review-title = Sprawdź kartę
review-hint = Przed wydaniem sprawdź kartę razem z mieszkańcem: imię i nazwisko, datę urodzenia i wszystko, co jest na odwrocie.
review-warnings-title = Sprawdź przed wydaniem
warn-mixed_script = Słowo w polu „{ $field }” łączy litery z różnych alfabetów, np. jedną literę cyrylicy wśród liter łacińskich. Niektóre imiona i nazwiska zapisuje się w ten sposób; przed wydaniem karty porównaj pisownię z dokumentami.
steps-label = Postęp
step-enroll = Rejestracja
step-review = Sprawdzenie
step-print = Druk
issue-reason = Z jakiego powodu wydawana jest ta karta?
issue-revokes-previous = Aktywna karta mieszkańca, jeśli taka istnieje, zostanie unieważniona w chwili wydania tej karty.
issue-button = Wydaj kartę
open-record = Otwórz rekord mieszkańca
preview-front = Przód karty
preview-back = Tył karty
preview-note = Karta jest drukowana tak, jak na podglądzie. Kod QR jest podpisywany w chwili drukowania karty.
card-title = Karta
card-issued-title = Karta wydana
card-issued-text = Karta { $number }, ważna do { $expires }, została wydrukowana. Wręcz ją mieszkańcowi.
card-issued-text-mail = Karta { $number }, ważna do { $expires }, została wydrukowana. Wyślij ją pocztą do mieszkańca, a następnie oznacz w rekordzie mieszkańca, że została wysłana.
card-issued-text-ready = Karta { $number } została wydrukowana i do { $date } czeka tutaj, w punkcie { $site }, na osobisty odbiór przez mieszkańca.
card-issued-text-send = Karta { $number } została wydrukowana. Prześlij ją do punktu { $site }, gdzie urzędnik oznaczy, że dotarła, a mieszkaniec odbierze ją osobiście.
card-delivered-text = Karta { $number }, ważna do { $expires }, { $stage ->
    [mailed] została wysłana pocztą do mieszkańca.
   *[other] została wręczona mieszkańcowi.
}
card-ready-title = Gotowa do druku
card-ready-text = Karta { $number } została wydana. Wydrukuj ją na drukarce kart.
card-not-active-title = Ta karta nie jest aktywna
card-not-active-text = Status: { $status }. Nie można jej wydrukować.
print-button = Drukuj kartę
print-again = Drukuj ponownie
print-hint = Karta otworzy się jako plik PDF w nowej zakładce przeglądarki; wydrukuj ją stamtąd za pomocą okna drukowania przeglądarki, na drukarce kart, w rzeczywistym rozmiarze.
print-done = Karta została wydrukowana
enroll-next = Zarejestruj kolejnego mieszkańca

## Raport przechowywania danych

audit-title = Raport przechowywania danych
audit-as-of = Stan na dzień
audit-show = Pokaż
audit-intro = Stan na { $as_of }: dane, które przechowuje { $jurisdiction }, według rodzaju danych, w zestawieniu z zasadami przechowywania danych. Raport nie zawiera żadnych danych osobowych.
audit-overdue-none = Żadne dane nie są przechowywane dłużej, niż pozwalają zasady.
audit-overdue-some = { $count ->
    [one] Jeden rekord jest przechowywany dłużej, niż pozwalają zasady.
    [few] { $count } rekordy są przechowywane dłużej, niż pozwalają zasady.
    [many] { $count } rekordów jest przechowywanych dłużej, niż pozwalają zasady.
   *[other] { $count } rekordów jest przechowywanych dłużej, niż pozwalają zasady.
}
audit-chain-intact = Łańcuch dziennika audytu jest nienaruszony (liczba wpisów: { $entries }).
audit-chain-broken = Łańcuch dziennika audytu jest przerwany na wpisie nr { $first } (z { $entries }).
audit-chain-checked = Oczyszczanie danych o { $checked } UTC sprawdziło cały łańcuch; ten raport sprawdził wpisy dodane od tamtej chwili.
audit-downloads = Pliki do pobrania
download-json = Podpisany raport (JSON)
download-csv = Raport w formacie CSV
download-pdf = Raport do druku (PDF)
audit-signed = Każdy pobrany plik jest podpisany, więc jego kopię można później sprawdzić poleceniem „muni-id report verify”.
chart-title = Najstarszy rekord a limit określony w zasadach
chart-desc = Dla każdego rodzaju danych z limitem w dniach: wiek najstarszego przechowywanego rekordu (słupek) i limit określony w zasadach (linia). Słupek wychodzący poza linię oznacza dane przechowywane zbyt długo.
chart-legend-age = wiek najstarszego rekordu
chart-legend-limit = limit określony w zasadach
chart-legend-over = przechowywane dłużej, niż pozwalają zasady
chart-none-held = brak przechowywanych danych
chart-caption = { $age } z { $limit ->
    [one] { $limit } dnia
    [few] { $limit } dni
    [many] { $limit } dni
   *[other] { $limit } dni
}
class-card_face = Dane z karty (mieszkańcy z kartą)
class-unissued_residents = Zarejestrowani, którym nie wydano karty
class-print_only_address = Adres tylko do druku
class-audit_entries = Wpisy w dzienniku audytu
class-staff_sessions = Sesje pracowników
class-card_status = Status kart
audit-classes = Przechowywane dane
col-class = Rodzaj danych
col-policy = Zasada
col-held = Przechowywane
col-oldest = Najstarszy
col-overdue = Przeterminowane
col-destroyed = Zniszczone (30 dni)
audit-purges = Ostatnie przebiegi oczyszczania danych
col-started = Rozpoczęcie
col-trigger = Uruchomienie
col-outcome = Wynik
col-residents-destroyed = Zniszczone dane mieszkańców
col-addresses-destroyed = Zniszczone adresy
col-epochs-destroyed = Zniszczone epoki kluczy
audit-no-purges = Oczyszczanie danych nie zostało jeszcze ani razu uruchomione.
audit-keys = Klucze
audit-keys-summary = Epoki kluczy chroniące dane mieszkańców: { $live }; puste epoki przygotowane z wyprzedzeniem: { $empty }; epoki zniszczone: { $destroyed }.
col-epoch = Epoka
col-key-version = Wersja klucza
col-data-keys = Mieszkańcy
audit-reads = Odczyty danych osobowych (30 dni)
col-role = Rola
col-reads = Odczyty
audit-staff-changes = Konta pracowników utworzone, zresetowane lub zmienione (30 dni)
audit-no-staff-changes = Nie utworzono ani nie zmieniono żadnego konta pracownika.
col-when = Kiedy (UTC)
col-change = Zmiana
col-account = Konto
col-by = Wykonawca
staff-change-created = utworzenie konta
staff-change-password_reset = zresetowanie hasła
staff-change-factors_reset = zresetowanie składników logowania
staff-change-role_changed = zmiana roli
staff-change-disabled = wyłączenie konta
staff-change-enabled = ponowne włączenie konta
staff-change-by-cli = wiersz poleceń
staff-change-by-system = usługa, przy pierwszym uruchomieniu
audit-checks = Sprawdzenia kart
audit-verifications = Sprawdzenia kart w ciągu 30 dni: { $checks } (ważne: { $valid }, nieważne: { $not_valid }).

## Konta pracowników

staff-title = Konta pracowników
one-time-password = Hasło jednorazowe dla użytkownika { $username }:
one-time-password-hint = Przekaż je tej osobie osobiście. Jest wyświetlane tylko teraz; przy logowaniu osoba ta będzie musiała ustawić własne hasło.
staff-accounts = Konta
col-state = Stan
col-created = Utworzone
state-disabled = Wyłączone
state-active = Aktywne
state-must-change = musi ustawić hasło
role-for = Rola użytkownika { $username }
change-role = Zmień rolę
enable-account = Włącz konto { $username }
disable-account = Wyłącz konto { $username }
reset-password = Zresetuj hasło użytkownika { $username }
staff-add = Dodaj konto
username-rule = Od 2 do 64 znaków: a–z, 0–9, „.”, „_” i „-”.
label-initial-password = Hasło
initial-password-hint = Pozostaw puste, aby wygenerować hasło jednorazowe, które trzeba będzie zmienić przy pierwszym logowaniu.
staff-add-button = Dodaj konto
done-staff-added = Konto { $username } zostało dodane.
done-role-changed = Rola użytkownika { $username } została zmieniona; sesje tego konta zostały zamknięte.
done-disabled = Konto { $username } zostało wyłączone, a jego sesje zamknięte.
done-enabled = Konto { $username } zostało ponownie włączone.
done-reset = Hasło użytkownika { $username } zostało zresetowane; sesje tego konta zostały zamknięte.

## Zasady i klucze

policy-title = Zasady i klucze
policy-intro = Obowiązująca konfiguracja, tylko do odczytu. Zmienia się ją w pliku konfiguracyjnym, nie tutaj.
policy-documents = Dokumenty i punkty
policy-requirement = Do wydania karty trzeba zebrać { $identity } pkt tożsamości i { $residency } pkt zamieszkania.
col-document = Dokument
col-code = Kod
policy-rules = Reguły
policy-minimum-age = Minimalny wiek do otrzymania karty
policy-unissued = Dane osób zarejestrowanych, którym nie wydano karty, są przechowywane przez
policy-grace = Przechowywanie po zakończeniu ważności ostatniej karty
policy-address = Adres
policy-address-kept = przechowywany razem z danymi z karty
policy-address-destroyed = usuwany po wydrukowaniu karty
policy-audit = Wpisy w dzienniku audytu są przechowywane przez
policy-key-backups = Kopie zapasowe pęku kluczy są przechowywane najwyżej przez
policy-ceiling = Żadna zasada nie może przekraczać
policy-purge-interval = Odstęp między kolejnymi oczyszczaniami danych
policy-sessions = Sesje pracowników wygasają po
policy-sessions-value = { $idle } min bezczynności lub { $absolute } min od zalogowania
policy-throttle = Ograniczanie prób logowania
policy-throttle-value = Dozwolone nieudane próby na konto z jednego adresu: { $failures }; potem oczekiwanie { $first } s, podwajane aż do { $longest } min
days = { $n ->
    [one] { $n } dzień
    [few] { $n } dni
    [many] { $n } dni
   *[other] { $n } dni
}
minutes = { $n ->
    [one] { $n } minuta
    [few] { $n } minuty
    [many] { $n } minut
   *[other] { $n } minut
}
policy-keys = Wersje kluczy
policy-keys-summary = Aktywne epoki kluczy: { $live }; zniszczone epoki: { $destroyed }.
policy-epochs = Aktywne epoki i bieżąca wersja ich klucza
policy-destroyed = Zniszczone epoki
policy-signing = Klucze do podpisywania kart (opublikowane)
policy-signing-current = obecnie używany do podpisywania
policy-config = Obowiązująca konfiguracja
policy-config-show = Pokaż konfigurację (z ukrytymi danymi poufnymi)

# Zasady przechowywania opisane słowami, na stronie audytora ({ days } używa $n).
class-policy-card_face = do wygaśnięcia lub unieważnienia ostatniej karty, a potem jeszcze przez { days }
class-policy-unissued_residents = { days } od rejestracji
class-policy-print_only_address-kept = przechowywany razem z danymi z karty
class-policy-print_only_address-destroyed = usuwany po wydrukowaniu karty, na której się znajduje
class-policy-audit_entries = { days }
class-policy-staff_sessions = do { $idle } min bezczynności lub { $absolute } min od zalogowania
class-policy-card_status = przechowywany, dopóki kartę można okazać; indeks unieważnionej karty nigdy nie jest używany ponownie
audit-keys-statement = Każda kopia bazy danych (kopia zapasowa, archiwum WAL, skradziony dysk) staje się nieczytelna po { $w1 ->
    [one] { $w1 } miesiącu
   *[other] { $w1 } miesiącach
} od jej wykonania, a rekord staje się nieczytelny we wszystkich kopiach z końcem miesiąca, w którym upływa jego termin: klucze danych są szyfrowane z wyprzedzeniem najwyżej { $w ->
    [one] { $w } miesiąca
   *[other] { $w } miesięcy
}, a klucze miesięcy, które już minęły, są niszczone. Kopie pęku kluczy są przechowywane najwyżej przez { days }.

# Krótkie nazwy wierszy wykresu oraz sposób uruchomienia i wynik oczyszczania danych.
chart-label-card_face = Dane z karty
chart-label-unissued_residents = Bez wydanej karty
chart-label-audit_entries = Wpisy w dzienniku audytu
chart-label-staff_sessions = Sesje pracowników
purge-trigger-schedule = zgodnie z harmonogramem
purge-trigger-cli = z wiersza poleceń
purge-outcome-running = w toku
purge-outcome-completed = zakończone
purge-outcome-failed = nieudane

## Drugi składnik logowania

nav-account = Konto i logowanie
factor-title = Drugi etap logowania
factor-code = Kod
factor-code-hint = Sześciocyfrowy kod, który w tej chwili wyświetla aplikacja uwierzytelniająca, albo jeden z kodów odzyskiwania.
factor-button = Dalej
factor-start-again = Zacznij od nowa od nazwy użytkownika
account-title = Konto i logowanie
account-factors = Drugi składnik
factor-due = Do { $date } skonfiguruj drugi składnik logowania. Po tym dniu samo hasło nie wystarczy do zalogowania się.
factor-set-up-now = Skonfiguruj teraz
factor-required-here = W tej roli logowanie wymaga drugiego składnika.
factor-offered = Drugi składnik chroni konto nawet wtedy, gdy ktoś pozna hasło.
factor-none = Nie masz jeszcze drugiego składnika.
col-added = Dodano
col-last-used = Ostatnie użycie
factor-kind-totp = Aplikacja uwierzytelniająca
factor-kind-passkey = Klucz dostępu
password-to-confirm = Hasło (dla potwierdzenia)
factor-remove = Usuń
factor-removed = Składnik został usunięty.
totp-add = Skonfiguruj aplikację uwierzytelniającą
totp-title = Konfiguracja aplikacji uwierzytelniającej
totp-step-scan = W aplikacji uwierzytelniającej dodaj konto i zeskanuj ten kod.
totp-step-type = Jeśli nie możesz go zeskanować, wpisz ten klucz:
totp-step-confirm = Wpisz sześciocyfrowy kod, który teraz wyświetla aplikacja.
totp-code = Sześciocyfrowy kod
totp-confirm = Potwierdź
totp-added = Aplikacja uwierzytelniająca została skonfigurowana. Od teraz logujesz się hasłem i kodem z tej aplikacji.
totp-qr-label = Kod QR dla aplikacji uwierzytelniającej
recovery-title = Kody odzyskiwania
recovery-left = { $count ->
        [one] Masz jeden niewykorzystany kod odzyskiwania.
        [few] Masz { $count } niewykorzystane kody odzyskiwania.
        [many] Masz { $count } niewykorzystanych kodów odzyskiwania.
       *[other] Masz { $count } niewykorzystanych kodów odzyskiwania.
    }
recovery-new = Wygeneruj nowe kody odzyskiwania
recovery-shown-once = Zapisz lub wydrukuj te kody i przechowuj je w bezpiecznym miejscu. Są wyświetlane tylko teraz.
recovery-how = Jeśli zgubisz telefon, zaloguj się jednym z tych kodów zamiast kodu z aplikacji. Każdy kod działa tylko raz. Wygenerowanie nowych kodów unieważnia te.
err-totp-wrong-code = Ten kod nie pasuje do konfigurowanej aplikacji. Sprawdź godzinę w telefonie i wpisz kod, który aplikacja wyświetla teraz.
err-factor-gone = Tego składnika nie ma już na koncie. Zacznij od nowa.
err-factor-required = Ta rola wymaga drugiego składnika. Zanim usuniesz ten, skonfiguruj inny albo zwróć się do administratora.
err-second_factor_required = To konto loguje się z użyciem drugiego składnika.
err-invalid_second_factor = Kod jest nieprawidłowy albo został już użyty. Poczekaj na następny kod i spróbuj ponownie.
err-second_factor_enrolment_overdue = To konto wymagało drugiego składnika, a termin na jego skonfigurowanie minął. Poproś administratora o zresetowanie drugiego składnika.
state-second-factor = ma drugi składnik
state-no-second-factor = bez drugiego składnika
reset-factors = Zresetuj drugi składnik użytkownika { $username }
done-factors-reset = Drugi składnik użytkownika { $username } został usunięty, a sesje tego konta zamknięte. Przy następnym logowaniu będzie można skonfigurować nowy.
passkey-add = Dodaj klucz dostępu
passkey-why = Klucz dostępu to najbezpieczniejszy drugi składnik: telefon, komputer lub klucz bezpieczeństwa potwierdza Twoją tożsamość odciskiem palca, twarzą lub kodem PIN. Na serwerze nie jest przechowywane nic, co pozwoliłoby otworzyć konto.
passkey-label = Nazwa tego klucza dostępu
passkey-label-hint = Aby odróżniać klucze dostępu, np. „laptop służbowy” albo „niebieski klucz bezpieczeństwa”.
passkey-button = Dodaj klucz dostępu
passkey-added = Klucz dostępu został dodany.
passkey-needs-script = Dodanie klucza dostępu wymaga włączenia JavaScriptu w tej przeglądarce.
passkey-unavailable-here = Klucze dostępu wymagają, by usługa działała pod nazwą domeny (jej publiczny adres to adres IP). Użyj aplikacji uwierzytelniającej.
passkey-cancelled = Klucz dostępu nie został użyty: żądanie anulowano lub upłynął limit czasu. Spróbuj ponownie.
passkey-unsupported = Ta przeglądarka nie obsługuje kluczy dostępu. Użyj aplikacji uwierzytelniającej lub kodu odzyskiwania.
passkey-wrong-host = Klucze dostępu działają tylko pod własnym adresem tej usługi. Otwórz usługę pod tym adresem i spróbuj ponownie.
passkey-use = Użyj klucza dostępu
passkey-or-code = Albo wpisz kod:
totp-why = Aplikacja w telefonie, która co 30 sekund wyświetla nowy sześciocyfrowy kod.
err-passkeys-unavailable = Klucze dostępu wymagają, by usługa działała pod nazwą domeny. Użyj aplikacji uwierzytelniającej.
err-passkey-refused = Klucz dostępu nie został przyjęty. Spróbuj ponownie.

# Logowanie jednokrotne (miejski dostawca tożsamości)
sign-on-button = Zaloguj się przez { $name }
sign-on-or-password = Albo zaloguj się nazwą użytkownika i hasłem:
break-glass-summary = Awaryjne logowanie hasłem
break-glass-hint = Tylko dla jedynego awaryjnego konta administratora, gdy miejski system logowania nie działa.
signed-on-title = Zalogowano
signed-on-text = Logowanie się powiodło. Trwa otwieranie strony.
signed-on-continue = Dalej
err-local_passwords_off = Pracownicy logują się przez miejski system logowania (powyżej); logowanie hasłem jest tu wyłączone, z wyjątkiem awaryjnego konta administratora.
err-sign-on-unknown = Ten link logowania jest już nieważny: został już użyty, jest starszy niż dziesięć minut albo otwarto go w innej przeglądarce. Zacznij od nowa.
err-sign-on-ended = Logowanie zostało anulowane lub nie zostało dokończone. Zacznij od nowa.
err-sign-on-unreachable = Miejski system logowania jest w tej chwili niedostępny. Spróbuj ponownie za kilka minut albo zwróć się do pomocy technicznej.
err-sign-on-invalid = Odpowiedź miejskiego systemu logowania nie została przyjęta. Zacznij od nowa; jeśli sytuacja się powtórzy, powiadom pomoc techniczną.
err-sign-on-no-account = Logowanie w systemie miejskim się powiodło, ale nie masz tutaj konta pracownika. Poproś administratora o jego utworzenie.
err-sign-on-no-role = Logowanie w systemie miejskim się powiodło, ale żadna z Twoich grup nie daje dostępu do tej usługi. Poproś pomoc techniczną o dodanie do właściwej grupy.
err-sign-on-two-roles = Twoje grupy w systemie miejskim nadają tu dwie różne role. Poproś pomoc techniczną o pozostawienie Cię tylko w jednej z nich.
account-signed-on = Zalogowano przez { $name }. Tam zarządza się hasłem i drugim składnikiem.
err-sign-on-no-username = Miejski system logowania nie wskazał, które konto pracownika należy do Ciebie. Zwróć się do pomocy technicznej.
err-sign-on-break-glass = Awaryjne konto administratora loguje się wyłącznie hasłem, poniżej.
err-sign-on-email-unverified = Miejski system logowania nie zweryfikował Twojego adresu e-mail. Zwróć się do pomocy technicznej.
err-sign-on-no-second-factor = Zaloguj się w systemie miejskim z użyciem drugiego składnika (np. telefonu lub klucza bezpieczeństwa), a następnie spróbuj ponownie.
err-sign-on-other-person = W miejskim systemie logowania to konto pracownika jest powiązane z inną osobą. Poproś administratora o zresetowanie powiązania logowania dla tego konta.
err-password-managed-elsewhere = Hasłem i drugim składnikiem zarządza miejski system logowania, nie ta usługa.

# Wstępne sprawdzenie dokumentów dla mieszkańców (/check)
check-title = Jakie dokumenty są potrzebne do miejskiej karty identyfikacyjnej?
check-intro = Aby otrzymać kartę, okazujesz dokumenty potwierdzające, kim jesteś i że mieszkasz w mieście. Każdy dokument daje punkty: trzeba zebrać { $identity } { $identity ->
    [one] punkt
    [few] punkty
    [many] punktów
   *[other] punktów
} tożsamości i { $residency } { $residency ->
    [one] punkt
    [few] punkty
    [many] punktów
   *[other] punktów
} zamieszkania.
check-nothing-kept = Ta strona nie zapisuje żadnych informacji o Tobie: to, co zaznaczysz, nie jest przechowywane i nikt w urzędzie tego nie widzi.
check-documents = Dokumenty, które masz
check-hint = Zaznacz każdy rodzaj dokumentu, który możesz przynieść.
check-add-up = Policz moje punkty
check-list = Ile punktów daje każdy dokument
check-bring = Składając wniosek, przynieś oryginały zaznaczonych dokumentów. Urzędnik je obejrzy i odda; program nie przechowuje kopii ani numerów dokumentów.
check-print = Aby zabrać tę listę ze sobą, wydrukuj tę stronę.
check-footer = Ta strona należy do miejskiego programu kart identyfikacyjnych. Nie zapisuje żadnych informacji o Tobie.
reason-replacement_never_received = Duplikat: wysłana pocztą karta nie dotarła
err-outside_renewal_window = Odnowienie jest możliwe tylko w okresie od krótko przed wygaśnięciem ostatniej karty mieszkańca do około sześciu miesięcy później. Poza tym okresem wydaj nową kartę po ponownym sprawdzeniu dokumentów.

## Grupy wiekowe, opiekunowie, opłaty i zwolnienia z opłat
err-caretaker_required = Mieszkaniec w tym wieku składa wniosek z rodzicem, opiekunem prawnym lub innym opiekunem. Wybierz, kto towarzyszy mieszkańcowi.
err-caretaker_not_applicable = Mieszkaniec w tym wieku składa wniosek samodzielnie: pozostaw pole „Kto towarzyszy mieszkańcowi” puste.
err-caretaker_identity_unchecked = Sprawdź tożsamość opiekuna, a następnie zaznacz pole, które to potwierdza.
err-fee_required = Za tę kartę należy pobrać opłatę w wysokości { $amount } { $currency }. Przyjmij płatność i zaznacz „Zapłacono” albo zaznacz „Zwolnienie z opłaty” i wybierz kategorię zwolnienia. Karta nie została wydana.
err-unknown_waiver_category = Wybierz jedną z kategorii zwolnień z opłaty przewidzianych w programie.
label-caretaker = Kto towarzyszy mieszkańcowi
caretaker-minors-only = dotyczy małoletnich
caretaker-required-ages = Osoby w wieku od { $from } do { $to } { $to ->
    [one] roku
   *[other] lat
} składają wniosek z opiekunem.
caretaker-optional-ages = Osoby w wieku od { $from } do { $to } { $to ->
    [one] roku
   *[other] lat
} mogą złożyć wniosek samodzielnie lub z opiekunem.
caretaker-required-from = Osoby w wieku od { $from } { $from ->
    [one] roku
   *[other] lat
} składają wniosek z opiekunem.
caretaker-optional-from = Osoby w wieku od { $from } { $from ->
    [one] roku
   *[other] lat
} mogą złożyć wniosek samodzielnie lub z opiekunem.
hint-caretaker = Zapisz wyłącznie, kim opiekun jest dla mieszkańca. Nigdy nie zapisuj imienia i nazwiska opiekuna.
label-caretaker-relationship = Relacja z mieszkańcem
label-caretaker_identity_checked = Sprawdzono tożsamość opiekuna
caretaker-none = Nikt (wniosek samodzielny)
relationship-parent = Rodzic
relationship-legal_guardian = Opiekun prawny
relationship-other_caretaker = Inny opiekun
policy-bands = Grupy wiekowe i opłaty
policy-bands-intro = O grupie decyduje wiek w dniu złożenia wniosku lub wydania karty. Opłaty podano w { $currency }; płatność przyjmuje się poza tą usługą.
col-age-band = Grupa wiekowa
col-ages = Wiek
col-caretaker = Opiekun
col-validity = Ważność karty
col-fee = Opłata: { $class }
ages-from-to = od { $from } do { $to }
ages-from = od { $from } wzwyż
caretaker-rule-required = wymagany
caretaker-rule-optional = opcjonalny
caretaker-rule-none = wniosek samodzielny
years = { $n ->
    [one] { $n } rok
    [few] { $n } lata
    [many] { $n } lat
   *[other] { $n } lat
}
policy-fee-reasons = Rodzaj opłaty według powodu wydania
policy-waivers = Kategorie zwolnień z opłaty
band-child = Dziecko
band-youth = Młodzież
band-adult = Osoba dorosła
band-senior = Senior
fee-class-card = Karta
fee-class-replacement = Duplikat
fee-class-free = Bez opłaty
waiver-low_income = Osoba o niskich dochodach
waiver-homeless = Osoba w kryzysie bezdomności
waiver-survivor_of_violence = Osoba doznająca przemocy
waiver-veteran = Weteran
waiver-senior = Senior
waiver-youth = Młodzież
issue-fee = Opłata
issue-fee-hint = Najpierw przyjmij płatność w kasie. Następnie zaznacz „Zapłacono” albo zaznacz „Zwolnienie z opłaty” i wybierz kategorię. Jeśli opłata nie obowiązuje, nic nie trzeba robić.
delivery-legend = Jak karta trafi do mieszkańca
delivery-hint = Wręczona od razu, wysłana pocztą na zapisany adres albo odebrana później osobiście w punkcie.
delivery-hint-confidential = Ta karta jest poufna: nie zawiera adresu i nigdy nie jest wysyłana pocztą. Wręcz ją tutaj po wydrukowaniu albo mieszkaniec odbierze ją osobiście w wybranym przez siebie punkcie.
delivery-counter = Wręczona tutaj po wydrukowaniu
delivery-mail = Wysłana pocztą na zapisany adres
delivery-pickup = Odebrana później w punkcie
delivery-pickup-site = Punkt, w którym mieszkaniec odbierze kartę
delivery-pickup-site-none = Wybierz punkt
issue-fee-table = Opłaty dla tego mieszkańca ({ $band })
issue-fee-amount = Kwota ({ $currency })
fee-free = Bez opłaty
fee-paid = Zapłacono
fee-waived = Zwolnienie z opłaty
fee-waiver-category = Kategoria zwolnienia
fee-waiver-none = Brak
fee-no-evidence = Zapisz wyłącznie kategorię. Nie zapisuj ani nie kopiuj dokumentu okazanego na jej potwierdzenie.
err-no_card_to_replace = Mieszkaniec nie ma aktualnej karty, którą można zastąpić duplikatem (w przypadku karty, która nie dotarła: żadnej karty wydrukowanej do wysłania pocztą). Zamiast tego wydaj nową kartę.
err-no_address_to_mail = Mieszkaniec nie ma zapisanego adresu, na który można wysłać kartę. Dodaj adres albo wybierz odbiór karty w punkcie.
err-confidential_not_mailed = Karta poufna nigdy nie jest wysyłana pocztą: mieszkaniec odbiera ją osobiście, tutaj lub w wybranym przez siebie punkcie.
err-card_awaiting_mail = Karta tego mieszkańca czeka na wysłanie pocztą na jego adres. Najpierw ją unieważnij (powód: wydana omyłkowo), następnie oznacz kartę jako poufną i wydaj nową do wręczenia osobiście.
err-confidential_no_address = Karta poufna nie zawiera adresu: pozostaw adres pusty albo odznacz „Karta poufna”.
err-pickup_site_required = Wybierz czynny punkt, w którym mieszkaniec odbierze kartę.
err-not_picked_up_here = Tę kartę należy odebrać w innym punkcie.
err-holder_unchecked = Przed wręczeniem karty porównaj twarz osoby ze zdjęciem na karcie i zaznacz pole wyboru.
err-wrong_card_stage = Karta nie jest na etapie, którego wymaga ta czynność (jest jeszcze niewydrukowana, jeszcze nie dotarła do swojego punktu albo została już wręczona).
program-title = Statystyki dla rady miasta
program-hint = Wnioski, odmowy, karty, opłaty i zwolnienia z opłat oraz języki, liczone według miesięcy. Każda liczba mniejsza niż 11 jest pokazywana jako „<11”, a inne liczby są ukrywane tam, gdzie suma pozwoliłaby ją odtworzyć. Podpisane tak samo jak raport przechowywania danych.
program-from = Od (miesiąc)
program-to = Do (miesiąc)
program-by = Kolumny
program-by-month = Według miesięcy
program-by-site = Według punktów
program-by-site-month = Według punktów i miesięcy
program-by-none = Cały okres
program-format = Format
program-format-pdf = Raport do druku z wykresami (PDF)
program-format-csv = Otwarte dane (CSV)
program-format-json = Podpisane dane (JSON)
program-download = Pobierz raport

## Punkty
nav-sites = Punkty
err-site_closed = Ten punkt jest zamknięty, jeszcze nie działa albo minął jego ostatni dzień: nie można w nim niczego zapisać. Wybierz inny punkt.
err-site_code_taken = Punkt o tym kodzie już istnieje. Kody nigdy nie są używane ponownie: wybierz inny.
err-site_not_allowed = Nie pracujesz w tym punkcie. Poproś administratora o dodanie go do Twoich punktów.
err-site_required = Najpierw wybierz punkt, w którym pracujesz. Nic nie zostało zapisane.
err-site-choose = Wybierz punkt.
site-working-at = Punkt: { $site } (zmień)
site-choose-link = Wybierz swój punkt
sites-title = Punkty
sites-intro = Centra rejestracji, filie bibliotek i punkty mobilne. Każda rejestracja, wydanie karty i wydruk są zapisywane wraz z punktem, w którym ich dokonano; raport dla rady miasta podaje liczby według punktów.
sites-list = Wszystkie punkty
col-site = Punkt
col-site-kind = Rodzaj
col-site-dates = Okres działania
site-no-last-day = bez ostatniego dnia
site-change = Zmień punkt { $site }
label-site-name = Nazwa
label-site-code = Kod
label-site-opens-on = Pierwszy dzień
label-site-closes-on = Ostatni dzień
site-save = Zapisz
site-close = Zamknij punkt { $site }
sites-close-hint = Zamknięty punkt pozostaje zamknięty: nic więcej nie jest w nim zapisywane, a pracownicy, którzy w nim pracowali, wybierają inny punkt.
sites-none = Nie ma jeszcze żadnych punktów. Dopóki nie zostanie dodany pierwszy, nic nie jest przypisywane do punktu.
site-add = Dodaj punkt
site-code-rule = Od 2 do 32 znaków: małe litery, cyfry i łączniki. Kod pojawia się w raporcie dla rady miasta i nigdy nie jest używany ponownie.
site-closes-hint = Punkt mobilny musi mieć ostatni dzień. W przypadku punktu stałego pozostaw to pole puste.
site-add-button = Dodaj punkt
site-kind-centre = Centrum rejestracji
site-kind-library = Filia biblioteki
site-kind-popup = Punkt mobilny
site-state-upcoming = Jeszcze nieczynny
site-state-open = Czynny
site-state-ended = Zakończył działanie
site-state-closed = Zamknięty
done-site-added = Punkt { $site } został dodany.
done-site-changed = Punkt { $site } został zmieniony.
done-site-closed = Punkt { $site } został zamknięty. Nic więcej nie będzie w nim zapisywane.
site-choose-title = Gdzie dziś pracujesz?
site-choose-intro = Każda Twoja rejestracja, wydanie karty i wydruk zostaną zapisane wraz z tym punktem.
site-choose-legend = Twój punkt
site-until = do { $date }
site-choose-button = Pracuję tutaj
site-none-open = Żaden z Twoich punktów nie jest dziś czynny. Poproś administratora o dodanie Cię do czynnego punktu.
col-sites = Punkty
sites-any = Dowolny czynny punkt
sites-assign = Punkty użytkownika { $username }
sites-assign-hint = Nie zaznaczaj żadnego, aby konto mogło pracować w dowolnym czynnym punkcie.
sites-assign-button = Zapisz punkty
done-sites-assigned = Punkty użytkownika { $username } zostały zapisane.

## Blokady prawne
nav-holds = Blokady prawne
err-legal_hold_lifted = Ta blokada została już zdjęta. Jeśli nakaz zostanie przedłużony, nałóż nową blokadę.
holds-title = Blokady prawne
holds-intro = Blokada prawna (nakaz sądu dotyczący zachowania dokumentacji) nie pozwala, by oczyszczanie danych zniszczyło objęte nią rekordy, dopóki blokada nie zostanie zdjęta. Nałożenie i zdjęcie blokady są zapisywane w dzienniku audytu; raport przechowywania danych wymienia obowiązujące blokady, a rekordy objęte blokadą liczy oddzielnie od przeterminowanych.
holds-list = Blokady
holds-none = Nie nałożono żadnej blokady prawnej.
col-hold-reference = Sygnatura
col-hold-scope = Objęte rekordy
col-hold-placed = Nałożona
col-hold-lifted = Zdjęta
hold-scope-all = Wszystkie rekordy
hold-scope-enrolled_between = Zarejestrowani od { $from } do { $to }
hold-scope-site = Zarejestrowani w punkcie { $site }
hold-in-force = Obowiązuje
hold-by = przez { $username }
hold-lift = Zdejmij blokadę { $reference }
hold-place = Nałóż blokadę
label-hold-reference = Sygnatura nakazu
hold-reference-hint = Sygnatura akt sprawy lub numer postanowienia sądu. Nigdy imię i nazwisko osoby.
hold-scope-legend = Które rekordy obejmuje
hold-scope-choice-all = Wszystkie rekordy
hold-scope-choice-enrolled_between = Mieszkańcy zarejestrowani między dwiema datami
hold-scope-choice-site = Mieszkańcy zarejestrowani w danym punkcie
label-hold-from = Od (dla mieszkańców zarejestrowanych między dwiema datami)
label-hold-to = Do (dla mieszkańców zarejestrowanych między dwiema datami)
label-hold-site = Punkt (dla mieszkańców zarejestrowanych w danym punkcie)
hold-place-button = Nałóż blokadę
done-hold-placed = Blokada { $reference } została nałożona. Obejmuje obecnie { $count ->
        [one] jeden rekord
        [few] { $count } rekordy
        [many] { $count } rekordów
       *[other] { $count } rekordów
    }.
done-hold-lifted = Blokada { $reference } została zdjęta. Najbliższe oczyszczanie danych zniszczy to, czego termin upłynął i czego nie obejmuje żadna inna blokada.
sites-not-applicable = Nie pracuje w żadnym punkcie (ta rola nie obsługuje mieszkańców)
err-under_legal_hold = Ten rekord jest objęty blokadą prawną: jego danych nie można zmienić ani usunąć, dopóki blokada nie zostanie zdjęta. Nic nie zostało zmienione.
col-legal-hold = Objęte blokadą prawną
audit-holds = { $holds ->
        [one] Obowiązuje jedna blokada prawna
        [few] Obowiązują { $holds } blokady prawne
        [many] Obowiązuje { $holds } blokad prawnych
       *[other] Obowiązuje { $holds } blokad prawnych
    }: { $records ->
        [one] jeden rekord jest przechowywany
        [few] { $records } rekordy są przechowywane
        [many] { $records } rekordów jest przechowywanych
       *[other] { $records } rekordów jest przechowywanych
    } po upływie terminu, bez wliczania do przeterminowanych.
audit-holds-link = Zobacz blokady

## The printed card's own words, as the card prints them (capitals where the language has
## them). The card prints them in the city's card language and, when a resident asks, in a
## second language under them, so keep them short: a label has about 27 mm at 6 pt.
card-face-title = KARTA IDENTYFIKACYJNA
card-face-name = IMIĘ I NAZWISKO
card-face-preferred-name = UŻYWANE IMIĘ
card-face-date-of-birth = DATA URODZENIA
card-face-gender = PŁEĆ
card-face-issued = DATA WYDANIA
card-face-expires = DATA WAŻNOŚCI
card-face-card-number = NR KARTY
card-face-address = ADRES
card-face-languages = JĘZYKI
card-face-list-separator = {", "}
card-face-emergency-contact = KONTAKT AWARYJNY
card-face-veteran = WETERAN
card-face-organ-donor = DAWCA NARZĄDÓW
card-face-return-if-found = Znalezioną kartę prosimy oddać w urzędzie miasta lub wrzucić do skrzynki pocztowej.
# $address is the verifier page's address, "id.springfield.gov/v".
card-face-verify-hint = Sprawdź kartę: zeskanuj kod lub wejdź na { $address }
# A day on the card: short, and clear to a reader from any country ("7 Apr 1990").
# $month is one of the card-face-month messages below; $day and $year are digits.
card-face-date = { $day } { $month } { $year }
card-face-month-1 = sty
card-face-month-2 = lut
card-face-month-3 = mar
card-face-month-4 = kwi
card-face-month-5 = maj
card-face-month-6 = cze
card-face-month-7 = lip
card-face-month-8 = sie
card-face-month-9 = wrz
card-face-month-10 = paź
card-face-month-11 = lis
card-face-month-12 = gru

## Raporty jako pliki PDF do druku: raport przechowywania danych i statystyki dla rady miasta

# $date to dzień zapisany tak jak w date-long.
report-pdf-as-of = { $jurisdiction } – stan na { $date }
# $generated to czas UTC, np. „2026-12-07 14:05”; $from i $to to dni.
report-pdf-generated = Wygenerowano { $generated } UTC. Odczyty i przebiegi oczyszczania danych są liczone za okres od { $from } do { $to }. Raport nie zawiera żadnych danych osobowych.
report-held-counted = Przechowywane rekordy, najstarszy rekord każdego rodzaju i klucze danych w każdej epoce policzono podczas oczyszczania danych o { $counted } UTC; sesje personelu, wpisy dziennika audytu i rekordy przechowywane zbyt długo są liczone w chwili sporządzania raportu.
report-pdf-chain = Łańcuch dziennika audytu
report-pdf-sealed = Koniec łańcucha został ostatnio zapieczętowany podpisem przy wpisie nr { $entry }.
report-pdf-unsealed = Koniec łańcucha nie został jeszcze zapieczętowany.
report-pdf-no-epochs = Żadna epoka kluczy nie chroni danych mieszkańców.
# $epochs to lista miesięcy, np. „2026-01 (destroyed 2026-03-01), 2026-02 (…)”.
report-pdf-destroyed-epochs = Zniszczone epoki kluczy: { $epochs }
report-pdf-none = brak
report-pdf-started = Rozpoczęcie (UTC)
col-audit-removed = Usunięte wpisy w dzienniku audytu
report-pdf-holds-none = Nie obowiązuje żadna blokada prawna: dane każdego rodzaju są niszczone w terminie.
report-pdf-per-card = Sprawdzenia nie są zapisywane w odniesieniu do poszczególnych kart.
report-pdf-signature = Podpis
# $alg to „ES256”; $kid to identyfikator klucza podpisującego.
report-pdf-signed = Podpisano algorytmem { $alg } kluczem { $kid }; podpis obejmuje kanoniczny JSON tego raportu.
report-pdf-unsigned = Ten raport nie jest podpisany.
report-pdf-check = Podpisany JSON znajduje się w tym pliku, a kończy go podpis obejmujący bajty samego pliku. Sprawdź kopię poleceniem „muni-id report verify FILE”.
# W stopce każdej strony; $report to tytuł raportu.
report-pdf-page = { $report } – strona { $page } z { $pages }
# $from i $to to miesiące zapisane tak jak w program-pdf-month.
program-pdf-period = { $jurisdiction } – od { $from } do { $to }
# $columns to jeden z komunikatów program-by („Według miesięcy”).
program-pdf-columns = Kolumny: { $columns }
program-pdf-generated = Wygenerowano { $generated } UTC.
program-pdf-threshold = Liczby od 1 do { $below } są pokazywane jako „<{ $threshold }”. Liczba oznaczona jako „ukryta” nie jest podawana, aby z sum nie dało się odtworzyć żadnej małej liczby.
program-pdf-counts-only = Wyłącznie liczby: raport nie podaje imion i nazwisk ani numerów osób, kart czy pracowników.
program-pdf-nothing = W tym okresie niczego nie zliczono.
program-pdf-category = Kategoria
program-pdf-total = Ogółem
# Liczba ukryta w tabeli (zob. program-pdf-threshold).
program-pdf-withheld = ukryta
program-pdf-no-site = Bez zapisanego punktu
# Kolumna tabeli: $month to jeden z komunikatów card-face-month, $year to cyfry roku.
program-pdf-month = { $month } { $year }
# $category to jeden z komunikatów waiver („Osoba o niskich dochodach”).
program-pdf-waived = Zwolnienie z opłaty: { $category }
program-table-application = Przyjęte wnioski według grup wiekowych
program-table-denial = Odrzucone wnioski według powodów odmowy
program-table-card_issued = Wydane karty według powodów wydania
program-table-fee = Opłaty za karty: zapłacone lub objęte zwolnieniem, według kategorii zwolnienia
program-table-language = Języki, o które prosili mieszkańcy
program-denial-insufficient_proof = Niewystarczające potwierdzenie tożsamości lub zamieszkania
program-denial-below_minimum_age = Wiek poniżej minimalnego
program-denial-caretaker_required = Bez wymaganego opiekuna

# A language by its name, as the card's back and the council report write a resident's
# languages in this language (BCP 47 tag after "lang-"; a sign language is a language too).
# Written as a list item mid-sentence would write it (Spanish and French: lowercase).
lang-am = amharski
lang-ar = arabski
lang-ase = amerykański język migowy
lang-bn = bengalski
lang-bo = tybetański
lang-cmn = mandaryński
lang-de = niemiecki
lang-el = grecki
lang-en = angielski
lang-es = hiszpański
lang-fa = perski
lang-ff = fulani
lang-fil = filipiński
lang-fr = francuski
lang-gu = gudżarati
lang-he = hebrajski
lang-hi = hindi
lang-hmn = hmong
lang-ht = kreolski haitański
lang-hu = węgierski
lang-hy = ormiański
lang-it = włoski
lang-ja = japoński
lang-ka = gruziński
lang-km = khmerski
lang-ko = koreański
lang-ku = kurdyjski
lang-lo = laotański
lang-mam = mam
lang-mfs = meksykański język migowy
lang-ml = malajalam
lang-my = birmański
lang-ne = nepalski
lang-nl = niderlandzki
lang-pa = pendżabski
lang-pl = polski
lang-prs = dari
lang-ps = paszto
lang-pt = portugalski
lang-quc = kicze
lang-ro = rumuński
lang-ru = rosyjski
lang-si = syngaleski
lang-so = somalijski
lang-sq = albański
lang-sw = suahili
lang-ta = tamilski
lang-te = telugu
lang-th = tajski
lang-ti = tigrinia
lang-tl = tagalski
lang-tr = turecki
lang-uk = ukraiński
lang-ur = urdu
lang-uz = uzbecki
lang-vi = wietnamski
lang-wo = wolof
lang-yi = jidysz
lang-yo = joruba
lang-yue = kantoński
lang-zh = chiński
