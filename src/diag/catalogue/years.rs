//! The words of the messages about time: units that begin, end and are succeeded, the
//! organisation's earlier names, one person across years, and the record of consent.
//! `words` hands these messages here; nothing else calls this.

use super::{Lang, Msg, did_you_mean};

/// What is wrong, in one sentence.
pub fn text(msg: &Msg, lang: Lang) -> String {
    use Lang::{En, Vi};
    use Msg::*;
    match (msg, lang) {
        (OrganisationHistoryOrder { until, previous }, Vi) => format!(
            "tên cũ dùng đến ngày {} phải ghi sau tên dùng đến ngày {} (từ cũ nhất đến gần nhất)",
            until.dmy(),
            previous.dmy()
        ),
        (OrganisationHistoryOrder { until, previous }, En) => format!(
            "the name used until {} must come after the one used until {} (oldest first)",
            until.dmy(),
            previous.dmy()
        ),
        (UnitUntilBeforeFrom { id, from, until }, Vi) => format!(
            "đơn vị \"{id}\" kết thúc ngày {} trước cả ngày thành lập {}",
            until.dmy(),
            from.dmy()
        ),
        (UnitUntilBeforeFrom { id, from, until }, En) => format!(
            "unit \"{id}\" ends on {}, before it began on {}",
            until.dmy(),
            from.dmy()
        ),
        (SuccessorWithoutUntil { id, successor }, Vi) => format!(
            "đơn vị \"{id}\" có đơn vị kế tục \"{successor}\" nhưng không ghi ngày kết thúc `until`"
        ),
        (SuccessorWithoutUntil { id, successor }, En) => {
            format!("unit \"{id}\" names a successor \"{successor}\" but no last day `until`")
        }
        (
            UnknownSuccessor {
                successor,
                suggestion,
            },
            Vi,
        ) => format!(
            "đơn vị kế tục \"{successor}\" không có trong units.toml{}",
            did_you_mean(suggestion, Vi)
        ),
        (
            UnknownSuccessor {
                successor,
                suggestion,
            },
            En,
        ) => format!(
            "successor \"{successor}\" is not in units.toml{}",
            did_you_mean(suggestion, En)
        ),
        (SuccessorCycle { cycle }, Vi) => {
            format!("các đơn vị kế tục nhau thành vòng tròn: {cycle}")
        }
        (SuccessorCycle { cycle }, En) => format!("the successors go round in a circle: {cycle}"),
        (
            UnitNotYet {
                unit, from, date, ..
            },
            Vi,
        ) => format!(
            "ngày nhận hồ sơ {} đơn vị \"{unit}\" chưa có (thành lập ngày {})",
            date.dmy(),
            from.dmy()
        ),
        (
            UnitNotYet {
                unit, from, date, ..
            },
            En,
        ) => format!(
            "unit \"{unit}\" did not exist yet on the nomination date {} (it began on {})",
            date.dmy(),
            from.dmy()
        ),
        (
            UnitEnded {
                unit, until, date, ..
            },
            Vi,
        ) => format!(
            "ngày nhận hồ sơ {} đơn vị \"{unit}\" đã không còn (kết thúc ngày {})",
            date.dmy(),
            until.dmy()
        ),
        (
            UnitEnded {
                unit, until, date, ..
            },
            En,
        ) => format!(
            "unit \"{unit}\" no longer existed on the nomination date {} (it ended on {})",
            date.dmy(),
            until.dmy()
        ),
        (
            DuplicatePerson {
                person,
                year,
                other,
            },
            Vi,
        ) => format!(
            "người \"{person}\" đã có hồ sơ năm {year} khác: {other}; mỗi người chỉ được xét một lần mỗi năm"
        ),
        (
            DuplicatePerson {
                person,
                year,
                other,
            },
            En,
        ) => format!(
            "person \"{person}\" already has another {year} profile: {other}; one person appears once a year"
        ),
        (
            SameName {
                name, year, other, ..
            },
            Vi,
        ) => format!(
            "\"{name}\" cùng tên, cùng đơn vị với hồ sơ năm {year} ({other}) nhưng hai hồ sơ không được nối bằng `person`"
        ),
        (
            SameName {
                name, year, other, ..
            },
            En,
        ) => format!(
            "\"{name}\" has the name and unit of a {year} profile ({other}), but `person` does not tie them"
        ),
        (ConsentBothForms, Vi) => {
            "có cả `photo_consent` lẫn bảng `[consent]`: chỉ ghi một cách".into()
        }
        (ConsentBothForms, En) => {
            "both `photo_consent` and a `[consent]` table: write consent one way".into()
        }
        (ConsentWithdrawnWithoutPhoto, Vi) => {
            "`[consent]` có ngày rút `withdrawn` nhưng không có ngày đồng ý `photo`".into()
        }
        (ConsentWithdrawnWithoutPhoto, En) => {
            "`[consent]` has `withdrawn` but no `photo` date of the consent withdrawn".into()
        }
        (ConsentWithdrawnBeforeGiven { photo, withdrawn }, Vi) => format!(
            "ngày rút đồng ý {} trước ngày đồng ý {}",
            withdrawn.dmy(),
            photo.dmy()
        ),
        (ConsentWithdrawnBeforeGiven { photo, withdrawn }, En) => format!(
            "consent is withdrawn on {}, before it was given on {}",
            withdrawn.dmy(),
            photo.dmy()
        ),
        (ConsentStoryWithoutWithdrawn, Vi) => {
            "`withdrawn_story = true` nhưng không có ngày rút đồng ý `withdrawn`".into()
        }
        (ConsentStoryWithoutWithdrawn, En) => {
            "`withdrawn_story = true` without the `withdrawn` date".into()
        }
        (LegacyConsent, Vi) => {
            "`photo_consent = true` không ghi ngày người trong ảnh đồng ý".into()
        }
        (LegacyConsent, En) => "`photo_consent = true` does not say when the person agreed".into(),
        (SameWithdrawnPhoto { other, date }, Vi) => format!(
            "ảnh này giống hệt ảnh mà người trong ảnh đã rút đồng ý ngày {} ({other}): ảnh sẽ không được đăng ở đâu",
            date.dmy()
        ),
        (SameWithdrawnPhoto { other, date }, En) => format!(
            "this photo is the very one whose consent was withdrawn on {} ({other}): it is published nowhere",
            date.dmy()
        ),
        (PhotoConsentWithdrawn { date }, Vi) => format!(
            "người trong ảnh đã rút đồng ý ngày {}: ảnh không được đăng ở đâu",
            date.dmy()
        ),
        (PhotoConsentWithdrawn { date }, En) => format!(
            "consent was withdrawn on {}: the photo is published nowhere",
            date.dmy()
        ),
        _ => String::new(),
    }
}

