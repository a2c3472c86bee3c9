# 中文（简体）：muni-id 的简体中文消息目录，与 locales/en.ftl 的消息 id 完全相同。
# 添加一种语言就是添加一个文件（见 README 中“Adding a language”一节）。

language-name = 中文（简体）
language-dir = ltr

## 每个页面的框架

app-name = 市民身份卡
skip-to-content = 跳到主要内容
nav-label = 主导航
language-label = 页面语言
nav-enroll = 登记居民
nav-find = 查找居民
nav-staff = 工作人员账号
nav-policy = 政策与密钥
nav-audit = 数据保存报告
nav-password = 修改密码
logout = 退出登录
footer-privacy = 本服务尽可能少地保存居民的信息，保存时间也尽可能短。请只在这些表单中填写居民的信息。
back-home = 返回首页
error-prefix = 错误：
continue = 继续
yes = 是
no = 否
choose = 请选择…
optional = （选填）
required = （必填）
save = 保存更改
cancel = 取消
you = 您

## 日期和数字，按中文的写法书写
# 日期：$year、$month（1 至 12）和 $day 是数字，$monthName 是 month-1 … month-12 之一。
date-long = { $year }年{ $monthName }{ $day }日
# 日期中的月份名称。
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
# 数字的千位分隔符。
number-group-separator = ,

## 拒绝请求

csrf-title = 无法接受此表单
err-csrf = 此表单不是从本网站提交的，或者页面已过期。请返回，刷新页面后重试。
forbidden-title = 无权访问
err-forbidden = 您的角色（{ $role }）无权打开此页面。
not-found-title = 未找到
err-not_found = 没有这条记录。
outage-title = 未保存任何内容
err-database_unavailable = 暂时无法连接数据库，因此未保存任何内容。请稍候，然后返回重试。
err-storage_full = 服务器存储空间已满，因此未保存任何内容。请告知管理员；腾出空间后即可重新提交表单。
err-key_custody_unavailable = 暂时无法访问保护居民数据的密钥，因此未读取也未保存任何内容。请稍候，然后返回重试。
problem-title = 无法执行此操作
form-unreadable-title = 无法读取表单
err-form-unreadable = 无法读取表单，或者表单过大。请返回重试。
err-invalid-value = 有一项值无效。请检查表单后重试。

## 登录

login-title = 登录
logged-out = 您已退出登录。
username = 用户名
password = 密码
login-button = 登录
err-invalid_credentials = 用户名或密码错误。
err-too_many_attempts = 失败次数过多。请等待{ $unit ->
        [seconds] { $count }秒
       *[minutes] { $count }分钟
    }后重试。

## 密码

password-title = 修改您的密码
password-changed = 您的密码已修改。您的其他会话已关闭。
password-required = 您是用一次性密码登录的。请先设置您自己的密码，然后再继续。
label-current_password = 当前密码
label-new_password = 新密码
label-confirm_password = 再次输入新密码
password-rule = 至少12个字符。几个互不相关的词语就能组成一个好密码。
password-button = 修改密码
err-password-mismatch = 两次输入的新密码不一致。
err-current-password-wrong = 当前密码错误。
err-weak_password = 新密码不符合要求：请至少使用12个字符，且不能与当前密码相同。

## 角色

role-clerk = 办事员
role-supervisor = 主管
role-auditor = 审计员
role-admin = 管理员

## 登记

enroll-title = 登记居民
form-language-label = 表单显示语言
form-has-problems = 表单有{ $count }处问题
duplicate-title = 此人可能已经登记
duplicate-text = 已有一位法定姓名和出生日期都相同的居民登记在册。
duplicate-open = 打开该记录
duplicate-or-confirm = 如果这是另一个人，请在表单末尾勾选“这是另一个人”，然后再次登记。
duplicate-confirm = 这是另一个人：仍然登记
enroll-documents = 出示的证件
enroll-documents-hint = 请勾选居民出示的每一类证件。办理身份卡需要身份证明{ $identity }分、居住证明{ $residency }分。
doc-points = 身份{ $identity }分 · 居住{ $residency }分
points-total = 目前得分
points-identity = 身份证明分
points-residency = 居住证明分
points-met = 已达到要求
points-missing = 还差{ $n }分
enroll-documents-privacy = 查看证件后请交还居民。只使用您勾选的证件类别来计算分数；证件的其他任何信息都不录入、不保存。
enroll-details = 居民信息
label-legal_name = 法定姓名
hint-legal_name = 完全按照居民本人的写法填写，可使用任何文字。
label-preferred_name = 常用名
hint-preferred_name = 居民平时使用的名字（如与法定姓名不同）。印在法定姓名下方。
label-date_of_birth = 出生日期
hint-date_of_birth = 居民须年满{ $age }岁。
label-gender = 性别标识
hint-gender = 由本人自行认定：请询问居民，并按其选择记录。X 适用于既不想选 F 也不想选 M 的人。留空则卡上不印性别标识。
gender-blank = 无（留空）
gender-f = F
gender-m = M
gender-x = X
enroll-address = 卡上地址
hint-address = 住址，或者一行“转交”信息，供通过庇护所或机构收取邮件的居民使用。地址印在卡的背面，之后即被删除。
label-confidential = 保密卡：卡上不印地址，从不邮寄，当面交付
hint-confidential = 适用于地址不能让他人知道的居民（例如暴力幸存者）。卡上不印地址，也从不邮寄：在此当面交付，或由居民到其选定的办理点领取。已记录的地址都会被删除。
address-none = 无地址
address-home = 住址
address-care-of = 由庇护所或机构转交
label-address_line1 = 街道和门牌号
label-address_line2 = 公寓号、楼层（选填）
label-address_care_of = 庇护所或机构
label-address_city = 城市
label-address_postal_code = 邮政编码
enroll-extras = 卡上其他信息
label-language_1 = 使用语言
label-language_2 = 第二使用语言
language-none = 无
label-card_language = 卡上第二种语言
hint-card_language = 卡上的栏目名称和“拾到请归还”说明以{ $language }印制。居民还可以选择在其下方加印以下任一种语言。
card-language-none = 无：仅{ $language }
label-emergency_name = 紧急联系人姓名
label-emergency_phone = 紧急联系人电话
label-veteran = 退伍军人
label-organ_donor = 器官捐献者
enroll-photo = 照片
hint-photo = 正对镜头，背景单一，不戴帽子（因宗教原因佩戴的除外）。请使用摄像头拍摄，或选择 JPEG 或 PNG 文件。
camera-denied = 浏览器不允许使用摄像头。请改为选择照片文件，或者允许使用摄像头后重试。
camera-none = 无法启动摄像头。请改为选择照片文件。
camera-ready = 摄像头已开启。请在居民准备好后拍照。
camera-taken = 已拍照。如有需要，可以重拍。
camera-live = 摄像头实时画面
camera-start = 启动摄像头
camera-take = 拍照
camera-retake = 重拍
label-photo = 照片文件（JPEG 或 PNG）
photo-kept = 之前提交的照片已保留。如需替换，请选择或拍摄另一张。
photo-preview-alt = 将印在卡上的照片
photo-none-yet = 尚无照片
enroll-submit = 登记该居民

