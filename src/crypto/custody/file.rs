//! File backend: written next.
