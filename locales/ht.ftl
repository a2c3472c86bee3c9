# Kreyòl ayisyen: katalòg mesaj yo. Chak fichye locales/<tag>.ftl gen menm id mesaj yo ak en.ftl.

language-name = Kreyòl ayisyen
language-dir = ltr

## Ankadreman chak paj

app-name = Kat Idantifikasyon Minisipal
skip-to-content = Ale dirèkteman nan kontni prensipal la
nav-label = Meni prensipal
language-label = Lang paj sa yo
nav-enroll = Enskri yon rezidan
nav-find = Chèche yon rezidan
nav-staff = Kont anplwaye yo
nav-policy = Règleman ak kle
nav-audit = Rapò konsèvasyon
nav-password = Chanje modpas
logout = Dekonekte
footer-privacy = Sèvis sa a kenbe pi piti enfòmasyon posib sou rezidan yo, pou pi kout tan posib. Ekri enfòmasyon rezidan yo sèlman nan fòmilè sa yo.
back-home = Retounen nan paj akèy la
error-prefix = Erè:
continue = Kontinye
yes = Wi
no = Non
choose = Chwazi…
optional = (si ou vle)
required = (obligatwa)
save = Anrejistre chanjman yo
cancel = Anile
you = ou

## Dat ak nimewo, jan yo ekri an kreyòl
# Yon jou: $year, $month (1 a 12) ak $day se nimewo, $monthName se youn nan month-1 … month-12.
date-long = { $day } { $monthName } { $year }
# Non mwa yo jan yo ekri yo nan yon dat.
month-1 = janvye
month-2 = fevriye
month-3 = mas
month-4 = avril
month-5 = me
month-6 = jen
month-7 = jiyè
month-8 = out
month-9 = septanm
month-10 = oktòb
month-11 = novanm
month-12 = desanm
# Sa ki separe milye yo nan yon nimewo: 12,345.
number-group-separator = ,

## Refi

csrf-title = Nou pa ka aksepte fòmilè sa a
err-csrf = Fòmilè a pa t soti nan sèvis sa a, oswa paj la te ekspire. Tounen dèyè, rechaje paj la epi eseye ankò.
forbidden-title = Sa pa pèmèt
err-forbidden = Wòl ou ({ $role }) pa pèmèt ou louvri paj sa a.
not-found-title = Nou pa jwenn li
err-not_found = Dosye sa a pa egziste.
outage-title = Anyen pa t anrejistre
err-database_unavailable = Nou pa ka jwenn aksè nan baz done a kounye a, kidonk anyen pa t anrejistre. Tann yon ti moman, answit tounen dèyè epi eseye ankò.
err-storage_full = Espas estokaj sèvè a plen, kidonk anyen pa t anrejistre. Fè yon administratè konnen; ou ka voye fòmilè a ankò depi gen espas ki libere.
err-key_custody_unavailable = Nou pa ka jwenn aksè nan kle ki pwoteje done rezidan yo kounye a, kidonk anyen pa t li ni anrejistre. Tann yon ti moman, answit tounen dèyè epi eseye ankò.
problem-title = Sa pa ka fèt
form-unreadable-title = Nou pa t ka li fòmilè a
err-form-unreadable = Nou pa t ka li fòmilè a, oswa li te twò gwo. Tounen dèyè epi eseye ankò.
err-invalid-value = Youn nan valè yo pa valab. Verifye fòmilè a epi eseye ankò.

## Koneksyon

login-title = Konekte
logged-out = Ou dekonekte.
username = Non itilizatè
password = Modpas
login-button = Konekte
err-invalid_credentials = Non itilizatè a oswa modpas la pa bon.
err-too_many_attempts = Twòp tantativ ki echwe. Tann { $unit ->
        [seconds] { $count ->
            [1] yon segonn
           *[other] { $count } segonn
        }
       *[minutes] { $count ->
            [1] yon minit
           *[other] { $count } minit
        }
    }, answit eseye ankò.

## Modpas

password-title = Chanje modpas ou
password-changed = Modpas ou chanje. Lòt sesyon ou yo fèmen.
password-required = Ou te konekte ak yon modpas pou yon sèl fwa. Chwazi pwòp modpas ou anvan ou kontinye.
label-current_password = Modpas aktyèl
label-new_password = Nouvo modpas
label-confirm_password = Nouvo modpas la ankò
password-rule = Omwen 12 karaktè. Kèk mo ki pa gen rapò youn ak lòt fè yon bon modpas.
password-button = Chanje modpas
err-password-mismatch = De nouvo modpas yo pa menm.
err-current-password-wrong = Modpas aktyèl la pa bon.
err-weak_password = Nou pa ka aksepte nouvo modpas la: sèvi ak omwen 12 karaktè, epi li dwe diferan de modpas aktyèl la.

## Wòl

role-clerk = anplwaye gichè
role-supervisor = sipèvizè
role-auditor = oditè
role-admin = administratè

## Enskripsyon

enroll-title = Enskri yon rezidan
form-language-label = Montre fòmilè sa a an
form-has-problems = { $count ->
    [1] Fòmilè a gen yon pwoblèm
   *[other] Fòmilè a gen { $count } pwoblèm
}
duplicate-title = Moun sa a ka deja enskri
duplicate-text = Gen yon rezidan ki deja enskri ak menm non legal la ak menm dat nesans la.
duplicate-open = Louvri dosye sa a
duplicate-or-confirm = Si se yon lòt moun, make “Se yon lòt moun” nan fen fòmilè a, epi enskri l ankò.
duplicate-confirm = Se yon lòt moun: enskri l kanmenm
enroll-documents = Dokiman rezidan an montre
enroll-documents-hint = Make chak kalite dokiman rezidan an montre. Yon kat bezwen { $identity } pwen idantite ak { $residency } pwen rezidans.
doc-points = { $identity } idantite · { $residency } rezidans
points-total = Pwen jiskaprezan
points-identity = Pwen idantite
points-residency = Pwen rezidans
points-met = kondisyon an ranpli
points-missing = Manke { $n } ankò
enroll-documents-privacy = Gade dokiman yo epi remèt yo. Se sèlman kalite dokiman ou make yo ki sèvi, pou kalkile pwen yo; ou pa antre ni kenbe okenn lòt enfòmasyon sou yo.
enroll-details = Rezidan an
label-legal_name = Non legal
hint-legal_name = Egzakteman jan rezidan an ekri l, nan nenpòt sistèm ekriti.
label-preferred_name = Non li prefere
hint-preferred_name = Non rezidan an itilize, si li diferan. Li enprime anba non legal la.
label-date_of_birth = Dat nesans
hint-date_of_birth = Rezidan an dwe gen omwen { $age } an.
label-gender = Mak sèks
hint-gender = Se rezidan an ki deside: mande l epi anrejistre sa li chwazi. X se pou nenpòt moun ki pa vle ni F ni M. Si ou kite l vid, pa gen okenn mak ki enprime sou kat la.
gender-blank = Okenn (vid)
gender-f = F
gender-m = M
gender-x = X
enroll-address = Adrès ki sou kat la
hint-address = Yon adrès lakay, oswa yon liy “c/o” pou lèt ki rive nan yon abri oswa yon ajans. Li enprime sou do kat la, answit li efase.
label-confidential = Kat konfidansyèl: pa gen adrès sou li, li pa janm voye pa lapòs, yo remèt li an pèsòn
hint-confidential = Pou yon rezidan ki pa dwe fè moun konnen adrès li (pa egzanp, yon sivivan vyolans). Kat la enprime san adrès epi li pa janm voye pa lapòs: yo remèt li isit la, oswa rezidan an vin chèche l nan sit li chwazi a. Nenpòt adrès ki nan dosye a efase.
address-none = Pa gen adrès
address-home = Adrès lakay
address-care-of = Nan swen yon abri oswa yon ajans (c/o)
label-address_line1 = Nimewo ak non lari
label-address_line2 = Apatman, etaj (si genyen)
label-address_care_of = Abri oswa ajans
label-address_city = Vil
label-address_postal_code = Kòd postal
enroll-extras = Lòt enfòmasyon sou kat la
label-language_1 = Lang li pale
label-language_2 = Dezyèm lang li pale
language-none = Okenn
label-card_language = Dezyèm lang sou kat la
hint-card_language = Etikèt kat la ak tèks pou retounen l si yon moun jwenn li enprime an { $language }. Rezidan an ka mande pou yo enprime yo tou nan youn nan lang sa yo, anba yo.
card-language-none = Okenn: { $language } sèlman
label-emergency_name = Non moun pou kontakte an ka ijans
label-emergency_phone = Telefòn moun pou kontakte an ka ijans
label-veteran = Ansyen militè
label-organ_donor = Donatè ògàn
enroll-photo = Foto
hint-photo = Gade kamera a dirèk, sou yon fon inifòm, san chapo sof si se pou rezon relijye. Sèvi ak kamera a, oswa chwazi yon fichye JPEG oswa PNG.
camera-denied = Navigatè a pa t pèmèt itilize kamera a. Chwazi yon fichye foto pito, oswa pèmèt kamera a epi eseye ankò.
camera-none = Pa t gen okenn kamera ki ka limen. Chwazi yon fichye foto pito.
camera-ready = Kamera a limen. Pran foto a lè rezidan an pare.
camera-taken = Foto a pran. Pran l ankò si sa nesesè.
camera-live = Imaj kamera a an dirèk
camera-start = Limen kamera a
camera-take = Pran foto a
camera-retake = Pran foto a ankò
label-photo = Fichye foto (JPEG oswa PNG)
photo-kept = Nou kenbe foto ou te voye anvan an. Chwazi oswa pran yon lòt pou ranplase l.
photo-preview-alt = Foto ki pral enprime sou kat la
photo-none-yet = Poko gen foto
enroll-submit = Enskri rezidan an

