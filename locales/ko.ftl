# 한국어.

language-name = 한국어
language-dir = ltr

## 모든 페이지의 공통 틀

app-name = 시 신분증
skip-to-content = 본문으로 건너뛰기
nav-label = 주 메뉴
language-label = 페이지 언어
nav-enroll = 주민 등록
nav-find = 주민 찾기
nav-staff = 직원 계정
nav-policy = 정책 및 키
nav-audit = 보존 현황 보고서
nav-password = 비밀번호 변경
logout = 로그아웃
footer-privacy = 이 서비스는 주민에 관한 정보를 가능한 한 적게, 가능한 한 짧은 기간 동안만 보관합니다. 주민의 정보는 이 양식에만 입력하십시오.
back-home = 시작 페이지로 돌아가기
error-prefix = 오류:
continue = 계속
yes = 예
no = 아니요
choose = 선택…
optional = (선택)
required = (필수)
save = 변경 내용 저장
cancel = 취소
you = 본인

## 한국어에서 쓰는 날짜와 숫자 표기
# 날짜: 2026년 12월 6일. $monthName은 month-1 … month-12 중 하나(“12월”)입니다.
date-long = { $year }년 { $monthName } { $day }일
month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월
number-group-separator = ,

## 거부

csrf-title = 이 양식은 접수할 수 없습니다
err-csrf = 이 양식이 이 웹사이트에서 전송되지 않았거나 페이지가 만료되었습니다. 이전 페이지로 돌아가 페이지를 새로 고친 후 다시 시도하십시오.
forbidden-title = 허용되지 않음
err-forbidden = 귀하의 역할({ $role })로는 이 페이지를 열 수 없습니다.
not-found-title = 찾을 수 없음
err-not_found = 해당 기록이 없습니다.
outage-title = 아무것도 저장되지 않았습니다
err-database_unavailable = 지금은 데이터베이스에 연결할 수 없어 아무것도 저장되지 않았습니다. 잠시 기다린 후 이전 페이지로 돌아가 다시 시도하십시오.
err-storage_full = 서버의 저장 공간이 가득 차서 아무것도 저장되지 않았습니다. 관리자에게 알리십시오. 공간이 확보되면 양식을 다시 보낼 수 있습니다.
err-key_custody_unavailable = 지금은 주민 데이터를 보호하는 키에 접근할 수 없어 아무것도 읽거나 저장하지 않았습니다. 잠시 기다린 후 이전 페이지로 돌아가 다시 시도하십시오.
problem-title = 처리할 수 없습니다
form-unreadable-title = 양식을 읽을 수 없습니다
err-form-unreadable = 양식을 읽을 수 없거나 양식이 너무 큽니다. 이전 페이지로 돌아가 다시 시도하십시오.
err-invalid-value = 올바르지 않은 값이 있습니다. 양식을 확인한 후 다시 시도하십시오.

## 로그인

login-title = 로그인
logged-out = 로그아웃되었습니다.
username = 사용자 이름
password = 비밀번호
login-button = 로그인
err-invalid_credentials = 사용자 이름 또는 비밀번호가 올바르지 않습니다.
err-too_many_attempts = 로그인 실패 횟수가 너무 많습니다. { $unit ->
        [seconds] { $count }초
       *[minutes] { $count }분
    } 후에 다시 시도하십시오.

## 비밀번호

password-title = 비밀번호 변경
password-changed = 비밀번호가 변경되었습니다. 다른 세션은 모두 종료되었습니다.
password-required = 일회용 비밀번호로 로그인하셨습니다. 계속하기 전에 본인의 비밀번호를 정하십시오.
label-current_password = 현재 비밀번호
label-new_password = 새 비밀번호
label-confirm_password = 새 비밀번호 확인
password-rule = 12자 이상이어야 합니다. 서로 관련 없는 단어 몇 개를 이어 쓰면 좋은 비밀번호가 됩니다.
password-button = 비밀번호 변경
err-password-mismatch = 입력한 두 새 비밀번호가 서로 다릅니다.
err-current-password-wrong = 현재 비밀번호가 올바르지 않습니다.
err-weak_password = 이 새 비밀번호는 사용할 수 없습니다. 현재 비밀번호와 다른, 12자 이상의 비밀번호를 사용하십시오.

## 역할

role-clerk = 창구 직원
role-supervisor = 감독자
role-auditor = 감사관
role-admin = 관리자

## 등록

enroll-title = 주민 등록
form-language-label = 이 양식의 표시 언어
form-has-problems = 양식에 문제가 { $count }건 있습니다
duplicate-title = 이미 등록된 사람일 수 있습니다
duplicate-text = 법적 이름과 생년월일이 같은 주민이 이미 등록되어 있습니다.
duplicate-open = 해당 기록 열기
duplicate-or-confirm = 다른 사람이라면 양식 맨 아래의 “다른 사람입니다”에 표시한 후 다시 등록하십시오.
duplicate-confirm = 다른 사람입니다: 그대로 등록합니다
enroll-documents = 제시한 서류
enroll-documents-hint = 주민이 제시하는 서류의 종류를 각각 표시하십시오. 카드를 발급하려면 신원 점수 { $identity }점과 거주 점수 { $residency }점이 필요합니다.
doc-points = 신원 { $identity }점 · 거주 { $residency }점
points-total = 현재까지의 점수
points-identity = 신원 점수
points-residency = 거주 점수
points-met = 요건 충족
points-missing = { $n }점 더 필요
enroll-documents-privacy = 서류는 확인만 하고 돌려주십시오. 표시한 서류 종류는 점수 합산에만 사용되며, 서류에 관한 다른 내용은 입력하지도 보관하지도 않습니다.
enroll-details = 주민 정보
label-legal_name = 법적 이름
hint-legal_name = 주민이 쓰는 그대로, 어떤 문자로든 입력하십시오.
label-preferred_name = 선호 이름
hint-preferred_name = 주민이 평소 쓰는 이름이 법적 이름과 다른 경우에 입력합니다. 법적 이름 아래에 인쇄됩니다.
label-date_of_birth = 생년월일
hint-date_of_birth = 주민은 { $age }세 이상이어야 합니다.
label-gender = 성별 표기
hint-gender = 본인이 정합니다. 주민에게 물어보고 주민이 선택한 대로 기록하십시오. X는 F와 M 중 어느 것도 원하지 않는 분을 위한 표기입니다. 빈칸을 선택하면 카드에 성별이 표기되지 않습니다.
gender-blank = 없음(빈칸)
gender-f = F
gender-m = M
gender-x = X
enroll-address = 카드에 표기할 주소
hint-address = 자택 주소를 입력하거나, 쉼터나 기관에서 우편을 받는 경우 그 쉼터나 기관을 경유 주소로 입력합니다. 주소는 카드 뒷면에 인쇄된 후 삭제됩니다.
label-confidential = 비공개 카드: 주소를 표기하지 않고, 우편으로 보내지 않으며, 직접 교부합니다
hint-confidential = 주소가 알려져서는 안 되는 주민(예: 폭력 피해 생존자)을 위한 카드입니다. 주소 없이 인쇄되며 우편으로 보내지 않습니다. 이곳에서 교부하거나, 주민이 선택한 접수처에서 직접 수령합니다. 기록된 주소는 모두 삭제됩니다.
address-none = 주소 없음
address-home = 자택 주소
address-care-of = 쉼터 또는 기관 경유
label-address_line1 = 도로명 및 건물 번호
label-address_line2 = 호수, 층(선택)
label-address_care_of = 쉼터 또는 기관
label-address_city = 시
label-address_postal_code = 우편번호
enroll-extras = 카드에 추가로 표기할 사항
label-language_1 = 사용 언어
label-language_2 = 두 번째 사용 언어
language-none = 없음
label-card_language = 카드에 함께 표기할 언어
hint-card_language = 카드의 항목명과 분실 시 반환 안내문은 카드 기본 언어({ $language })로 인쇄됩니다. 주민이 원하면 그 아래에 아래 언어 중 하나로도 함께 인쇄할 수 있습니다.
card-language-none = 없음: { $language }만 표기
label-emergency_name = 비상 연락처 이름
label-emergency_phone = 비상 연락처 전화번호
label-veteran = 재향군인
label-organ_donor = 장기 기증자
enroll-photo = 사진
hint-photo = 카메라를 정면으로 보고, 단색 배경에서, 종교적인 이유가 아니면 모자를 쓰지 않고 촬영합니다. 카메라를 사용하거나 JPEG 또는 PNG 파일을 선택하십시오.
camera-denied = 브라우저가 카메라 사용을 허용하지 않았습니다. 대신 사진 파일을 선택하거나, 카메라를 허용한 후 다시 시도하십시오.
camera-none = 카메라를 시작할 수 없습니다. 대신 사진 파일을 선택하십시오.
camera-ready = 카메라가 켜졌습니다. 주민이 준비되면 사진을 촬영하십시오.
camera-taken = 사진을 촬영했습니다. 필요하면 다시 촬영하십시오.
camera-live = 실시간 카메라 화면
camera-start = 카메라 시작
camera-take = 사진 촬영
camera-retake = 다시 촬영
label-photo = 사진 파일(JPEG 또는 PNG)
photo-kept = 이전에 보낸 사진이 유지됩니다. 바꾸려면 다른 사진을 선택하거나 촬영하십시오.
photo-preview-alt = 카드에 인쇄될 사진
photo-none-yet = 아직 사진이 없습니다
enroll-submit = 주민 등록

