# English: the reference catalogue. Every other locales/<tag>.ftl has the same message ids.
# Adding a language is adding one file (see README, "Adding a language").

language-name = English
language-dir = ltr

## The frame of every page

app-name = Municipal ID
skip-to-content = Skip to the main content
nav-label = Main
language-label = Language of these pages
nav-enroll = Enroll a resident
nav-find = Find a resident
nav-staff = Staff accounts
nav-policy = Policy and keys
nav-audit = Retention report
nav-password = Change password
logout = Log out
footer-privacy = This service keeps as little about residents as it can, for as short a time as it can. Write residents’ details only into these forms.
back-home = Back to the start page
error-prefix = Error:
continue = Continue
yes = Yes
no = No
choose = Choose…
optional = (optional)
required = (required)
save = Save changes
cancel = Cancel
you = you

## Dates and numbers, written as this language writes them
# A day: $year, $month (1 to 12) and $day are numbers, $monthName is one of month-1 … month-12.
date-long = { $monthName } { $day }, { $year }
# Month names as they are written inside a date (the form a date takes in this language).
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# What separates thousands in a number: 12,345 in English. Write "none" for no separator.
number-group-separator = ,

## Refusals

csrf-title = This form cannot be accepted
err-csrf = The form was not sent from this site, or the page had expired. Go back, reload the page and try again.
forbidden-title = Not allowed
err-forbidden = Your role ({ $role }) cannot open this page.
not-found-title = Not found
err-not_found = There is no such record.
outage-title = Nothing was saved
err-database_unavailable = The database cannot be reached just now, so nothing was saved. Wait a moment, then go back and try again.
err-storage_full = The server’s storage is full, so nothing was saved. Tell an administrator; the form can be sent again once space is freed.
err-key_custody_unavailable = The keys that protect residents’ data cannot be reached just now, so nothing was read or saved. Wait a moment, then go back and try again.
problem-title = This cannot be done
form-unreadable-title = The form could not be read
err-form-unreadable = The form could not be read, or it was too large. Go back and try again.
err-invalid-value = A value is not valid. Check the form and try again.

## Logging in

login-title = Log in
logged-out = You have logged out.
username = Username
password = Password
login-button = Log in
err-invalid_credentials = The username or password is wrong.
err-too_many_attempts = Too many failed attempts. Wait { $unit ->
        [seconds] { $count ->
            [one] one second
           *[other] { $count } seconds
        }
       *[minutes] { $count ->
            [one] one minute
           *[other] { $count } minutes
        }
    }, then try again.

## Password

password-title = Change your password
password-changed = Your password has been changed. Your other sessions have been closed.
password-required = You logged in with a one-time password. Choose your own password before you continue.
label-current_password = Current password
label-new_password = New password
label-confirm_password = New password again
password-rule = At least 12 characters. A few unrelated words make a good password.
password-button = Change password
err-password-mismatch = The two new passwords are not the same.
err-current-password-wrong = The current password is wrong.
err-weak_password = The new password is not acceptable: use at least 12 characters, different from the current password.

## Roles

role-clerk = clerk
role-supervisor = supervisor
role-auditor = auditor
role-admin = administrator

## Enrollment

enroll-title = Enroll a resident
form-language-label = Show this form in
form-has-problems = { $count ->
    [one] The form has a problem
   *[other] The form has { $count } problems
}
duplicate-title = This may be someone already enrolled
duplicate-text = A resident with the same legal name and date of birth is already enrolled.
duplicate-open = Open that record
duplicate-or-confirm = If this is a different person, tick “This is a different person” at the end of the form and enroll again.
duplicate-confirm = This is a different person: enroll anyway
enroll-documents = Documents shown
enroll-documents-hint = Tick each kind of document the resident shows. A card needs { $identity } identity points and { $residency } residency point(s).
doc-points = { $identity } identity · { $residency } residency
points-total = Points so far
points-identity = Identity points
points-residency = Residency points
points-met = requirement met
points-missing = { $n } more needed
enroll-documents-privacy = Look at the documents and give them back. Only the kinds you tick are used, to total the points; nothing else about them is entered or kept.
enroll-details = The resident
label-legal_name = Legal name
hint-legal_name = Exactly as the resident writes it, in any script.
label-preferred_name = Preferred name
hint-preferred_name = The name the resident uses, if different. It is printed below the legal name.
label-date_of_birth = Date of birth
hint-date_of_birth = The resident must be at least { $age } years old.
label-gender = Gender marker
hint-gender = Self-designated: ask the resident and record what they choose. X is for anyone who wants neither F nor M. Blank prints no marker on the card.
gender-blank = None (blank)
gender-f = F
gender-m = M
gender-x = X
enroll-address = Address on the card
hint-address = A home address, or a care-of line for mail received at a shelter or agency. It is printed on the back of the card and then deleted.
label-confidential = Confidential card: no address on it, never mailed, handed over in person
hint-confidential = For a resident whose address must not be known (a survivor of violence, say). The card prints without an address and is never mailed: it is handed over here, or the resident collects it at the site they choose. Any address on record is deleted.
address-none = No address
address-home = Home address
address-care-of = Care of a shelter or agency
label-address_line1 = Street and number
label-address_line2 = Apartment, floor (optional)
label-address_care_of = Shelter or agency
label-address_city = City
label-address_postal_code = Postal code
enroll-extras = Also on the card
label-language_1 = Language spoken
label-language_2 = Second language spoken
language-none = None
label-card_language = Second language on the card
hint-card_language = The card's labels and return-if-found text print in { $language }. The resident may have them printed in one of these languages as well, under them.
card-language-none = None: { $language } only
label-emergency_name = Emergency contact name
label-emergency_phone = Emergency contact phone
label-veteran = Veteran
label-organ_donor = Organ donor
enroll-photo = Photo
hint-photo = Face the camera, plain background, no hat unless worn for religious reasons. Use the camera, or choose a JPEG or PNG file.
camera-denied = The browser did not allow the camera. Choose a photo file instead, or allow the camera and try again.
camera-none = No camera could be started. Choose a photo file instead.
camera-ready = The camera is on. Take the photo when the resident is ready.
camera-taken = Photo taken. Retake it if needed.
camera-live = Live camera picture
camera-start = Start the camera
camera-take = Take photo
camera-retake = Retake photo
label-photo = Photo file (JPEG or PNG)
photo-kept = The photo sent before is kept. Choose or take another to replace it.
photo-preview-alt = The photo that will be printed on the card
photo-none-yet = No photo yet
enroll-submit = Enroll the resident

