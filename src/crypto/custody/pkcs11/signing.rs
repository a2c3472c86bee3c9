//! The card-signing keys on the token: ES256 with CKM_ECDSA over a SHA-256 computed here.
//! Only the current key keeps its private half; a rotation destroys the old private half and
//! keeps its public key, so it still verifies what it signed.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use cryptoki::mechanism::Mechanism;
use cryptoki::session::Session;
use sha2::{Digest, Sha256};

use super::signing_keys::{fixed_signature, Standing};
use super::{Fault, Pkcs11Custody};
use crate::crypto::custody::{Generation, SigningCustody, SigningKeyRecord};
use crate::crypto::signing::{KeyId, Revocation, SigningKeyError};

impl Pkcs11Custody {
    /// Retires every key that still signs (its private half destroyed) and starts a new one:
    /// the new one first, so a crash in between leaves a key that signs.
    fn retire_and_start(&self, session: &Session, now: DateTime<Utc>) -> Result<KeyId, Fault> {
        let signing: Vec<(KeyId, Standing)> = self
            .standings(session)?
            .into_iter()
            .filter(|(_, standing)| standing.revoked_at.is_none())
            .collect();
        let fresh = self.new_pair(session, now)?;
        for (kid, standing) in signing {
            if let Some(private) = self.private_key(session, &kid)? {
                let retired = Standing {
                    retired_at: Some(now),
                    ..standing
                };
                self.add_standing(session, &kid, &retired)?;
                session.destroy_object(private)?;
            }
        }
        Ok(fresh)
    }

    fn revoke_key(
        &self,
        session: &Session,
        kid: &KeyId,
        now: DateTime<Utc>,
    ) -> Result<Revocation, Fault> {
        let shown = URL_SAFE_NO_PAD.encode(kid);
        let standing = self
            .standings(session)?
            .remove(kid)
            .ok_or_else(|| SigningKeyError::UnknownKey(shown.clone()))?;
        if standing.revoked_at.is_some() {
            return Err(SigningKeyError::AlreadyRevoked(shown).into());
        }
        // The revocation is written before the private half is destroyed: a crash in between
        // leaves the key revoked (and `sign` refuses a revoked key).
        let revoked = Standing {
            revoked_at: Some(now),
            ..standing
        };
        self.add_standing(session, kid, &revoked)?;
        let private = self.private_key(session, kid)?;
        let was_current = private.is_some();
        if let Some(private) = private {
            session.destroy_object(private)?;
        }
        let new_current = if was_current {
            Some(self.retire_and_start(session, now)?)
        } else {
            None
        };
        Ok(Revocation {
            revoked: *kid,
            was_current,
            new_current,
        })
    }
}

impl SigningCustody for Pkcs11Custody {
    fn describe(&self) -> String {
        self.description.clone()
    }

    fn generation(&self) -> Generation {
        Generation::Unknown
    }

    fn keys(&self) -> Result<Vec<SigningKeyRecord>, SigningKeyError> {
        let mut records = self.token.with_session(|s| {
            let standings = self.standings(s)?;
            standings
                .iter()
                .map(|(kid, standing)| self.record(s, kid, standing))
                .collect::<Result<Vec<_>, Fault>>()
        })?;
        records.sort_by_key(|r| r.created_at);
        Ok(records)
    }

    fn sign(&self, kid: &KeyId, message: &[u8]) -> Result<[u8; 64], SigningKeyError> {
        let digest = Sha256::digest(message);
        let unknown = || SigningKeyError::UnknownKey(hex::encode(kid));
        Ok(self.token.with_session(|s| {
            let standing = self.standings(s)?.remove(kid).ok_or_else(unknown)?;
            if standing.revoked_at.is_some() {
                return Err(unknown().into());
            }
            let private = self.private_key(s, kid)?.ok_or_else(unknown)?;
            let raw = s.sign(&Mechanism::Ecdsa, private, &digest)?;
            fixed_signature(&raw).ok_or_else(|| {
                SigningKeyError::Failed(format!("an ECDSA signature of {} bytes", raw.len())).into()
            })
        })?)
    }

    fn ensure_key(&self, now: DateTime<Utc>) -> Result<bool, SigningKeyError> {
        Ok(self.token.changing(|s| {
            for (kid, standing) in self.standings(s)? {
                if standing.revoked_at.is_none() && self.private_key(s, &kid)?.is_some() {
                    return Ok(false);
                }
            }
            self.new_pair(s, now)?;
            Ok(true)
        })?)
    }

    fn rotate(&self, now: DateTime<Utc>) -> Result<KeyId, SigningKeyError> {
        Ok(self.token.changing(|s| self.retire_and_start(s, now))?)
    }

    fn revoke(&self, kid: &KeyId, now: DateTime<Utc>) -> Result<Revocation, SigningKeyError> {
        Ok(self.token.changing(|s| self.revoke_key(s, kid, now))?)
    }

    fn adopt_public(
        &self,
        record: &SigningKeyRecord,
        now: DateTime<Utc>,
    ) -> Result<(), SigningKeyError> {
        Ok(self.token.changing(|s| {
            if self.standings(s)?.contains_key(&record.kid) {
                return Ok(());
            }
            self.import_public(s, record)?;
            let standing = Standing {
                created_at: record.created_at,
                retired_at: Some(record.retired_at.unwrap_or(now)),
                revoked_at: record.revoked_at,
            };
            self.add_standing(s, &record.kid, &standing)
        })?)
    }
}
