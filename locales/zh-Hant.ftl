# 中文（繁體）：muni-id 的繁體中文訊息目錄，與 locales/en.ftl 的訊息 id 完全相同。
# 新增一種語言就是新增一個檔案（見 README 中「Adding a language」一節）。

language-name = 中文（繁體）
language-dir = ltr

## 每個頁面的框架

app-name = 市民身分卡
skip-to-content = 跳至主要內容
nav-label = 主選單
language-label = 頁面語言
nav-enroll = 登記居民
nav-find = 查詢居民
nav-staff = 工作人員帳號
nav-policy = 政策與金鑰
nav-audit = 資料保存報告
nav-password = 變更密碼
logout = 登出
footer-privacy = 本服務盡可能少保存居民的資料，保存時間也盡可能短。請只在這些表單中填寫居民的資料。
back-home = 回到首頁
error-prefix = 錯誤：
continue = 繼續
yes = 是
no = 否
choose = 請選擇…
optional = （選填）
required = （必填）
save = 儲存變更
cancel = 取消
you = 您

## 日期與數字，依中文的寫法書寫
# 日期：$year、$month（1 至 12）和 $day 是數字，$monthName 是 month-1 … month-12 之一。
date-long = { $year }年{ $monthName }{ $day }日
# 日期中的月份名稱。
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
# 數字的千位分隔符號。
number-group-separator = ,

## 拒絕要求

csrf-title = 無法接受此表單
err-csrf = 此表單不是從本網站送出的，或者頁面已逾時。請返回上一頁，重新整理頁面後再試一次。
forbidden-title = 無權存取
err-forbidden = 您的角色（{ $role }）無權開啟此頁面。
not-found-title = 找不到
err-not_found = 沒有這筆紀錄。
outage-title = 未儲存任何內容
err-database_unavailable = 目前無法連線至資料庫，因此未儲存任何內容。請稍候片刻，再返回上一頁重試。
err-storage_full = 伺服器的儲存空間已滿，因此未儲存任何內容。請通知管理員；騰出空間後即可再次送出表單。
err-key_custody_unavailable = 目前無法存取保護居民資料的金鑰，因此未讀取也未儲存任何內容。請稍候片刻，再返回上一頁重試。
problem-title = 無法執行此操作
form-unreadable-title = 無法讀取表單
err-form-unreadable = 無法讀取表單，或者表單過大。請返回上一頁重試。
err-invalid-value = 有一個值無效。請檢查表單後重試。

## 登入

login-title = 登入
logged-out = 您已登出。
username = 使用者名稱
password = 密碼
login-button = 登入
err-invalid_credentials = 使用者名稱或密碼錯誤。
err-too_many_attempts = 失敗次數過多。請等候{ $unit ->
        [seconds] { $count }秒
       *[minutes] { $count }分鐘
    }後再試一次。

## 密碼

password-title = 變更您的密碼
password-changed = 您的密碼已變更。您的其他工作階段已結束。
password-required = 您是以一次性密碼登入的。請先設定您自己的密碼，再繼續操作。
label-current_password = 目前的密碼
label-new_password = 新密碼
label-confirm_password = 再次輸入新密碼
password-rule = 至少12個字元。幾個互不相關的詞語就能組成好記又安全的密碼。
password-button = 變更密碼
err-password-mismatch = 兩次輸入的新密碼不一致。
err-current-password-wrong = 目前的密碼錯誤。
err-weak_password = 新密碼不符合要求：請至少使用12個字元，且不可與目前的密碼相同。

## 角色

role-clerk = 承辦人員
role-supervisor = 主管
role-auditor = 稽核人員
role-admin = 管理員

## 登記

enroll-title = 登記居民
form-language-label = 表單顯示語言
form-has-problems = 表單有{ $count }個問題
duplicate-title = 此人可能已經登記
duplicate-text = 已有一位法定姓名和出生日期都相同的居民完成登記。
duplicate-open = 開啟該筆紀錄
duplicate-or-confirm = 如果這是另一個人，請在表單最後勾選「這是另一個人」，然後再登記一次。
duplicate-confirm = 這是另一個人：仍要登記
enroll-documents = 出示的證件
enroll-documents-hint = 請勾選居民出示的每一類證件。申辦身分卡需要身分證明{ $identity }分、居住證明{ $residency }分。
doc-points = 身分{ $identity }分 · 居住{ $residency }分
points-total = 目前得分
points-identity = 身分證明分數
points-residency = 居住證明分數
points-met = 已符合要求
points-missing = 還差{ $n }分
enroll-documents-privacy = 檢視證件後請交還居民。只會使用您勾選的證件類別來計算分數；證件上的其他任何資料都不輸入、不保存。
enroll-details = 居民資料
label-legal_name = 法定姓名
hint-legal_name = 完全依照居民本人的寫法填寫，可使用任何文字。
label-preferred_name = 慣用名
hint-preferred_name = 居民平常使用的名字（若與法定姓名不同）。印在法定姓名下方。
label-date_of_birth = 出生日期
hint-date_of_birth = 居民須年滿{ $age }歲。
label-gender = 性別標記
hint-gender = 由本人自行認定：請詢問居民，並依其選擇記錄。X 適用於既不想選 F 也不想選 M 的人。留白則卡上不印性別標記。
gender-blank = 無（留白）
gender-f = F
gender-m = M
gender-x = X
enroll-address = 卡上地址
hint-address = 住家地址，或一行「轉交」資料，供透過庇護所或機構收信的居民使用。地址會印在卡片背面，之後即予刪除。
label-confidential = 保密卡：卡上不印地址，一律不郵寄，當面交付
hint-confidential = 適用於地址不能讓他人知道的居民（例如暴力倖存者）。卡上不印地址，也一律不郵寄：在此當面交付，或由居民到其選定的據點領取。已記錄的地址都會刪除。
address-none = 無地址
address-home = 住家地址
address-care-of = 由庇護所或機構轉交
label-address_line1 = 街道與門牌號碼
label-address_line2 = 樓層、室號（選填）
label-address_care_of = 庇護所或機構
label-address_city = 城市
label-address_postal_code = 郵遞區號
enroll-extras = 卡上其他資料
label-language_1 = 使用語言
label-language_2 = 第二使用語言
language-none = 無
label-card_language = 卡上第二種語言
hint-card_language = 卡上的欄位名稱與「拾獲請送還」說明以{ $language }列印。居民也可以選擇在其下方加印下列任一種語言。
card-language-none = 無：僅{ $language }
label-emergency_name = 緊急聯絡人姓名
label-emergency_phone = 緊急聯絡人電話
label-veteran = 退伍軍人
label-organ_donor = 器官捐贈者
enroll-photo = 照片
hint-photo = 正面面對鏡頭，背景素色，不戴帽子（因宗教因素配戴者除外）。請使用相機拍攝，或選擇 JPEG 或 PNG 檔案。
camera-denied = 瀏覽器未允許使用相機。請改為選擇照片檔案，或允許使用相機後再試一次。
camera-none = 無法啟動任何相機。請改為選擇照片檔案。
camera-ready = 相機已開啟。請在居民準備好後拍照。
camera-taken = 已拍照。如有需要，可以重拍。
camera-live = 相機即時畫面
camera-start = 啟動相機
camera-take = 拍照
camera-retake = 重拍
label-photo = 照片檔案（JPEG 或 PNG）
photo-kept = 先前送出的照片已保留。如需替換，請選擇或拍攝另一張。
photo-preview-alt = 將印在卡上的照片
photo-none-yet = 尚無照片
enroll-submit = 登記此居民

