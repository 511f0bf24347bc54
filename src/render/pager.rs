//! Lists in pages: where a long list breaks into pages, and the pager a page shows. A
//! list's first page keeps its own address (`/2024/`); the others are `trang/N/` below it
//! (`/2024/trang/2/`), as Hugo's `page/N/` and Zola's `paginate_path`.

use std::ops::Range;

use serde::Serialize;

use super::theme::escape;
use super::views::Card;

/// At most this many exemplars on one page of a list: a phone scrolls through them in a
/// minute, and the page stays far below 150 KB.
pub const PAGE_ITEMS: usize = 60;

/// At most this many bytes of items (as [`card_weight`] reckons them) on one page; the
/// frame of the page (header, navigation, footer) comes on top.
pub const PAGE_BYTES: usize = 80 * 1024;

/// Where a list of items breaks into pages: at most `max_items` items and `budget` bytes
/// of them on a page, and `first` bytes less on the first page (which also has the list's
/// summary). Every page holds at least one item; an empty list is one empty page.
pub fn split(
    weights: &[usize],
    first: usize,
    max_items: usize,
    budget: usize,
) -> Vec<Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    let mut used = first.min(budget);
    for (i, &w) in weights.iter().enumerate() {
        let items = i - start;
        if items > 0 && (items >= max_items || used + w > budget) {
            pages.push(start..i);
            start = i;
            used = 0;
        }
        used += w;
    }
    pages.push(start..weights.len());
    pages
}

/// How many bytes a card takes on a list page, reckoned from its texts as they will be
/// escaped: a little more than the default theme's `card.html` writes, so that the pages
/// of a theme with larger cards also stay within bounds.
pub fn card_weight(c: &Card) -> usize {
    let e = |s: &str| escape(s).len();
    let photo = c
        .avatar
        .photo
        .as_ref()
        .map_or(0, |p| p.src.len() + p.srcset.len() + 60);
    480 + 2 * e(&c.name)
        + c.position.as_deref().map_or(0, e)
        + e(&c.unit_name)
        + e(&c.summary)
        + 2 * c.url.len()
        + c.unit_url.len()
        + photo
}

/// The address of page `n` (1-based) of the list at `first` (a path ending in `/`).
pub fn page_url(first: &str, n: usize) -> String {
    if n <= 1 {
        first.to_string()
    } else {
        format!("{first}trang/{n}/")
    }
}

/// One entry of a pager's list of pages: a page, or a gap (`number` 0) between numbers.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

/// What a page of a list shows to go to the others (absent when the list is one page).
#[derive(Serialize, Debug, Clone)]
pub struct PagerView {
    /// This page's number (1-based) and the number of pages.
    pub number: usize,
    pub count: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The first and last pages, this one and its neighbours; gaps between.
    pub pages: Vec<PageLink>,
}

/// How many page numbers a pager shows on each side of the current one: with the first
/// and the last, five numbers fit a phone's width at a thumb's size.
const AROUND: usize = 1;

/// The pager of page `number` of `count` pages of the list at `first`; `None` for a list
/// of one page.
pub fn pager(first: &str, number: usize, count: usize) -> Option<PagerView> {
    if count <= 1 {
        return None;
    }
    let shown = |n: usize| n == 1 || n == count || n.abs_diff(number) <= AROUND;
    let mut pages = Vec::new();
    for n in 1..=count {
        if shown(n) {
            pages.push(PageLink {
                number: n,
                url: page_url(first, n),
                current: n == number,
            });
        } else if pages.last().is_some_and(|p: &PageLink| p.number != 0) {
            pages.push(PageLink {
                number: 0,
                url: String::new(),
                current: false,
            });
        }
    }
    // A gap of one page is shown as that page: a number is as short as the ellipsis.
    let pages = pages
        .iter()
        .enumerate()
        .map(|(k, p)| {
            match (
                p.number,
                k.checked_sub(1).map(|b| &pages[b]),
                pages.get(k + 1),
            ) {
                (0, Some(a), Some(b)) if b.number == a.number + 2 => PageLink {
                    number: a.number + 1,
                    url: page_url(first, a.number + 1),
                    current: false,
                },
                _ => p.clone(),
            }
        })
        .collect();
    Some(PagerView {
        number,
        count,
        prev: (number > 1).then(|| page_url(first, number - 1)),
        next: (number < count).then(|| page_url(first, number + 1)),
        pages,
    })
}

/// The page (1-based) of `pages` that holds item `i`.
pub fn page_of(pages: &[Range<usize>], i: usize) -> usize {
    pages.partition_point(|r| r.end <= i) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_hold_at_most_so_many_items_and_bytes() {
        assert_eq!(split(&[], 0, 3, 100), vec![0..0]);
        assert_eq!(split(&[10; 7], 0, 3, 100), vec![0..3, 3..6, 6..7]);
        assert_eq!(split(&[40; 5], 0, 10, 100), vec![0..2, 2..4, 4..5]);
        // The first page has less room; an item heavier than a page has one of its own.
        assert_eq!(split(&[40; 4], 50, 10, 100), vec![0..1, 1..3, 3..4]);
        assert_eq!(split(&[500, 10], 0, 10, 100), vec![0..1, 1..2]);
        let pages = split(&[10; 7], 0, 3, 100);
        assert_eq!(page_of(&pages, 0), 1);
        assert_eq!(page_of(&pages, 5), 2);
        assert_eq!(page_of(&pages, 6), 3);
    }

    #[test]
    fn the_pager_shows_ends_neighbours_and_gaps() {
        assert!(pager("/2024/", 1, 1).is_none());
        let p = pager("/2024/", 6, 20).unwrap();
        let numbers: Vec<usize> = p.pages.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 0, 5, 6, 7, 0, 20]);
        assert_eq!(p.prev.as_deref(), Some("/2024/trang/5/"));
        assert_eq!(p.next.as_deref(), Some("/2024/trang/7/"));
        assert!(p.pages.iter().filter(|l| l.current).all(|l| l.number == 6));
        let p = pager("/don-vi/x/", 1, 3).unwrap();
        assert_eq!(p.pages[0].url, "/don-vi/x/");
        assert_eq!(p.pages[2].url, "/don-vi/x/trang/3/");
        assert!(p.prev.is_none());
        // A gap of a single page shows its number instead.
        let p = pager("/a/", 3, 5).unwrap();
        let numbers: Vec<usize> = p.pages.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        let p = pager("/a/", 4, 7).unwrap();
        let numbers: Vec<usize> = p.pages.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(p.pages[1].url, "/a/trang/2/");
    }
}