## 서류 종류

doc-passport = 여권
doc-consular_id = 영사관 발급 신분증
doc-drivers_license = 운전면허증
doc-state_id = 주 정부 발급 신분증
doc-birth_certificate = 출생증명서
doc-utility_bill = 공과금 고지서
doc-lease = 임대차 계약서
doc-bank_statement = 은행 거래 내역서
doc-shelter_letter = 쉼터 또는 기관의 확인서

## 서비스가 거부하는 경우 (id는 API의 고정 오류 코드입니다)

err-invalid_name = 이름은 글자를 하나 이상 포함하여 한 줄로, 150자 이내로 입력하십시오.
err-invalid_characters = “{ $field }”의 { $position }번째 문자는 보이지 않는 문자이거나 주변 텍스트의 방향 또는 모양을 바꾸는 문자이므로 이름에 쓸 수 없습니다(이름을 붙여 넣을 때 함께 들어오는 경우가 많습니다). 이 문자를 지우고 이름의 해당 부분을 다시 입력하십시오.
err-invalid_date = 올바른 날짜를 입력하십시오.
err-date_of_birth_in_future = 생년월일이 미래의 날짜입니다.
err-below_minimum_age = 카드를 발급하려면 주민이 { $age }세 이상이어야 합니다.
err-invalid_gender = F, M, X, 없음 중에서 선택하십시오.
err-invalid_language = 목록에서 언어를 선택하십시오.
err-too_many_languages = 카드에는 언어를 두 개까지만 표기할 수 있습니다.
err-invalid_phone = 전화번호는 숫자 3~20자리이며, 숫자 외에는 + - ( ) . 및 공백만 쓸 수 있습니다.
err-invalid_address = 도로명이 포함된 자택 주소와 경유 기관 중 하나만 입력하십시오(둘 다 입력할 수는 없습니다). 각 줄은 120자 이내여야 합니다.
err-photo_too_large = 사진이 너무 큽니다. 더 작은 파일을 사용하십시오.
err-unsupported_photo_format = 사진은 JPEG 또는 PNG 파일이어야 합니다.
err-invalid_photo = 사진을 읽을 수 없습니다. 다시 촬영하거나 다른 파일을 선택하십시오.
err-photo_too_small = 사진이 너무 작아 인쇄할 수 없습니다. 더 가까이에서 다시 촬영하거나 더 큰 파일을 선택하십시오.
err-photo-missing = 사진을 촬영하거나 사진 파일을 선택하십시오.
err-insufficient_proof = 표시한 서류의 점수는 신원 { $identity }점, 거주 { $residency }점입니다. 신원 { $need_identity }점과 거주 { $need_residency }점이 필요합니다.
err-insufficient_proof-none = 주민이 제시한 서류의 종류를 표시하십시오.
err-unknown_document_kind = 목록에 없는 서류 종류가 있습니다. 페이지를 새로 고친 후 다시 표시하십시오.
err-possible_duplicate = 법적 이름과 생년월일이 같은 주민이 이미 등록되어 있습니다.
err-payload_too_large = 양식이 너무 큽니다. 더 작은 사진을 사용하십시오.
err-invalid_card_number = 카드 번호는 12자리 숫자입니다. 잘못 입력한 숫자가 없는지 확인하십시오.
err-card_not_active = 이미 무효화되었거나 만료된 카드입니다.
err-resident_data_destroyed = 이 주민의 개인 정보는 보존 정책에 따라 파기되었습니다.
err-unsupported_script = 카드 글꼴로는 이 이름을 정확하게 인쇄할 수 없어 카드를 발급하지 않았습니다. 관리자에게 이 문자 체계용 글꼴을 추가해 달라고 요청하십시오.
err-unsupported_script-named = “{ $field }”의 { $position }번째 문자는 이 카드가 인쇄할 수 없는 문자 체계({ $script })이므로 저장되지 않았습니다. 관리자에게 이 문자 체계의 글꼴을 추가해 달라고 요청하십시오.
err-invalid_username = 사용자 이름은 2~64자이며 a–z, 0–9, “.”, “_”, “-”만 쓸 수 있습니다.
err-username_taken = 같은 사용자 이름의 계정이 이미 있습니다.
err-own_account = 본인 계정을 비활성화하거나 본인의 관리자 역할을 해제할 수 없습니다.
err-revoke-reason = 카드를 무효화하는 사유를 선택하십시오.
err-does_not_fit = 이 항목은 가장 작은 글자로도 카드에 들어가지 않을 만큼 길어서 카드를 발급하지 않았습니다. 내용을 줄인 후(예: 선호 이름) 다시 시도하십시오.
err-changed_meanwhile = 편집하는 동안 다른 사람이 이 기록을 변경했습니다. 아무것도 저장되지 않았습니다. 기록을 다시 열고 변경 사항을 다시 입력하십시오.
err-internal_error = 시스템 내부에 문제가 발생하여 아무것도 저장되지 않았습니다. 다시 시도하십시오. 문제가 반복되면 관리자에게 알리십시오.
err-invalid_batch = 한 번에 인쇄할 카드 수를 줄여서 선택하십시오.
err-invalid_field_type = 값이 잘못된 형식으로 전송되었습니다. 페이지를 새로 고친 후 다시 시도하십시오.
err-invalid_format = 제공되지 않는 형식입니다. 목록에서 선택하십시오.
err-invalid_query = 이 페이지의 주소가 올바르지 않습니다. 이전 페이지로 돌아가 다시 시도하십시오.
err-invalid_value = 올바르지 않은 값이 있습니다. 표시된 항목을 확인하십시오.
err-malformed_body = 양식을 읽을 수 없습니다. 페이지를 새로 고친 후 다시 시도하십시오.
err-malformed_json = 요청을 읽을 수 없습니다. 페이지를 새로 고친 후 다시 시도하십시오.
err-method_not_allowed = 이 페이지는 그런 방식으로 사용할 수 없습니다. 이전 페이지로 돌아가 페이지에 있는 버튼을 사용하십시오.
err-missing_field = 필수 항목이 비어 있습니다. 입력한 후 다시 시도하십시오.
err-not_authenticated = 세션이 종료되었습니다. 다시 로그인하십시오.
err-password_change_required = 계속하기 전에 비밀번호를 변경하십시오.
err-request_timeout = 양식이 도착하는 데 너무 오래 걸려 저장되지 않았습니다. 연결 상태를 확인한 후 다시 보내십시오.
err-too_many_connections = 이 컴퓨터에서 동시에 연결한 수가 너무 많습니다. 잠시 기다린 후 다시 시도하십시오.
err-too_many_requests = 이 컴퓨터에서 카드 확인 요청이 너무 많습니다. 1분 정도 기다린 후 다시 시도하십시오.
err-unknown_field = 이 서비스가 알 수 없는 항목이 양식에 포함되어 있습니다. 페이지를 새로 고친 후 다시 시도하십시오.
err-unsupported_media_type = 이 서비스가 읽을 수 없는 방식으로 양식이 전송되었습니다. 페이지를 새로 고친 후 다시 시도하십시오.

