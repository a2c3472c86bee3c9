//! Staff accounts: creation (including the first admin), listing, disabling, roles, resets.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use rand::distributions::{Alphanumeric, DistString};

use super::audit;
use crate::context::AppContext;
use crate::crypto::password::{HashPasswordError, Password};
use crate::db::staff::{self as store, NewStaff, StaffRow};
use crate::db::{is_unique_violation, sessions};
use crate::domain::staff::{check_new_password, StaffRole, Username};
use crate::error::Internal;

pub const FIRST_ADMIN_PASSWORD_FILE: &str = "initial-admin-password.txt";

/// Who changed an account: a signed-in admin's staff id, or the command line.
pub const CLI_ACTOR: &str = "cli";
/// Who created the first admin: the service at its first start.
pub const SYSTEM_ACTOR: &str = "system";
/// Who changed a role to the one the identity provider's groups give (single sign-on).
pub const SIGN_ON_ACTOR: &str = "sign-on";

#[derive(Debug, thiserror::Error)]
pub enum StaffError {
    #[error("{0}")]
    InvalidUsername(&'static str),
    #[error("{0}")]
    WeakPassword(&'static str),
    #[error("an account with that username exists")]
    UsernameTaken,
    #[error("no such staff account")]
    NotFound,
    #[error(
        "an administrator cannot disable or demote their own account, nor reset its second factors"
    )]
    OwnAccount,
    /// Every password-hash turn was taken for as long as a hash may wait.
    #[error("too many password checks at once")]
    Busy,
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<diesel::result::Error> for StaffError {
    fn from(e: diesel::result::Error) -> Self {
        StaffError::Internal(e.into())
    }
}

/// A staff account as the service reports it (never its password hash).
#[derive(Debug, Clone)]
pub struct StaffAccount {
    pub username: String,
    pub role: StaffRole,
    pub disabled: bool,
    pub must_change_password: bool,
    pub created_at: DateTime<Utc>,
    /// Whether the account has a second factor (never which, nor its secret).
    pub second_factor: bool,
    /// The codes of the sites the account works at (none: any open site).
    pub sites: Vec<String>,
}

impl StaffAccount {
    fn read(conn: &mut crate::db::DbConnection, row: &StaffRow) -> Result<Self, StaffError> {
        let has_factor = crate::db::factors::of_staff(conn, &row.id)?
            .iter()
            .any(|f| f.confirmed_at.is_some());
        let sites = crate::db::sites::of_staff(conn, &row.id)?;
        Self::with_factor(row, has_factor, sites)
    }

