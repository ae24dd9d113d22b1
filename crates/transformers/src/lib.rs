//! Transformer backend.
