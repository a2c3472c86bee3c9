# العربية (من اليمين إلى اليسار).

language-name = العربية
language-dir = rtl

## إطار كل صفحة

app-name = بطاقة الهوية البلدية
skip-to-content = الانتقال إلى المحتوى الرئيسي
nav-label = الرئيسية
language-label = لغة هذه الصفحات
nav-enroll = تسجيل مقيم
nav-find = البحث عن مقيم
nav-staff = حسابات الموظفين
nav-policy = السياسة والمفاتيح
nav-audit = تقرير الاحتفاظ بالبيانات
nav-password = تغيير كلمة المرور
logout = تسجيل الخروج
footer-privacy = تحتفظ هذه الخدمة بأقل قدر ممكن من بيانات المقيمين ولأقصر مدة ممكنة. لا تكتب بيانات المقيمين إلا في هذه النماذج.
back-home = العودة إلى صفحة البداية
error-prefix = خطأ:
continue = متابعة
yes = نعم
no = لا
choose = اختر…
optional = (اختياري)
required = (مطلوب)
save = حفظ التغييرات
cancel = إلغاء
you = أنت

## التواريخ والأرقام كما تُكتب بالعربية
date-long = { $day } { $monthName } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
number-group-separator = ,

## حالات الرفض

csrf-title = لا يمكن قبول هذا النموذج
err-csrf = لم يُرسَل النموذج من هذا الموقع، أو انتهت صلاحية الصفحة. ارجع وأعد تحميل الصفحة ثم حاول مرة أخرى.
forbidden-title = غير مسموح
err-forbidden = لا يمكن لدورك ({ $role }) فتح هذه الصفحة.
not-found-title = غير موجود
err-not_found = لا يوجد مثل هذا السجل.
outage-title = لم يُحفظ شيء
err-database_unavailable = لا يمكن الوصول إلى قاعدة البيانات الآن، لذلك لم يُحفظ شيء. انتظر لحظة، ثم ارجع وحاول مرة أخرى.
err-storage_full = مساحة التخزين في الخادم ممتلئة، لذلك لم يُحفظ شيء. أبلغ أحد المسؤولين؛ يمكن إرسال النموذج مرة أخرى بعد تحرير مساحة.
err-key_custody_unavailable = لا يمكن الآن الوصول إلى المفاتيح التي تحمي بيانات السكان، لذلك لم يُقرأ أو يُحفظ شيء. انتظر لحظة، ثم ارجع وحاول مرة أخرى.
problem-title = لا يمكن تنفيذ ذلك
form-unreadable-title = تعذّرت قراءة النموذج
err-form-unreadable = تعذّرت قراءة النموذج، أو كان كبيرًا جدًا. ارجع وحاول مرة أخرى.
err-invalid-value = إحدى القيم غير صالحة. راجع النموذج وحاول مرة أخرى.

## تسجيل الدخول

login-title = تسجيل الدخول
logged-out = لقد سجّلت الخروج.
username = اسم المستخدم
password = كلمة المرور
login-button = دخول
err-invalid_credentials = اسم المستخدم أو كلمة المرور غير صحيحة.
err-too_many_attempts = محاولات فاشلة كثيرة. انتظر { $unit ->
        [seconds] { $count ->
            [one] ثانية واحدة
            [two] ثانيتين
            [few] { $count } ثوانٍ
           *[other] { $count } ثانية
        }
       *[minutes] { $count ->
            [one] دقيقة واحدة
            [two] دقيقتين
            [few] { $count } دقائق
           *[other] { $count } دقيقة
        }
    } ثم حاول مرة أخرى.

## كلمة المرور

password-title = تغيير كلمة المرور
password-changed = تم تغيير كلمة المرور. وأُغلقت جلساتك الأخرى.
password-required = دخلت بكلمة مرور لمرة واحدة. اختر كلمة مرورك الخاصة قبل المتابعة.
label-current_password = كلمة المرور الحالية
label-new_password = كلمة المرور الجديدة
label-confirm_password = أعد كتابة كلمة المرور الجديدة
password-rule = ١٢ حرفًا على الأقل. بضع كلمات لا علاقة بينها تصنع كلمة مرور جيدة.
password-button = تغيير كلمة المرور
err-password-mismatch = كلمتا المرور الجديدتان غير متطابقتين.
err-current-password-wrong = كلمة المرور الحالية غير صحيحة.
err-weak_password = كلمة المرور الجديدة غير مقبولة: استخدم ١٢ حرفًا على الأقل، مختلفة عن كلمة المرور الحالية.

## الأدوار

role-clerk = موظف شباك
role-supervisor = مشرف
role-auditor = مدقق
role-admin = مسؤول النظام

## التسجيل

enroll-title = تسجيل مقيم
form-language-label = اعرض هذا النموذج باللغة
form-has-problems = { $count ->
    [one] في النموذج مشكلة
    [two] في النموذج مشكلتان
    [few] في النموذج { $count } مشكلات
   *[other] في النموذج { $count } مشكلة
}
duplicate-title = قد يكون هذا الشخص مسجلًا من قبل
duplicate-text = يوجد مقيم مسجل بالاسم القانوني نفسه وتاريخ الميلاد نفسه.
duplicate-open = افتح ذلك السجل
duplicate-or-confirm = إن كان شخصًا آخر، فحدّد «هذا شخص آخر» في آخر النموذج وسجّله مرة أخرى.
duplicate-confirm = هذا شخص آخر: سجّله على أي حال
enroll-documents = المستندات المقدَّمة
enroll-documents-hint = حدّد كل نوع من المستندات التي يقدّمها المقيم. تحتاج البطاقة إلى { $identity } نقاط هوية و{ $residency } نقطة إقامة.
doc-points = هوية { $identity } · إقامة { $residency }
points-total = النقاط حتى الآن
points-identity = نقاط الهوية
points-residency = نقاط الإقامة
points-met = الشرط مستوفى
points-missing = ينقص { $n }
enroll-documents-privacy = اطّلع على المستندات ثم أعِدها. لا يُستخدم إلا الأنواع التي تحددها، لحساب النقاط؛ ولا يُدوَّن أو يُحفظ أي شيء آخر عنها.
enroll-details = المقيم
label-legal_name = الاسم القانوني
hint-legal_name = كما يكتبه المقيم تمامًا، بأي أبجدية.
label-preferred_name = الاسم المفضل
hint-preferred_name = الاسم الذي يستخدمه المقيم إن كان مختلفًا. يُطبع تحت الاسم القانوني.
label-date_of_birth = تاريخ الميلاد
hint-date_of_birth = يجب ألا يقل عمر المقيم عن { $age } سنوات.
label-gender = علامة النوع
hint-gender = يحددها المقيم بنفسه: اسأله وسجّل ما يختاره. X لمن لا يريد F ولا M. الترك فارغًا يعني عدم طباعة أي علامة.
gender-blank = لا شيء (فارغ)
gender-f = F (أنثى)
gender-m = M (ذكر)
gender-x = X
enroll-address = العنوان على البطاقة
hint-address = عنوان سكن، أو سطر «بعناية» للبريد الذي يصل إلى ملجأ أو جهة. يُطبع على ظهر البطاقة ثم يُحذف.
label-confidential = بطاقة سرية: بلا عنوان، لا تُرسل بالبريد، تُسلَّم شخصيًا
hint-confidential = للمقيم الذي يجب ألا يُعرف عنوانه (كناجية من العنف مثلًا). تُطبع البطاقة بلا عنوان ولا تُرسل بالبريد أبدًا: تُسلَّم هنا، أو يستلمها المقيم من الموقع الذي يختاره. ويُحذف أي عنوان مسجَّل.
address-none = بلا عنوان
address-home = عنوان السكن
address-care-of = بعناية ملجأ أو جهة
label-address_line1 = الشارع والرقم
label-address_line2 = الشقة، الطابق (اختياري)
label-address_care_of = الملجأ أو الجهة
label-address_city = المدينة
label-address_postal_code = الرمز البريدي
enroll-extras = أيضًا على البطاقة
label-language_1 = لغة يتحدثها
label-language_2 = لغة ثانية يتحدثها
language-none = لا شيء
label-card_language = لغة ثانية على البطاقة
hint-card_language = تُطبع تسميات البطاقة وعبارة إعادتها عند العثور عليها باللغة { $language }. ويمكن للمقيم أن يطلب طباعتها أيضًا بإحدى هذه اللغات، تحتها.
card-language-none = بلا لغة ثانية: { $language } فقط
label-emergency_name = جهة الاتصال في الطوارئ: الاسم
label-emergency_phone = جهة الاتصال في الطوارئ: الهاتف
label-veteran = من قدامى المحاربين
label-organ_donor = متبرّع بالأعضاء
enroll-photo = الصورة
hint-photo = الوجه نحو الكاميرا، وخلفية بلون واحد، وبلا قبعة إلا لأسباب دينية. استخدم الكاميرا أو اختر ملف JPEG أو PNG.
camera-denied = لم يسمح المتصفح باستخدام الكاميرا. اختر ملف صورة بدلًا من ذلك، أو اسمح بالكاميرا وحاول مرة أخرى.
camera-none = تعذّر تشغيل أي كاميرا. اختر ملف صورة بدلًا من ذلك.
camera-ready = الكاميرا تعمل. التقط الصورة عندما يكون المقيم مستعدًا.
camera-taken = التُقطت الصورة. أعد التقاطها إن لزم.
camera-live = صورة الكاميرا المباشرة
camera-start = تشغيل الكاميرا
camera-take = التقاط الصورة
camera-retake = إعادة الالتقاط
label-photo = ملف الصورة (JPEG أو PNG)
photo-kept = الصورة المرسلة سابقًا محفوظة. اختر صورة أخرى أو التقطها لاستبدالها.
photo-preview-alt = الصورة التي ستُطبع على البطاقة
photo-none-yet = لا توجد صورة بعد
enroll-submit = تسجيل المقيم