## Kalite dokiman

doc-passport = Paspò
doc-consular_id = Kat idantite konsila
doc-drivers_license = Lisans pou kondui
doc-state_id = Kat idantite Eta
doc-birth_certificate = Sètifika nesans
doc-utility_bill = Bòdwo sèvis piblik (kouran, dlo, gaz)
doc-lease = Kontra lwaye
doc-bank_statement = Relve bank
doc-shelter_letter = Lèt yon abri oswa yon ajans

## Sa sèvis la refize (id yo se kòd erè estab API a)

err-invalid_name = Ekri yon non ki gen omwen yon lèt, pa plis pase 150 karaktè, sou yon sèl liy.
err-invalid_characters = Karaktè nimewo { $position } nan “{ $field }” envizib, oswa li chanje direksyon oswa fòm tèks ki bò kote l, kidonk yon non pa ka genyen l (li souvan vini lè yo kole yon non). Efase l epi tape pati non sa a ankò.
err-invalid_date = Antre yon dat ki egziste.
err-date_of_birth_in_future = Dat nesans la nan lavni.
err-below_minimum_age = Pou gen yon kat, rezidan an dwe gen omwen { $age } an.
err-invalid_gender = Chwazi F, M, X, oswa okenn.
err-invalid_language = Chwazi yon lang nan lis la.
err-too_many_languages = Se pa plis pase de lang ki ka antre sou kat la.
err-invalid_phone = Yon nimewo telefòn gen 3 a 20 chif; apa chif yo, li ka gen sèlman + - ( ) . ak espas.
err-invalid_address = Bay swa yon adrès lakay ak non lari a, swa yon liy c/o — pa toude — ak liy ki pa depase 120 karaktè.
err-photo_too_large = Foto a twò gwo. Sèvi ak yon fichye ki pi piti.
err-unsupported_photo_format = Foto a dwe yon fichye JPEG oswa PNG.
err-invalid_photo = Nou pa t ka li foto a. Pran l ankò oswa chwazi yon lòt fichye.
err-photo_too_small = Foto a twò piti pou enprime. Pran l ankò pi pre, oswa chwazi yon fichye ki pi gwo.
err-photo-missing = Pran yon foto oswa chwazi yon fichye foto.
err-insufficient_proof = Dokiman ou make yo bay { $identity } pwen idantite ak { $residency } pwen rezidans; fòk gen { $need_identity } ak { $need_residency }.
err-insufficient_proof-none = Make kalite dokiman rezidan an te montre yo.
err-unknown_document_kind = Youn nan kalite dokiman yo pa nan lis la. Rechaje paj la epi make yo ankò.
err-possible_duplicate = Gen yon rezidan ki deja enskri ak menm non legal la ak menm dat nesans la.
err-payload_too_large = Fòmilè a twò gwo. Sèvi ak yon foto ki pi piti.
err-invalid_card_number = Yon nimewo kat gen 12 chif; verifye si pa gen yon chif ki mal tape.
err-card_not_active = Kat la deja anile oswa li ekspire.
err-resident_data_destroyed = Done pèsonèl rezidan sa a te detwi dapre règleman konsèvasyon an.
err-unsupported_script = Font kat la pa ka enprime non sa a egzakteman, kidonk pa t gen okenn kat ki emèt. Mande yon administratè pou li ajoute yon font pou sistèm ekriti sa a.
err-unsupported_script-named = Karaktè { $position } nan “{ $field }” ekri nan yon alfabè kat la pa ka enprime isit la ({ $script }), kidonk yo pa t anrejistre anyen. Mande yon administratè ajoute yon font pou alfabè sa a.
err-invalid_username = Yon non itilizatè gen 2 a 64 karaktè: a–z, 0–9, “.”, “_” ak “-”.
err-username_taken = Gen yon kont ki deja egziste ak non itilizatè sa a.
err-own_account = Ou pa ka dezaktive pwòp kont ou, ni retire pwòp wòl administratè ou.
err-revoke-reason = Chwazi poukisa kat la anile.
err-does_not_fit = Chan sa a twò long pou antre sou kat la, menm ak pi piti karaktè yo, kidonk pa t gen okenn kat ki emèt. Fè l pi kout (non li prefere a, pa egzanp) epi eseye ankò.
err-changed_meanwhile = Yon lòt moun te chanje dosye sa a pandan ou t ap modifye l. Anyen pa t anrejistre: louvri l ankò epi refè chanjman ou an.
err-internal_error = Gen yon bagay ki pa mache bò kote nou, e anyen pa t anrejistre. Eseye ankò; si sa rive ankò, fè yon administratè konnen.
err-invalid_batch = Chwazi mwens kat pou enprime an menm tan.
err-invalid_field_type = Yon valè te voye nan move fòm. Rechaje paj la epi eseye ankò.
err-invalid_format = Fòma sa a pa disponib. Chwazi youn nan lis la.
err-invalid_query = Adrès paj sa a pa valab. Tounen dèyè epi eseye ankò.
err-invalid_value = Youn nan valè yo pa valab. Verifye chan ki make a.
err-malformed_body = Nou pa t ka li fòmilè a. Rechaje paj la epi eseye ankò.
err-malformed_json = Nou pa t ka li demann nan. Rechaje paj la epi eseye ankò.
err-method_not_allowed = Ou pa ka itilize paj sa a konsa. Tounen dèyè epi sèvi ak bouton ki sou paj la.
err-missing_field = Yon chan obligatwa vid. Ranpli l epi eseye ankò.
err-not_authenticated = Sesyon ou fini. Konekte ankò.
err-password_change_required = Chanje modpas ou anvan ou kontinye.
err-request_timeout = Fòmilè a pran twòp tan pou l rive, kidonk li pa t anrejistre. Verifye koneksyon an epi voye l ankò.
err-too_many_connections = Twòp koneksyon soti nan òdinatè sa a an menm tan. Tann yon ti moman epi eseye ankò.
err-too_many_requests = Twòp verifikasyon soti nan òdinatè sa a. Tann yon minit epi eseye ankò.
err-unknown_field = Fòmilè a voye yon chan sèvis sa a pa konnen. Rechaje paj la epi eseye ankò.
err-unsupported_media_type = Fòmilè a te voye yon fason sèvis sa a pa ka li. Rechaje paj la epi eseye ankò.