## Document kinds

doc-passport = Passport
doc-consular_id = Consular ID
doc-drivers_license = Driver’s license
doc-state_id = State ID card
doc-birth_certificate = Birth certificate
doc-utility_bill = Utility bill
doc-lease = Lease or rental agreement
doc-bank_statement = Bank statement
doc-shelter_letter = Letter from a shelter or agency

## What the service refuses (the ids are the API's stable error codes)

err-invalid_name = Write a name with at least one letter, at most 150 characters, on one line.
err-invalid_characters = Character { $position } of “{ $field }” is invisible, or changes the direction or shape of the text around it, so a name cannot hold it (it often comes along when a name is pasted). Delete it and type that part of the name again.
err-invalid_date = Enter a real date.
err-date_of_birth_in_future = The date of birth is in the future.
err-below_minimum_age = A card needs the resident to be at least { $age } years old.
err-invalid_gender = Choose F, M, X, or none.
err-invalid_language = Choose a language from the list.
err-too_many_languages = At most two languages fit on the card.
err-invalid_phone = A phone number has 3 to 20 digits, and only + - ( ) . and spaces besides.
err-invalid_address = Give either a home address with its street, or a care-of line — not both — with lines of at most 120 characters.
err-photo_too_large = The photo is too large. Use a smaller file.
err-unsupported_photo_format = The photo must be a JPEG or PNG file.
err-invalid_photo = The photo could not be read. Take it again or choose another file.
err-photo_too_small = The photo is too small to print. Take it again closer, or choose a larger file.
err-photo-missing = Take a photo or choose a photo file.
err-insufficient_proof = The documents ticked give { $identity } identity and { $residency } residency points; { $need_identity } and { $need_residency } are needed.
err-insufficient_proof-none = Tick the kinds of document the resident showed.
err-unknown_document_kind = A document kind is not on the list. Reload the page and tick again.
err-possible_duplicate = A resident with the same legal name and date of birth is already enrolled.
err-payload_too_large = The form is too large. Use a smaller photo.
err-invalid_card_number = A card number has 12 digits; check for a mistyped digit.
err-card_not_active = The card is already revoked or has expired.
err-resident_data_destroyed = This resident’s personal data has been destroyed under the retention policy.
err-unsupported_script = The card fonts cannot print this name exactly, so no card was issued. Ask an administrator to add a font for this script.
err-unsupported_script-named = Character { $position } of “{ $field }” is in a script the card cannot print here ({ $script }), so it was not saved. Ask an administrator to add a font for this script.
err-invalid_username = A username is 2 to 64 characters: a–z, 0–9, “.”, “_” and “-”.
err-username_taken = An account with that username already exists.
err-own_account = You cannot disable your own account or take away your own administrator role.
err-revoke-reason = Choose why the card is revoked.
err-does_not_fit = This field is too long to fit on the card, even in the smallest print, so no card was issued. Shorten it (a preferred name, say) and try again.
err-changed_meanwhile = Someone else changed this record while you were editing it. Nothing was saved: open it again and repeat your change.
err-internal_error = Something went wrong on our side and nothing was saved. Try again; if it happens again, tell an administrator.
err-invalid_batch = Choose fewer cards to print at once.
err-invalid_field_type = A value was sent in the wrong form. Reload the page and try again.
err-invalid_format = That format is not offered. Choose one from the list.
err-invalid_query = The address of this page is not valid. Go back and try again.
err-invalid_value = A value is not valid. Check the marked field.
err-malformed_body = The form could not be read. Reload the page and try again.
err-malformed_json = The request could not be read. Reload the page and try again.
err-method_not_allowed = This page cannot be used that way. Go back and use the buttons on the page.
err-missing_field = A required field is empty. Fill it in and try again.
err-not_authenticated = Your session has ended. Log in again.
err-password_change_required = Change your password before you go on.
err-request_timeout = The form took too long to arrive and was not saved. Check the connection and send it again.
err-too_many_connections = Too many connections from this computer at once. Wait a moment and try again.
err-too_many_requests = Too many checks from this computer. Wait a minute and try again.
err-unknown_field = The form sent a field this service does not know. Reload the page and try again.
err-unsupported_media_type = The form was sent in a way this service cannot read. Reload the page and try again.

## Finding a resident

find-title = Find a resident
find-hint = Enter the legal name and date of birth exactly. Only an exact match is found; there is no list of residents.
find-button = Find
find-results = Result
find-several = { $count } records match. Open each to tell them apart.
find-open-record = Record { $n }
find-none = No resident matches this legal name and date of birth.
find-enroll-instead = Enroll a new resident

## A resident's record

