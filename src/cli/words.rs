//! The words of the command line, in Vietnamese and English: one line per command
//! (`"build"`, `""` for the program) and per flag or argument (`"build --root"`,
//! `"--lang"` for the flags of every command). A command or flag added to `cli.rs` is
//! added here too; `cli::tests` fails while one lacks a text. Default values and the
//! values a flag takes are added to its text by `localize`, from clap's own knowledge.

/// `(key, Vietnamese, English)`.
pub const HELP: &[(&str, &str, &str)] = &[
    (
        "",
        "Bảng vàng: kiểm tra hồ sơ điển hình tiên tiến theo kế hoạch của năm và xây dựng trang web tôn vinh",
        "Bảng vàng: checks exemplar profiles against the year's plan and builds the honour-roll website",
    ),
    (
        "--lang",
        "Ngôn ngữ của thông báo: vi (tiếng Việt) hoặc en (tiếng Anh); mặc định theo `language` trong content/site.toml",
        "Language of messages: vi (Vietnamese) or en (English); by default the `language` of content/site.toml",
    ),
    ("--help", "In hướng dẫn này", "Print this help"),
    ("--version", "In số phiên bản", "Print the version"),
    (
        "build",
        "Kiểm tra mọi hồ sơ, rồi xây dựng trang web vào thư mục output/",
        "Check every profile, then build the site into output/",
    ),
    (
        "build --root",
        "Thư mục của site (thư mục chứa content/)",
        "The site's folder (the one holding content/)",
    ),
    (
        "build --output",
        "Nơi ghi trang web; mặc định là thư mục output/ trong thư mục của site",
        "Where to write the site; by default output/ in the site's folder",
    ),
    (
        "build --base-url",
        "Địa chỉ sẽ phục vụ trang web, thay cho base_url của site.toml: /, /thi-dua/ hoặc https://…",
        "The address the site will be served from, instead of site.toml's base_url: /, /thi-dua/ or https://…",
    ),
    (
        "build --drafts",
        "Đăng cả hồ sơ đang chờ xét, có ghi rõ «đang chờ xét»",
        "Also publish pending nominations, marked as pending",
    ),
    (
        "build --timings",
        "In thời gian của từng bước xây dựng",
        "Print where the time went, step by step",
    ),
    (
        "build --force",
        "Xây dựng cả vào một thư mục đang có tệp không do bangvang ghi (các tệp đó được giữ nguyên, không bao giờ bị xoá)",
        "Build into a folder that holds files no build wrote (they are kept, never deleted)",
    ),
    (
        "check",
        "Kiểm tra mọi hồ sơ theo kế hoạch của năm; không ghi gì",
        "Check every profile against its year's plan; write nothing",
    ),
    (
        "check --root",
        "Thư mục của site (thư mục chứa content/)",
        "The site's folder (the one holding content/)",
    ),
    (
        "check --format",
        "Cách in kết quả: human (để người đọc) hoặc json (cho chương trình khác)",
        "How to print the results: human (for people) or json (for other programs)",
    ),
    (
        "check --consent",
        "In sổ đồng ý (ảnh và câu chuyện: ai đã đồng ý, từ ngày nào, ai đã rút lại) thay cho các lỗi",
        "Print the consent register (photos and stories: who agreed, since when, who withdrew) instead of the diagnostics",
    ),
    (
        "serve",
        "Xây dựng trang web, phục vụ trên máy này, dựng lại mỗi khi lưu tệp và tải lại các trang đang mở",
        "Build the site, serve it on this machine, rebuild on every save and reload open pages",
    ),
    (
        "serve --root",
        "Thư mục của site (thư mục chứa content/)",
        "The site's folder (the one holding content/)",
    ),
    ("serve --port", "Cổng để phục vụ", "The port to serve on"),
    (
        "serve --bind",
        "Địa chỉ IP để phục vụ; với 127.0.0.1 chỉ máy này mở được trang",
        "The IP address to serve on; with 127.0.0.1 only this machine can open the pages",
    ),
    (
        "new",
        "Tạo hồ sơ mẫu theo kế hoạch của năm, đủ các tiêu chí, để điền vào",
        "Write a profile skeleton from the year's plan, every criterion present, to fill in",
    ),
    (
        "new --target",
        "Năm và tên tệp của hồ sơ, ví dụ 2024/nguyen-van-an (chữ thường, không dấu, nối bằng dấu -)",
        "The year and file name of the profile, e.g. 2024/nguyen-van-an (lowercase, no tones, joined by -)",
    ),
    (
        "new --kind",
        "Loại hồ sơ: collective (tập thể), leader (lãnh đạo, quản lý) hoặc staff (công chức, viên chức, người lao động)",
        "The kind of profile: collective, leader or staff",
    ),
    (
        "new --unit",
        "Mã đơn vị trong content/units.toml",
        "The unit's id in content/units.toml",
    ),
    (
        "new --name",
        "Họ và tên (với tập thể: tên đơn vị)",
        "The person's full name (for a collective: the unit's name)",
    ),
    (
        "new --root",
        "Thư mục của site (thư mục chứa content/)",
        "The site's folder (the one holding content/)",
    ),
    (
        "init",
        "Tạo một site mới trong DIR: site.toml, units.toml, kế hoạch của năm nay và giao diện",
        "Create a new site in DIR: site.toml, units.toml, this year's plan and the theme",
    ),
    (
        "init --dir",
        "Thư mục của site mới",
        "The new site's folder",
    ),
    (
        "import",
        "Tạo hồ sơ mẫu từ bảng tính danh sách đề nghị của các đơn vị (.xlsx, .ods, .csv); dòng nào có lỗi thì không ghi tệp nào",
        "Write profile skeletons from the units' nominations spreadsheet (.xlsx, .ods, .csv); any row with an error and nothing is written",
    ),
    (
        "import --file",
        "Bảng tính: .xlsx, .xls, .ods hoặc .csv (UTF-8, có hoặc không có BOM)",
        "The spreadsheet: .xlsx, .xls, .ods or .csv (UTF-8, with or without a BOM)",
    ),
    (
        "import --year",
        "Năm của các hồ sơ đề nghị (theo kế hoạch content/NĂM/_plan.toml)",
        "The year of the nominations (its plan content/YEAR/_plan.toml)",
    ),
    (
        "import --sheet",
        "Tên trang tính cần đọc; mặc định là trang đầu tiên",
        "The sheet to read; by default the first",
    ),
    (
        "import --root",
        "Thư mục của site (thư mục chứa content/)",
        "The site's folder (the one holding content/)",
    ),
    (
        "council",
        "Tạo văn bản cho cuộc họp Hội đồng Thi đua - Khen thưởng của năm (danh sách đề nghị, phiếu bầu, biên bản kiểm phiếu, dự thảo quyết định), dạng Word và trang để in, trong hoi-dong/NĂM/",
        "Write the documents of the year's Council meeting (summary list, ballot, counting minutes, draft decision) as Word files and pages to print, in hoi-dong/YEAR/",
    ),
    (
        "council --year",
        "Năm của các hồ sơ đề nghị, ví dụ 2024",
        "The year of the nominations, e.g. 2024",
    ),
    (
        "council --root",
        "Thư mục của site (thư mục chứa content/)",
        "The site's folder (the one holding content/)",
    ),
    (
        "council --output",
        "Nơi ghi văn bản; mặc định là hoi-dong/NĂM trong thư mục của site (không bao giờ trong content/ hay output/)",
        "Where to write them; by default hoi-dong/YEAR in the site's folder (never inside content/ or output/)",
    ),
    (
        "council --date",
        "Ngày ghi trên các văn bản, ví dụ 05/12/2024; mặc định: biên bản ghi ngày bỏ phiếu, các văn bản khác để trống ngày",
        "The date the documents carry, e.g. 05/12/2024; by default the minutes carry the vote's day, the others leave it blank",
    ),
    (
        "council --force",
        "Thay cả văn bản đã được sửa tay sau lần bangvang tạo trước",
        "Replace documents edited by hand since bangvang wrote them",
    ),
    (
        "help",
        "In hướng dẫn của chương trình, hoặc của một lệnh",
        "Print the help of the program, or of one command",
    ),
    (
        "help --command",
        "Lệnh cần xem hướng dẫn, ví dụ check",
        "The command to explain, e.g. check",
    ),
];

/// The text of `key`, if the table has it.
pub fn text(key: &str, vi: bool) -> Option<&'static str> {
    HELP.iter()
        .find(|(k, _, _)| *k == key)
        .map(|&(_, v, e)| if vi { v } else { e })
}