## 证件类别

doc-passport = 护照
doc-consular_id = 领事身份证
doc-drivers_license = 驾驶执照
doc-state_id = 州身份证
doc-birth_certificate = 出生证明
doc-utility_bill = 水电燃气账单
doc-lease = 租约或租赁合同
doc-bank_statement = 银行对账单
doc-shelter_letter = 庇护所或机构出具的信函

## 本服务拒绝的情形（id 是 API 的固定错误代码）

err-invalid_name = 姓名须至少包含一个字母或文字，不超过150个字符，并写在一行内。
err-invalid_characters = “{ $field }”中的第{ $position }个字符是不可见字符，或者会改变周围文字的方向或字形，因此不能用于姓名（粘贴姓名时常会带入这种字符）。请删除它，并重新输入姓名的这一部分。
err-invalid_date = 请输入真实存在的日期。
err-date_of_birth_in_future = 出生日期是将来的日期。
err-below_minimum_age = 居民须年满{ $age }岁才能办理身份卡。
err-invalid_gender = 请选择 F、M、X 或无。
err-invalid_language = 请从列表中选择语言。
err-too_many_languages = 卡上最多只能印两种语言。
err-invalid_phone = 电话号码须有3到20位数字，此外只能包含 + - ( ) . 和空格。
err-invalid_address = 请填写带街道的住址，或者一行转交信息（二者只能选其一），每行不超过120个字符。
err-photo_too_large = 照片太大。请使用较小的文件。
err-unsupported_photo_format = 照片必须是 JPEG 或 PNG 文件。
err-invalid_photo = 无法读取照片。请重拍，或选择另一个文件。
err-photo_too_small = 照片太小，无法打印。请靠近一些重拍，或选择更大的文件。
err-photo-missing = 请拍照或选择照片文件。
err-insufficient_proof = 所勾选的证件合计身份证明{ $identity }分、居住证明{ $residency }分；需要身份证明{ $need_identity }分、居住证明{ $need_residency }分。
err-insufficient_proof-none = 请勾选居民出示的证件类别。
err-unknown_document_kind = 有一种证件类别不在列表中。请刷新页面后重新勾选。
err-possible_duplicate = 已有一位法定姓名和出生日期都相同的居民登记在册。
err-payload_too_large = 表单过大。请使用较小的照片。
err-invalid_card_number = 卡号为12位数字；请检查是否输错了数字。
err-card_not_active = 该卡已被注销或已过期。
err-resident_data_destroyed = 根据保存政策，该居民的个人数据已被销毁。
err-unsupported_script = 身份卡字体无法准确打印此姓名，因此未签发身份卡。请联系管理员为这种文字添加字体。
err-unsupported_script-named = “{ $field }”的第 { $position } 个字符属于本卡目前无法打印的文字（{ $script }），因此未予保存。请联系管理员为该文字添加字体。
err-invalid_username = 用户名为2到64个字符：a–z、0–9、“.”、“_”和“-”。
err-username_taken = 已有账号使用该用户名。
err-own_account = 您不能停用自己的账号，也不能取消自己的管理员角色。
err-revoke-reason = 请选择注销该卡的原因。
err-does_not_fit = 此栏内容过长，即使用最小字号也无法印在卡上，因此未签发身份卡。请缩短内容（例如常用名）后重试。
err-changed_meanwhile = 在您编辑期间，其他人修改了这条记录。未保存任何内容：请重新打开记录，再做一次修改。
err-internal_error = 我们这边出了问题，未保存任何内容。请重试；如果再次出现，请告知管理员。
err-invalid_batch = 请减少一次打印的身份卡数量。
err-invalid_field_type = 提交的某个值格式不对。请刷新页面后重试。
err-invalid_format = 不提供该格式。请从列表中选择一种。
err-invalid_query = 此页面的地址无效。请返回重试。
err-invalid_value = 有一项值无效。请检查标出的字段。
err-malformed_body = 无法读取表单。请刷新页面后重试。
err-malformed_json = 无法读取请求。请刷新页面后重试。
err-method_not_allowed = 不能以这种方式使用此页面。请返回并使用页面上的按钮。
err-missing_field = 有一个必填字段为空。请填写后重试。
err-not_authenticated = 您的会话已结束。请重新登录。
err-password_change_required = 请先修改密码，然后再继续。
err-request_timeout = 表单传输时间过长，未保存。请检查网络连接后重新提交。
err-too_many_connections = 这台电脑同时建立的连接过多。请稍候再试。
err-too_many_requests = 这台电脑的核验次数过多。请过一分钟再试。
err-unknown_field = 表单提交了本服务无法识别的字段。请刷新页面后重试。
err-unsupported_media_type = 表单的提交方式本服务无法读取。请刷新页面后重试。

## 查找居民

find-title = 查找居民
find-hint = 请准确输入法定姓名和出生日期。只能找到完全匹配的记录；本服务不提供居民名单。
find-button = 查找
find-results = 结果
find-several = 有{ $count }条记录匹配。请逐一打开，加以区分。
find-open-record = 记录{ $n }
find-none = 没有与此法定姓名和出生日期匹配的居民。
find-enroll-instead = 登记新居民

