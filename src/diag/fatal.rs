//! Problems that stop a command before any content is judged (exit code 2): a missing
//! root, a folder that is not a site, a file that cannot be read or written, an output
//! folder a build may not write into.

use super::Lang;
use crate::text::date::TODAY_VAR;

/// Why an output folder is refused before anything is written (see `output::guard`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The site's own folder, or a folder that holds it.
    SiteRoot,
    /// `content/`, `themes/` or `.cache/` of the site, or a folder inside one.
    Inside { folder: String },
    /// A home folder (`$HOME`, `/root`, `/home`, `/home/NAME`).
    Home,
    /// `/`.
    FileSystemRoot,
    /// A file, not a folder.
    NotAFolder,
}

/// What a file that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    Pipe,
    Socket,
    Device,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fatal {
    RootMissing {
        path: String,
    },
    NotASite {
        path: String,
    },
    UnitsMissing {
        path: String,
    },
    Unreadable {
        path: String,
        detail: String,
    },
    Unwritable {
        path: String,
        detail: String,
    },
    BadArgument {
        detail: String,
    },
    ThemeMissing {
        theme: String,
    },
    Template {
        detail: String,
    },
    /// `--output` leads somewhere a build may not write (`real` is where it leads).
    OutputRefused {
        output: String,
        real: String,
        why: Refusal,
    },
    /// The output folder holds files and no list of the files a build wrote, and
    /// `--force` was not given.
    OutputForeign {
        output: String,
        count: usize,
        examples: Vec<String>,
    },
    /// Files that no build wrote stand where this build must write.
    OutputInTheWay {
        output: String,
        paths: Vec<String>,
    },
    /// A file under `content/` that is not a regular file: never opened.
    NotAFile {
        path: String,
        kind: Special,
    },
    /// A symbolic link under `content/` that leads outside it: never followed.
    LeadsOutside {
        path: String,
        target: String,
    },
    /// `BANGVANG_TODAY` is set to something that is not a date.
    BadToday {
        value: String,
    },
    /// `serve --bind` is not an IP address.
    BadBind {
        value: String,
    },
    /// `build --base-url` cannot be the site's address (see `site_file::base_url_problem`).
    BadBaseUrl {
        value: String,
    },
    /// The port `serve` was asked to listen on is taken.
    PortInUse {
        address: String,
        port: u16,
    },
}

fn refusal_text(why: &Refusal, lang: Lang) -> String {
    match (why, lang) {
        (Refusal::SiteRoot, Lang::Vi) => "đó là thư mục của site hoặc thư mục chứa nó: bản dựng sẽ thay thế chính các tệp của site".into(),
        (Refusal::SiteRoot, Lang::En) => "that is the site's own folder or holds it: a build would replace the site's own files".into(),
        (Refusal::Inside { folder }, Lang::Vi) => format!("đó là {folder}/ của site hoặc nằm trong nó: bản dựng sẽ thay thế những tệp không phải của nó"),
        (Refusal::Inside { folder }, Lang::En) => format!("that is the site's {folder}/ or lies inside it: a build would replace files that are not its own"),
        (Refusal::Home, Lang::Vi) => "đó là thư mục nhà của người dùng".into(),
        (Refusal::Home, Lang::En) => "that is a home folder".into(),
        (Refusal::FileSystemRoot, Lang::Vi) => "đó là thư mục gốc / của hệ thống".into(),
        (Refusal::FileSystemRoot, Lang::En) => "that is the root / of the file system".into(),
        (Refusal::NotAFolder, Lang::Vi) => "đó là một tệp, không phải thư mục".into(),
        (Refusal::NotAFolder, Lang::En) => "that is a file, not a folder".into(),
    }
}

fn special_words(kind: Special, lang: Lang) -> &'static str {
    match (kind, lang) {
        (Special::Pipe, Lang::Vi) => "một ống dẫn có tên (FIFO)",
        (Special::Pipe, Lang::En) => "a named pipe (FIFO)",
        (Special::Socket, Lang::Vi) => "một socket",
        (Special::Socket, Lang::En) => "a socket",
        (Special::Device, Lang::Vi) => "một tệp thiết bị",
        (Special::Device, Lang::En) => "a device file",
        (Special::Other, Lang::Vi) => "một loại tệp đặc biệt",
        (Special::Other, Lang::En) => "a special file",
    }
}