## أنواع المستندات

doc-passport = جواز سفر
doc-consular_id = بطاقة قنصلية
doc-drivers_license = رخصة قيادة
doc-state_id = بطاقة هوية الولاية
doc-birth_certificate = شهادة ميلاد
doc-utility_bill = فاتورة خدمات
doc-lease = عقد إيجار
doc-bank_statement = كشف حساب مصرفي
doc-shelter_letter = رسالة من ملجأ أو جهة

## ما ترفضه الخدمة

err-invalid_name = اكتب اسمًا فيه حرف واحد على الأقل، لا يزيد على ١٥٠ حرفًا، في سطر واحد.
err-invalid_characters = الحرف رقم { $position } في «{ $field }» غير مرئي أو يغيّر اتجاه النص أو شكله، فلا يمكن أن يحتويه الاسم (كثيرًا ما يأتي مع الاسم عند لصقه). احذفه واكتب ذلك الجزء من الاسم مرة أخرى.
err-invalid_date = أدخل تاريخًا صحيحًا.
err-date_of_birth_in_future = تاريخ الميلاد في المستقبل.
err-below_minimum_age = تحتاج البطاقة إلى ألا يقل عمر المقيم عن { $age } سنوات.
err-invalid_gender = اختر F أو M أو X أو لا شيء.
err-invalid_language = اختر لغة من القائمة.
err-too_many_languages = لا تتسع البطاقة لأكثر من لغتين.
err-invalid_phone = رقم الهاتف من ٣ إلى ٢٠ رقمًا، ولا يحتوي إلا على + - ( ) . والمسافات.
err-invalid_address = أدخل إما عنوان سكن مع الشارع، وإما سطر «بعناية» — لا الاثنين معًا — على ألا يزيد السطر على ١٢٠ حرفًا.
err-photo_too_large = الصورة كبيرة جدًا. استخدم ملفًا أصغر.
err-unsupported_photo_format = يجب أن تكون الصورة ملف JPEG أو PNG.
err-invalid_photo = تعذّرت قراءة الصورة. التقطها مرة أخرى أو اختر ملفًا آخر.
err-photo_too_small = الصورة أصغر من أن تُطبع. التقطها من مسافة أقرب أو اختر ملفًا أكبر.
err-photo-missing = التقط صورة أو اختر ملف صورة.
err-insufficient_proof = المستندات المحددة تعطي { $identity } نقاط هوية و{ $residency } نقاط إقامة؛ والمطلوب { $need_identity } و{ $need_residency }.
err-insufficient_proof-none = حدّد أنواع المستندات التي قدّمها المقيم.
err-unknown_document_kind = أحد أنواع المستندات ليس في القائمة. أعد تحميل الصفحة وحدّد من جديد.
err-possible_duplicate = يوجد مقيم مسجل بالاسم القانوني نفسه وتاريخ الميلاد نفسه.
err-payload_too_large = النموذج كبير جدًا. استخدم صورة أصغر.
err-invalid_card_number = رقم البطاقة ١٢ رقمًا؛ تحقق من وجود رقم مكتوب خطأ.
err-card_not_active = البطاقة ملغاة أو منتهية الصلاحية.
err-resident_data_destroyed = أُتلفت البيانات الشخصية لهذا المقيم وفق سياسة الاحتفاظ.
err-unsupported_script = لا تستطيع خطوط البطاقة طباعة هذا الاسم كما هو، فلم تُصدر البطاقة. اطلب من مسؤول النظام إضافة خط لهذه الأبجدية.
err-unsupported_script-named = الحرف رقم { $position } في «{ $field }» مكتوب بخط لا تستطيع البطاقة طباعته هنا ({ $script })، لذلك لم يُحفظ. اطلب من المسؤول إضافة خط لهذه الكتابة.
err-invalid_username = اسم المستخدم من ٢ إلى ٦٤ حرفًا: a–z و0–9 و«.» و«_» و«-».
err-username_taken = يوجد حساب بهذا الاسم من قبل.
err-own_account = لا يمكنك تعطيل حسابك أو سحب دور مسؤول النظام من نفسك.
err-revoke-reason = اختر سبب إلغاء البطاقة.
err-does_not_fit = هذا الحقل أطول من أن يتسع على البطاقة حتى بأصغر خط، فلم تُصدر البطاقة. اختصره (الاسم المفضل مثلًا) ثم حاول مرة أخرى.
err-changed_meanwhile = غيّر شخص آخر هذا السجل أثناء تعديلك له. لم يُحفظ شيء: افتحه من جديد وأعد تعديلك.
err-internal_error = حدث خطأ من جهتنا ولم يُحفظ شيء. حاول مرة أخرى؛ وإن تكرر ذلك فأبلغ مسؤول النظام.
err-invalid_batch = اختر عددًا أقل من البطاقات لطباعتها دفعة واحدة.
err-invalid_field_type = أُرسلت قيمة بصيغة غير صحيحة. أعد تحميل الصفحة وحاول مرة أخرى.
err-invalid_format = هذه الصيغة غير متاحة. اختر واحدة من القائمة.
err-invalid_query = عنوان هذه الصفحة غير صالح. ارجع وحاول مرة أخرى.
err-invalid_value = إحدى القيم غير صالحة. راجع الحقل المحدد.
err-malformed_body = تعذرت قراءة النموذج. أعد تحميل الصفحة وحاول مرة أخرى.
err-malformed_json = تعذرت قراءة الطلب. أعد تحميل الصفحة وحاول مرة أخرى.
err-method_not_allowed = لا يمكن استخدام هذه الصفحة بهذه الطريقة. ارجع واستخدم الأزرار الموجودة في الصفحة.
err-missing_field = أحد الحقول المطلوبة فارغ. املأه وحاول مرة أخرى.
err-not_authenticated = انتهت جلستك. سجّل الدخول من جديد.
err-password_change_required = غيّر كلمة المرور قبل أن تتابع.
err-request_timeout = استغرق وصول النموذج وقتًا طويلًا فلم يُحفظ. تحقق من الاتصال وأرسله مرة أخرى.
err-too_many_connections = هناك اتصالات كثيرة جدًا من هذا الحاسوب في وقت واحد. انتظر قليلًا وحاول مرة أخرى.
err-too_many_requests = عمليات تحقق كثيرة جدًا من هذا الحاسوب. انتظر دقيقة وحاول مرة أخرى.
err-unknown_field = أرسل النموذج حقلًا لا يعرفه هذا النظام. أعد تحميل الصفحة وحاول مرة أخرى.
err-unsupported_media_type = أُرسل النموذج بطريقة لا يستطيع هذا النظام قراءتها. أعد تحميل الصفحة وحاول مرة أخرى.

## البحث عن مقيم