## 居民记录

resident-title = 居民
action-issue = 签发身份卡
action-edit = 修改姓名或地址
photo-of-resident = 居民的照片
label-languages = 语言
label-emergency = 紧急联系人
label-address = 地址
address-none-kept = 未保存（身份卡打印后即删除）
address-none-confidential = 无：保密卡不印地址
label-proof = 证件
proof-met = 已达到身份证明和居住证明要求
proof-not-met = 未达到要求
label-enrolled = 登记日期
label-retained-until = 数据保存至
cards-title = 身份卡
card-number = 卡号
card-status = 状态
card-issued = 签发日期
card-expires = 有效期至
card-reason = 原因
card-printed = 打印日期
card-actions = 操作
status-active = 有效
status-revoked = 已注销
status-expired = 已过期
reason-new = 新卡
reason-renewal = 续期
reason-replacement_lost = 补办：遗失
reason-replacement_stolen = 补办：被盗
reason-replacement_damaged = 补办：损坏
reason-update = 信息更新
revoke-reason = 注销原因
revoke-lost = 遗失
revoke-stolen = 被盗
revoke-damaged = 损坏
revoke-issued_in_error = 误签发
revoke-button = 注销身份卡
no-cards = 尚未签发任何身份卡。
done-revoked = 该卡已注销。现在核验该卡，结果将显示“无效”。
done-updated = 信息已修改。请签发更新后的身份卡，新信息才会印出。
nav-pickups = 领卡
card-delivery = 交付方式
mark-mailed = 标记为已邮寄
mark-arrived = 标记为已到达本点
hand-over-checked = 我已将此人的面容与卡上照片进行核对
hand-over-button = 交付
label-confidential-short = 保密卡
confidential-yes = 是：不印地址，从不邮寄，当面交付
stage-issued = 尚未打印
stage-printed = 已打印
stage-printed-mail = 已打印，待邮寄
stage-printed-pickup = 已打印，正在送往{ $site }
stage-ready = 可在{ $site }领取
stage-collect-by = 领取截止日期
card-stage = 所处环节
move-pickup-label = 改到其他办理点领取
move-pickup-button = 更改
done-pickup-moved = 该卡现改为在另一个办理点领取；由该办理点的办事员标记到达。
stage-handed_over = 已交付
stage-mailed = 已邮寄
stage-uncollected = 未按时领取：已注销
stage-ready-here = 可在本点领取
stage-on-the-way = 已打印，尚未到达
pickups-title = 在本点领取的身份卡
pickups-intro = { $ready ->
    [0] 本点没有可领取的身份卡
   *[other] 本点有{ $ready }张身份卡可领取
}，{ $coming ->
    [0] 暂无正在送来的身份卡。
   *[other] 有{ $coming }张正在送来。
}
pickups-hint = 请按卡号查找居民的身份卡。只能交给面容与卡上照片相符的本人。到期未领取的身份卡会被注销，并且必须用碎纸机销毁。
pickups-caption = { $site }的待领身份卡
pickups-none = 本点没有待领取的身份卡。
done-arrived = 该卡已标记为可在本点领取。
done-handed-over = 该卡已交付。
done-mailed = 该卡已标记为已邮寄。

## 修改姓名或地址

edit-title = 修改姓名或地址
edit-hint = 新信息将印在下一张签发的身份卡上。

## 核对与打印

review-title = 核对身份卡
review-hint = 签发前，请与居民一起核对卡面：姓名、出生日期以及卡背面的所有内容。
review-warnings-title = 签发前请核对
warn-mixed_script = “{ $field }”中的某个词混用了不同字母表的字母，例如拉丁字母中夹杂一个西里尔字母。有些姓名确实这样写；签发前请将拼写与证件核对。
steps-label = 进度
step-enroll = 登记
step-review = 核对
step-print = 打印
issue-reason = 签发此卡的原因
issue-revokes-previous = 签发此卡时，居民现有的有效身份卡（如有）将被注销。
issue-button = 签发身份卡
open-record = 打开居民记录
preview-front = 卡的正面
preview-back = 卡的背面
preview-note = 身份卡按所示内容打印。QR 码在打印时签名。
card-title = 身份卡
card-issued-title = 身份卡已签发
card-issued-text = 身份卡{ $number }已打印，有效期至{ $expires }。请交给居民。
card-issued-text-mail = 身份卡{ $number }已打印，有效期至{ $expires }。请将其邮寄给居民，然后在居民记录中标记为已邮寄。
card-issued-text-ready = 身份卡{ $number }已打印，存放在本点（{ $site }），等待居民在{ $date }前亲自领取。
card-issued-text-send = 身份卡{ $number }已打印。请将其送往{ $site }，由那里的办事员标记到达后，居民亲自前往领取。
card-delivered-text = 身份卡{ $number }有效期至{ $expires }。{ $stage ->
    [mailed] 已邮寄给居民。
   *[other] 已交给居民。
}
card-ready-title = 可以打印
card-ready-text = 身份卡{ $number }已签发。请用制卡打印机打印。
card-not-active-title = 此卡无效
card-not-active-text = 状态：{ $status }。无法打印。
print-button = 打印身份卡
print-again = 重新打印
print-hint = 身份卡将在新标签页中以 PDF 格式打开；请在那里通过浏览器的打印对话框，在制卡打印机上按实际尺寸打印。
print-done = 身份卡已打印
enroll-next = 登记下一位居民

## 数据保存报告