    fn with_factor(
        row: &StaffRow,
        second_factor: bool,
        sites: Vec<String>,
    ) -> Result<Self, StaffError> {
        Ok(Self {
            username: row.username.clone(),
            role: StaffRole::parse(&row.role)
                .map_err(|m| Internal::new("staff role", anyhow::anyhow!(m)))?,
            disabled: row.disabled,
            must_change_password: row.must_change_password,
            created_at: row.created_at.and_utc(),
            second_factor,
            sites,
        })
    }
}

/// The hash of a new password, in its turn (`Busy` when no turn came in time).
fn hash_new(ctx: &AppContext, password: &Password) -> Result<String, StaffError> {
    ctx.hasher.hash(password).map_err(|e| match e {
        HashPasswordError::Busy(_) => StaffError::Busy,
        failed => Internal::new("password hash", failed).into(),
    })
}

/// A random password for a new or reset account, to be changed at first login.
pub fn one_time_password() -> Password {
    Password::new(Alphanumeric.sample_string(&mut rand::rngs::OsRng, 20))
}

/// Creates an account. With no password given, a one-time password is generated and returned.
/// Either way the password was chosen by someone other than the account's owner, so the
/// account must change it at first login (an admin who chose a clerk's password must not be
/// able to log in as that clerk and read residents).
pub fn add(
    ctx: &AppContext,
    actor: &str,
    username: &str,
    role: StaffRole,
    password: Option<Password>,
) -> Result<(StaffAccount, Option<Password>), StaffError> {
    let username = Username::parse(username).map_err(StaffError::InvalidUsername)?;
    let (password, generated) = match password {
        Some(p) => {
            check_new_password(p.expose()).map_err(StaffError::WeakPassword)?;
            (p, false)
        }
        None => (one_time_password(), true),
    };
    let hash = hash_new(ctx, &password)?;
    let now = ctx.clock.now();
    let id = uuid::Uuid::new_v4().to_string();
    let mut conn = ctx.db()?;
    let result = crate::db::transaction::<_, diesel::result::Error, _>(&mut conn, |conn| {
        audit::record(conn, now, actor, "staff.create", Some(&id))?;
        store::insert(
            conn,
            &NewStaff {
                id: &id,
                username: username.as_str(),
                password_hash: &hash,
                role: role.as_str(),
                disabled: false,
                must_change_password: true,
                created_at: now.naive_utc(),
            },
        )
    });
    match result {
        Ok(()) => {}
        Err(e) if is_unique_violation(&e) => return Err(StaffError::UsernameTaken),
        Err(e) => return Err(e.into()),
    }
    let row = store::find_by_id(&mut conn, &id)?.ok_or(StaffError::NotFound)?;
    Ok((
        StaffAccount::read(&mut conn, &row)?,
        generated.then_some(password),
    ))
}

pub fn list(ctx: &AppContext) -> Result<Vec<StaffAccount>, StaffError> {
    let mut conn = ctx.db()?;
    let with_factor: std::collections::HashSet<String> =
        crate::db::factors::confirmed_counts(&mut conn)?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
    let mut sites = std::collections::HashMap::<String, Vec<String>>::new();
    for (staff_id, code) in crate::db::sites::assignments(&mut conn)? {
        sites.entry(staff_id).or_default().push(code);
    }
    store::list(&mut conn)?
        .iter()
        .map(|row| {
            let its_sites = sites.remove(&row.id).unwrap_or_default();
            StaffAccount::with_factor(row, with_factor.contains(&row.id), its_sites)
        })
        .collect()
}

fn find(conn: &mut crate::db::DbConnection, username: &str) -> Result<StaffRow, StaffError> {
    store::find_by_username(conn, username)?.ok_or(StaffError::NotFound)
}

/// Disables or re-enables an account; disabling closes its sessions at once.
pub fn set_disabled(
    ctx: &AppContext,
    actor: &str,
    username: &str,
    disabled: bool,
) -> Result<StaffAccount, StaffError> {
    let mut conn = ctx.db()?;
    let row = find(&mut conn, username)?;
    if row.id == actor && disabled {
        return Err(StaffError::OwnAccount);
    }
    let now = ctx.clock.now();
    let action = if disabled {
        "staff.disable"
    } else {
        "staff.enable"
    };
    crate::db::transaction::<_, StaffError, _>(&mut conn, |conn| {
        audit::record(conn, now, actor, action, Some(&row.id))?;
        store::set_disabled(conn, &row.id, disabled)?;
        if disabled {
            sessions::delete_for_staff(conn, &row.id)?;
        } else {
            grace_again_without_factor(conn, &row.id, now)?;
        }
        Ok(())
    })?;
    let row = find(&mut conn, username)?;
    StaffAccount::read(&mut conn, &row)
}

pub fn set_role(
    ctx: &AppContext,
    actor: &str,
    username: &str,
    role: StaffRole,
) -> Result<StaffAccount, StaffError> {
    let mut conn = ctx.db()?;
    let row = find(&mut conn, username)?;
    if row.id == actor && role != StaffRole::Admin {
        return Err(StaffError::OwnAccount);
    }
    change_role(&mut conn, ctx.clock.now(), actor, &row.id, role)?;
    let row = find(&mut conn, username)?;
    StaffAccount::read(&mut conn, &row)
}

/// Gives an account the role the identity provider's groups now give it (single sign-on),
/// audited as the sign-on's change; its other sessions close, as at an admin's change.
pub fn take_role_from_provider(
    ctx: &AppContext,
    staff_id: &str,
    role: StaffRole,
) -> Result<(), StaffError> {
    change_role(
        &mut *ctx.db()?,
        ctx.clock.now(),
        SIGN_ON_ACTOR,
        staff_id,
        role,
    )
}

/// Binds an account to the identity provider's person (the hash of issuer and subject) at its
/// first sign-on, audited. False when another account is bound to that person, or this one
/// was bound to someone else meanwhile.
pub fn bind_to_provider(
    ctx: &AppContext,
    staff_id: &str,
    subject: &str,
) -> Result<bool, StaffError> {
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    let bound = crate::db::transaction::<_, diesel::result::Error, _>(&mut conn, |conn| {
        if store::bind_sign_on_subject(conn, staff_id, subject)? != 1 {
            return Ok(false);
        }
        audit::record(
            conn,
            now,
            SIGN_ON_ACTOR,
            "staff.sign_on_bound",
            Some(staff_id),
        )?;
        Ok(true)
    });
    match bound {
        Ok(bound) => Ok(bound),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

fn change_role(
    conn: &mut crate::db::DbConnection,
    now: DateTime<Utc>,
    actor: &str,
    staff_id: &str,
    role: StaffRole,
) -> Result<(), StaffError> {
    crate::db::transaction::<_, StaffError, _>(conn, |conn| {
        audit::record(conn, now, actor, "staff.role_change", Some(staff_id))?;
        store::set_role(conn, staff_id, role.as_str())?;
        sessions::delete_for_staff(conn, staff_id)?;
        grace_again_without_factor(conn, staff_id, now)?;
        Ok(())
    })
}

/// Replaces an account's password with a one-time password, returned once.
pub fn reset_password(
    ctx: &AppContext,
    actor: &str,
    username: &str,
) -> Result<Password, StaffError> {
    let mut conn = ctx.db()?;
    let row = find(&mut conn, username)?;
    let password = one_time_password();
    let hash = hash_new(ctx, &password)?;
    let now = ctx.clock.now();
    crate::db::transaction::<_, StaffError, _>(&mut conn, |conn| {
        audit::record(conn, now, actor, "staff.password_reset", Some(&row.id))?;
        store::set_password(conn, &row.id, &hash, true)?;
        sessions::delete_for_staff(conn, &row.id)?;
        Ok(())
    })?;
    Ok(password)
}

/// On a database with no staff at all, creates the first admin and writes their one-time
/// password to a 0600 file in the data folder. Returns the file's path when it did.
pub fn ensure_first_admin(ctx: &AppContext) -> Result<Option<PathBuf>, StaffError> {
    {
        let mut conn = ctx.db()?;
        if store::count(&mut conn)? > 0 {
            return Ok(None);
        }
    }
    let username = ctx.config.auth.first_admin_username.clone();
    let (_, password) = match add(ctx, SYSTEM_ACTOR, &username, StaffRole::Admin, None) {
        Ok(created) => created,
        // Another instance created it first.
        Err(StaffError::UsernameTaken) => return Ok(None),
        Err(e) => return Err(e),
    };
    let Some(password) = password else {
        return Ok(None);
    };
    let path = ctx.config.data_dir.join(FIRST_ADMIN_PASSWORD_FILE);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(&path)
        .map_err(|e| Internal::new("first admin password file", e))?;
    writeln!(file, "{}", password.expose())
        .map_err(|e| Internal::new("first admin password file", e))?;
    Ok(Some(path))
}

/// An account given a role (or re-enabled) that has no second factor gets the grace period
/// to enrol one from now: a role that must have one would else find it overdue at once.
fn grace_again_without_factor(
    conn: &mut crate::db::DbConnection,
    staff_id: &str,
    now: DateTime<Utc>,
) -> diesel::QueryResult<()> {
    let has_factor = crate::db::factors::of_staff(conn, staff_id)?
        .iter()
        .any(|f| f.confirmed_at.is_some());
    if !has_factor {
        store::mark_factors_reset(conn, staff_id, now.naive_utc())?;
    }
    Ok(())
}

/// Removes every second factor and recovery code of an account (lost phone), closes its
/// sessions, and gives it the grace period again to enrol a new one. The admin never sees a
/// factor; an admin cannot reset their own (another admin must).
pub fn reset_factors(ctx: &AppContext, actor: &str, username: &str) -> Result<(), StaffError> {
    let mut conn = ctx.db()?;
    let row = find(&mut conn, username)?;
    if row.id == actor {
        return Err(StaffError::OwnAccount);
    }
    let now = ctx.clock.now();
    crate::db::transaction::<_, StaffError, _>(&mut conn, |conn| {
        audit::record(conn, now, actor, "staff.factors_reset", Some(&row.id))?;
        crate::db::factors::delete_all(conn, &row.id)?;
        // The person at the identity provider too: the next sign-on binds whoever it is.
        store::forget_sign_on_subject(conn, &row.id)?;
        store::mark_factors_reset(conn, &row.id, now.naive_utc())?;
        sessions::delete_for_staff(conn, &row.id)?;
        Ok(())
    })
}
