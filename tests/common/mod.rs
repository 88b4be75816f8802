//! Test utilities shared by the integration tests.

pub mod province;