resident-title = Resident
action-issue = Issue a card
action-edit = Change name or address
photo-of-resident = The resident’s photo
label-languages = Languages
label-emergency = Emergency contact
label-address = Address
address-none-kept = None kept (it is deleted once the card is printed)
address-none-confidential = None: a confidential card has no address
label-proof = Documents
proof-met = Identity and residency requirements met
proof-not-met = Requirements not met
label-enrolled = Enrolled on
label-retained-until = Data kept until
cards-title = Cards
card-number = Card number
card-status = Status
card-issued = Issued
card-expires = Expires
card-reason = Reason
card-printed = Printed
card-actions = Actions
status-active = Active
status-revoked = Revoked
status-expired = Expired
reason-new = New card
reason-renewal = Renewal
reason-replacement_lost = Replacement: lost
reason-replacement_stolen = Replacement: stolen
reason-replacement_damaged = Replacement: damaged
reason-update = Updated details
revoke-reason = Reason to revoke
revoke-lost = Lost
revoke-stolen = Stolen
revoke-damaged = Damaged
revoke-issued_in_error = Issued in error
revoke-button = Revoke card
no-cards = No card has been issued yet.
done-revoked = The card has been revoked. Card checks now answer “not valid”.
done-updated = The details have been changed. Issue an updated card for them to be printed.
nav-pickups = Pick-ups
card-delivery = Delivery
mark-mailed = Mark mailed
mark-arrived = Arrived here
hand-over-checked = I compared the person's face with the photo on the card
hand-over-button = Hand over
label-confidential-short = Confidential card
confidential-yes = Yes: no address, never mailed, handed over in person
stage-issued = Not printed yet
stage-printed = Printed
stage-printed-mail = Printed, to be mailed
stage-printed-pickup = Printed, on its way to { $site }
stage-ready = Ready to collect at { $site }
stage-collect-by = Collect by
card-stage = Where it is
move-pickup-label = Collect at another site
move-pickup-button = Move
done-pickup-moved = The card is now to be collected at the other site; a clerk there marks it arrived.
stage-handed_over = Handed over
stage-mailed = Mailed
stage-uncollected = Not collected in time: revoked
stage-ready-here = Ready here
stage-on-the-way = Printed, not arrived yet
pickups-title = Cards to collect here
pickups-intro = { $ready ->
    [0] No card is ready here
    [one] One card is ready here
   *[other] { $ready } cards are ready here
} and { $coming ->
    [0] none is on its way.
    [one] one is on its way.
   *[other] { $coming } are on their way.
}
pickups-hint = Find the resident's card by its number. Hand it over only to the person whose face matches the photo on the card. A card not collected by its date is revoked and must be shredded.
pickups-caption = Pick-up cards at { $site }
pickups-none = No card is waiting to be collected here.
done-arrived = The card is marked ready here.
done-handed-over = The card has been handed over.
done-mailed = The card is marked mailed.

## Changing name or address

edit-title = Change name or address
edit-hint = The new details are printed on the next card issued.

## Review and print

review-title = Review the card
review-hint = Check the card with the resident before it is issued: names, date of birth, and everything on the back.
review-warnings-title = Check before issuing
warn-mixed_script = A word in “{ $field }” mixes letters of different alphabets, for example one Cyrillic letter among Latin ones. Some names are written that way; compare the spelling with the documents before issuing the card.
steps-label = Progress
step-enroll = Enroll
step-review = Review
step-print = Print
issue-reason = Why is this card issued?
issue-revokes-previous = The resident’s active card, if any, is revoked when this one is issued.
issue-button = Issue the card
open-record = Open the resident’s record
preview-front = Front of the card
preview-back = Back of the card
preview-note = The card prints as shown. The QR code is signed when the card is printed.
card-title = Card
card-issued-title = Card issued
card-issued-text = Card { $number } is printed and active until { $expires }. Give it to the resident.
card-issued-text-mail = Card { $number } is printed and active until { $expires }. Mail it to the resident, then mark it mailed on the resident's record.
card-issued-text-ready = Card { $number } is printed and waits here, at { $site }, for the resident to collect in person by { $date }.
card-issued-text-send = Card { $number } is printed. Send it to { $site }, where a clerk marks it arrived and the resident collects it in person.
card-delivered-text = Card { $number } is active until { $expires }. { $stage ->
    [mailed] It was mailed to the resident.
   *[other] It was handed over to the resident.
}
card-ready-title = Ready to print
card-ready-text = Card { $number } is issued. Print it on the card printer.
card-not-active-title = This card is not active
card-not-active-text = Status: { $status }. It cannot be printed.
print-button = Print the card
print-again = Print again
print-hint = The card opens as a PDF in a new tab; print it from there with the browser’s print dialog, on the card printer, at actual size.
print-done = The card has printed
enroll-next = Enroll the next resident

## Retention report