find-title = البحث عن مقيم
find-hint = أدخل الاسم القانوني وتاريخ الميلاد بدقة. لا يُعثر إلا على التطابق التام؛ ولا توجد قائمة بالمقيمين.
find-button = بحث
find-results = النتيجة
find-several = تطابقت { $count } سجلات. افتح كل سجل للتمييز بينها.
find-open-record = السجل { $n }
find-none = لا يوجد مقيم بهذا الاسم القانوني وتاريخ الميلاد.
find-enroll-instead = تسجيل مقيم جديد

## سجل المقيم

resident-title = المقيم
action-issue = إصدار بطاقة
action-edit = تغيير الاسم أو العنوان
photo-of-resident = صورة المقيم
label-languages = اللغات
label-emergency = جهة الاتصال في الطوارئ
label-address = العنوان
address-none-kept = لا يُحفظ أي عنوان (يُحذف بعد طباعة البطاقة)
address-none-confidential = لا يوجد: البطاقة السرية لا تحمل عنوانًا
label-proof = المستندات
proof-met = شرطا الهوية والإقامة مستوفيان
proof-not-met = الشروط غير مستوفاة
label-enrolled = تاريخ التسجيل
label-retained-until = تُحفظ البيانات حتى
cards-title = البطاقات
card-number = رقم البطاقة
card-status = الحالة
card-issued = تاريخ الإصدار
card-expires = تاريخ الانتهاء
card-reason = السبب
card-printed = مطبوعة
card-actions = الإجراءات
status-active = سارية
status-revoked = ملغاة
status-expired = منتهية
reason-new = بطاقة جديدة
reason-renewal = تجديد
reason-replacement_lost = بدل فاقد
reason-replacement_stolen = بدل مسروقة
reason-replacement_damaged = بدل تالفة
reason-update = تحديث البيانات
revoke-reason = سبب الإلغاء
revoke-lost = مفقودة
revoke-stolen = مسروقة
revoke-damaged = تالفة
revoke-issued_in_error = صدرت خطأً
revoke-button = إلغاء البطاقة
no-cards = لم تُصدر أي بطاقة بعد.
done-revoked = أُلغيت البطاقة. أصبح التحقق منها يُظهر «غير صالحة».
done-updated = تم تغيير البيانات. أصدر بطاقة محدّثة لكي تُطبع.
nav-pickups = الاستلام
card-delivery = التسليم
mark-mailed = تعليم كمُرسلة
mark-arrived = وصلت إلى هنا
hand-over-checked = قارنتُ وجه الشخص بالصورة التي على البطاقة
hand-over-button = تسليم
label-confidential-short = بطاقة سرية
confidential-yes = نعم: بلا عنوان، لا تُرسل بالبريد، تُسلَّم شخصيًا
stage-issued = لم تُطبع بعد
stage-printed = طُبعت
stage-printed-mail = طُبعت، وستُرسل بالبريد
stage-printed-pickup = طُبعت، وهي في الطريق إلى { $site }
stage-ready = جاهزة للاستلام في { $site }
stage-collect-by = تُستلم في موعد أقصاه
card-stage = أين هي
move-pickup-label = الاستلام من موقع آخر
move-pickup-button = نقل
done-pickup-moved = ستُستلم البطاقة الآن من الموقع الآخر؛ ويعلّمها موظف هناك بأنها وصلت.
stage-handed_over = سُلِّمت
stage-mailed = أُرسلت بالبريد
stage-uncollected = لم تُستلم في الموعد: أُلغيت
stage-ready-here = جاهزة هنا
stage-on-the-way = طُبعت، ولم تصل بعد
pickups-title = بطاقات للاستلام هنا
pickups-intro = { $ready ->
    [zero] لا توجد بطاقة جاهزة هنا
    [one] توجد بطاقة واحدة جاهزة هنا
    [two] توجد بطاقتان جاهزتان هنا
    [few] توجد { $ready } بطاقات جاهزة هنا
   *[other] توجد { $ready } بطاقة جاهزة هنا
}، { $coming ->
    [zero] ولا توجد بطاقة في الطريق.
    [one] وبطاقة واحدة في الطريق.
    [two] وبطاقتان في الطريق.
    [few] و{ $coming } بطاقات في الطريق.
   *[other] و{ $coming } بطاقة في الطريق.
}
pickups-hint = ابحث عن بطاقة المقيم برقمها. لا تسلّمها إلا للشخص الذي يطابق وجهه الصورة التي على البطاقة. البطاقة التي لا تُستلم قبل موعدها تُلغى ويجب إتلافها.
pickups-caption = بطاقات الاستلام في { $site }
pickups-none = لا توجد بطاقة تنتظر الاستلام هنا.
done-arrived = عُلِّمت البطاقة بأنها جاهزة هنا.
done-handed-over = سُلِّمت البطاقة.
done-mailed = عُلِّمت البطاقة بأنها أُرسلت بالبريد.

## تغيير الاسم أو العنوان

edit-title = تغيير الاسم أو العنوان
edit-hint = تُطبع البيانات الجديدة على البطاقة التالية التي تُصدر.

## المراجعة والطباعة

review-title = مراجعة البطاقة
review-hint = راجع البطاقة مع المقيم قبل إصدارها: الأسماء وتاريخ الميلاد وكل ما على الظهر.
review-warnings-title = تحقّق قبل الإصدار
warn-mixed_script = كلمة في «{ $field }» تخلط حروفًا من أبجديات مختلفة، مثل حرف سيريلي بين حروف لاتينية. بعض الأسماء تُكتب هكذا؛ قارن التهجئة بالوثائق قبل إصدار البطاقة.
steps-label = التقدّم
step-enroll = التسجيل
step-review = المراجعة
step-print = الطباعة
issue-reason = لماذا تُصدر هذه البطاقة؟
issue-revokes-previous = تُلغى بطاقة المقيم السارية، إن وُجدت، عند إصدار هذه البطاقة.
issue-button = إصدار البطاقة
open-record = فتح سجل المقيم
preview-front = وجه البطاقة
preview-back = ظهر البطاقة
preview-note = تُطبع البطاقة كما تظهر هنا. يُوقَّع رمز QR عند طباعة البطاقة.
card-title = البطاقة
card-issued-title = صدرت البطاقة
card-issued-text = البطاقة { $number } مطبوعة وسارية حتى { $expires }. سلّمها إلى المقيم.
card-issued-text-mail = طُبعت البطاقة { $number } وهي سارية حتى { $expires }. أرسلها بالبريد إلى المقيم، ثم علّمها كمُرسلة في سجله.
card-issued-text-ready = طُبعت البطاقة { $number } وهي تنتظر هنا، في { $site }، أن يستلمها المقيم بنفسه في موعد أقصاه { $date }.
card-issued-text-send = طُبعت البطاقة { $number }. أرسلها إلى { $site }، حيث يعلّمها موظف بأنها وصلت ويستلمها المقيم بنفسه.
card-delivered-text = البطاقة { $number } سارية حتى { $expires }. { $stage ->
    [mailed] أُرسلت بالبريد إلى المقيم.
   *[other] سُلِّمت إلى المقيم.
}
card-ready-title = جاهزة للطباعة
card-ready-text = صدرت البطاقة { $number }. اطبعها على طابعة البطاقات.
card-not-active-title = هذه البطاقة غير سارية
card-not-active-text = الحالة: { $status }. لا يمكن طباعتها.
print-button = طباعة البطاقة
print-again = الطباعة مرة أخرى
print-hint = تُفتح البطاقة ملف PDF في علامة تبويب جديدة؛ اطبعها من هناك عبر نافذة الطباعة في المتصفح، على طابعة البطاقات، بالحجم الفعلي.
print-done = طُبعت البطاقة
enroll-next = تسجيل المقيم التالي

## تقرير الاحتفاظ بالبيانات

