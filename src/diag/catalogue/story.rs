//! The words of the rules on a story: the files beside it, its links to pages of the
//! site, the images it shows, and HTML nested too deep to publish safely.

use super::{Lang, did_you_mean};

/// What is wrong with something a story uses or links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoryMsg {
    /// An image taken from another host (`https://…`, `//…`, `data:`).
    ImageElsewhere { url: String },
    /// A link or image to an address of the site that the build does not make.
    PageMissing {
        url: String,
        suggestion: Option<String>,
    },
    /// A link to a profile whose page is not made wherever the story's is: `pending`
    /// (made only with `--drafts`), else not recognised (never made).
    PageNotPublished {
        url: String,
        name: String,
        pending: bool,
    },
    /// A file beside the story that is not there; `near` is a file whose name differs
    /// only in case.
    FileMissing {
        name: String,
        dir: String,
        near: Option<String>,
    },
    /// A file named with `..` or an absolute path, or a link leading out of `content/`.
    FileOutside { name: String },
    /// A folder, or something else that is not a plain file.
    NotAFile { name: String },
    /// A web page, a script, another profile or a plan: never copied onto the site.
    FileRefused { name: String },
    /// A name the build itself uses in the page's folder (`index.html`, `anh-320.jpg`).
    FileReserved { name: String },
    /// The profile's own portrait, shown in the story without the person's consent.
    PhotoWithoutConsent { name: String },
    /// Elements nested deeper than the sanitiser handles in linear time.
    TooDeep { limit: usize },
}

pub fn text(msg: &StoryMsg, lang: Lang) -> String {
    use Lang::{En, Vi};
    use StoryMsg::*;
    match (msg, lang) {
        (ImageElsewhere { url }, Vi) => format!(
            "ảnh \"{url}\" lấy từ nơi khác: trang web phải xem được cả khi không có Internet"
        ),
        (ImageElsewhere { url }, En) => format!(
            "the image \"{url}\" comes from another host: the site must work without the internet"
        ),
        (PageMissing { url, suggestion }, Vi) => format!(
            "liên kết \"{url}\" dẫn tới một trang không có trong site{}",
            did_you_mean(suggestion, Vi)
        ),
        (PageMissing { url, suggestion }, En) => format!(
            "the link \"{url}\" leads to a page the site does not have{}",
            did_you_mean(suggestion, En)
        ),
        (PageNotPublished { url, name, pending }, Vi) => format!(
            "liên kết \"{url}\" dẫn tới hồ sơ {name}, {}: trang đó không được đăng nên liên kết sẽ hỏng",
            if *pending {
                "đang chờ xét (chưa có quyết định công nhận)"
            } else {
                "không được công nhận"
            }
        ),
        (PageNotPublished { url, name, pending }, En) => format!(
            "the link \"{url}\" leads to {name}'s profile, {}: that page is not published, so the link would be broken",
            if *pending {
                "which is still pending (no decision yet)"
            } else {
                "which was not recognised"
            }
        ),
        (FileMissing { name, dir, .. }, Vi) => {
            format!("không tìm thấy tệp \"{name}\" trong thư mục {dir} cạnh câu chuyện")
        }
        (FileMissing { name, dir, .. }, En) => {
            format!("the file \"{name}\" is not in {dir}, beside the story")
        }
        (FileOutside { name }, Vi) => {
            format!("tệp \"{name}\" nằm ngoài thư mục content/: chỉ đăng tệp đặt cạnh câu chuyện")
        }
        (FileOutside { name }, En) => {
            format!("\"{name}\" lies outside content/: only files beside the story are published")
        }
        (NotAFile { name }, Vi) => format!("\"{name}\" là một thư mục, không phải một tệp"),
        (NotAFile { name }, En) => format!("\"{name}\" is a folder, not a file"),
        (FileRefused { name }, Vi) => format!(
            "tệp \"{name}\" không được đăng kèm câu chuyện: trang web, tập lệnh, hồ sơ hay kế hoạch không bao giờ được chép lên site"
        ),
        (FileRefused { name }, En) => format!(
            "\"{name}\" cannot be published with the story: web pages, scripts, profiles and plans are never copied onto the site"
        ),
        (FileReserved { name }, Vi) => {
            format!("tên tệp \"{name}\" trùng với một tệp bangvang tự tạo cho trang này")
        }
        (FileReserved { name }, En) => {
            format!("\"{name}\" is the name of a file bangvang makes for this page")
        }
        (PhotoWithoutConsent { name }, Vi) => format!(
            "câu chuyện dùng ảnh chân dung \"{name}\" nhưng người trong ảnh chưa đồng ý cho đăng"
        ),
        (PhotoWithoutConsent { name }, En) => format!(
            "the story shows the portrait \"{name}\", which the person has not agreed to publish"
        ),
        (TooDeep { limit }, Vi) => {
            format!("câu chuyện lồng các thẻ HTML sâu quá {limit} tầng, không thể đăng an toàn")
        }
        (TooDeep { limit }, En) => format!(
            "the story nests HTML more than {limit} levels deep, too deep to publish safely"
        ),
    }
}

