//! Vietnamese text: dates, slugs, collation, search folding, initials, and the
//! characters no page can carry.

pub mod collate;
pub mod controls;
pub mod date;
pub mod fold;
pub mod personal;
pub mod slug;
pub mod typed_date;
