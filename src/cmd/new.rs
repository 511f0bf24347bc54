//! `bangvang new YEAR/SLUG --kind KIND --unit UNIT [--name NAME]`: a profile skeleton
//! from the year's plan, every criterion that applies present with its words above it.

use std::fmt::Write as _;
use std::path::Path;

use super::{CONTENT_ERRORS, FATAL, OK, fatal};
use crate::check::references;
use crate::content::edit::Writer;
use crate::content::load::load;
use crate::content::model::{Kind, Plan, Profile, Site};
use crate::content::placeholders;
use crate::content::source::{At, Doc, Span};
use crate::diag::{Fatal, Lang, Msg, Rule, report};
use crate::text::slug::{is_valid_id, slugify};

pub fn run(
    root: &Path,
    target: &str,
    kind: &str,
    unit: &str,
    name: Option<&str>,
    lang: Option<Lang>,
) -> u8 {
    let loaded = match load(root) {
        Ok(l) => l,
        Err(f) => return fatal(&f, lang.unwrap_or_default()),
    };
    let site = &loaded.site;
    let lang = lang.unwrap_or(site.config.language);
    let Some((year, slug)) = target
        .split_once('/')
        .and_then(|(y, s)| Some((y.parse::<u16>().ok()?, s)))
    else {
        let detail = match lang {
            Lang::Vi => {
                format!("\"{target}\" không đúng dạng NĂM/ĐỊA-CHỈ, ví dụ 2024/nguyen-van-an")
            }
            Lang::En => format!("\"{target}\" is not YEAR/SLUG, e.g. 2024/nguyen-van-an"),
        };
        return fatal(&[Fatal::BadArgument { detail }], lang);
    };
    let file = format!("content/{year}/{slug}.md");
    let mut diags = Vec::new();
    let doc = Doc::new(file.clone(), "", 1);
    if !is_valid_id(slug) {
        diags.push(doc.diag(
            Rule::InvalidValue,
            None,
            None,
            Msg::BadId {
                key: "slug".into(),
                value: slug.into(),
            },
        ));
    }
    let kind_arg = kind;
    let kind = Kind::parse(kind_arg);
    if kind.is_none() {
        diags.push(doc.diag(
            Rule::InvalidValue,
            None,
            Some("kind"),
            Msg::UnknownKind {
                value: kind_arg.into(),
            },
        ));
    }
    let probe = probe_profile(&doc, year, slug, unit);
    references::unit(site, &probe, &mut diags);
    let plan = references::plan(site, &probe, &mut diags);
    if let (Some(plan), Some(kind), true) = (plan, kind, diags.is_empty()) {
        let dir = root.join("content").join(year.to_string());
        if dir.join(format!("{slug}.md")).exists() || dir.join(slug).join("index.md").exists() {
            let msg = match lang {
                Lang::Vi => format!("hồ sơ {year}/{slug} đã có; không ghi đè"),
                Lang::En => format!("profile {year}/{slug} already exists; not overwriting"),
            };
            eprintln!("{msg}");
            return CONTENT_ERRORS;
        }
        let text = skeleton(site, plan, kind, unit, name, year);
        let written = Writer::open(&root.join("content"))
            .and_then(|w| w.create(&format!("{year}/{slug}.md"), text.as_bytes()));
        if let Err(e) = written {
            return fatal(
                &[Fatal::Unwritable {
                    path: file,
                    detail: e.to_string(),
                }],
                lang,
            );
        }
        match lang {
            Lang::Vi => println!("đã tạo {file}: điền các mục còn trống rồi chạy `bangvang check`"),
            Lang::En => println!("wrote {file}: fill in the blanks, then run `bangvang check`"),
        }
        return OK;
    }
    if diags.is_empty() {
        return FATAL;
    }
    eprint!(
        "{}",
        diags
            .iter()
            .map(|d| report::human(d, lang) + "\n")
            .collect::<String>()
    );
    CONTENT_ERRORS
}