audit-title = تقرير الاحتفاظ بالبيانات
audit-as-of = بتاريخ
audit-show = عرض
audit-intro = ما تحتفظ به { $jurisdiction }، حسب نوع البيانات، مقارنةً بسياسة الاحتفاظ، بتاريخ { $as_of }. لا يتضمن هذا التقرير أي بيانات شخصية.
audit-overdue-none = لا يُحتفظ بشيء بعد المدة التي تسمح بها السياسة.
audit-overdue-some = يُحتفظ بـ{ $count } سجلات بعد المدة التي تسمح بها السياسة.
audit-chain-intact = سلسلة التدقيق سليمة ({ $entries } قيدًا).
audit-chain-broken = سلسلة التدقيق مقطوعة عند القيد { $first } (من { $entries }).
audit-chain-checked = فحصت عملية الحذف التي جرت في { $checked } بتوقيت UTC السلسلة كلها؛ وفحص هذا التقرير الإدخالات المضافة منذ ذلك الحين.
audit-downloads = التنزيلات
download-json = التقرير الموقّع (JSON)
download-csv = التقرير بصيغة CSV
download-pdf = التقرير للطباعة (PDF)
audit-signed = كل تنزيل موقّع، فيمكن التحقق من أي نسخة لاحقًا بالأمر «muni-id report verify».
chart-title = أقدم سجل مقارنةً بحد السياسة
chart-desc = لكل نوع من البيانات له حد بالأيام: عمر أقدم سجل محفوظ (الشريط) وحد السياسة (الخط). الشريط الذي يتجاوز خطه يعني بيانات محفوظة أطول مما ينبغي.
chart-legend-age = عمر أقدم سجل
chart-legend-limit = حد السياسة
chart-legend-over = محفوظ بعد المدة المسموح بها
chart-none-held = لا شيء محفوظ
chart-caption = { $age } من { $limit } يومًا
class-card_face = بيانات البطاقة (مقيمون لديهم بطاقة)
class-unissued_residents = مسجلون لم تُصدر لهم بطاقة
class-print_only_address = عنوان للطباعة فقط
class-audit_entries = قيود التدقيق
class-staff_sessions = جلسات الموظفين
class-card_status = حالة البطاقات
audit-classes = البيانات المحفوظة
col-class = نوع البيانات
col-policy = السياسة
col-held = المحفوظ
col-oldest = الأقدم
col-overdue = المتجاوز للمدة
col-destroyed = المُتلف (٣٠ يومًا)
audit-purges = عمليات الحذف الأخيرة
col-started = البدء
col-trigger = المصدر
col-outcome = النتيجة
col-residents-destroyed = مقيمون أُتلفت بياناتهم
col-addresses-destroyed = عناوين أُتلفت
col-epochs-destroyed = حقب مفاتيح أُتلفت
audit-no-purges = لم تُجرَ أي عملية حذف بعد.
audit-keys = المفاتيح
audit-keys-summary = { $live } حقب مفاتيح تحمي بيانات المقيمين؛ و{ $empty } حقب فارغة مُعدّة مسبقًا؛ و{ $destroyed } أُتلفت.
col-epoch = الحقبة
col-key-version = إصدار المفتاح
col-data-keys = المقيمون
audit-reads = قراءات البيانات الشخصية (٣٠ يومًا)
col-role = الدور
col-reads = القراءات
audit-staff-changes = حسابات الموظفين التي أُنشئت أو أُعيد تعيينها أو عُدّلت (٣٠ يومًا)
audit-no-staff-changes = لم يُنشأ أي حساب موظف ولم يُعدَّل.
col-when = الوقت (UTC)
col-change = التغيير
col-account = الحساب
col-by = بواسطة
staff-change-created = أُنشئ
staff-change-password_reset = أُعيد تعيين كلمة المرور
staff-change-factors_reset = أُعيد تعيين عوامل تسجيل الدخول
staff-change-role_changed = تغيّر الدور
staff-change-disabled = عُطّل
staff-change-enabled = أُعيد تفعيله
staff-change-by-cli = سطر الأوامر
staff-change-by-system = الخدمة عند تشغيلها أول مرة
audit-checks = عمليات التحقق من البطاقات
audit-verifications = عمليات التحقق من البطاقات في ٣٠ يومًا: { $checks } ({ $valid } صالحة، { $not_valid } غير صالحة).

## حسابات الموظفين

staff-title = حسابات الموظفين
one-time-password = كلمة مرور لمرة واحدة للمستخدم { $username }:
one-time-password-hint = سلّمها له شخصيًا. لا تظهر إلا الآن؛ وعليه اختيار كلمة مروره عند الدخول.
staff-accounts = الحسابات
col-state = الحالة
col-created = تاريخ الإنشاء
state-disabled = معطّل
state-active = فعّال
state-must-change = عليه اختيار كلمة مرور
role-for = دور { $username }
change-role = تغيير الدور
enable-account = تفعيل { $username }
disable-account = تعطيل { $username }
reset-password = إعادة تعيين كلمة مرور { $username }
staff-add = إضافة حساب
username-rule = من ٢ إلى ٦٤ حرفًا: a–z و0–9 و«.» و«_» و«-».
label-initial-password = كلمة المرور
initial-password-hint = اتركها فارغة لإنشاء كلمة مرور لمرة واحدة يجب تغييرها عند أول دخول.
staff-add-button = إضافة الحساب
done-staff-added = أُضيف الحساب { $username }.
done-role-changed = تغيّر دور { $username }؛ وأُغلقت جلساته.
done-disabled = عُطّل الحساب { $username } وأُغلقت جلساته.
done-enabled = أُعيد تفعيل الحساب { $username }.
done-reset = أُعيد تعيين كلمة مرور { $username }؛ وأُغلقت جلساته.

## السياسة والمفاتيح

policy-title = السياسة والمفاتيح
policy-intro = الإعدادات السارية، للقراءة فقط. تُغيَّر في ملف الإعدادات، لا هنا.
policy-documents = المستندات والنقاط
policy-requirement = تحتاج البطاقة إلى { $identity } نقاط هوية و{ $residency } نقطة إقامة.
col-document = المستند
col-code = الرمز
policy-rules = القواعد
policy-minimum-age = الحد الأدنى للعمر للحصول على بطاقة
policy-unissued = مدة حفظ المسجلين الذين لم تُصدر لهم بطاقة
policy-grace = مدة الحفظ بعد انتهاء آخر بطاقة
policy-address = العنوان
policy-address-kept = يُحفظ مع بيانات البطاقة
policy-address-destroyed = يُحذف بعد طباعة البطاقة
policy-audit = مدة حفظ قيود التدقيق
policy-key-backups = أقصى مدة لحفظ نسخ حلقة المفاتيح
policy-ceiling = لا تتجاوز أي سياسة
policy-purge-interval = يجري الحذف كل
policy-sessions = تنتهي جلسات الموظفين بعد
policy-sessions-value = { $idle } دقيقة خمول، أو { $absolute } دقيقة من الدخول
policy-throttle = تقييد محاولات الدخول
policy-throttle-value = { $failures } محاولات فاشلة لكل حساب من العنوان نفسه، ثم انتظار { $first } ثانية يتضاعف حتى { $longest } دقيقة
days = { $n ->
    [zero] لا أيام
    [one] يوم واحد
    [two] يومان
    [few] { $n } أيام
   *[other] { $n } يومًا
}
minutes = { $n ->
    [zero] لا دقائق
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $n } دقائق
   *[other] { $n } دقيقة
}
policy-keys = إصدارات المفاتيح
policy-keys-summary = { $live } حقب مفاتيح سارية؛ و{ $destroyed } أُتلفت.
policy-epochs = الحقب السارية والإصدار الحالي لمفتاح كل منها
policy-destroyed = الحقب المُتلفة
policy-signing = مفاتيح توقيع البطاقات (منشورة)
policy-signing-current = يوقّع الآن
policy-config = الإعدادات السارية
policy-config-show = عرض الإعدادات (مع إخفاء الأسرار)

# The retention rules in words, on the auditor's page ({ days } uses $n).
class-policy-card_face = حتى تنتهي صلاحية آخر بطاقة أو تُلغى، ثم { days } أخرى
class-policy-unissued_residents = { days } بعد التسجيل
class-policy-print_only_address-kept = يُحفظ مع بيانات البطاقة
class-policy-print_only_address-destroyed = يُحذف بمجرد طباعة بطاقة تحمله
class-policy-audit_entries = { days }
class-policy-staff_sessions = حتى { $idle } دقيقة من عدم النشاط أو { $absolute } دقيقة بعد تسجيل الدخول
class-policy-card_status = يُحفظ ما دامت البطاقة قابلة للتقديم، ولا يُعاد استخدام فهرس بطاقة ملغاة أبدًا
audit-keys-statement = تصبح كل نسخة من قاعدة البيانات (نسخة احتياطية أو أرشيف WAL أو قرص مسروق) غير مقروءة بعد { $w1 } أشهر من أخذها، ويصبح كل سجل غير مقروء في كل النسخ بنهاية الشهر المقرر لإتلافه: إذ لا تُغلَّف مفاتيح البيانات لأبعد من { $w } أشهر مقبلة، وتُتلف مفاتيح الأشهر المنقضية. أما نسخ حلقة المفاتيح فتُحفظ { days } على الأكثر.

