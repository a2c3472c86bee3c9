//! The token: the module loaded once per process, the slot found by its label, and a small
//! pool of logged-in read/write sessions. A PKCS#11 session serves one thread at a time, so a
//! call borrows one from the pool and gives it back; a session the token has lost (unplugged,
//! logged out) is thrown away with every idle one, and the next call opens and logs in anew.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, RwLock};

use cryptoki::context::{CInitializeArgs, CInitializeFlags, Pkcs11};
use cryptoki::error::{Error as Pkcs11Error, RvError};
use cryptoki::session::{Session, SessionState, UserType};
use cryptoki::slot::Slot;
use cryptoki::types::AuthPin;
use zeroize::Zeroizing;

use super::{describe, is_lost, Fault};
use crate::crypto::custody::CustodyError;

/// Idle sessions kept for reuse; more may be open at once under load.
const IDLE_SESSIONS: usize = 8;

pub(super) struct Token {
    context: Pkcs11,
    label: String,
    pin: Zeroizing<String>,
    idle: Mutex<Pool>,
    /// Written (exclusively) while objects are made or destroyed, read by every other use;
    /// shared by every custody on this token in the process. SoftHSM2 answers
    /// CKR_GENERAL_ERROR when one thread of a process makes an object while others use the
    /// token (its file locks are per process); and find-or-create must not make the same key
    /// twice. Changes are rare (a new month, a destruction, a rotation).
    changes: Arc<RwLock<()>>,
}

#[derive(Default)]
struct Pool {
    slot: Option<Slot>,
    sessions: Vec<Session>,
    /// Bumped when a session was lost: sessions borrowed before then are not given back.
    generation: u64,
    /// Whether the token was ever found (then missing means gone for now).
    found: bool,
}

/// The modules loaded in this process.
static MODULES: OnceLock<Mutex<HashMap<PathBuf, Pkcs11>>> = OnceLock::new();

/// At process exit every module is finalised (C_Finalize) before its own clean-up runs: exit
/// handlers run in the reverse order of registration, and a module (and the crypto library it
/// uses) registers its own when it loads, before this one. Without it SoftHSM2 crashes now and
/// then at exit, tearing down state it was never told to release.
extern "C" fn finalize_at_exit() {
    let Some(modules) = MODULES.get() else {
        return;
    };
    // Never wait at exit: a thread that died holding the lock leaves the modules as they are.
    let Ok(mut modules) = modules.try_lock() else {
        return;
    };
    for (_, context) in modules.drain() {
        let _ = context.finalize();
    }
}

fn finalize_modules_at_exit() {
    static REGISTERED: std::sync::Once = std::sync::Once::new();
    REGISTERED.call_once(|| {
        // SAFETY: atexit only records a function pointer; `finalize_at_exit` takes no
        // arguments, never unwinds (it ignores every error) and touches only this module's
        // statics.
        unsafe {
            libc::atexit(finalize_at_exit);
        }
    });
}

/// Every module stays loaded and initialised for the life of the process: C_Initialize is once
/// per process, and several custodies (two deployments, parallel tests) share it. It is
/// finalised at exit.
fn load(module: &Path) -> Result<Pkcs11, CustodyError> {
    let mut modules = MODULES
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(context) = modules.get(module) {
        return Ok(context.clone());
    }
    let context = Pkcs11::new(module).map_err(|e| {
        CustodyError::Failed(format!(
            "the PKCS#11 module {} cannot be loaded: {e}",
            module.display()
        ))
    })?;
    match context.initialize(CInitializeArgs::new(CInitializeFlags::OS_LOCKING_OK)) {
        Ok(()) | Err(Pkcs11Error::Pkcs11(RvError::CryptokiAlreadyInitialized, _)) => {}
        Err(e) => {
            return Err(CustodyError::Failed(format!(
                "the PKCS#11 module {} does not start: {}",
                module.display(),
                describe(&e)
            )))
        }
    }
    modules.insert(module.to_owned(), context.clone());
    finalize_modules_at_exit();
    Ok(context)
}

/// The change lock of a token (by module and label), one per process.
fn change_lock(module: &Path, label: &str) -> Arc<RwLock<()>> {
    type Locks = HashMap<(PathBuf, String), Arc<RwLock<()>>>;
    static LOCKS: OnceLock<Mutex<Locks>> = OnceLock::new();
    let mut locks = LOCKS
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    Arc::clone(
        locks
            .entry((module.to_owned(), label.to_owned()))
            .or_default(),
    )
}

impl Token {
    /// Loads the module, finds the token and logs in once, so a wrong PIN or a missing token
    /// is reported at start-up.
    pub(super) fn open(
        module: &Path,
        label: &str,
        pin: Zeroizing<String>,
    ) -> Result<Self, CustodyError> {
        let token = Self {
            context: load(module)?,
            label: label.to_owned(),
            pin,
            idle: Mutex::default(),
            changes: change_lock(module, label),
        };
        // Beside other uses but no change (SoftHSM2 reads its object store to answer).
        let opened = {
            let _no_change = token.changes.read().unwrap_or_else(|p| p.into_inner());
            token.open_session()
        };
        let session = opened.map_err(|fault| match fault {
            Fault::Token(e) if is_lost(&e) => CustodyError::Failed(format!(
                "the token \"{label}\" cannot be used: {}",
                describe(&e)
            )),
            other => other.into(),
        })?;
        token.give_back(session, 0);
        Ok(token)
    }