## 주민 찾기

find-title = 주민 찾기
find-hint = 법적 이름과 생년월일을 정확하게 입력하십시오. 정확히 일치하는 기록만 찾을 수 있으며, 주민 목록은 제공되지 않습니다.
find-button = 찾기
find-results = 결과
find-several = 일치하는 기록이 { $count }건 있습니다. 각 기록을 열어 구별하십시오.
find-open-record = 기록 { $n }
find-none = 이 법적 이름과 생년월일에 일치하는 주민이 없습니다.
find-enroll-instead = 새 주민 등록

## 주민 기록

resident-title = 주민
action-issue = 카드 발급
action-edit = 이름 또는 주소 변경
photo-of-resident = 주민의 사진
label-languages = 사용 언어
label-emergency = 비상 연락처
label-address = 주소
address-none-kept = 보관하지 않음(카드를 인쇄하면 삭제됨)
address-none-confidential = 없음: 비공개 카드에는 주소가 없습니다
label-proof = 서류
proof-met = 신원 및 거주 요건 충족
proof-not-met = 요건 미충족
label-enrolled = 등록일
label-retained-until = 데이터 보관 기한
cards-title = 카드
card-number = 카드 번호
card-status = 상태
card-issued = 발급일
card-expires = 만료일
card-reason = 사유
card-printed = 인쇄일
card-actions = 작업
status-active = 유효
status-revoked = 무효화됨
status-expired = 만료됨
reason-new = 신규 발급
reason-renewal = 갱신
reason-replacement_lost = 재발급: 분실
reason-replacement_stolen = 재발급: 도난
reason-replacement_damaged = 재발급: 훼손
reason-update = 정보 변경
revoke-reason = 무효화 사유
revoke-lost = 분실
revoke-stolen = 도난
revoke-damaged = 훼손
revoke-issued_in_error = 잘못 발급됨
revoke-button = 카드 무효화
no-cards = 아직 발급된 카드가 없습니다.
done-revoked = 카드가 무효화되었습니다. 이제 카드를 확인하면 “유효하지 않음”으로 표시됩니다.
done-updated = 정보가 변경되었습니다. 변경된 정보를 카드에 인쇄하려면 카드를 새로 발급하십시오(사유: 정보 변경).
nav-pickups = 카드 수령
card-delivery = 전달 방법
mark-mailed = 우편 발송 완료로 표시
mark-arrived = 이곳에 도착 완료로 표시
hand-over-checked = 수령인의 얼굴을 카드 사진과 대조했습니다
hand-over-button = 교부
label-confidential-short = 비공개 카드
confidential-yes = 예: 주소 없음, 우편 발송 안 함, 직접 교부
stage-issued = 아직 인쇄되지 않음
stage-printed = 인쇄됨
stage-printed-mail = 인쇄됨, 우편 발송 예정
stage-printed-pickup = 인쇄됨, { $site } 접수처로 이동 중
stage-ready = { $site } 접수처에서 수령 가능
stage-collect-by = 수령 기한
card-stage = 현재 위치
move-pickup-label = 다른 접수처에서 수령
move-pickup-button = 이동
done-pickup-moved = 이제 이 카드는 다른 접수처에서 수령합니다. 그 접수처의 창구 직원이 도착 처리를 합니다.
stage-handed_over = 교부됨
stage-mailed = 우편 발송됨
stage-uncollected = 기한 내 미수령: 무효화됨
stage-ready-here = 이곳에서 수령 가능
stage-on-the-way = 인쇄됨, 아직 도착하지 않음
pickups-title = 이곳에서 수령할 카드
pickups-intro = { $ready ->
    [0] 이곳에 수령 준비가 된 카드는 없고,
   *[other] 이곳에 수령 준비가 된 카드는 { $ready }장이고,
} { $coming ->
    [0] 오는 중인 카드는 없습니다.
   *[other] 오는 중인 카드는 { $coming }장입니다.
}
pickups-hint = 카드 번호로 주민의 카드를 찾으십시오. 얼굴이 카드 사진과 일치하는 본인에게만 교부하십시오. 기한까지 수령하지 않은 카드는 무효화되며 반드시 파쇄해야 합니다.
pickups-caption = { $site } 접수처의 수령 대기 카드
pickups-none = 이곳에서 수령을 기다리는 카드가 없습니다.
done-arrived = 이곳에서 수령 가능한 카드로 표시했습니다.
done-handed-over = 카드를 교부했습니다.
done-mailed = 우편 발송 완료로 표시했습니다.

## 이름 또는 주소 변경

edit-title = 이름 또는 주소 변경
edit-hint = 새 정보는 다음에 발급하는 카드에 인쇄됩니다.

## 검토 및 인쇄

review-title = 카드 검토
review-hint = 카드를 발급하기 전에 주민과 함께 이름, 생년월일, 뒷면의 모든 내용을 확인하십시오.
review-warnings-title = 발급 전 확인 사항
warn-mixed_script = “{ $field }”의 한 단어에 서로 다른 문자 체계의 글자가 섞여 있습니다(예: 라틴 문자 사이에 키릴 문자 하나). 이렇게 쓰는 이름도 있으므로, 카드를 발급하기 전에 철자를 서류와 대조하십시오.
steps-label = 진행 단계
step-enroll = 등록
step-review = 검토
step-print = 인쇄
issue-reason = 이 카드를 발급하는 사유
issue-revokes-previous = 이 카드를 발급하면 주민이 가진 기존 유효 카드는 무효화됩니다.
issue-button = 카드 발급
open-record = 주민 기록 열기
preview-front = 카드 앞면
preview-back = 카드 뒷면
preview-note = 카드는 보이는 그대로 인쇄됩니다. QR 코드는 카드를 인쇄할 때 서명됩니다.
card-title = 카드
card-issued-title = 카드 발급 완료
card-issued-text = { $number } 카드가 인쇄되었으며 { $expires }까지 유효합니다. 주민에게 교부하십시오.
card-issued-text-mail = { $number } 카드가 인쇄되었으며 { $expires }까지 유효합니다. 주민에게 우편으로 보낸 후, 주민 기록에서 우편 발송 완료로 표시하십시오.
card-issued-text-ready = { $number } 카드가 인쇄되어 이곳 { $site } 접수처에서 보관 중입니다. 주민은 { $date }까지 직접 수령해야 합니다.
card-issued-text-send = { $number } 카드가 인쇄되었습니다. { $site } 접수처로 보내십시오. 그곳의 창구 직원이 도착 처리를 하면 주민이 직접 수령합니다.
card-delivered-text = { $number } 카드는 { $expires }까지 유효합니다. { $stage ->
    [mailed] 주민에게 우편으로 발송되었습니다.
   *[other] 주민에게 교부되었습니다.
}
card-ready-title = 인쇄 준비 완료
card-ready-text = { $number } 카드가 발급되었습니다. 카드 프린터로 인쇄하십시오.
card-not-active-title = 유효하지 않은 카드입니다
card-not-active-text = 상태: { $status }. 인쇄할 수 없습니다.
print-button = 카드 인쇄
print-again = 다시 인쇄
print-hint = 카드가 새 탭에서 PDF로 열립니다. 그 탭에서 브라우저의 인쇄 대화상자를 사용하여 카드 프린터로 실제 크기로 인쇄하십시오.
print-done = 카드 인쇄 완료
enroll-next = 다음 주민 등록

## 보존 현황 보고서