# Short names for the chart's rows, and the purge runs' trigger and outcome.
chart-label-card_face = بيانات البطاقة
chart-label-unissued_residents = لم تُصدر لهم بطاقة
chart-label-audit_entries = قيود التدقيق
chart-label-staff_sessions = جلسات الموظفين
purge-trigger-schedule = مجدولة
purge-trigger-cli = من سطر الأوامر
purge-outcome-running = جارية
purge-outcome-completed = اكتملت
purge-outcome-failed = فشلت

## العامل الثاني

nav-account = الحساب وتسجيل الدخول
factor-title = الخطوة الثانية لتسجيل الدخول
factor-code = الرمز
factor-code-hint = الرمز المكوّن من ستة أرقام الذي يعرضه تطبيق المصادقة الآن، أو أحد رموز الاسترداد.
factor-button = متابعة
factor-start-again = البدء من جديد باسم المستخدم
account-title = الحساب وتسجيل الدخول
account-factors = العامل الثاني
factor-due = أعِدّ عاملًا ثانيًا قبل { $date }. بعد ذلك اليوم لن تكفي كلمة المرور وحدها لتسجيل الدخول.
factor-set-up-now = إعداده الآن
factor-required-here = يتطلب دورك تسجيل الدخول بعامل ثانٍ.
factor-offered = العامل الثاني يحمي حسابك حتى لو عرف أحد كلمة مرورك.
factor-none = ليس لديك عامل ثانٍ بعد.
col-added = أُضيف في
col-last-used = آخر استخدام
factor-kind-totp = تطبيق المصادقة
factor-kind-passkey = مفتاح مرور
password-to-confirm = كلمة المرور للتأكيد
factor-remove = إزالة
factor-removed = أُزيل العامل.
totp-add = إعداد تطبيق مصادقة
totp-title = إعداد تطبيق مصادقة
totp-step-scan = في تطبيق المصادقة، أضف حسابًا وامسح هذا الرمز.
totp-step-type = إن لم تستطع مسحه، فاكتب هذا المفتاح:
totp-step-confirm = اكتب الرمز المكوّن من ستة أرقام الذي يعرضه التطبيق الآن.
totp-code = رمز من ستة أرقام
totp-confirm = تأكيد
totp-added = أُعدّ تطبيق المصادقة. من الآن فصاعدًا تسجّل الدخول بكلمة مرورك ورمز من التطبيق.
totp-qr-label = رمز QR لتطبيق المصادقة
recovery-title = رموز الاسترداد
recovery-left = { $count ->
        [zero] لم يبقَ لديك أي رمز استرداد غير مستخدم.
        [one] لديك رمز استرداد واحد غير مستخدم.
        [two] لديك رمزا استرداد غير مستخدمين.
        [few] لديك { $count } رموز استرداد غير مستخدمة.
       *[other] لديك { $count } رمز استرداد غير مستخدم.
    }
recovery-new = إنشاء رموز استرداد جديدة
recovery-shown-once = دوّن هذه الرموز أو اطبعها واحفظها في مكان آمن. لن تُعرض إلا الآن.
recovery-how = إن فقدت هاتفك، فسجّل الدخول بأحد هذه الرموز بدلًا من رمز التطبيق. كل رمز يصلح مرة واحدة. إنشاء رموز جديدة يلغي هذه الرموز.
err-totp-wrong-code = هذا الرمز لا يطابق التطبيق الذي تُعدّه. تحقّق من الوقت في هاتفك واكتب الرمز الذي يعرضه الآن.
err-factor-gone = هذا العامل لم يعد في حسابك. ابدأ من جديد.
err-factor-required = يتطلب دورك الإبقاء على عامل ثانٍ. أعِدّ عاملًا آخر قبل إزالة هذا، أو اطلب المساعدة من مسؤول.
err-second_factor_required = يسجّل هذا الحساب الدخول بعامل ثانٍ.
err-invalid_second_factor = هذا الرمز غير صحيح أو استُخدم من قبل. انتظر الرمز التالي وحاول مرة أخرى.
err-second_factor_enrolment_overdue = كان هذا الحساب يحتاج إلى عامل ثانٍ وانتهت مهلة إعداده. اطلب من مسؤول إعادة تعيين العامل الثاني.
state-second-factor = لديه عامل ثانٍ
state-no-second-factor = بلا عامل ثانٍ
reset-factors = إعادة تعيين العامل الثاني لـ { $username }
done-factors-reset = أُزيل العامل الثاني لـ { $username } وأُغلقت جلساته. يمكنه إعداد عامل جديد عند تسجيل دخوله التالي.
passkey-add = إضافة مفتاح مرور
passkey-why = مفتاح المرور هو أكثر العوامل الثانية أمانًا: يثبت هاتفك أو حاسوبك أو مفتاح الأمان أنك أنت، ببصمتك أو وجهك أو رمزك السري. لا يُحفظ على الخادم شيء يمكنه فتح حسابك.
passkey-label = اسم مفتاح المرور هذا
passkey-label-hint = لتميّز بين مفاتيح المرور، مثل «حاسوب العمل» أو «مفتاح الأمان الأزرق».
passkey-button = إضافة مفتاح مرور
passkey-added = أُضيف مفتاح المرور.
passkey-needs-script = تحتاج إضافة مفتاح مرور إلى JavaScript في هذا المتصفح.
passkey-unavailable-here = تحتاج مفاتيح المرور إلى أن يكون للخدمة اسم نطاق (عنوانها العام عنوان IP). استخدم تطبيق مصادقة بدلًا من ذلك.
passkey-cancelled = لم يُستخدم مفتاح المرور: أُلغي الطلب أو انتهت مهلته. حاول مرة أخرى.
passkey-unsupported = لا يستطيع هذا المتصفح استخدام مفاتيح المرور. استخدم تطبيق مصادقة أو رمز استرداد.
passkey-wrong-host = لا تعمل مفاتيح المرور إلا على عنوان هذه الخدمة نفسه. افتحها على ذلك العنوان وحاول مرة أخرى.
passkey-use = استخدام مفتاح المرور
passkey-or-code = أو اكتب رمزًا:
totp-why = تطبيق على هاتفك يعرض رمزًا جديدًا من ستة أرقام كل ٣٠ ثانية.
err-passkeys-unavailable = تحتاج مفاتيح المرور إلى أن يكون للخدمة اسم نطاق. استخدم تطبيق مصادقة بدلًا من ذلك.
err-passkey-refused = لم يُقبل مفتاح المرور. حاول مرة أخرى.