audit-title = 数据保存报告
audit-as-of = 截至
audit-show = 显示
audit-intro = 截至{ $as_of }，{ $jurisdiction }按数据类别保存的数据与其保存政策的对照。本报告不含任何个人数据。
audit-overdue-none = 没有超出政策期限保存的数据。
audit-overdue-some = 有{ $count }条记录超出政策期限保存。
audit-chain-intact = 审计链完整（{ $entries }个条目）。
audit-chain-broken = 审计链在第{ $first }个条目处断裂（共{ $entries }个条目）。
audit-chain-checked = { $checked }（UTC）的清除检查了整条链；本报告检查了此后新增的条目。
audit-downloads = 下载
download-json = 已签名报告（JSON）
download-csv = CSV 格式报告
download-pdf = 可打印报告（PDF）
audit-signed = 每份下载文件都带有签名，以后可以用“muni-id report verify”核验副本。
chart-title = 最早记录与政策期限对照
chart-desc = 针对每一类设有天数期限的数据：所保存的最早记录已存放的时间（柱形）与政策期限（线）。柱形超过线，表示数据保存过久。
chart-legend-age = 最早记录已存放的时间
chart-legend-limit = 政策期限
chart-legend-over = 超出政策期限
chart-none-held = 无保存数据
chart-caption = { $age }天（期限{ $limit }天）
class-card_face = 卡面信息（持卡居民）
class-unissued_residents = 已登记但从未签发身份卡
class-print_only_address = 仅供打印的地址
class-audit_entries = 审计条目
class-staff_sessions = 工作人员会话
class-card_status = 身份卡状态
audit-classes = 保存的数据
col-class = 数据类别
col-policy = 政策
col-held = 保存数量
col-oldest = 最早记录
col-overdue = 逾期
col-destroyed = 已销毁（近30天）
audit-purges = 最近的清除
col-started = 开始时间
col-trigger = 触发方式
col-outcome = 结果
col-residents-destroyed = 销毁的居民记录
col-addresses-destroyed = 销毁的地址
col-epochs-destroyed = 销毁的密钥周期
audit-no-purges = 尚未运行过清除。
audit-keys = 密钥
audit-keys-summary = { $live }个密钥周期正在保护居民数据；{ $empty }个空周期已提前准备；{ $destroyed }个已销毁。
col-epoch = 周期
col-key-version = 密钥版本
col-data-keys = 居民数
audit-reads = 个人数据读取次数（近30天）
col-role = 角色
col-reads = 读取次数
audit-staff-changes = 新建、重置或变更的工作人员账号（近30天）
audit-no-staff-changes = 没有新建或变更工作人员账号。
col-when = 时间（UTC）
col-change = 变更
col-account = 账号
col-by = 操作人
staff-change-created = 新建
staff-change-password_reset = 重置密码
staff-change-factors_reset = 重置登录验证因素
staff-change-role_changed = 变更角色
staff-change-disabled = 停用
staff-change-enabled = 重新启用
staff-change-by-cli = 命令行
staff-change-by-system = 本服务（首次启动时）
audit-checks = 身份卡核验
audit-verifications = 近30天身份卡核验：{ $checks }次（有效{ $valid }次，无效{ $not_valid }次）。

## 工作人员账号

staff-title = 工作人员账号
one-time-password = { $username }的一次性密码：
one-time-password-hint = 请当面交给本人。此密码只显示这一次；对方登录时必须设置自己的密码。
staff-accounts = 账号
col-state = 状态
col-created = 创建日期
state-disabled = 已停用
state-active = 已启用
state-must-change = 须设置密码
role-for = { $username }的角色
change-role = 更改角色
enable-account = 启用{ $username }
disable-account = 停用{ $username }
reset-password = 重置{ $username }的密码
staff-add = 添加账号
username-rule = 2到64个字符：a–z、0–9、“.”、“_”和“-”。
label-initial-password = 密码
initial-password-hint = 留空则生成一次性密码，对方首次登录时必须修改。
staff-add-button = 添加账号
done-staff-added = 已添加账号{ $username }。
done-role-changed = 已更改{ $username }的角色；其会话已关闭。
done-disabled = 账号{ $username }已停用，其会话已关闭。
done-enabled = 账号{ $username }已重新启用。
done-reset = 已重置{ $username }的密码；其会话已关闭。

## 政策与密钥

policy-title = 政策与密钥
policy-intro = 当前生效的配置，只读。如需更改，请修改配置文件，而不是在此处修改。
policy-documents = 证件与分数
policy-requirement = 办理身份卡需要身份证明{ $identity }分、居住证明{ $residency }分。
col-document = 证件
col-code = 代码
policy-rules = 规则
policy-minimum-age = 办卡最低年龄
policy-unissued = 已登记但从未签发身份卡的数据，保存
policy-grace = 最后一张身份卡失效后，保存
policy-address = 地址
policy-address-kept = 与卡面信息一同保存
policy-address-destroyed = 身份卡打印后即删除
policy-audit = 审计条目保存
policy-key-backups = 密钥环备份最长保存
policy-ceiling = 任何政策都不得超过
policy-purge-interval = 清除运行间隔
policy-sessions = 工作人员会话结束时间
policy-sessions-value = 闲置{ $idle }分钟，或登录{ $absolute }分钟后
policy-throttle = 登录限制
policy-throttle-value = 同一地址对同一账号登录失败{ $failures }次后，须等待{ $first }秒，之后每次加倍，最长{ $longest }分钟
days = { $n }天
minutes = { $n }分钟
policy-keys = 密钥版本
policy-keys-summary = { $live }个密钥周期在用；{ $destroyed }个已销毁。
policy-epochs = 在用的密钥周期及其当前密钥版本
policy-destroyed = 已销毁的密钥周期
policy-signing = 身份卡签名密钥（已公开）
policy-signing-current = 当前用于签名
policy-config = 生效配置
policy-config-show = 显示配置（机密信息已隐藏）

# 审计员页面上以文字表述的保存规则（{ days } 使用 $n）。
class-policy-card_face = 保存至最后一张身份卡过期或被注销，之后再保存{ days }
class-policy-unissued_residents = 登记后{ days }
class-policy-print_only_address-kept = 与卡面信息一同保存
class-policy-print_only_address-destroyed = 印有该地址的身份卡打印后即删除
class-policy-audit_entries = { days }
class-policy-staff_sessions = 闲置{ $idle }分钟或登录{ $absolute }分钟后结束
class-policy-card_status = 在身份卡仍可能被出示期间保存；已注销身份卡的索引永不重复使用
audit-keys-statement = 数据库的每一份副本（备份、WAL 归档、被盗的磁盘）在生成{ $w1 }个月后都将无法读取；每条记录最迟在其到期当月月底，在所有副本中都将无法读取：数据密钥最多提前{ $w }个月封装，已结束月份的密钥会被销毁。密钥环的副本最多保存{ days }。

