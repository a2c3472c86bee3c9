//! The card QR code (being written).