audit-title = 보존 현황 보고서
audit-as-of = 기준일
audit-show = 보기
audit-intro = { $as_of } 기준으로 { $jurisdiction }에서 보관 중인 데이터를 종류별로 보존 정책과 비교한 내용입니다. 이 보고서에는 개인 정보가 포함되지 않습니다.
audit-overdue-none = 정책 기한을 넘겨 보관된 데이터가 없습니다.
audit-overdue-some = 기록 { $count }건이 정책 기한을 넘겨 보관되어 있습니다.
audit-chain-intact = 감사 체인이 온전합니다(항목 { $entries }개).
audit-chain-broken = 감사 체인이 항목 { $first }에서 끊어졌습니다(전체 항목 { $entries }개).
audit-chain-checked = { $checked } UTC 파기 작업 때 체인 전체를 확인했고, 이 보고서는 그 뒤에 추가된 항목을 확인했습니다.
audit-downloads = 다운로드
download-json = 서명된 보고서(JSON)
download-csv = 보고서(CSV)
download-pdf = 인쇄용 보고서(PDF)
audit-signed = 다운로드 파일은 모두 서명되어 있어, 나중에 “muni-id report verify”로 사본을 검증할 수 있습니다.
chart-title = 가장 오래된 기록과 정책 한도
chart-desc = 일 단위 한도가 있는 데이터 종류별로, 보관 중인 가장 오래된 기록의 경과 기간(막대)과 정책 한도(선)를 보여 줍니다. 막대가 선을 넘으면 너무 오래 보관된 데이터입니다.
chart-legend-age = 가장 오래된 기록의 경과 기간
chart-legend-limit = 정책 한도
chart-legend-over = 정책 기한 초과 보관
chart-none-held = 보관 중인 데이터 없음
chart-caption = { $age } / { $limit }일
class-card_face = 카드 기재 정보(카드가 있는 주민)
class-unissued_residents = 등록 후 카드 미발급
class-print_only_address = 인쇄용 주소
class-audit_entries = 감사 기록 항목
class-staff_sessions = 직원 세션
class-card_status = 카드 상태
audit-classes = 보관 중인 데이터
col-class = 데이터 종류
col-policy = 정책
col-held = 보관 건수
col-oldest = 가장 오래된 기록
col-overdue = 기한 초과
col-destroyed = 파기(30일)
audit-purges = 최근 파기 작업
col-started = 시작 시각
col-trigger = 실행 방식
col-outcome = 결과
col-residents-destroyed = 파기된 주민 기록
col-addresses-destroyed = 파기된 주소
col-epochs-destroyed = 파기된 키 에포크
audit-no-purges = 아직 실행된 파기 작업이 없습니다.
audit-keys = 키
audit-keys-summary = 키 에포크 { $live }개가 주민 데이터를 보호하고 있습니다. 미리 준비된 빈 에포크는 { $empty }개이며, 파기된 에포크는 { $destroyed }개입니다.
col-epoch = 에포크
col-key-version = 키 버전
col-data-keys = 주민 수
audit-reads = 개인 정보 열람(30일)
col-role = 역할
col-reads = 열람 횟수
audit-staff-changes = 생성, 재설정 또는 변경된 직원 계정(30일)
audit-no-staff-changes = 생성되거나 변경된 직원 계정이 없습니다.
col-when = 일시(UTC)
col-change = 변경 내용
col-account = 계정
col-by = 처리자
staff-change-created = 생성
staff-change-password_reset = 비밀번호 재설정
staff-change-factors_reset = 로그인 인증 수단 재설정
staff-change-role_changed = 역할 변경
staff-change-disabled = 비활성화
staff-change-enabled = 다시 활성화
staff-change-by-cli = 명령줄
staff-change-by-system = 서비스(최초 시작 시)
audit-checks = 카드 확인
audit-verifications = 최근 30일간 카드 확인: { $checks }건(유효 { $valid }건, 유효하지 않음 { $not_valid }건).

## 직원 계정

staff-title = 직원 계정
one-time-password = { $username }의 일회용 비밀번호:
one-time-password-hint = 본인에게 직접 전달하십시오. 이 비밀번호는 지금만 표시되며, 해당 직원은 로그인할 때 본인의 비밀번호를 정해야 합니다.
staff-accounts = 계정
col-state = 상태
col-created = 생성일
state-disabled = 비활성
state-active = 활성
state-must-change = 비밀번호 설정 필요
role-for = { $username }의 역할
change-role = 역할 변경
enable-account = { $username } 활성화
disable-account = { $username } 비활성화
reset-password = { $username }의 비밀번호 재설정
staff-add = 계정 추가
username-rule = 2~64자: a–z, 0–9, “.”, “_”, “-”.
label-initial-password = 비밀번호
initial-password-hint = 비워 두면 일회용 비밀번호가 생성되며, 해당 직원은 처음 로그인할 때 이를 변경해야 합니다.
staff-add-button = 계정 추가
done-staff-added = { $username } 계정을 추가했습니다.
done-role-changed = { $username }의 역할을 변경했습니다. 해당 직원의 세션은 종료되었습니다.
done-disabled = { $username } 계정을 비활성화하고 세션을 종료했습니다.
done-enabled = { $username } 계정을 다시 활성화했습니다.
done-reset = { $username }의 비밀번호를 재설정했습니다. 해당 직원의 세션은 종료되었습니다.

## 정책 및 키

policy-title = 정책 및 키
policy-intro = 현재 적용 중인 설정이며 읽기 전용입니다. 설정은 이곳이 아니라 설정 파일에서 변경합니다.
policy-documents = 서류 및 점수
policy-requirement = 카드를 발급하려면 신원 점수 { $identity }점과 거주 점수 { $residency }점이 필요합니다.
col-document = 서류
col-code = 코드
policy-rules = 규칙
policy-minimum-age = 카드 발급 최소 연령
policy-unissued = 등록 후 카드 미발급 시 보관 기간
policy-grace = 마지막 카드 종료 후 보관 기간
policy-address = 주소
policy-address-kept = 카드 기재 정보와 함께 보관
policy-address-destroyed = 카드 인쇄 후 삭제
policy-audit = 감사 기록 항목 보관 기간
policy-key-backups = 키 링 백업 최대 보관 기간
policy-ceiling = 모든 정책의 상한
policy-purge-interval = 파기 작업 실행 주기
policy-sessions = 직원 세션 종료 조건
policy-sessions-value = { $idle }분 동안 활동이 없거나 로그인 후 { $absolute }분이 지나면 종료
policy-throttle = 로그인 시도 제한
policy-throttle-value = 한 주소에서 한 계정에 대해 { $failures }회 실패하면 { $first }초 동안 기다려야 하며, 대기 시간은 최대 { $longest }분까지 두 배씩 늘어남
days = { $n }일
minutes = { $n }분
policy-keys = 키 버전
policy-keys-summary = 사용 중인 키 에포크는 { $live }개이며, 파기된 에포크는 { $destroyed }개입니다.
policy-epochs = 사용 중인 에포크와 현재 키 버전
policy-destroyed = 파기된 에포크
policy-signing = 카드 서명 키(공개됨)
policy-signing-current = 현재 서명에 사용 중
policy-config = 적용 중인 설정
policy-config-show = 설정 보기(비밀 값은 가려짐)

# 감사관 페이지에 표시되는 보존 규칙 설명({ days }는 $n을 사용합니다).
class-policy-card_face = 마지막 카드가 만료되거나 무효화된 후 { days } 더 보관
class-policy-unissued_residents = 등록 후 { days }
class-policy-print_only_address-kept = 카드 기재 정보와 함께 보관
class-policy-print_only_address-destroyed = 이 주소가 기재된 카드를 인쇄하면 삭제
class-policy-audit_entries = { days }
class-policy-staff_sessions = { $idle }분 동안 활동이 없거나 로그인 후 { $absolute }분이 지날 때까지
class-policy-card_status = 카드가 제시될 수 있는 동안 보관하며, 무효화된 카드의 색인은 다시 사용하지 않음
audit-keys-statement = 데이터베이스의 모든 사본(백업, WAL 아카이브, 도난당한 디스크)은 만들어진 지 { $w1 }개월이 지나면 읽을 수 없게 되며, 각 기록은 기한이 되는 달이 끝날 때까지 모든 사본에서 읽을 수 없게 됩니다. 데이터 키는 최대 { $w }개월 앞서서만 래핑되고, 지난 달의 키는 파기되기 때문입니다. 키 링 사본은 최대 { days } 동안 보관됩니다.