# 图表各行的简称，以及清除运行的触发方式和结果。
chart-label-card_face = 卡面信息
chart-label-unissued_residents = 从未签发身份卡
chart-label-audit_entries = 审计条目
chart-label-staff_sessions = 工作人员会话
purge-trigger-schedule = 按计划
purge-trigger-cli = 通过命令行
purge-outcome-running = 运行中
purge-outcome-completed = 已完成
purge-outcome-failed = 失败

## 第二验证因素

nav-account = 账号与登录
factor-title = 登录第二步
factor-code = 验证码
factor-code-hint = 身份验证器应用当前显示的6位验证码，或您的一个恢复码。
factor-button = 继续
factor-start-again = 重新输入用户名登录
account-title = 账号与登录
account-factors = 第二验证因素
factor-due = 请在{ $date }前设置第二验证因素。过了这一天，仅凭密码将无法登录。
factor-set-up-now = 立即设置
factor-required-here = 您的角色必须使用第二验证因素登录。
factor-offered = 即使他人知道了您的密码，第二验证因素也能保护您的账号安全。
factor-none = 您尚未设置第二验证因素。
col-added = 添加日期
col-last-used = 上次使用
factor-kind-totp = 身份验证器应用
factor-kind-passkey = 通行密钥
password-to-confirm = 请输入密码以确认
factor-remove = 移除
factor-removed = 该验证因素已移除。
totp-add = 设置身份验证器应用
totp-title = 设置身份验证器应用
totp-step-scan = 在身份验证器应用中添加账号，然后扫描此 QR 码。
totp-step-type = 如果无法扫描，请改为输入以下密钥：
totp-step-confirm = 请输入应用现在显示的6位验证码。
totp-code = 6位验证码
totp-confirm = 确认
totp-added = 身份验证器应用已设置完成。今后请使用密码和该应用生成的验证码登录。
totp-qr-label = 用于身份验证器应用的 QR 码
recovery-title = 恢复码
recovery-left = 您还有{ $count }个未使用的恢复码。
recovery-new = 生成新的恢复码
recovery-shown-once = 请抄下或打印这些恢复码，并妥善保管。它们只显示这一次。
recovery-how = 如果手机丢失，可以用其中一个恢复码代替应用中的验证码登录。每个恢复码只能使用一次。生成新的恢复码后，这些恢复码即作废。
err-totp-wrong-code = 该验证码与正在设置的应用不匹配。请检查手机上的时间，并输入它当前显示的验证码。
err-factor-gone = 您的账号上已没有该验证因素。请重新开始。
err-factor-required = 您的角色必须保留一个第二验证因素。请先设置另一个，再移除此项；或者联系管理员。
err-second_factor_required = 此账号须使用第二验证因素登录。
err-invalid_second_factor = 验证码错误，或者已被使用过。请等待下一个验证码后重试。
err-second_factor_enrolment_overdue = 此账号需要第二验证因素，但设置期限已过。请联系管理员重置您的第二验证因素。
state-second-factor = 已设置第二验证因素
state-no-second-factor = 未设置第二验证因素
reset-factors = 重置{ $username }的第二验证因素
done-factors-reset = 已移除{ $username }的第二验证因素，其会话已关闭。对方下次登录时可以设置新的验证因素。
passkey-add = 添加通行密钥
passkey-why = 通行密钥是最安全的第二验证因素：由您的手机、电脑或安全密钥通过指纹、面容或 PIN 确认是您本人。服务器上不保存任何可用来打开您账号的信息。
passkey-label = 此通行密钥的名称
passkey-label-hint = 便于区分您的各个通行密钥，例如“工作笔记本电脑”或“蓝色安全密钥”。
passkey-button = 添加通行密钥
passkey-added = 已添加通行密钥。
passkey-needs-script = 添加通行密钥需要在此浏览器中启用 JavaScript。
passkey-unavailable-here = 只有通过域名访问本服务时才能使用通行密钥（本服务的公开地址是 IP 地址）。请改用身份验证器应用。
passkey-cancelled = 未使用通行密钥：请求已取消或超时。请重试。
passkey-unsupported = 此浏览器无法使用通行密钥。请使用身份验证器应用或恢复码。
passkey-wrong-host = 通行密钥只能在本服务自己的地址上使用。请通过该地址打开本服务后重试。
passkey-use = 使用通行密钥
passkey-or-code = 或输入验证码：
totp-why = 手机上的一个应用，每30秒显示一个新的6位验证码。
err-passkeys-unavailable = 只有通过域名访问本服务时才能使用通行密钥。请改用身份验证器应用。
err-passkey-refused = 通行密钥未被接受。请重试。

# 单点登录（市政府的身份提供方）
sign-on-button = 通过{ $name }登录
sign-on-or-password = 或使用用户名和密码登录：
break-glass-summary = 使用密码紧急登录
break-glass-hint = 仅供唯一的紧急管理员账号在市政府统一登录无法使用时使用。
signed-on-title = 已登录
signed-on-text = 您已登录。正在打开您的页面。
signed-on-continue = 继续
err-local_passwords_off = 工作人员请通过上方的市政府统一登录进行登录；除紧急管理员账号外，此处已停用密码登录。
err-sign-on-unknown = 此登录链接已失效：它已被使用过、已超过十分钟，或者是在另一个浏览器中打开的。请重新开始。
err-sign-on-ended = 登录已取消或未完成。请重新开始。
err-sign-on-unreachable = 暂时无法连接市政府统一登录。请过几分钟再试，或联系服务台。
err-sign-on-invalid = 市政府统一登录返回的应答未被接受。请重新开始；如果再次出现，请告知服务台。
err-sign-on-no-account = 您已通过市政府统一登录，但本服务中没有您的工作人员账号。请联系管理员为您创建。
err-sign-on-no-role = 您已通过市政府统一登录，但您所在的组都没有访问本服务的权限。请联系服务台将您加入相应的组。
err-sign-on-two-roles = 您在市政府所属的组在本服务中对应两个不同的角色。请联系服务台，只保留其中一个组。
account-signed-on = 您通过{ $name }登录。您的密码和第二验证因素由其管理。
err-sign-on-no-username = 市政府统一登录未说明您对应哪个工作人员账号。请联系服务台。
err-sign-on-break-glass = 紧急管理员账号只能使用下方的密码登录。
err-sign-on-email-unverified = 市政府统一登录尚未验证您的电子邮箱地址。请联系服务台。
err-sign-on-no-second-factor = 请在市政府统一登录时使用第二验证因素（例如手机或安全密钥），然后重试。
err-sign-on-other-person = 在市政府统一登录中，此工作人员账号属于另一个人。请联系管理员重置该账号的登录关联。
err-password-managed-elsewhere = 您的密码和第二验证因素由市政府统一登录管理，而不是在此处管理。