# تسجيل الدخول الموحّد (مزوّد هوية المدينة)
sign-on-button = تسجيل الدخول عبر { $name }
sign-on-or-password = أو سجّل الدخول باسم المستخدم وكلمة المرور:
break-glass-summary = دخول الطوارئ بكلمة مرور
break-glass-hint = لحساب مسؤول الطوارئ الوحيد فقط، عندما لا يعمل تسجيل الدخول الخاص بالمدينة.
signed-on-title = تم تسجيل الدخول
signed-on-text = لقد سجّلت الدخول. ستُفتح صفحتك الآن.
signed-on-continue = متابعة
err-local_passwords_off = يسجّل الموظفون الدخول عبر تسجيل دخول المدينة في الأعلى؛ كلمات المرور معطّلة هنا إلا لحساب مسؤول الطوارئ.
err-sign-on-unknown = رابط تسجيل الدخول هذا لم يعد صالحًا: فقد استُخدم من قبل، أو مضى عليه أكثر من عشر دقائق، أو فُتح في متصفح آخر. ابدأ من جديد.
err-sign-on-ended = أُلغي تسجيل الدخول أو لم يكتمل. ابدأ من جديد.
err-sign-on-unreachable = لا يمكن الوصول إلى تسجيل دخول المدينة الآن. حاول بعد بضع دقائق، أو اتصل بمكتب المساعدة.
err-sign-on-invalid = لم يُقبل الرد الوارد من تسجيل دخول المدينة. ابدأ من جديد؛ وإن تكرر ذلك فأبلغ مكتب المساعدة.
err-sign-on-no-account = لقد سجّلت الدخول لدى المدينة، لكن لا يوجد لك حساب موظف هنا. اطلب من مسؤول إنشاءه.
err-sign-on-no-role = لقد سجّلت الدخول لدى المدينة، لكن لا تمنحك أيٌّ من مجموعاتك الوصول إلى هذه الخدمة. اطلب من مكتب المساعدة إضافتك إلى المجموعة الصحيحة.
err-sign-on-two-roles = تمنحك مجموعاتك لدى المدينة دورين مختلفين هنا. اطلب من مكتب المساعدة إبقاءك في مجموعة واحدة منهما فقط.
account-signed-on = سجّلت الدخول عبر { $name }. تُدار كلمة مرورك وعاملك الثاني هناك.
err-sign-on-no-username = لم يحدّد تسجيل دخول المدينة حساب الموظف الخاص بك. اتصل بمكتب المساعدة.
err-sign-on-break-glass = يسجّل حساب مسؤول الطوارئ الدخول بكلمة مروره فقط، في الأسفل.
err-sign-on-email-unverified = لم يتحقق تسجيل دخول المدينة من بريدك الإلكتروني. اتصل بمكتب المساعدة.
err-sign-on-no-second-factor = سجّل الدخول لدى المدينة باستخدام عاملك الثاني (مثل هاتفك أو مفتاح الأمان)، ثم حاول مرة أخرى.
err-sign-on-other-person = ينتمي حساب الموظف هذا إلى شخص آخر في تسجيل دخول المدينة. اطلب من مسؤول إعادة تعيين تسجيل دخوله.
err-password-managed-elsewhere = تُدار كلمة مرورك وعاملك الثاني في تسجيل دخول المدينة، وليس هنا.

# التحقق المسبق من المستندات للمقيمين (/check)
check-title = ما المستندات التي أحتاجها لبطاقة الهوية البلدية؟
check-intro = للحصول على البطاقة، عليك تقديم مستندات تثبت هويتك وأنك تسكن في المدينة. لكل مستند نقاط: نقاط الهوية المطلوبة: { $identity }، ونقاط الإقامة المطلوبة: { $residency }.
check-nothing-kept = لا تحفظ هذه الصفحة أي شيء عنك: ما تختاره لا يُخزَّن ولا يراه أحد في المدينة.
check-documents = المستندات التي لديك
check-hint = ضع علامة على كل نوع من المستندات يمكنك إحضاره.
check-add-up = احسب نقاطي
check-list = عدد نقاط كل مستند
check-bring = عند تقديم الطلب، أحضر أصول المستندات التي اخترتها. يطّلع عليها الموظف ثم يعيدها إليك؛ ولا يحتفظ البرنامج بنسخ منها ولا بأرقامها.
check-print = لأخذ هذه القائمة معك، اطبع هذه الصفحة.
check-footer = هذه الصفحة من برنامج الهوية البلدية في المدينة. ولا تحتفظ بأي شيء عنك.
reason-replacement_never_received = بدل بطاقة أُرسلت بالبريد ولم تصل
err-outside_renewal_window = لا يمكن التجديد إلا في الفترة من قبيل انتهاء آخر بطاقة للمقيم بقليل حتى نحو ستة أشهر بعد انتهائها. خارج هذه الفترة، أصدر بطاقة جديدة بعد التحقق من المستندات مرة أخرى.

## الفئات العمرية والمرافقون والرسوم والإعفاءات
err-caretaker_required = يتقدّم المقيم في هذه السن بصحبة أحد الوالدين أو وليّ أمر قانوني أو مُرافق آخر مسؤول عنه. اختر من جاء معه.
err-caretaker_not_applicable = يتقدّم المقيم في هذه السن وحده: اترك «من جاء مع المقيم» فارغًا.
err-caretaker_identity_unchecked = تحقّق من هوية المرافق، ثم ضع علامة في المربع الذي يؤكد ذلك.
err-fee_required = على هذه البطاقة رسم قدره { $amount } { $currency }. حصّل الرسم ثم سجّله مدفوعًا، أو سجّله معفى مع فئة الإعفاء. لم تُصدر أي بطاقة.
err-unknown_waiver_category = اختر إحدى فئات الإعفاء في البرنامج.
label-caretaker = من جاء مع المقيم
caretaker-minors-only = للقاصرين
caretaker-required-ages = من سن { $from } إلى { $to } يتقدّم المقيم بصحبة مرافق.
caretaker-optional-ages = من سن { $from } إلى { $to } يجوز أن يتقدّم وحده أو بصحبة مرافق.
caretaker-required-from = من سن { $from } يتقدّم المقيم بصحبة مرافق.
caretaker-optional-from = من سن { $from } يجوز أن يتقدّم وحده أو بصحبة مرافق.
hint-caretaker = سجّل صلة القرابة فقط. لا تكتب اسم المرافق أبدًا.
label-caretaker-relationship = صلة القرابة
label-caretaker_identity_checked = تحقّقتُ من هوية المرافق
caretaker-none = لا أحد (يتقدّم وحده)
relationship-parent = أحد الوالدين
relationship-legal_guardian = وليّ أمر قانوني
relationship-other_caretaker = مرافق آخر مسؤول
policy-bands = الفئات العمرية والرسوم
policy-bands-intro = تحدّد السنّ يوم الطلب أو الإصدار الفئة العمرية. الرسوم بعملة { $currency }، وتُحصَّل خارج هذه الخدمة.
col-age-band = الفئة العمرية
col-ages = الأعمار
col-caretaker = المرافق
col-validity = مدة صلاحية البطاقة
col-fee = الرسم: { $class }
ages-from-to = من { $from } إلى { $to }
ages-from = { $from } فما فوق
caretaker-rule-required = مطلوب
caretaker-rule-optional = اختياري
caretaker-rule-none = يتقدّم وحده
years = { $n ->
    [zero] لا سنوات
    [one] سنة واحدة
    [two] سنتان
    [few] { $n } سنوات
   *[other] { $n } سنة
}
policy-fee-reasons = فئة الرسم حسب السبب
policy-waivers = فئات الإعفاء
band-child = طفل
band-youth = يافع
band-adult = بالغ
band-senior = مسنّ
fee-class-card = بطاقة
fee-class-replacement = بدل
fee-class-free = بلا رسم
waiver-low_income = دخل منخفض
waiver-homeless = بلا مأوى
waiver-survivor_of_violence = ناجٍ من العنف
waiver-veteran = محارب قديم
waiver-senior = مسنّ
waiver-youth = يافع
issue-fee = الرسم
issue-fee-hint = حصّل الرسم عند الصندوق أولًا. ثم سجّله مدفوعًا، أو سجّله معفى واختر الفئة. إن لم يكن هناك رسم فلا حاجة إلى شيء.
delivery-legend = كيف تصل البطاقة إلى المقيم
delivery-hint = تُسلَّم الآن، أو تُرسل بالبريد إلى العنوان المسجَّل، أو يستلمها المقيم لاحقًا بنفسه من أحد المواقع.
delivery-hint-confidential = هذه البطاقة سرية: لا تحمل عنوانًا ولا تُرسل بالبريد أبدًا. سلّمها هنا عند طباعتها، أو يستلمها المقيم بنفسه من الموقع الذي يختاره.
delivery-counter = تُسلَّم هنا عند طباعتها
delivery-mail = تُرسل بالبريد إلى العنوان المسجَّل
delivery-pickup = تُستلم لاحقًا من أحد المواقع
delivery-pickup-site = الموقع الذي يستلمها منه المقيم
delivery-pickup-site-none = اختر موقعًا
issue-fee-table = الرسوم لهذا المقيم ({ $band })
issue-fee-amount = المبلغ ({ $currency })
fee-free = بلا رسم
fee-paid = مدفوع
fee-waived = معفى
fee-waiver-category = فئة الإعفاء
fee-waiver-none = لا شيء
fee-no-evidence = سجّل الفئة فقط. لا تكتب الإثبات المعروض ولا تنسخه.
err-no_card_to_replace = ليس لدى المقيم بطاقة سارية لاستبدالها (وفي حالة بطاقة لم تصل: لا توجد بطاقة طُبعت لإرسالها بالبريد). أصدر بطاقة جديدة بدلًا من ذلك.
err-no_address_to_mail = لا يوجد للمقيم عنوان مسجَّل لإرسال البطاقة إليه بالبريد. أضف العنوان، أو اجعل استلام البطاقة من أحد المواقع.
err-confidential_not_mailed = البطاقة السرية لا تُرسل بالبريد أبدًا: يستلمها المقيم بنفسه، هنا أو في الموقع الذي يختاره.
err-card_awaiting_mail = توجد بطاقة لهذا المقيم تنتظر إرسالها بالبريد إلى عنوانه. ألغِها أولًا (صدرت خطأً)، ثم اجعل البطاقة سرية وأصدر بطاقة تُسلَّم شخصيًا.
err-confidential_no_address = البطاقة السرية لا تحمل عنوانًا: اترك العنوان فارغًا، أو أزل العلامة عن «بطاقة سرية».
err-pickup_site_required = اختر الموقع المفتوح الذي سيستلم منه المقيم البطاقة.
err-not_picked_up_here = تُستلم هذه البطاقة من موقع آخر.
err-holder_unchecked = قارن وجه الشخص بصورة البطاقة، وضع علامة في المربع، قبل تسليم البطاقة.
err-wrong_card_stage = البطاقة ليست في المرحلة التي يتطلبها هذا الإجراء (لم تُطبع بعد، أو لم تصل إلى موقعها، أو سُلِّمت من قبل).
program-title = أرقام لمجلس المدينة
program-hint = الطلبات والرفض والبطاقات والرسوم والإعفاءات واللغات، معدودة شهريًا. يظهر كل رقم أقل من 11 على شكل «<11»، وتُحجب أرقام أخرى حيث يكشفه مجموعٌ ما. موقَّع مثل تقرير الاحتفاظ.
program-from = من (شهر)
program-to = إلى (شهر)
program-by = الأعمدة
program-by-month = حسب الشهر
program-by-site = حسب الموقع
program-by-site-month = حسب الموقع والشهر
program-by-none = الفترة كلها
program-format = الصيغة
program-format-pdf = تقرير للطباعة مع رسوم بيانية (PDF)
program-format-csv = بيانات مفتوحة (CSV)
program-format-json = بيانات موقَّعة (JSON)
program-download = تنزيل التقرير