# 차트 행의 짧은 이름, 파기 작업의 실행 방식과 결과.
chart-label-card_face = 카드 기재 정보
chart-label-unissued_residents = 카드 미발급
chart-label-audit_entries = 감사 기록 항목
chart-label-staff_sessions = 직원 세션
purge-trigger-schedule = 예약 실행
purge-trigger-cli = 명령줄에서 실행
purge-outcome-running = 실행 중
purge-outcome-completed = 완료
purge-outcome-failed = 실패

## 2차 인증 수단

nav-account = 계정 및 로그인
factor-title = 로그인 2단계
factor-code = 코드
factor-code-hint = 인증 앱에 지금 표시된 6자리 코드 또는 복구 코드 중 하나를 입력하십시오.
factor-button = 계속
factor-start-again = 사용자 이름부터 다시 시작
account-title = 계정 및 로그인
account-factors = 2차 인증 수단
factor-due = { $date }까지 2차 인증 수단을 설정하십시오. 그 이후에는 비밀번호만으로 로그인할 수 없습니다.
factor-set-up-now = 지금 설정
factor-required-here = 귀하의 역할은 2차 인증 수단으로 로그인해야 합니다.
factor-offered = 2차 인증 수단을 사용하면 누군가 비밀번호를 알아내더라도 계정을 안전하게 지킬 수 있습니다.
factor-none = 아직 2차 인증 수단이 없습니다.
col-added = 추가일
col-last-used = 마지막 사용
factor-kind-totp = 인증 앱
factor-kind-passkey = 패스키
password-to-confirm = 확인을 위해 비밀번호 입력
factor-remove = 삭제
factor-removed = 인증 수단을 삭제했습니다.
totp-add = 인증 앱 설정
totp-title = 인증 앱 설정
totp-step-scan = 인증 앱에서 계정을 추가하고 이 코드를 스캔하십시오.
totp-step-type = 스캔할 수 없으면 대신 이 키를 입력하십시오:
totp-step-confirm = 앱에 지금 표시된 6자리 코드를 입력하십시오.
totp-code = 6자리 코드
totp-confirm = 확인
totp-added = 인증 앱이 설정되었습니다. 이제부터는 비밀번호와 인증 앱의 코드로 로그인합니다.
totp-qr-label = 인증 앱용 QR 코드
recovery-title = 복구 코드
recovery-left = 사용하지 않은 복구 코드가 { $count }개 있습니다.
recovery-new = 새 복구 코드 만들기
recovery-shown-once = 이 코드를 적어 두거나 인쇄하여 안전한 곳에 보관하십시오. 코드는 지금만 표시됩니다.
recovery-how = 휴대전화를 분실한 경우 앱의 코드 대신 이 코드 중 하나로 로그인하십시오. 각 코드는 한 번만 사용할 수 있습니다. 새 코드를 만들면 지금의 코드는 모두 무효가 됩니다.
err-totp-wrong-code = 이 코드는 설정 중인 앱과 일치하지 않습니다. 휴대전화의 시간을 확인하고, 지금 표시된 코드를 입력하십시오.
err-factor-gone = 해당 인증 수단이 더 이상 계정에 없습니다. 처음부터 다시 시작하십시오.
err-factor-required = 귀하의 역할은 2차 인증 수단을 유지해야 합니다. 이 수단을 삭제하기 전에 다른 수단을 설정하거나 관리자에게 문의하십시오.
err-second_factor_required = 이 계정은 2차 인증 수단으로 로그인해야 합니다.
err-invalid_second_factor = 코드가 올바르지 않거나 이미 사용된 코드입니다. 다음 코드가 표시될 때까지 기다린 후 다시 시도하십시오.
err-second_factor_enrolment_overdue = 이 계정은 2차 인증 수단이 필요하며, 설정 기한이 지났습니다. 관리자에게 2차 인증 수단 재설정을 요청하십시오.
state-second-factor = 2차 인증 수단 있음
state-no-second-factor = 2차 인증 수단 없음
reset-factors = { $username }의 2차 인증 수단 재설정
done-factors-reset = { $username }의 2차 인증 수단을 삭제했습니다. 해당 직원의 세션은 종료되었습니다. 다음에 로그인할 때 새 인증 수단을 설정할 수 있습니다.
passkey-add = 패스키 추가
passkey-why = 패스키는 가장 안전한 2차 인증 수단입니다. 휴대전화, 컴퓨터 또는 보안 키가 지문, 얼굴 또는 PIN으로 본인임을 증명합니다. 서버에는 계정을 열 수 있는 정보가 전혀 보관되지 않습니다.
passkey-label = 이 패스키의 이름
passkey-label-hint = 패스키를 서로 구별할 수 있도록 “업무용 노트북”, “파란색 보안 키”처럼 이름을 붙이십시오.
passkey-button = 패스키 추가
passkey-added = 패스키를 추가했습니다.
passkey-needs-script = 패스키를 추가하려면 이 브라우저에서 JavaScript를 사용할 수 있어야 합니다.
passkey-unavailable-here = 패스키를 사용하려면 서비스가 도메인 이름으로 운영되어야 합니다(이 서비스의 공개 주소는 IP 주소입니다). 대신 인증 앱을 사용하십시오.
passkey-cancelled = 패스키가 사용되지 않았습니다. 요청이 취소되었거나 시간이 초과되었습니다. 다시 시도하십시오.
passkey-unsupported = 이 브라우저에서는 패스키를 사용할 수 없습니다. 인증 앱이나 복구 코드를 사용하십시오.
passkey-wrong-host = 패스키는 이 서비스의 정식 주소에서만 작동합니다. 그 주소로 서비스를 열고 다시 시도하십시오.
passkey-use = 패스키 사용
passkey-or-code = 또는 코드를 입력하십시오:
totp-why = 30초마다 새 6자리 코드를 표시하는 휴대전화 앱입니다.
err-passkeys-unavailable = 패스키를 사용하려면 서비스가 도메인 이름으로 운영되어야 합니다. 대신 인증 앱을 사용하십시오.
err-passkey-refused = 패스키가 승인되지 않았습니다. 다시 시도하십시오.