audit-title = Retention report
audit-as-of = As of
audit-show = Show
audit-intro = What { $jurisdiction } holds, by kind of data, against its retention policy, as of { $as_of }. No personal data appears in this report.
audit-overdue-none = Nothing is kept past its policy.
audit-overdue-some = { $count } records are kept past their policy.
audit-chain-intact = Audit chain intact ({ $entries } entries).
audit-chain-broken = Audit chain broken at entry { $first } (of { $entries }).
# $checked is a UTC time such as "2026-12-07 14:05": when the last purge walked the whole audit chain.
audit-chain-checked = The whole chain was walked by the purge at { $checked } UTC; this report walked the entries added since.
audit-downloads = Downloads
download-json = Signed report (JSON)
download-csv = Report as CSV
download-pdf = Printable report (PDF)
audit-signed = Each download is signed, so a copy can be checked later with “muni-id report verify”.
chart-title = Oldest record against the policy limit
chart-desc = For each kind of data with a limit in days: the age of the oldest record held (bar) and the policy limit (line). A bar past its line is data kept too long.
chart-legend-age = age of the oldest record
chart-legend-limit = policy limit
chart-legend-over = kept past the policy
chart-none-held = none held
chart-caption = { $age } of { $limit ->
    [one] { $limit } day
   *[other] { $limit } days
}
class-card_face = Card face (residents with a card)
class-unissued_residents = Enrolled, never issued a card
class-print_only_address = Print-only address
class-audit_entries = Audit entries
class-staff_sessions = Staff sessions
class-card_status = Card status
audit-classes = Data held
col-class = Kind of data
col-policy = Policy
col-held = Held
col-oldest = Oldest
col-overdue = Overdue
col-destroyed = Destroyed (30 days)
audit-purges = Recent purges
col-started = Started
col-trigger = Trigger
col-outcome = Outcome
col-residents-destroyed = Residents destroyed
col-addresses-destroyed = Addresses destroyed
col-epochs-destroyed = Key epochs destroyed
audit-no-purges = No purge has run yet.
audit-keys = Keys
audit-keys-summary = { $live } key epochs protect residents’ data; { $empty } empty epochs are prepared ahead; { $destroyed } have been destroyed.
col-epoch = Epoch
col-key-version = Key version
col-data-keys = Residents
audit-reads = Reads of personal data (30 days)
col-role = Role
col-reads = Reads
audit-staff-changes = Staff accounts created, reset or changed (30 days)
audit-no-staff-changes = No staff account was created or changed.
col-when = When (UTC)
col-change = Change
col-account = Account
col-by = By
staff-change-created = created
staff-change-password_reset = password reset
staff-change-factors_reset = sign-in factors reset
staff-change-role_changed = role changed
staff-change-disabled = disabled
staff-change-enabled = enabled again
staff-change-by-cli = the command line
staff-change-by-system = the service, at its first start
audit-checks = Card checks
audit-verifications = Card checks in 30 days: { $checks } ({ $valid } valid, { $not_valid } not valid).

## Staff accounts

staff-title = Staff accounts
one-time-password = One-time password for { $username }:
one-time-password-hint = Give it to them in person. It is shown only now; they must choose their own password when they log in.
staff-accounts = Accounts
col-state = State
col-created = Created
state-disabled = Disabled
state-active = Active
state-must-change = must choose a password
role-for = Role of { $username }
change-role = Change role
enable-account = Enable { $username }
disable-account = Disable { $username }
reset-password = Reset password of { $username }
staff-add = Add an account
username-rule = 2 to 64 characters: a–z, 0–9, “.”, “_” and “-”.
label-initial-password = Password
initial-password-hint = Leave blank to have a one-time password made, which they must change at first login.
staff-add-button = Add the account
done-staff-added = The account { $username } has been added.
done-role-changed = The role of { $username } has been changed; their sessions were closed.
done-disabled = The account { $username } is disabled and its sessions are closed.
done-enabled = The account { $username } is enabled again.
done-reset = The password of { $username } has been reset; their sessions were closed.

## Policy and keys

policy-title = Policy and keys
policy-intro = The effective configuration, read-only. It is changed in the configuration file, not here.
policy-documents = Documents and points
policy-requirement = A card needs { $identity } identity points and { $residency } residency point(s).
col-document = Document
col-code = Code
policy-rules = Rules
policy-minimum-age = Minimum age for a card
policy-unissued = Enrolled but never issued a card, kept
policy-grace = Kept after the last card ends
policy-address = Address
policy-address-kept = kept with the card face
policy-address-destroyed = deleted once the card is printed
policy-audit = Audit entries kept
policy-key-backups = Key ring backups kept at most
policy-ceiling = No policy may exceed
policy-purge-interval = Purge runs every
policy-sessions = Staff sessions end after
policy-sessions-value = { $idle } idle minutes, or { $absolute } minutes after login
policy-throttle = Login throttling
policy-throttle-value = { $failures } failed attempts per account from one address, then a wait of { $first } seconds that doubles up to { $longest } minutes
days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
policy-keys = Key versions
policy-keys-summary = { $live } key epochs are live; { $destroyed } have been destroyed.
policy-epochs = Live epochs and their current key version
policy-destroyed = Destroyed epochs
policy-signing = Card-signing keys (published)
policy-signing-current = signing now
policy-config = Effective configuration
policy-config-show = Show the configuration (secrets masked)

# The retention rules in words, on the auditor's page ({ days } uses $n).
class-policy-card_face = until the last card expires or is revoked, then { days } more
class-policy-unissued_residents = { days } after enrollment
class-policy-print_only_address-kept = kept with the card face
class-policy-print_only_address-destroyed = deleted once a card carrying it is printed
class-policy-audit_entries = { days }
class-policy-staff_sessions = until { $idle } idle minutes or { $absolute } minutes after login
class-policy-card_status = kept while the card could be presented; a revoked card's index is never reused
audit-keys-statement = Every copy of the database (a backup, a WAL archive, a stolen disk) becomes unreadable { $w1 } months after it was taken, and a record becomes unreadable in every copy by the end of the month it is due: data keys are wrapped at most { $w } months ahead and the keys of months that are over are destroyed. Copies of the key ring are kept at most { days }.

# Short names for the chart's rows, and the purge runs' trigger and outcome.
chart-label-card_face = Card face
chart-label-unissued_residents = Never issued a card
chart-label-audit_entries = Audit entries
chart-label-staff_sessions = Staff sessions
purge-trigger-schedule = on schedule
purge-trigger-cli = from the command line
purge-outcome-running = running
purge-outcome-completed = completed
purge-outcome-failed = failed