## 證件類別

doc-passport = 護照
doc-consular_id = 領事身分證
doc-drivers_license = 駕照
doc-state_id = 州身分證
doc-birth_certificate = 出生證明
doc-utility_bill = 水電瓦斯帳單
doc-lease = 租約或租賃契約
doc-bank_statement = 銀行對帳單
doc-shelter_letter = 庇護所或機構開立的信函

## 本服務拒絕的情形（id 是 API 的固定錯誤代碼）

err-invalid_name = 姓名須至少包含一個字母或文字，不超過150個字元，並寫在同一行。
err-invalid_characters = 「{ $field }」中的第{ $position }個字元是看不見的字元，或會改變周圍文字的方向或字形，因此不能用於姓名（貼上姓名時常會一併帶入）。請刪除該字元，並重新輸入姓名的這個部分。
err-invalid_date = 請輸入實際存在的日期。
err-date_of_birth_in_future = 出生日期是未來的日期。
err-below_minimum_age = 居民須年滿{ $age }歲才能申辦身分卡。
err-invalid_gender = 請選擇 F、M、X 或無。
err-invalid_language = 請從清單中選擇語言。
err-too_many_languages = 卡上最多只能印兩種語言。
err-invalid_phone = 電話號碼須有3到20位數字，此外只能包含 + - ( ) . 和空格。
err-invalid_address = 請填寫含街道的住家地址，或一行轉交資料（兩者只能擇一），每行不超過120個字元。
err-photo_too_large = 照片太大。請使用較小的檔案。
err-unsupported_photo_format = 照片必須是 JPEG 或 PNG 檔案。
err-invalid_photo = 無法讀取照片。請重拍，或選擇其他檔案。
err-photo_too_small = 照片太小，無法列印。請靠近一點重拍，或選擇較大的檔案。
err-photo-missing = 請拍照或選擇照片檔案。
err-insufficient_proof = 勾選的證件共計身分證明{ $identity }分、居住證明{ $residency }分；需要身分證明{ $need_identity }分、居住證明{ $need_residency }分。
err-insufficient_proof-none = 請勾選居民出示的證件類別。
err-unknown_document_kind = 有一種證件類別不在清單中。請重新整理頁面後再勾選一次。
err-possible_duplicate = 已有一位法定姓名和出生日期都相同的居民完成登記。
err-payload_too_large = 表單過大。請使用較小的照片。
err-invalid_card_number = 卡號為12位數字；請檢查是否有打錯的數字。
err-card_not_active = 此卡已註銷或已過期。
err-resident_data_destroyed = 依保存政策，此居民的個人資料已銷毀。
err-unsupported_script = 身分卡的字型無法正確印出此姓名，因此未核發身分卡。請洽管理員為這種文字新增字型。
err-unsupported_script-named = 「{ $field }」的第 { $position } 個字元屬於本卡目前無法列印的文字（{ $script }），因此未予儲存。請聯絡管理員為該文字新增字型。
err-invalid_username = 使用者名稱為2到64個字元：a–z、0–9、「.」、「_」和「-」。
err-username_taken = 已有帳號使用此使用者名稱。
err-own_account = 您不能停用自己的帳號，也不能移除自己的管理員角色。
err-revoke-reason = 請選擇註銷此卡的原因。
err-does_not_fit = 此欄位內容過長，即使用最小字級也無法印在卡上，因此未核發身分卡。請縮短內容（例如慣用名）後再試一次。
err-changed_meanwhile = 在您編輯期間，有其他人修改了這筆紀錄。未儲存任何內容：請重新開啟紀錄，再修改一次。
err-internal_error = 系統端發生問題，未儲存任何內容。請再試一次；如果問題再次發生，請通知管理員。
err-invalid_batch = 請減少一次列印的身分卡數量。
err-invalid_field_type = 送出的某個值格式不正確。請重新整理頁面後再試一次。
err-invalid_format = 不提供此格式。請從清單中選擇一種。
err-invalid_query = 此頁面的網址無效。請返回上一頁重試。
err-invalid_value = 有一個值無效。請檢查標示的欄位。
err-malformed_body = 無法讀取表單。請重新整理頁面後再試一次。
err-malformed_json = 無法讀取要求。請重新整理頁面後再試一次。
err-method_not_allowed = 無法以這種方式使用此頁面。請返回上一頁，並使用頁面上的按鈕。
err-missing_field = 有一個必填欄位是空白的。請填寫後再試一次。
err-not_authenticated = 您的工作階段已結束。請重新登入。
err-password_change_required = 請先變更密碼，再繼續操作。
err-request_timeout = 表單傳送時間過長，未儲存。請檢查網路連線後再送出一次。
err-too_many_connections = 這台電腦同時建立的連線過多。請稍候片刻再試。
err-too_many_requests = 這台電腦的查驗次數過多。請過一分鐘再試。
err-unknown_field = 表單送出了本服務無法辨識的欄位。請重新整理頁面後再試一次。
err-unsupported_media_type = 表單的送出方式本服務無法讀取。請重新整理頁面後再試一次。

## 查詢居民

find-title = 查詢居民
find-hint = 請正確輸入法定姓名和出生日期。只能查到完全相符的紀錄；本服務不提供居民名單。
find-button = 查詢
find-results = 結果
find-several = 有{ $count }筆紀錄相符。請逐一開啟加以區分。
find-open-record = 紀錄{ $n }
find-none = 沒有與此法定姓名和出生日期相符的居民。
find-enroll-instead = 登記新居民