# 居民证件预查（/check）
check-title = 办理市民身份卡需要哪些证件？
check-intro = 办卡时，您需要出示能证明您是谁、以及您住在本市的证件。每份证件可计一定的分数：您需要身份证明{ $identity }分、居住证明{ $residency }分。
check-nothing-kept = 本页面不会保存任何关于您的信息：您勾选的内容不会被存储，市政府的任何人都看不到。
check-documents = 您拥有的证件
check-hint = 请勾选您能带来的每一类证件。
check-add-up = 计算我的分数
check-list = 每类证件的分值
check-bring = 申请时，请带上您所勾选证件的原件。办事员查看后会交还给您；本项目不保留任何复印件，也不记录证件号码。
check-print = 如需带走这份清单，请打印本页。
check-footer = 本页面由本市的市民身份卡项目提供，不保存任何关于您的信息。
reason-replacement_never_received = 补办：未收到邮寄的身份卡
err-outside_renewal_window = 只有在居民最后一张身份卡到期前不久至到期后约六个月内才能续期。超出这段时间，请重新核查证件后签发新卡。

## 年龄段、照护人、费用和减免
err-caretaker_required = 此年龄的居民须由父母、法定监护人或其他照护人陪同申请。请选择陪同前来的人。
err-caretaker_not_applicable = 此年龄的居民须独自申请：“陪同居民前来的人”一栏请留空。
err-caretaker_identity_unchecked = 请核查照护人的身份，然后勾选表示已核查的方框。
err-fee_required = 此卡须缴费{ $amount } { $currency }。请先收款，再标记为已缴费；或者标记为减免并选择类别。未签发身份卡。
err-unknown_waiver_category = 请从本项目的减免类别中选择一种。
label-caretaker = 陪同居民前来的人
caretaker-minors-only = 仅限未成年人
caretaker-required-ages = { $from }至{ $to }岁须由照护人陪同申请。
caretaker-optional-ages = { $from }至{ $to }岁可独自申请，也可由照护人陪同。
caretaker-required-from = 年满{ $from }岁的居民须由照护人陪同申请。
caretaker-optional-from = 年满{ $from }岁的居民可独自申请，也可由照护人陪同。
hint-caretaker = 只记录照护人与居民的关系。切勿记下照护人的姓名。
label-caretaker-relationship = 关系
label-caretaker_identity_checked = 我已核查照护人的身份
caretaker-none = 无人陪同（独自申请）
relationship-parent = 父母
relationship-legal_guardian = 法定监护人
relationship-other_caretaker = 其他照护人
policy-bands = 年龄段与费用
policy-bands-intro = 按申请或签发当天的年龄确定年龄段。费用以{ $currency }计；款项在本服务之外收取。
col-age-band = 年龄段
col-ages = 年龄
col-caretaker = 照护人
col-validity = 身份卡有效期
col-fee = 费用：{ $class }
ages-from-to = { $from }至{ $to }岁
ages-from = { $from }岁及以上
caretaker-rule-required = 必须
caretaker-rule-optional = 可选
caretaker-rule-none = 独自申请
years = { $n }年
policy-fee-reasons = 各签发原因对应的收费类别
policy-waivers = 减免类别
band-child = 儿童
band-youth = 青少年
band-adult = 成人
band-senior = 老年人
fee-class-card = 办卡
fee-class-replacement = 补办
fee-class-free = 免费
waiver-low_income = 低收入
waiver-homeless = 无固定住所
waiver-survivor_of_violence = 暴力幸存者
waiver-veteran = 退伍军人
waiver-senior = 老年人
waiver-youth = 青少年
issue-fee = 费用
issue-fee-hint = 请先在收款处收款，然后标记为已缴费，或者标记为减免并选择类别。无需缴费时，不必做任何操作。
delivery-legend = 身份卡如何交到居民手中
delivery-hint = 当场交付、邮寄到登记的地址，或由居民之后亲自到办理点领取。
delivery-hint-confidential = 这是保密卡：卡上不印地址，从不邮寄。打印后在此交付，或由居民亲自到其选定的办理点领取。
delivery-counter = 打印后在此交付
delivery-mail = 邮寄到登记的地址
delivery-pickup = 之后到办理点领取
delivery-pickup-site = 居民领卡的办理点
delivery-pickup-site-none = 请选择办理点
issue-fee-table = 该居民的费用（{ $band }）
issue-fee-amount = 金额（{ $currency }）
fee-free = 免费
fee-paid = 已缴费
fee-waived = 已减免
fee-waiver-category = 减免类别
fee-waiver-none = 无
fee-no-evidence = 只记录类别。不要记下或复印居民为此出示的证明。
err-no_card_to_replace = 该居民没有可补办的现有身份卡（如属未收到卡的情况：没有已打印待邮寄的身份卡）。请改为签发新卡。
err-no_address_to_mail = 该居民没有登记可供邮寄的地址。请添加地址，或者安排居民到办理点领卡。
err-confidential_not_mailed = 保密卡从不邮寄：由居民亲自在此处或其选定的办理点领取。
err-card_awaiting_mail = 该居民有一张身份卡正等待邮寄到其地址。请先注销该卡（原因选“误签发”），再将身份卡设为保密卡，并签发一张当面交付的身份卡。
err-confidential_no_address = 保密卡不印地址：请将地址留空，或者取消勾选“保密卡”。
err-pickup_site_required = 请选择一个正在开放的办理点，供居民领卡。
err-not_picked_up_here = 此卡应在另一个办理点领取。
err-holder_unchecked = 交付身份卡前，请将此人的面容与卡上照片进行核对，并勾选方框。
err-wrong_card_stage = 该卡不处于此操作所需的环节（尚未打印、尚未到达其办理点，或者已经交付）。
program-title = 提交市议会的统计数据
program-hint = 申请、拒绝、身份卡、费用和减免以及语言，按月统计。任何小于11的数字都显示为“<11”；如果通过合计能推算出这类数字，其他数字也不予显示。与数据保存报告一样带有签名。
program-from = 起始月份
program-to = 结束月份
program-by = 列
program-by-month = 按月
program-by-site = 按办理点
program-by-site-month = 按办理点和月份
program-by-none = 整个期间
program-format = 格式
program-format-pdf = 带图表的可打印报告（PDF）
program-format-csv = 开放数据（CSV）
program-format-json = 已签名数据（JSON）
program-download = 下载报告

