//! Facts derived once from the model and used alike by checking, rendering and the
//! Council's documents: a profile's status, what its person consented to, a unit's
//! period and line, a person's years, the organisation's name on a day. Nothing here
//! judges a file or writes words.

pub mod addresses;
pub mod consent;
pub mod order;
pub mod organisation;
pub mod people;
pub mod status;
pub mod units;