/// How to fix it, in one line.
pub fn hint(msg: &Msg, lang: Lang) -> String {
    use Lang::{En, Vi};
    use Msg::*;
    match (msg, lang) {
        (OrganisationHistoryOrder { .. }, Vi) => {
            "xếp các bảng [[organisation_history]] theo thứ tự thời gian, mỗi tên một ngày `until` khác nhau".into()
        }
        (OrganisationHistoryOrder { .. }, En) => {
            "list the [[organisation_history]] tables in time order, each with its own `until`".into()
        }
        (UnitUntilBeforeFrom { .. }, Vi) => "kiểm tra lại `from` và `until` của đơn vị".into(),
        (UnitUntilBeforeFrom { .. }, En) => "check the unit's `from` and `until`".into(),
        (SuccessorWithoutUntil { .. }, Vi) => {
            "thêm `until = NĂM-THÁNG-NGÀY`, ngày cuối cùng của đơn vị, hoặc xóa `successor`".into()
        }
        (SuccessorWithoutUntil { .. }, En) => {
            "add `until = YYYY-MM-DD`, the unit's last day, or remove `successor`".into()
        }
        (UnknownSuccessor { .. }, Vi) => {
            "ghi `id` của đơn vị tiếp nhận công việc, và khai báo đơn vị đó trong units.toml".into()
        }
        (UnknownSuccessor { .. }, En) => {
            "name the `id` of the unit that took over, and declare it in units.toml".into()
        }
        (SuccessorCycle { .. }, Vi) => {
            "đơn vị kế tục là đơn vị mới hơn; xóa `successor` của đơn vị còn hoạt động".into()
        }
        (SuccessorCycle { .. }, En) => {
            "a successor is the newer unit; remove `successor` from the unit still in being".into()
        }
        (UnitNotYet { predecessor: Some(p), .. }, Vi) => {
            format!("ngày đó đơn vị là \"{p}\": ghi `unit = \"{p}\"`, hoặc kiểm tra ngày nhận hồ sơ")
        }
        (UnitNotYet { predecessor: Some(p), .. }, En) => {
            format!("on that day the unit was \"{p}\": write `unit = \"{p}\"`, or check the date")
        }
        (UnitEnded { successor: Some(s), .. }, Vi) => {
            format!("công việc của đơn vị đã chuyển sang \"{s}\": ghi `unit = \"{s}\"`")
        }
        (UnitEnded { successor: Some(s), .. }, En) => {
            format!("its work passed to \"{s}\": write `unit = \"{s}\"`")
        }
        (UnitNotYet { .. } | UnitEnded { .. }, Vi) => {
            "kiểm tra `unit`, ngày nhận hồ sơ, và `from`, `until` của đơn vị trong units.toml".into()
        }
        (UnitNotYet { .. } | UnitEnded { .. }, En) => {
            "check `unit`, the nomination date, and the unit's `from` and `until` in units.toml".into()
        }
        (DuplicatePerson { .. }, Vi) => {
            "giữ một hồ sơ, hoặc sửa `person` nếu là hai người khác nhau".into()
        }
        (DuplicatePerson { .. }, En) => {
            "keep one profile, or correct `person` if they are two people".into()
        }
        (SameName { person, .. }, Vi) => format!(
            "nếu là cùng một người, ghi `person = \"{person}\"` vào cả hai hồ sơ; nếu là hai người, ghi cho mỗi người một `person` khác nhau"
        ),
        (SameName { person, .. }, En) => format!(
            "if this is one person, write `person = \"{person}\"` in both profiles; if two, give each their own `person`"
        ),
        (ConsentBothForms, Vi) => {
            "xóa `photo_consent`, giữ `[consent]` với ngày đồng ý `photo`".into()
        }
        (ConsentBothForms, En) => {
            "remove `photo_consent` and keep `[consent]` with its `photo` date".into()
        }
        (ConsentWithdrawnWithoutPhoto, Vi) => {
            "thêm `photo = NĂM-THÁNG-NGÀY`, ngày người đó đã đồng ý trước khi rút".into()
        }
        (ConsentWithdrawnWithoutPhoto, En) => {
            "add `photo = YYYY-MM-DD`, the day they had agreed before withdrawing".into()
        }
        (ConsentWithdrawnBeforeGiven { .. }, Vi) => {
            "kiểm tra lại hai ngày `photo` và `withdrawn`".into()
        }
        (ConsentWithdrawnBeforeGiven { .. }, En) => {
            "check the two dates `photo` and `withdrawn`".into()
        }
        (ConsentStoryWithoutWithdrawn, Vi) => {
            "thêm `withdrawn = NĂM-THÁNG-NGÀY`, ngày người đó yêu cầu gỡ".into()
        }
        (ConsentStoryWithoutWithdrawn, En) => {
            "add `withdrawn = YYYY-MM-DD`, the day they asked for the take-down".into()
        }
        (LegacyConsent, Vi) => {
            "thay bằng bảng `[consent]` với `photo = NĂM-THÁNG-NGÀY`, ngày người đó đồng ý, để lưu vết theo Luật Bảo vệ dữ liệu cá nhân".into()
        }
        (LegacyConsent, En) => {
            "replace it by a `[consent]` table with `photo = YYYY-MM-DD`, the day they agreed, as the record the data-protection law asks for".into()
        }
        (SameWithdrawnPhoto { .. }, Vi) => {
            "dùng một ảnh khác mà người đó đồng ý cho đăng, hoặc xóa `photo`".into()
        }
        (SameWithdrawnPhoto { .. }, En) => {
            "use another photo they agree to, or remove `photo`".into()
        }
        (PhotoConsentWithdrawn { .. }, Vi) => {
            "xóa tệp ảnh và khóa `photo`; giữ bảng `[consent]` làm hồ sơ lưu".into()
        }
        (PhotoConsentWithdrawn { .. }, En) => {
            "delete the photo file and the `photo` key; keep `[consent]` as the record".into()
        }
        _ => String::new(),
    }
}
