//! The sample company (placeholder replaced below).