## 居民紀錄

resident-title = 居民
action-issue = 核發身分卡
action-edit = 修改姓名或地址
photo-of-resident = 居民的照片
label-languages = 語言
label-emergency = 緊急聯絡人
label-address = 地址
address-none-kept = 未保存（身分卡列印後即刪除）
address-none-confidential = 無：保密卡不印地址
label-proof = 證件
proof-met = 已符合身分證明與居住證明要求
proof-not-met = 未符合要求
label-enrolled = 登記日期
label-retained-until = 資料保存至
cards-title = 身分卡
card-number = 卡號
card-status = 狀態
card-issued = 核發日期
card-expires = 有效期限
card-reason = 原因
card-printed = 列印日期
card-actions = 操作
status-active = 有效
status-revoked = 已註銷
status-expired = 已過期
reason-new = 新卡
reason-renewal = 換發
reason-replacement_lost = 補發：遺失
reason-replacement_stolen = 補發：遭竊
reason-replacement_damaged = 補發：毀損
reason-update = 資料更新
revoke-reason = 註銷原因
revoke-lost = 遺失
revoke-stolen = 遭竊
revoke-damaged = 毀損
revoke-issued_in_error = 誤發
revoke-button = 註銷身分卡
no-cards = 尚未核發任何身分卡。
done-revoked = 此卡已註銷。現在查驗此卡，結果會顯示「無效」。
done-updated = 資料已修改。請核發更新後的身分卡，新資料才會印出。
nav-pickups = 領卡
card-delivery = 交付方式
mark-mailed = 標示為已郵寄
mark-arrived = 標示為已送達本據點
hand-over-checked = 我已將此人的臉部與卡上照片核對無誤
hand-over-button = 交付
label-confidential-short = 保密卡
confidential-yes = 是：不印地址，一律不郵寄，當面交付
stage-issued = 尚未列印
stage-printed = 已列印
stage-printed-mail = 已列印，待郵寄
stage-printed-pickup = 已列印，正送往{ $site }
stage-ready = 可至{ $site }領取
stage-collect-by = 領取期限
card-stage = 目前進度
move-pickup-label = 改至其他據點領取
move-pickup-button = 變更
done-pickup-moved = 此卡已改為在另一個據點領取；由該據點的承辦人員標示送達。
stage-handed_over = 已交付
stage-mailed = 已郵寄
stage-uncollected = 逾期未領：已註銷
stage-ready-here = 可在本據點領取
stage-on-the-way = 已列印，尚未送達
pickups-title = 在本據點領取的身分卡
pickups-intro = { $ready ->
    [0] 本據點目前沒有可領取的身分卡
   *[other] 本據點有{ $ready }張身分卡可領取
}，{ $coming ->
    [0] 目前沒有正在送來的身分卡。
   *[other] 有{ $coming }張正在送來。
}
pickups-hint = 請依卡號找出居民的身分卡。只能交給臉部與卡上照片相符的本人。逾期未領取的身分卡會遭註銷，並且必須以碎紙機銷毀。
pickups-caption = { $site }待領取的身分卡
pickups-none = 本據點沒有待領取的身分卡。
done-arrived = 此卡已標示為可在本據點領取。
done-handed-over = 此卡已交付。
done-mailed = 此卡已標示為已郵寄。

## 修改姓名或地址

edit-title = 修改姓名或地址
edit-hint = 新資料會印在下一張核發的身分卡上。

## 核對與列印

review-title = 核對身分卡
review-hint = 核發前，請與居民一起核對卡面：姓名、出生日期，以及卡片背面的所有內容。
review-warnings-title = 核發前請核對
warn-mixed_script = 「{ $field }」中的某個字詞混用了不同字母系統的字母，例如拉丁字母中夾雜一個西里爾字母。有些姓名確實是這樣寫的；核發前請將拼寫與證件核對。
steps-label = 進度
step-enroll = 登記
step-review = 核對
step-print = 列印
issue-reason = 核發此卡的原因
issue-revokes-previous = 核發此卡時，居民現有的有效身分卡（如有）將會註銷。
issue-button = 核發身分卡
open-record = 開啟居民紀錄
preview-front = 卡片正面
preview-back = 卡片背面
preview-note = 身分卡依所示內容列印。QR 碼會在列印時加上簽章。
card-title = 身分卡
card-issued-title = 身分卡已核發
card-issued-text = 身分卡{ $number }已列印，有效期限至{ $expires }。請交給居民。
card-issued-text-mail = 身分卡{ $number }已列印，有效期限至{ $expires }。請郵寄給居民，再到居民紀錄中標示為已郵寄。
card-issued-text-ready = 身分卡{ $number }已列印，存放於本據點（{ $site }），等候居民在{ $date }前親自領取。
card-issued-text-send = 身分卡{ $number }已列印。請送至{ $site }，由該處承辦人員標示送達後，居民再親自前往領取。
card-delivered-text = 身分卡{ $number }有效期限至{ $expires }。{ $stage ->
    [mailed] 已郵寄給居民。
   *[other] 已交給居民。
}
card-ready-title = 可以列印
card-ready-text = 身分卡{ $number }已核發。請以製卡印表機列印。
card-not-active-title = 此卡無效
card-not-active-text = 狀態：{ $status }。無法列印。
print-button = 列印身分卡
print-again = 重新列印
print-hint = 身分卡會在新分頁中以 PDF 開啟；請在該分頁透過瀏覽器的列印對話方塊，以實際大小在製卡印表機上列印。
print-done = 身分卡已列印
enroll-next = 登記下一位居民

## 資料保存報告