## Second factors

nav-account = Account and sign-in
factor-title = Second step of logging in
factor-code = Code
factor-code-hint = The six-digit code your authenticator app shows now, or one of your recovery codes.
factor-button = Continue
factor-start-again = Start again with your username
account-title = Account and sign-in
account-factors = Second factor
factor-due = Set up a second factor by { $date }. After that day your password alone will not let you log in.
factor-set-up-now = Set it up now
factor-required-here = Your role must log in with a second factor.
factor-offered = A second factor keeps your account safe even if someone learns your password.
factor-none = You have no second factor yet.
col-added = Added
col-last-used = Last used
factor-kind-totp = Authenticator app
factor-kind-passkey = Passkey
password-to-confirm = Your password, to confirm
factor-remove = Remove
factor-removed = The factor has been removed.
totp-add = Set up an authenticator app
totp-title = Set up an authenticator app
totp-step-scan = In your authenticator app, add an account and scan this code.
totp-step-type = If you cannot scan it, type this key instead:
totp-step-confirm = Type the six-digit code the app now shows.
totp-code = Six-digit code
totp-confirm = Confirm
totp-added = The authenticator app is set up. From now on you log in with your password and a code from it.
totp-qr-label = QR code for your authenticator app
recovery-title = Recovery codes
recovery-left = { $count ->
        [one] You have one unused recovery code.
       *[other] You have { $count } unused recovery codes.
    }
recovery-new = Make new recovery codes
recovery-shown-once = Write these codes down or print them, and keep them somewhere safe. They are shown only now.
recovery-how = If you lose your phone, log in with one of these codes instead of a code from the app. Each works once. Making new codes cancels these.
err-totp-wrong-code = That code does not match the app being set up. Check the time on your phone and type the code it shows now.
err-factor-gone = That factor is not on your account any more. Start again.
err-factor-required = Your role must keep a second factor. Set up another one before removing this one, or ask an administrator.
err-second_factor_required = This account logs in with a second factor.
err-invalid_second_factor = That code is wrong, or it was already used. Wait for the next code and try again.
err-second_factor_enrolment_overdue = This account needed a second factor and the time to set one up is over. Ask an administrator to reset your second factor.
state-second-factor = has a second factor
state-no-second-factor = no second factor
reset-factors = Reset second factor of { $username }
done-factors-reset = The second factor of { $username } has been removed; their sessions were closed. They can set up a new one when they next log in.
passkey-add = Add a passkey
passkey-why = A passkey is the safest second factor: your phone, computer or security key proves it is you, with your fingerprint, face or PIN. Nothing that could open your account is kept on the server.
passkey-label = Name of this passkey
passkey-label-hint = So you can tell your passkeys apart, for example “work laptop” or “blue security key”.
passkey-button = Add a passkey
passkey-added = The passkey has been added.
passkey-needs-script = Adding a passkey needs JavaScript in this browser.
passkey-unavailable-here = Passkeys need the service at a domain name (its public address is an IP address). Use an authenticator app instead.
passkey-cancelled = The passkey was not used: the request was cancelled or timed out. Try again.
passkey-unsupported = This browser cannot use passkeys. Use an authenticator app or a recovery code.
passkey-wrong-host = Passkeys work only at this service's own address. Open it at that address and try again.
passkey-use = Use your passkey
passkey-or-code = Or type a code:
totp-why = An app on your phone that shows a new six-digit code every 30 seconds.
err-passkeys-unavailable = Passkeys need the service at a domain name. Use an authenticator app instead.
err-passkey-refused = The passkey was not accepted. Try again.

# Single sign-on (the city's identity provider)
sign-on-button = Sign in with { $name }
sign-on-or-password = Or log in with your username and password:
break-glass-summary = Emergency sign-in with a password
break-glass-hint = Only for the one emergency administrator account, when the city's sign-in is not working.
signed-on-title = Signed in
signed-on-text = You are signed in. Your page opens now.
signed-on-continue = Continue
err-local_passwords_off = Staff sign in with the city's sign-in above; passwords are switched off here except for the emergency administrator account.
err-sign-on-unknown = This sign-in link is not valid any more: it was used already, it is older than ten minutes, or it was opened in another browser. Start again.
err-sign-on-ended = The sign-in was cancelled or not completed. Start again.
err-sign-on-unreachable = The city's sign-in cannot be reached right now. Try again in a few minutes, or ask the help desk.
err-sign-on-invalid = The answer from the city's sign-in was not accepted. Start again; if it happens again, tell the help desk.
err-sign-on-no-account = You are signed in at the city, but there is no staff account for you here. Ask an administrator to create one.
err-sign-on-no-role = You are signed in at the city, but none of your groups gives access to this service. Ask the help desk to add you to the right group.
err-sign-on-two-roles = Your groups at the city give two different roles here. Ask the help desk to keep you in only one of them.
account-signed-on = You signed in with { $name }. Your password and second factor are managed there.
err-sign-on-no-username = The city's sign-in did not say which staff account you are. Ask the help desk.
err-sign-on-break-glass = The emergency administrator account signs in only with its password, below.
err-sign-on-email-unverified = The city's sign-in has not verified your e-mail address. Ask the help desk.
err-sign-on-no-second-factor = Sign in at the city with your second factor (for example your phone or security key), then try again.
err-sign-on-other-person = This staff account belongs to another person at the city's sign-in. Ask an administrator to reset its sign-in.
err-password-managed-elsewhere = Your password and second factor are managed by the city's sign-in, not here.