## Chèche yon rezidan

find-title = Chèche yon rezidan
find-hint = Antre non legal la ak dat nesans la egzakteman. Se sèlman yon rezilta egzak ki ka parèt; pa gen lis rezidan.
find-button = Chèche
find-results = Rezilta
find-several = { $count } dosye koresponn. Louvri chak dosye pou distenge yo.
find-open-record = Dosye { $n }
find-none = Pa gen okenn rezidan ki koresponn ak non legal sa a ak dat nesans sa a.
find-enroll-instead = Enskri yon nouvo rezidan

## Dosye yon rezidan

resident-title = Rezidan
action-issue = Emèt yon kat
action-edit = Chanje non oswa adrès
photo-of-resident = Foto rezidan an
label-languages = Lang
label-emergency = Moun pou kontakte an ka ijans
label-address = Adrès
address-none-kept = Nou pa kenbe okenn (li efase depi kat la enprime)
address-none-confidential = Okenn: yon kat konfidansyèl pa gen adrès
label-proof = Dokiman
proof-met = Kondisyon idantite ak rezidans yo ranpli
proof-not-met = Kondisyon yo pa ranpli
label-enrolled = Dat enskripsyon
label-retained-until = Done yo kenbe jiska
cards-title = Kat
card-number = Nimewo kat
card-status = Estati
card-issued = Dat emisyon
card-expires = Dat ekspirasyon
card-reason = Rezon
card-printed = Enprime
card-actions = Aksyon
status-active = Aktif
status-revoked = Anile
status-expired = Ekspire
reason-new = Nouvo kat
reason-renewal = Renouvèlman
reason-replacement_lost = Ranplasman: pèdi
reason-replacement_stolen = Ranplasman: vòlè
reason-replacement_damaged = Ranplasman: domaje
reason-update = Enfòmasyon mete ajou
revoke-reason = Rezon pou anile
revoke-lost = Pèdi
revoke-stolen = Vòlè
revoke-damaged = Domaje
revoke-issued_in_error = Emèt pa erè
revoke-button = Anile kat la
no-cards = Poko gen okenn kat ki emèt.
done-revoked = Kat la anile. Kounye a, lè yo verifye kat la, repons lan se “pa valab”.
done-updated = Enfòmasyon yo chanje. Emèt yon kat mete ajou pou yo ka enprime.
nav-pickups = Kat pou vin chèche
card-delivery = Livrezon
mark-mailed = Make l voye pa lapòs
mark-arrived = Li rive isit la
hand-over-checked = Mwen konpare figi moun nan ak foto ki sou kat la
hand-over-button = Remèt kat la
label-confidential-short = Kat konfidansyèl
confidential-yes = Wi: pa gen adrès, li pa janm voye pa lapòs, yo remèt li an pèsòn
stage-issued = Poko enprime
stage-printed = Enprime
stage-printed-mail = Enprime, pou voye pa lapòs
stage-printed-pickup = Enprime, sou wout pou { $site }
stage-ready = Pare pou vin chèche nan { $site }
stage-collect-by = Dat limit pou vin chèche l
card-stage = Ki kote li ye
move-pickup-label = Vin chèche l nan yon lòt sit
move-pickup-button = Deplase
done-pickup-moved = Kounye a, se nan lòt sit la pou yo vin chèche kat la; yon anplwaye gichè laba a ap make l rive.
stage-handed_over = Remèt
stage-mailed = Voye pa lapòs
stage-uncollected = Yo pa t vin chèche l alè: anile
stage-ready-here = Pare isit la
stage-on-the-way = Enprime, poko rive
pickups-title = Kat pou vin chèche isit la
pickups-intro = { $ready ->
    [0] Pa gen okenn kat ki pare isit la
    [1] Gen yon kat ki pare isit la
   *[other] Gen { $ready } kat ki pare isit la
} epi { $coming ->
    [0] pa gen okenn sou wout.
    [1] gen youn sou wout.
   *[other] gen { $coming } sou wout.
}
pickups-hint = Chèche kat rezidan an dapre nimewo li. Remèt li sèlman bay moun ki gen figi ki koresponn ak foto ki sou kat la. Yon kat yo pa vin chèche anvan dat limit li anile, epi fòk yo dechikte l.
pickups-caption = Kat pou vin chèche nan { $site }
pickups-none = Pa gen okenn kat k ap tann pou yo vin chèche l isit la.
done-arrived = Kat la make pare isit la.
done-handed-over = Kat la remèt.
done-mailed = Kat la make voye pa lapòs.

## Chanje non oswa adrès

edit-title = Chanje non oswa adrès
edit-hint = Nouvo enfòmasyon yo ap enprime sou pwochen kat ki emèt la.

## Revize epi enprime

review-title = Revize kat la
review-hint = Verifye kat la ansanm ak rezidan an anvan ou emèt li: non yo, dat nesans, ak tout sa ki sou do kat la.
review-warnings-title = Verifye anvan ou emèt kat la
warn-mixed_script = Yon mo nan “{ $field }” melanje lèt ki soti nan alfabè diferan, pa egzanp yon lèt siril nan mitan lèt laten. Gen non ki ekri konsa; konpare òtograf la ak dokiman yo anvan ou emèt kat la.
steps-label = Etap yo
step-enroll = Enskri
step-review = Revize
step-print = Enprime
issue-reason = Poukisa w ap emèt kat sa a?
issue-revokes-previous = Si rezidan an gen yon kat aktif, kat sa a ap anile lè nouvo kat la emèt.
issue-button = Emèt kat la
open-record = Louvri dosye rezidan an
preview-front = Devan kat la
preview-back = Do kat la
preview-note = Kat la enprime jan ou wè l la. Kòd QR la siyen lè kat la enprime.
card-title = Kat
card-issued-title = Kat la emèt
card-issued-text = Kat { $number } enprime epi li aktif jiska { $expires }. Remèt li bay rezidan an.
card-issued-text-mail = Kat { $number } enprime epi li aktif jiska { $expires }. Voye l bay rezidan an pa lapòs, answit make l voye pa lapòs nan dosye rezidan an.
card-issued-text-ready = Kat { $number } enprime epi l ap tann isit la, nan { $site }, pou rezidan an vin chèche l an pèsòn pa pita pase { $date }.
card-issued-text-send = Kat { $number } enprime. Voye l nan { $site }, kote yon anplwaye gichè ap make l rive, epi rezidan an ap vin chèche l an pèsòn.
card-delivered-text = Kat { $number } aktif jiska { $expires }. { $stage ->
    [mailed] Li te voye bay rezidan an pa lapòs.
   *[other] Li te remèt bay rezidan an.
}
card-ready-title = Pare pou enprime
card-ready-text = Kat { $number } emèt. Enprime l sou enprimant kat yo.
card-not-active-title = Kat sa a pa aktif
card-not-active-text = Estati: { $status }. Li pa ka enprime.
print-button = Enprime kat la
print-again = Enprime ankò
print-hint = Kat la louvri kòm yon PDF nan yon nouvo onglè; enprime l nan onglè sa a ak fenèt enpresyon navigatè a, sou enprimant kat yo, nan gwosè reyèl.
print-done = Kat la fin enprime
enroll-next = Enskri pwochen rezidan an

## Rapò konsèvasyon

