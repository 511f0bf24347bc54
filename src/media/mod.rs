//! Media a build publishes beside the pages, each an artifact cached by the content it is
//! made from and made in parallel: the photos and the files beside stories; and what
//! checking must know of them first (`verify`: does each image decode). Knows nothing
//! of pages.

pub mod photos;
pub mod story_files;
pub mod verify;
