//! How fast the backend answers (`cargo test --lib custody::openbao::rates -- --ignored
//! --nocapture`): one call at a time, and batches.

use std::time::Instant;

use chrono::Utc;

use super::tests::{custody, epoch};
use crate::crypto::custody::{KeyCustody, SigningCustody, WrappedKey};
use crate::crypto::secret::SecretKey;

/// Calls per second of `f` run `n` times.
fn rate(n: usize, mut f: impl FnMut(usize)) -> f64 {
    let started = Instant::now();
    for i in 0..n {
        f(i);
    }
    n as f64 / started.elapsed().as_secs_f64()
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn rates() {
    let custody = custody();
    let e = epoch("2027-01");
    let key = SecretKey::generate();
    let wrapped = custody.wrap(e, "r", &key).unwrap();
    let n = 300;
    let wrap = rate(n, |_| drop(custody.wrap(e, "r", &key).unwrap()));
    let unwrap = rate(n, |_| drop(custody.unwrap("r", &wrapped).unwrap()));
    let index = rate(n, |i| drop(custody.index(e, &i.to_le_bytes()).unwrap()));
    custody.ensure_key(Utc::now()).unwrap();
    let kid = custody.keys().unwrap()[0].kid;
    let sign = rate(n, |_| {
        custody.sign(&kid, b"a card token").unwrap();
    });
    let ids: Vec<String> = (0..6000).map(|i| format!("record-{i}")).collect();
    let keys: Vec<(&str, &SecretKey)> = ids.iter().map(|id| (id.as_str(), &key)).collect();
    let started = Instant::now();
    let all = custody.wrap_many(e, &keys).unwrap();
    let wrap_many = keys.len() as f64 / started.elapsed().as_secs_f64();
    let asked: Vec<(&str, &WrappedKey)> = ids.iter().map(String::as_str).zip(&all).collect();
    let started = Instant::now();
    assert!(custody
        .unwrap_many(&asked)
        .unwrap()
        .iter()
        .all(Result::is_ok));
    let unwrap_many = keys.len() as f64 / started.elapsed().as_secs_f64();
    println!(
        "openbao (this build): wrap {wrap:.0}/s, unwrap {unwrap:.0}/s, index {index:.0}/s, \
         sign {sign:.0}/s, wrap_many {wrap_many:.0}/s, unwrap_many {unwrap_many:.0}/s"
    );
}
