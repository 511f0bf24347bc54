//! The words themselves: `text` says what is wrong, `hint` how to fix it.

use super::forms::{form, table_of};
use super::{Expected, Lang, Msg, did_you_mean, expected_words, pct, pct_vi, story, toml, typos};

/// What is wrong, in one sentence.
pub fn text(msg: &Msg, lang: Lang) -> String {
    use Lang::{En, Vi};
    use Msg::*;
    match (msg, lang) {
        (
            m @ (OrganisationHistoryOrder { .. }
            | UnitUntilBeforeFrom { .. }
            | SuccessorWithoutUntil { .. }
            | UnknownSuccessor { .. }
            | SuccessorCycle { .. }
            | UnitNotYet { .. }
            | UnitEnded { .. }
            | DuplicatePerson { .. }
            | SameName { .. }
            | ConsentBothForms
            | ConsentWithdrawnWithoutPhoto
            | ConsentWithdrawnBeforeGiven { .. }
            | ConsentStoryWithoutWithdrawn
            | LegacyConsent
            | SameWithdrawnPhoto { .. }
            | PhotoConsentWithdrawn { .. }),
            l,
        ) => super::years::text(m, l),
        (Import(m), _) => super::import::text(m, lang),
        (NoFrontMatter, Vi) => "tệp không bắt đầu bằng phần khai báo `+++`".into(),
        (NoFrontMatter, En) => "the file does not start with a `+++` front-matter block".into(),
        (Unterminated, Vi) => "phần khai báo mở bằng `+++` nhưng không có dòng `+++` đóng lại".into(),
        (Unterminated, En) => "the front-matter opened with `+++` is never closed".into(),
        (Toml(m), lang) => toml::text(m, lang),
        (Story(m), lang) => story::text(m, lang),
        (Typo(m), lang) => typos::text(m, lang),
        (InvalidUtf8, Vi) => "tệp không phải văn bản UTF-8 hợp lệ".into(),
        (InvalidUtf8, En) => "the file is not valid UTF-8 text".into(),
        (TooDeep { limit }, Vi) => format!("TOML lồng nhau quá {limit} tầng"),
        (TooDeep { limit }, En) => format!("TOML nested more than {limit} levels deep"),
        (TooLarge { limit_kb }, Vi) => format!("phần khai báo dài quá {limit_kb} KB"),
        (TooLarge { limit_kb }, En) => format!("the front-matter is longer than {limit_kb} KB"),
        (UnknownField { key, suggestion, .. }, Vi) => {
            format!("khóa `{key}` không có trong định dạng{}", did_you_mean(suggestion, Vi))
        }
        (UnknownField { key, suggestion, .. }, En) => {
            format!("unknown key `{key}`{}", did_you_mean(suggestion, En))
        }
        (MissingField { key }, Vi) => format!("thiếu khóa bắt buộc `{key}`"),
        (MissingField { key }, En) => format!("the required key `{key}` is missing"),
        (WrongType { key, expected, found }, Vi) => format!(
            "`{key}` phải là {}, không phải {found}",
            expected_words(*expected, Vi)
        ),
        (WrongType { key, expected, found }, En) => {
            format!("`{key}` must be {}, not {found}", expected_words(*expected, En))
        }
        (EmptyText { key }, Vi) => format!("`{key}` đang để trống"),
        (EmptyText { key }, En) => format!("`{key}` is empty"),
        (SummaryTooLong { chars, max }, Vi) => {
            format!("`summary` dài {chars} ký tự, tối đa {max} ký tự")
        }
        (SummaryTooLong { chars, max }, En) => {
            format!("`summary` is {chars} characters long; at most {max} are allowed")
        }
        (BadId { key, value }, Vi) => {
            format!("`{key}` = \"{value}\" không phải mã hợp lệ (chỉ gồm a-z, 0-9 và dấu -)")
        }
        (BadId { key, value }, En) => {
            format!("`{key}` = \"{value}\" is not a valid id (only a-z, 0-9 and -)")
        }
        (NegativeCount { key, value }, Vi) => format!("`{key}` = {value} không được là số âm"),
        (NegativeCount { key, value }, En) => format!("`{key}` = {value} cannot be negative"),
        (UnknownKind { value }, Vi) => format!(
            "`kind` = \"{value}\" không hợp lệ: chỉ nhận \"collective\" (tập thể), \"leader\" (lãnh đạo, quản lý) hoặc \"staff\" (công chức, viên chức, người lao động)"
        ),
        (UnknownKind { value }, En) => format!(
            "`kind` = \"{value}\" is not one of \"collective\", \"leader\", \"staff\""
        ),
        (UnknownUnitType { value }, Vi) => format!(
            "`type` = \"{value}\" không hợp lệ: chỉ nhận \"office\", \"affiliate\", \"agency\" hoặc \"union\""
        ),
        (UnknownUnitType { value }, En) => format!(
            "`type` = \"{value}\" is not one of \"office\", \"affiliate\", \"agency\", \"union\""
        ),
        (UnknownLanguage { value }, Vi) => {
            format!("`language` = \"{value}\" không hợp lệ: chỉ nhận \"vi\" hoặc \"en\"")
        }
        (UnknownLanguage { value }, En) => {
            format!("`language` = \"{value}\" is not \"vi\" or \"en\"")
        }
        (BadBaseUrl { value }, Vi) => format!(
            "`base_url` = \"{value}\" không hợp lệ: phải bắt đầu bằng / hoặc http:// hay https://"
        ),
        (BadBaseUrl { value }, En) => format!(
            "`base_url` = \"{value}\" must start with /, http:// or https://"
        ),
        (DateWithTime { key }, Vi) => format!("`{key}` phải là một ngày, không kèm giờ hay múi giờ"),
        (DateWithTime { key }, En) => format!("`{key}` must be a plain date, without a time or offset"),
        (ReservedId { key, value }, Vi) => format!(
            "`{key}` = \"{value}\" là tên bangvang dùng cho địa chỉ các trang tiếp theo của danh sách (như /don-vi/{value}/2/), không dùng được làm mã đơn vị"
        ),
        (ReservedId { key, value }, En) => format!(
            "`{key}` = \"{value}\" is a name bangvang uses for the addresses of a list's next pages (like /don-vi/{value}/2/); it cannot be a unit's id"
        ),
        (DuplicateId { key, value }, Vi) => format!("`{key}` = \"{value}\" bị trùng"),
        (DuplicateId { key, value }, En) => format!("`{key}` = \"{value}\" is used twice"),
        (NotForKind { key, kind }, Vi) => format!("`{key}` không dùng cho hồ sơ loại \"{kind}\""),
        (NotForKind { key, kind }, En) => format!("`{key}` does not belong in a \"{kind}\" profile"),
        (UnknownAppliesTo { value }, Vi) => format!(
            "`applies_to` có \"{value}\": chỉ nhận \"collective\", \"leader\", \"staff\""
        ),
        (UnknownAppliesTo { value }, En) => format!(
            "`applies_to` has \"{value}\": only \"collective\", \"leader\", \"staff\""
        ),
        (YearMismatch { found, folder }, Vi) => {
            format!("`year` = {found} khác với năm của thư mục ({folder})")
        }
        (YearMismatch { found, folder }, En) => {
            format!("`year` = {found} differs from the folder's year ({folder})")
        }
        (NoPlan { year, .. }, Vi) => format!("thư mục năm {year} không có kế hoạch `_plan.toml`"),
        (NoPlan { year, .. }, En) => format!("the {year} folder has no `_plan.toml` plan"),
        (PlanInvalid { plan_file }, Vi) => {
            format!("kế hoạch của năm này ({plan_file}) có lỗi nên chưa thể kiểm tra hồ sơ")
        }
        (PlanInvalid { plan_file }, En) => {
            format!("this year's plan ({plan_file}) has errors, so the profile cannot be checked")
        }
        (UnknownUnit { unit, suggestion }, Vi) => format!(
            "đơn vị \"{unit}\" không có trong units.toml{}",
            did_you_mean(suggestion, Vi)
        ),
        (UnknownUnit { unit, suggestion }, En) => format!(
            "unit \"{unit}\" is not in units.toml{}",
            did_you_mean(suggestion, En)
        ),
        (UnknownMovement { id, suggestion }, Vi) => format!(
            "phong trào \"{id}\" không có trong kế hoạch{}",
            did_you_mean(suggestion, Vi)
        ),
        (UnknownMovement { id, suggestion }, En) => format!(
            "movement \"{id}\" is not in the plan{}",
            did_you_mean(suggestion, En)
        ),
        (UnknownCriterion { id, suggestion }, Vi) => format!(
            "tiêu chí \"{id}\" không có trong kế hoạch{}",
            did_you_mean(suggestion, Vi)
        ),
        (UnknownCriterion { id, suggestion }, En) => format!(
            "criterion \"{id}\" is not in the plan{}",
            did_you_mean(suggestion, En)
        ),
        (CriterionNotForKind { id, kind }, Vi) => {
            format!("tiêu chí \"{id}\" không áp dụng cho hồ sơ loại \"{kind}\"")
        }
        (CriterionNotForKind { id, kind }, En) => {
            format!("criterion \"{id}\" does not apply to a \"{kind}\" profile")
        }
        (MissingCriterion { id, text }, Vi) => {
            format!("thiếu minh chứng cho tiêu chí \"{id}\": «{text}»")
        }
        (MissingCriterion { id, text }, En) => {
            format!("no evidence for criterion \"{id}\": «{text}»")
        }
        (ExcellentOverMembers { excellent, members }, Vi) => format!(
            "`excellent_members` = {excellent} lớn hơn tổng số thành viên `members` = {members}"
        ),
        (ExcellentOverMembers { excellent, members }, En) => format!(
            "`excellent_members` = {excellent} is more than `members` = {members}"
        ),
        (ExcellentBelowShare { excellent, members, percent }, Vi) => format!(
            "chỉ {excellent}/{members} thành viên hoàn thành xuất sắc nhiệm vụ ({}%), kế hoạch yêu cầu «có từ {percent}% công chức, viên chức, người lao động hoàn thành xuất sắc nhiệm vụ được giao»",
            pct_vi(*excellent, *members)
        ),
        (ExcellentBelowShare { excellent, members, percent }, En) => format!(
            "only {excellent} of {members} members completed their tasks with excellence ({}%); the plan requires at least {percent}%",
            pct(*excellent, *members)
        ),
        (LeaderWithoutRecognisedCollective { unit, year }, Vi) => format!(
            "lãnh đạo chỉ được công nhận khi «tập thể do người đó đứng đầu phải là tập thể tiêu biểu, hoàn thành xuất sắc nhiệm vụ», nhưng năm {year} đơn vị \"{unit}\" chưa có hồ sơ tập thể được công nhận"
        ),
        (LeaderWithoutRecognisedCollective { unit, year }, En) => format!(
            "a leader is recognised only when the collective they head is itself an exemplary collective, but unit \"{unit}\" has no recognised collective profile in {year}"
        ),
        (PendingLeaderWithoutCollective { unit, year }, Vi) => format!(
            "lãnh đạo được đề nghị nhưng năm {year} đơn vị \"{unit}\" không có hồ sơ tập thể nào: kế hoạch yêu cầu «tập thể do người đó đứng đầu phải là tập thể tiêu biểu»"
        ),
        (PendingLeaderWithoutCollective { unit, year }, En) => format!(
            "a leader is nominated, but unit \"{unit}\" has no collective profile in {year}; the plan requires the collective they head to be exemplary"
        ),
        (AfterDeadline { date, deadline, plan }, Vi) => format!(
            "hồ sơ gửi ngày {}, sau hạn {} của kế hoạch {plan}",
            date.dmy(),
            deadline.dmy()
        ),
        (AfterDeadline { date, deadline, plan }, En) => format!(
            "the nomination reached the Council on {}, after plan {plan}'s deadline of {}",
            date.dmy(),
            deadline.dmy()
        ),
        (VoteMembersBelowOne { members }, Vi) => {
            format!("`vote.members` = {members}: Hội đồng phải có ít nhất 1 thành viên")
        }
        (VoteMembersBelowOne { members }, En) => {
            format!("`vote.members` = {members}: the Council has at least one member")
        }
        (InFavourOverMembers { in_favour, members }, Vi) => format!(
            "`in_favour` = {in_favour} lớn hơn số thành viên Hội đồng `members` = {members}"
        ),
        (InFavourOverMembers { in_favour, members }, En) => format!(
            "`in_favour` = {in_favour} is more than the Council's `members` = {members}"
        ),
        (BelowThreshold { in_favour, members, percent, decided }, Vi) => format!(
            "chỉ {in_favour}/{members} thành viên Hội đồng đồng ý ({}%), cần ít nhất {percent}%{}",
            pct_vi(*in_favour, *members),
            if *decided { "" } else { ": hồ sơ không được công nhận" }
        ),
        (BelowThreshold { in_favour, members, percent, decided }, En) => format!(
            "only {in_favour} of {members} Council members voted in favour ({}%); at least {percent}% are needed{}",
            pct(*in_favour, *members),
            if *decided { "" } else { ": the nomination is not recognised" }
        ),
        (VoteBeforeNomination { vote, nomination }, Vi) => format!(
            "ngày bỏ phiếu {} trước ngày nhận hồ sơ {}",
            vote.dmy(),
            nomination.dmy()
        ),
        (VoteBeforeNomination { vote, nomination }, En) => format!(
            "the vote ({}) is dated before the nomination ({})",
            vote.dmy(),
            nomination.dmy()
        ),
        (DecisionBeforeVote { decision, vote }, Vi) => format!(
            "quyết định công nhận ngày {} trước ngày bỏ phiếu {}",
            decision.dmy(),
            vote.dmy()
        ),
        (DecisionBeforeVote { decision, vote }, En) => format!(
            "the decision ({}) is dated before the vote ({})",
            decision.dmy(),
            vote.dmy()
        ),
        (ProvinceBeforeDecision { province, decision }, Vi) => format!(
            "quyết định cấp tỉnh ngày {} trước quyết định cấp Sở ngày {}",
            province.dmy(),
            decision.dmy()
        ),
        (ProvinceBeforeDecision { province, decision }, En) => format!(
            "the provincial decision ({}) is dated before the department's ({})",
            province.dmy(),
            decision.dmy()
        ),
        (DecisionWithoutVote, Vi) => {
            "có `[decision]` nhưng không có `[vote]`: quyết định phải dựa trên kết quả bỏ phiếu kín của Hội đồng".into()
        }
        (DecisionWithoutVote, En) => {
            "`[decision]` without `[vote]`: a decision follows the Council's secret ballot".into()
        }
        (ProvinceWithoutDecision, Vi) => {
            "có `[province]` nhưng không có `[decision]`: «điển hình tiên tiến cấp tỉnh được lựa chọn từ các điển hình tiên tiến cấp Sở đã được công nhận»".into()
        }
        (ProvinceWithoutDecision, En) => {
            "`[province]` without a department `[decision]`: provincial exemplars are chosen among recognised department exemplars".into()
        }
        (PhotoMissing { path }, Vi) => format!("không tìm thấy ảnh \"{path}\""),
        (PhotoMissing { path }, En) => format!("photo \"{path}\" not found"),
        (PhotoWrongCase { path, actual }, Vi) => format!(
            "không tìm thấy ảnh \"{path}\"; trong thư mục có tệp \"{actual}\" (tên tệp phân biệt chữ hoa, chữ thường)"
        ),
        (PhotoWrongCase { path, actual }, En) => format!(
            "photo \"{path}\" not found; the folder has \"{actual}\" (file names are case-sensitive)"
        ),
        (PhotoOutside { path }, Vi) => format!("ảnh \"{path}\" nằm ngoài thư mục content/"),
        (PhotoOutside { path }, En) => format!("photo \"{path}\" is outside content/"),
        (PhotoNotAnImage { path }, Vi) => format!("\"{path}\" không phải ảnh JPEG, PNG hay WebP"),
        (PhotoNotAnImage { path }, En) => format!("\"{path}\" is not a JPEG, PNG or WebP image"),
        (PhotoUnreadable { path, detail }, Vi) => format!("không đọc được ảnh \"{path}\": {detail}"),
        (PhotoUnreadable { path, detail }, En) => format!("cannot read photo \"{path}\": {detail}"),
        (PhotoTooLarge { path, width, height, max }, Vi) => format!(
            "ảnh \"{path}\" có kích thước {width}×{height} điểm ảnh, quá lớn để xử lý an toàn (tối đa {max} điểm ảnh mỗi chiều)"
        ),
        (PhotoTooLarge { path, width, height, max }, En) => format!(
            "photo \"{path}\" is {width}×{height} pixels, too large to decode safely (at most {max} per side)"
        ),
        // The decoder's own words are English: the Vietnamese message says what they mean.
        (PhotoDamaged { path, .. }, Vi) => {
            format!("không giải mã được ảnh \"{path}\": tệp hỏng hoặc bị cắt cụt")
        }
        (PhotoDamaged { path, detail }, En) => {
            format!("cannot decode photo \"{path}\": the file is damaged or truncated ({detail})")
        }
        (PhotoTooHeavy { path, max_mib }, Vi) => format!(
            "ảnh \"{path}\" cần hơn {max_mib} MiB bộ nhớ để giải mã, quá lớn để xử lý an toàn"
        ),
        (PhotoTooHeavy { path, max_mib }, En) => format!(
            "photo \"{path}\" needs more than {max_mib} MiB of memory to decode, too much to do safely"
        ),
        (DuplicateSlug { slug, other }, Vi) => {
            format!("địa chỉ \"{slug}\" trùng với hồ sơ {other}")
        }
        (DuplicateSlug { slug, other }, En) => format!("slug \"{slug}\" is also used by {other}"),
        (RevokedWithoutDecision, Vi) => {
            "có `[revoked]` nhưng không có `[decision]`: chỉ thu hồi được quyết định đã ban hành".into()
        }
        (RevokedWithoutDecision, En) => {
            "`[revoked]` without `[decision]`: only an issued decision can be revoked".into()
        }
        (RevokedBeforeDecision { revoked, decision }, Vi) => format!(
            "quyết định thu hồi ngày {} trước quyết định công nhận ngày {}",
            revoked.dmy(),
            decision.dmy()
        ),
        (RevokedBeforeDecision { revoked, decision }, En) => format!(
            "the revocation ({}) is dated before the decision ({})",
            revoked.dmy(),
            decision.dmy()
        ),
        (LooksLikeIdNumber { text }, Vi) => format!("\"{text}\" trông giống số CMND/CCCD"),
        (LooksLikeIdNumber { text }, En) => format!("\"{text}\" looks like a national ID number"),
        (LooksLikePhone { text }, Vi) => format!("\"{text}\" trông giống số điện thoại"),
        (LooksLikePhone { text }, En) => format!("\"{text}\" looks like a phone number"),
        (LooksLikeEmail { text }, Vi) => format!("\"{text}\" trông giống địa chỉ thư điện tử"),
        (LooksLikeEmail { text }, En) => format!("\"{text}\" looks like an e-mail address"),
        (PhotoWithoutConsent, Vi) => {
            "có ảnh nhưng không có đồng ý của người trong ảnh (`[consent]` hoặc `photo_consent = true`): ảnh sẽ không được đăng, trang hiện chữ cái đầu của tên".into()
        }
        (PhotoWithoutConsent, En) => {
            "a photo without the person's consent (`[consent]` or `photo_consent = true`): it will not be published; the page shows initials".into()
        }
        (MisplacedFile { .. } | BadSlug { .. } | ReservedSlug { .. } | StaticConflict { .. }, _) => {
            super::placement::text(msg, lang)
        }
        (CardGlyph { text, ch }, Vi) => format!(
            "ký tự “{ch}” (U+{:04X}) trong \"{text}\" không có trong phông chữ tiếng Việt của ảnh chia sẻ",
            u32::from(*ch)
        ),
        (CardGlyph { text, ch }, En) => format!(
            "the character “{ch}” (U+{:04X}) in \"{text}\" is not in the share cards' Vietnamese font",
            u32::from(*ch)
        ),
    }
}