# The residents' document pre-check (/check)
check-title = Which documents do I need for a municipal ID card?
check-intro = To get a card you show documents that prove who you are and that you live in the city. Each document counts for points: you need { $identity } identity { $identity ->
    [one] point
   *[other] points
} and { $residency } residency { $residency ->
    [one] point
   *[other] points
}.
check-nothing-kept = This page saves nothing about you: what you tick is not stored, and no one at the city sees it.
check-documents = The documents you have
check-hint = Tick each kind of document you can bring.
check-add-up = Add up my points
check-list = What each document counts for
check-bring = When you apply, bring the originals of the documents you ticked. A clerk looks at them and gives them back; the program keeps no copies and no document numbers.
check-print = To take this list with you, print this page.
check-footer = This page is from the city's municipal ID program. It keeps nothing about you.
reason-replacement_never_received = Replacement: mailed card never received
err-outside_renewal_window = A renewal is possible only from shortly before the resident's last card expires to about six months after. Outside that time, issue a new card after checking the documents again.

## Age bands, caretakers, fees and waivers
err-caretaker_required = A resident of this age applies with a parent, legal guardian or other caretaker. Choose who came with them.
err-caretaker_not_applicable = A resident of this age applies alone: leave “Who came with the resident” empty.
err-caretaker_identity_unchecked = Check the caretaker’s identity, then tick the box that says you did.
err-fee_required = A fee of { $amount } { $currency } is due for this card. Take the payment, then mark it paid, or mark it waived with a category. No card was issued.
err-unknown_waiver_category = Choose one of the program’s waiver categories.
label-caretaker = Who came with the resident
caretaker-minors-only = for minors
caretaker-required-ages = Ages { $from } to { $to } apply with a caretaker.
caretaker-optional-ages = Ages { $from } to { $to } may apply alone or with one.
caretaker-required-from = From age { $from }, residents apply with a caretaker.
caretaker-optional-from = From age { $from }, residents may apply alone or with a caretaker.
hint-caretaker = Record only how the caretaker is related. Never write down their name.
label-caretaker-relationship = Relationship
label-caretaker_identity_checked = I checked the caretaker’s identity
caretaker-none = Nobody (applies alone)
relationship-parent = Parent
relationship-legal_guardian = Legal guardian
relationship-other_caretaker = Other caretaker
policy-bands = Age bands and fees
policy-bands-intro = The age on the day of the application or issue decides the band. Fees are in { $currency }; payment is taken outside this service.
col-age-band = Age band
col-ages = Ages
col-caretaker = Caretaker
col-validity = Card valid for
col-fee = Fee: { $class }
ages-from-to = { $from } to { $to }
ages-from = { $from } and older
caretaker-rule-required = required
caretaker-rule-optional = optional
caretaker-rule-none = applies alone
years = { $n ->
    [one] { $n } year
   *[other] { $n } years
}
policy-fee-reasons = Fee class by reason
policy-waivers = Waiver categories
band-child = Child
band-youth = Youth
band-adult = Adult
band-senior = Senior
fee-class-card = Card
fee-class-replacement = Replacement
fee-class-free = No fee
waiver-low_income = Low income
waiver-homeless = Experiencing homelessness
waiver-survivor_of_violence = Survivor of violence
waiver-veteran = Veteran
waiver-senior = Senior
waiver-youth = Youth
issue-fee = Fee
issue-fee-hint = Take the payment at the register first. Then mark it paid, or mark it waived and choose the category. Nothing is needed when there is no fee.
delivery-legend = How the card reaches the resident
delivery-hint = Handed over now, mailed to the address on record, or collected later in person at a site.
delivery-hint-confidential = This card is confidential: it has no address and is never mailed. Hand it over here when printed, or the resident collects it in person at the site they choose.
delivery-counter = Handed over here when printed
delivery-mail = Mailed to the address on record
delivery-pickup = Collected later at a site
delivery-pickup-site = Site where the resident collects it
delivery-pickup-site-none = Choose a site
issue-fee-table = Fees for this resident ({ $band })
issue-fee-amount = Amount ({ $currency })
fee-free = No fee
fee-paid = Paid
fee-waived = Waived
fee-waiver-category = Waiver category
fee-waiver-none = None
fee-no-evidence = Record only the category. Do not write down or copy the proof shown for it.
err-no_card_to_replace = The resident has no current card to replace (for a card never received: none that was printed to be mailed). Issue a new card instead.
err-no_address_to_mail = The resident has no address on record to mail the card to. Add the address, or have the card picked up at a site.
err-confidential_not_mailed = A confidential card is never mailed: the resident collects it in person, here or at the site they choose.
err-card_awaiting_mail = A card of this resident waits to be mailed to their address. Revoke it first (issued in error), then make the card confidential and issue one to hand over in person.
err-confidential_no_address = A confidential card carries no address: leave the address empty, or untick “Confidential card”.
err-pickup_site_required = Choose the open site where the resident will collect the card.
err-not_picked_up_here = This card is to be picked up at another site.
err-holder_unchecked = Check the person's face against the card's photo, and tick the box, before handing the card over.
err-wrong_card_stage = The card is not at the step this needs (not printed yet, not arrived at its site, or already handed over).
program-title = Counts for the city council
program-hint = Applications, refusals, cards, fees and waivers, and languages, counted by month. Any count below 11 is shown as “<11”, and other figures are withheld where a total would give it away. Signed like the retention report.
program-from = From (month)
program-to = To (month)
program-by = Columns
program-by-month = By month
program-by-site = By site
program-by-site-month = By site and month
program-by-none = The whole period
program-format = Format
program-format-pdf = Printable report with charts (PDF)
program-format-csv = Open data (CSV)
program-format-json = Signed data (JSON)
program-download = Download the report