# 통합 로그인(시의 신원 제공자)
sign-on-button = { $name }(으)로 로그인
sign-on-or-password = 또는 사용자 이름과 비밀번호로 로그인하십시오:
break-glass-summary = 비밀번호를 이용한 비상 로그인
break-glass-hint = 시 통합 로그인이 작동하지 않을 때, 하나뿐인 비상 관리자 계정에서만 사용합니다.
signed-on-title = 로그인됨
signed-on-text = 로그인되었습니다. 곧 페이지가 열립니다.
signed-on-continue = 계속
err-local_passwords_off = 직원은 위의 시 통합 로그인으로 로그인합니다. 이곳에서는 비상 관리자 계정을 제외하고 비밀번호 로그인이 꺼져 있습니다.
err-sign-on-unknown = 이 로그인 링크는 더 이상 유효하지 않습니다. 이미 사용되었거나, 10분이 지났거나, 다른 브라우저에서 열렸습니다. 처음부터 다시 시작하십시오.
err-sign-on-ended = 로그인이 취소되었거나 완료되지 않았습니다. 처음부터 다시 시작하십시오.
err-sign-on-unreachable = 지금은 시 통합 로그인에 연결할 수 없습니다. 몇 분 후에 다시 시도하거나 헬프데스크에 문의하십시오.
err-sign-on-invalid = 시 통합 로그인의 응답을 승인할 수 없습니다. 처음부터 다시 시작하십시오. 문제가 반복되면 헬프데스크에 알리십시오.
err-sign-on-no-account = 시 통합 로그인에는 로그인되었지만, 이 서비스에 귀하의 직원 계정이 없습니다. 관리자에게 계정 생성을 요청하십시오.
err-sign-on-no-role = 시 통합 로그인에는 로그인되었지만, 귀하가 속한 그룹 중 이 서비스에 접근할 수 있는 그룹이 없습니다. 헬프데스크에 알맞은 그룹에 추가해 달라고 요청하십시오.
err-sign-on-two-roles = 시에서 귀하가 속한 그룹들이 이 서비스에서 서로 다른 두 역할을 부여합니다. 헬프데스크에 그중 한 그룹에만 속하도록 요청하십시오.
account-signed-on = { $name }(으)로 로그인하셨습니다. 비밀번호와 2차 인증 수단은 그곳에서 관리됩니다.
err-sign-on-no-username = 시 통합 로그인에서 귀하의 직원 계정 정보를 받지 못했습니다. 헬프데스크에 문의하십시오.
err-sign-on-break-glass = 비상 관리자 계정은 아래에서 비밀번호로만 로그인합니다.
err-sign-on-email-unverified = 시 통합 로그인에서 귀하의 이메일 주소가 인증되지 않았습니다. 헬프데스크에 문의하십시오.
err-sign-on-no-second-factor = 시 통합 로그인에서 2차 인증 수단(예: 휴대전화 또는 보안 키)으로 로그인한 후 다시 시도하십시오.
err-sign-on-other-person = 이 직원 계정은 시 통합 로그인의 다른 사람에게 연결되어 있습니다. 관리자에게 이 계정의 로그인 연결 재설정을 요청하십시오.
err-password-managed-elsewhere = 비밀번호와 2차 인증 수단은 이곳이 아니라 시 통합 로그인에서 관리됩니다.

# 주민용 서류 사전 확인(/check)
check-title = 시 신분증을 받으려면 어떤 서류가 필요합니까?
check-intro = 카드를 받으려면 본인이 누구인지, 그리고 이 시에 거주한다는 것을 증명하는 서류를 제시해야 합니다. 서류마다 점수가 있으며, 신원 점수 { $identity }점과 거주 점수 { $residency }점이 필요합니다.
check-nothing-kept = 이 페이지는 귀하에 관한 정보를 전혀 저장하지 않습니다. 표시한 내용은 보관되지 않으며, 시의 누구도 볼 수 없습니다.
check-documents = 가지고 있는 서류
check-hint = 가져올 수 있는 서류의 종류를 각각 표시하십시오.
check-add-up = 내 점수 합산하기
check-list = 서류별 점수
check-bring = 신청할 때 표시한 서류의 원본을 가져오십시오. 창구 직원이 서류를 확인한 후 돌려드리며, 이 프로그램은 사본이나 서류 번호를 보관하지 않습니다.
check-print = 이 목록을 가져가려면 이 페이지를 인쇄하십시오.
check-footer = 이 페이지는 시 신분증 프로그램에서 제공합니다. 귀하에 관한 정보는 아무것도 보관하지 않습니다.
reason-replacement_never_received = 재발급: 우편 발송 카드 미수령
err-outside_renewal_window = 갱신은 주민의 마지막 카드가 만료되기 직전부터 만료 후 약 6개월까지만 가능합니다. 이 기간이 아니면 서류를 다시 확인한 후 새 카드를 발급하십시오.

## 연령대, 보호자, 수수료 및 면제
err-caretaker_required = 이 연령의 주민은 부모, 법정 후견인 또는 다른 보호자와 함께 신청합니다. 누가 함께 왔는지 선택하십시오.
err-caretaker_not_applicable = 이 연령의 주민은 혼자 신청합니다. “주민과 함께 온 사람”을 비워 두십시오.
err-caretaker_identity_unchecked = 보호자의 신원을 확인한 후, 확인했다는 상자에 표시하십시오.
err-fee_required = 이 카드의 수수료는 { $amount } { $currency }입니다. 수수료를 받은 후 납부로 표시하거나, 면제 유형을 선택하여 면제로 표시하십시오. 카드는 발급되지 않았습니다.
err-unknown_waiver_category = 프로그램의 면제 유형 중 하나를 선택하십시오.
label-caretaker = 주민과 함께 온 사람
caretaker-minors-only = 미성년자만 해당
caretaker-required-ages = { $from }~{ $to }세는 보호자와 함께 신청합니다.
caretaker-optional-ages = { $from }~{ $to }세는 혼자 또는 보호자와 함께 신청할 수 있습니다.
caretaker-required-from = { $from }세부터는 보호자와 함께 신청합니다.
caretaker-optional-from = { $from }세부터는 혼자 또는 보호자와 함께 신청할 수 있습니다.
hint-caretaker = 보호자와의 관계만 기록하십시오. 보호자의 이름은 절대 적지 마십시오.
label-caretaker-relationship = 관계
label-caretaker_identity_checked = 보호자의 신원을 확인했습니다
caretaker-none = 없음(혼자 신청)
relationship-parent = 부모
relationship-legal_guardian = 법정 후견인
relationship-other_caretaker = 기타 보호자
policy-bands = 연령대 및 수수료
policy-bands-intro = 신청일 또는 발급일의 나이에 따라 연령대가 정해집니다. 수수료 단위는 { $currency }이며, 수수료는 이 서비스 밖에서 받습니다.
col-age-band = 연령대
col-ages = 나이
col-caretaker = 보호자
col-validity = 카드 유효 기간
col-fee = 수수료: { $class }
ages-from-to = { $from }~{ $to }세
ages-from = { $from }세 이상
caretaker-rule-required = 필수
caretaker-rule-optional = 선택
caretaker-rule-none = 혼자 신청
years = { $n }년
policy-fee-reasons = 발급 사유별 수수료 등급
policy-waivers = 면제 유형
band-child = 어린이
band-youth = 청소년
band-adult = 성인
band-senior = 노인
fee-class-card = 카드
fee-class-replacement = 재발급
fee-class-free = 무료
waiver-low_income = 저소득
waiver-homeless = 노숙 상태
waiver-survivor_of_violence = 폭력 피해 생존자
waiver-veteran = 재향군인
waiver-senior = 노인
waiver-youth = 청소년
issue-fee = 수수료
issue-fee-hint = 먼저 수납 창구에서 수수료를 받으십시오. 그런 다음 납부로 표시하거나, 면제로 표시하고 면제 유형을 선택하십시오. 수수료가 없으면 아무것도 하지 않아도 됩니다.
delivery-legend = 주민에게 카드를 전달하는 방법
delivery-hint = 지금 바로 교부하거나, 기록된 주소로 우편 발송하거나, 나중에 접수처에서 직접 수령합니다.
delivery-hint-confidential = 비공개 카드는 주소가 없으며 우편으로 보내지 않습니다. 인쇄되면 이곳에서 교부하거나, 주민이 선택한 접수처에서 직접 수령합니다.
delivery-counter = 인쇄 후 이곳에서 교부
delivery-mail = 기록된 주소로 우편 발송
delivery-pickup = 나중에 접수처에서 수령
delivery-pickup-site = 주민이 카드를 수령할 접수처
delivery-pickup-site-none = 접수처 선택
issue-fee-table = 이 주민의 수수료({ $band })
issue-fee-amount = 금액({ $currency })
fee-free = 무료
fee-paid = 납부
fee-waived = 면제
fee-waiver-category = 면제 유형
fee-waiver-none = 없음
fee-no-evidence = 면제 유형만 기록하십시오. 면제를 위해 제시된 증빙은 적거나 복사하지 마십시오.
err-no_card_to_replace = 주민에게 재발급할 현재 카드가 없습니다(미수령 카드의 경우: 우편 발송용으로 인쇄된 카드가 없습니다). 대신 새 카드를 발급하십시오.
err-no_address_to_mail = 주민의 기록에 카드를 보낼 주소가 없습니다. 주소를 추가하거나, 접수처에서 카드를 수령하도록 하십시오.
err-confidential_not_mailed = 비공개 카드는 우편으로 보내지 않습니다. 주민이 이곳이나 선택한 접수처에서 직접 수령합니다.
err-card_awaiting_mail = 이 주민의 카드가 주소로 우편 발송되기를 기다리고 있습니다. 먼저 그 카드를 무효화한 후(사유: 잘못 발급됨), 비공개 카드로 바꾸어 직접 교부할 카드를 발급하십시오.
err-confidential_no_address = 비공개 카드에는 주소가 표기되지 않습니다. 주소를 비워 두거나 “비공개 카드” 표시를 해제하십시오.
err-pickup_site_required = 주민이 카드를 수령할 접수처를 운영 중인 곳 중에서 선택하십시오.
err-not_picked_up_here = 이 카드는 다른 접수처에서 수령하는 카드입니다.
err-holder_unchecked = 카드를 교부하기 전에 수령인의 얼굴을 카드 사진과 대조하고 확인란에 표시하십시오.
err-wrong_card_stage = 이 작업에 필요한 단계에 있지 않은 카드입니다(아직 인쇄되지 않았거나, 수령할 접수처에 도착하지 않았거나, 이미 교부되었습니다).
program-title = 시의회 보고용 통계
program-hint = 신청, 거부, 카드, 수수료와 면제, 언어를 월별로 집계합니다. 11 미만의 수는 “<11”로 표시되며, 합계로 그 값을 알 수 있게 되는 경우에는 다른 수치도 공개하지 않습니다. 보존 현황 보고서와 같은 방식으로 서명됩니다.
program-from = 시작(월)
program-to = 종료(월)
program-by = 열 기준
program-by-month = 월별
program-by-site = 접수처별
program-by-site-month = 접수처 및 월별
program-by-none = 전체 기간
program-format = 형식
program-format-pdf = 차트가 포함된 인쇄용 보고서(PDF)
program-format-csv = 공개 데이터(CSV)
program-format-json = 서명된 데이터(JSON)
program-download = 보고서 다운로드

