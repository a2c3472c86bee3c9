//! Many records' keys moved at once (the roll-forward and the rotation): every data key of a
//! page is unwrapped in one call to key custody, then wrapped and its blind index re-keyed in
//! one call per target epoch, so a backend with batch calls (OpenBao) makes a few round trips
//! per page instead of several per record. Nothing sealed under the data keys changes.

use std::collections::BTreeMap;

use super::vault::{self, VaultError};
use crate::context::AppContext;
use crate::crypto::blind_index::index_message;
use crate::crypto::custody::WrappedKey;
use crate::crypto::keyring::Epoch;
use crate::crypto::secret::SecretKey;
use crate::db::residents::{KeyPlacement, ResidentRow};
use crate::domain::resident::CardFace;
use crate::error::Internal;

/// What one record's keys opened to.
struct Opened {
    data_key: SecretKey,
    address_key: Option<SecretKey>,
    face: CardFace,
}

/// Each record's keys re-wrapped under its target epoch, in the order given; a record whose
/// keys do not open (destroyed, damaged) has its own error. An error of the whole call
/// (custody unreachable) is returned as such, and nothing is half-done: the caller writes
/// the placements.
pub fn rewrap_many(
    ctx: &AppContext,
    moves: &[(&ResidentRow, Epoch)],
) -> Result<Vec<Result<KeyPlacement, VaultError>>, VaultError> {
    let opened = open_all(ctx, moves)?;
    let mut out: Vec<Option<Result<KeyPlacement, VaultError>>> =
        moves.iter().map(|_| None).collect();
    let mut by_target: BTreeMap<Epoch, Vec<(usize, Opened)>> = BTreeMap::new();
    for (index, opened) in opened.into_iter().enumerate() {
        match opened {
            Ok(opened) => by_target
                .entry(moves[index].1)
                .or_default()
                .push((index, opened)),
            Err(e) => out[index] = Some(Err(e)),
        }
    }
    for (target, group) in by_target {
        for (index, placement) in wrap_group(ctx, moves, target, group)? {
            out[index] = Some(Ok(placement));
        }
    }
    Ok(out
        .into_iter()
        .map(|placed| placed.unwrap_or_else(|| Err(left_out("a record"))))
        .collect())
}

/// Every record's data key and address key, unwrapped in one call, and its card face.
fn open_all(
    ctx: &AppContext,
    moves: &[(&ResidentRow, Epoch)],
) -> Result<Vec<Result<Opened, VaultError>>, VaultError> {
    // (record id for the wrap, wrapped key, which record, whether the address key)
    let mut asks: Vec<(String, WrappedKey, usize, bool)> = Vec::new();
    // Per record: its keys as they open, or why it cannot be moved.
    let mut keys: Vec<Result<Keys, VaultError>> = Vec::with_capacity(moves.len());
    for (index, (row, _)) in moves.iter().enumerate() {
        keys.push(vault::wrapped_keys(row).map(|(data, address)| {
            asks.push((row.id.clone(), data, index, false));
            if let Some(address) = address {
                asks.push((vault::address_key_id(&row.id), address, index, true));
            }
            Keys::default()
        }));
    }
    let pairs: Vec<(&str, &WrappedKey)> = asks.iter().map(|(id, w, ..)| (id.as_str(), w)).collect();
    let answers = ctx.custody.unwrap_many(&pairs)?;
    if !answers.is_empty() {
        // Custody answered: an outage in progress is over.
        ctx.health.recovered(crate::error::Outage::KeyCustody);
    }
    for ((_, _, index, address), answer) in asks.iter().zip(answers) {
        let Ok(slot) = &mut keys[*index] else {
            continue;
        };
        match answer {
            Ok(key) if *address => slot.address = Some(key),
            Ok(key) => slot.data = Some(key),
            Err(e) => keys[*index] = Err(e.into()),
        }
    }
    Ok(moves
        .iter()
        .zip(keys)
        .map(|((row, _), keys)| {
            let keys = keys?;
            let data_key = keys.data.ok_or_else(|| left_out("a data key"))?;
            let face = vault::open_json(&data_key, vault::face_binding(&row.id), &row.face)
                .map_err(VaultError::Corrupt)?;
            Ok(Opened {
                data_key,
                address_key: keys.address,
                face,
            })
        })
        .collect())
}

/// A record's keys as custody answered.
#[derive(Default)]
struct Keys {
    data: Option<SecretKey>,
    address: Option<SecretKey>,
}

/// Custody answered a batch without an item it was asked for.
fn left_out(what: &str) -> VaultError {
    VaultError::Internal(Internal::new(
        "key custody",
        anyhow::anyhow!("a batch answer left out {what}"),
    ))
}

/// One target epoch's records: data keys, address keys and blind indexes, one call each.
fn wrap_group(
    ctx: &AppContext,
    moves: &[(&ResidentRow, Epoch)],
    target: Epoch,
    group: Vec<(usize, Opened)>,
) -> Result<Vec<(usize, KeyPlacement)>, VaultError> {
    ctx.custody.prepare(target, 0)?;
    let ids: Vec<&str> = group.iter().map(|(i, _)| moves[*i].0.id.as_str()).collect();
    let data: Vec<(&str, &SecretKey)> = ids
        .iter()
        .zip(&group)
        .map(|(id, (_, o))| (*id, &o.data_key))
        .collect();
    let wrapped = ctx.custody.wrap_many(target, &data)?;
    let address_ids: Vec<(usize, String)> = group
        .iter()
        .enumerate()
        .filter(|(_, (_, o))| o.address_key.is_some())
        .map(|(n, (i, _))| (n, vault::address_key_id(&moves[*i].0.id)))
        .collect();
    let address_pairs: Vec<(&str, &SecretKey)> = address_ids
        .iter()
        .filter_map(|(n, id)| Some((id.as_str(), group[*n].1.address_key.as_ref()?)))
        .collect();
    let mut address_wrapped: Vec<Option<WrappedKey>> = group.iter().map(|_| None).collect();
    for ((n, _), w) in address_ids
        .iter()
        .zip(ctx.custody.wrap_many(target, &address_pairs)?)
    {
        address_wrapped[*n] = Some(w);
    }
    let messages: Vec<Vec<u8>> = group
        .iter()
        .map(|(_, o)| index_message(&o.face.legal_name, &o.face.date_of_birth))
        .collect();
    let message_refs: Vec<&[u8]> = messages.iter().map(Vec::as_slice).collect();
    let indexes = ctx.custody.index_many(target, &message_refs)?;
    Ok(group
        .iter()
        .zip(wrapped)
        .zip(address_wrapped)
        .zip(indexes)
        .map(|((((index, _), data), address), blind_index)| {
            let placement = KeyPlacement {
                key_epoch: target.id(),
                key_version: i32::try_from(data.version).unwrap_or(i32::MAX),
                wrapped_key: data.bytes,
                address_key: address.map(|w| w.bytes),
                blind_index,
            };
            (*index, placement)
        })
        .collect())
}
