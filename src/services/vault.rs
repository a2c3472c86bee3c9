//! Opening and sealing a resident's record. A record has two data keys, both wrapped under the
//! same epoch key: the resident's (card face and photo) and the print-only address's own, so
//! destroying the address at print leaves nothing the resident's key can open in older copies.
//! A change that replaces a value re-seals the whole record under fresh keys, so an old value
//! in an old copy dies with that copy's epoch. Shared by every use case that touches personal
//! data; a key that was destroyed is `Destroyed` (410), any other failure is `Internal`.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::context::AppContext;
use crate::crypto::blind_index::index_message;
use crate::crypto::custody::{CustodyError, WrappedKey};
use crate::crypto::envelope::{open_field, seal_field, FieldBinding};
use crate::crypto::keyring::Epoch;
use crate::crypto::secret::SecretKey;
use crate::db::residents::{KeyPlacement, ResidentRow, SealedRecord};
use crate::domain::resident::{Address, CardFace, DateOfBirth, PersonName};
use crate::error::Internal;

const TABLE: &str = "residents";
const PHOTO_TABLE: &str = "resident_photos";

/// Why a record could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// Its epoch key was destroyed: the record is gone, in this database and every copy.
    #[error("the resident's data was destroyed")]
    Destroyed,
    /// The row itself is wrong (an unknown epoch or key version, a wrapped key or ciphertext
    /// that does not open): written by someone other than this service, or damaged.
    #[error("the record cannot be opened: {0}")]
    Corrupt(Internal),
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<CustodyError> for VaultError {
    fn from(e: CustodyError) -> Self {
        match e {
            CustodyError::EpochDestroyed(_) => VaultError::Destroyed,
            e @ (CustodyError::UnknownKey { .. } | CustodyError::OpenFailed) => {
                VaultError::Corrupt(Internal::new("data key", e))
            }
            // Unavailable stays in the cause chain: the request answers 503.
            other => VaultError::Internal(Internal::new("key custody", other)),
        }
    }
}

impl VaultError {
    /// A fault of the service (the key ring unreachable), as opposed to a row that is gone or
    /// wrong: only these stop a job that walks many rows.
    pub fn into_internal(self) -> Internal {
        match self {
            VaultError::Corrupt(cause) | VaultError::Internal(cause) => cause,
            VaultError::Destroyed => {
                Internal::new("vault", anyhow::anyhow!("the record's keys were destroyed"))
            }
        }
    }
}

impl From<diesel::result::Error> for VaultError {
    fn from(e: diesel::result::Error) -> Self {
        VaultError::Internal(e.into())
    }
}

pub fn face_binding(id: &str) -> FieldBinding<'_> {
    FieldBinding {
        table: TABLE,
        column: "face",
        record_id: id,
    }
}

pub fn address_binding(id: &str) -> FieldBinding<'_> {
    FieldBinding {
        table: TABLE,
        column: "address",
        record_id: id,
    }
}

pub fn photo_binding(id: &str) -> FieldBinding<'_> {
    FieldBinding {
        table: PHOTO_TABLE,
        column: "photo",
        record_id: id,
    }
}

/// The record id the address's own data key is wrapped for (so it cannot pass for the
/// resident's key, nor the other way round).
pub fn address_key_id(id: &str) -> String {
    format!("{id}/address")
}

pub fn seal_json<T: Serialize>(
    key: &SecretKey,
    binding: FieldBinding<'_>,
    value: &T,
) -> Result<Vec<u8>, Internal> {
    let plain =
        Zeroizing::new(serde_json::to_vec(value).map_err(|e| Internal::new("serialise", e))?);
    seal_field(key, binding, &plain).map_err(|e| Internal::new("field encryption", e))
}

pub fn open_json<T: for<'de> Deserialize<'de>>(
    key: &SecretKey,
    binding: FieldBinding<'_>,
    sealed: &[u8],
) -> Result<T, Internal> {
    let plain =
        open_field(key, binding, sealed).map_err(|e| Internal::new("field decryption", e))?;
    serde_json::from_slice(&plain).map_err(|e| Internal::new("sealed record", e))
}

pub fn epoch_of(row: &ResidentRow) -> Result<Epoch, VaultError> {
    Epoch::parse(&row.key_epoch).ok_or_else(|| {
        VaultError::Corrupt(Internal::new(
            "resident key epoch",
            anyhow::anyhow!("unparseable epoch"),
        ))
    })
}

fn wrapped(row: &ResidentRow, bytes: &[u8]) -> Result<WrappedKey, VaultError> {
    Ok(WrappedKey {
        epoch: epoch_of(row)?,
        version: u32::try_from(row.key_version).unwrap_or(0),
        bytes: bytes.to_vec(),
    })
}

/// The resident's data key as the record holds it (wrapped).
pub fn wrapped_data_key(row: &ResidentRow) -> Result<WrappedKey, VaultError> {
    wrapped(row, &row.wrapped_key)
}

/// The record's data key and its address's own key (if it holds an address), wrapped.
pub fn wrapped_keys(row: &ResidentRow) -> Result<(WrappedKey, Option<WrappedKey>), VaultError> {
    let address = row.address_key.as_deref().map(|b| wrapped(row, b));
    Ok((wrapped_data_key(row)?, address.transpose()?))
}