## 접수처
nav-sites = 접수처
err-site_closed = 이 접수처는 운영이 종료되었거나, 아직 운영을 시작하지 않았거나, 마지막 운영일이 지났습니다. 이곳에는 아무것도 기록할 수 없습니다. 다른 접수처를 선택하십시오.
err-site_code_taken = 이 코드를 사용하는 접수처가 이미 있습니다. 코드는 다시 사용하지 않으므로 다른 코드를 정하십시오.
err-site_not_allowed = 귀하의 근무 접수처가 아닙니다. 관리자에게 이 접수처를 귀하의 근무 접수처에 추가해 달라고 요청하십시오.
err-site_required = 먼저 근무하는 접수처를 선택하십시오. 아무것도 기록되지 않았습니다.
err-site-choose = 접수처를 선택하십시오.
site-working-at = 접수처: { $site } (변경)
site-choose-link = 근무 접수처 선택
sites-title = 접수처
sites-intro = 등록 센터, 도서관 분관, 임시 행사장입니다. 모든 등록, 카드 발급, 인쇄에는 처리한 접수처가 기록되며, 시의회 보고서는 접수처별로 집계합니다.
sites-list = 전체 접수처
col-site = 접수처
col-site-kind = 유형
col-site-dates = 운영 기간
site-no-last-day = 마지막 운영일 없음
site-change = { $site } 변경
label-site-name = 이름
label-site-code = 코드
label-site-opens-on = 첫 운영일
label-site-closes-on = 마지막 운영일
site-save = 저장
site-close = { $site } 운영 종료
sites-close-hint = 운영을 종료한 접수처는 다시 열 수 없습니다. 이후 그곳에는 아무것도 기록되지 않으며, 그곳에서 근무하던 직원은 다른 접수처를 선택합니다.
sites-none = 아직 접수처가 없습니다. 접수처를 추가하기 전까지는 어떤 기록에도 접수처가 남지 않습니다.
site-add = 접수처 추가
site-code-rule = 영문 소문자, 숫자, 하이픈으로 2~32자. 시의회 보고서에 표시되며 다시 사용하지 않습니다.
site-closes-hint = 임시 행사장은 마지막 운영일을 입력해야 합니다. 상설 접수처는 비워 두십시오.
site-add-button = 접수처 추가
site-kind-centre = 등록 센터
site-kind-library = 도서관 분관
site-kind-popup = 임시 행사장
site-state-upcoming = 운영 전
site-state-open = 운영 중
site-state-ended = 기간 종료
site-state-closed = 운영 종료
done-site-added = { $site } 접수처를 추가했습니다.
done-site-changed = { $site } 접수처를 변경했습니다.
done-site-closed = { $site } 접수처의 운영을 종료했습니다. 이후 그곳에는 아무것도 기록되지 않습니다.
site-choose-title = 오늘 어디에서 근무하십니까?
site-choose-intro = 귀하가 처리하는 모든 등록, 카드 발급, 인쇄는 이 접수처에서 처리한 것으로 기록됩니다.
site-choose-legend = 근무 접수처
site-until = { $date }까지
site-choose-button = 이곳에서 근무
site-none-open = 오늘 운영 중인 근무 접수처가 없습니다. 관리자에게 운영 중인 접수처에 추가해 달라고 요청하십시오.
col-sites = 접수처
sites-any = 운영 중인 모든 접수처
sites-assign = { $username }의 근무 접수처
sites-assign-hint = 아무것도 표시하지 않으면 이 계정은 운영 중인 모든 접수처에서 근무할 수 있습니다.
sites-assign-button = 접수처 저장
done-sites-assigned = { $username }의 근무 접수처를 저장했습니다.

## 법적 보존
nav-holds = 법적 보존
err-legal_hold_lifted = 이미 해제된 법적 보존입니다. 명령이 갱신되면 새로 설정하십시오.
holds-title = 법적 보존
holds-intro = 법적 보존(기록 보존을 명하는 법원 명령)이 설정되면, 해제될 때까지 파기 작업이 대상 기록을 파기하지 않습니다. 설정과 해제는 감사 기록에 남습니다. 보존 현황 보고서에는 유효한 법적 보존이 나열되며, 보존 대상 기록은 기한 초과 기록과 따로 집계됩니다.
holds-list = 법적 보존 목록
holds-none = 설정된 법적 보존이 없습니다.
col-hold-reference = 참조 번호
col-hold-scope = 대상 기록
col-hold-placed = 설정
col-hold-lifted = 해제
hold-scope-all = 모든 기록
hold-scope-enrolled_between = { $from }부터 { $to }까지 등록
hold-scope-site = { $site } 접수처에서 등록
hold-in-force = 유효
hold-by = 처리자: { $username }
hold-lift = 법적 보존 { $reference } 해제
hold-place = 법적 보존 설정
label-hold-reference = 명령의 참조 번호
hold-reference-hint = 법원 명령 번호 또는 사건 번호입니다. 사람의 이름은 절대 입력하지 마십시오.
hold-scope-legend = 대상 기록
hold-scope-choice-all = 모든 기록
hold-scope-choice-enrolled_between = 두 날짜 사이에 등록된 주민
hold-scope-choice-site = 특정 접수처에서 등록된 주민
label-hold-from = 시작일(두 날짜 사이에 등록된 주민의 경우)
label-hold-to = 종료일(두 날짜 사이에 등록된 주민의 경우)
label-hold-site = 접수처(특정 접수처에서 등록된 주민의 경우)
hold-place-button = 법적 보존 설정
done-hold-placed = 법적 보존 { $reference } 설정을 완료했습니다. 현재 기록 { $count }건이 대상입니다.
done-hold-lifted = 법적 보존 { $reference } 해제를 완료했습니다. 다음 파기 작업에서 기한이 되었고 다른 법적 보존의 대상이 아닌 기록이 파기됩니다.
sites-not-applicable = 근무 접수처 없음(창구 업무가 없는 역할)
err-under_legal_hold = 이 기록은 법적 보존 대상입니다. 법적 보존이 해제될 때까지 내용을 변경하거나 삭제할 수 없습니다. 아무것도 변경되지 않았습니다.
col-legal-hold = 법적 보존 대상
audit-holds = 법적 보존 { $holds }건이 유효합니다. 기록 { $records }건이 기한이 지났지만 보관되며, 기한 초과로 집계되지 않습니다.
audit-holds-link = 법적 보존 보기

