//! The staff pages (and the residents' document pre-check, `/check`): server-rendered HTML (templates under `templates/pages/`, messages from
//! `locales/`), built on the same services as the JSON API and held to the same role rules.
//! Sessions are an HttpOnly, SameSite=Strict cookie holding the API's own session token; every
//! form carries a CSRF token; every page has a strict Content-Security-Policy and only our own
//! CSS and a little JavaScript (the webcam and the running points total).

mod account;
mod admin;
mod assets;
mod audit;
mod cards;
mod check;
mod csrf;
mod enroll;
mod factor_login;
mod forms;
mod holds;
pub use crate::i18n;
mod pickups;
mod problems;
mod residents;
mod session;
mod sign_on;
mod sites;
mod templates;
pub(crate) mod view;

use actix_web::web;

pub use view::PAGE_CSP;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(session::home))
        .service(
            web::resource("/check")
                .app_data(web::FormConfig::default().limit(check::MAX_FORM_BYTES))
                .route(web::get().to(check::page))
                .route(web::post().to(check::add_up)),
        )
        .route("/login", web::get().to(session::login_page))
        .route("/login", web::post().to(session::login))
        .route("/logout", web::post().to(session::logout))
        .route("/login/sso", web::get().to(sign_on::start))
        .route("/login/sso/callback", web::get().to(sign_on::callback))
        .route("/login/factor", web::get().to(factor_login::page))
        .route("/login/factor", web::post().to(factor_login::submit))
        .route(
            "/login/factor/passkey",
            web::post().to(factor_login::passkey_options),
        )
        .route("/account", web::get().to(account::page))
        .route("/account/totp", web::post().to(account::start_totp))
        .route(
            "/account/passkey/options",
            web::post().to(account::passkey_options),
        )
        .route("/account/passkey", web::post().to(account::add_passkey))
        .route(
            "/account/totp/confirm",
            web::post().to(account::confirm_totp),
        )
        .route(
            "/account/recovery-codes",
            web::post().to(account::new_recovery_codes),
        )
        .route(
            "/account/factors/{id}/remove",
            web::post().to(account::remove_factor),
        )
        .route("/account/password", web::get().to(session::password_page))
        .route(
            "/account/password",
            web::post().to(session::change_password),
        )
        .route("/lang/{code}", web::get().to(session::choose_language))
        .route("/static/app.css", web::get().to(assets::stylesheet))
        .route("/static/brand.css", web::get().to(assets::brand))
        .route("/static/enroll.js", web::get().to(assets::enroll_script))
        .route("/static/points.js", web::get().to(assets::points_script))
        .route("/static/passkey.js", web::get().to(assets::passkey_script))
        .route("/enroll", web::get().to(enroll::form))
        .route("/enroll", web::post().to(enroll::submit))
        .route("/residents/find", web::get().to(residents::find_page))
        .route("/residents/find", web::post().to(residents::find))
        .route("/residents/{id}", web::get().to(residents::show))
        .route("/residents/{id}/photo", web::get().to(residents::photo))
        .route("/residents/{id}/edit", web::get().to(residents::edit_page))
        .route("/residents/{id}/edit", web::post().to(residents::edit))
        .route("/residents/{id}/review", web::get().to(cards::review))
        .route("/residents/{id}/cards", web::post().to(cards::issue))
        .route("/residents/{id}/cards/{number}", web::get().to(cards::show))
        .route(
            "/residents/{id}/cards/{number}/print",
            web::post().to(cards::print),
        )
        .route(
            "/residents/{id}/cards/{number}/revoke",
            web::post().to(cards::revoke),
        )
        .route("/audit", web::get().to(audit::page))
        .route("/admin/staff", web::get().to(admin::list))
        .route("/admin/staff", web::post().to(admin::add))
        .route("/admin/staff/{username}", web::post().to(admin::change))
        .route("/admin/policy", web::get().to(admin::policy));
    admin_routes(cfg);
    pickup_routes(cfg);
}

/// A card's way to its resident: the steps from the resident's page, and the site's queue.
fn pickup_routes(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/residents/{id}/cards/{number}/arrived",
        web::post().to(pickups::record_arrived),
    )
    .route(
        "/residents/{id}/cards/{number}/hand-over",
        web::post().to(pickups::record_hand_over),
    )
    .route(
        "/residents/{id}/cards/{number}/mailed",
        web::post().to(pickups::record_mailed),
    )
    .route(
        "/residents/{id}/cards/{number}/pickup-site",
        web::post().to(pickups::record_move_pickup),
    )
    .route("/pickups", web::get().to(pickups::list))
    .route(
        "/pickups/{number}/arrived",
        web::post().to(pickups::arrived),
    )
    .route(
        "/pickups/{number}/hand-over",
        web::post().to(pickups::hand_over),
    );
}

/// The admin's and auditor's pages for sites and legal holds, and the clerk's site choice.
fn admin_routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/sites", web::get().to(sites::list))
        .route("/admin/sites", web::post().to(sites::add))
        .route("/admin/sites/{code}", web::post().to(sites::change))
        .route("/site", web::get().to(sites::choose_page))
        .route("/site", web::post().to(sites::choose))
        .route("/admin/holds", web::get().to(holds::list))
        .route("/admin/holds", web::post().to(holds::place))
        .route("/admin/holds/{id}/lift", web::post().to(holds::lift));
}
