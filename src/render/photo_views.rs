//! The views of published photos on the pages: the sizes a card and a profile page offer,
//! with `srcset`, `sizes` and the intrinsic size (the files are made by `media::photos`).

use super::index::Index;
use super::urls::Urls;
use super::views::PhotoView;
use crate::content::model::Profile;
use crate::diag::Lang;
use crate::media::photos::{Published, Size, file_name};

/// What `sizes` says on list cards: the width of `.card-pic` in the default theme.
pub const CARD_SIZES: &str = "(min-width: 40rem) 4.5rem, 3.5rem";
/// What `sizes` says on a profile page: the width of `.portrait` in the default theme.
pub const PORTRAIT_SIZES: &str = "(min-width: 56rem) 16rem, (min-width: 40rem) 12rem, 9rem";
/// The widest size a card offers; the profile page offers them all.
const CARD_MAX: u32 = 320;
/// The size named in `src` (for browsers without `srcset`): the widest at most this.
const CARD_SRC: u32 = 160;
const PORTRAIT_SRC: u32 = 320;

fn srcset(urls: &Urls, dir: &str, sizes: &[&Size]) -> String {
    sizes
        .iter()
        .map(|s| {
            format!(
                "{} {}w",
                urls.at(&format!("{dir}/{}", file_name(s.width))),
                s.width
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The view of a photo offering `offered` sizes (narrowest first), `src` the widest at
/// most `src_max` (or the narrowest), its intrinsic size in `width` and `height`.
fn view(
    urls: &Urls,
    p: &Profile,
    offered: &[&Size],
    src_max: u32,
    sizes: &str,
    alt: String,
) -> Option<PhotoView> {
    let src = offered
        .iter()
        .rev()
        .find(|s| s.width <= src_max)
        .or(offered.first())?;
    let dir = format!("{}/{}", p.year, p.slug);
    Some(PhotoView {
        src: urls.at(&format!("{dir}/{}", file_name(src.width))),
        srcset: srcset(urls, &dir, offered),
        sizes: sizes.to_string(),
        width: src.width,
        height: src.height,
        alt,
    })
}

/// The photo on a list card: small sizes; decorative (the name is printed beside it).
pub fn card_view(urls: &Urls, p: &Profile, sizes: &[Size]) -> Option<PhotoView> {
    let mut offered: Vec<&Size> = sizes.iter().filter(|s| s.width <= CARD_MAX).collect();
    if offered.is_empty() {
        offered = sizes.iter().take(1).collect();
    }
    view(urls, p, &offered, CARD_SRC, CARD_SIZES, String::new())
}

/// The photo on the profile's own page: every size.
pub fn portrait_view(urls: &Urls, p: &Profile, sizes: &[Size], lang: Lang) -> Option<PhotoView> {
    let alt = match lang {
        Lang::Vi => format!("Ảnh chân dung {}", p.name()),
        Lang::En => format!("Portrait of {}", p.name()),
    };
    let offered: Vec<&Size> = sizes.iter().collect();
    view(urls, p, &offered, PORTRAIT_SRC, PORTRAIT_SIZES, alt)
}

/// Puts the published photos on the cards and the profile pages of `index`.
pub fn attach(index: &mut Index, published: &Published, lang: Lang) {
    let site = index.site;
    for (i, sizes) in published.sizes.iter().enumerate() {
        let Some(sizes) = sizes else { continue };
        let p = &site.profiles[i];
        let card = card_view(&index.urls, p, sizes);
        let portrait = portrait_view(&index.urls, p, sizes, lang);
        if let Some(c) = index.cards[i].as_mut() {
            c.avatar.photo = card;
        }
        index.portraits[i] = portrait;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_name_intrinsic_sizes() {
        let urls = Urls::new("/thi-dua/");
        let p = test_profile();
        let sizes = [
            Size {
                width: 160,
                height: 213,
            },
            Size {
                width: 320,
                height: 427,
            },
            Size {
                width: 640,
                height: 853,
            },
        ];
        let card = card_view(&urls, &p, &sizes).expect("a view");
        assert_eq!(card.src, "/thi-dua/2024/a/anh-160.jpg");
        assert_eq!((card.width, card.height), (160, 213));
        assert_eq!(
            card.srcset,
            "/thi-dua/2024/a/anh-160.jpg 160w, /thi-dua/2024/a/anh-320.jpg 320w"
        );
        let page = portrait_view(&urls, &p, &sizes, Lang::Vi).expect("a view");
        assert_eq!(page.src, "/thi-dua/2024/a/anh-320.jpg");
        assert_eq!((page.width, page.height), (320, 427));
        assert!(page.srcset.ends_with("anh-640.jpg 640w"));
        let small = [Size {
            width: 100,
            height: 120,
        }];
        let card = card_view(&urls, &p, &small).expect("a view");
        assert_eq!(
            (card.src.as_str(), card.width),
            ("/thi-dua/2024/a/anh-100.jpg", 100)
        );
    }

    fn test_profile() -> Profile {
        let doc = crate::content::source::Doc::new("content/2024/a.md", String::new(), 1);
        Profile::empty(doc, 2024, "a")
    }
}
