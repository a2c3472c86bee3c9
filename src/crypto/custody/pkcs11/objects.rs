//! Finding, making and destroying objects on the token: the few templates this backend uses.
//! Keys are made on the token, private, sensitive and not extractable; their CKA_ID is the key
//! version (4 bytes, big-endian) followed by 12 random bytes, so ordering by CKA_ID orders by
//! version, and two objects of one version (made by two processes at once) order the same way
//! everywhere.

use cryptoki::error::{Error as Pkcs11Error, RvError};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, AttributeType, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::Session;
use cryptoki::types::Ulong;
use rand::RngCore;

use super::Fault;

/// A key object and the version its CKA_ID carries.
#[derive(Debug, Clone)]
pub(super) struct KeyObject {
    pub handle: ObjectHandle,
    pub version: u32,
    pub id: Vec<u8>,
}

/// A fresh CKA_ID for a key of `version`.
fn key_id_for(version: u32) -> Vec<u8> {
    let mut id = version.to_be_bytes().to_vec();
    let mut random = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut random);
    id.extend_from_slice(&random);
    id
}

fn version_of(id: &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(id.get(..4)?.try_into().ok()?))
}

/// The attributes of an object, or `None` when it was destroyed since it was found (by another
/// thread or server).
fn attributes(
    session: &Session,
    handle: ObjectHandle,
    wanted: &[AttributeType],
) -> Result<Option<Vec<Attribute>>, Fault> {
    match session.get_attributes(handle, wanted) {
        Ok(attributes) => Ok(Some(attributes)),
        Err(Pkcs11Error::Pkcs11(RvError::ObjectHandleInvalid, _)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The objects of `class` labelled `label`.
pub(super) fn find(
    session: &Session,
    class: ObjectClass,
    label: &str,
) -> Result<Vec<ObjectHandle>, Fault> {
    let template = [
        Attribute::Class(class),
        Attribute::Token(true),
        Attribute::Label(label.as_bytes().to_vec()),
    ];
    Ok(session.find_objects(&template)?)
}

/// The secret keys labelled `label`, ordered by CKA_ID (version, then the random part).
/// An object whose CKA_ID carries no version is not ours and is left out.
pub(super) fn keys_labelled(session: &Session, label: &str) -> Result<Vec<KeyObject>, Fault> {
    let mut keys = Vec::new();
    for handle in find(session, ObjectClass::SECRET_KEY, label)? {
        let attributes = attributes(session, handle, &[AttributeType::Id])?.unwrap_or_default();
        if let Some(Attribute::Id(id)) = attributes.into_iter().next() {
            if let Some(version) = version_of(&id) {
                keys.push(KeyObject {
                    handle,
                    version,
                    id,
                });
            }
        }
    }
    keys.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(keys)
}

/// Which secret key to make.
#[derive(Debug, Clone, Copy)]
pub(super) enum SecretKind {
    /// An AES-256 key that encrypts and decrypts (a key-encryption key).
    Aes,
    /// A 32-byte HMAC key that signs (a blind-index key).
    Hmac,
}

/// Makes a secret key on the token: private, sensitive, never extractable.
pub(super) fn generate_secret(
    session: &Session,
    kind: SecretKind,
    label: &str,
    version: u32,
) -> Result<KeyObject, Fault> {
    let id = key_id_for(version);
    let mut template = vec![
        Attribute::Class(ObjectClass::SECRET_KEY),
        Attribute::Token(true),
        Attribute::Private(true),
        Attribute::Sensitive(true),
        Attribute::Extractable(false),
        Attribute::ValueLen(Ulong::from(32)),
        Attribute::Label(label.as_bytes().to_vec()),
        Attribute::Id(id.clone()),
    ];
    let mechanism = match kind {
        SecretKind::Aes => {
            template.extend([
                Attribute::KeyType(KeyType::AES),
                Attribute::Encrypt(true),
                Attribute::Decrypt(true),
            ]);
            Mechanism::AesKeyGen
        }
        SecretKind::Hmac => {
            template.extend([
                Attribute::KeyType(KeyType::GENERIC_SECRET),
                Attribute::Sign(true),
            ]);
            Mechanism::GenericSecretKeyGen
        }
    };
    let handle = session.generate_key(&mechanism, &template)?;
    Ok(KeyObject {
        handle,
        version,
        id,
    })
}

/// The label and value of every data object of `application` on the token.
pub(super) fn data_objects(
    session: &Session,
    application: &[u8],
) -> Result<Vec<(String, Vec<u8>)>, Fault> {
    let template = [
        Attribute::Class(ObjectClass::DATA),
        Attribute::Token(true),
        Attribute::Application(application.to_vec()),
    ];
    let mut objects = Vec::new();
    for handle in session.find_objects(&template)? {
        let (mut label, mut value) = (Vec::new(), Vec::new());
        let wanted = [AttributeType::Label, AttributeType::Value];
        let Some(found) = attributes(session, handle, &wanted)? else {
            continue;
        };
        for attribute in found {
            match attribute {
                Attribute::Label(l) => label = l,
                Attribute::Value(v) => value = v,
                _ => {}
            }
        }
        objects.push((String::from_utf8_lossy(&label).into_owned(), value));
    }
    Ok(objects)
}

/// The values of the data objects labelled `label`.
pub(super) fn data_values(session: &Session, label: &str) -> Result<Vec<Vec<u8>>, Fault> {
    let mut values = Vec::new();
    for handle in find(session, ObjectClass::DATA, label)? {
        let found = attributes(session, handle, &[AttributeType::Value])?.unwrap_or_default();
        for attribute in found {
            if let Attribute::Value(value) = attribute {
                values.push(value);
            }
        }
    }
    Ok(values)
}

/// Keeps a small private value on the token.
pub(super) fn create_data(
    session: &Session,
    application: &[u8],
    label: &str,
    value: &[u8],
) -> Result<(), Fault> {
    session.create_object(&[
        Attribute::Class(ObjectClass::DATA),
        Attribute::Token(true),
        Attribute::Private(true),
        Attribute::Application(application.to_vec()),
        Attribute::Label(label.as_bytes().to_vec()),
        Attribute::Value(value.to_vec()),
    ])?;
    Ok(())
}
