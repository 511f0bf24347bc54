//! The text of a new profile: every key of its kind with a Vietnamese comment above it,
//! every criterion of the year's plan with the plan's own words, the blanks left to fill.
//! `new` writes it from the command line's values, `import` from a spreadsheet's row; the
//! sentences it writes to be replaced come from `content::placeholders`, the one list the
//! `placeholder` rule reads too.

use std::fmt::Write as _;

use super::model::{Kind, Plan, Site};
use super::placeholders;
use crate::text::date::Date;
use crate::text::slug::{is_valid_id, slugify};

/// What is known of the profile when its skeleton is written; the rest is left blank.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fill {
    pub name: Option<String>,
    pub position: Option<String>,
    pub summary: Option<String>,
    /// Movement ids of the plan.
    pub movements: Vec<String>,
    /// The day the dossier reached the Council.
    pub nominated: Option<Date>,
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The skeleton's text for a profile of `kind` in `unit`, from `year`'s plan.
pub fn skeleton(
    site: &Site,
    plan: &Plan,
    kind: Kind,
    unit: &str,
    year: u16,
    fill: &Fill,
) -> String {
    let mut s = String::from("+++\n");
    let unit_name = site.unit(unit).map_or(unit, |u| u.name.as_str());
    let _ = writeln!(s, "# Họ và tên đầy đủ (với tập thể: tên đơn vị)");
    let default_name = if kind == Kind::Collective {
        unit_name
    } else {
        ""
    };
    let _ = writeln!(
        s,
        "name = {}",
        toml_str(fill.name.as_deref().unwrap_or(default_name))
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
        let _ = writeln!(
            s,
            "position = {}",
            toml_str(fill.position.as_deref().unwrap_or(""))
        );
        let _ = writeln!(
            s,
            "# Mã của người này, giống nhau ở hồ sơ mọi năm họ được đề nghị"
        );
        // The key an earlier profile of this name has, or one made from the name.
        let name = fill.name.as_deref();
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
    let _ = writeln!(
        s,
        "summary = {}",
        toml_str(fill.summary.as_deref().unwrap_or(""))
    );
    let _ = writeln!(
        s,
        "# Ảnh đặt cạnh tệp này; chỉ đăng khi người trong ảnh đồng ý"
    );
    let _ = writeln!(s, "# photo = \"anh-dai-dien.jpg\"");
    let _ = writeln!(s, "# Phong trào thi đua (chọn một hoặc nhiều mã):");
    for m in &plan.movements {
        let _ = writeln!(s, "#   \"{}\": {}", m.id, m.name);
    }
    let movements: Vec<String> = fill.movements.iter().map(|m| toml_str(m)).collect();
    let _ = writeln!(s, "movements = [{}]", movements.join(", "));
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
    match fill.nominated {
        Some(d) => {
            let _ = writeln!(s, "date = {}", d.iso());
        }
        None => {
            let _ = writeln!(s, "# date = {}-11-20", year);
        }
    }
    let _ = writeln!(
        s,
        "\n# Khi Hội đồng đã bỏ phiếu (không công khai trên trang web):"
    );
    let _ = writeln!(s, "# [vote]\n# date = \n# members = \n# in_favour = ");
    let _ = writeln!(s, "\n# Khi Giám đốc Sở đã ký quyết định công nhận:");
    let _ = writeln!(s, "# [decision]\n# number = \"\"\n# date = ");
    let _ = write!(s, "+++\n\n## Câu chuyện\n\n{}\n", placeholders::STORY);
    s
}
