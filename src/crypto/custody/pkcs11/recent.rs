//! Epochs as they were read from the token a moment ago. Finding objects is what costs on a
//! token (C_FindObjects walks its object store), so the request paths (wrap, unwrap, the blind
//! index) reuse what was found for at most [`VIEW_REFRESH`]. Nothing stale is ever used
//! against a destruction: a key object used from here is first confirmed on the token by its
//! CKA_ID (one C_GetAttributeValue), so a key destroyed by another server (its handle gone, or
//! reused by a token for another object) is noticed at once, forgotten, and read afresh.
//! Whatever this process changes on the token empties the store.
//!
//! What another server adds is seen within [`VIEW_REFRESH`]: a new month's keys (the blind
//! index of an enrollment made there in that month) and a rotation's new version (until then
//! data keys are still sealed under the previous version, which stays until the rotation has
//! waited that long: [`crate::crypto::custody::KeyCustody::settle_time`]). The same holds
//! for the ratchet's month (a roll-forward waits as long before it destroys a month).

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use cryptoki::context::Function;
use cryptoki::error::{Error as Pkcs11Error, RvError};
use cryptoki::object::{Attribute, AttributeType, ObjectHandle};
use cryptoki::session::Session;

use super::objects::KeyObject;
use super::state::EpochView;
use super::{Fault, Pkcs11Custody};
use crate::crypto::keyring::Epoch;

/// How long what was found on the token is reused.
pub(super) const VIEW_REFRESH: Duration = Duration::from_secs(2);

#[derive(Default)]
pub(super) struct Recent {
    views: Mutex<HashMap<Epoch, (Instant, Arc<EpochView>)>>,
    /// The epochs this deployment's own objects name (listed or destroyed).
    named: Mutex<Option<(Instant, Arc<BTreeSet<Epoch>>)>>,
    /// The ratchet's month.
    ratchet: Mutex<Option<(Instant, Option<Epoch>)>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

impl Recent {
    pub(super) fn forget(&self, epoch: Epoch) {
        lock(&self.views).remove(&epoch);
    }

    /// Forgets everything (after this process changed the token).
    pub(super) fn clear(&self) {
        lock(&self.views).clear();
        *lock(&self.named) = None;
        *lock(&self.ratchet) = None;
    }
}

/// An epoch's view and whether it came from [`Recent`] (then a key is confirmed before use).
pub(super) struct Held {
    pub view: Arc<EpochView>,
    reused: bool,
}

impl Held {
    /// A view read just now.
    pub(super) fn fresh(view: EpochView) -> Self {
        Self {
            view: Arc::new(view),
            reused: false,
        }
    }

    pub(super) fn is_reused(&self) -> bool {
        self.reused
    }

    /// The key's handle, once the token confirms it still is that key (a reused view only).
    pub(super) fn handle(&self, session: &Session, key: &KeyObject) -> Result<ObjectHandle, Fault> {
        if self.reused {
            confirm(session, key)?;
        }
        Ok(key.handle)
    }
}

/// Whether the handle still names the key object that was found: its CKA_ID is read back. A
/// destroyed object's handle is invalid; a handle a token gave to another object since reads
/// another CKA_ID, and counts as vanished too.
fn confirm(session: &Session, key: &KeyObject) -> Result<(), Fault> {
    let attributes = session.get_attributes(key.handle, &[AttributeType::Id])?;
    match attributes.as_slice() {
        [Attribute::Id(id)] if *id == key.id => Ok(()),
        _ => Err(Fault::Token(Pkcs11Error::Pkcs11(
            RvError::ObjectHandleInvalid,
            Function::GetAttributeValue,
        ))),
    }
}

impl Pkcs11Custody {
    /// The epoch as read within [`VIEW_REFRESH`], or read now.
    pub(super) fn recent_view(&self, session: &Session, epoch: Epoch) -> Result<Held, Fault> {
        if let Some((read, view)) = lock(&self.recent.views).get(&epoch) {
            if read.elapsed() < VIEW_REFRESH {
                return Ok(Held {
                    view: Arc::clone(view),
                    reused: true,
                });
            }
        }
        let view = Arc::new(self.view(session, epoch)?);
        lock(&self.recent.views).insert(epoch, (Instant::now(), Arc::clone(&view)));
        Ok(Held {
            view,
            reused: false,
        })
    }

    /// The epochs this deployment's objects name, as read within [`VIEW_REFRESH`].
    pub(super) fn recent_epochs(&self, session: &Session) -> Result<Arc<BTreeSet<Epoch>>, Fault> {
        if let Some((read, named)) = lock(&self.recent.named).as_ref() {
            if read.elapsed() < VIEW_REFRESH {
                return Ok(Arc::clone(named));
            }
        }
        let named = Arc::new(self.named_epochs(session)?);
        *lock(&self.recent.named) = Some((Instant::now(), Arc::clone(&named)));
        Ok(named)
    }

    /// Puts a view in place as if it was read a moment ago.
    #[cfg(test)]
    pub(super) fn remember_for_test(&self, epoch: Epoch, view: EpochView) {
        lock(&self.recent.views).insert(epoch, (Instant::now(), Arc::new(view)));
    }

    /// The ratchet's month as read within [`VIEW_REFRESH`] (a roll-forward elsewhere waits
    /// that long before it destroys the months it left behind).
    pub(super) fn recent_ratchet(&self, session: &Session) -> Result<Option<Epoch>, Fault> {
        if let Some((read, month)) = *lock(&self.recent.ratchet) {
            if read.elapsed() < VIEW_REFRESH {
                return Ok(month);
            }
        }
        let month = self.read_ratchet(session)?;
        *lock(&self.recent.ratchet) = Some((Instant::now(), month));
        Ok(month)
    }

    /// Runs `work` as the only use of the token in this process; what was read before is
    /// forgotten.
    pub(super) fn changing<T>(
        &self,
        work: impl FnOnce(&Session) -> Result<T, Fault>,
    ) -> Result<T, Fault> {
        // Forgotten before the change lock is released: no reader reuses what was read before.
        self.token.changing(|session| {
            let out = work(session);
            self.recent.clear();
            out
        })
    }
}