## 办理点
nav-sites = 办理点
err-site_closed = 该办理点已关闭、尚未开放，或已过最后开放日：无法在那里记录任何内容。请选择其他办理点。
err-site_code_taken = 已有办理点使用该代码。代码永不重复使用：请另选一个。
err-site_not_allowed = 您不在该办理点工作。请联系管理员将该办理点添加到您的办理点列表中。
err-site_required = 请先选择您工作的办理点。未记录任何内容。
err-site-choose = 请选择办理点。
site-working-at = 办理点：{ $site }（更改）
site-choose-link = 选择您的办理点
sites-title = 办理点
sites-intro = 登记中心、图书馆分馆和临时活动点。每次登记、签发和打印都会记录所在的办理点；提交市议会的报告按办理点统计。
sites-list = 所有办理点
col-site = 办理点
col-site-kind = 类型
col-site-dates = 开放时间
site-no-last-day = 无最后开放日
site-change = 修改{ $site }
label-site-name = 名称
label-site-code = 代码
label-site-opens-on = 开放首日
label-site-closes-on = 最后开放日
site-save = 保存
site-close = 关闭{ $site }
sites-close-hint = 办理点一经关闭便不再开放：此后不再在那里记录任何内容，在那里工作的工作人员须另选办理点。
sites-none = 尚无办理点。添加办理点之前，所有记录都不包含办理点。
site-add = 添加办理点
site-code-rule = 2到32个小写字母、数字和连字符。代码会出现在提交市议会的报告中，且永不重复使用。
site-closes-hint = 临时活动点须填写最后开放日。常设办理点请留空。
site-add-button = 添加办理点
site-kind-centre = 登记中心
site-kind-library = 图书馆分馆
site-kind-popup = 临时活动点
site-state-upcoming = 尚未开放
site-state-open = 开放中
site-state-ended = 已结束
site-state-closed = 已关闭
done-site-added = 已添加{ $site }。
done-site-changed = 已修改{ $site }。
done-site-closed = 已关闭{ $site }。此后不再在那里记录任何内容。
site-choose-title = 您今天在哪里工作？
site-choose-intro = 您进行的每次登记、签发和打印都会记录在这个办理点。
site-choose-legend = 您的办理点
site-until = 至{ $date }
site-choose-button = 在此工作
site-none-open = 您的办理点今天都不开放。请联系管理员将您添加到一个开放中的办理点。
col-sites = 办理点
sites-any = 任何开放中的办理点
sites-assign = { $username }的办理点
sites-assign-hint = 如果一个都不勾选，该账号可在任何开放中的办理点工作。
sites-assign-button = 保存办理点
done-sites-assigned = 已保存{ $username }的办理点。

## 法律保全
nav-holds = 法律保全
err-legal_hold_lifted = 此项保全此前已解除。如果命令续期，请设立新的保全。
holds-title = 法律保全
holds-intro = 法律保全（要求保存记录的法院命令）会阻止清除程序销毁其涵盖的记录，直至保全解除。设立和解除保全都会记入审计记录；数据保存报告会列出有效的保全，并将受保全的记录与逾期记录分开统计。
holds-list = 保全列表
holds-none = 尚未设立任何法律保全。
col-hold-reference = 编号
col-hold-scope = 涵盖的记录
col-hold-placed = 设立
col-hold-lifted = 解除
hold-scope-all = 所有记录
hold-scope-enrolled_between = { $from }至{ $to }期间登记
hold-scope-site = 在{ $site }登记
hold-in-force = 生效中
hold-by = 操作人：{ $username }
hold-lift = 解除保全{ $reference }
hold-place = 设立保全
label-hold-reference = 命令编号
hold-reference-hint = 法院命令编号或案件编号。切勿填写人名。
hold-scope-legend = 涵盖哪些记录
hold-scope-choice-all = 所有记录
hold-scope-choice-enrolled_between = 在某两个日期之间登记的居民
hold-scope-choice-site = 在某个办理点登记的居民
label-hold-from = 起始日期（适用于在两个日期之间登记的居民）
label-hold-to = 结束日期（适用于在两个日期之间登记的居民）
label-hold-site = 办理点（适用于在某个办理点登记的居民）
hold-place-button = 设立保全
done-hold-placed = 已设立保全{ $reference }。目前涵盖{ $count }条记录。
done-hold-lifted = 已解除保全{ $reference }。下次清除将销毁已到期且不受其他保全涵盖的记录。
sites-not-applicable = 不在任何办理点工作（此角色不负责窗口业务）
err-under_legal_hold = 此记录受法律保全涵盖：在保全解除之前，其信息不能修改或删除。未做任何更改。
col-legal-hold = 受法律保全
audit-holds = 有{ $holds }项法律保全有效：{ $records }条记录在到期后仍予保存，不计为逾期。
audit-holds-link = 查看保全