    /// The slot holding the token with our label (looked up again after the token was lost:
    /// a token put back may sit in another slot).
    /// A token missing once it was found is gone for now (unplugged, its link cut):
    /// `Unavailable`, and looked for again on the next call.
    fn slot(&self) -> Result<Slot, Fault> {
        if let Some(slot) = self.pool().slot {
            return Ok(slot);
        }
        for slot in self.context.get_slots_with_token()? {
            let info = match self.context.get_token_info(slot) {
                // Taken away between the two calls.
                Err(Pkcs11Error::Pkcs11(RvError::TokenNotPresent, _)) => continue,
                other => other?,
            };
            if info.label().trim_end() == self.label {
                let mut pool = self.pool();
                pool.slot = Some(slot);
                pool.found = true;
                return Ok(slot);
            }
        }
        let missing = format!(
            "no PKCS#11 token is labelled \"{}\" (is it initialised and plugged in?)",
            self.label
        );
        Err(if self.pool().found {
            CustodyError::Unavailable(missing)
        } else {
            CustodyError::Failed(missing)
        }
        .into())
    }

    fn open_session(&self) -> Result<Session, Fault> {
        let session = self.context.open_rw_session(self.slot()?)?;
        self.log_in(&session)?;
        Ok(session)
    }

    /// Logs in (again: a token logged out by another program, or restarted, lists no private
    /// object at all, which must not read as "no keys").
    fn log_in(&self, session: &Session) -> Result<(), Fault> {
        if session.get_session_info()?.session_state() == SessionState::RwUser {
            return Ok(());
        }
        let pin = AuthPin::from(self.pin.as_str().to_owned());
        match session.login(UserType::User, Some(&pin)) {
            Ok(()) | Err(Pkcs11Error::Pkcs11(RvError::UserAlreadyLoggedIn, _)) => Ok(()),
            Err(Pkcs11Error::Pkcs11(rv @ (RvError::PinIncorrect | RvError::PinLocked), _)) => {
                Err(CustodyError::Failed(format!(
                    "the PIN was refused by the token \"{}\" ({rv:?})",
                    self.label
                ))
                .into())
            }
            Err(e) => Err(e.into()),
        }
    }

    fn pool(&self) -> MutexGuard<'_, Pool> {
        self.idle.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn give_back(&self, session: Session, generation: u64) {
        let mut pool = self.pool();
        if pool.generation == generation && pool.sessions.len() < IDLE_SESSIONS {
            pool.sessions.push(session);
        }
    }

    /// Runs `work` on a logged-in session of its own, beside other uses but no change.
    pub(super) fn with_session<T>(
        &self,
        work: impl FnOnce(&Session) -> Result<T, Fault>,
    ) -> Result<T, Fault> {
        let _no_change = self.changes.read().unwrap_or_else(|p| p.into_inner());
        self.on_session(work)
    }

    /// Runs `work` as the only use of the token in this process.
    pub(super) fn changing<T>(
        &self,
        work: impl FnOnce(&Session) -> Result<T, Fault>,
    ) -> Result<T, Fault> {
        let _only_use = self.changes.write().unwrap_or_else(|p| p.into_inner());
        self.on_session(work)
    }

    fn on_session<T>(&self, work: impl FnOnce(&Session) -> Result<T, Fault>) -> Result<T, Fault> {
        let (idle, generation) = {
            let mut pool = self.pool();
            (pool.sessions.pop(), pool.generation)
        };
        let session = match idle {
            Some(session) => self.log_in(&session).map(|()| session),
            None => self.open_session(),
        }
        .inspect_err(|fault| {
            self.forget_if_lost(fault);
        })?;
        let out = work(&session);
        match &out {
            Err(fault) if self.forget_if_lost(fault) => drop(session),
            _ => self.give_back(session, generation),
        }
        out
    }

    /// After a lost session: every idle one is closed and the slot looked up again.
    fn forget_if_lost(&self, fault: &Fault) -> bool {
        let lost = matches!(fault, Fault::Token(e) if is_lost(e));
        if lost {
            let mut pool = self.pool();
            pool.generation += 1;
            pool.sessions.clear();
            pool.slot = None;
        }
        lost
    }
}

/// A custody going away (a server stopping) leaves its idle sessions to the module rather than
/// closing them: it may go away while the process exits, and SoftHSM2 crashes when
/// C_CloseSession runs on one thread while exit tears the module down on another (seen in the
/// test suite, one run in two). The module releases them at C_Finalize, or the process end.
impl Drop for Token {
    fn drop(&mut self) {
        for session in self.pool().sessions.drain(..) {
            std::mem::forget(session);
        }
    }
}