/// How to fix it, in one line.
pub fn hint(msg: &Msg, lang: Lang) -> String {
    use Lang::{En, Vi};
    use Msg::*;
    let s: &str = match (msg, lang) {
        (
            m @ (OrganisationHistoryOrder { .. }
            | UnitUntilBeforeFrom { .. }
            | SuccessorWithoutUntil { .. }
            | UnknownSuccessor { .. }
            | SuccessorCycle { .. }
            | UnitNotYet { .. }
            | UnitEnded { .. }
            | DuplicatePerson { .. }
            | SameName { .. }
            | ConsentBothForms
            | ConsentWithdrawnWithoutPhoto
            | ConsentWithdrawnBeforeGiven { .. }
            | ConsentStoryWithoutWithdrawn
            | LegacyConsent
            | SameWithdrawnPhoto { .. }
            | PhotoConsentWithdrawn { .. }),
            l,
        ) => return super::years::hint(m, l),
        (Toml(m), lang) => return toml::hint(m, lang),
        (Story(m), lang) => return story::hint(m, lang),
        (Typo(m), lang) => return typos::hint(m, lang),
        (Import(m), _) => return super::import::hint(m, lang),
        (NoFrontMatter, Vi) => {
            "thêm dòng `+++` ở đầu tệp, các khóa TOML, rồi một dòng `+++` nữa trước phần câu chuyện"
        }
        (NoFrontMatter, En) => {
            "start the file with a `+++` line, the TOML keys, then another `+++` line before the story"
        }
        (Unterminated, Vi) => "thêm một dòng chỉ có `+++` sau khóa cuối cùng",
        (Unterminated, En) => "add a line with only `+++` after the last key",
        (InvalidUtf8, Vi) => "lưu lại tệp với bảng mã UTF-8",
        (InvalidUtf8, En) => "save the file again as UTF-8",
        (TooDeep { .. } | TooLarge { .. }, Vi) => {
            "phần khai báo chỉ chứa các khóa của hồ sơ; câu chuyện viết sau dòng `+++` thứ hai"
        }
        (TooDeep { .. } | TooLarge { .. }, En) => {
            "the front-matter holds only the profile's keys; the story goes after the second `+++`"
        }
        (
            UnknownField {
                suggestion: Some(_),
                ..
            },
            Vi,
        ) => "sửa tên khóa như gợi ý, hoặc xóa khóa này",
        (
            UnknownField {
                suggestion: Some(_),
                ..
            },
            En,
        ) => "rename the key as suggested, or remove it",
        (UnknownField { known, .. }, Vi) => {
            return format!("xóa khóa này; ở đây chỉ có các khóa: {}", known.join(", "));
        }
        (UnknownField { known, .. }, En) => {
            return format!("remove this key; the keys here are: {}", known.join(", "));
        }
        (MissingField { key }, Vi) => {
            return match table_of(key) {
                Some(t) => format!("thêm dòng `{}` vào bảng [{t}]", form(key, None)),
                None => format!("thêm dòng `{}`", form(key, None)),
            };
        }
        (MissingField { key }, En) => {
            return match table_of(key) {
                Some(t) => format!("add the line `{}` to the [{t}] table", form(key, None)),
                None => format!("add the line `{}`", form(key, None)),
            };
        }
        (WrongType { key, expected, .. }, Vi) => {
            return format!("viết thế này: `{}`", form(key, Some(*expected)));
        }
        (WrongType { key, expected, .. }, En) => {
            return format!("write it as `{}`", form(key, Some(*expected)));
        }
        (DateWithTime { key }, Vi) => {
            return format!("viết thế này: `{}`", form(key, Some(Expected::Date)));
        }
        (DateWithTime { key }, En) => {
            return format!("write it as `{}`", form(key, Some(Expected::Date)));
        }
        (EmptyText { .. }, Vi) => "viết nội dung cho khóa này, hoặc xóa khóa nếu không bắt buộc",
        (EmptyText { .. }, En) => "write something here, or remove the key if it is optional",
        (SummaryTooLong { .. }, Vi) => "rút gọn tóm tắt; phần chi tiết để trong câu chuyện",
        (SummaryTooLong { .. }, En) => "shorten the summary; details belong in the story",
        (BadId { .. }, Vi) => "viết thường, không dấu, đ thành d, nối các từ bằng dấu -",
        (BadId { .. }, En) => "use lowercase ASCII letters, digits and -",
        (NegativeCount { .. }, Vi) => "nhập số không âm",
        (NegativeCount { .. }, En) => "write a number of zero or more",
        (UnknownKind { .. }, Vi) => "dùng một trong ba giá trị: collective, leader, staff",
        (UnknownKind { .. }, En) => "use one of collective, leader, staff",
        (UnknownUnitType { .. }, Vi) => "dùng một trong: office, affiliate, agency, union",
        (UnknownUnitType { .. }, En) => "use one of office, affiliate, agency, union",
        (UnknownLanguage { .. }, Vi) => "dùng \"vi\" hoặc \"en\"",
        (UnknownLanguage { .. }, En) => "use \"vi\" or \"en\"",
        (BadBaseUrl { .. }, Vi) => {
            "ví dụ: \"/\", \"/thi-dua/\" hoặc \"https://intranet.example/thi-dua/\""
        }
        (BadBaseUrl { .. }, En) => {
            "for example \"/\", \"/thi-dua/\" or \"https://intranet.example/thi-dua/\""
        }
        (ReservedId { value, .. }, Vi) => {
            return format!("đặt mã theo tên đơn vị, như {value}-1 hoặc tên đầy đủ viết không dấu");
        }
        (ReservedId { value, .. }, En) => {
            return format!(
                "name the unit after itself, like {value}-1 or its full name without tones"
            );
        }
        (DuplicateId { .. }, Vi) => "đặt một mã khác cho mục này",
        (DuplicateId { .. }, En) => "give this entry another id",
        (NotForKind { .. }, Vi) => "xóa khóa này, hoặc sửa `kind`",
        (NotForKind { .. }, En) => "remove this key, or correct `kind`",
        (UnknownAppliesTo { .. }, Vi) => "sửa `applies_to` chỉ gồm collective, leader, staff",
        (UnknownAppliesTo { .. }, En) => "list only collective, leader, staff in `applies_to`",
        (YearMismatch { .. }, Vi) => {
            "sửa `year` cho đúng năm của thư mục, hoặc chuyển hồ sơ sang thư mục đúng năm"
        }
        (YearMismatch { .. }, En) => {
            "correct `year`, or move the profile to the right year's folder"
        }
        (
            NoPlan {
                year,
                model: Some(m),
            },
            Vi,
        ) => {
            return format!(
                "thêm content/{year}/_plan.toml, chép từ {m} rồi sửa theo kế hoạch năm {year}"
            );
        }
        (
            NoPlan {
                year,
                model: Some(m),
            },
            En,
        ) => {
            return format!(
                "add content/{year}/_plan.toml: copy {m} and change it to the {year} plan"
            );
        }
        (NoPlan { year, model: None }, Vi) => {
            return format!(
                "thêm content/{year}/_plan.toml với number, title, deadline, approval_percent, excellent_members_percent, các [[movement]] và [[criterion]]"
            );
        }
        (NoPlan { year, model: None }, En) => {
            return format!(
                "add content/{year}/_plan.toml with number, title, deadline, approval_percent, excellent_members_percent, its [[movement]] and [[criterion]] entries"
            );
        }
        (PlanInvalid { .. }, Vi) => "sửa các lỗi của tệp kế hoạch trước",
        (PlanInvalid { .. }, En) => "fix the plan file's errors first",
        (UnknownUnit { .. }, Vi) => {
            "dùng một `id` có trong content/units.toml, hoặc thêm đơn vị vào đó"
        }
        (UnknownUnit { .. }, En) => "use an `id` from content/units.toml, or add the unit there",
        (UnknownMovement { .. }, Vi) => {
            "dùng một `id` trong các [[movement]] của _plan.toml năm đó"
        }
        (UnknownMovement { .. }, En) => {
            "use an `id` of that year's _plan.toml [[movement]] entries"
        }
        (UnknownCriterion { .. }, Vi) => {
            "dùng đúng `id` của một [[criterion]] trong _plan.toml năm đó"
        }
        (UnknownCriterion { .. }, En) => {
            "use the `id` of a [[criterion]] in that year's _plan.toml"
        }
        (CriterionNotForKind { .. }, Vi) => "xóa dòng này: tiêu chí này dành cho loại hồ sơ khác",
        (CriterionNotForKind { .. }, En) => "remove this line: the criterion is for another kind",
        (MissingCriterion { id, .. }, Vi) => {
            return format!("thêm dòng `{id} = \"…minh chứng…\"` vào bảng [criteria]");
        }
        (MissingCriterion { id, .. }, En) => {
            return format!("add `{id} = \"…evidence…\"` to the [criteria] table");
        }
        (ExcellentOverMembers { .. }, Vi) => {
            "kiểm tra lại hai con số `members` và `excellent_members`"
        }
        (ExcellentOverMembers { .. }, En) => {
            "check the two numbers `members` and `excellent_members`"
        }
        (ExcellentBelowShare { .. }, Vi) => {
            "tập thể chưa đủ tiêu chuẩn; kiểm tra lại số liệu trong hồ sơ"
        }
        (ExcellentBelowShare { .. }, En) => {
            "the collective does not meet the criterion; check the dossier's figures"
        }
        (LeaderWithoutRecognisedCollective { .. } | PendingLeaderWithoutCollective { .. }, Vi) => {
            "thêm hồ sơ tập thể của đơn vị trong cùng năm, hoặc kiểm tra `unit` của hồ sơ lãnh đạo"
        }
        (LeaderWithoutRecognisedCollective { .. } | PendingLeaderWithoutCollective { .. }, En) => {
            "add the unit's collective profile for the same year, or check the leader's `unit`"
        }
        (AfterDeadline { .. }, Vi) => "hồ sơ nộp muộn không được xét; kiểm tra lại ngày nhận hồ sơ",
        (AfterDeadline { .. }, En) => {
            "late nominations are not considered; check the date the dossier arrived"
        }
        (VoteMembersBelowOne { .. } | InFavourOverMembers { .. }, Vi) => {
            "`members` là tổng số thành viên Hội đồng (kể cả vắng mặt), `in_favour` là số phiếu đồng ý"
        }
        (VoteMembersBelowOne { .. } | InFavourOverMembers { .. }, En) => {
            "`members` counts every Council member, present or not; `in_favour` the yes votes"
        }
        (BelowThreshold { decided: true, .. }, Vi) => {
            "quyết định không thể dựa trên lần bỏ phiếu này; kiểm tra lại số phiếu hoặc xóa [decision]"
        }
        (BelowThreshold { decided: true, .. }, En) => {
            "no decision can rest on this vote; check the tally or remove [decision]"
        }
        (BelowThreshold { .. }, Vi) => {
            "hồ sơ sẽ không được đăng; nếu số phiếu nhập sai, hãy sửa lại"
        }
        (BelowThreshold { .. }, En) => {
            "the profile will not be published; if the tally is mistyped, correct it"
        }
        (
            VoteBeforeNomination { .. }
            | DecisionBeforeVote { .. }
            | ProvinceBeforeDecision { .. }
            | RevokedBeforeDecision { .. },
            Vi,
        ) => "kiểm tra lại các ngày: nhận hồ sơ → bỏ phiếu → quyết định cấp Sở → cấp tỉnh",
        (
            VoteBeforeNomination { .. }
            | DecisionBeforeVote { .. }
            | ProvinceBeforeDecision { .. }
            | RevokedBeforeDecision { .. },
            En,
        ) => "check the dates: nomination → vote → department decision → province",
        (DecisionWithoutVote, Vi) => "thêm bảng [vote] với date, members, in_favour",
        (DecisionWithoutVote, En) => "add a [vote] table with date, members, in_favour",
        (ProvinceWithoutDecision | RevokedWithoutDecision, Vi) => {
            "thêm bảng [decision] với number và date"
        }
        (ProvinceWithoutDecision | RevokedWithoutDecision, En) => {
            "add a [decision] table with number and date"
        }
        (PhotoWrongCase { actual, .. }, Vi) => {
            return format!("viết photo = \"{actual}\", hoặc đổi tên tệp cho đúng");
        }
        (PhotoWrongCase { actual, .. }, En) => {
            return format!("write photo = \"{actual}\", or rename the file");
        }
        (PhotoMissing { .. } | PhotoOutside { .. }, Vi) => {
            "đặt ảnh cạnh tệp hồ sơ (hoặc trong thư mục hồ sơ) và ghi tên tệp ảnh vào `photo`"
        }
        (PhotoMissing { .. } | PhotoOutside { .. }, En) => {
            "put the photo beside the profile (or in its folder) and name it in `photo`"
        }
        (PhotoDamaged { .. }, Vi) => "mở ảnh gốc và lưu lại dạng JPEG hoặc PNG, rồi xây dựng lại",
        (PhotoDamaged { .. }, En) => {
            "open the original and save it again as JPEG or PNG, then build again"
        }
        (
            PhotoUnreadable { .. }
            | PhotoTooLarge { .. }
            | PhotoNotAnImage { .. }
            | PhotoTooHeavy { .. },
            Vi,
        ) => "lưu lại ảnh dạng JPEG hoặc PNG, cạnh dài không quá vài nghìn điểm ảnh",
        (
            PhotoUnreadable { .. }
            | PhotoTooLarge { .. }
            | PhotoNotAnImage { .. }
            | PhotoTooHeavy { .. },
            En,
        ) => "save the photo again as JPEG or PNG, a few thousand pixels at most",
        (DuplicateSlug { .. }, Vi) => "giữ một trong hai tệp, hoặc đổi tên một tệp",
        (DuplicateSlug { .. }, En) => "keep one of the two files, or rename one",
        (LooksLikeIdNumber { .. } | LooksLikePhone { .. } | LooksLikeEmail { .. }, Vi) => {
            "không đăng dữ liệu cá nhân; xóa thông tin này nếu đúng là dữ liệu cá nhân"
        }
        (LooksLikeIdNumber { .. } | LooksLikePhone { .. } | LooksLikeEmail { .. }, En) => {
            "publish no personal data; remove it if it is personal"
        }
        (PhotoWithoutConsent, Vi) => {
            "nếu người trong ảnh đã đồng ý cho đăng, thêm bảng `[consent]` với `photo = NĂM-THÁNG-NGÀY`, ngày họ đồng ý"
        }
        (PhotoWithoutConsent, En) => {
            "if the person agreed to publication, add a `[consent]` table with `photo = YYYY-MM-DD`, the day they agreed"
        }
        (
            MisplacedFile { .. } | BadSlug { .. } | ReservedSlug { .. } | StaticConflict { .. },
            _,
        ) => {
            return super::placement::hint(msg, lang);
        }
        (CardGlyph { .. }, Vi) => {
            "viết tên bằng chữ cái tiếng Việt (có dấu); bỏ ký hiệu, biểu tượng cảm xúc hoặc chữ của ngôn ngữ khác"
        }
        (CardGlyph { .. }, En) => {
            "write it in Vietnamese letters (with tones); leave out symbols, emoji or letters of other scripts"
        }
    };
    s.to_string()
}
