//! Turning data into pictures and documents: the stored card photo (later the card PDF, QR
//! code and report PDF).

pub mod photo;
