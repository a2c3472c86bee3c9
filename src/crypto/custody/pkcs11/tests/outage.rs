//! A token that goes away and comes back while the service runs, as a network HSM does when
//! its link is cut: the test token is reached through `tests/keys/cuttable.c`, a PKCS#11 module
//! in front of SoftHSM2 that lists no token and answers CKR_DEVICE_REMOVED while a file exists.

use super::*;
use crate::crypto::custody::{CustodyError, KeyCustody};
use crate::crypto::secret::SecretKey;

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn a_token_cut_off_answers_unavailable_and_is_used_again_once_back() {
    if !in_own_process("outage::a_token_cut_off_answers_unavailable_and_is_used_again_once_back") {
        return;
    }
    let cut_file = std::path::PathBuf::from(env("MUNI_ID_TEST_PKCS11_CUT_FILE"));
    let _ = std::fs::remove_file(&cut_file);
    let mut settings = settings_with(&fresh_prefix(), &the_pin());
    settings.module = env("MUNI_ID_TEST_PKCS11_CUTTABLE_MODULE").into();
    let custody = Scratch(Pkcs11Custody::open(settings).expect("the token opens through the shim"));
    let e = epoch("2027-05");
    let dek = SecretKey::generate();
    let wrapped = custody.wrap(e, "r1", &dek).unwrap();

    std::fs::write(&cut_file, b"").unwrap();
    for _ in 0..2 {
        // Twice: the second call finds no session to reuse and looks for the token again.
        let cut = custody.unwrap("r1", &wrapped);
        assert!(matches!(cut, Err(CustodyError::Unavailable(_))), "{cut:?}");
        let cut = custody.wrap(e, "r2", &dek);
        assert!(matches!(cut, Err(CustodyError::Unavailable(_))), "{cut:?}");
        let cut = custody.check();
        assert!(matches!(cut, Err(CustodyError::Unavailable(_))), "{cut:?}");
        let cut = custody.index_live(b"n");
        assert!(matches!(cut, Err(CustodyError::Unavailable(_))), "{cut:?}");
    }

    std::fs::remove_file(&cut_file).unwrap();
    assert!(custody.check().is_ok());
    assert_eq!(custody.unwrap("r1", &wrapped).unwrap(), dek);
    let again = custody.wrap(e, "r2", &dek).unwrap();
    assert_eq!(custody.unwrap("r2", &again).unwrap(), dek);
    assert_eq!(custody.inventory().unwrap().live, vec![(e, 1)]);
}