## The printed card's own words, as the card prints them (capitals where the language has
## them). The card prints them in the city's card language and, when a resident asks, in a
## second language under them, so keep them short: a label has about 27 mm at 6 pt.
card-face-title = 身份卡
card-face-name = 姓名
card-face-preferred-name = 常用名
card-face-date-of-birth = 出生日期
card-face-gender = 性别
card-face-issued = 签发日期
card-face-expires = 有效期至
card-face-card-number = 卡号
card-face-address = 住址
card-face-languages = 语言
card-face-list-separator = 、
card-face-emergency-contact = 紧急联系人
card-face-veteran = 退伍军人
card-face-organ-donor = 器官捐献者
card-face-return-if-found = 如拾到本卡，请送交任一市政厅或投入邮筒，谢谢。
# $address is the verifier page's address, "id.springfield.gov/v".
card-face-verify-hint = 核验本卡：请扫描二维码，或访问 { $address }
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
report-pdf-generated = 生成时间：{ $generated }（UTC）。读取次数和清除的统计期间为{ $from }至{ $to }。本报告不含任何个人数据。
report-held-counted = 保存数量、各类最早的记录以及各周期的数据密钥由 { $counted }（UTC）的清除统计；员工会话、审计条目和逾期记录在生成本报告时统计。
report-pdf-chain = 审计链
report-pdf-sealed = 审计链的链头最近一次在第{ $entry }个条目处签名封存。
report-pdf-unsealed = 审计链的链头尚未签名封存。
report-pdf-no-epochs = 目前没有任何密钥周期在保护居民数据。
# $epochs is a list of months such as "2026-01 (destroyed 2026-03-01), 2026-02 (…)".
report-pdf-destroyed-epochs = 已销毁的密钥周期：{ $epochs }
report-pdf-none = 无
report-pdf-started = 开始时间（UTC）
col-audit-removed = 删除的审计条目
report-pdf-holds-none = 没有有效的法律保全：各类数据均按期销毁。
report-pdf-per-card = 不逐卡记录任何核验。
report-pdf-signature = 签名
# $alg is "ES256"; $kid is the signing key's identifier.
report-pdf-signed = 由密钥{ $kid }使用{ $alg }对本报告的规范化 JSON 进行签名。
report-pdf-unsigned = 本报告未签名。
report-pdf-check = 已签名的 JSON 内嵌在本文件中，文件末尾附有针对文件本身字节的签名。可以用“muni-id report verify FILE”核验副本。
# At the foot of every page; $report is the report's title.
report-pdf-page = { $report }——第{ $page }页，共{ $pages }页
# $from and $to are months written as program-pdf-month writes them.
program-pdf-period = { $jurisdiction }——{ $from }至{ $to }
# $columns is one of the program-by messages ("By month").
program-pdf-columns = 列：{ $columns }
program-pdf-generated = 生成时间：{ $generated }（UTC）。
program-pdf-threshold = 1到{ $below }的数字均显示为“<{ $threshold }”。标为“不予显示”的数字已隐去，以免通过合计推算出任何较小的数字。
program-pdf-counts-only = 仅含统计数字：本报告不以姓名或编号指明任何个人、身份卡或工作人员。
program-pdf-nothing = 此期间没有任何统计数据。
program-pdf-category = 类别
program-pdf-total = 合计
# A figure hidden from the table (see program-pdf-threshold).
program-pdf-withheld = 不予显示
program-pdf-no-site = 未记录办理点
# A column of the table: $month is one of the card-face-month messages, $year is digits.
program-pdf-month = { $year }年{ $month }
# $category is one of the waiver messages ("Low income").
program-pdf-waived = 减免：{ $category }
program-table-application = 受理的申请（按年龄段）
program-table-denial = 被拒绝的申请（按原因）
program-table-card_issued = 签发的身份卡（按原因）
program-table-fee = 身份卡费用：已缴费，或按类别减免
program-table-language = 居民要求使用的语言
program-denial-insufficient_proof = 身份或居住证明不足
program-denial-below_minimum_age = 未达最低年龄
program-denial-caretaker_required = 未由照护人陪同

# A language by its name, as the card's back and the council report write a resident's
# languages in this language (BCP 47 tag after "lang-"; a sign language is a language too).
# Written as a list item mid-sentence would write it (Spanish and French: lowercase).
lang-am = 阿姆哈拉语
lang-ar = 阿拉伯语
lang-ase = 美国手语
lang-bn = 孟加拉语
lang-bo = 藏语
lang-cmn = 普通话
lang-de = 德语
lang-el = 希腊语
lang-en = 英语
lang-es = 西班牙语
lang-fa = 波斯语
lang-ff = 富拉语
lang-fil = 菲律宾语
lang-fr = 法语
lang-gu = 古吉拉特语
lang-he = 希伯来语
lang-hi = 印地语
lang-hmn = 苗语
lang-ht = 海地克里奥尔语
lang-hu = 匈牙利语
lang-hy = 亚美尼亚语
lang-it = 意大利语
lang-ja = 日语
lang-ka = 格鲁吉亚语
lang-km = 高棉语
lang-ko = 韩语
lang-ku = 库尔德语
lang-lo = 老挝语
lang-mam = 马姆语
lang-mfs = 墨西哥手语
lang-ml = 马拉雅拉姆语
lang-my = 缅甸语
lang-ne = 尼泊尔语
lang-nl = 荷兰语
lang-pa = 旁遮普语
lang-pl = 波兰语
lang-prs = 达利语
lang-ps = 普什图语
lang-pt = 葡萄牙语
lang-quc = 基切语
lang-ro = 罗马尼亚语
lang-ru = 俄语
lang-si = 僧伽罗语
lang-so = 索马里语
lang-sq = 阿尔巴尼亚语
lang-sw = 斯瓦希里语
lang-ta = 泰米尔语
lang-te = 泰卢固语
lang-th = 泰语
lang-ti = 提格利尼亚语
lang-tl = 他加禄语
lang-tr = 土耳其语
lang-uk = 乌克兰语
lang-ur = 乌尔都语
lang-uz = 乌兹别克语
lang-vi = 越南语
lang-wo = 沃洛夫语
lang-yi = 意第绪语
lang-yo = 约鲁巴语
lang-yue = 粤语
lang-zh = 中文
