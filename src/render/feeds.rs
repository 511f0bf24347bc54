//! `atom.xml` (the newest recognitions, newest decision first) and `sitemap.xml`. Published,
//! recognised profiles only; dates come from the decisions, never from the clock.

use std::fmt::Write as _;

use super::index::Index;
use crate::content::model::Profile;
use crate::facts::status::Status;
use crate::text::date::Date;

pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The date a recognition is known by: the provincial decision's when there is one.
fn recognised_on(p: &Profile) -> Option<Date> {
    let d = |r: &Option<crate::content::model::Record>| {
        r.as_ref().and_then(|r| r.date.as_ref()).map(|d| d.value)
    };
    d(&p.province).or(d(&p.decision))
}

/// Recognised profiles, newest recognition first.
fn recognised<'a>(ix: &'a Index) -> Vec<(usize, &'a Profile, Date)> {
    let mut out: Vec<_> = ix
        .by_year
        .values()
        .flatten()
        .filter(|&&i| ix.status[i] == Status::Recognised)
        .filter_map(|&i| {
            let p = &ix.site.profiles[i];
            Some((i, p, recognised_on(p)?))
        })
        .collect();
    out.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| super::index::order(a.1, b.1)));
    out
}

fn id_of(ix: &Index, path: &str, year: u16, slug: &str) -> String {
    match &ix.urls.origin {
        Some(_) => ix.urls.absolute(path),
        None => format!("urn:bangvang:{year}:{slug}"),
    }
}

/// How many recognitions the feed carries, the newest: a reader polls it again and again,
/// and the whole roll is on the site.
pub const FEED_ENTRIES: usize = 100;

pub fn atom(ix: &Index) -> String {
    let cfg = &ix.site.config;
    let mut entries = recognised(ix);
    entries.truncate(FEED_ENTRIES);
    let updated = entries
        .first()
        .map_or_else(|| "1970-01-01".to_string(), |e| e.2.iso());
    let home = ix.urls.absolute(&ix.urls.home());
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        s,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        cfg.language.code()
    );
    let _ = writeln!(s, "  <title>{}</title>", xml_escape(&cfg.title));
    if !cfg.description.is_empty() {
        let _ = writeln!(s, "  <subtitle>{}</subtitle>", xml_escape(&cfg.description));
    }
    let _ = writeln!(
        s,
        "  <link rel=\"self\" href=\"{}\"/>",
        xml_escape(&ix.urls.absolute(&ix.urls.at("atom.xml")))
    );
    let _ = writeln!(s, "  <link href=\"{}\"/>", xml_escape(&home));
    let feed_id = if ix.urls.origin.is_some() {
        home.clone()
    } else {
        "urn:bangvang:feed".to_string()
    };
    let _ = writeln!(s, "  <id>{}</id>", xml_escape(&feed_id));
    let _ = writeln!(s, "  <updated>{updated}T00:00:00Z</updated>");
    let author = if cfg.organisation.is_empty() {
        &cfg.title
    } else {
        &cfg.organisation
    };
    let _ = writeln!(s, "  <author><name>{}</name></author>", xml_escape(author));
    for (i, p, date) in entries {
        let Some(card) = ix.card(i) else { continue };
        let _ = writeln!(s, "  <entry>");
        let _ = writeln!(s, "    <title>{}</title>", xml_escape(&card.name));
        let _ = writeln!(
            s,
            "    <link href=\"{}\"/>",
            xml_escape(&ix.urls.absolute(&card.url))
        );
        let _ = writeln!(
            s,
            "    <id>{}</id>",
            xml_escape(&id_of(ix, &card.url, p.year, &p.slug))
        );
        let _ = writeln!(s, "    <updated>{}T00:00:00Z</updated>", date.iso());
        let _ = writeln!(s, "    <category term=\"{}\"/>", card.kind);
        let _ = writeln!(s, "    <summary>{}</summary>", xml_escape(&card.summary));
        let _ = writeln!(s, "  </entry>");
    }
    s.push_str("</feed>\n");
    s
}

/// At most this many addresses in one sitemap file (the sitemap protocol's limit).
pub const SITEMAP_URLS: usize = 50_000;

const URLSET: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";

/// The sitemap's files: `sitemap.xml` with every page but the 404 page (the lists'
/// further pages, `further`, see `Layout::further_pages`, after their first); a site of
/// more than [`SITEMAP_URLS`] pages gets `sitemap-1.xml`, `sitemap-2.xml`… and
/// `sitemap.xml` is their index.
pub fn sitemap(ix: &Index, years: &[u16], further: &[String]) -> Vec<(String, String)> {
    let mut lines: Vec<String> = Vec::new();
    let mut url = |path: String, lastmod: Option<Date>| {
        let mut s = format!("  <url><loc>{}</loc>", xml_escape(&ix.urls.absolute(&path)));
        if let Some(d) = lastmod {
            let _ = write!(s, "<lastmod>{}</lastmod>", d.iso());
        }
        s.push_str("</url>\n");
        lines.push(s);
    };
    url(ix.urls.home(), None);
    for &y in years {
        url(ix.urls.year(y), None);
    }
    let mut profiles: Vec<usize> = ix
        .pages
        .iter()
        .copied()
        .filter(|&i| ix.status[i] == Status::Recognised)
        .collect();
    profiles.sort_by_key(|&i| (ix.site.profiles[i].year, ix.site.profiles[i].slug.as_str()));
    for i in profiles {
        let p = &ix.site.profiles[i];
        url(ix.urls.profile(p.year, &p.slug), recognised_on(p));
    }
    url(ix.urls.units(), None);
    let mut units: Vec<&str> = ix.site.units.iter().map(|u| u.id.as_str()).collect();
    units.sort_unstable();
    for id in units {
        url(ix.urls.unit(id), None);
    }
    url(ix.urls.stats(), None);
    url(ix.urls.search(), None);
    for path in further {
        url(path.clone(), None);
    }
    let urlset = |lines: &[String]| {
        let mut s = String::from(URLSET);
        lines.iter().for_each(|l| s.push_str(l));
        s.push_str("</urlset>\n");
        s
    };
    if lines.len() <= SITEMAP_URLS {
        return vec![("sitemap.xml".to_string(), urlset(&lines))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (k, chunk) in lines.chunks(SITEMAP_URLS).enumerate() {
        let name = format!("sitemap-{}.xml", k + 1);
        let loc = ix.urls.absolute(&ix.urls.at(&name));
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            xml_escape(&loc)
        );
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_string(), index));
    files
}