/// A profile holding only what `new` was told, so that `check`'s own rules judge it.
fn probe_profile(doc: &Doc, year: u16, slug: &str, unit: &str) -> Profile {
    let mut p = Profile::empty(doc.clone(), year, slug);
    p.unit = Some(At::new(unit.to_string(), Span::default()));
    p
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The skeleton's text: every key with a Vietnamese comment, blanks left to fill.
pub fn skeleton(
    site: &Site,
    plan: &Plan,
    kind: Kind,
    unit: &str,
    name: Option<&str>,
    year: u16,
) -> String {
    let mut s = String::from("+++\n");
    let unit_name = site.unit(unit).map_or(unit, |u| u.name.as_str());
    let _ = writeln!(s, "# Họ và tên đầy đủ (với tập thể: tên đơn vị)");
    let _ = writeln!(
        s,
        "name = {}",
        toml_str(name.unwrap_or(if kind == Kind::Collective {
            unit_name
        } else {
            ""
        }))
    );
    let _ = writeln!(
        s,
        "# Tên dùng để sắp xếp, chỉ khi tên gồm hai tiếng trở lên (ví dụ \"Bình Minh\")"
    );
    let _ = writeln!(s, "# given_name = \"\"");
    let _ = writeln!(s, "kind = {}", toml_str(kind.name()));
    let _ = writeln!(s, "# {unit_name}");
    let _ = writeln!(s, "unit = {}", toml_str(unit));
    if kind != Kind::Collective {
        let _ = writeln!(
            s,
            "# Chức vụ hoặc chức danh (ví dụ \"Chuyên viên\", \"Trưởng phòng\")"
        );
        let _ = writeln!(s, "position = \"\"");
        let _ = writeln!(
            s,
            "# Mã của người này, giống nhau ở hồ sơ mọi năm họ được đề nghị"
        );
        // The key an earlier profile of this name has, or one made from the name.
        let known = site
            .profiles
            .iter()
            .filter(|p| Some(p.name()) == name)
            .find_map(|p| p.person().map(str::to_string));
        let person = known.or_else(|| name.map(slugify).filter(|p| is_valid_id(p)));
        let _ = writeln!(
            s,
            "# person = {}",
            toml_str(person.as_deref().unwrap_or("ho-va-ten"))
        );
    }
    let _ = writeln!(s, "# Một câu tóm tắt thành tích, tối đa 300 ký tự");
    let _ = writeln!(s, "summary = \"\"");
    let _ = writeln!(
        s,
        "# Ảnh đặt cạnh tệp này; chỉ đăng khi người trong ảnh đồng ý"
    );
    let _ = writeln!(s, "# photo = \"anh-dai-dien.jpg\"");
    let _ = writeln!(s, "# Phong trào thi đua (chọn một hoặc nhiều mã):");
    for m in &plan.movements {
        let _ = writeln!(s, "#   \"{}\": {}", m.id, m.name);
    }
    let _ = writeln!(s, "movements = []");
    if kind == Kind::Collective {
        let _ = writeln!(
            s,
            "# Tổng số công chức, viên chức, người lao động của tập thể"
        );
        let _ = writeln!(s, "# members = 0");
        let _ = writeln!(
            s,
            "# Số người hoàn thành xuất sắc nhiệm vụ (cần từ {}% trở lên)",
            plan.excellent_members_percent
        );
        let _ = writeln!(s, "# excellent_members = 0");
    }
    let _ = writeln!(
        s,
        "\n# Ngày người trong ảnh đồng ý cho đăng ảnh; nếu họ rút lại: ngày rút (withdrawn),\n# và withdrawn_story = true nếu họ đề nghị gỡ cả câu chuyện"
    );
    let _ = writeln!(s, "# [consent]\n# photo = {year}-11-02");
    let _ = writeln!(
        s,
        "\n# Minh chứng cho từng tiêu chí của Kế hoạch {}",
        plan.number
    );
    let _ = writeln!(s, "[criteria]");
    for c in plan.criteria_for(kind) {
        let _ = writeln!(s, "# {}", c.text);
        let _ = writeln!(s, "{} = \"\"", c.id);
    }
    let _ = writeln!(s, "\n[nomination]");
    let _ = writeln!(
        s,
        "# Ngày hồ sơ đến Thường trực Hội đồng, không sau {}",
        plan.deadline.dmy()
    );
    let _ = writeln!(s, "# date = {}-11-20", year);
    let _ = writeln!(
        s,
        "\n# Khi Hội đồng đã bỏ phiếu (không công khai trên trang web):"
    );
    let _ = writeln!(s, "# [vote]\n# date = \n# members = \n# in_favour = ");
    let _ = writeln!(s, "\n# Khi Giám đốc Sở đã ký quyết định công nhận:");
    let _ = writeln!(s, "# [decision]\n# number = \"\"\n# date = ");
    s.push_str("+++\n\n## Câu chuyện\n\n");
    s.push_str(placeholders::STORY);
    s.push('\n');
    s
}
