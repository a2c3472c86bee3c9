//! The staff pages' sessions and CSRF protection, black-box: the cookie's flags, pages that
//! need it, forms refused without their token, and the cookie opening the API for reading only.

use muni_id::domain::staff::StaffRole;
use reqwest::header::{CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use reqwest::Response;

use crate::helpers::{spawn_app, spawn_app_with, TestApp, STAFF_PASSWORD};

pub(crate) fn form_body(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| {
            let encoded: String = v
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (b as char).to_string()
                    }
                    b' ' => "+".into(),
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{k}={encoded}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The value a response sets for a cookie, with the whole Set-Cookie line.
pub(crate) fn set_cookie(res: &Response, name: &str) -> Option<(String, String)> {
    res.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|line| line.starts_with(&format!("{name}=")))
        .map(|line| {
            let value = line[name.len() + 1..]
                .split(';')
                .next()
                .unwrap_or("")
                .to_owned();
            (value, line.to_owned())
        })
}

pub(crate) fn csrf_of(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("a CSRF field") + marker.len();
    html[start..start + 64].to_owned()
}

pub(crate) async fn post_form(
    app: &TestApp,
    cookie: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> Response {
    app.client
        .post(app.url(path))
        .header(COOKIE, cookie)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(form_body(fields))
        .send()
        .await
        .unwrap()
}

pub(crate) async fn get_page(app: &TestApp, cookie: &str, path: &str) -> Response {
    app.client
        .get(app.url(path))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap()
}

/// Logs in through the login page; returns the session cookie pair.
pub(crate) async fn page_login(app: &TestApp, username: &str) -> (String, Response) {
    let page = app.client.get(app.url("/login")).send().await.unwrap();
    let (pre, _) = set_cookie(&page, "muni_pre").expect("a pre-session cookie");
    let cookie = format!("muni_pre={pre}");
    let csrf = csrf_of(&page.text().await.unwrap());
    let res = post_form(
        app,
        &cookie,
        "/login",
        &[
            ("csrf", &csrf),
            ("username", username),
            ("password", STAFF_PASSWORD),
        ],
    )
    .await;
    let session = set_cookie(&res, "muni_session")
        .map(|(value, _)| format!("muni_session={value}"))
        .unwrap_or_default();
    (session, res)
}

#[tokio::test]
async fn logging_in_sets_a_strict_http_only_session_cookie() {
    let app = spawn_app().await;
    app.add_staff("page.clerk", StaffRole::Clerk);
    let (cookie, res) = page_login(&app, "page.clerk").await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()[LOCATION], "/enroll");
    let (_, line) = set_cookie(&res, "muni_session").unwrap();
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age="] {
        assert!(line.contains(flag), "{line}");
    }
    assert!(!line.contains("Secure"), "plain http in tests: {line}");

    let page = get_page(&app, &cookie, "/enroll").await;
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-inline"));
    assert!(page.headers()["permissions-policy"]
        .to_str()
        .unwrap()
        .contains("camera=(self)"));

    let anonymous = app.client.get(app.url("/enroll")).send().await.unwrap();
    assert_eq!(anonymous.status(), 303);
    assert_eq!(anonymous.headers()[LOCATION], "/login?next=/enroll");
}

/// Other applications on the same host may set cookies that are not `name=value` pairs; one
/// such cookie must not hide the session cookie beside it (actix-web's own cookie reader gives
/// up on the whole header at the first malformed cookie, which is why the pages read it
/// leniently).
#[tokio::test]
async fn a_malformed_foreign_cookie_does_not_hide_the_session() {
    let app = spawn_app().await;
    app.add_staff("lenient.clerk", StaffRole::Clerk);
    let (session, _) = page_login(&app, "lenient.clerk").await;
    for cookie in [
        format!("legacy_flag; {session}"),
        format!("{session}; =orphan; theme=dark"),
    ] {
        let page = get_page(&app, &cookie, "/enroll").await;
        assert_eq!(page.status(), 200, "{cookie}");
    }
}

