//! Problems that stop a command before any content is judged (exit code 2): a missing
//! root, a folder that is not a site, a file that cannot be read or written.

use super::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fatal {
    RootMissing { path: String },
    NotASite { path: String },
    UnitsMissing { path: String },
    Unreadable { path: String, detail: String },
    Unwritable { path: String, detail: String },
    BadArgument { detail: String },
    ThemeMissing { theme: String },
    Template { detail: String },
}

impl Fatal {
    pub fn text(&self, lang: Lang) -> String {
        use Fatal::*;
        use Lang::{En, Vi};
        match (self, lang) {
            (RootMissing { path }, Vi) => format!("không tìm thấy thư mục site \"{path}\""),
            (RootMissing { path }, En) => format!("the site folder \"{path}\" does not exist"),
            (NotASite { path }, Vi) => format!(
                "\"{path}\" không phải một site bangvang: thiếu content/site.toml (dùng --root để chỉ đúng thư mục, hoặc `bangvang init` để tạo site mới)"
            ),
            (NotASite { path }, En) => format!(
                "\"{path}\" is not a bangvang site: content/site.toml is missing (point --root at the site, or create one with `bangvang init`)"
            ),
            (UnitsMissing { path }, Vi) => format!("thiếu tệp danh sách đơn vị {path}"),
            (UnitsMissing { path }, En) => format!("the units file {path} is missing"),
            (Unreadable { path, detail }, Vi) => format!("không đọc được {path}: {detail}"),
            (Unreadable { path, detail }, En) => format!("cannot read {path}: {detail}"),
            (Unwritable { path, detail }, Vi) => format!("không ghi được {path}: {detail}"),
            (Unwritable { path, detail }, En) => format!("cannot write {path}: {detail}"),
            (BadArgument { detail }, _) => detail.clone(),
            (ThemeMissing { theme }, Vi) => {
                format!("không tìm thấy giao diện \"{theme}\" trong themes/")
            }
            (ThemeMissing { theme }, En) => format!("theme \"{theme}\" not found in themes/"),
            (Template { detail }, Vi) => format!("lỗi mẫu trang: {detail}"),
            (Template { detail }, En) => format!("template error: {detail}"),
        }
    }
}