audit-title = Rapò konsèvasyon
audit-as-of = Nan dat
audit-show = Montre
audit-intro = Sa { $jurisdiction } kenbe, dapre kalite done, konpare ak règleman konsèvasyon li, nan dat { $as_of }. Pa gen okenn done pèsonèl nan rapò sa a.
audit-overdue-none = Pa gen anyen ki kenbe pi lontan pase sa règleman an pèmèt.
audit-overdue-some = { $count } dosye kenbe pi lontan pase sa règleman an pèmèt.
audit-chain-intact = Chèn odit la entak ({ $entries } antre).
audit-chain-broken = Chèn odit la kase nan antre { $first } (sou { $entries }).
audit-chain-checked = Efasman { $checked } UTC a te verifye tout chèn nan; rapò sa a verifye antre ki te ajoute depi lè sa a.
audit-downloads = Telechajman
download-json = Rapò siyen (JSON)
download-csv = Rapò an CSV
download-pdf = Rapò pou enprime (PDF)
audit-signed = Chak telechajman siyen, konsa yo ka verifye yon kopi pita ak “muni-id report verify”.
chart-title = Dosye ki pi ansyen an konpare ak limit règleman an
chart-desc = Pou chak kalite done ki gen yon limit an jou: laj dosye ki pi ansyen an (ba) ak limit règleman an (liy). Yon ba ki depase liy li se done ki kenbe twò lontan.
chart-legend-age = laj dosye ki pi ansyen an
chart-legend-limit = limit règleman an
chart-legend-over = kenbe pi lontan pase règleman an
chart-none-held = pa kenbe okenn
chart-caption = { $age } sou { $limit ->
   *[other] { $limit } jou
}
class-card_face = Enfòmasyon sou kat la (rezidan ki gen yon kat)
class-unissued_residents = Enskri, men yo pa janm emèt yon kat pou yo
class-print_only_address = Adrès pou enpresyon sèlman
class-audit_entries = Antre nan jounal odit
class-staff_sessions = Sesyon anplwaye
class-card_status = Estati kat
audit-classes = Done ki kenbe
col-class = Kalite done
col-policy = Règleman
col-held = Kenbe
col-oldest = Pi ansyen
col-overdue = Depase dat
col-destroyed = Detwi (30 jou)
audit-purges = Dènye efasman yo
col-started = Kòmanse
col-trigger = Deklanche pa
col-outcome = Rezilta
col-residents-destroyed = Rezidan detwi
col-addresses-destroyed = Adrès detwi
col-epochs-destroyed = Epòk kle detwi
audit-no-purges = Poko gen okenn efasman ki fèt.
audit-keys = Kle
audit-keys-summary = { $live } epòk kle pwoteje done rezidan yo; { $empty } epòk vid pare davans; { $destroyed } detwi.
col-epoch = Epòk
col-key-version = Vèsyon kle
col-data-keys = Rezidan
audit-reads = Lekti done pèsonèl (30 jou)
col-role = Wòl
col-reads = Lekti
audit-staff-changes = Kont anplwaye ki kreye, reyinisyalize oswa chanje (30 jou)
audit-no-staff-changes = Pa gen okenn kont anplwaye ki kreye oswa chanje.
col-when = Ki lè (UTC)
col-change = Chanjman
col-account = Kont
col-by = Fèt pa
staff-change-created = kreye
staff-change-password_reset = modpas reyinisyalize
staff-change-factors_reset = faktè koneksyon reyinisyalize
staff-change-role_changed = wòl chanje
staff-change-disabled = dezaktive
staff-change-enabled = aktive ankò
staff-change-by-cli = liy kòmand lan
staff-change-by-system = sèvis la, lè li te demare premye fwa
audit-checks = Verifikasyon kat
audit-verifications = Verifikasyon kat nan 30 jou: { $checks } ({ $valid } valab, { $not_valid } pa valab).

## Kont anplwaye

staff-title = Kont anplwaye yo
one-time-password = Modpas pou yon sèl fwa pou { $username }:
one-time-password-hint = Ba li l an pèsòn. Li parèt sèlman kounye a; moun nan dwe chwazi pwòp modpas li lè li konekte.
staff-accounts = Kont yo
col-state = Eta
col-created = Kreye
state-disabled = Dezaktive
state-active = Aktif
state-must-change = dwe chwazi yon modpas
role-for = Wòl { $username }
change-role = Chanje wòl
enable-account = Aktive { $username }
disable-account = Dezaktive { $username }
reset-password = Reyinisyalize modpas { $username }
staff-add = Ajoute yon kont
username-rule = 2 a 64 karaktè: a–z, 0–9, “.”, “_” ak “-”.
label-initial-password = Modpas
initial-password-hint = Kite l vid pou sèvis la kreye yon modpas pou yon sèl fwa; moun nan dwe chanje l premye fwa li konekte.
staff-add-button = Ajoute kont lan
done-staff-added = Kont { $username } ajoute.
done-role-changed = Wòl { $username } chanje; sesyon li yo fèmen.
done-disabled = Kont { $username } dezaktive, epi sesyon li yo fèmen.
done-enabled = Kont { $username } aktive ankò.
done-reset = Modpas { $username } reyinisyalize; sesyon li yo fèmen.

## Règleman ak kle

policy-title = Règleman ak kle
policy-intro = Konfigirasyon k ap aplike kounye a, pou li sèlman. Se nan fichye konfigirasyon an yo chanje l, pa isit la.
policy-documents = Dokiman ak pwen
policy-requirement = Yon kat bezwen { $identity } pwen idantite ak { $residency } pwen rezidans.
col-document = Dokiman
col-code = Kòd
policy-rules = Règ yo
policy-minimum-age = Laj minimòm pou yon kat
policy-unissued = Enskri, men yo pa janm emèt yon kat pou yo: kenbe
policy-grace = Kenbe apre dènye kat la fini
policy-address = Adrès
policy-address-kept = kenbe ansanm ak enfòmasyon sou kat la
policy-address-destroyed = efase depi kat la enprime
policy-audit = Antre nan jounal odit: kenbe
policy-key-backups = Kopi sekirite seri kle yo: kenbe pou pi plis
policy-ceiling = Okenn règleman pa ka depase
policy-purge-interval = Efasman an fèt chak
policy-sessions = Sesyon anplwaye yo fini apre
policy-sessions-value = { $idle } minit san aktivite, oswa { $absolute } minit apre koneksyon
policy-throttle = Limit tantativ koneksyon
policy-throttle-value = { $failures } tantativ ki echwe pou yon kont, ki soti nan yon menm adrès, answit yon tan pou tann { $first } segonn ki double chak fwa jiska { $longest } minit
days = { $n ->
   *[other] { $n } jou
}
minutes = { $n ->
   *[other] { $n } minit
}
policy-keys = Vèsyon kle yo
policy-keys-summary = { $live } epòk kle aktif; { $destroyed } detwi.
policy-epochs = Epòk aktif yo ak vèsyon kle aktyèl yo
policy-destroyed = Epòk ki detwi
policy-signing = Kle pou siyen kat yo (pibliye)
policy-signing-current = k ap siyen kounye a
policy-config = Konfigirasyon k ap aplike
policy-config-show = Montre konfigirasyon an (sekrè yo kache)

# Règ konsèvasyon yo an mo, sou paj oditè a ({ days } sèvi ak $n).
class-policy-card_face = jiskaske dènye kat la ekspire oswa anile, answit { days } anplis
class-policy-unissued_residents = { days } apre enskripsyon
class-policy-print_only_address-kept = kenbe ansanm ak enfòmasyon sou kat la
class-policy-print_only_address-destroyed = efase depi yon kat ki genyen l enprime
class-policy-audit_entries = { days }
class-policy-staff_sessions = jiska { $idle } minit san aktivite oswa { $absolute } minit apre koneksyon
class-policy-card_status = kenbe pandan tout tan yon moun ka prezante kat la; yo pa janm reyitilize endèks yon kat ki anile
audit-keys-statement = Chak kopi baz done a (yon kopi sekirite, yon achiv WAL, yon disk yo vòlè) vin enposib pou li { $w1 } mwa apre yo te fè l, epi yon dosye vin enposib pou li nan tout kopi yo pa pita pase fen mwa li rive nan dat limit li: kle done yo anvlope pou pi plis { $w } mwa davans, epi kle mwa ki fini yo detwi. Kopi seri kle yo kenbe pou pi plis { days }.

