//! Reading content: files → typed model with source places. Knows nothing of rules or HTML.

pub mod discover;
pub mod edit;
pub mod frontmatter;
pub mod load;
pub mod model;
pub mod pack;
pub mod placeholders;
pub mod plan_file;
pub mod profile_file;
pub mod reader;
pub mod regular;
pub mod reread;
pub mod site_file;
pub mod skeleton;
pub mod source;
pub mod story;
pub mod story_files;
pub mod story_html;
pub mod story_refs;
pub mod toml_doc;
pub mod toml_error;
