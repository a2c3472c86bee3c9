//! OpenBao transit backend: written next.
