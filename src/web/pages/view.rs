//! What every page request knows: the interface language, the signed-in staff member (from
//! the session cookie), the CSRF token for its forms; how a page is rendered (strict CSP, no
//! caching) and how a refusal or failure is shown.

use actix_web::dev::Payload;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse, ResponseError};
use futures_util::future::LocalBoxFuture;
use minijinja::{context, Value};
use serde::Serialize;

use super::csrf;
use super::i18n::{catalogue, Arg, Locale};
use super::templates;
use crate::context::AppContext;
use crate::crypto::token::new_token;
use crate::domain::staff::{Permission, StaffRole};
use crate::error::{Internal, Outage};
use crate::services::auth::{self, AuthError, SignedIn};
use crate::services::Actor;
use crate::web::auth::{cookie, over_https, Cookie};

/// The policy for every page: our own scripts, styles and images only; the camera stream and
/// the photo preview as blob:/data:; forms post only here; never framed.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'; \
form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict (the language's: Lax), whole site, Secure
/// behind HTTPS.
pub fn set_cookie(which: Cookie, value: &str, max_age_secs: Option<i64>, https: bool) -> String {
    // The language is no secret, and must come along when a resident follows a link to the
    // pre-check from the city's website (a Strict cookie would not).
    let same_site = if which == Cookie::Lang {
        "Lax"
    } else {
        "Strict"
    };
    cookie_line(which.name(https), value, max_age_secs, https, same_site)
}

/// A single sign-on's cookie (see `sign_on_cookie_name`): SameSite=Lax, since it must come
/// back with the identity provider's top-level redirect, a navigation from another site (Lax
/// sends it on such a GET and on nothing else cross-site).
pub fn set_sign_on_cookie(tag: &str, value: &str, max_age_secs: i64, https: bool) -> String {
    let name = crate::web::auth::sign_on_cookie_name(https, tag);
    cookie_line(&name, value, Some(max_age_secs), https, "Lax")
}

fn cookie_line(
    name: &str,
    value: &str,
    max_age_secs: Option<i64>,
    https: bool,
    same_site: &str,
) -> String {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite={same_site}");
    if let Some(age) = max_age_secs {
        cookie.push_str(&format!("; Max-Age={age}"));
    }
    if https {
        cookie.push_str("; Secure");
    }
    cookie
}

/// A local path safe to send a browser back to (no scheme, no host, no odd characters).
pub fn local_path(raw: &str) -> Option<String> {
    let ok = raw.starts_with('/')
        && !raw.starts_with("//")
        && raw.len() <= 200
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-_.".contains(&b));
    ok.then(|| raw.to_owned())
}

#[derive(Serialize)]
struct NavItem {
    href: &'static str,
    label: &'static str,
    current: bool,
}

#[derive(Serialize)]
struct LanguageItem {
    code: &'static str,
    name: String,
    dir: &'static str,
}

/// The request as a page sees it.
pub struct Viewer {
    pub ctx: web::Data<AppContext>,
    pub lang: &'static Locale,
    pub signed_in: Option<SignedIn>,
    /// The secret this visitor's CSRF tokens derive from.
    secret: Option<String>,
    /// A pre-session secret to set with the response (first visit to the login page).
    new_pre_session: Option<String>,
    pub path: String,
}

impl FromRequest for Viewer {
    type Error = PageError;
    type Future = LocalBoxFuture<'static, Result<Self, PageError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Viewer::load(&req).await })
    }
}

impl Viewer {
    pub async fn load(req: &HttpRequest) -> Result<Self, PageError> {
        let https = over_https(req);
        let lang = crate::web::request_locale(req);
        let ctx = req
            .app_data::<web::Data<AppContext>>()
            .cloned()
            .ok_or_else(|| {
                PageError::internal(
                    lang,
                    Internal::new("app data", anyhow::anyhow!("missing context")),
                )
            })?;
        let path = local_path(req.path()).unwrap_or_else(|| "/".into());
        let mut viewer = Viewer {
            ctx,
            lang,
            signed_in: None,
            secret: None,
            new_pre_session: None,
            path,
        };
        if let Some(token) = cookie(req, Cookie::Session.name(https)) {
            let ctx = viewer.ctx.clone();
            let probe = token.clone();
            match crate::web::blocking(move || auth::authenticate(&ctx, &probe)).await {
                Ok(Ok(signed_in)) => {
                    viewer.signed_in = Some(signed_in);
                    viewer.secret = Some(token);
                }
                Ok(Err(AuthError::NotAuthenticated)) => {}
                Ok(Err(AuthError::Internal(cause))) => return Err(viewer.internal(cause)),
                Ok(Err(other)) => {
                    return Err(
                        viewer.internal(Internal::new("session", anyhow::anyhow!("{other}")))
                    )
                }
                Err(blocking) => return Err(viewer.internal(blocking.into())),
            }
        }
        if viewer.secret.is_none() {
            viewer.secret = cookie(req, Cookie::PreSession.name(https));
        }
        if viewer.secret.is_none() {
            let fresh = new_token();
            viewer.secret = Some(fresh.clone());
            viewer.new_pre_session = Some(fresh);
        }
        Ok(viewer)
    }