# Non kout pou liy graf la, ak deklanchman ak rezilta efasman yo.
chart-label-card_face = Enfòmasyon sou kat la
chart-label-unissued_residents = Pa janm gen kat
chart-label-audit_entries = Antre nan jounal odit
chart-label-staff_sessions = Sesyon anplwaye
purge-trigger-schedule = dapre orè a
purge-trigger-cli = nan liy kòmand lan
purge-outcome-running = ap fèt
purge-outcome-completed = fini
purge-outcome-failed = echwe

## Dezyèm faktè

nav-account = Kont ak koneksyon
factor-title = Dezyèm etap koneksyon an
factor-code = Kòd
factor-code-hint = Kòd sis chif aplikasyon otantifikasyon ou montre kounye a, oswa youn nan kòd rekiperasyon ou yo.
factor-button = Kontinye
factor-start-again = Rekòmanse ak non itilizatè ou
account-title = Kont ak koneksyon
account-factors = Dezyèm faktè
factor-due = Konfigire yon dezyèm faktè pa pita pase { $date }. Apre jou sa a, modpas ou pou kont li p ap pèmèt ou konekte ankò.
factor-set-up-now = Konfigire l kounye a
factor-required-here = Avèk wòl ou a, ou oblije konekte ak yon dezyèm faktè.
factor-offered = Yon dezyèm faktè pwoteje kont ou menm si yon moun ta konnen modpas ou.
factor-none = Ou poko gen yon dezyèm faktè.
col-added = Ajoute
col-last-used = Dènye itilizasyon
factor-kind-totp = Aplikasyon otantifikasyon
factor-kind-passkey = Kle aksè
password-to-confirm = Modpas ou, pou konfime
factor-remove = Retire
factor-removed = Faktè a retire.
totp-add = Konfigire yon aplikasyon otantifikasyon
totp-title = Konfigire yon aplikasyon otantifikasyon
totp-step-scan = Nan aplikasyon otantifikasyon ou a, ajoute yon kont epi eskane kòd sa a.
totp-step-type = Si ou pa ka eskane l, tape kle sa a pito:
totp-step-confirm = Tape kòd sis chif aplikasyon an montre kounye a.
totp-code = Kòd sis chif
totp-confirm = Konfime
totp-added = Aplikasyon otantifikasyon an konfigire. Depi kounye a, ou konekte ak modpas ou ak yon kòd aplikasyon an ba ou.
totp-qr-label = Kòd QR pou aplikasyon otantifikasyon ou a
recovery-title = Kòd rekiperasyon
recovery-left = { $count ->
        [1] Ou gen yon kòd rekiperasyon ou poko itilize.
       *[other] Ou gen { $count } kòd rekiperasyon ou poko itilize.
    }
recovery-new = Kreye nouvo kòd rekiperasyon
recovery-shown-once = Ekri kòd sa yo oswa enprime yo, epi kenbe yo yon kote ki an sekirite. Yo parèt sèlman kounye a.
recovery-how = Si ou pèdi telefòn ou, konekte ak youn nan kòd sa yo olye de yon kòd aplikasyon an. Chak kòd mache yon sèl fwa. Si ou kreye nouvo kòd, kòd sa yo anile.
err-totp-wrong-code = Kòd sa a pa koresponn ak aplikasyon w ap konfigire a. Verifye lè ki sou telefòn ou, epi tape kòd li montre kounye a.
err-factor-gone = Faktè sa a pa sou kont ou ankò. Rekòmanse.
err-factor-required = Avèk wòl ou a, ou dwe toujou gen yon dezyèm faktè. Konfigire yon lòt anvan ou retire sa a, oswa mande yon administratè.
err-second_factor_required = Kont sa a konekte ak yon dezyèm faktè.
err-invalid_second_factor = Kòd sa a pa bon, oswa li te deja itilize. Tann pwochen kòd la epi eseye ankò.
err-second_factor_enrolment_overdue = Kont sa a te bezwen yon dezyèm faktè, epi tan pou konfigire l la fini. Mande yon administratè pou li reyinisyalize dezyèm faktè ou.
state-second-factor = gen yon dezyèm faktè
state-no-second-factor = pa gen dezyèm faktè
reset-factors = Reyinisyalize dezyèm faktè { $username }
done-factors-reset = Dezyèm faktè { $username } retire; sesyon li yo fèmen. Li ka konfigire yon nouvo pwochen fwa li konekte.
passkey-add = Ajoute yon kle aksè
passkey-why = Yon kle aksè se dezyèm faktè ki pi an sekirite a: telefòn ou, òdinatè ou oswa kle sekirite ou pwouve se ou menm, ak anprent dwèt ou, figi ou oswa PIN ou. Sèvè a pa kenbe anyen ki ta ka louvri kont ou.
passkey-label = Non kle aksè sa a
passkey-label-hint = Pou ou ka distenge kle aksè ou yo, pa egzanp “laptop travay” oswa “kle sekirite ble”.
passkey-button = Ajoute yon kle aksè
passkey-added = Kle aksè a ajoute.
passkey-needs-script = Pou ajoute yon kle aksè, fòk JavaScript aktive nan navigatè sa a.
passkey-unavailable-here = Kle aksè yo mache sèlman si sèvis la gen yon non domèn (adrès piblik li se yon adrès IP). Sèvi ak yon aplikasyon otantifikasyon pito.
passkey-cancelled = Kle aksè a pa t itilize: demann lan te anile oswa li te pran twòp tan. Eseye ankò.
passkey-unsupported = Navigatè sa a pa ka itilize kle aksè. Sèvi ak yon aplikasyon otantifikasyon oswa yon kòd rekiperasyon.
passkey-wrong-host = Kle aksè yo mache sèlman nan adrès pwòp sèvis sa a. Louvri l nan adrès sa a epi eseye ankò.
passkey-use = Sèvi ak kle aksè ou
passkey-or-code = Oswa tape yon kòd:
totp-why = Yon aplikasyon sou telefòn ou ki montre yon nouvo kòd sis chif chak 30 segonn.
err-passkeys-unavailable = Kle aksè yo mache sèlman si sèvis la gen yon non domèn. Sèvi ak yon aplikasyon otantifikasyon pito.
err-passkey-refused = Kle aksè a pa t aksepte. Eseye ankò.