## Sites
nav-sites = المواقع
err-site_closed = هذا الموقع مغلق، أو لم يُفتح بعد، أو انقضى آخر يوم له: لا يمكن تسجيل أي شيء فيه. اختر موقعًا آخر.
err-site_code_taken = يوجد موقع بهذا الرمز. لا يُعاد استخدام الرموز أبدًا: اختر رمزًا آخر.
err-site_not_allowed = أنت لا تعمل في هذا الموقع. اطلب من مسؤول النظام إضافته إلى مواقعك.
err-site_required = اختر أولًا الموقع الذي تعمل فيه. لم يُسجَّل أي شيء.
err-site-choose = اختر موقعًا.
site-working-at = الموقع: { $site } (تغيير)
site-choose-link = اختر موقعك
sites-title = المواقع
sites-intro = مراكز التسجيل وفروع المكتبات والفعاليات المؤقتة. يُسجَّل مع كل تسجيل وإصدار وطباعة للبطاقة الموقعُ الذي تم فيه؛ ويعدّ تقرير المجلس حسب الموقع.
sites-list = جميع المواقع
col-site = الموقع
col-site-kind = النوع
col-site-dates = مفتوح
site-no-last-day = بلا يوم أخير
site-change = تغيير { $site }
label-site-name = الاسم
label-site-code = الرمز
label-site-opens-on = اليوم الأول
label-site-closes-on = اليوم الأخير
site-save = حفظ
site-close = إغلاق { $site }
sites-close-hint = الموقع المغلق يبقى مغلقًا: لا يُسجَّل فيه شيء بعد ذلك، ويختار العاملون فيه موقعًا آخر.
sites-none = لا توجد مواقع بعد. إلى أن يُضاف موقع، لا يُسجَّل أي موقع.
site-add = إضافة موقع
site-code-rule = من 2 إلى 32 حرفًا لاتينيًا صغيرًا أو رقمًا أو شرطة. يظهر في تقرير المجلس ولا يُعاد استخدامه أبدًا.
site-closes-hint = تحتاج الفعالية المؤقتة إلى يومها الأخير. اتركه فارغًا للموقع الدائم.
site-add-button = إضافة الموقع
site-kind-centre = مركز تسجيل
site-kind-library = فرع مكتبة
site-kind-popup = فعالية مؤقتة
site-state-upcoming = لم يُفتح بعد
site-state-open = مفتوح
site-state-ended = انتهى
site-state-closed = مغلق
done-site-added = أُضيف { $site }.
done-site-changed = عُدِّل { $site }.
done-site-closed = أُغلق { $site }. لن يُسجَّل فيه شيء بعد الآن.
site-choose-title = أين تعمل اليوم؟
site-choose-intro = يُسجَّل في هذا الموقع كل تسجيل وإصدار وطباعة للبطاقات تقوم به.
site-choose-legend = موقعك
site-until = حتى { $date }
site-choose-button = العمل هنا
site-none-open = لا يوجد أي من مواقعك مفتوحًا اليوم. اطلب من مسؤول النظام إضافتك إلى موقع مفتوح.
col-sites = المواقع
sites-any = أي موقع مفتوح
sites-assign = مواقع { $username }
sites-assign-hint = لا تحدد أي موقع ليعمل الحساب في أي موقع مفتوح.
sites-assign-button = حفظ المواقع
done-sites-assigned = حُفظت مواقع { $username }.

## Legal holds
nav-holds = الحجز القانوني
err-legal_hold_lifted = رُفع هذا الحجز من قبل. ضع حجزًا جديدًا إذا جُدّد الأمر.
holds-title = الحجز القانوني
holds-intro = الحجز القانوني (أمر محكمة بحفظ السجلات) يمنع الحذف الدوري من إتلاف السجلات التي يشملها حتى يُرفع. يُسجَّل وضعه ورفعه في سجل التدقيق؛ ويذكر تقرير الاحتفاظ الحجوزات السارية ويعدّ السجلات المحجوزة منفصلة عن المتأخرة.
holds-list = الحجوزات
holds-none = لم يوضع أي حجز قانوني.
col-hold-reference = المرجع
col-hold-scope = السجلات المشمولة
col-hold-placed = وُضع
col-hold-lifted = رُفع
hold-scope-all = جميع السجلات
hold-scope-enrolled_between = المسجَّلون من { $from } إلى { $to }
hold-scope-site = المسجَّلون في { $site }
hold-in-force = ساري
hold-by = بواسطة { $username }
hold-lift = رفع الحجز { $reference }
hold-place = وضع حجز
label-hold-reference = مرجع الأمر
hold-reference-hint = رقم أمر المحكمة أو القضية. لا يُكتب اسم أي شخص أبدًا.
hold-scope-legend = السجلات التي يشملها
hold-scope-choice-all = جميع السجلات
hold-scope-choice-enrolled_between = المقيمون المسجَّلون بين يومين
hold-scope-choice-site = المقيمون المسجَّلون في موقع
label-hold-from = من (للمقيمين المسجَّلين بين يومين)
label-hold-to = إلى (للمقيمين المسجَّلين بين يومين)
label-hold-site = الموقع (للمقيمين المسجَّلين في موقع)
hold-place-button = وضع الحجز
done-hold-placed = وُضع الحجز { $reference }. يشمل { $count ->
        [zero] لا سجلات
        [one] سجلًا واحدًا
        [two] سجلّين
        [few] { $count } سجلات
       *[other] { $count } سجلًا
    } الآن.
done-hold-lifted = رُفع الحجز { $reference }. يُتلف الحذف الدوري التالي ما حان موعده ولا يشمله حجز آخر.
sites-not-applicable = لا يعمل في موقع (هذا الدور لا يخدم عند الشباك)
err-under_legal_hold = يشمل حجز قانوني هذا السجل: لا يمكن تغيير بياناته أو حذفها حتى يُرفع الحجز. لم يتغير شيء.
col-legal-hold = تحت حجز قانوني
audit-holds = { $holds ->
        [one] يسري حجز قانوني واحد
       *[other] تسري { $holds } حجوزات قانونية
    }: { $records ->
        [one] يُحتفظ بسجل واحد
       *[other] يُحتفظ بـ { $records } سجلات
    } بعد موعدها، ولا تُعدّ متأخرة.
