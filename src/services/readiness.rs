//! Whether the service can serve: the database answers, and its storage can take a write. Used
//! by `/readyz`, and by requests while storage is full, to notice when space has been freed.

use crate::config::DatabaseUrl;
use crate::context::AppContext;
use crate::error::{Internal, Outage};

/// Below this much free space beside a SQLite database, the service reports its storage full
/// before a write fails half-way through a request.
pub const SQLITE_FREE_SPACE_FLOOR: u64 = 1024 * 1024;

/// Why the service is not ready.
#[derive(Debug)]
pub struct NotReady {
    pub outage: Outage,
    pub cause: Internal,
}

/// Checks the database and its storage; ends an outage in progress when both are usable again.
pub fn check(ctx: &AppContext) -> Result<(), NotReady> {
    let not_ready = |outage| move |cause| NotReady { outage, cause };
    let mut conn = ctx.db().map_err(not_ready(Outage::Database))?;
    crate::db::ping(&mut conn).map_err(|e| not_ready(Outage::Database)(Internal::from(e)))?;
    if let DatabaseUrl::Sqlite(path) = ctx.config.database_url() {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let free = crate::private_files::free_bytes(folder)
            .map_err(|e| not_ready(Outage::Storage)(Internal::new("free space", e)))?;
        if free < SQLITE_FREE_SPACE_FLOOR {
            return Err(NotReady {
                outage: Outage::Storage,
                cause: Internal::new(
                    "free space",
                    anyhow::anyhow!("{free} bytes free beside the database: disk full"),
                ),
            });
        }
    }
    ctx.custody
        .check()
        .map_err(|e| not_ready(Outage::KeyCustody)(Internal::new("key custody", e)))?;
    ctx.health.recovered(Outage::KeyCustody);
    if ctx.health.is_down(Outage::Storage) {
        crate::db::audit::probe_write(&mut conn)
            .map_err(|e| not_ready(Outage::Storage)(Internal::from(e)))?;
        ctx.health.recovered(Outage::Storage);
    }
    Ok(())
}
