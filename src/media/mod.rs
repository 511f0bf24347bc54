//! Media a build publishes beside the pages, each an artifact cached by the content it is
//! made from and made in parallel: the photos and the files beside stories, share cards
//! and QR codes; and what checking must know of them first (`verify`: does each image
//! decode). Knows nothing of pages.

pub mod cards;
pub mod photos;
pub mod progress;
pub mod qr;
pub mod store;
pub mod story_files;
pub mod verify;