## Sites
nav-sites = Sites
err-site_closed = This site is closed, has not opened yet, or its last day is past: nothing can be recorded there. Choose another site.
err-site_code_taken = A site with that code exists. Codes are never reused: choose another.
err-site_not_allowed = You do not work at that site. Ask an administrator to add it to your sites.
err-site_required = Choose the site you work at first. Nothing was recorded.
err-site-choose = Choose a site.
site-working-at = Site: { $site } (change)
site-choose-link = Choose your site
sites-title = Sites
sites-intro = Enrollment centres, library branches and pop-up events. Every enrollment, card issue and print records the site it was made at; the council's report counts by site.
sites-list = All sites
col-site = Site
col-site-kind = Kind
col-site-dates = Open
site-no-last-day = no last day
site-change = Change { $site }
label-site-name = Name
label-site-code = Code
label-site-opens-on = First day
label-site-closes-on = Last day
site-save = Save
site-close = Close { $site }
sites-close-hint = A closed site stays closed: nothing more is recorded there, and staff working there choose another site.
sites-none = No sites yet. Until one is added, nothing records a site.
site-add = Add a site
site-code-rule = 2 to 32 lowercase letters, digits and hyphens. It appears in the council's report and is never reused.
site-closes-hint = A pop-up event needs its last day. Leave it blank for a permanent site.
site-add-button = Add site
site-kind-centre = Enrollment centre
site-kind-library = Library branch
site-kind-popup = Pop-up event
site-state-upcoming = Not open yet
site-state-open = Open
site-state-ended = Ended
site-state-closed = Closed
done-site-added = { $site } was added.
done-site-changed = { $site } was changed.
done-site-closed = { $site } was closed. Nothing more is recorded there.
site-choose-title = Where are you working today?
site-choose-intro = Every enrollment, card issue and print you make is recorded at this site.
site-choose-legend = Your site
site-until = until { $date }
site-choose-button = Work here
site-none-open = None of your sites is open today. Ask an administrator to add you to an open site.
col-sites = Sites
sites-any = Any open site
sites-assign = Sites of { $username }
sites-assign-hint = Tick none to let the account work at any open site.
sites-assign-button = Save sites
done-sites-assigned = The sites of { $username } were saved.

## Legal holds
nav-holds = Legal holds
err-legal_hold_lifted = This hold was lifted before. Place a new one if the order is renewed.
holds-title = Legal holds
holds-intro = A legal hold (a court order to preserve records) stops the purge from destroying the records it covers until it is lifted. Placing and lifting are recorded in the audit trail; the retention report lists the holds in force and counts held records apart from overdue ones.
holds-list = Holds
holds-none = No legal hold has been placed.
col-hold-reference = Reference
col-hold-scope = Records covered
col-hold-placed = Placed
col-hold-lifted = Lifted
hold-scope-all = All records
hold-scope-enrolled_between = Enrolled from { $from } to { $to }
hold-scope-site = Enrolled at { $site }
hold-in-force = In force
hold-by = by { $username }
hold-lift = Lift hold { $reference }
hold-place = Place a hold
label-hold-reference = Reference of the order
hold-reference-hint = The court order or case number. Never a person's name.
hold-scope-legend = Which records it covers
hold-scope-choice-all = All records
hold-scope-choice-enrolled_between = Residents enrolled between two days
hold-scope-choice-site = Residents enrolled at a site
label-hold-from = From (for residents enrolled between two days)
label-hold-to = To (for residents enrolled between two days)
label-hold-site = Site (for residents enrolled at a site)
hold-place-button = Place hold
done-hold-placed = The hold { $reference } was placed. It covers { $count ->
        [one] one record
       *[other] { $count } records
    } now.
done-hold-lifted = The hold { $reference } was lifted. The next purge destroys what is due and no other hold covers.
sites-not-applicable = Works at no site (this role serves no counter)
err-under_legal_hold = A legal hold covers this record: its details cannot be changed or removed until the hold is lifted. Nothing was changed.
col-legal-hold = Under legal hold
audit-holds = { $holds ->
        [one] A legal hold is in force
       *[other] { $holds } legal holds are in force
    }: { $records ->
        [one] one record is
       *[other] { $records } records are
    } kept past their date, and not counted overdue.
audit-holds-link = See the holds

## The printed card's own words, as the card prints them (capitals where the language has
## them). The card prints them in the city's card language and, when a resident asks, in a
## second language under them, so keep them short: a label has about 27 mm at 6 pt.
card-face-title = IDENTIFICATION CARD
card-face-name = NAME
card-face-preferred-name = PREFERRED NAME
card-face-date-of-birth = DATE OF BIRTH
card-face-gender = GENDER
card-face-issued = ISSUED
card-face-expires = EXPIRES
card-face-card-number = CARD NO.
card-face-address = ADDRESS
card-face-languages = LANGUAGES
# Between the two languages the back lists ("Spanish, Korean"): a comma and a space in quotes,
# since a message's own spaces at its ends are dropped (Chinese 、, Arabic and Urdu ،).
card-face-list-separator = {", "}
card-face-emergency-contact = EMERGENCY CONTACT
card-face-veteran = VETERAN
card-face-organ-donor = ORGAN DONOR
card-face-return-if-found = If found, please return to any City Hall or drop in a mailbox.
# $address is the verifier page's address, "id.springfield.gov/v".
card-face-verify-hint = Check this card: scan the code, or visit { $address }
# A day on the card: short, and clear to a reader from any country ("7 Apr 1990").
# $month is one of the card-face-month messages below; $day and $year are digits.
card-face-date = { $day } { $month } { $year }
card-face-month-1 = Jan
card-face-month-2 = Feb
card-face-month-3 = Mar
card-face-month-4 = Apr
card-face-month-5 = May
card-face-month-6 = Jun
card-face-month-7 = Jul
card-face-month-8 = Aug
card-face-month-9 = Sep
card-face-month-10 = Oct
card-face-month-11 = Nov
card-face-month-12 = Dec