audit-title = 資料保存報告
audit-as-of = 截至
audit-show = 顯示
audit-intro = 截至{ $as_of }，{ $jurisdiction }依資料類別所保存的資料與其保存政策的對照。本報告不含任何個人資料。
audit-overdue-none = 沒有超過政策期限保存的資料。
audit-overdue-some = 有{ $count }筆紀錄超過政策期限保存。
audit-chain-intact = 稽核鏈完整（{ $entries }筆項目）。
audit-chain-broken = 稽核鏈在第{ $first }筆項目處中斷（共{ $entries }筆）。
audit-chain-checked = { $checked }（UTC）的清除作業檢查了整條鏈；本報告檢查了此後新增的項目。
audit-downloads = 下載
download-json = 已簽章報告（JSON）
download-csv = CSV 格式報告
download-pdf = 可列印報告（PDF）
audit-signed = 每份下載的檔案都有簽章，日後可用「muni-id report verify」驗證副本。
chart-title = 最舊紀錄與政策期限對照
chart-desc = 針對每一類設有天數期限的資料：所保存最舊紀錄的存放時間（長條）與政策期限（線）。長條超過線，表示資料保存過久。
chart-legend-age = 最舊紀錄的存放時間
chart-legend-limit = 政策期限
chart-legend-over = 超過政策期限
chart-none-held = 無保存資料
chart-caption = { $age }天（期限{ $limit }天）
class-card_face = 卡面資料（持卡居民）
class-unissued_residents = 已登記但從未核發身分卡
class-print_only_address = 僅供列印的地址
class-audit_entries = 稽核紀錄
class-staff_sessions = 工作人員工作階段
class-card_status = 身分卡狀態
audit-classes = 保存的資料
col-class = 資料類別
col-policy = 政策
col-held = 保存數量
col-oldest = 最舊紀錄
col-overdue = 逾期
col-destroyed = 已銷毀（近30天）
audit-purges = 近期清除作業
col-started = 開始時間
col-trigger = 觸發方式
col-outcome = 結果
col-residents-destroyed = 銷毀的居民紀錄
col-addresses-destroyed = 銷毀的地址
col-epochs-destroyed = 銷毀的金鑰週期
audit-no-purges = 尚未執行過清除作業。
audit-keys = 金鑰
audit-keys-summary = { $live }個金鑰週期正在保護居民資料；{ $empty }個空白週期已預先備妥；{ $destroyed }個已銷毀。
col-epoch = 週期
col-key-version = 金鑰版本
col-data-keys = 居民數
audit-reads = 個人資料讀取次數（近30天）
col-role = 角色
col-reads = 讀取次數
audit-staff-changes = 建立、重設或變更的工作人員帳號（近30天）
audit-no-staff-changes = 沒有建立或變更任何工作人員帳號。
col-when = 時間（UTC）
col-change = 變更
col-account = 帳號
col-by = 執行者
staff-change-created = 建立
staff-change-password_reset = 重設密碼
staff-change-factors_reset = 重設登入驗證因素
staff-change-role_changed = 變更角色
staff-change-disabled = 停用
staff-change-enabled = 重新啟用
staff-change-by-cli = 命令列
staff-change-by-system = 本服務（首次啟動時）
audit-checks = 身分卡查驗
audit-verifications = 近30天身分卡查驗：{ $checks }次（有效{ $valid }次，無效{ $not_valid }次）。

## 工作人員帳號

staff-title = 工作人員帳號
one-time-password = { $username }的一次性密碼：
one-time-password-hint = 請當面交給本人。此密碼只會顯示這一次；對方登入時必須設定自己的密碼。
staff-accounts = 帳號
col-state = 狀態
col-created = 建立日期
state-disabled = 已停用
state-active = 已啟用
state-must-change = 須設定密碼
role-for = { $username }的角色
change-role = 變更角色
enable-account = 啟用{ $username }
disable-account = 停用{ $username }
reset-password = 重設{ $username }的密碼
staff-add = 新增帳號
username-rule = 2到64個字元：a–z、0–9、「.」、「_」和「-」。
label-initial-password = 密碼
initial-password-hint = 留白則會產生一次性密碼，對方首次登入時必須變更。
staff-add-button = 新增帳號
done-staff-added = 已新增帳號{ $username }。
done-role-changed = 已變更{ $username }的角色；其工作階段已結束。
done-disabled = 帳號{ $username }已停用，其工作階段已結束。
done-enabled = 帳號{ $username }已重新啟用。
done-reset = 已重設{ $username }的密碼；其工作階段已結束。

## 政策與金鑰

policy-title = 政策與金鑰
policy-intro = 目前生效的設定，唯讀。如需變更，請修改設定檔，無法在此處變更。
policy-documents = 證件與分數
policy-requirement = 申辦身分卡需要身分證明{ $identity }分、居住證明{ $residency }分。
col-document = 證件
col-code = 代碼
policy-rules = 規則
policy-minimum-age = 申辦身分卡的最低年齡
policy-unissued = 已登記但從未核發身分卡的資料，保存
policy-grace = 最後一張身分卡失效後，保存
policy-address = 地址
policy-address-kept = 與卡面資料一併保存
policy-address-destroyed = 身分卡列印後即刪除
policy-audit = 稽核紀錄保存
policy-key-backups = 金鑰環備份最多保存
policy-ceiling = 任何政策皆不得超過
policy-purge-interval = 清除作業執行間隔
policy-sessions = 工作人員工作階段結束時間
policy-sessions-value = 閒置{ $idle }分鐘，或登入{ $absolute }分鐘後
policy-throttle = 登入限制
policy-throttle-value = 同一位址對同一帳號登入失敗{ $failures }次後，須等候{ $first }秒，之後每次加倍，最長{ $longest }分鐘
days = { $n }天
minutes = { $n }分鐘
policy-keys = 金鑰版本
policy-keys-summary = { $live }個金鑰週期使用中；{ $destroyed }個已銷毀。
policy-epochs = 使用中的金鑰週期及其目前金鑰版本
policy-destroyed = 已銷毀的金鑰週期
policy-signing = 身分卡簽章金鑰（已公開）
policy-signing-current = 目前用於簽章
policy-config = 生效中的設定
policy-config-show = 顯示設定（機密資訊已遮蔽）

# 稽核人員頁面上以文字說明的保存規則（{ days } 使用 $n）。
class-policy-card_face = 保存至最後一張身分卡過期或註銷，之後再保存{ days }
class-policy-unissued_residents = 登記後{ days }
class-policy-print_only_address-kept = 與卡面資料一併保存
class-policy-print_only_address-destroyed = 印有該地址的身分卡列印後即刪除
class-policy-audit_entries = { days }
class-policy-staff_sessions = 閒置{ $idle }分鐘或登入{ $absolute }分鐘後結束
class-policy-card_status = 在身分卡仍可能被出示的期間保存；已註銷身分卡的索引永不重複使用
audit-keys-statement = 資料庫的每一份副本（備份、WAL 封存檔、遭竊的磁碟）在產生{ $w1 }個月後都將無法讀取；每筆紀錄最晚在其到期當月月底，於所有副本中都將無法讀取：資料金鑰最多提前{ $w }個月封裝，已結束月份的金鑰會被銷毀。金鑰環的副本最多保存{ days }。

