//! Tests against a SoftHSM2 token (`eval "$(bash tests/keys/softhsm.sh /tmp/hsm)"`, then
//! `cargo test --lib custody::pkcs11 -- --ignored`). Each test has its own label prefix, so
//! they run in parallel on one token; without the token's settings they fail, never pass.

use std::sync::Arc;

use cryptoki::object::{Attribute, AttributeType, ObjectClass};

use super::*;
use crate::crypto::custody::KeyCustody;
use crate::crypto::keyring::Epoch;

mod epochs;
mod outage;
mod signing;

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run `eval \"$(bash tests/keys/softhsm.sh /tmp/hsm)\"` first")
    })
}

fn settings_with(prefix: &str, pin: &str) -> Pkcs11Settings {
    Pkcs11Settings {
        module: env("MUNI_ID_TEST_PKCS11_MODULE").into(),
        token_label: env("MUNI_ID_TEST_PKCS11_TOKEN"),
        pin: Zeroizing::new(pin.to_owned()),
        label_prefix: prefix.to_owned(),
    }
}

fn the_pin() -> String {
    let path = env("MUNI_ID_TEST_PKCS11_PIN_FILE");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the PIN file {path}: {e}"))
        .trim()
        .to_owned()
}

fn fresh_prefix() -> String {
    format!("test-{}/", uuid::Uuid::new_v4())
}

/// A custody on the test token under a label prefix; its objects are destroyed when it is
/// dropped, so the shared token stays small.
struct Scratch(Arc<Pkcs11Custody>);

impl std::ops::Deref for Scratch {
    type Target = Pkcs11Custody;

    fn deref(&self) -> &Pkcs11Custody {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let prefix = self.0.prefix.clone();
        let _ = self.0.token.changing(|s| {
            for handle in s.find_objects(&[Attribute::Token(true)])? {
                let labels = s.get_attributes(handle, &[AttributeType::Label]);
                if let Ok([Attribute::Label(label)]) = labels.as_deref() {
                    if label.starts_with(prefix.as_bytes()) {
                        let _ = s.destroy_object(handle);
                    }
                }
            }
            Ok(())
        });
    }
}

fn open_at(prefix: &str) -> Scratch {
    Scratch(Pkcs11Custody::open(settings_with(prefix, &the_pin())).expect("the test token opens"))
}

fn custody() -> Scratch {
    open_at(&fresh_prefix())
}

fn epoch(id: &str) -> Epoch {
    Epoch::parse(id).unwrap()
}

/// The handles of the objects of `class` labelled `label` (the prefix included).
fn on_token(custody: &Pkcs11Custody, class: ObjectClass, label: &str) -> usize {
    custody
        .token
        .with_session(|s| objects::find(s, class, label))
        .unwrap()
        .len()
}

/// Whether this is the test's own process. A test that logs in or out runs alone in a
/// process (login is shared by every session of a process: another test logged in would hide
/// a wrong PIN, and a logout would disturb the others): it starts itself again, waits, and
/// checks that the run succeeded.
fn in_own_process(test: &str) -> bool {
    const ALONE: &str = "MUNI_ID_TEST_PKCS11_ALONE";
    if std::env::var_os(ALONE).is_some() {
        return true;
    }
    let run = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "--nocapture"])
        .arg(format!("crypto::custody::pkcs11::tests::{test}"))
        .env(ALONE, "1")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{test} failed in a process of its own: {said}"
    );
    // A renamed test would match nothing, and "pass".
    assert!(said.contains("1 passed"), "{test} did not run: {said}");
    false
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn a_wrong_pin_is_refused_clearly_without_showing_it() {
    if !in_own_process("a_wrong_pin_is_refused_clearly_without_showing_it") {
        return;
    }
    let wrong = format!("{}-not", the_pin());
    // SoftHSM2 keeps the token in files that the other tests, in the parent process, write at
    // the same time: reading the token's description mid-write fails with GeneralError, or
    // the token is missing from the list read meanwhile (each seen once in a run on a fresh
    // machine). That is not the refusal under test: look again.
    let read_mid_write = |shown: &str| {
        shown.contains("GetTokenInfo failed: GeneralError")
            || shown.contains("no PKCS#11 token is labelled")
    };
    let mut attempts = 0;
    let error = loop {
        let Err(error) = Pkcs11Custody::open(settings_with(&fresh_prefix(), &wrong)) else {
            panic!("a wrong PIN was accepted");
        };
        attempts += 1;
        if attempts < 10 && read_mid_write(&error.to_string()) {
            std::thread::sleep(std::time::Duration::from_millis(200));
            continue;
        }
        break error;
    };
    let shown = error.to_string();
    println!("a wrong PIN: {shown}");
    assert!(matches!(error, CustodyError::Failed(_)), "{shown}");
    assert!(shown.contains("PIN was refused"), "{shown}");
    assert!(!shown.contains(&wrong), "{shown}");
    let mut missing = settings_with("x/", &the_pin());
    missing.token_label = "no-such-token".into();
    let Err(error) = Pkcs11Custody::open(missing) else {
        panic!("a missing token was found");
    };
    assert!(error.to_string().contains("no-such-token"), "{error}");
    let mut no_module = settings_with("x/", &the_pin());
    no_module.module = "/nonexistent/libpkcs11.so".into();
    let Err(error) = Pkcs11Custody::open(no_module) else {
        panic!("a missing module loaded");
    };
    assert!(error.to_string().contains("cannot be loaded"), "{error}");
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn a_token_logged_out_underneath_is_logged_in_again() {
    if !in_own_process("a_token_logged_out_underneath_is_logged_in_again") {
        return;
    }
    let custody = custody();
    let e = epoch("2027-08");
    let dek = crate::crypto::secret::SecretKey::generate();
    let wrapped = custody.wrap(e, "r1", &dek).unwrap();
    custody.token.with_session(|s| Ok(s.logout()?)).unwrap();
    assert_eq!(custody.inventory().unwrap().live, vec![(e, 1)]);
    assert_eq!(custody.unwrap("r1", &wrapped).unwrap(), dek);
    custody.token.with_session(|s| Ok(s.logout()?)).unwrap();
    assert_eq!(custody.wrap(e, "r2", &dek).unwrap().version, 1);
}

#[test]
fn settings_never_print_the_pin() {
    let settings = Pkcs11Settings {
        module: "/usr/lib/softhsm/libsofthsm2.so".into(),
        token_label: "t".into(),
        pin: Zeroizing::new("1234-secret".into()),
        label_prefix: "p/".into(),
    };
    assert!(!format!("{settings:?}").contains("1234-secret"));
}
