//! Facts derived once from the model and used alike by checking, rendering and the
//! Council's documents: a profile's status, and (as they come) a person's years and a
//! unit's period. Nothing here judges a file or writes words.

pub mod consent;
pub mod status;