/// Finding 6 of issue 15: the cookies lacked the `__Host-` prefix, so another host of the
/// city's domain (or anything on plain http) could set or overwrite them. Over https every
/// cookie is `__Host-`, Secure, `Path=/`, with no Domain, and the session works with it.
#[tokio::test]
async fn over_https_every_cookie_is_a_host_only_secure_cookie() {
    let app = spawn_app_with(|c| c.public_base_url = "https://id.example.gov".into()).await;
    app.add_staff("secure.clerk", StaffRole::Clerk);
    let page = app.client.get(app.url("/login")).send().await.unwrap();
    let (pre, line) = set_cookie(&page, "__Host-muni_pre").expect("a __Host- pre-session");
    assert!(
        line.contains("; Secure") && !line.contains("Domain"),
        "{line}"
    );
    assert!(set_cookie(&page, "muni_pre").is_none());
    let cookie = format!("__Host-muni_pre={pre}");
    let csrf = csrf_of(&page.text().await.unwrap());
    let fields = [
        ("csrf", csrf.as_str()),
        ("username", "secure.clerk"),
        ("password", STAFF_PASSWORD),
    ];
    let res = post_form(&app, &cookie, "/login", &fields).await;
    let (session, line) = set_cookie(&res, "__Host-muni_session").expect("a __Host- session");
    for flag in ["; Secure", "Path=/", "HttpOnly", "SameSite=Strict"] {
        assert!(line.contains(flag), "{line}");
    }
    assert!(!line.contains("Domain"), "{line}");
    let page = get_page(&app, &format!("__Host-muni_session={session}"), "/enroll").await;
    assert_eq!(page.status(), 200);
    // The unprefixed name opens nothing there.
    let plain = get_page(&app, &format!("muni_session={session}"), "/enroll").await;
    assert_eq!(plain.status(), 303);
}

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused() {
    let app = spawn_app().await;
    app.add_staff("csrf.clerk", StaffRole::Clerk);
    let (cookie, _) = page_login(&app, "csrf.clerk").await;
    let search = [
        ("legal_name", "José Núñez"),
        ("date_of_birth", "1990-04-01"),
    ];

    let missing = post_form(&app, &cookie, "/residents/find", &search).await;
    assert_eq!(missing.status(), 403);
    assert!(missing
        .text()
        .await
        .unwrap()
        .contains("This form cannot be accepted"));

    let mut forged = search.to_vec();
    let zeros = "0".repeat(64);
    forged.push(("csrf", &zeros));
    assert_eq!(
        post_form(&app, &cookie, "/residents/find", &forged)
            .await
            .status(),
        403
    );

    let page = get_page(&app, &cookie, "/residents/find").await;
    let csrf = csrf_of(&page.text().await.unwrap());
    let mut good = search.to_vec();
    good.push(("csrf", &csrf));
    let found = post_form(&app, &cookie, "/residents/find", &good).await;
    assert_eq!(found.status(), 200);
    assert!(found.text().await.unwrap().contains("No resident matches"));

    // Another session's token is not this one's.
    app.add_staff("csrf.other", StaffRole::Clerk);
    let (other, _) = page_login(&app, "csrf.other").await;
    assert_eq!(
        post_form(&app, &other, "/residents/find", &good)
            .await
            .status(),
        403
    );
    // Nor is a login form posted without the pre-session cookie it came with.
    let login = post_form(
        &app,
        "",
        "/login",
        &[
            ("csrf", &csrf),
            ("username", "csrf.clerk"),
            ("password", STAFF_PASSWORD),
        ],
    )
    .await;
    assert_eq!(login.status(), 403);
}