## The reports as printable PDFs: the retention report and the council's counts

# $date is a day written as date-long writes it.
report-pdf-as-of = { $jurisdiction } — as of { $date }
# $generated is a UTC time such as "2026-12-07 14:05"; $from and $to are days.
report-pdf-generated = Generated { $generated } UTC. Reads and purges are counted from { $from } to { $to }. No personal data appears in this report.
# $counted is a UTC time such as "2026-12-07 14:05": when the last purge counted what is held.
report-held-counted = Records held, the oldest of each kind and the data keys per epoch were counted by the purge at { $counted } UTC; staff sessions, audit entries and overdue records are counted as this report is made.
report-pdf-chain = Audit chain
report-pdf-sealed = The chain’s head was last sealed with a signature at entry { $entry }.
report-pdf-unsealed = The chain’s head has not been sealed yet.
report-pdf-no-epochs = No key epoch protects any resident’s data.
# $epochs is a list of months, each with the day its key was destroyed: "2026-01 (2026-03-01), 2026-02 (2026-04-01)".
report-pdf-destroyed-epochs = Key epochs destroyed: { $epochs }
report-pdf-none = none
report-pdf-started = Started (UTC)
col-audit-removed = Audit entries removed
report-pdf-holds-none = No legal hold is in force: every kind of data is destroyed on time.
report-pdf-per-card = No check is recorded per card.
report-pdf-signature = Signature
# $alg is "ES256"; $kid is the signing key's identifier.
report-pdf-signed = Signed with { $alg } by key { $kid }, over the canonical JSON of this report.
report-pdf-unsigned = This report is not signed.
report-pdf-check = The signed JSON travels inside this file, and a signature over the file’s own bytes ends it. Check a copy with “muni-id report verify FILE”.
# At the foot of every page; $report is the report's title.
report-pdf-page = { $report } — page { $page } of { $pages }
# $from and $to are months written as program-pdf-month writes them.
program-pdf-period = { $jurisdiction } — { $from } to { $to }
# $columns is one of the program-by messages ("By month").
program-pdf-columns = Columns: { $columns }
program-pdf-generated = Generated { $generated } UTC.
program-pdf-threshold = Counts from 1 to { $below } are shown as “<{ $threshold }”. A figure marked “withheld” is hidden so that no small count can be worked out from the totals.
program-pdf-counts-only = Counts only: no person, card or member of staff is named or numbered in this report.
program-pdf-nothing = Nothing was counted in this period.
program-pdf-category = Category
program-pdf-total = Total
# A figure hidden from the table (see program-pdf-threshold).
program-pdf-withheld = withheld
program-pdf-no-site = No site recorded
# A column of the table: $month is one of the card-face-month messages, $year is digits,
# $number the month's number (1 to 12), for a language whose month names take another form
# standing alone (ru.ftl selects on it).
program-pdf-month = { $month } { $year }
# $category is one of the waiver messages ("Low income").
program-pdf-waived = Waived: { $category }
program-table-application = Applications accepted, by age band
program-table-denial = Applications refused, by reason
program-table-card_issued = Cards issued, by reason
program-table-fee = Card fees: paid, or waived by category
program-table-language = Languages residents asked for
program-denial-insufficient_proof = Not enough proof of identity or residency
program-denial-below_minimum_age = Below the minimum age
program-denial-caretaker_required = Came without a caretaker

# A language by its name, as the card's back and the council report write a resident's
# languages in this language (BCP 47 tag after "lang-"; a sign language is a language too).
# Written as a list item mid-sentence would write it (Spanish and French: lowercase).
lang-am = Amharic
lang-ar = Arabic
lang-ase = American Sign Language
lang-bn = Bengali
lang-bo = Tibetan
lang-cmn = Mandarin
lang-de = German
lang-el = Greek
lang-en = English
lang-es = Spanish
lang-fa = Persian
lang-ff = Fula
lang-fil = Filipino
lang-fr = French
lang-gu = Gujarati
lang-he = Hebrew
lang-hi = Hindi
lang-hmn = Hmong
lang-ht = Haitian Creole
lang-hu = Hungarian
lang-hy = Armenian
lang-it = Italian
lang-ja = Japanese
lang-ka = Georgian
lang-km = Khmer
lang-ko = Korean
lang-ku = Kurdish
lang-lo = Lao
lang-mam = Mam
lang-mfs = Mexican Sign Language
lang-ml = Malayalam
lang-my = Burmese
lang-ne = Nepali
lang-nl = Dutch
lang-pa = Punjabi
lang-pl = Polish
lang-prs = Dari
lang-ps = Pashto
lang-pt = Portuguese
lang-quc = K'iche'
lang-ro = Romanian
lang-ru = Russian
lang-si = Sinhala
lang-so = Somali
lang-sq = Albanian
lang-sw = Swahili
lang-ta = Tamil
lang-te = Telugu
lang-th = Thai
lang-ti = Tigrinya
lang-tl = Tagalog
lang-tr = Turkish
lang-uk = Ukrainian
lang-ur = Urdu
lang-uz = Uzbek
lang-vi = Vietnamese
lang-wo = Wolof
lang-yi = Yiddish
lang-yo = Yoruba
lang-yue = Cantonese
lang-zh = Chinese
