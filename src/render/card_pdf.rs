//! The card PDF (being written).
