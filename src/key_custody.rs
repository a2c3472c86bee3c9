//! Opening key custody: today the file ring (a key ring and a signing-key file on this server's
//! disk). The HSM (PKCS#11) and OpenBao backends implement the same `crypto::custody` traits
//! and open here once they land (issue 11).

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::Config;
use crate::crypto::custody::file::FileCustody;
use crate::crypto::custody::signing_file::FileSigning;
use crate::crypto::custody::{KeyCustody, SigningCustody};
use crate::crypto::keyring::{KeyRing, Opened};
use crate::private_files;

/// The epoch keys and the signing keys, both from the configured backend.
pub type Custody = (Arc<dyn KeyCustody>, Arc<dyn SigningCustody>);

/// Opens key custody and says which it is.
pub fn open(config: &Config, clock: &dyn Clock) -> anyhow::Result<Custody> {
    let custody = open_files(config, clock)?;
    tracing::info!(
        custody = %custody.0.describe(),
        "key custody opened"
    );
    Ok(custody)
}

/// The key ring and the signing-key file (created in development), refused beside a SQLite
/// database outside dev mode.
pub fn open_files(config: &Config, clock: &dyn Clock) -> anyhow::Result<Custody> {
    private_files::refuse_keys_beside_database(
        config,
        &[
            config.keyring_path(),
            config.signing_keys_path(),
            config.audit_witness_path(),
        ],
    )?;
    let keyring_path = config.keyring_path();
    let (keyring, opened) = KeyRing::open(&keyring_path, config.keys.create_if_missing)?;
    if opened == Opened::Created {
        tracing::warn!(
            path = %keyring_path.display(),
            "CREATED A NEW DEVELOPMENT KEY RING. Every resident's data is readable only with it: \
             keep it out of the database backups, and in production mount a managed key ring \
             instead (keys.keyring_file, keys.create_if_missing = false)"
        );
    }
    let (signing, created) = FileSigning::open(
        &config.signing_keys_path(),
        config.keys.create_if_missing,
        clock.now(),
    )?;
    if created {
        tracing::warn!(
            path = %signing.path().display(),
            "created a new card-signing key; its public half is published at /.well-known/jwks.json"
        );
    }
    Ok((Arc::new(FileCustody::new(keyring)), Arc::new(signing)))
}