# Koneksyon inik (sistèm koneksyon vil la)
sign-on-button = Konekte ak { $name }
sign-on-or-password = Oswa konekte ak non itilizatè ou ak modpas ou:
break-glass-summary = Koneksyon ijans ak yon modpas
break-glass-hint = Sèlman pou kont administratè ijans lan, lè sistèm koneksyon vil la pa mache.
signed-on-title = Ou konekte
signed-on-text = Ou konekte. Paj ou ap louvri kounye a.
signed-on-continue = Kontinye
err-local_passwords_off = Anplwaye yo konekte ak sistèm koneksyon vil la ki anwo a; modpas yo dezaktive isit la, sof pou kont administratè ijans lan.
err-sign-on-unknown = Lyen koneksyon sa a pa valab ankò: li te deja itilize, li gen plis pase dis minit, oswa li te louvri nan yon lòt navigatè. Rekòmanse.
err-sign-on-ended = Koneksyon an te anile oswa li pa t fini. Rekòmanse.
err-sign-on-unreachable = Nou pa ka jwenn aksè nan sistèm koneksyon vil la kounye a. Eseye ankò nan kèk minit, oswa mande sèvis asistans lan.
err-sign-on-invalid = Repons sistèm koneksyon vil la pa t aksepte. Rekòmanse; si sa rive ankò, fè sèvis asistans lan konnen.
err-sign-on-no-account = Ou konekte nan sistèm vil la, men pa gen kont anplwaye pou ou isit la. Mande yon administratè pou li kreye youn.
err-sign-on-no-role = Ou konekte nan sistèm vil la, men okenn nan gwoup ou yo pa ba ou aksè nan sèvis sa a. Mande sèvis asistans lan pou yo mete ou nan bon gwoup la.
err-sign-on-two-roles = Gwoup ou yo nan sistèm vil la ba ou de wòl diferan isit la. Mande sèvis asistans lan pou yo kenbe ou nan yon sèl ladan yo.
account-signed-on = Ou konekte ak { $name }. Se la yo jere modpas ou ak dezyèm faktè ou.
err-sign-on-no-username = Sistèm koneksyon vil la pa t di ki kont anplwaye ki pou ou. Mande sèvis asistans lan.
err-sign-on-break-glass = Kont administratè ijans lan konekte sèlman ak modpas li, anba a.
err-sign-on-email-unverified = Sistèm koneksyon vil la poko verifye adrès imèl ou. Mande sèvis asistans lan.
err-sign-on-no-second-factor = Konekte nan sistèm vil la ak dezyèm faktè ou (pa egzanp telefòn ou oswa kle sekirite ou), answit eseye ankò.
err-sign-on-other-person = Nan sistèm koneksyon vil la, kont anplwaye sa a se pou yon lòt moun. Mande yon administratè pou li reyinisyalize koneksyon kont sa a.
err-password-managed-elsewhere = Se sistèm koneksyon vil la ki jere modpas ou ak dezyèm faktè ou, pa isit la.

# Verifikasyon dokiman davans pou rezidan yo (/check)
check-title = Ki dokiman mwen bezwen pou yon kat idantifikasyon minisipal?
check-intro = Pou w jwenn yon kat, ou montre dokiman ki pwouve kiyès ou ye ak dokiman ki pwouve ou rete nan vil la. Chak dokiman vo yon kantite pwen: ou bezwen { $identity } pwen idantite ak { $residency } pwen rezidans.
check-nothing-kept = Paj sa a pa anrejistre anyen sou ou: sa ou make pa sere okenn kote, e pesonn nan vil la pa wè l.
check-documents = Dokiman ou genyen
check-hint = Make chak kalite dokiman ou ka pote.
check-add-up = Kalkile pwen mwen yo
check-list = Konbyen pwen chak dokiman vo
check-bring = Lè w ap fè demann lan, pote orijinal dokiman ou make yo. Yon anplwaye gichè ap gade yo epi remèt ou yo; pwogram nan pa kenbe okenn kopi ni okenn nimewo dokiman.
check-print = Pou pote lis sa a avè ou, enprime paj sa a.
check-footer = Paj sa a soti nan pwogram kat idantifikasyon minisipal vil la. Li pa kenbe anyen sou ou.
reason-replacement_never_received = Ranplasman: kat yo te voye pa lapòs la pa janm rive
err-outside_renewal_window = Yon renouvèlman posib sèlman depi yon ti tan anvan dènye kat rezidan an ekspire, jiska apeprè sis mwa apre. Andeyò peryòd sa a, emèt yon nouvo kat apre ou fin verifye dokiman yo ankò.

## Tranch laj, responsab, frè ak egzanpsyon
err-caretaker_required = Yon rezidan ki gen laj sa a fè demann lan ak yon paran, yon gadyen legal oswa yon lòt responsab. Chwazi kiyès ki vini avè l.
err-caretaker_not_applicable = Yon rezidan ki gen laj sa a fè demann lan pou kont li: kite “Kiyès ki vini ak rezidan an” vid.
err-caretaker_identity_unchecked = Verifye idantite responsab la, answit make bwat ki di ou fè sa.
err-fee_required = Kat sa a gen yon frè { $amount } { $currency } pou peye. Resevwa peman an, answit make l peye, oswa make l egzante ak yon kategori. Pa t gen okenn kat ki emèt.
err-unknown_waiver_category = Chwazi youn nan kategori egzanpsyon pwogram nan.
label-caretaker = Kiyès ki vini ak rezidan an
caretaker-minors-only = pou minè
caretaker-required-ages = Moun ki gen { $from } a { $to } an fè demann lan ak yon responsab.
caretaker-optional-ages = Moun ki gen { $from } a { $to } an ka fè demann lan pou kont yo oswa ak yon responsab.
caretaker-required-from = Apati { $from } an, rezidan yo fè demann lan ak yon responsab.
caretaker-optional-from = Apati { $from } an, rezidan yo ka fè demann lan pou kont yo oswa ak yon responsab.
hint-caretaker = Anrejistre sèlman ki relasyon responsab la genyen ak rezidan an. Pa janm ekri non responsab la.
label-caretaker-relationship = Relasyon
label-caretaker_identity_checked = Mwen verifye idantite responsab la
caretaker-none = Pesonn (fè demann lan pou kont li)
relationship-parent = Paran
relationship-legal_guardian = Gadyen legal
relationship-other_caretaker = Lòt responsab
policy-bands = Tranch laj ak frè
policy-bands-intro = Se laj moun nan jou demann lan oswa jou emisyon an ki deside tranch laj li. Frè yo an { $currency }; peman an fèt andeyò sèvis sa a.
col-age-band = Tranch laj
col-ages = Laj
col-caretaker = Responsab
col-validity = Kat la valab pou
col-fee = Frè: { $class }
ages-from-to = { $from } a { $to }
ages-from = { $from } an oswa plis
caretaker-rule-required = obligatwa
caretaker-rule-optional = si li vle
caretaker-rule-none = fè demann lan pou kont li
years = { $n ->
   *[other] { $n } an
}
policy-fee-reasons = Klas frè dapre rezon
policy-waivers = Kategori egzanpsyon
band-child = Timoun
band-youth = Jèn
band-adult = Adilt
band-senior = Moun aje
fee-class-card = Kat
fee-class-replacement = Ranplasman
fee-class-free = San frè
waiver-low_income = Ti revni
waiver-homeless = Moun ki pa gen lojman
waiver-survivor_of_violence = Sivivan vyolans
waiver-veteran = Ansyen militè
waiver-senior = Moun aje
waiver-youth = Jèn
issue-fee = Frè
issue-fee-hint = Resevwa peman an nan kès la dabò. Answit make l peye, oswa make l egzante epi chwazi kategori a. Pa gen anyen pou fè lè pa gen frè.
delivery-legend = Kijan kat la rive jwenn rezidan an
delivery-hint = Remèt kounye a, voye pa lapòs nan adrès ki nan dosye a, oswa rezidan an vin chèche l pita an pèsòn nan yon sit.
delivery-hint-confidential = Kat sa a konfidansyèl: li pa gen adrès epi li pa janm voye pa lapòs. Remèt li isit la lè li enprime, oswa rezidan an vin chèche l an pèsòn nan sit li chwazi a.
delivery-counter = Remèt isit la lè li enprime
delivery-mail = Voye pa lapòs nan adrès ki nan dosye a
delivery-pickup = Rezidan an vin chèche l pita nan yon sit
delivery-pickup-site = Sit kote rezidan an ap vin chèche l
delivery-pickup-site-none = Chwazi yon sit
issue-fee-table = Frè pou rezidan sa a ({ $band })
issue-fee-amount = Montan ({ $currency })
fee-free = San frè
fee-paid = Peye
fee-waived = Egzante
fee-waiver-category = Kategori egzanpsyon
fee-waiver-none = Okenn
fee-no-evidence = Anrejistre sèlman kategori a. Pa ekri ni kopye prèv rezidan an montre pou sa.
err-no_card_to_replace = Rezidan an pa gen yon kat aktyèl pou ranplase (pou yon kat ki pa janm rive: pa gen okenn ki te enprime pou voye pa lapòs). Emèt yon nouvo kat pito.
err-no_address_to_mail = Rezidan an pa gen adrès nan dosye a pou voye kat la pa lapòs. Ajoute adrès la, oswa fè rezidan an vin chèche kat la nan yon sit.
err-confidential_not_mailed = Yon kat konfidansyèl pa janm voye pa lapòs: rezidan an vin chèche l an pèsòn, isit la oswa nan sit li chwazi a.
err-card_awaiting_mail = Gen yon kat rezidan sa a k ap tann pou yo voye l pa lapòs nan adrès li. Anile l dabò (emèt pa erè), answit fè kat la konfidansyèl epi emèt youn pou remèt an pèsòn.
err-confidential_no_address = Yon kat konfidansyèl pa gen adrès: kite adrès la vid, oswa retire mak nan “Kat konfidansyèl”.
err-pickup_site_required = Chwazi sit ki louvri kote rezidan an ap vin chèche kat la.
err-not_picked_up_here = Se nan yon lòt sit pou yo vin chèche kat sa a.
err-holder_unchecked = Konpare figi moun nan ak foto ki sou kat la, epi make bwat la, anvan ou remèt kat la.
err-wrong_card_stage = Kat la pa nan etap ki nesesè pou sa (li poko enprime, li poko rive nan sit li, oswa li deja remèt).
program-title = Statistik pou konsèy minisipal la
program-hint = Demann, refi, kat, frè ak egzanpsyon, ak lang, konte pa mwa. Nenpòt chif ki pi piti pase 11 parèt kòm “<11”, epi lòt chif kache lè yon total ta ka fè moun dedui l. Siyen menm jan ak rapò konsèvasyon an.
program-from = Soti (mwa)
program-to = Rive (mwa)
program-by = Kolòn
program-by-month = Pa mwa
program-by-site = Pa sit
program-by-site-month = Pa sit ak pa mwa
program-by-none = Tout peryòd la
program-format = Fòma
program-format-pdf = Rapò pou enprime ak graf (PDF)
program-format-csv = Done ouvè (CSV)
program-format-json = Done siyen (JSON)
program-download = Telechaje rapò a