    /// For a public page that must set no cookie (it has no form that posts): no pre-session.
    pub fn without_pre_session(mut self) -> Self {
        if self.new_pre_session.take().is_some() {
            self.secret = None;
        }
        self
    }

    pub fn https(&self) -> bool {
        self.ctx.config.public_base_url.starts_with("https://")
    }

    pub fn csrf_token(&self) -> String {
        self.secret
            .as_deref()
            .map(csrf::token_for)
            .unwrap_or_default()
    }

    /// Refuses a form whose CSRF token is missing or not this visitor's.
    pub fn check_csrf(&self, submitted: &str) -> Result<(), PageError> {
        match self.secret.as_deref() {
            Some(secret) if self.new_pre_session.is_none() && csrf::matches(secret, submitted) => {
                Ok(())
            }
            _ => Err(self.fail(StatusCode::FORBIDDEN, "csrf-title", "err-csrf", &[])),
        }
    }

    /// A message in the interface language.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        catalogue().message(self.lang, id, args)
    }

    /// The page's language, for what is rendered beside the page (the report's words).
    pub fn words(&self) -> crate::i18n::Words<'static> {
        crate::i18n::Words::new(catalogue(), self.lang)
    }

    /// The signed-in staff member, whatever their role; otherwise off to the login page.
    pub fn signed(&self) -> Result<&SignedIn, PageError> {
        self.signed_in
            .as_ref()
            .ok_or_else(|| self.redirect(&format!("/login?next={}", self.path)))
    }

    /// The actor, if signed in with a role that grants `permission`.
    pub fn require(&self, permission: Permission) -> Result<Actor, PageError> {
        let signed = self.signed()?;
        if signed.must_change_password {
            return Err(self.redirect("/account/password"));
        }
        // A counter page records at the session's site: chosen before anything else.
        if permission == Permission::ServeResidents && signed.must_choose_site {
            return Err(self.redirect(&format!("/site?next={}", self.path)));
        }
        if !permission.granted_to(signed.actor.role) {
            return Err(self.fail(
                StatusCode::FORBIDDEN,
                "forbidden-title",
                "err-forbidden",
                &[(
                    "role",
                    Arg::from(self.text(role_message(signed.actor.role), &[])),
                )],
            ));
        }
        Ok(signed.actor.clone())
    }

    fn nav(&self) -> Vec<NavItem> {
        let Some(signed) = &self.signed_in else {
            return Vec::new();
        };
        if signed.must_change_password {
            return Vec::new();
        }
        let role = signed.actor.role;
        let mut items = Vec::new();
        let mut add = |href: &'static str, label: &'static str| {
            let current = self.path == href || self.path.starts_with(&format!("{href}/"));
            items.push(NavItem {
                href,
                label,
                current,
            });
        };
        if Permission::ServeResidents.granted_to(role) {
            add("/enroll", "nav-enroll");
            add("/residents/find", "nav-find");
            // Where cards wait for their residents: only for a session that works at a site.
            if signed.site.is_some() {
                add("/pickups", "nav-pickups");
            }
        }
        if Permission::Administer.granted_to(role) {
            add("/admin/staff", "nav-staff");
            add("/admin/sites", "nav-sites");
            add("/admin/policy", "nav-policy");
        }
        if Permission::Audit.granted_to(role) {
            add("/audit", "nav-audit");
            add("/admin/holds", "nav-holds");
        }
        items
    }

    /// What every page's frame needs.
    pub fn base(&self) -> Value {
        let languages: Vec<LanguageItem> = catalogue()
            .all()
            .iter()
            .map(|l| LanguageItem {
                code: l.code,
                name: l.name.clone(),
                dir: l.dir.as_str(),
            })
            .collect();
        let user = self.signed_in.as_ref().map(|s| {
            context! {
                username => s.actor.username.clone(),
                role => self.text(role_message(s.actor.role), &[]),
                site => s.site.as_ref().map(|site| site.name.clone()),
                works_at_site => s.site.is_some() || s.must_choose_site,
            }
        });
        context! {
            lang => self.lang.code,
            dir => self.lang.dir.as_str(),
            languages => languages,
            back => self.path.clone(),
            csrf => self.csrf_token(),
            jurisdiction => self.ctx.config.jurisdiction.clone(),
            user => user,
            nav => self.nav(),
            factor_due_by => self
                .signed_in
                .as_ref()
                .and_then(|s| s.factor_due_by)
                .map(|at| at.format("%Y-%m-%d").to_string()),
        }
    }

    /// A page: the template with the frame's context and `extra`.
    pub fn page(
        &self,
        status: StatusCode,
        template: &str,
        extra: Value,
    ) -> Result<HttpResponse, PageError> {
        let body = templates::render(template, context! { ..extra, ..self.base() })
            .map_err(|e| self.internal(e))?;
        let mut response = HttpResponse::build(status);
        response
            .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header(("Content-Security-Policy", PAGE_CSP))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .insert_header((header::VARY, "Cookie, Accept-Language"));
        if let Some(pre) = &self.new_pre_session {
            response.append_header((
                header::SET_COOKIE,
                set_cookie(Cookie::PreSession, pre, None, self.https()),
            ));
        }
        Ok(response.body(body))
    }

    pub fn ok(&self, template: &str, extra: Value) -> Result<HttpResponse, PageError> {
        self.page(StatusCode::OK, template, extra)
    }

    /// 303 See Other: after a form, the browser loads the result with a GET.
    pub fn see_other(&self, location: &str) -> HttpResponse {
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, location.to_owned()))
            .finish()
    }

    pub fn redirect(&self, location: &str) -> PageError {
        PageError {
            status: StatusCode::SEE_OTHER,
            kind: Kind::Redirect(location.to_owned()),
            lang: self.lang,
            base: None,
        }
    }

    /// A refusal shown as a page: a title and a message, both message ids.
    pub fn fail(
        &self,
        status: StatusCode,
        title: &str,
        message: &str,
        args: &[(&str, Arg)],
    ) -> PageError {
        PageError {
            status,
            kind: Kind::Message {
                title: self.text(title, &[]),
                message: self.text(message, args),
            },
            lang: self.lang,
            base: Some(self.base()),
        }
    }

    pub fn not_found(&self) -> PageError {
        self.fail(
            StatusCode::NOT_FOUND,
            "not-found-title",
            "err-not_found",
            &[],
        )
    }

    pub fn internal(&self, cause: Internal) -> PageError {
        PageError::internal(self.lang, cause)
    }
}

