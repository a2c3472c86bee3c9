//! PKCS#11 backend: written next.
