//! Media a build publishes beside the pages, each an artifact cached by the content it is
//! made from and made in parallel: today the photos. Knows nothing of pages.

pub mod photos;
