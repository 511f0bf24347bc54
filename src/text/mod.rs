//! Vietnamese text: dates, slugs, collation, search folding, initials.

pub mod collate;
pub mod date;
pub mod fold;
pub mod personal;
pub mod slug;