# 圖表各列的簡稱，以及清除作業的觸發方式與結果。
chart-label-card_face = 卡面資料
chart-label-unissued_residents = 從未核發身分卡
chart-label-audit_entries = 稽核紀錄
chart-label-staff_sessions = 工作人員工作階段
purge-trigger-schedule = 依排程
purge-trigger-cli = 透過命令列
purge-outcome-running = 執行中
purge-outcome-completed = 已完成
purge-outcome-failed = 失敗

## 第二驗證因素

nav-account = 帳號與登入
factor-title = 登入的第二個步驟
factor-code = 驗證碼
factor-code-hint = 驗證器應用程式目前顯示的6位數驗證碼，或您的其中一組復原碼。
factor-button = 繼續
factor-start-again = 重新輸入使用者名稱登入
account-title = 帳號與登入
account-factors = 第二驗證因素
factor-due = 請在{ $date }前設定第二驗證因素。過了這一天，只憑密碼將無法登入。
factor-set-up-now = 立即設定
factor-required-here = 您的角色必須使用第二驗證因素登入。
factor-offered = 即使有人得知您的密碼，第二驗證因素仍能保護您的帳號安全。
factor-none = 您尚未設定第二驗證因素。
col-added = 新增日期
col-last-used = 上次使用
factor-kind-totp = 驗證器應用程式
factor-kind-passkey = 密碼金鑰
password-to-confirm = 請輸入密碼以確認
factor-remove = 移除
factor-removed = 已移除此驗證因素。
totp-add = 設定驗證器應用程式
totp-title = 設定驗證器應用程式
totp-step-scan = 在驗證器應用程式中新增帳號，然後掃描此 QR 碼。
totp-step-type = 如果無法掃描，請改為輸入下列金鑰：
totp-step-confirm = 請輸入應用程式現在顯示的6位數驗證碼。
totp-code = 6位數驗證碼
totp-confirm = 確認
totp-added = 驗證器應用程式已設定完成。今後請以密碼加上該應用程式產生的驗證碼登入。
totp-qr-label = 供驗證器應用程式掃描的 QR 碼
recovery-title = 復原碼
recovery-left = 您還有{ $count }組未使用的復原碼。
recovery-new = 產生新的復原碼
recovery-shown-once = 請抄下或列印這些復原碼，並妥善保管。它們只會顯示這一次。
recovery-how = 如果遺失手機，可以用其中一組復原碼代替應用程式的驗證碼登入。每組復原碼只能使用一次。產生新的復原碼後，這些復原碼即失效。
err-totp-wrong-code = 此驗證碼與正在設定的應用程式不符。請檢查手機上的時間，並輸入目前顯示的驗證碼。
err-factor-gone = 您的帳號已沒有此驗證因素。請重新開始。
err-factor-required = 您的角色必須保留一個第二驗證因素。請先設定另一個，再移除這一個；或洽詢管理員。
err-second_factor_required = 此帳號須使用第二驗證因素登入。
err-invalid_second_factor = 驗證碼錯誤，或已經使用過。請等候下一組驗證碼後再試一次。
err-second_factor_enrolment_overdue = 此帳號需要第二驗證因素，但設定期限已過。請洽管理員重設您的第二驗證因素。
state-second-factor = 已設定第二驗證因素
state-no-second-factor = 未設定第二驗證因素
reset-factors = 重設{ $username }的第二驗證因素
done-factors-reset = 已移除{ $username }的第二驗證因素，其工作階段已結束。對方下次登入時可以設定新的驗證因素。
passkey-add = 新增密碼金鑰
passkey-why = 密碼金鑰是最安全的第二驗證因素：由您的手機、電腦或安全金鑰透過指紋、臉部或 PIN 碼確認是您本人。伺服器上不會保存任何可用來開啟您帳號的資料。
passkey-label = 此密碼金鑰的名稱
passkey-label-hint = 方便您區分各個密碼金鑰，例如「公司筆電」或「藍色安全金鑰」。
passkey-button = 新增密碼金鑰
passkey-added = 已新增密碼金鑰。
passkey-needs-script = 新增密碼金鑰需要在此瀏覽器中啟用 JavaScript。
passkey-unavailable-here = 必須透過網域名稱使用本服務，才能使用密碼金鑰（本服務的公開位址是 IP 位址）。請改用驗證器應用程式。
passkey-cancelled = 未使用密碼金鑰：要求已取消或逾時。請再試一次。
passkey-unsupported = 此瀏覽器無法使用密碼金鑰。請使用驗證器應用程式或復原碼。
passkey-wrong-host = 密碼金鑰只能在本服務自己的網址上使用。請透過該網址開啟本服務後再試一次。
passkey-use = 使用密碼金鑰
passkey-or-code = 或輸入驗證碼：
totp-why = 手機上的應用程式，每30秒顯示一組新的6位數驗證碼。
err-passkeys-unavailable = 必須透過網域名稱使用本服務，才能使用密碼金鑰。請改用驗證器應用程式。
err-passkey-refused = 密碼金鑰未獲接受。請再試一次。

# 單一登入（市政府的身分識別提供者）
sign-on-button = 使用{ $name }登入
sign-on-or-password = 或使用使用者名稱和密碼登入：
break-glass-summary = 使用密碼緊急登入
break-glass-hint = 僅供唯一的緊急管理員帳號在市政府單一登入無法使用時使用。
signed-on-title = 已登入
signed-on-text = 您已登入。正在開啟您的頁面。
signed-on-continue = 繼續
err-local_passwords_off = 工作人員請透過上方的市政府單一登入登入；除緊急管理員帳號外，此處已停用密碼登入。
err-sign-on-unknown = 此登入連結已失效：可能已使用過、已超過十分鐘，或是在其他瀏覽器中開啟。請重新開始。
err-sign-on-ended = 登入已取消或未完成。請重新開始。
err-sign-on-unreachable = 目前無法連線至市政府單一登入。請過幾分鐘再試，或洽詢服務台。
err-sign-on-invalid = 市政府單一登入傳回的回應未獲接受。請重新開始；如果問題再次發生，請通知服務台。
err-sign-on-no-account = 您已透過市政府單一登入，但本服務中沒有您的工作人員帳號。請洽管理員為您建立。
err-sign-on-no-role = 您已透過市政府單一登入，但您所屬的群組都沒有本服務的存取權限。請洽服務台將您加入適當的群組。
err-sign-on-two-roles = 您在市政府所屬的群組，在本服務中對應到兩個不同的角色。請洽服務台，只保留其中一個群組。
account-signed-on = 您是透過{ $name }登入的。您的密碼和第二驗證因素由該處管理。
err-sign-on-no-username = 市政府單一登入未指明您對應哪個工作人員帳號。請洽詢服務台。
err-sign-on-break-glass = 緊急管理員帳號只能使用下方的密碼登入。
err-sign-on-email-unverified = 市政府單一登入尚未驗證您的電子郵件地址。請洽詢服務台。
err-sign-on-no-second-factor = 請在市政府單一登入時使用第二驗證因素（例如手機或安全金鑰），然後再試一次。
err-sign-on-other-person = 在市政府單一登入中，此工作人員帳號屬於另一個人。請洽管理員重設此帳號的登入連結。
err-password-managed-elsewhere = 您的密碼和第二驗證因素由市政府單一登入管理，無法在此處變更。

