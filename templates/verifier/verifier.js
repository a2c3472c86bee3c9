/*
 * muni-id card verifier (served as /assets/verifier.js).
 *
 * Our own code only: no third-party code, no eval, no inline script or style, so it runs under
 * the page's strict Content-Security-Policy.
 *
 * The card token comes from the address fragment, the camera or the paste field, and is checked
 * on this device. It is never sent anywhere: the only requests are the page, its two assets,
 * /.well-known/jwks.json and the whole status list (the same for every card). Both downloads are
 * kept in localStorage so that a card can be checked offline later.
 *
 * The file is a classic script. In Node (tests) `require()` returns the pure functions below;
 * in a browser it starts the page.
 */
(function () {
  'use strict';

  // ------------------------------------------------------------------------------------------
  // Strings. One block per language: adding a language is adding a block (and, for a
  // right-to-left script, `dir: 'rtl'`). `{age}` is filled with a localised relative time.
  // ------------------------------------------------------------------------------------------
  const STRINGS = {
    en: {
      lang_name: 'English',
      dir: 'ltr',
      service: 'Municipal ID',
      title: 'Card check',
      language: 'Language',
      idle: 'Scan the QR code on the back of the card, or paste its code below.',
      checking: 'Checking…',
      valid: 'VALID',
      not_valid: 'NOT VALID',
      unknown: 'CANNOT CHECK',
      valid_detail: 'Compare the card number and expiry date with the printed card.',
      not_valid_detail: 'This card is not valid.',
      expired_detail: 'This card has expired.',
      unknown_detail: 'This card could not be checked right now. Connect to the internet and try again.',
      card_number: 'Card number',
      expires: 'Expires',
      expired: 'Expired',
      list_checked: 'Checked at {time}. Revocation list updated {age}.',
      list_offline: 'Checked at {time}. Offline: used the saved revocation list, updated {age}.',
      just_now: 'just now',
      list_stale: 'It is out of date: connect to the internet to update it.',
      check_heading: 'Check a card',
      scan: 'Scan a card',
      stop_scan: 'Stop camera',
      scan_hint: 'Point the camera at the QR code on the card.',
      camera_error: 'The camera could not be started. Paste the code instead.',
      paste_label: 'Card code or link',
      paste_hint: 'Paste the code from the card’s QR code, or the whole link.',
      check: 'Check',
      empty_input: 'Type or paste a card code first.',
      privacy: 'The check happens on this device. The card’s code is never sent anywhere: this page downloads only the city’s public keys and its whole revocation list, the same for every card.',
    },
    es: {
      lang_name: 'Español',
      dir: 'ltr',
      service: 'Identificación municipal',
      title: 'Verificación de tarjeta',
      language: 'Idioma',
      idle: 'Escanee el código QR del reverso de la tarjeta o pegue su código abajo.',
      checking: 'Verificando…',
      valid: 'VÁLIDA',
      not_valid: 'NO VÁLIDA',
      unknown: 'NO SE PUDO VERIFICAR',
      valid_detail: 'Compare el número y la fecha de vencimiento con la tarjeta impresa.',
      not_valid_detail: 'Esta tarjeta no es válida.',
      expired_detail: 'Esta tarjeta está vencida.',
      unknown_detail: 'No se pudo verificar la tarjeta en este momento. Conéctese a internet e inténtelo de nuevo.',
      card_number: 'Número de tarjeta',
      expires: 'Vence',
      expired: 'Venció',
      list_checked: 'Verificada a las {time}. Lista de revocación actualizada {age}.',
      list_offline: 'Verificada a las {time}. Sin conexión: se usó la lista de revocación guardada, actualizada {age}.',
      just_now: 'hace un momento',
      list_stale: 'Está desactualizada: conéctese a internet para actualizarla.',
      check_heading: 'Verificar una tarjeta',
      scan: 'Escanear una tarjeta',
      stop_scan: 'Detener la cámara',
      scan_hint: 'Apunte la cámara al código QR de la tarjeta.',
      camera_error: 'No se pudo iniciar la cámara. Pegue el código en su lugar.',
      paste_label: 'Código o enlace de la tarjeta',
      paste_hint: 'Pegue el código del QR de la tarjeta o el enlace completo.',
      check: 'Verificar',
      empty_input: 'Primero escriba o pegue el código de una tarjeta.',
      privacy: 'La verificación se hace en este dispositivo. El código de la tarjeta nunca se envía a ningún lugar: esta página solo descarga las claves públicas de la ciudad y su lista de revocación completa, la misma para todas las tarjetas.',
    },
    ar: {
      lang_name: 'العربية',
      dir: 'rtl',
      service: 'بطاقة الهوية البلدية',
      title: 'التحقق من البطاقة',
      language: 'اللغة',
      idle: 'امسح رمز QR الموجود على ظهر البطاقة، أو الصق رمزها أدناه.',
      checking: 'جارٍ التحقق…',
      valid: 'صالحة',
      not_valid: 'غير صالحة',
      unknown: 'تعذّر التحقق',
      valid_detail: 'قارن رقم البطاقة وتاريخ انتهائها بالبطاقة المطبوعة.',
      not_valid_detail: 'هذه البطاقة غير صالحة.',
      expired_detail: 'انتهت صلاحية هذه البطاقة.',
      unknown_detail: 'تعذّر التحقق من هذه البطاقة الآن. اتصل بالإنترنت وحاول مرة أخرى.',
      card_number: 'رقم البطاقة',
      expires: 'تنتهي في',
      expired: 'انتهت في',
      list_checked: 'تم التحقق في {time}. تم تحديث قائمة الإلغاء {age}.',
      list_offline: 'تم التحقق في {time}. بدون اتصال: استُخدمت قائمة الإلغاء المحفوظة، المحدّثة {age}.',
      just_now: 'قبل لحظات',
      list_stale: 'القائمة قديمة: اتصل بالإنترنت لتحديثها.',
      check_heading: 'التحقق من بطاقة',
      scan: 'مسح بطاقة',
      stop_scan: 'إيقاف الكاميرا',
      scan_hint: 'وجّه الكاميرا نحو رمز QR على البطاقة.',
      camera_error: 'تعذّر تشغيل الكاميرا. الصق الرمز بدلاً من ذلك.',
      paste_label: 'رمز البطاقة أو رابطها',
      paste_hint: 'الصق الرمز من رمز QR على البطاقة، أو الرابط كاملاً.',
      check: 'تحقّق',
      empty_input: 'أدخل رمز بطاقة أو الصقه أولاً.',
      privacy: 'يتم التحقق على هذا الجهاز. لا يُرسل رمز البطاقة إلى أي مكان: تنزّل هذه الصفحة فقط المفاتيح العامة للمدينة وقائمة الإلغاء كاملة، وهي نفسها لكل البطاقات.',
    },
    'zh-Hans': {
      lang_name: '中文（简体）',
      dir: 'ltr',
      service: '市民身份卡',
      title: '身份卡核验',
      language: '语言',
      idle: '请扫描身份卡背面的 QR 码，或在下方粘贴卡片代码。',
      checking: '正在核验…',
      valid: '有效',
      not_valid: '无效',
      unknown: '无法核验',
      valid_detail: '请核对卡号和有效期是否与卡上印的一致。',
      not_valid_detail: '此卡无效。',
      expired_detail: '此卡已过期。',
      unknown_detail: '目前无法核验此卡。请连接网络后重试。',
      card_number: '卡号',
      expires: '有效期至',
      expired: '过期日期',
      list_checked: '核验时间：{time}。注销名单最后更新：{age}。',
      list_offline: '核验时间：{time}。当前离线：使用了已保存的注销名单，最后更新：{age}。',
      just_now: '刚刚',
      list_stale: '该名单已过时：请连接网络以更新。',
      check_heading: '核验身份卡',
      scan: '扫描身份卡',
      stop_scan: '关闭摄像头',
      scan_hint: '请将摄像头对准卡上的 QR 码。',
      camera_error: '无法启动摄像头。请改为粘贴代码。',
      paste_label: '身份卡代码或链接',
      paste_hint: '粘贴卡上 QR 码中的代码，或整个链接。',
      check: '核验',
      empty_input: '请先输入或粘贴身份卡代码。',
      privacy: '核验在本设备上完成。身份卡的代码绝不会发送到任何地方：本页面只下载本市的公开密钥和完整的注销名单，每张卡下载的内容都相同。',
    },
    'zh-Hant': {
      lang_name: '中文（繁體）',
      dir: 'ltr',
      service: '市民身分卡',
      title: '身分卡查驗',
      language: '語言',
      idle: '請掃描身分卡背面的 QR 碼，或在下方貼上卡片代碼。',
      checking: '查驗中…',
      valid: '有效',
      not_valid: '無效',
      unknown: '無法查驗',
      valid_detail: '請核對卡號和有效期限是否與卡片上印的一致。',
      not_valid_detail: '此卡無效。',
      expired_detail: '此卡已過期。',
      unknown_detail: '目前無法查驗此卡。請連上網路後再試一次。',
      card_number: '卡號',
      expires: '有效期限',
      expired: '過期日期',
      list_checked: '查驗時間：{time}。註銷名單最後更新：{age}。',
      list_offline: '查驗時間：{time}。目前離線：使用已儲存的註銷名單，最後更新：{age}。',
      just_now: '剛剛',
      list_stale: '此名單已過時：請連上網路以更新。',
      check_heading: '查驗身分卡',
      scan: '掃描身分卡',
      stop_scan: '關閉相機',
      scan_hint: '請將相機對準卡片上的 QR 碼。',
      camera_error: '無法啟動相機。請改為貼上代碼。',
      paste_label: '身分卡代碼或連結',
      paste_hint: '貼上卡片 QR 碼中的代碼，或整個連結。',
      check: '查驗',
      empty_input: '請先輸入或貼上身分卡代碼。',
      privacy: '查驗在本裝置上進行。身分卡的代碼絕不會傳送到任何地方：本頁面只下載本市的公開金鑰和完整的註銷名單，每張卡下載的內容都相同。',
    },
    ru: {
      lang_name: 'Русский',
      dir: 'ltr',
      service: 'Муниципальная ID-карта',
      title: 'Проверка карты',
      language: 'Язык',
      idle: 'Отсканируйте QR-код на обороте карты или вставьте код карты в поле ниже.',
      checking: 'Проверка…',
      valid: 'ДЕЙСТВИТЕЛЬНА',
      not_valid: 'НЕДЕЙСТВИТЕЛЬНА',
      unknown: 'НЕ УДАЛОСЬ ПРОВЕРИТЬ',
      valid_detail: 'Сверьте номер карты и срок действия с тем, что напечатано на карте.',
      not_valid_detail: 'Эта карта недействительна.',
      expired_detail: 'Срок действия этой карты истёк.',
      unknown_detail: 'Сейчас проверить эту карту не удалось. Подключитесь к интернету и повторите попытку.',
      card_number: 'Номер карты',
      expires: 'Действует до',
      expired: 'Срок истёк',
      list_checked: 'Проверено в {time}. Список аннулированных карт обновлён {age}.',
      list_offline: 'Проверено в {time}. Нет подключения: использован сохранённый список аннулированных карт, обновлённый {age}.',
      just_now: 'только что',
      list_stale: 'Список устарел: подключитесь к интернету, чтобы его обновить.',
      check_heading: 'Проверить карту',
      scan: 'Сканировать карту',
      stop_scan: 'Выключить камеру',
      scan_hint: 'Наведите камеру на QR-код на карте.',
      camera_error: 'Не удалось включить камеру. Вставьте код в поле ниже.',
      paste_label: 'Код карты или ссылка',
      paste_hint: 'Вставьте код из QR-кода карты или всю ссылку целиком.',
      check: 'Проверить',
      empty_input: 'Сначала введите или вставьте код карты.',
      privacy: 'Проверка выполняется на этом устройстве. Код карты никуда не отправляется: страница загружает только открытые ключи города и весь список аннулированных карт — один и тот же для любой карты.',
    },
    bn: {
      lang_name: 'বাংলা',
      dir: 'ltr',
      service: 'পৌর পরিচয়পত্র',
      title: 'কার্ড যাচাই',
      language: 'ভাষা',
      idle: 'কার্ডের পেছনের QR কোডটি স্ক্যান করুন, অথবা নিচে কার্ডের কোডটি পেস্ট করুন।',
      checking: 'যাচাই করা হচ্ছে…',
      valid: 'বৈধ',
      not_valid: 'বৈধ নয়',
      unknown: 'যাচাই করা যায়নি',
      valid_detail: 'কার্ড নম্বর ও মেয়াদ শেষের তারিখ ছাপানো কার্ডের সঙ্গে মিলিয়ে দেখুন।',
      not_valid_detail: 'এই কার্ডটি বৈধ নয়।',
      expired_detail: 'এই কার্ডের মেয়াদ শেষ হয়ে গেছে।',
      unknown_detail: 'এই মুহূর্তে কার্ডটি যাচাই করা যায়নি। ইন্টারনেটে সংযুক্ত হয়ে আবার চেষ্টা করুন।',
      card_number: 'কার্ড নম্বর',
      expires: 'মেয়াদ শেষ',
      expired: 'মেয়াদ শেষ হয়েছে',
      list_checked: 'যাচাইয়ের সময়: {time}। বাতিল কার্ডের তালিকা {age} হালনাগাদ করা হয়েছে।',
      list_offline: 'যাচাইয়ের সময়: {time}। অফলাইন: সংরক্ষিত বাতিল কার্ডের তালিকা ব্যবহার করা হয়েছে, যা {age} হালনাগাদ করা হয়েছিল।',
      just_now: 'এইমাত্র',
      list_stale: 'তালিকাটি পুরোনো হয়ে গেছে: হালনাগাদ করতে ইন্টারনেটে সংযুক্ত হোন।',
      check_heading: 'কার্ড যাচাই করুন',
      scan: 'কার্ড স্ক্যান করুন',
      stop_scan: 'ক্যামেরা বন্ধ করুন',
      scan_hint: 'ক্যামেরাটি কার্ডের QR কোডের দিকে ধরুন।',
      camera_error: 'ক্যামেরা চালু করা যায়নি। এর বদলে কোডটি পেস্ট করুন।',
      paste_label: 'কার্ডের কোড বা লিংক',
      paste_hint: 'কার্ডের QR কোড থেকে পাওয়া কোডটি, অথবা পুরো লিংকটি পেস্ট করুন।',
      check: 'যাচাই করুন',
      empty_input: 'আগে একটি কার্ডের কোড টাইপ বা পেস্ট করুন।',
      privacy: 'যাচাই এই ডিভাইসেই হয়। কার্ডের কোড কখনো কোথাও পাঠানো হয় না: এই পাতাটি শুধু শহরের পাবলিক কী এবং বাতিল কার্ডের পুরো তালিকা ডাউনলোড করে, যা প্রতিটি কার্ডের জন্য একই।',
    },
    ht: {
      lang_name: 'Kreyòl ayisyen',
      dir: 'ltr',
      service: 'Kat Idantifikasyon Minisipal',
      title: 'Verifikasyon kat',
      language: 'Lang',
      idle: 'Eskane kòd QR ki dèyè kat la, oswa kole kòd kat la anba a.',
      checking: 'N ap verifye…',
      valid: 'VALAB',
      not_valid: 'PA VALAB',
      unknown: 'PA KA VERIFYE',
      valid_detail: 'Konpare nimewo kat la ak dat ekspirasyon an ak sa ki enprime sou kat la.',
      not_valid_detail: 'Kat sa a pa valab.',
      expired_detail: 'Kat sa a ekspire.',
      unknown_detail: 'Nou pa t ka verifye kat sa a kounye a. Konekte sou entènèt epi eseye ankò.',
      card_number: 'Nimewo kat',
      expires: 'Dat ekspirasyon',
      expired: 'Te ekspire',
      list_checked: 'Verifikasyon fèt a {time}. Lis kat ki anile yo mete ajou {age}.',
      list_offline: 'Verifikasyon fèt a {time}. San entènèt: nou sèvi ak lis kat anile ki te sere a, ki mete ajou {age}.',
      just_now: 'kounye a la',
      list_stale: 'Lis la pa ajou: konekte sou entènèt pou mete l ajou.',
      check_heading: 'Verifye yon kat',
      scan: 'Eskane yon kat',
      stop_scan: 'Etenn kamera a',
      scan_hint: 'Vize kamera a sou kòd QR ki sou kat la.',
      camera_error: 'Nou pa t ka limen kamera a. Kole kòd la pito.',
      paste_label: 'Kòd oswa lyen kat la',
      paste_hint: 'Kole kòd ki nan kòd QR kat la, oswa tout lyen an.',
      check: 'Verifye',
      empty_input: 'Tape oswa kole kòd yon kat anvan.',
      privacy: 'Verifikasyon an fèt sou aparèy sa a. Kòd kat la pa janm voye okenn kote: paj sa a telechaje sèlman kle piblik vil la ak tout lis kat ki anile yo, menm lis la pou tout kat.',
    },
    ko: {
      lang_name: '한국어',
      dir: 'ltr',
      service: '시 신분증',
      title: '카드 확인',
      language: '언어',
      idle: '카드 뒷면의 QR 코드를 스캔하거나 아래에 카드 코드를 붙여 넣으십시오.',
      checking: '확인 중…',
      valid: '유효',
      not_valid: '유효하지 않음',
      unknown: '확인할 수 없음',
      valid_detail: '카드 번호와 만료일이 카드에 인쇄된 내용과 같은지 대조하십시오.',
      not_valid_detail: '유효하지 않은 카드입니다.',
      expired_detail: '만료된 카드입니다.',
      unknown_detail: '지금은 이 카드를 확인할 수 없습니다. 인터넷에 연결한 후 다시 시도하십시오.',
      card_number: '카드 번호',
      expires: '만료일',
      expired: '만료됨',
      list_checked: '{time}에 확인했습니다. 무효화된 카드 목록은 {age} 업데이트되었습니다.',
      list_offline: '{time}에 확인했습니다. 오프라인 상태여서 저장된 무효화 카드 목록({age} 업데이트)을 사용했습니다.',
      just_now: '방금',
      list_stale: '목록이 오래되었습니다. 인터넷에 연결하여 업데이트하십시오.',
      check_heading: '카드 확인하기',
      scan: '카드 스캔',
      stop_scan: '카메라 끄기',
      scan_hint: '카메라를 카드의 QR 코드에 맞추십시오.',
      camera_error: '카메라를 시작할 수 없습니다. 대신 코드를 붙여 넣으십시오.',
      paste_label: '카드 코드 또는 링크',
      paste_hint: '카드 QR 코드에 담긴 코드나 전체 링크를 붙여 넣으십시오.',
      check: '확인',
      empty_input: '먼저 카드 코드를 입력하거나 붙여 넣으십시오.',
      privacy: '확인은 이 기기에서 이루어집니다. 카드 코드는 어디로도 전송되지 않습니다. 이 페이지는 시의 공개 키와 무효화된 카드 전체 목록만 다운로드하며, 이는 모든 카드에 대해 동일합니다.',
    },
    ur: {
      lang_name: 'اردو',
      dir: 'rtl',
      service: 'بلدیاتی شناختی کارڈ',
      title: 'کارڈ کی جانچ',
      language: 'زبان',
      idle: 'کارڈ کی پشت پر موجود QR کوڈ اسکین کریں، یا کارڈ کا کوڈ نیچے چسپاں کریں۔',
      checking: 'جانچ ہو رہی ہے…',
      valid: 'درست',
      not_valid: 'درست نہیں',
      unknown: 'جانچ نہیں ہو سکی',
      valid_detail: 'کارڈ نمبر اور میعاد ختم ہونے کی تاریخ کا چھپے ہوئے کارڈ سے موازنہ کریں۔',
      not_valid_detail: 'یہ کارڈ درست نہیں۔',
      expired_detail: 'اس کارڈ کی میعاد ختم ہو چکی ہے۔',
      unknown_detail: 'اس وقت اس کارڈ کی جانچ نہیں ہو سکی۔ انٹرنیٹ سے منسلک ہوں اور دوبارہ کوشش کریں۔',
      card_number: 'کارڈ نمبر',
      expires: 'میعاد کا اختتام',
      expired: 'میعاد ختم ہوئی',
      list_checked: '{time} پر جانچ کی گئی۔ منسوخ شدہ کارڈوں کی فہرست {age} تازہ کی گئی۔',
      list_offline: '{time} پر جانچ کی گئی۔ آف لائن: منسوخ شدہ کارڈوں کی محفوظ فہرست استعمال کی گئی، جو {age} تازہ کی گئی تھی۔',
      just_now: 'ابھی ابھی',
      list_stale: 'یہ فہرست پرانی ہو چکی ہے: اسے تازہ کرنے کے لیے انٹرنیٹ سے منسلک ہوں۔',
      check_heading: 'کارڈ کی جانچ کریں',
      scan: 'کارڈ اسکین کریں',
      stop_scan: 'کیمرا بند کریں',
      scan_hint: 'کیمرے کا رخ کارڈ پر موجود QR کوڈ کی طرف کریں۔',
      camera_error: 'کیمرا شروع نہیں ہو سکا۔ اس کے بجائے کوڈ چسپاں کریں۔',
      paste_label: 'کارڈ کا کوڈ یا لنک',
      paste_hint: 'کارڈ کے QR کوڈ والا کوڈ، یا پورا لنک چسپاں کریں۔',
      check: 'جانچیں',
      empty_input: 'پہلے کارڈ کا کوڈ ٹائپ یا چسپاں کریں۔',
      privacy: 'جانچ اسی آلے پر ہوتی ہے۔ کارڈ کا کوڈ کبھی کہیں نہیں بھیجا جاتا: یہ صفحہ صرف شہر کی عوامی کلیدیں اور منسوخ شدہ کارڈوں کی پوری فہرست ڈاؤن لوڈ کرتا ہے، جو ہر کارڈ کے لیے ایک جیسی ہے۔',
    },
    fr: {
      lang_name: 'Français',
      dir: 'ltr',
      service: 'Carte d’identité municipale',
      title: 'Vérification de carte',
      language: 'Langue',
      idle: 'Scannez le code QR au dos de la carte, ou collez son code ci-dessous.',
      checking: 'Vérification…',
      valid: 'VALIDE',
      not_valid: 'NON VALIDE',
      unknown: 'VÉRIFICATION IMPOSSIBLE',
      valid_detail: 'Comparez le numéro de carte et la date d’expiration avec ceux imprimés sur la carte.',
      not_valid_detail: 'Cette carte n’est pas valide.',
      expired_detail: 'Cette carte a expiré.',
      unknown_detail: 'Impossible de vérifier cette carte pour le moment. Connectez-vous à Internet et réessayez.',
      card_number: 'Numéro de carte',
      expires: 'Expire le',
      expired: 'A expiré le',
      list_checked: 'Vérifiée à {time}. Liste de révocation mise à jour {age}.',
      list_offline: 'Vérifiée à {time}. Hors ligne\u00a0: la liste de révocation enregistrée a été utilisée (mise à jour {age}).',
      just_now: 'à l’instant',
      list_stale: 'Cette liste n’est plus à jour\u00a0: connectez-vous à Internet pour la mettre à jour.',
      check_heading: 'Vérifier une carte',
      scan: 'Scanner une carte',
      stop_scan: 'Arrêter la caméra',
      scan_hint: 'Pointez la caméra vers le code QR de la carte.',
      camera_error: 'La caméra n’a pas pu être démarrée. Collez plutôt le code.',
      paste_label: 'Code ou lien de la carte',
      paste_hint: 'Collez le code contenu dans le code QR de la carte, ou le lien complet.',
      check: 'Vérifier',
      empty_input: 'Saisissez ou collez d’abord le code d’une carte.',
      privacy: 'La vérification a lieu sur cet appareil. Le code de la carte n’est jamais envoyé nulle part\u00a0: cette page télécharge uniquement les clés publiques de la ville et sa liste de révocation complète, identique pour toutes les cartes.',
    },
    pl: {
      lang_name: 'Polski',
      dir: 'ltr',
      service: 'Miejska karta identyfikacyjna',
      title: 'Sprawdzenie karty',
      language: 'Język',
      idle: 'Zeskanuj kod QR z tyłu karty albo wklej jej kod poniżej.',
      checking: 'Sprawdzanie…',
      valid: 'WAŻNA',
      not_valid: 'NIEWAŻNA',
      unknown: 'NIE MOŻNA SPRAWDZIĆ',
      valid_detail: 'Porównaj numer karty i datę ważności z danymi wydrukowanymi na karcie.',
      not_valid_detail: 'Ta karta jest nieważna.',
      expired_detail: 'Ważność tej karty wygasła.',
      unknown_detail: 'Nie udało się teraz sprawdzić tej karty. Połącz się z internetem i spróbuj ponownie.',
      card_number: 'Numer karty',
      expires: 'Ważna do',
      expired: 'Wygasła',
      list_checked: 'Sprawdzono o {time}. Lista unieważnionych kart zaktualizowana {age}.',
      list_offline: 'Sprawdzono o {time}. Brak połączenia: użyto zapisanej listy unieważnionych kart, zaktualizowanej {age}.',
      just_now: 'przed chwilą',
      list_stale: 'Lista jest nieaktualna: połącz się z internetem, aby ją zaktualizować.',
      check_heading: 'Sprawdź kartę',
      scan: 'Zeskanuj kartę',
      stop_scan: 'Wyłącz kamerę',
      scan_hint: 'Skieruj kamerę na kod QR na karcie.',
      camera_error: 'Nie udało się uruchomić kamery. Zamiast tego wklej kod.',
      paste_label: 'Kod karty lub link',
      paste_hint: 'Wklej kod z kodu QR karty albo cały link.',
      check: 'Sprawdź',
      empty_input: 'Najpierw wpisz lub wklej kod karty.',
      privacy: 'Sprawdzenie odbywa się na tym urządzeniu. Kod karty nigdy nie jest nigdzie wysyłany: ta strona pobiera tylko klucze publiczne miasta i całą listę unieważnionych kart, taką samą dla każdej karty.',
    },
  };

  function hasStrings(code) {
    return Object.prototype.hasOwnProperty.call(STRINGS, code);
  }

  /**
   * The first of `preferred` (BCP 47 tags, best first) we have strings for, else English. A tag
   * takes the block of its longest leading part that names one, in any letter case
   * (`zh-hant-TW` → `zh-Hant`, `es-MX` → `es`); other Chinese goes by script or region
   * (`zh-TW`, `zh-HK`, `zh-MO` → `zh-Hant`, else `zh-Hans`). As the staff pages do.
   */
  function pickLanguage(preferred) {
    const codes = Object.keys(STRINGS);
    for (const tag of preferred || []) {
      const subtags = String(tag).toLowerCase().split('-');
      for (let n = subtags.length; n > 0; n--) {
        const prefix = subtags.slice(0, n).join('-');
        const code = codes.find((c) => c.toLowerCase() === prefix);
        if (code) return code;
      }
      if (subtags[0] === 'zh') {
        const traditional = subtags.slice(1).some((s) => ['hant', 'tw', 'hk', 'mo'].includes(s));
        return traditional ? 'zh-Hant' : 'zh-Hans';
      }
    }
    return 'en';
  }

  // ------------------------------------------------------------------------------------------
  // Limits and constants
  // ------------------------------------------------------------------------------------------
  const CLOCK_SKEW_S = 300; // iat may be at most this far in the future
  const JWKS_PATH = '/.well-known/jwks.json';
  const JWKS_REFRESH_MS = 24 * 3600 * 1000; // refresh cached keys at most daily when online
  const STATUS_LIST_TYP = 'application/statuslist+cwt';
  const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024; // decompressed; far above any real list
  const STORE = 'muni-id.verifier.';

  // ------------------------------------------------------------------------------------------
  // Byte helpers: base32 (RFC 4648), base64 / base64url
  // ------------------------------------------------------------------------------------------
  class FormatError extends Error {}

  const B32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

  /** RFC 4648 base32, either letter case, padding optional; rejects anything non-canonical. */
  function base32Decode(text) {
    const s = String(text).toUpperCase().replace(/=+$/, '');
    if (!/^[A-Z2-7]*$/.test(s)) throw new FormatError('not base32');
    if ([1, 3, 6].includes(s.length % 8)) throw new FormatError('bad base32 length');
    const out = new Uint8Array(Math.floor((s.length * 5) / 8));
    let buffer = 0;
    let bits = 0;
    let j = 0;
    for (const ch of s) {
      buffer = (buffer << 5) | B32_ALPHABET.indexOf(ch);
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[j++] = (buffer >> bits) & 0xff;
        buffer &= (1 << bits) - 1;
      }
    }
    if (buffer !== 0) throw new FormatError('non-zero base32 padding bits');
    return out;
  }

  function base32Encode(bytes) {
    let out = '';
    let buffer = 0;
    let bits = 0;
    for (const b of bytes) {
      buffer = (buffer << 8) | b;
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out += B32_ALPHABET[(buffer >> bits) & 31];
      }
      buffer &= (1 << bits) - 1;
    }
    if (bits > 0) out += B32_ALPHABET[(buffer << (5 - bits)) & 31];
    return out;
  }

  function base64Encode(bytes) {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  function base64Decode(text) {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }

  function base64urlEncode(bytes) {
    return base64Encode(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function bytesEqual(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /**
   * The base32 token from what a person or scanner gives us: a bare token, `#token`, or a
   * whole qr_text / address (`HTTP://HOST/V#TOKEN`), in either letter case, spaces ignored.
   */
  function extractToken(input) {
    let s = String(input == null ? '' : input).trim();
    const hash = s.lastIndexOf('#');
    if (hash >= 0) s = s.slice(hash + 1);
    try {
      s = decodeURIComponent(s);
    } catch (e) {
      // leave as is: it will fail base32 decoding if it matters
    }
    return s.replace(/\s+/g, '');
  }

  // ------------------------------------------------------------------------------------------
  // CBOR (RFC 8949), the subset COSE and CWT use here: unsigned and negative integers, byte and
  // text strings, arrays, maps and tags, definite lengths only. Floats, simple values and
  // indefinite lengths are refused, as is anything left over after the top item.
  // Maps become `Map`s whose keys are integers or text; tags become `CborTag`s.
  // ------------------------------------------------------------------------------------------
  class CborTag {
    constructor(tag, value) {
      this.tag = tag;
      this.value = value;
    }
  }

  const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const utf8Encoder = new TextEncoder();

  function cborDecode(bytes, options) {
    const maxDepth = (options && options.maxDepth) || 16;
    if (!(bytes instanceof Uint8Array)) throw new FormatError('CBOR input must be bytes');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let pos = 0;

    function need(n) {
      if (n > bytes.length - pos) throw new FormatError('CBOR truncated');
    }

    function argument(info) {
      if (info < 24) return info;
      let value;
      switch (info) {
        case 24:
          need(1);
          value = bytes[pos];
          pos += 1;
          return value;
        case 25:
          need(2);
          value = view.getUint16(pos);
          pos += 2;
          return value;
        case 26:
          need(4);
          value = view.getUint32(pos);
          pos += 4;
          return value;
        case 27: {
          need(8);
          const big = (BigInt(view.getUint32(pos)) << 32n) | BigInt(view.getUint32(pos + 4));
          pos += 8;
          return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
        }
        default:
          throw new FormatError('CBOR indefinite length or reserved value');
      }
    }

    function length(arg) {
      if (typeof arg !== 'number') throw new FormatError('CBOR length too large');
      return arg;
    }

    function item(depth) {
      if (depth > maxDepth) throw new FormatError('CBOR nested too deeply');
      need(1);
      const initial = bytes[pos++];
      const major = initial >> 5;
      const arg = argument(initial & 31);
      switch (major) {
        case 0:
          return arg;
        case 1:
          return typeof arg === 'number' && arg < Number.MAX_SAFE_INTEGER ? -1 - arg : -1n - BigInt(arg);
        case 2: {
          const n = length(arg);
          need(n);
          const out = bytes.slice(pos, pos + n);
          pos += n;
          return out;
        }
        case 3: {
          const n = length(arg);
          need(n);
          let text;
          try {
            text = utf8Decoder.decode(bytes.subarray(pos, pos + n));
          } catch (e) {
            throw new FormatError('CBOR text is not UTF-8');
          }
          pos += n;
          return text;
        }
        case 4: {
          const n = length(arg);
          need(n); // every item takes at least one byte: refuses absurd lengths early
          const out = [];
          for (let i = 0; i < n; i++) out.push(item(depth + 1));
          return out;
        }
        case 5: {
          const n = length(arg);
          need(n * 2);
          const out = new Map();
          for (let i = 0; i < n; i++) {
            const key = item(depth + 1);
            if (!(typeof key === 'string' || (typeof key === 'number' && Number.isSafeInteger(key)))) {
              throw new FormatError('CBOR map key must be an integer or text');
            }
            if (out.has(key)) throw new FormatError('CBOR duplicate map key');
            out.set(key, item(depth + 1));
          }
          return out;
        }
        case 6:
          return new CborTag(arg, item(depth + 1));
        default:
          throw new FormatError('CBOR simple values and floats are not supported');
      }
    }

    const value = item(0);
    if (pos !== bytes.length) throw new FormatError('CBOR trailing bytes');
    return value;
  }

  /** Encodes the same subset (integers within ±2^53, text, bytes, arrays, Maps, tags). */
  function cborEncode(value) {
    const parts = [];
    let size = 0;
    function push(bytes) {
      parts.push(bytes);
      size += bytes.length;
    }
    function head(major, n) {
      if (!Number.isSafeInteger(n) || n < 0) throw new FormatError('CBOR encode: bad argument');
      const m = major << 5;
      if (n < 24) push(Uint8Array.of(m | n));
      else if (n < 0x100) push(Uint8Array.of(m | 24, n));
      else if (n < 0x10000) push(Uint8Array.of(m | 25, n >> 8, n & 0xff));
      else if (n < 0x100000000) push(Uint8Array.of(m | 26, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff));
      else {
        const hi = Math.floor(n / 0x100000000);
        const lo = n >>> 0;
        push(Uint8Array.of(m | 27, hi >>> 24, (hi >> 16) & 0xff, (hi >> 8) & 0xff, hi & 0xff, lo >>> 24, (lo >> 16) & 0xff, (lo >> 8) & 0xff, lo & 0xff));
      }
    }
    function enc(v) {
      if (typeof v === 'number') {
        if (!Number.isSafeInteger(v)) throw new FormatError('CBOR encode: only integers');
        if (v >= 0) head(0, v);
        else head(1, -1 - v);
      } else if (typeof v === 'string') {
        const b = utf8Encoder.encode(v);
        head(3, b.length);
        push(b);
      } else if (v instanceof Uint8Array) {
        head(2, v.length);
        push(v);
      } else if (Array.isArray(v)) {
        head(4, v.length);
        v.forEach(enc);
      } else if (v instanceof Map) {
        head(5, v.size);
        for (const [k, val] of v) {
          enc(k);
          enc(val);
        }
      } else if (v instanceof CborTag) {
        head(6, v.tag);
        enc(v.value);
      } else {
        throw new FormatError('CBOR encode: unsupported value');
      }
    }
    enc(value);
    const out = new Uint8Array(size);
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // COSE_Sign1 (RFC 9052) with ES256, and the CWT claims (RFC 8392) of a card and a status list
  // ------------------------------------------------------------------------------------------
  const COSE_SIGN1_TAG = 18;
  const ALG_ES256 = -7;

  function isBytes(v) {
    return v instanceof Uint8Array;
  }

  /** Parses a tagged COSE_Sign1; checks the shape and the protected header (alg ES256, kid). */
  function parseCoseSign1(bytes) {
    const top = cborDecode(bytes);
    if (!(top instanceof CborTag) || top.tag !== COSE_SIGN1_TAG) throw new FormatError('not a COSE_Sign1');
    const parts = top.value;
    if (!Array.isArray(parts) || parts.length !== 4) throw new FormatError('COSE_Sign1 must have 4 parts');
    const [protectedBytes, unprotected, payload, signature] = parts;
    if (!isBytes(protectedBytes) || !(unprotected instanceof Map) || !isBytes(payload) || !isBytes(signature)) {
      throw new FormatError('COSE_Sign1 parts have the wrong types');
    }
    if (signature.length !== 64) throw new FormatError('ES256 signature must be 64 bytes');
    const header = protectedBytes.length ? cborDecode(protectedBytes) : new Map();
    if (!(header instanceof Map)) throw new FormatError('protected header must be a map');
    if (header.get(1) !== ALG_ES256) throw new FormatError('alg must be ES256');
    if (header.has(2)) throw new FormatError('critical headers are not supported');
    const kid = header.get(4);
    if (!isBytes(kid) || kid.length === 0) throw new FormatError('kid missing');
    return { protectedBytes, header, payload, signature, kid };
  }

  function sigStructure(cose) {
    return cborEncode(['Signature1', cose.protectedBytes, new Uint8Array(0), cose.payload]);
  }

  async function importJwk(subtle, jwk) {
    return subtle.importKey(
      'jwk',
      { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
  }

  /** True when `cose` is signed by the P-256 public key `jwk`. Never throws. */
  async function verifyCoseSign1(subtle, cose, jwk) {
    try {
      const key = await importJwk(subtle, jwk);
      return await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, cose.signature, sigStructure(cose));
    } catch (e) {
      return false;
    }
  }

  /** The key in a JWKS document whose kid matches `kidBytes`, or null. */
  function findJwk(jwks, kidBytes) {
    if (!jwks || !Array.isArray(jwks.keys)) return null;
    const kid = base64urlEncode(kidBytes);
    for (const k of jwks.keys) {
      if (!k || typeof k !== 'object' || typeof k.kid !== 'string') continue;
      if (k.kid.replace(/=+$/, '') !== kid) continue;
      if (k.kty !== 'EC' || k.crv !== 'P-256' || typeof k.x !== 'string' || typeof k.y !== 'string') continue;
      if (k.alg !== undefined && k.alg !== 'ES256') continue;
      if (k.use !== undefined && k.use !== 'sig') continue;
      return k;
    }
    return null;
  }

  function safeInt(v) {
    return typeof v === 'number' && Number.isSafeInteger(v);
  }

  /** The claims of a card token's payload, or a FormatError. */
  function parseCardClaims(payload) {
    const m = cborDecode(payload);
    if (!(m instanceof Map)) throw new FormatError('claims must be a map');
    const iss = m.get(1);
    const sub = m.get(2);
    const exp = m.get(4);
    const iat = m.get(6);
    const status = m.get(65535);
    if (typeof iss !== 'string' || iss === '') throw new FormatError('iss');
    if (typeof sub !== 'string' || !/^[0-9]{1,32}$/.test(sub)) throw new FormatError('sub');
    if (!safeInt(exp) || !safeInt(iat)) throw new FormatError('iat/exp');
    const ref = status instanceof Map ? status.get('status_list') : null;
    if (!(ref instanceof Map)) throw new FormatError('status');
    const idx = ref.get('idx');
    const uri = ref.get('uri');
    if (!safeInt(idx) || idx < 0 || typeof uri !== 'string') throw new FormatError('status_list');
    return { iss, sub, iat, exp, idx, uri };
  }

  /** The claims of a status list token's payload, or a FormatError. */
  function parseStatusListClaims(payload) {
    const m = cborDecode(payload);
    if (!(m instanceof Map)) throw new FormatError('claims must be a map');
    const sub = m.get(2);
    const iat = m.get(6);
    const exp = m.get(4);
    const ttl = m.get(65534);
    const list = m.get(65533);
    if (typeof sub !== 'string' || !safeInt(iat) || !safeInt(exp)) throw new FormatError('status list claims');
    if (ttl !== undefined && (!safeInt(ttl) || ttl < 0)) throw new FormatError('ttl');
    if (!(list instanceof Map)) throw new FormatError('status_list');
    const bits = list.get('bits');
    const lst = list.get('lst');
    if (![1, 2, 4, 8].includes(bits) || !isBytes(lst)) throw new FormatError('status_list bits/lst');
    return { sub, iat, exp, ttl: ttl === undefined ? null : ttl, bits, lst };
  }

  /** Inflates ZLIB (RFC 1950) data with the platform's DecompressionStream, within a size cap. */
  async function inflateZlib(bytes, maxBytes) {
    const stream = new DecompressionStream('deflate');
    const writer = stream.writable.getWriter();
    writer.write(bytes).catch(() => {});
    writer.close().catch(() => {});
    const reader = stream.readable.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        reader.cancel().catch(() => {});
        throw new FormatError('status list too large');
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }

  /** The status value of entry `idx` (0 = valid), or null when the list is too short. */
  function statusAt(statuses, bits, idx) {
    const perByte = 8 / bits;
    const byte = Math.floor(idx / perByte);
    if (byte >= statuses.length) return null;
    const shift = (idx % perByte) * bits;
    return (statuses[byte] >> shift) & ((1 << bits) - 1);
  }

  /**
   * Checks a status list token fetched from `uri`: COSE_Sign1 with typ statuslist+cwt, signed by
   * a published key, `sub` equal to `uri`. Returns the claims with the decompressed statuses.
   */
  async function openStatusList(bytes, uri, deps) {
    const cose = parseCoseSign1(bytes);
    const typ = cose.header.get(16);
    if (typ !== STATUS_LIST_TYP) throw new FormatError('status list typ');
    const found = await deps.findKey(cose.kid);
    if (!found.jwk) throw new FormatError('status list key unknown');
    if (!(await verifyCoseSign1(deps.subtle, cose, found.jwk))) throw new FormatError('status list signature');
    const claims = parseStatusListClaims(cose.payload);
    if (claims.sub !== uri) throw new FormatError('status list sub');
    const statuses = await inflateZlib(claims.lst, MAX_STATUS_LIST_BYTES);
    return { iat: claims.iat, exp: claims.exp, ttl: claims.ttl, bits: claims.bits, statuses };
  }

  /** Issuer check: `iss` is this page's origin (or base, when the site lives under a path). */
  function issuerMatches(iss, location) {
    const norm = (s) => String(s).toLowerCase().replace(/\/+$/, '');
    const want = norm(iss);
    const origin = norm(location.origin);
    const base = norm(location.origin + location.pathname.replace(/\/[^/]*$/, ''));
    return want === origin || want === base;
  }

  function sameOrigin(uri, location) {
    try {
      const u = new URL(uri, location.href);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === location.origin;
    } catch (e) {
      return false;
    }
  }

  /**
   * Checks a card. `input` is a token, `#token` or a whole qr_text. `deps`:
   *   subtle            crypto.subtle
   *   location          {origin, pathname, href} of the page
   *   nowMs()           the time
   *   findKey(kid)      → {jwk, authoritative}: jwk null when not found; authoritative when a
   *                     fresh key set was consulted (so an unknown kid really is unknown)
   *   loadStatusList(uri) → {iat, exp, bits, statuses, fetchedAt, source} or null (unavailable)
   * Returns {verdict: 'valid' | 'not-valid' | 'unknown', reason, card?, list?}. `reason` is for
   * tests and never shown, except that 'expired' may be.
   */
  async function checkCard(input, deps) {
    let cose;
    let claims;
    try {
      cose = parseCoseSign1(base32Decode(extractToken(input)));
      claims = parseCardClaims(cose.payload);
    } catch (e) {
      return { verdict: 'not-valid', reason: 'unreadable' };
    }
    // Without WebCrypto (a page opened over plain http, or a very old browser) nothing can be
    // verified: that is "cannot check", not a verdict on the card.
    if (!deps.subtle || typeof deps.subtle.verify !== 'function') return { verdict: 'unknown', reason: 'no-webcrypto' };
    const found = await deps.findKey(cose.kid);
    if (!found.jwk) {
      return found.authoritative
        ? { verdict: 'not-valid', reason: 'unknown-key' }
        : { verdict: 'unknown', reason: 'no-keys' };
    }
    if (!(await verifyCoseSign1(deps.subtle, cose, found.jwk))) return { verdict: 'not-valid', reason: 'signature' };
    if (!issuerMatches(claims.iss, deps.location)) return { verdict: 'not-valid', reason: 'issuer' };
    const now = Math.floor(deps.nowMs() / 1000);
    if (claims.iat > now + CLOCK_SKEW_S) return { verdict: 'not-valid', reason: 'issued-in-future' };
    const card = { number: claims.sub, exp: claims.exp, iat: claims.iat };
    if (now >= claims.exp) return { verdict: 'not-valid', reason: 'expired', card };
    if (!sameOrigin(claims.uri, deps.location)) return { verdict: 'not-valid', reason: 'status-uri' };
    const list = await deps.loadStatusList(claims.uri);
    if (!list) return { verdict: 'unknown', reason: 'no-status-list' };
    const listInfo = { iat: list.iat, exp: list.exp, fetchedAt: list.fetchedAt, source: list.source };
    const status = statusAt(list.statuses, list.bits, claims.idx);
    if (status === null) return { verdict: 'not-valid', reason: 'index-out-of-range', list: listInfo };
    if (status !== 0) return { verdict: 'not-valid', reason: 'revoked', list: listInfo };
    return { verdict: 'valid', reason: 'ok', card, list: listInfo };
  }

  // ------------------------------------------------------------------------------------------
  // Downloads and the offline cache (localStorage). Only ever GETs of the JWKS and of a whole
  // status list, without credentials or referrer.
  // ------------------------------------------------------------------------------------------
  function readStored(storage, key) {
    try {
      const raw = storage.getItem(STORE + key);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function writeStored(storage, key, value) {
    try {
      storage.setItem(STORE + key, JSON.stringify(value));
    } catch (e) {
      // storage full or disabled: the check still works online
    }
  }

  const FETCH_OPTIONS = { method: 'GET', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', redirect: 'error' };

  /**
   * The dependencies of checkCard for a page: keys and status lists from the network, cached in
   * `storage` for offline use. One instance per check (it remembers one JWKS download).
   */
  function makeDeps(env) {
    const { fetch, storage, subtle, location, nowMs } = env;
    let jwksDownload = null; // one download per check at most

    function downloadJwks() {
      if (!jwksDownload) {
        jwksDownload = (async () => {
          try {
            const response = await fetch(new URL(JWKS_PATH, location.origin).href, FETCH_OPTIONS);
            if (!response.ok) return null;
            const jwks = await response.json();
            if (!jwks || !Array.isArray(jwks.keys)) return null;
            writeStored(storage, 'jwks', { fetchedAt: nowMs(), jwks });
            return jwks;
          } catch (e) {
            return null;
          }
        })();
      }
      return jwksDownload;
    }

    async function findKey(kidBytes) {
      // A key set saved less than JWKS_REFRESH_MS ago is trusted as complete; an older one is
      // refreshed when possible. A kid missing from a complete set is unknown: not valid.
      const cached = readStored(storage, 'jwks');
      const cachedJwk = cached ? findJwk(cached.jwks, kidBytes) : null;
      const recent = !!cached && Math.abs(nowMs() - cached.fetchedAt) < JWKS_REFRESH_MS;
      if (cachedJwk && recent) return { jwk: cachedJwk, authoritative: true };
      const fresh = await downloadJwks();
      if (fresh) return { jwk: findJwk(fresh, kidBytes), authoritative: true };
      return { jwk: cachedJwk, authoritative: recent };
    }

    async function loadStatusList(uri) {
      const key = 'status:' + uri;
      const deps = { subtle, findKey };
      const now = nowMs();
      let saved = null;
      const stored = readStored(storage, key);
      if (stored && typeof stored.b64 === 'string') {
        try {
          saved = await openStatusList(base64Decode(stored.b64), uri, deps);
          saved.fetchedAt = stored.fetchedAt;
        } catch (e) {
          saved = null;
        }
      }
      if (saved) {
        const ttlMs = (saved.ttl === null ? 0 : saved.ttl) * 1000;
        if (now < saved.fetchedAt + ttlMs && now < saved.exp * 1000) return Object.assign(saved, { source: 'cache' });
      }
      try {
        const response = await fetch(uri, Object.assign({}, FETCH_OPTIONS, { headers: { Accept: STATUS_LIST_TYP } }));
        if (response.ok) {
          const bytes = new Uint8Array(await response.arrayBuffer());
          const list = await openStatusList(bytes, uri, deps);
          writeStored(storage, key, { fetchedAt: now, b64: base64Encode(bytes) });
          return Object.assign(list, { fetchedAt: now, source: 'network' });
        }
      } catch (e) {
        // offline, or the server sent something we cannot verify: fall back to the saved copy
      }
      return saved ? Object.assign(saved, { source: 'offline' }) : null;
    }

    return { subtle, location, nowMs, findKey, loadStatusList };
  }

  // ------------------------------------------------------------------------------------------
  // Formatting
  // ------------------------------------------------------------------------------------------
  /** "471603928851" → "4716 0392 8851", as printed on the card. */
  function groupCardNumber(number) {
    return String(number).replace(/(\d{4})(?=\d)/g, '$1 ');
  }

  // Where the browser has no date words for a language, the nearest it has: Haitian Creole
  // readers also read French (Haiti's other official language).
  const INTL_FALLBACK = { ht: 'fr-HT' };

  function intlLocale(lang) {
    const known = Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0;
    const tag = known || !INTL_FALLBACK[lang] ? lang : INTL_FALLBACK[lang];
    return tag + '-u-nu-latn'; // Latin digits, as printed on the card
  }

  /** The date of `exp` (seconds), in UTC: the card's expiry is a calendar date. */
  function formatDate(seconds, lang) {
    return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(seconds * 1000));
  }

  function formatTime(ms, lang) {
    return new Intl.DateTimeFormat(intlLocale(lang), { timeStyle: 'short' }).format(new Date(ms));
  }

  function isoDate(seconds) {
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }

  /** "5 minutes ago", localised; null under a minute (the caller says "just now"). */
  function formatAge(thenMs, nowMs, lang) {
    const rtf = new Intl.RelativeTimeFormat(intlLocale(lang), { numeric: 'auto' });
    const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
    if (s < 60) return null;
    if (s < 3600) return rtf.format(-Math.max(1, Math.round(s / 60)), 'minute');
    if (s < 48 * 3600) return rtf.format(-Math.round(s / 3600), 'hour');
    return rtf.format(-Math.round(s / 86400), 'day');
  }

  // ------------------------------------------------------------------------------------------
  // The page
  // ------------------------------------------------------------------------------------------
  function startPage() {
    const $ = (id) => document.getElementById(id);
    const el = {
      html: document.documentElement,
      lang: $('lang'),
      result: $('result'),
      verdict: $('verdict'),
      detail: $('detail'),
      card: $('card'),
      cardNumber: $('card-number'),
      expiryLabel: $('expiry-label'),
      expiry: $('expiry'),
      listNote: $('list-note'),
      scanArea: $('scan-area'),
      scan: $('scan'),
      camera: $('camera'),
      video: $('video'),
      stopScan: $('stop-scan'),
      cameraError: $('camera-error'),
      form: $('paste-form'),
      code: $('code'),
      codeError: $('code-error'),
    };

    let lang = 'en';
    let current = { state: 'idle' }; // what is shown, so a language switch can redraw it
    let checkSeq = 0;

    function t(key) {
      return (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.en[key] || key;
    }

    function setLanguage(next, remember) {
      lang = hasStrings(next) ? next : 'en';
      if (remember) {
        try {
          localStorage.setItem(STORE + 'lang', lang);
        } catch (e) {
          // not remembered; fine
        }
      }
      el.html.lang = lang;
      el.html.dir = STRINGS[lang].dir || 'ltr';
      document.title = t('title') + ' — ' + t('service');
      for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
      el.lang.value = lang;
      render();
    }

    function initialLanguage() {
      let saved = null;
      try {
        saved = localStorage.getItem(STORE + 'lang');
      } catch (e) {
        saved = null;
      }
      if (saved && hasStrings(saved)) return saved;
      return pickLanguage(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);
    }

    function render() {
      const r = current;
      el.result.dataset.state = r.state;
      if (r.state !== 'done') delete el.result.dataset.verdict;
      el.card.hidden = true;
      el.listNote.hidden = true;
      if (r.state === 'idle') {
        el.verdict.textContent = '';
        el.detail.textContent = t('idle');
        return;
      }
      if (r.state === 'checking') {
        el.verdict.textContent = t('checking');
        el.detail.textContent = '';
        return;
      }
      const res = r.result;
      el.result.dataset.verdict = res.verdict;
      const expired = res.reason === 'expired';
      if (res.verdict === 'valid') {
        el.verdict.textContent = t('valid');
        el.detail.textContent = t('valid_detail');
      } else if (res.verdict === 'unknown') {
        el.verdict.textContent = t('unknown');
        el.detail.textContent = t('unknown_detail');
      } else {
        el.verdict.textContent = t('not_valid');
        el.detail.textContent = expired ? t('expired_detail') : t('not_valid_detail');
      }
      // Card facts only for a genuine card that is valid or merely expired: a forged token's
      // contents are not shown, and a revoked card says nothing beyond "not valid".
      if (res.card && (res.verdict === 'valid' || expired)) {
        el.cardNumber.textContent = groupCardNumber(res.card.number);
        el.expiryLabel.textContent = expired ? t('expired') : t('expires');
        el.expiry.textContent = formatDate(res.card.exp, lang);
        el.expiry.setAttribute('datetime', isoDate(res.card.exp));
        el.card.hidden = false;
      }
      if (res.verdict === 'valid' && res.list) {
        // The list's age is the time since the server last handed it to us (it was current
        // then), not its iat: a list that has not changed may have been signed long ago.
        const age = formatAge(res.list.fetchedAt, r.at, lang) || t('just_now');
        let note = (res.list.source === 'offline' ? t('list_offline') : t('list_checked'))
          .replace('{time}', formatTime(r.at, lang))
          .replace('{age}', age);
        if (r.at >= res.list.exp * 1000) note += ' ' + t('list_stale');
        el.listNote.textContent = note;
        el.listNote.dataset.source = res.list.source;
        el.listNote.hidden = false;
      }
    }

    /** localStorage, or a page-lifetime stand-in where the browser refuses storage. */
    function pageStorage() {
      try {
        const storage = window.localStorage;
        if (storage) return storage;
      } catch (e) {
        // storage disabled
      }
      const memory = new Map();
      return { getItem: (k) => (memory.has(k) ? memory.get(k) : null), setItem: (k, v) => memory.set(k, String(v)) };
    }
    const storage = pageStorage();

    async function verify(input, fromUser) {
      const seq = ++checkSeq;
      current = { state: 'checking' };
      render();
      let result;
      try {
        result = await checkCard(input, makeDeps({
          fetch: window.fetch.bind(window),
          storage,
          subtle: window.crypto && window.crypto.subtle,
          location: window.location,
          nowMs: () => Date.now(),
        }));
      } catch (e) {
        result = { verdict: 'unknown', reason: 'error' };
      }
      if (seq !== checkSeq) return; // a newer check started meanwhile
      current = { state: 'done', result, at: Date.now() };
      render();
      if (fromUser) el.result.focus();
    }

    /** Takes the token out of the address (and so out of the history), then checks it. */
    function checkFragment() {
      const fragment = location.hash;
      if (!fragment || fragment === '#') return;
      history.replaceState(null, '', location.pathname + location.search);
      verify(fragment, false);
    }

    // Language switch
    for (const code of Object.keys(STRINGS)) {
      if (el.lang.querySelector('option[value="' + code + '"]')) continue;
      const option = document.createElement('option');
      option.value = code;
      option.lang = code;
      option.textContent = STRINGS[code].lang_name;
      el.lang.appendChild(option);
    }
    el.lang.addEventListener('change', () => setLanguage(el.lang.value, true));

    // Paste field
    el.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = el.code.value.trim();
      if (!value) {
        el.codeError.textContent = t('empty_input');
        el.codeError.hidden = false;
        el.code.setAttribute('aria-invalid', 'true');
        el.code.focus();
        return;
      }
      el.codeError.hidden = true;
      el.code.removeAttribute('aria-invalid');
      el.code.value = '';
      verify(value, true);
    });

    // Camera scan, where the browser can detect QR codes
    let scanning = null;

    async function setupScanner() {
      if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
      try {
        const formats = await window.BarcodeDetector.getSupportedFormats();
        if (!formats.includes('qr_code')) return;
      } catch (e) {
        return;
      }
      el.scanArea.hidden = false;
    }

    function stopScan() {
      if (!scanning) return;
      scanning.active = false;
      if (scanning.stream) scanning.stream.getTracks().forEach((track) => track.stop());
      el.video.srcObject = null;
      el.camera.hidden = true;
      el.scan.hidden = false;
      scanning = null;
    }

    async function startScan() {
      el.cameraError.hidden = true;
      const session = { active: true, stream: null };
      scanning = session;
      try {
        session.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
        if (!session.active) {
          session.stream.getTracks().forEach((track) => track.stop());
          return;
        }
        el.video.srcObject = session.stream;
        el.camera.hidden = false;
        el.scan.hidden = true;
        el.stopScan.focus();
        await el.video.play().catch(() => {});
      } catch (e) {
        stopScan();
        el.cameraError.textContent = t('camera_error');
        el.cameraError.hidden = false;
        return;
      }
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      const tick = async () => {
        if (!session.active) return;
        try {
          const codes = await detector.detect(el.video);
          const hit = codes.find((c) => c && typeof c.rawValue === 'string' && c.rawValue.trim());
          if (hit && session.active) {
            stopScan();
            el.scan.focus();
            verify(hit.rawValue, true);
            return;
          }
        } catch (e) {
          // the video may not be ready yet
        }
        setTimeout(tick, 200);
      };
      tick();
    }

    el.scan.addEventListener('click', startScan);
    el.stopScan.addEventListener('click', () => {
      stopScan();
      el.scan.focus();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && scanning) {
        stopScan();
        el.scan.focus();
      }
    });

    window.addEventListener('hashchange', checkFragment);
    setLanguage(initialLanguage(), false);
    setupScanner();
    checkFragment();
  }

  const api = {
    STRINGS,
    pickLanguage,
    FormatError,
    base32Decode,
    base32Encode,
    base64Encode,
    base64Decode,
    base64urlEncode,
    bytesEqual,
    extractToken,
    CborTag,
    cborDecode,
    cborEncode,
    parseCoseSign1,
    sigStructure,
    verifyCoseSign1,
    findJwk,
    parseCardClaims,
    parseStatusListClaims,
    inflateZlib,
    statusAt,
    openStatusList,
    issuerMatches,
    sameOrigin,
    checkCard,
    makeDeps,
    groupCardNumber,
    formatDate,
    formatAge,
  };

  if (typeof module === 'object' && module && module.exports) module.exports = api;
  if (typeof document !== 'undefined' && document.getElementById && document.getElementById('result')) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startPage);
    else startPage();
  }
})();