## Sit
nav-sites = Sit yo
err-site_closed = Sit sa a fèmen, li poko louvri, oswa dènye jou li pase deja: ou pa ka anrejistre anyen la. Chwazi yon lòt sit.
err-site_code_taken = Gen yon sit ki deja gen kòd sa a. Yo pa janm reyitilize yon kòd: chwazi yon lòt.
err-site_not_allowed = Ou pa travay nan sit sa a. Mande yon administratè pou li ajoute l nan sit ou yo.
err-site_required = Chwazi sit kote w ap travay la dabò. Anyen pa t anrejistre.
err-site-choose = Chwazi yon sit.
site-working-at = Sit: { $site } (chanje)
site-choose-link = Chwazi sit ou
sites-title = Sit yo
sites-intro = Sant enskripsyon, branch bibliyotèk ak evènman tanporè. Chak enskripsyon, emisyon kat ak enpresyon anrejistre sit kote li fèt; rapò pou konsèy minisipal la konte pa sit.
sites-list = Tout sit yo
col-site = Sit
col-site-kind = Kalite
col-site-dates = Dat ouvèti
site-no-last-day = pa gen dènye jou
site-change = Chanje { $site }
label-site-name = Non
label-site-code = Kòd
label-site-opens-on = Premye jou
label-site-closes-on = Dènye jou
site-save = Anrejistre
site-close = Fèmen { $site }
sites-close-hint = Yon sit ki fèmen rete fèmen: yo pa anrejistre anyen ankò la, epi anplwaye ki travay la chwazi yon lòt sit.
sites-none = Poko gen sit. Toutotan yo pa ajoute youn, pa gen anyen ki anrejistre yon sit.
site-add = Ajoute yon sit
site-code-rule = 2 a 32 lèt miniskil, chif ak tirè. Li parèt nan rapò pou konsèy minisipal la epi yo pa janm reyitilize l.
site-closes-hint = Yon evènman tanporè bezwen yon dènye jou. Kite l vid pou yon sit pèmanan.
site-add-button = Ajoute sit la
site-kind-centre = Sant enskripsyon
site-kind-library = Branch bibliyotèk
site-kind-popup = Evènman tanporè
site-state-upcoming = Poko louvri
site-state-open = Louvri
site-state-ended = Fini
site-state-closed = Fèmen
done-site-added = { $site } ajoute.
done-site-changed = { $site } chanje.
done-site-closed = { $site } fèmen. Yo pa anrejistre anyen ankò la.
site-choose-title = Ki kote w ap travay jodi a?
site-choose-intro = Chak enskripsyon, emisyon kat ak enpresyon ou fè anrejistre nan sit sa a.
site-choose-legend = Sit ou
site-until = jiska { $date }
site-choose-button = Travay isit la
site-none-open = Okenn nan sit ou yo pa louvri jodi a. Mande yon administratè pou li ajoute ou nan yon sit ki louvri.
col-sites = Sit
sites-any = Nenpòt sit ki louvri
sites-assign = Sit { $username } yo
sites-assign-hint = Pa make okenn pou kont lan ka travay nan nenpòt sit ki louvri.
sites-assign-button = Anrejistre sit yo
done-sites-assigned = Sit { $username } yo anrejistre.

## Blokaj legal
nav-holds = Blokaj legal
err-legal_hold_lifted = Blokaj sa a te deja leve. Mete yon nouvo si lòd la renouvle.
holds-title = Blokaj legal
holds-intro = Yon blokaj legal (yon lòd tribinal pou konsève dosye) anpeche efasman an detwi dosye li kouvri yo jiskaske yo leve l. Lè yo mete l ak lè yo leve l, sa anrejistre nan jounal odit la; rapò konsèvasyon an bay lis blokaj ki an vigè yo, epi li konte dosye ki bloke yo apa, pa ansanm ak dosye ki depase dat yo.
holds-list = Blokaj yo
holds-none = Poko gen okenn blokaj legal.
col-hold-reference = Referans
col-hold-scope = Dosye li kouvri
col-hold-placed = Mete
col-hold-lifted = Leve
hold-scope-all = Tout dosye yo
hold-scope-enrolled_between = Enskri soti { $from } rive { $to }
hold-scope-site = Enskri nan { $site }
hold-in-force = An vigè
hold-by = pa { $username }
hold-lift = Leve blokaj { $reference }
hold-place = Mete yon blokaj
label-hold-reference = Referans lòd la
hold-reference-hint = Nimewo lòd tribinal la oswa nimewo ka a. Pa janm non yon moun.
hold-scope-legend = Ki dosye li kouvri
hold-scope-choice-all = Tout dosye yo
hold-scope-choice-enrolled_between = Rezidan ki enskri ant de dat
hold-scope-choice-site = Rezidan ki enskri nan yon sit
label-hold-from = Soti (pou rezidan ki enskri ant de dat)
label-hold-to = Rive (pou rezidan ki enskri ant de dat)
label-hold-site = Sit (pou rezidan ki enskri nan yon sit)
hold-place-button = Mete blokaj la
done-hold-placed = Blokaj { $reference } an plas. Kounye a li kouvri { $count ->
        [1] yon dosye
       *[other] { $count } dosye
    }.
done-hold-lifted = Blokaj { $reference } leve. Pwochen efasman an ap detwi sa ki rive nan dat limit li epi ki pa anba okenn lòt blokaj.
sites-not-applicable = Pa travay nan okenn sit (wòl sa a pa sèvi nan gichè)
err-under_legal_hold = Yon blokaj legal kouvri dosye sa a: yo pa ka chanje ni retire enfòmasyon li yo jiskaske yo leve blokaj la. Anyen pa t chanje.
col-legal-hold = Anba blokaj legal
audit-holds = { $holds ->
        [1] Gen yon blokaj legal an vigè
       *[other] Gen { $holds } blokaj legal an vigè
    }: { $records ->
        [1] yon dosye kenbe apre dat li, epi li pa konte kòm depase dat
       *[other] { $records } dosye kenbe apre dat yo, epi yo pa konte kòm depase dat
    }.
