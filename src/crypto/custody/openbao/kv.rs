//! Small state documents in a KV v2 mount, beside the transit keys: an epoch's destroyed
//! marker, the ratchet month, the card-signing keys' standing. Every change is a
//! check-and-set write (`options.cas`), so two instances changing one document at once never
//! lose each other's change: the loser re-reads and applies its change again.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::api::ApiError;
use super::{ApiFault, OpenBaoCustody};

/// How often a change is re-applied after losing a check-and-set race before giving up.
const CAS_ATTEMPTS: usize = 8;

/// What a change decided.
pub(super) enum Change<T, R> {
    /// Write this document, then answer `R`.
    Write(T, R),
    /// Leave the document as it is and answer `R`.
    Keep(R),
}

#[derive(Serialize)]
struct CasWrite<'a, T> {
    options: CasOptions,
    data: &'a T,
}

#[derive(Serialize)]
struct CasOptions {
    cas: u64,
}

impl OpenBaoCustody {
    fn kv_data_path(&self, name: &str) -> String {
        format!("{}/data/{}{name}", self.kv_mount, self.prefix)
    }

    /// A document and its version (0: there is none).
    pub(super) fn kv_read<T: DeserializeOwned>(
        &self,
        name: &str,
    ) -> Result<(Option<T>, u64), ApiError> {
        let body = match self.api.get(&self.kv_data_path(name)) {
            Err(ApiError::NotFound) => return Ok((None, 0)),
            other => other?,
        };
        let version = body
            .pointer("/data/metadata/version")
            .and_then(Value::as_u64)
            .unwrap_or(0);
        match body.pointer("/data/data") {
            None | Some(Value::Null) => Ok((None, version)),
            Some(data) => serde_json::from_value(data.clone())
                .map(|doc| (Some(doc), version))
                .map_err(|e| ApiError::Failed(format!("the document {name} is damaged: {e}"))),
        }
    }

    /// The names of the documents under `folder` (relative to the prefix, ending in `/`).
    pub(super) fn kv_list(&self, folder: &str) -> Result<Vec<String>, ApiError> {
        self.api.list(&format!(
            "{}/metadata/{}{folder}",
            self.kv_mount, self.prefix
        ))
    }

    /// Writes `doc` if the document is still at `version`; false when someone else wrote first.
    fn kv_write<T: Serialize>(&self, name: &str, doc: &T, version: u64) -> Result<bool, ApiError> {
        let body = CasWrite {
            options: CasOptions { cas: version },
            data: doc,
        };
        match self.api.post(&self.kv_data_path(name), &body) {
            Ok(_) => Ok(true),
            Err(ApiError::Rejected { message, .. }) if message.contains("check-and-set") => {
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    /// Applies `change` to the document as it is now, and writes the result with
    /// check-and-set; when another writer came first, reads again and re-applies.
    pub(super) fn kv_update<T, R, E>(
        &self,
        name: &str,
        mut change: impl FnMut(Option<T>) -> Result<Change<T, R>, E>,
    ) -> Result<R, E>
    where
        T: Serialize + DeserializeOwned,
        E: ApiFault,
    {
        let what = format!("updating {}{name}", self.prefix);
        for _ in 0..CAS_ATTEMPTS {
            let (doc, version) = self.kv_read(name).map_err(|e| E::from_api(e, &what))?;
            match change(doc)? {
                Change::Keep(out) => return Ok(out),
                Change::Write(doc, out) => {
                    if self
                        .kv_write(name, &doc, version)
                        .map_err(|e| E::from_api(e, &what))?
                    {
                        return Ok(out);
                    }
                }
            }
        }
        Err(E::from_api(
            ApiError::Failed("other writers kept changing it; try again".into()),
            &what,
        ))
    }
}
