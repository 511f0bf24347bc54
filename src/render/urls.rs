//! Addresses of the pages (SPEC §4), honouring `base_url`: a path (`/`, `/thi-dua/`) or a
//! full address. Links inside the site use the path, so it works on any host; feeds and
//! the sitemap use the full address when there is one.

/// The base of every address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Urls {
    /// The path the site is served from: starts and ends with `/`.
    pub base: String,
    /// `https://host` when `base_url` is a full address.
    pub origin: Option<String>,
}

impl Urls {
    pub fn new(base_url: &str) -> Urls {
        let (origin, path) = match base_url.split_once("://") {
            Some((scheme, rest)) => {
                let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
                (Some(format!("{scheme}://{host}")), path.to_string())
            }
            None => (None, base_url.to_string()),
        };
        let trimmed = path.trim_matches('/');
        let base = if trimmed.is_empty() {
            "/".to_string()
        } else {
            format!("/{trimmed}/")
        };
        Urls { base, origin }
    }

    /// The address of a path inside the site (`rel` has no leading `/`).
    pub fn at(&self, rel: &str) -> String {
        format!("{}{}", self.base, rel.trim_start_matches('/'))
    }

    /// The full address when the origin is known, the path otherwise.
    pub fn absolute(&self, path: &str) -> String {
        match &self.origin {
            Some(o) => format!("{o}{path}"),
            None => path.to_string(),
        }
    }

    pub fn home(&self) -> String {
        self.base.clone()
    }

    pub fn year(&self, year: u16) -> String {
        self.at(&format!("{year}/"))
    }

    pub fn profile(&self, year: u16, slug: &str) -> String {
        self.at(&format!("{year}/{slug}/"))
    }

    pub fn units(&self) -> String {
        self.at("don-vi/")
    }

    pub fn unit(&self, id: &str) -> String {
        self.at(&format!("don-vi/{id}/"))
    }

    pub fn search(&self) -> String {
        self.at("tim-kiem/")
    }

    /// The year's honour board to print (SPEC §5).
    pub fn board(&self, year: u16) -> String {
        self.at(&format!("{year}/in/"))
    }

    /// The statistics page (SPEC §5).
    pub fn stats(&self) -> String {
        self.at("thong-ke/")
    }

    /// The host (and path) of a full `base_url`, as a card prints it at its foot:
    /// `thiduakhenthuong.sxd.binhphuoc.gov.vn/thi-dua`.
    pub fn host(&self) -> Option<String> {
        let origin = self.origin.as_ref()?;
        let host = origin.split_once("://").map_or(origin.as_str(), |(_, h)| h);
        Some(format!("{host}{}", self.base.trim_end_matches('/')))
    }
}

/// The file a page's address is written to, relative to the output folder.
pub fn page_file(rel_dir: &str) -> String {
    if rel_dir.is_empty() {
        "index.html".to_string()
    } else {
        format!("{}/index.html", rel_dir.trim_matches('/'))
    }
}

/// Files at the top of the site that the build makes (a page, a feed, the home page's
/// share card; the other cards and the QR codes are in the years' folders).
pub const GENERATED_FILES: &[&str] = &[
    "index.html",
    "404.html",
    "atom.xml",
    "sitemap.xml",
    "chia-se.png",
    "chia-se.jpg",
];

/// Folders at the top of the site that the build makes whole: every path in them is the
/// build's (the units' pages, the search page and its index, the statistics).
pub const GENERATED_FOLDERS: &[&str] = &["don-vi", "tim-kiem", "thong-ke"];

/// Whether the build makes the file at `path` (inside the site, `/`-separated), so that
/// a file of `content/static/` there would replace it (`static-conflict`). The one place
/// that knows which paths are the build's: the files of [`GENERATED_FILES`], everything
/// in [`GENERATED_FOLDERS`] and in a year's folder (four digits: its roll, its profiles
/// and their photos, its print board `YEAR/in/`), bangvang's own records (`.bangvang-…`
/// at the top), and the `.gz` twin of any of these. The theme's static files
/// (`style.css`, `search.js`, the favicon) are not: a site's own may replace them. A page
/// or file added to the build at a new place is added here.
pub fn generated(path: &str) -> bool {
    let path = path.strip_suffix(".gz").unwrap_or(path);
    let top = path.split('/').next().unwrap_or(path);
    let year = top.len() == 4 && top.bytes().all(|b| b.is_ascii_digit());
    GENERATED_FILES.contains(&path)
        || GENERATED_FOLDERS.contains(&top)
        || year
        || crate::output::manifest::reserved(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paths_the_build_makes() {
        for made in [
            "index.html",
            "404.html",
            "atom.xml",
            "sitemap.xml.gz",
            "2024/index.html",
            "2024/nguyen-van-an/anh-320.jpg",
            "2024/in/index.html",
            "chia-se.png",
            "2024/chia-se.png",
            "2024/nguyen-van-an/chia-se.jpg",
            "2024/nguyen-van-an/qr.svg",
            "2024",
            "don-vi/index.html",
            "don-vi",
            "tim-kiem/index.json",
            "tim-kiem/t/ab.json",
            "thong-ke/index.html",
            ".bangvang-files.json",
            "index.html.gz",
        ] {
            assert!(generated(made), "{made}");
        }
        for own in [
            "favicon.svg",
            "logo.png",
            "style.css",
            "search.js",
            "tai-lieu/bao-cao.pdf",
            "robots.txt",
            ".well-known/security.txt",
            "20245/x",
            "don-vi.pdf",
        ] {
            assert!(!generated(own), "{own}");
        }
    }

    #[test]
    fn paths_and_full_addresses() {
        let u = Urls::new("/");
        assert_eq!(u.profile(2024, "a"), "/2024/a/");
        assert_eq!(u.absolute("/2024/"), "/2024/");
        let u = Urls::new("/thi-dua");
        assert_eq!(u.unit("x"), "/thi-dua/don-vi/x/");
        let u = Urls::new("https://intranet.example/thi-dua/");
        assert_eq!(u.base, "/thi-dua/");
        assert_eq!(
            u.absolute(&u.year(2024)),
            "https://intranet.example/thi-dua/2024/"
        );
        let u = Urls::new("https://example.vn");
        assert_eq!(u.home(), "/");
        assert_eq!(page_file(""), "index.html");
        assert_eq!(page_file("2024/a/"), "2024/a/index.html");
        let u = Urls::new("https://intranet.example/thi-dua/");
        assert_eq!(u.board(2024), "/thi-dua/2024/in/");
        assert_eq!(u.stats(), "/thi-dua/thong-ke/");
        assert_eq!(u.host().as_deref(), Some("intranet.example/thi-dua"));
        assert_eq!(Urls::new("/").host(), None);
    }
}