/// The first few of `paths`, then how many more.
pub fn some_of(paths: &[String], count: usize, lang: Lang) -> String {
    let shown = paths.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
    let more = count.saturating_sub(paths.len().min(5));
    match (more, lang) {
        (0, _) => shown,
        (n, Lang::Vi) => format!("{shown} và {n} tệp khác"),
        (n, Lang::En) => format!("{shown} and {n} more"),
    }
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
            (OutputRefused { output, real, why }, Vi) => format!(
                "không xây dựng vào --output {output} (tức {real}): {}. Hãy chọn một thư mục riêng cho trang web, như output/ hoặc public/ trong thư mục site",
                refusal_text(why, Vi)
            ),
            (OutputRefused { output, real, why }, En) => format!(
                "not building into --output {output} ({real}): {}. Choose a folder of the site's own, such as output/ or public/ in the site's folder",
                refusal_text(why, En)
            ),
            (
                OutputForeign {
                    output,
                    count,
                    examples,
                },
                Vi,
            ) => format!(
                "thư mục {output} đã có {count} tệp không do bangvang ghi ({}): bangvang không xây dựng vào đó để khỏi xoá nhầm. Hãy chọn một thư mục trống hoặc chưa có, hoặc thêm --force để vẫn xây dựng vào đó (các tệp ấy được giữ nguyên)",
                some_of(examples, *count, Vi)
            ),
            (
                OutputForeign {
                    output,
                    count,
                    examples,
                },
                En,
            ) => format!(
                "the folder {output} holds {count} files that no bangvang build wrote ({}): bangvang does not build into it, so as not to delete them. Choose an empty or new folder, or add --force to build there anyway (those files are left in place)",
                some_of(examples, *count, En)
            ),
            (OutputInTheWay { output, paths }, Vi) => format!(
                "trong {output} có tệp không do bangvang ghi nằm đúng chỗ bản dựng cần ghi: {}; bangvang không thay thế chúng. Hãy chuyển chúng đi rồi xây dựng lại; thư mục output giữ nguyên",
                some_of(paths, paths.len(), Vi)
            ),
            (OutputInTheWay { output, paths }, En) => format!(
                "{output} holds files that no bangvang build wrote where this build must write: {}; bangvang does not replace them. Move them away and build again; the output folder is unchanged",
                some_of(paths, paths.len(), En)
            ),
            (NotAFile { path, kind }, Vi) => format!(
                "{path} không phải tệp thường mà là {}: bangvang không mở nó (đọc nó có thể phải chờ mãi). Hãy xoá nó hoặc thay bằng một tệp thường",
                special_words(*kind, Vi)
            ),
            (NotAFile { path, kind }, En) => format!(
                "{path} is not a regular file but {}: bangvang never opens one (reading it could wait forever). Delete it or put a regular file there",
                special_words(*kind, En)
            ),
            (LeadsOutside { path, target }, Vi) => format!(
                "{path} là liên kết (symlink) trỏ ra ngoài content/, tới {target}: bangvang không đọc gì ngoài content/ và themes/. Hãy chép tệp vào content/ thay cho liên kết"
            ),
            (LeadsOutside { path, target }, En) => format!(
                "{path} is a symbolic link leading outside content/, to {target}: bangvang reads nothing outside content/ and themes/. Copy the file into content/ instead of linking it"
            ),
            (BadToday { value }, Vi) => format!(
                "biến môi trường {TODAY_VAR} = \"{value}\" không phải một ngày dạng 2024-11-20"
            ),
            (BadToday { value }, En) => format!(
                "the environment variable {TODAY_VAR} = \"{value}\" is not a date like 2024-11-20"
            ),
            (BadBind { value }, Vi) => {
                format!("--bind {value}: không phải một địa chỉ IP (ví dụ 127.0.0.1 hoặc 0.0.0.0)")
            }
            (BadBind { value }, En) => {
                format!("--bind {value}: not an IP address (e.g. 127.0.0.1 or 0.0.0.0)")
            }
            (BadBaseUrl { value }, Vi) => format!(
                "--base-url \"{value}\" không dùng được: ví dụ \"/\", \"/thi-dua/\" hoặc \"https://intranet.example/thi-dua/\""
            ),
            (BadBaseUrl { value }, En) => format!(
                "--base-url \"{value}\" cannot be used: e.g. \"/\", \"/thi-dua/\" or \"https://intranet.example/thi-dua/\""
            ),
            (PortInUse { address, port }, Vi) => format!(
                "cổng {port} trên {address} đang có chương trình khác dùng (có thể là một `bangvang serve` khác): tắt chương trình đó, hoặc chọn cổng khác, ví dụ `bangvang serve --port {}`",
                port.saturating_add(1)
            ),
            (PortInUse { address, port }, En) => format!(
                "port {port} on {address} is in use by another program (perhaps another `bangvang serve`): stop it, or choose another port, e.g. `bangvang serve --port {}`",
                port.saturating_add(1)
            ),
        }
    }
}