## The printed card's own words, as the card prints them (capitals where the language has
## them). The card prints them in the city's card language and, when a resident asks, in a
## second language under them, so keep them short: a label has about 27 mm at 6 pt.
card-face-title = 신분증
card-face-name = 성명
card-face-preferred-name = 선호 이름
card-face-date-of-birth = 생년월일
card-face-gender = 성별
card-face-issued = 발급일
card-face-expires = 만료일
card-face-card-number = 카드 번호
card-face-address = 주소
card-face-languages = 사용 언어
card-face-list-separator = {", "}
card-face-emergency-contact = 비상 연락처
card-face-veteran = 재향군인
card-face-organ-donor = 장기 기증자
card-face-return-if-found = 이 카드를 습득하신 분은 가까운 시청에 전달하시거나 우체통에 넣어 주십시오.
# $address is the verifier page's address, "id.springfield.gov/v".
card-face-verify-hint = 카드 진위 확인: 코드를 스캔하거나 { $address }에 접속하십시오.
# A day on the card: short, and clear to a reader from any country ("7 Apr 1990").
# $month is one of the card-face-month messages below; $day and $year are digits.
card-face-date = { $year }년 { $month } { $day }일
card-face-month-1 = 1월
card-face-month-2 = 2월
card-face-month-3 = 3월
card-face-month-4 = 4월
card-face-month-5 = 5월
card-face-month-6 = 6월
card-face-month-7 = 7월
card-face-month-8 = 8월
card-face-month-9 = 9월
card-face-month-10 = 10월
card-face-month-11 = 11월
card-face-month-12 = 12월

## The reports as printable PDFs: the retention report and the council's counts

# $date is a day written as date-long writes it.
report-pdf-as-of = { $jurisdiction } — { $date } 기준
# $generated is a UTC time such as "2026-12-07 14:05"; $from and $to are days.
report-pdf-generated = 생성 일시: { $generated } UTC. 열람 및 파기 작업은 { $from }부터 { $to }까지 집계했습니다. 이 보고서에는 개인 정보가 포함되지 않습니다.
report-held-counted = 보관 건수, 종류별 가장 오래된 기록, 에포크별 데이터 키는 { $counted } UTC 파기 작업 때 집계했습니다. 직원 세션, 감사 기록 항목, 기한이 지난 기록은 이 보고서를 만들 때 집계합니다.
report-pdf-chain = 감사 체인
report-pdf-sealed = 감사 체인의 헤드는 항목 { $entry }에서 마지막으로 서명 봉인되었습니다.
report-pdf-unsealed = 감사 체인의 헤드가 아직 서명 봉인되지 않았습니다.
report-pdf-no-epochs = 주민 데이터를 보호하는 키 에포크가 없습니다.
# $epochs is a list of months such as "2026-01 (destroyed 2026-03-01), 2026-02 (…)".
report-pdf-destroyed-epochs = 파기된 키 에포크: { $epochs }
report-pdf-none = 없음
report-pdf-started = 시작 시각 (UTC)
col-audit-removed = 삭제된 감사 기록 항목
report-pdf-holds-none = 유효한 법적 보존이 없습니다. 모든 종류의 데이터가 기한에 맞춰 파기됩니다.
report-pdf-per-card = 카드별 확인 기록은 남기지 않습니다.
report-pdf-signature = 서명
# $alg is "ES256"; $kid is the signing key's identifier.
report-pdf-signed = 이 보고서의 정규화된 JSON에 { $alg } 방식으로 서명했습니다(서명 키: { $kid }).
report-pdf-unsigned = 이 보고서는 서명되지 않았습니다.
report-pdf-check = 서명된 JSON이 이 파일 안에 들어 있으며, 파일 끝에는 파일 자체의 바이트에 대한 서명이 붙어 있습니다. 사본은 “muni-id report verify FILE”로 검증할 수 있습니다.
# At the foot of every page; $report is the report's title.
report-pdf-page = { $report } — { $pages }쪽 중 { $page }쪽
# $from and $to are months written as program-pdf-month writes them.
program-pdf-period = { $jurisdiction } — { $from }~{ $to }
# $columns is one of the program-by messages ("By month").
program-pdf-columns = 열 기준: { $columns }
program-pdf-generated = 생성 일시: { $generated } UTC.
program-pdf-threshold = 1~{ $below }의 수는 “<{ $threshold }”로 표시됩니다. “비공개”로 표시된 수치는 합계로부터 작은 수를 역산할 수 없도록 가린 것입니다.
program-pdf-counts-only = 집계 수치만 담고 있습니다. 이 보고서에서는 어떤 사람, 카드, 직원도 이름이나 번호로 특정되지 않습니다.
program-pdf-nothing = 이 기간에 집계된 항목이 없습니다.
program-pdf-category = 구분
program-pdf-total = 합계
# A figure hidden from the table (see program-pdf-threshold).
program-pdf-withheld = 비공개
program-pdf-no-site = 접수처 기록 없음
# A column of the table: $month is one of the card-face-month messages, $year is digits.
program-pdf-month = { $year }년 { $month }
# $category is one of the waiver messages ("Low income").
program-pdf-waived = 면제: { $category }
program-table-application = 접수된 신청(연령대별)
program-table-denial = 거부된 신청(사유별)
program-table-card_issued = 발급된 카드(사유별)
program-table-fee = 카드 수수료: 납부 또는 유형별 면제
program-table-language = 주민이 요청한 언어
program-denial-insufficient_proof = 신원 또는 거주 증빙 부족
program-denial-below_minimum_age = 최소 연령 미달
program-denial-caretaker_required = 보호자 미동반

# A language by its name, as the card's back and the council report write a resident's
# languages in this language (BCP 47 tag after "lang-"; a sign language is a language too).
# Written as a list item mid-sentence would write it (Spanish and French: lowercase).
lang-am = 암하라어
lang-ar = 아랍어
lang-ase = 미국 수어
lang-bn = 벵골어
lang-bo = 티베트어
lang-cmn = 표준 중국어
lang-de = 독일어
lang-el = 그리스어
lang-en = 영어
lang-es = 스페인어
lang-fa = 페르시아어
lang-ff = 풀라어
lang-fil = 필리핀어
lang-fr = 프랑스어
lang-gu = 구자라트어
lang-he = 히브리어
lang-hi = 힌디어
lang-hmn = 몽어
lang-ht = 아이티 크리올어
lang-hu = 헝가리어
lang-hy = 아르메니아어
lang-it = 이탈리아어
lang-ja = 일본어
lang-ka = 조지아어
lang-km = 크메르어
lang-ko = 한국어
lang-ku = 쿠르드어
lang-lo = 라오어
lang-mam = 맘어
lang-mfs = 멕시코 수어
lang-ml = 말라얄람어
lang-my = 버마어
lang-ne = 네팔어
lang-nl = 네덜란드어
lang-pa = 펀자브어
lang-pl = 폴란드어
lang-prs = 다리어
lang-ps = 파슈토어
lang-pt = 포르투갈어
lang-quc = 키체어
lang-ro = 루마니아어
lang-ru = 러시아어
lang-si = 싱할라어
lang-so = 소말리아어
lang-sq = 알바니아어
lang-sw = 스와힐리어
lang-ta = 타밀어
lang-te = 텔루구어
lang-th = 태국어
lang-ti = 티그리냐어
lang-tl = 타갈로그어
lang-tr = 튀르키예어
lang-uk = 우크라이나어
lang-ur = 우르두어
lang-uz = 우즈베크어
lang-vi = 베트남어
lang-wo = 월로프어
lang-yi = 이디시어
lang-yo = 요루바어
lang-yue = 광둥어
lang-zh = 중국어