/// The message id naming a role.
pub fn role_message(role: StaffRole) -> &'static str {
    match role {
        StaffRole::Clerk => "role-clerk",
        StaffRole::Supervisor => "role-supervisor",
        StaffRole::Auditor => "role-auditor",
        StaffRole::Admin => "role-admin",
    }
}

#[derive(Debug)]
enum Kind {
    Redirect(String),
    Message {
        title: String,
        message: String,
    },
    Outage {
        title: String,
        message: String,
        retry_after_secs: u64,
        cause: Internal,
    },
    Internal(Internal),
}

/// Why a page is not shown: a redirect (to log in, say), a refusal, or an internal fault
/// (logged with the request id by the middleware; never shown).
#[derive(Debug)]
pub struct PageError {
    status: StatusCode,
    kind: Kind,
    lang: &'static Locale,
    base: Option<Value>,
}

impl PageError {
    /// An unexpected fault (the request-id page), or a dependency's outage: a page that says
    /// nothing was saved and when to try again, with the status the API answers.
    pub fn internal(lang: &'static Locale, cause: Internal) -> Self {
        let Some(outage) = cause.outage() else {
            return PageError {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                kind: Kind::Internal(cause),
                lang,
                base: None,
            };
        };
        PageError {
            status: StatusCode::from_u16(outage.status())
                .unwrap_or(StatusCode::SERVICE_UNAVAILABLE),
            kind: Kind::Outage {
                title: catalogue().message(lang, "outage-title", &[]),
                message: catalogue().message(lang, &format!("err-{}", outage.code()), &[]),
                retry_after_secs: outage.retry_after_secs(),
                cause,
            },
            lang,
            base: None,
        }
    }

    /// The outage behind this page, with its cause, for the log.
    pub fn outage(&self) -> Option<(Outage, &Internal)> {
        match &self.kind {
            Kind::Outage { cause, .. } => cause.outage().map(|o| (o, cause)),
            _ => None,
        }
    }
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            Kind::Redirect(_) => write!(f, "redirect"),
            Kind::Message { .. } => write!(f, "page refused: {}", self.status),
            Kind::Outage { cause, .. } | Kind::Internal(cause) => write!(f, "{cause}"),
        }
    }
}

impl ResponseError for PageError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let (title, message) = match &self.kind {
            Kind::Redirect(location) => {
                return HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, location.clone()))
                    .finish();
            }
            Kind::Message { title, message } | Kind::Outage { title, message, .. } => {
                (title.clone(), message.clone())
            }
            // The middleware replaces a 500 with the request id; this body is never seen.
            Kind::Internal(_) => (String::new(), String::new()),
        };
        let base = self.base.clone().unwrap_or_else(|| {
            context! { lang => self.lang.code, dir => self.lang.dir.as_str(), languages => Vec::<String>::new(),
            back => "/", csrf => "", jurisdiction => "", user => (), nav => Vec::<String>::new() }
        });
        let body = templates::render(
            "error.html",
            context! { title => title, message => message, ..base },
        )
        .unwrap_or_else(|_| "<!doctype html><title>Error</title><p>Error</p>".into());
        let mut response = HttpResponse::build(self.status);
        if let Kind::Outage {
            retry_after_secs, ..
        } = &self.kind
        {
            response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
        }
        response
            .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header((
                "Content-Security-Policy",
                HeaderValue::from_static(PAGE_CSP),
            ))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(body)
    }
}
