//! The use cases. Each takes the `AppContext`, decides, and stores through `db`; each has its
//! own error type. All are blocking: the web layer calls them through `web::block`.

pub mod audit;
pub mod auth;
pub mod backup;
pub mod cards;
pub mod custody;
pub mod enrollment;
pub mod handover;
pub mod import;
pub mod issuer;
pub mod key_migration;
pub mod key_rotation;
pub mod legal_holds;
pub mod login_throttle;
pub mod passkeys;
pub mod program_counts;
pub mod program_report;
pub mod purge;
pub mod ratchet;
pub mod readiness;
pub mod report;
pub mod rewrap;
pub mod second_factor;
pub mod sign_on;
pub mod sites;
pub mod staff;
pub mod vault;
pub mod verification;

/// Who is acting, as recorded in the audit trail: a staff id, or the system itself.
#[derive(Debug, Clone)]
pub struct Actor {
    pub staff_id: String,
    pub username: String,
    pub role: crate::domain::staff::StaffRole,
    /// The site the session works at (its code): where what the actor records happens.
    pub site: Option<String>,
}