audit-holds-link = Gade blokaj yo

## Mo ki enprime sou kat la menm, jan kat la enprime yo (an majiskil lè lang lan genyen yo).
## Kat la enprime yo nan lang kat vil la epi, lè yon rezidan mande l, nan yon dezyèm lang
## anba yo; se poutèt sa yo dwe kout: yon etikèt gen anviwon 27 mm nan 6 pt.
card-face-title = KAT IDANTIFIKASYON
card-face-name = NON
card-face-preferred-name = NON LI PREFERE
card-face-date-of-birth = DAT NESANS
card-face-gender = SÈKS
card-face-issued = DAT EMISYON
card-face-expires = DAT EKSPIRASYON
card-face-card-number = NIMEWO KAT
card-face-address = ADRÈS
card-face-languages = LANG
card-face-list-separator = {", "}
card-face-emergency-contact = KONTAK AN KA IJANS
card-face-veteran = ANSYEN MILITÈ
card-face-organ-donor = DONATÈ ÒGÀN
card-face-return-if-found = Si w jwenn li, tanpri pote l nan yon meri oswa lage l nan yon bwat lèt.
# $address se adrès paj verifikasyon an, "id.springfield.gov/v".
card-face-verify-hint = Verifye kat sa a: eskane kòd la oswa ale sou { $address }
# Yon dat sou kat la: kout, epi klè pou yon moun ki soti nenpòt ki peyi ("7 avr 1990").
# $month se youn nan mesaj card-face-month ki anba yo; $day ak $year se chif.
card-face-date = { $day } { $month } { $year }
card-face-month-1 = jan
card-face-month-2 = fev
card-face-month-3 = mas
card-face-month-4 = avr
card-face-month-5 = me
card-face-month-6 = jen
card-face-month-7 = jiy
card-face-month-8 = out
card-face-month-9 = sep
card-face-month-10 = okt
card-face-month-11 = nov
card-face-month-12 = des

## Rapò yo kòm PDF pou enprime: rapò konsèvasyon an ak statistik pou konsèy minisipal la

# $date se yon jou ekri jan date-long ekri l.
report-pdf-as-of = { $jurisdiction } — nan dat { $date }
# $generated se yon lè UTC tankou "2026-12-07 14:05"; $from ak $to se jou.
report-pdf-generated = Rapò a fèt { $generated } UTC. Lekti ak efasman yo konte soti { $from } rive { $to }. Pa gen okenn done pèsonèl nan rapò sa a.
report-held-counted = Dosye yo kenbe, pi ansyen an nan chak kalite ak kle done yo pou chak epòk te konte pandan efasman { $counted } UTC a; sesyon anplwaye yo, antre jounal odit yo ak dosye ki depase dat yo konte nan moman rapò sa a fèt.
report-pdf-chain = Chèn odit
report-pdf-sealed = Dènye fwa yo te sele tèt chèn lan ak yon siyati, se te nan antre { $entry }.
report-pdf-unsealed = Tèt chèn lan poko sele.
report-pdf-no-epochs = Pa gen okenn epòk kle ki pwoteje done okenn rezidan.
# $epochs se yon lis mwa tankou "2026-01 (destroyed 2026-03-01), 2026-02 (…)".
report-pdf-destroyed-epochs = Epòk kle ki detwi: { $epochs }
report-pdf-none = okenn
report-pdf-started = Kòmanse (UTC)
col-audit-removed = Antre jounal odit ki efase
report-pdf-holds-none = Pa gen okenn blokaj legal an vigè: tout kalite done detwi alè.
report-pdf-per-card = Yo pa anrejistre verifikasyon yo kat pa kat.
report-pdf-signature = Siyati
# $alg se "ES256"; $kid se idantifyan kle siyati a.
report-pdf-signed = Siyen ak { $alg } avèk kle { $kid }; siyati a kouvri JSON kanonik rapò sa a.
report-pdf-unsigned = Rapò sa a pa siyen.
report-pdf-check = JSON siyen an anndan fichye sa a, epi nan fen fichye a gen yon siyati ki kouvri fichye a li menm. Pou verifye yon kopi, sèvi ak “muni-id report verify FILE”.
# Anba chak paj; $report se tit rapò a.
report-pdf-page = { $report } — paj { $page } sou { $pages }
# $from ak $to se mwa ekri jan program-pdf-month ekri yo.
program-pdf-period = { $jurisdiction } — soti { $from } rive { $to }
# $columns se youn nan mesaj program-by yo ("Pa mwa").
program-pdf-columns = Kolòn: { $columns }
program-pdf-generated = Rapò a fèt { $generated } UTC.
program-pdf-threshold = Kantite ki soti 1 rive { $below } parèt kòm “<{ $threshold }”. Yon chif ki make “kache” pa parèt, pou pesonn pa ka dedui yon ti kantite apati total yo.
program-pdf-counts-only = Se sèlman kantite: rapò sa a pa bay non ni nimewo okenn moun, okenn kat ni okenn anplwaye.
program-pdf-nothing = Pa gen anyen ki konte nan peryòd sa a.
program-pdf-category = Kategori
program-pdf-total = Total
# Yon chif ki kache nan tablo a (gade program-pdf-threshold).
program-pdf-withheld = kache
program-pdf-no-site = Pa gen sit ki anrejistre
# Yon kolòn tablo a: $month se youn nan mesaj card-face-month yo, $year se chif.
program-pdf-month = { $month } { $year }
# $category se youn nan mesaj waiver yo ("Ti revni").
program-pdf-waived = Egzante: { $category }
program-table-application = Demann ki aksepte, pa tranch laj
program-table-denial = Demann ki refize, pa rezon
program-table-card_issued = Kat ki emèt, pa rezon
program-table-fee = Frè kat yo: peye, oswa egzante dapre kategori
program-table-language = Lang rezidan yo te mande
program-denial-insufficient_proof = Pa ase prèv idantite oswa rezidans
program-denial-below_minimum_age = Pi piti pase laj minimòm nan
program-denial-caretaker_required = Te vini san responsab

# A language by its name, as the card's back and the council report write a resident's
# languages in this language (BCP 47 tag after "lang-"; a sign language is a language too).
# Written as a list item mid-sentence would write it (Spanish and French: lowercase).
lang-am = amarik
lang-ar = arab
lang-ase = lang siy ameriken
lang-bn = bengali
lang-bo = tibeten
lang-cmn = mandaren
lang-de = alman
lang-el = grèk
lang-en = angle
lang-es = panyòl
lang-fa = pèsan
lang-ff = fula
lang-fil = filipino
lang-fr = franse
lang-gu = goujarati
lang-he = ebre
lang-hi = endi
lang-hmn = hmong
lang-ht = kreyòl ayisyen
lang-hu = ongwa
lang-hy = amenyen
lang-it = italyen
lang-ja = japonè
lang-ka = jòjyen
lang-km = khmè
lang-ko = koreyen
lang-ku = kid
lang-lo = lao
lang-mam = mam
lang-mfs = lang siy meksiken
lang-ml = malayalam
lang-my = birman
lang-ne = nepalè
lang-nl = olandè
lang-pa = penjabi
lang-pl = polonè
lang-prs = dari
lang-ps = pachto
lang-pt = pòtigè
lang-quc = k'iche'
lang-ro = woumen
lang-ru = ris
lang-si = sengale
lang-so = somali
lang-sq = albanè
lang-sw = swahili
lang-ta = tamoul
lang-te = telougou
lang-th = tay
lang-ti = tigrinya
lang-tl = tagalòg
lang-tr = tik
lang-uk = ikrenyen
lang-ur = ourdou
lang-uz = ouzbek
lang-vi = vyetnamyen
lang-wo = wolòf
lang-yi = yidich
lang-yo = yowouba
lang-yue = kantonè
lang-zh = chinwa