# 居民證件預先檢查（/check）
check-title = 申辦市民身分卡需要哪些證件？
check-intro = 申辦時，您需要出示能證明您的身分，以及您住在本市的證件。每份證件可計一定的分數：您需要身分證明{ $identity }分、居住證明{ $residency }分。
check-nothing-kept = 本頁面不會保存任何關於您的資料：您勾選的內容不會儲存，市政府的任何人也看不到。
check-documents = 您擁有的證件
check-hint = 請勾選您能帶來的每一類證件。
check-add-up = 計算我的分數
check-list = 每類證件的分數
check-bring = 申請時，請攜帶您所勾選證件的正本。承辦人員檢視後會交還給您；本計畫不留存任何影本，也不記錄證件號碼。
check-print = 如需帶走這份清單，請列印本頁。
check-footer = 本頁面由本市的市民身分卡計畫提供，不保存任何關於您的資料。
reason-replacement_never_received = 補發：未收到郵寄的身分卡
err-outside_renewal_window = 只有在居民最後一張身分卡到期前不久至到期後約六個月內，才能換發。超過這段期間，請重新檢核證件後核發新卡。

## 年齡層、照顧者、費用與減免
err-caretaker_required = 此年齡的居民須由父母、法定監護人或其他照顧者陪同申請。請選擇陪同前來的人。
err-caretaker_not_applicable = 此年齡的居民須自行申請：「陪同居民前來的人」一欄請留白。
err-caretaker_identity_unchecked = 請核對照顧者的身分，然後勾選表示已核對的方塊。
err-fee_required = 此卡須繳費{ $amount } { $currency }。請先收款，再標示為已繳費；或標示為減免並選擇類別。未核發身分卡。
err-unknown_waiver_category = 請從本計畫的減免類別中選擇一種。
label-caretaker = 陪同居民前來的人
caretaker-minors-only = 僅限未成年人
caretaker-required-ages = { $from }至{ $to }歲須由照顧者陪同申請。
caretaker-optional-ages = { $from }至{ $to }歲可自行申請，也可由照顧者陪同。
caretaker-required-from = 年滿{ $from }歲的居民須由照顧者陪同申請。
caretaker-optional-from = 年滿{ $from }歲的居民可自行申請，也可由照顧者陪同。
hint-caretaker = 只記錄照顧者與居民的關係。請勿記下照顧者的姓名。
label-caretaker-relationship = 關係
label-caretaker_identity_checked = 我已核對照顧者的身分
caretaker-none = 無人陪同（自行申請）
relationship-parent = 父母
relationship-legal_guardian = 法定監護人
relationship-other_caretaker = 其他照顧者
policy-bands = 年齡層與費用
policy-bands-intro = 依申請日或核發日當天的年齡決定年齡層。費用以{ $currency }計；款項在本服務以外收取。
col-age-band = 年齡層
col-ages = 年齡
col-caretaker = 照顧者
col-validity = 身分卡有效期間
col-fee = 費用：{ $class }
ages-from-to = { $from }至{ $to }歲
ages-from = { $from }歲以上
caretaker-rule-required = 必須
caretaker-rule-optional = 選擇性
caretaker-rule-none = 自行申請
years = { $n }年
policy-fee-reasons = 各核發原因對應的收費類別
policy-waivers = 減免類別
band-child = 兒童
band-youth = 青少年
band-adult = 成人
band-senior = 長者
fee-class-card = 申辦
fee-class-replacement = 補發
fee-class-free = 免費
waiver-low_income = 低收入
waiver-homeless = 無家者
waiver-survivor_of_violence = 暴力倖存者
waiver-veteran = 退伍軍人
waiver-senior = 長者
waiver-youth = 青少年
issue-fee = 費用
issue-fee-hint = 請先在收費櫃檯收款，然後標示為已繳費，或標示為減免並選擇類別。不需繳費時，無須任何操作。
delivery-legend = 身分卡如何交到居民手中
delivery-hint = 當場交付、郵寄至登記的地址，或由居民日後親自到據點領取。
delivery-hint-confidential = 此卡為保密卡：卡上不印地址，一律不郵寄。列印後在此交付，或由居民親自到其選定的據點領取。
delivery-counter = 列印後在此交付
delivery-mail = 郵寄至登記的地址
delivery-pickup = 日後到據點領取
delivery-pickup-site = 居民領卡的據點
delivery-pickup-site-none = 請選擇據點
issue-fee-table = 此居民的費用（{ $band }）
issue-fee-amount = 金額（{ $currency }）
fee-free = 免費
fee-paid = 已繳費
fee-waived = 已減免
fee-waiver-category = 減免類別
fee-waiver-none = 無
fee-no-evidence = 只記錄類別。請勿記下或影印居民為此出示的證明。
err-no_card_to_replace = 此居民沒有可補發的現有身分卡（若是未收到卡片：沒有已列印待郵寄的身分卡）。請改為核發新卡。
err-no_address_to_mail = 此居民沒有登記可供郵寄的地址。請新增地址，或安排居民到據點領卡。
err-confidential_not_mailed = 保密卡一律不郵寄：由居民親自在此處或其選定的據點領取。
err-card_awaiting_mail = 此居民有一張身分卡正等候郵寄至其地址。請先註銷該卡（原因選「誤發」），再將身分卡設為保密卡，並核發一張當面交付的身分卡。
err-confidential_no_address = 保密卡不印地址：請將地址留白，或取消勾選「保密卡」。
err-pickup_site_required = 請選擇一個開放中的據點，供居民領卡。
err-not_picked_up_here = 此卡應在其他據點領取。
err-holder_unchecked = 交付身分卡前，請將此人的臉部與卡上照片核對，並勾選方塊。
err-wrong_card_stage = 此卡不在此操作所需的階段（尚未列印、尚未送達其據點，或已經交付）。
program-title = 提供市議會的統計資料
program-hint = 申請、駁回、身分卡、費用與減免，以及語言，按月統計。任何小於11的數字都顯示為「<11」；若可從合計推算出這類數字，其他數字也不予公開。與資料保存報告一樣附有簽章。
program-from = 起始月份
program-to = 結束月份
program-by = 欄
program-by-month = 按月
program-by-site = 按據點
program-by-site-month = 按據點和月份
program-by-none = 整段期間
program-format = 格式
program-format-pdf = 含圖表的可列印報告（PDF）
program-format-csv = 開放資料（CSV）
program-format-json = 已簽章資料（JSON）
program-download = 下載報告