audit-holds-link = عرض الحجوزات

## The printed card's own words, as the card prints them (capitals where the language has
## them). The card prints them in the city's card language and, when a resident asks, in a
## second language under them, so keep them short: a label has about 27 mm at 6 pt.
card-face-title = بطاقة هوية
card-face-name = الاسم
card-face-preferred-name = الاسم المفضل
card-face-date-of-birth = تاريخ الميلاد
card-face-gender = الجنس
card-face-issued = تاريخ الإصدار
card-face-expires = تاريخ الانتهاء
card-face-card-number = رقم البطاقة
card-face-address = العنوان
card-face-languages = اللغات
card-face-list-separator = {"، "}
card-face-emergency-contact = جهة اتصال للطوارئ
card-face-veteran = محارب قديم
card-face-organ-donor = متبرع بالأعضاء
card-face-return-if-found = إن عثرت عليها، يرجى تسليمها لأي مبنى بلدية أو وضعها في صندوق بريد.
# $address is the verifier page's address, "id.springfield.gov/v".
card-face-verify-hint = للتحقق من البطاقة: امسح الرمز أو زر { $address }
# A day on the card: short, and clear to a reader from any country ("7 Apr 1990").
# $month is one of the card-face-month messages below; $day and $year are digits.
card-face-date = { $day } { $month } { $year }
card-face-month-1 = يناير
card-face-month-2 = فبراير
card-face-month-3 = مارس
card-face-month-4 = أبريل
card-face-month-5 = مايو
card-face-month-6 = يونيو
card-face-month-7 = يوليو
card-face-month-8 = أغسطس
card-face-month-9 = سبتمبر
card-face-month-10 = أكتوبر
card-face-month-11 = نوفمبر
card-face-month-12 = ديسمبر

## The reports as printable PDFs: the retention report and the council's counts

# $date is a day written as date-long writes it.
report-pdf-as-of = { $jurisdiction } — بتاريخ { $date }
# $generated is a UTC time such as "2026-12-07 14:05"; $from and $to are days.
report-pdf-generated = أُعدّ في { $generated } بتوقيت UTC. تُحسب قراءات البيانات الشخصية وعمليات الحذف من { $from } إلى { $to }. لا يتضمن هذا التقرير أي بيانات شخصية.
report-held-counted = عُدّت السجلات المحفوظة وأقدم سجل من كل نوع ومفاتيح البيانات لكل حقبة في عملية الحذف التي جرت في { $counted } بتوقيت UTC؛ أما جلسات الموظفين وإدخالات سجل التدقيق والسجلات المتأخرة فتُعدّ عند إعداد هذا التقرير.
report-pdf-chain = سلسلة التدقيق
report-pdf-sealed = آخر ختم لرأس السلسلة بتوقيع كان عند القيد { $entry }.
report-pdf-unsealed = لم يُختم رأس السلسلة بتوقيع بعد.
report-pdf-no-epochs = لا توجد حقبة مفاتيح تحمي بيانات أي مقيم.
# $epochs is a list of months such as "2026-01 (destroyed 2026-03-01), 2026-02 (…)".
report-pdf-destroyed-epochs = حقب المفاتيح المُتلفة: { $epochs }
report-pdf-none = لا شيء
report-pdf-started = البدء (UTC)
col-audit-removed = قيود تدقيق حُذفت
report-pdf-holds-none = لا يسري أي حجز قانوني: تُتلف البيانات بجميع أنواعها في موعدها.
report-pdf-per-card = لا تُسجَّل عمليات التحقق لكل بطاقة على حدة.
report-pdf-signature = التوقيع
# $alg is "ES256"; $kid is the signing key's identifier.
report-pdf-signed = موقَّع بخوارزمية { $alg } بالمفتاح { $kid }، والتوقيع على نص JSON المعياري (canonical) لهذا التقرير.
report-pdf-unsigned = هذا التقرير غير موقَّع.
report-pdf-check = يحمل هذا الملف في داخله نص JSON الموقَّع، ويُختتم بتوقيع على بايتات الملف نفسه. للتحقق من أي نسخة استخدم الأمر «muni-id report verify FILE».
# At the foot of every page; $report is the report's title.
report-pdf-page = { $report } — صفحة { $page } من { $pages }
# $from and $to are months written as program-pdf-month writes them.
program-pdf-period = { $jurisdiction } — من { $from } إلى { $to }
# $columns is one of the program-by messages ("By month").
program-pdf-columns = الأعمدة: { $columns }
program-pdf-generated = أُعدّ في { $generated } بتوقيت UTC.
program-pdf-threshold = تظهر الأعداد من 1 إلى { $below } على شكل «<{ $threshold }». والرقم المعلَّم بكلمة «محجوب» مخفيّ حتى لا يمكن استنتاج أي عدد صغير من المجاميع.
program-pdf-counts-only = أعداد فقط: لا يُذكر في هذا التقرير اسم أو رقم لأي شخص أو بطاقة أو موظف.
program-pdf-nothing = لم يُحصَ شيء في هذه الفترة.
program-pdf-category = الفئة
program-pdf-total = المجموع
# A figure hidden from the table (see program-pdf-threshold).
program-pdf-withheld = محجوب
program-pdf-no-site = لم يُسجَّل موقع
# A column of the table: $month is one of the card-face-month messages, $year is digits.
program-pdf-month = { $month } { $year }
# $category is one of the waiver messages ("Low income").
program-pdf-waived = معفى: { $category }
program-table-application = الطلبات المقبولة، حسب الفئة العمرية
program-table-denial = الطلبات المرفوضة، حسب السبب
program-table-card_issued = البطاقات الصادرة، حسب السبب
program-table-fee = رسوم البطاقات: مدفوعة، أو معفاة حسب فئة الإعفاء
program-table-language = اللغات التي طلبها المقيمون
program-denial-insufficient_proof = إثبات غير كافٍ للهوية أو الإقامة
program-denial-below_minimum_age = دون الحد الأدنى للعمر
program-denial-caretaker_required = تقدّم دون مرافق

# A language by its name, as the card's back and the council report write a resident's
# languages in this language (BCP 47 tag after "lang-"; a sign language is a language too).
# Written as a list item mid-sentence would write it (Spanish and French: lowercase).
lang-am = الأمهرية
lang-ar = العربية
lang-ase = لغة الإشارة الأمريكية
lang-bn = البنغالية
lang-bo = التبتية
lang-cmn = الماندرين
lang-de = الألمانية
lang-el = اليونانية
lang-en = الإنجليزية
lang-es = الإسبانية
lang-fa = الفارسية
lang-ff = الفولانية
lang-fil = الفلبينية
lang-fr = الفرنسية
lang-gu = الغوجاراتية
lang-he = العبرية
lang-hi = الهندية
lang-hmn = الهمونجية
lang-ht = الكريولية الهايتية
lang-hu = الهنغارية
lang-hy = الأرمنية
lang-it = الإيطالية
lang-ja = اليابانية
lang-ka = الجورجية
lang-km = الخميرية
lang-ko = الكورية
lang-ku = الكردية
lang-lo = اللاوية
lang-mam = المامية
lang-mfs = لغة الإشارة المكسيكية
lang-ml = المالايالامية
lang-my = البورمية
lang-ne = النيبالية
lang-nl = الهولندية
lang-pa = البنجابية
lang-pl = البولندية
lang-prs = الدرية
lang-ps = البشتو
lang-pt = البرتغالية
lang-quc = الكيشية
lang-ro = الرومانية
lang-ru = الروسية
lang-si = السنهالية
lang-so = الصومالية
lang-sq = الألبانية
lang-sw = السواحلية
lang-ta = التاميلية
lang-te = التيلوغوية
lang-th = التايلاندية
lang-ti = التغرينية
lang-tl = التاغالوغية
lang-tr = التركية
lang-uk = الأوكرانية
lang-ur = الأوردية
lang-uz = الأوزبكية
lang-vi = الفيتنامية
lang-wo = الولوفية
lang-yi = اليديشية
lang-yo = اليوروبا
lang-yue = الكانتونية
lang-zh = الصينية
