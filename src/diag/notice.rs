//! What a command says along the way that is neither a diagnostic nor a failure: a build
//! waiting for another, files of someone else's left in place, a leftover not cleaned.

use super::Lang;
use super::fatal::some_of;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Another build holds the lock of the folder the output is in.
    Waiting { folder: String },
    /// Files in the output that no build wrote, left where they are.
    ForeignKept {
        output: String,
        count: usize,
        examples: Vec<String>,
    },
    /// What an earlier build left beside the output could not all be removed.
    LeftoverKept { path: String, detail: String },
    /// More writes failed than were printed.
    MoreUnwritable { count: usize },
}

impl Notice {
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Vi};
        use Notice::*;
        match (self, lang) {
            (Waiting { folder }, Vi) => {
                format!("một lần xây dựng khác đang ghi vào {folder}: đang chờ nó kết thúc…")
            }
            (Waiting { folder }, En) => {
                format!("another build is writing into {folder}: waiting for it to finish…")
            }
            (
                ForeignKept {
                    output,
                    count,
                    examples,
                },
                Vi,
            ) => format!(
                "ghi chú: {count} tệp trong {output} không do bangvang ghi, được giữ nguyên: {}",
                some_of(examples, *count, Vi)
            ),
            (
                ForeignKept {
                    output,
                    count,
                    examples,
                },
                En,
            ) => format!(
                "note: {count} files in {output} that no bangvang build wrote are left in place: {}",
                some_of(examples, *count, En)
            ),
            (LeftoverKept { path, detail }, Vi) => format!(
                "ghi chú: chưa dọn hết {path} (phần còn lại của một lần xây dựng): {detail}; lần xây dựng sau sẽ thử lại"
            ),
            (LeftoverKept { path, detail }, En) => format!(
                "note: could not remove all of {path} (left by a build): {detail}; the next build tries again"
            ),
            (MoreUnwritable { count }, Vi) => format!("… và {count} tệp khác không ghi được"),
            (MoreUnwritable { count }, En) => {
                format!("… and {count} more files could not be written")
            }
        }
    }
}