## 服務據點
nav-sites = 服務據點
err-site_closed = 此據點已關閉、尚未開放，或已過最後服務日：無法在該處記錄任何內容。請選擇其他據點。
err-site_code_taken = 已有據點使用此代碼。代碼永不重複使用：請另選一個。
err-site_not_allowed = 您不在該據點服務。請洽管理員將該據點加入您的服務據點清單。
err-site_required = 請先選擇您服務的據點。未記錄任何內容。
err-site-choose = 請選擇據點。
site-working-at = 據點：{ $site }（變更）
site-choose-link = 選擇您的據點
sites-title = 服務據點
sites-intro = 登記中心、圖書館分館與臨時設站活動。每次登記、核發與列印都會記錄所在的據點；提供市議會的報告按據點統計。
sites-list = 所有據點
col-site = 據點
col-site-kind = 類型
col-site-dates = 開放期間
site-no-last-day = 無最後服務日
site-change = 修改{ $site }
label-site-name = 名稱
label-site-code = 代碼
label-site-opens-on = 開始服務日
label-site-closes-on = 最後服務日
site-save = 儲存
site-close = 關閉{ $site }
sites-close-hint = 據點一經關閉便不再開放：此後不再於該處記錄任何內容，在該處服務的工作人員須另選據點。
sites-none = 尚無據點。新增據點之前，所有紀錄都不含據點。
site-add = 新增據點
site-code-rule = 2到32個小寫字母、數字和連字號。代碼會出現在提供市議會的報告中，且永不重複使用。
site-closes-hint = 臨時設站活動須填寫最後服務日。常設據點請留白。
site-add-button = 新增據點
site-kind-centre = 登記中心
site-kind-library = 圖書館分館
site-kind-popup = 臨時設站活動
site-state-upcoming = 尚未開放
site-state-open = 開放中
site-state-ended = 已結束
site-state-closed = 已關閉
done-site-added = 已新增{ $site }。
done-site-changed = 已修改{ $site }。
done-site-closed = 已關閉{ $site }。此後不再於該處記錄任何內容。
site-choose-title = 您今天在哪裡服務？
site-choose-intro = 您所做的每次登記、核發與列印都會記錄在這個據點。
site-choose-legend = 您的據點
site-until = 至{ $date }
site-choose-button = 在此服務
site-none-open = 您的據點今天都沒有開放。請洽管理員將您加入一個開放中的據點。
col-sites = 據點
sites-any = 任何開放中的據點
sites-assign = { $username }的據點
sites-assign-hint = 若全部不勾選，此帳號可在任何開放中的據點服務。
sites-assign-button = 儲存據點
done-sites-assigned = 已儲存{ $username }的據點。

## 法律保全
nav-holds = 法律保全
err-legal_hold_lifted = 此保全先前已解除。若命令展延，請設定新的保全。
holds-title = 法律保全
holds-intro = 法律保全（要求保存紀錄的法院命令）會阻止清除作業銷毀其涵蓋的紀錄，直到保全解除為止。設定與解除保全都會記入稽核紀錄；資料保存報告會列出生效中的保全，並將受保全的紀錄與逾期紀錄分開計算。
holds-list = 保全清單
holds-none = 尚未設定任何法律保全。
col-hold-reference = 文號
col-hold-scope = 涵蓋的紀錄
col-hold-placed = 設定
col-hold-lifted = 解除
hold-scope-all = 所有紀錄
hold-scope-enrolled_between = { $from }至{ $to }期間登記
hold-scope-site = 在{ $site }登記
hold-in-force = 生效中
hold-by = 執行者：{ $username }
hold-lift = 解除保全{ $reference }
hold-place = 設定保全
label-hold-reference = 命令文號
hold-reference-hint = 法院命令文號或案號。請勿填寫人名。
hold-scope-legend = 涵蓋哪些紀錄
hold-scope-choice-all = 所有紀錄
hold-scope-choice-enrolled_between = 在兩個日期之間登記的居民
hold-scope-choice-site = 在某個據點登記的居民
label-hold-from = 起始日期（適用於在兩個日期之間登記的居民）
label-hold-to = 結束日期（適用於在兩個日期之間登記的居民）
label-hold-site = 據點（適用於在某個據點登記的居民）
hold-place-button = 設定保全
done-hold-placed = 已設定保全{ $reference }。目前涵蓋{ $count }筆紀錄。
done-hold-lifted = 已解除保全{ $reference }。下次清除作業將銷毀已到期且不受其他保全涵蓋的紀錄。
sites-not-applicable = 不在任何據點服務（此角色不負責櫃檯業務）
err-under_legal_hold = 此紀錄受法律保全涵蓋：在保全解除前，其資料不能修改或刪除。未做任何變更。
col-legal-hold = 受法律保全
audit-holds = 有{ $holds }項法律保全生效中：{ $records }筆紀錄在到期後仍予保存，不計為逾期。
audit-holds-link = 檢視保全

## The printed card's own words, as the card prints them (capitals where the language has
## them). The card prints them in the city's card language and, when a resident asks, in a
## second language under them, so keep them short: a label has about 27 mm at 6 pt.
card-face-title = 身分卡
card-face-name = 姓名
card-face-preferred-name = 慣用名
card-face-date-of-birth = 出生日期
card-face-gender = 性別
card-face-issued = 核發日期
card-face-expires = 有效期限
card-face-card-number = 卡號
card-face-address = 住址
card-face-languages = 語言
card-face-list-separator = 、
card-face-emergency-contact = 緊急聯絡人
card-face-veteran = 退伍軍人
card-face-organ-donor = 器官捐贈者
card-face-return-if-found = 拾獲本卡者，請送交任一市政廳或投入郵筒，謝謝。
# $address is the verifier page's address, "id.springfield.gov/v".
card-face-verify-hint = 查驗本卡：請掃描 QR 碼，或前往 { $address }
# A day on the card: short, and clear to a reader from any country ("7 Apr 1990").
# $month is one of the card-face-month messages below; $day and $year are digits.
card-face-date = { $year }年{ $month }{ $day }日
card-face-month-1 = 1月
card-face-month-2 = 2月
card-face-month-3 = 3月
card-face-month-4 = 4月
card-face-month-5 = 5月
card-face-month-6 = 6月
card-face-month-7 = 7月
card-face-month-8 = 8月
card-face-month-9 = 9月
card-face-month-10 = 10月
card-face-month-11 = 11月
card-face-month-12 = 12月