/// The resident's data key, unwrapped with their epoch's key.
pub fn data_key_of(ctx: &AppContext, row: &ResidentRow) -> Result<SecretKey, VaultError> {
    let key = ctx.custody.unwrap(&row.id, &wrapped_data_key(row)?)?;
    // Custody answered: an outage in progress is over.
    ctx.health.recovered(crate::error::Outage::KeyCustody);
    Ok(key)
}

/// The address's own data key, when the record holds an address.
fn address_key_of(ctx: &AppContext, row: &ResidentRow) -> Result<Option<SecretKey>, VaultError> {
    row.address_key
        .as_deref()
        .map(|bytes| {
            Ok(ctx
                .custody
                .unwrap(&address_key_id(&row.id), &wrapped(row, bytes)?)?)
        })
        .transpose()
}

pub fn open_face(ctx: &AppContext, row: &ResidentRow) -> Result<(SecretKey, CardFace), VaultError> {
    let key = data_key_of(ctx, row)?;
    let face = open_json(&key, face_binding(&row.id), &row.face).map_err(VaultError::Corrupt)?;
    Ok((key, face))
}

pub fn open_photo(
    key: &SecretKey,
    resident_id: &str,
    sealed: &[u8],
) -> Result<Vec<u8>, VaultError> {
    Ok(open_field(key, photo_binding(resident_id), sealed)
        .map_err(|e| Internal::new("photo decryption", e))?
        .to_vec())
}

/// The print-only address, if the record still holds one.
pub fn address_of(ctx: &AppContext, row: &ResidentRow) -> Result<Option<Address>, VaultError> {
    let (Some(sealed), Some(key)) = (row.address.as_deref(), address_key_of(ctx, row)?) else {
        return Ok(None);
    };
    Ok(Some(open_json(&key, address_binding(&row.id), sealed)?))
}

/// Blind indexes of a name and birth date under every live epoch's key: an exact-match probe.
pub fn candidate_indexes(
    ctx: &AppContext,
    name: &PersonName,
    dob: &DateOfBirth,
) -> Result<Vec<Vec<u8>>, Internal> {
    ctx.custody
        .index_live(&index_message(name, dob))
        .map_err(|e| Internal::new("key custody", e))
}

/// The blind index of a card face under one epoch's key.
pub fn index_for(ctx: &AppContext, epoch: Epoch, face: &CardFace) -> Result<Vec<u8>, VaultError> {
    Ok(ctx
        .custody
        .index(epoch, &index_message(&face.legal_name, &face.date_of_birth))?)
}

/// Where the ratchet stands: this calendar month, or the month of a later roll-forward.
pub fn ratchet_month(ctx: &AppContext) -> Result<Epoch, VaultError> {
    let calendar = Epoch::of(ctx.clock.today());
    Ok(ctx
        .custody
        .ratchet_month()?
        .map_or(calendar, |m| m.max(calendar)))
}

/// The epoch a record destroyed after `destroy_after` is wrapped under now.
pub fn target_epoch(
    ctx: &AppContext,
    destroy_after: chrono::NaiveDate,
) -> Result<Epoch, VaultError> {
    Ok(ctx
        .config
        .ratchet()
        .target(destroy_after, ratchet_month(ctx)?))
}

/// A whole record sealed under fresh data keys: the card face and photo under one, the
/// address (if any) under its own, both wrapped under `epoch`.
pub fn seal_record(
    ctx: &AppContext,
    id: &str,
    epoch: Epoch,
    face: &CardFace,
    photo_jpeg: &[u8],
    address: Option<&Address>,
) -> Result<SealedRecord, VaultError> {
    ctx.custody.prepare(epoch, 0)?;
    let data_key = SecretKey::generate();
    let wrapped_key = ctx.custody.wrap(epoch, id, &data_key)?;
    let (address_key, address) = match address {
        Some(address) => {
            let key = SecretKey::generate();
            let wrapped = ctx.custody.wrap(epoch, &address_key_id(id), &key)?;
            let sealed = seal_json(&key, address_binding(id), address)?;
            (Some(wrapped.bytes), Some(sealed))
        }
        None => (None, None),
    };
    Ok(SealedRecord {
        placement: KeyPlacement {
            key_epoch: epoch.id(),
            key_version: i32::try_from(wrapped_key.version).unwrap_or(i32::MAX),
            wrapped_key: wrapped_key.bytes,
            address_key,
            blind_index: index_for(ctx, epoch, face)?,
        },
        face: seal_json(&data_key, face_binding(id), face)?,
        address,
        photo: seal_field(&data_key, photo_binding(id), photo_jpeg)
            .map_err(|e| Internal::new("field encryption", e))?,
    })
}

/// The record's keys moved under `epoch`'s current key (and its blind index re-keyed there);
/// nothing sealed under them changes.
pub fn rewrap(
    ctx: &AppContext,
    row: &ResidentRow,
    epoch: Epoch,
) -> Result<KeyPlacement, VaultError> {
    let (data_key, face) = open_face(ctx, row)?;
    ctx.custody.prepare(epoch, 0)?;
    let wrapped_key = ctx.custody.wrap(epoch, &row.id, &data_key)?;
    let address_key = address_key_of(ctx, row)?
        .map(|key| ctx.custody.wrap(epoch, &address_key_id(&row.id), &key))
        .transpose()?;
    Ok(KeyPlacement {
        key_epoch: epoch.id(),
        key_version: i32::try_from(wrapped_key.version).unwrap_or(i32::MAX),
        wrapped_key: wrapped_key.bytes,
        address_key: address_key.map(|w| w.bytes),
        blind_index: index_for(ctx, epoch, &face)?,
    })
}