/// Finding 6 of issue 15: every API GET accepted the page cookie. It opens only the report
/// download the auditor's page links to.
#[tokio::test]
async fn the_session_cookie_opens_only_the_report_download_in_the_api() {
    let app = spawn_app().await;
    app.add_staff("cookie.admin", StaffRole::Admin);
    let (cookie, _) = page_login(&app, "cookie.admin").await;
    let report = get_page(&app, &cookie, "/api/v1/reports/retention?format=csv").await;
    assert_eq!(report.status(), 200);
    for path in [
        "/api/v1/staff",
        "/api/v1/audit/verify",
        "/api/v1/cards/123456789012",
    ] {
        let read = get_page(&app, &cookie, path).await;
        assert_eq!(read.status(), 401, "{path}");
    }
    let change = app
        .client
        .post(app.url("/api/v1/staff"))
        .header(COOKIE, &cookie)
        .json(&serde_json::json!({"username": "x.y", "role": "clerk"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        change.status(),
        401,
        "no change through the API with a cookie"
    );
}

#[tokio::test]
async fn pages_keep_the_api_role_rules_and_logging_out_ends_the_session() {
    let app = spawn_app().await;
    app.add_staff("role.clerk", StaffRole::Clerk);
    let (cookie, _) = page_login(&app, "role.clerk").await;
    for path in ["/audit", "/admin/staff", "/admin/policy"] {
        let res = get_page(&app, &cookie, path).await;
        assert_eq!(res.status(), 403, "{path}");
        assert!(res.text().await.unwrap().contains("Not allowed"));
    }
    let page = get_page(&app, &cookie, "/enroll").await;
    let csrf = csrf_of(&page.text().await.unwrap());
    let out = post_form(&app, &cookie, "/logout", &[("csrf", &csrf)]).await;
    assert_eq!(out.status(), 303);
    let after = get_page(&app, &cookie, "/enroll").await;
    assert_eq!(after.status(), 303, "the old cookie opens nothing");
}

#[tokio::test]
async fn pages_speak_the_chosen_language_and_arabic_is_right_to_left() {
    let app = spawn_app().await;
    let chosen = app
        .client
        .get(app.url("/lang/ar?back=/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(chosen.status(), 303);
    let (lang, _) = set_cookie(&chosen, "muni_lang").unwrap();
    let page = get_page(&app, &format!("muni_lang={lang}"), "/login").await;
    let html = page.text().await.unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    let spanish = app
        .client
        .get(app.url("/login"))
        .header("accept-language", "es-MX,es;q=0.9")
        .send()
        .await
        .unwrap();
    assert!(spanish.text().await.unwrap().contains("Iniciar sesión"));
    let elsewhere = app
        .client
        .get(app.url("/lang/es?back=//evil.example"))
        .send()
        .await
        .unwrap();
    assert_eq!(elsewhere.headers()[LOCATION], "/", "no open redirect");
}

#[tokio::test]
async fn every_page_language_serves_its_own_words_and_direction() {
    use muni_id::web::pages::i18n::catalogue;
    let app = spawn_app().await;
    let c = catalogue();
    let codes: Vec<&str> = c.all().iter().map(|l| l.code).collect();
    for code in [
        "es", "zh-Hans", "zh-Hant", "ru", "bn", "ht", "ko", "ar", "ur", "fr", "pl",
    ] {
        assert!(codes.contains(&code), "no pages in {code}");
    }
    let english_title = c.message(c.default_locale(), "login-title", &[]);
    for locale in c.all() {
        let chosen = app
            .client
            .get(app.url(&format!("/lang/{}?back=/login", locale.code)))
            .send()
            .await
            .unwrap();
        let (lang, _) = set_cookie(&chosen, "muni_lang").unwrap();
        let html = get_page(&app, &format!("muni_lang={lang}"), "/login")
            .await
            .text()
            .await
            .unwrap();
        let dir = if matches!(locale.code, "ar" | "ur") {
            "rtl"
        } else {
            "ltr"
        };
        assert!(
            html.contains(&format!("<html lang=\"{}\" dir=\"{dir}\">", locale.code)),
            "{}",
            locale.code
        );
        let title = c.message(locale, "login-title", &[]);
        assert!(html.contains(&title), "{}: {title}", locale.code);
        if locale.code != "en" {
            assert_ne!(title, english_title, "{} is not translated", locale.code);
        }
    }
}

#[tokio::test]
async fn a_residents_dates_are_written_as_the_page_language_writes_them() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app
        .enroll_ok(&clerk, &crate::helpers::resident("Date Reader"))
        .await;
    app.add_staff("date.clerk", StaffRole::Clerk);
    let (session, _) = page_login(&app, "date.clerk").await;
    for (lang, written) in [
        ("en", "April 1, 1990"),
        ("es", "1 de abril de 1990"),
        ("ru", "1 апреля 1990"),
        ("zh-Hans", "1990年4月1日"),
    ] {
        let cookie = format!("{session}; muni_lang={lang}");
        let html = get_page(&app, &cookie, &format!("/residents/{id}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            html.contains(&format!("<time datetime=\"1990-04-01\">{written}")),
            "{lang}: {html}"
        );
    }
}

#[tokio::test]
async fn the_staff_pages_reads_of_a_resident_and_their_card_are_audited_and_counted() {
    use crate::reads::{entries_after, last_seq, reads_reported};
    let app = spawn_app().await;
    let api_clerk = app.session(StaffRole::Clerk).await;
    let id = app
        .enroll_ok(&api_clerk, &crate::helpers::resident("Page Reader"))
        .await;
    let card: serde_json::Value = app
        .post_json(
            &api_clerk,
            &format!("/api/v1/residents/{id}/cards"),
            &serde_json::json!({"reason": "new", "fee": {"outcome": "paid"}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let number = card["card_number"].as_str().unwrap().to_owned();
    app.add_staff("page.reader", StaffRole::Clerk);
    let (cookie, _) = page_login(&app, "page.reader").await;
    let staff_id = {
        use diesel::prelude::*;
        use muni_id::db::schema::staff;
        let mut conn = app.ctx.db().unwrap();
        staff::table
            .filter(staff::username.eq("page.reader"))
            .select(staff::id)
            .first::<String>(&mut *conn)
            .unwrap()
    };

    let before = last_seq(&app);
    let page = get_page(&app, &cookie, &format!("/residents/{id}/cards/{number}")).await;
    assert_eq!(page.status(), 200);
    let csrf = csrf_of(&page.text().await.unwrap());
    let shown = entries_after(&app, before);
    for action in ["resident.read", "resident.cards_read"] {
        assert!(
            shown.contains(&(staff_id.clone(), action.to_owned(), Some(id.clone()))),
            "{action}: {shown:?}"
        );
    }

    let before = last_seq(&app);
    let pdf = post_form(
        &app,
        &cookie,
        &format!("/residents/{id}/cards/{number}/print"),
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(pdf.status(), 200);
    let printed = entries_after(&app, before);
    assert_eq!(
        printed
            .iter()
            .filter(|e| e.0 == staff_id && e.1 == "card.print" && e.2.as_deref() == Some(&number))
            .count(),
        1,
        "one entry for the printed card: {printed:?}"
    );
    // The card page (the resident and their cards) and the printed card.
    assert_eq!(reads_reported(&app, "page.reader"), 3);
}

/// The preview names the resident's languages as the printed card does: in the card's own
/// language (Spanish here), whatever the page's, with the tag when it says more.
#[tokio::test]
async fn the_card_preview_names_languages_as_the_printed_card_does() {
    let app = spawn_app_with(|config| config.card_design.language = "es".into()).await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut body = crate::helpers::resident("Preview Languages");
    body["languages"] = serde_json::json!(["pt-BR", "ase"]);
    let id = app.enroll_ok(&clerk, &body).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap();
    app.add_staff("preview.clerk", StaffRole::Clerk);
    let (cookie, _) = page_login(&app, "preview.clerk").await;
    let page = get_page(&app, &cookie, &format!("/residents/{id}/cards/{number}"))
        .await
        .text()
        .await
        .unwrap();
    let printed = app
        .ctx
        .card_renderer
        .wordings_for(None)
        .0
        .language_list(["pt-BR", "ase"]);
    assert_eq!(printed, "portugués (pt-BR), lengua de señas americana");
    assert!(
        page.contains(&format!(r#"<span lang="es" dir="ltr">{printed}</span>"#)),
        "{page}"
    );
    assert!(!page.contains("Portuguese"), "{page}");
}

/// Finding 6 of issue 15: an anonymous multipart body was read in full (61 MB tried) before
/// its CSRF token was checked. The session and role are checked before any of the body is
/// read, and the token (the form's first field) before the rest: a request that announces a
/// large body and sends no more than its first field is answered at once.
#[tokio::test]
async fn a_multipart_post_is_refused_before_its_body_is_read() {
    let app = spawn_app().await;
    app.add_staff("multi.auditor", StaffRole::Auditor);
    app.add_staff("multi.clerk", StaffRole::Clerk);
    let (auditor, _) = page_login(&app, "multi.auditor").await;
    let (clerk, _) = page_login(&app, "multi.clerk").await;
    // The first field and the boundary that ends it.
    let forged = "--x\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nforged\r\n--x\r\n";
    for (cookie, first_part, expected) in [
        ("", "", "303"),
        (auditor.as_str(), "", "403"),
        (clerk.as_str(), forged, "403"),
    ] {
        let status_line = announce_a_large_body(&app, cookie, first_part).await;
        assert!(
            status_line.starts_with(&format!("HTTP/1.1 {expected}")),
            "{cookie:?}: {status_line}"
        );
    }
}

/// Sends a multipart POST to /enroll announcing 60 MB, but only its headers and `first_part`;
/// returns the status line, which must come without the rest of the body.
async fn announce_a_large_body(app: &TestApp, cookie: &str, first_part: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let port = app.address.rsplit(':').next().unwrap().to_owned();
    let mut stream = tokio::net::TcpStream::connect(format!("127.0.0.1:{port}"))
        .await
        .unwrap();
    let head = format!(
        "POST /enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 60000000\r\n\r\n\
         {first_part}"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 64];
    let read = tokio::time::timeout(std::time::Duration::from_secs(5), stream.read(&mut answer))
        .await
        .expect("answered without waiting for the body")
        .unwrap();
    String::from_utf8_lossy(&answer[..read]).into_owned()
}

/// Issue 12: the residents' document pre-check. Public (no login), it adds up the ticked
/// documents with the same policy as the counter (posted: never in a URL), names unknown codes
/// nowhere, sets no cookie, and stores and logs nothing of what was ticked.
#[tokio::test]
async fn the_document_pre_check_is_public_adds_up_and_keeps_nothing() {
    let app = spawn_app().await;
    let audit_before = app.count_rows("audit_log");
    let answer = |res: Response| async move {
        assert_eq!(res.status(), 200);
        assert!(res.headers().get(SET_COOKIE).is_none(), "no cookie");
        assert_eq!(
            res.headers()["content-security-policy"],
            muni_id::web::pages::PAGE_CSP
        );
        res.text().await.unwrap()
    };
    let add_up = |body: &'static str| {
        let app = &app;
        async move {
            let res = app
                .client
                .post(app.url("/check"))
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap();
            answer(res).await
        }
    };
    let empty = answer(app.client.get(app.url("/check")).send().await.unwrap()).await;
    for label in [
        "Passport",
        "Consular ID",
        "Utility bill",
        "Lease or rental agreement",
    ] {
        assert!(empty.contains(label), "{label} listed");
    }
    assert!(empty.contains("3 identity points and 1 residency point"));
    assert!(!empty.contains(" checked"), "nothing ticked");
    // A URL ticks nothing: the ticks are never asked for in one.
    let linked = answer(
        app.client
            .get(app.url("/check?doc=passport"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(!linked.contains(" checked"));

    let enough = add_up("doc=passport&doc=utility_bill").await;
    assert_eq!(enough.matches(" checked>").count(), 2);
    assert_eq!(
        enough.matches("</span> requirement met").count(),
        2,
        "{enough}"
    );

    // One short of each; a code that is no document here is ignored, not repeated.
    let short = add_up("doc=consular_id&doc=ssn_card").await;
    assert_eq!(short.matches(" checked>").count(), 1);
    assert_eq!(short.matches("</span> 1 more needed").count(), 2, "{short}");
    assert!(!short.contains("ssn_card"));
    // A body that does not read adds up nothing, and is no error for the resident.
    let odd = add_up("doc=%ZZ&&=").await;
    assert!(!odd.contains(" checked"));

    // Spanish, from the browser's language.
    let res = app
        .client
        .get(app.url("/check"))
        .header("accept-language", "es")
        .send()
        .await
        .unwrap();
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("¿Qué documentos necesito"));
    assert_eq!(
        app.count_rows("audit_log"),
        audit_before,
        "nothing recorded"
    );
    let logs = String::from_utf8_lossy(&crate::helpers::captured_logs()).into_owned();
    assert!(
        !logs.contains("consular_id") && !logs.contains("doc="),
        "nothing logged"
    );
}