## The reports as printable PDFs: the retention report and the council's counts

# $date is a day written as date-long writes it.
report-pdf-as-of = { $jurisdiction }——截至{ $date }
# $generated is a UTC time such as "2026-12-07 14:05"; $from and $to are days.
report-pdf-generated = 產生時間：{ $generated }（UTC）。讀取次數與清除作業的統計期間為{ $from }至{ $to }。本報告不含任何個人資料。
report-held-counted = 保存數量、各類最早的紀錄以及各週期的資料金鑰由 { $counted }（UTC）的清除作業統計；員工工作階段、稽核項目與逾期紀錄在產生本報告時統計。
report-pdf-chain = 稽核鏈
report-pdf-sealed = 稽核鏈的鏈頭最近一次於第{ $entry }筆項目處加上簽章封存。
report-pdf-unsealed = 稽核鏈的鏈頭尚未加上簽章封存。
report-pdf-no-epochs = 目前沒有任何金鑰週期在保護居民資料。
# $epochs is a list of months such as "2026-01 (destroyed 2026-03-01), 2026-02 (…)".
report-pdf-destroyed-epochs = 已銷毀的金鑰週期：{ $epochs }
report-pdf-none = 無
report-pdf-started = 開始時間（UTC）
col-audit-removed = 刪除的稽核紀錄
report-pdf-holds-none = 沒有生效中的法律保全：各類資料皆如期銷毀。
report-pdf-per-card = 不逐卡記錄任何查驗。
report-pdf-signature = 簽章
# $alg is "ES256"; $kid is the signing key's identifier.
report-pdf-signed = 由金鑰{ $kid }以{ $alg }對本報告的正規化 JSON 進行簽章。
report-pdf-unsigned = 本報告未經簽章。
report-pdf-check = 已簽章的 JSON 內嵌於本檔案中，檔案結尾附有針對檔案本身位元組的簽章。可用「muni-id report verify FILE」驗證副本。
# At the foot of every page; $report is the report's title.
report-pdf-page = { $report }——第{ $page }頁，共{ $pages }頁
# $from and $to are months written as program-pdf-month writes them.
program-pdf-period = { $jurisdiction }——{ $from }至{ $to }
# $columns is one of the program-by messages ("By month").
program-pdf-columns = 欄：{ $columns }
program-pdf-generated = 產生時間：{ $generated }（UTC）。
program-pdf-threshold = 1到{ $below }的數字一律顯示為「<{ $threshold }」。標示為「不予公開」的數字已隱藏，以免從合計推算出任何較小的數字。
program-pdf-counts-only = 僅含統計數字：本報告不以姓名或編號指明任何個人、身分卡或工作人員。
program-pdf-nothing = 此期間沒有任何統計資料。
program-pdf-category = 類別
program-pdf-total = 合計
# A figure hidden from the table (see program-pdf-threshold).
program-pdf-withheld = 不予公開
program-pdf-no-site = 未記錄據點
# A column of the table: $month is one of the card-face-month messages, $year is digits.
program-pdf-month = { $year }年{ $month }
# $category is one of the waiver messages ("Low income").
program-pdf-waived = 減免：{ $category }
program-table-application = 受理的申請（依年齡層）
program-table-denial = 駁回的申請（依原因）
program-table-card_issued = 核發的身分卡（依原因）
program-table-fee = 身分卡費用：已繳費，或依類別減免
program-table-language = 居民要求使用的語言
program-denial-insufficient_proof = 身分或居住證明不足
program-denial-below_minimum_age = 未達最低年齡
program-denial-caretaker_required = 未由照顧者陪同

# A language by its name, as the card's back and the council report write a resident's
# languages in this language (BCP 47 tag after "lang-"; a sign language is a language too).
# Written as a list item mid-sentence would write it (Spanish and French: lowercase).
lang-am = 阿姆哈拉文
lang-ar = 阿拉伯文
lang-ase = 美國手語
lang-bn = 孟加拉文
lang-bo = 藏文
lang-cmn = 國語
lang-de = 德文
lang-el = 希臘文
lang-en = 英文
lang-es = 西班牙文
lang-fa = 波斯文
lang-ff = 富拉文
lang-fil = 菲律賓文
lang-fr = 法文
lang-gu = 古吉拉特文
lang-he = 希伯來文
lang-hi = 印地文
lang-hmn = 苗語
lang-ht = 海地克里奧爾文
lang-hu = 匈牙利文
lang-hy = 亞美尼亞文
lang-it = 義大利文
lang-ja = 日文
lang-ka = 喬治亞文
lang-km = 高棉文
lang-ko = 韓文
lang-ku = 庫德文
lang-lo = 寮文
lang-mam = 馬姆文
lang-mfs = 墨西哥手語
lang-ml = 馬來亞拉姆文
lang-my = 緬甸文
lang-ne = 尼泊爾文
lang-nl = 荷蘭文
lang-pa = 旁遮普文
lang-pl = 波蘭文
lang-prs = 達利文
lang-ps = 普什圖文
lang-pt = 葡萄牙文
lang-quc = 基切文
lang-ro = 羅馬尼亞文
lang-ru = 俄文
lang-si = 僧伽羅文
lang-so = 索馬利文
lang-sq = 阿爾巴尼亞文
lang-sw = 史瓦希里文
lang-ta = 坦米爾文
lang-te = 泰盧固文
lang-th = 泰文
lang-ti = 提格利尼亞文
lang-tl = 他加祿文
lang-tr = 土耳其文
lang-uk = 烏克蘭文
lang-ur = 烏都文
lang-uz = 烏茲別克文
lang-vi = 越南文
lang-wo = 沃洛夫文
lang-yi = 意第緒文
lang-yo = 約魯巴文
lang-yue = 粵語
lang-zh = 中文