pub fn hint(msg: &StoryMsg, lang: Lang) -> String {
    use Lang::{En, Vi};
    use StoryMsg::*;
    let s = match (msg, lang) {
        (ImageElsewhere { .. }, Vi) => {
            "tải ảnh về, đặt cạnh câu chuyện rồi viết ![mô tả ảnh](ten-anh.jpg)"
        }
        (ImageElsewhere { .. }, En) => {
            "download the image, put it beside the story and write ![description](image.jpg)"
        }
        (PageMissing { .. }, Vi) => {
            "địa chỉ hồ sơ có dạng /2024/nguyen-van-an/ (năm, rồi tên tệp hồ sơ không có .md)"
        }
        (PageMissing { .. }, En) => {
            "a profile's address is /2024/nguyen-van-an/ (the year, then its file name without .md)"
        }
        (PageNotPublished { pending: true, .. }, Vi) => {
            "bỏ liên kết và giữ lại chữ; thêm liên kết khi hồ sơ đó đã có quyết định công nhận"
        }
        (PageNotPublished { pending: true, .. }, En) => {
            "keep the words without the link; add the link once that profile has its decision"
        }
        (PageNotPublished { .. }, Vi) => "bỏ liên kết và giữ lại chữ",
        (PageNotPublished { .. }, En) => "keep the words without the link",
        (
            FileMissing {
                near: Some(near), ..
            },
            Vi,
        ) => {
            return format!(
                "trong thư mục có tệp \"{near}\": tên tệp phân biệt chữ hoa, chữ thường; sửa liên kết cho đúng tên đó hoặc đổi tên tệp"
            );
        }
        (
            FileMissing {
                near: Some(near), ..
            },
            En,
        ) => {
            return format!(
                "the folder has \"{near}\": file names are case-sensitive; write that name or rename the file"
            );
        }
        (FileMissing { .. }, Vi) => "đặt tệp vào thư mục đó, hoặc sửa tên tệp trong liên kết",
        (FileMissing { .. }, En) => "put the file in that folder, or correct its name in the link",
        (FileOutside { .. } | NotAFile { .. }, Vi) => {
            "chép tệp vào cạnh câu chuyện và chỉ ghi tên tệp, ví dụ ![](anh-hoat-dong.jpg)"
        }
        (FileOutside { .. } | NotAFile { .. }, En) => {
            "copy the file beside the story and write only its name, e.g. ![](activity.jpg)"
        }
        (FileRefused { .. }, Vi) => {
            "liên kết tới hồ sơ khác bằng địa chỉ của nó, ví dụ /2024/nguyen-van-an/; tài liệu thì lưu dạng PDF"
        }
        (FileRefused { .. }, En) => {
            "link another profile by its address, e.g. /2024/nguyen-van-an/; save documents as PDF"
        }
        (FileReserved { .. }, Vi) => "đổi tên tệp (và tên trong liên kết)",
        (FileReserved { .. }, En) => "rename the file (and the link)",
        (PhotoWithoutConsent { .. }, Vi) => {
            "thêm `photo_consent = true` nếu người trong ảnh đã đồng ý, hoặc bỏ ảnh khỏi câu chuyện"
        }
        (PhotoWithoutConsent { .. }, En) => {
            "add `photo_consent = true` if the person agreed, or take the photo out of the story"
        }
        (TooDeep { .. }, Vi) => {
            "bỏ bớt thẻ HTML lồng nhau; câu chuyện viết bằng Markdown không cần đến chúng"
        }
        (TooDeep { .. }, En) => "remove the nested HTML; a story in Markdown needs none",
    };
    s.to_string()
}
