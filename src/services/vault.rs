//! Opening and sealing a resident's record: the data key behind its epoch key, the sealed
//! card face, address and photo, and the blind index. Shared by every use case that touches
//! personal data; a failure here is never the client's fault, so it is `Internal`.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::context::AppContext;
use crate::crypto::blind_index::blind_index;
use crate::crypto::envelope::{open_field, seal_field, unwrap_data_key, FieldBinding, WrappedKey};
use crate::crypto::keyring::Epoch;
use crate::crypto::secret::SecretKey;
use crate::db::residents::ResidentRow;
use crate::domain::resident::{CardFace, DateOfBirth, PersonName};
use crate::error::Internal;

const TABLE: &str = "residents";
const PHOTO_TABLE: &str = "resident_photos";

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

pub fn epoch_of(row: &ResidentRow) -> Result<Epoch, Internal> {
    Epoch::parse(&row.key_epoch)
        .ok_or_else(|| Internal::new("resident key epoch", anyhow::anyhow!("unparseable epoch")))
}

pub fn wrapped_key_of(row: &ResidentRow) -> Result<WrappedKey, Internal> {
    Ok(WrappedKey {
        epoch: epoch_of(row)?,
        version: u32::try_from(row.key_version).unwrap_or(0),
        bytes: row.wrapped_key.clone(),
    })
}

/// The resident's data key, unwrapped with their epoch's key.
pub fn data_key_of(ctx: &AppContext, row: &ResidentRow) -> Result<SecretKey, Internal> {
    unwrap_data_key(&ctx.keyring, &row.id, &wrapped_key_of(row)?)
        .map_err(|e| Internal::new("data key", e))
}

pub fn open_face(ctx: &AppContext, row: &ResidentRow) -> Result<(SecretKey, CardFace), Internal> {
    let key = data_key_of(ctx, row)?;
    let face = open_json(&key, face_binding(&row.id), &row.face)?;
    Ok((key, face))
}

/// Blind indexes of a name and birth date under every live epoch's key: an exact-match probe.
pub fn candidate_indexes(ctx: &AppContext, name: &PersonName, dob: &DateOfBirth) -> Vec<Vec<u8>> {
    ctx.keyring
        .live_index_keys()
        .iter()
        .map(|(_, key)| blind_index(key, name, dob))
        .collect()
}

/// The blind index of a card face under one epoch's key.
pub fn index_for(ctx: &AppContext, epoch: Epoch, face: &CardFace) -> Result<Vec<u8>, Internal> {
    let keys = ctx
        .keyring
        .epoch_keys(epoch)
        .map_err(|e| Internal::new("key ring", e))?;
    Ok(blind_index(
        &keys.index_key,
        &face.legal_name,
        &face.date_of_birth,
    ))
}
