//! Answering requests from the site held in memory: addresses resolve only to the site's
//! own files (`..`, `%2e%2e`, encoded slashes and absolute forms never reach anything
//! else), HTML pages get the live-reload script, and the diagnostics of a failed rebuild
//! are shown over the last good page. Every request has passed `guard` before it gets
//! here; `route` sends it to the site or to the editor.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;

use percent_encoding::percent_decode_str;

use super::editor::{self, Editor};
use super::guard::{Access, Guard, Refused};
use super::wire::{Head, Request, Response, Verdict};
use crate::content::model::Site;
use crate::diag::{Diagnostic, Lang};
use crate::render::theme::escape;

/// What the server holds: the last good site, the diagnostics of the last rebuild if it
/// failed, and a generation number that changes with every rebuild.
#[derive(Default)]
pub struct Served {
    pub files: Arc<HashMap<String, Arc<[u8]>>>,
    pub problems: Option<String>,
    pub generation: u64,
    /// Files merged from another thread that the site's owner has not taken yet.
    pub merged: HashMap<String, Arc<[u8]>>,
}

/// The model as the last rebuild read it, for the editor: the site and every diagnostic.
pub struct Snapshot {
    pub site: Arc<Site>,
    pub diags: Vec<Diagnostic>,
    pub lang: Lang,
}

#[derive(Default)]
pub struct Shared {
    pub served: Mutex<Served>,
    pub changed: Condvar,
    search_version: AtomicU64,
    snapshot: RwLock<Option<Arc<Snapshot>>>,
}

impl Shared {
    /// Hands the editor the model of the last rebuild.
    pub fn set_snapshot(&self, snapshot: Snapshot) {
        if let Ok(mut s) = self.snapshot.write() {
            *s = Some(Arc::new(snapshot));
        }
    }

    /// The model of the last rebuild.
    pub fn snapshot(&self) -> Option<Arc<Snapshot>> {
        self.snapshot.read().ok().and_then(|s| s.clone())
    }

    /// Replaces what is served and wakes the pages waiting for a reload.
    pub fn publish(&self, files: Option<HashMap<String, Arc<[u8]>>>, problems: Option<String>) {
        if let Ok(mut s) = self.served.lock() {
            if let Some(mut files) = files {
                // A search index merged meanwhile is newer than the owner's copy.
                files.extend(s.merged.iter().map(|(k, v)| (k.clone(), v.clone())));
                s.files = Arc::new(files);
            }
            s.problems = problems;
            s.generation += 1;
        }
        self.changed.notify_all();
    }

    /// A number for a search index about to be written; only the newest is kept.
    pub fn next_search_version(&self) -> u64 {
        self.search_version.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Adds files written on another thread (the search index) to what is served,
    /// without asking open pages to reload; ignored if a newer index was started since.
    pub fn merge_files(&self, files: HashMap<String, Arc<[u8]>>, version: u64) {
        if self.search_version.load(Ordering::SeqCst) != version {
            return;
        }
        if let Ok(mut s) = self.served.lock() {
            let mut all = (*s.files).clone();
            all.extend(files.iter().map(|(k, v)| (k.clone(), v.clone())));
            s.files = Arc::new(all);
            s.merged.extend(files);
        }
    }

    /// Forgets search indexes being written: a whole rebuild has just written its own.
    pub fn forget_merged(&self) {
        self.search_version.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut s) = self.served.lock() {
            s.merged.clear();
        }
    }

    /// The files merged since the last call, for the owner of the site to keep.
    pub fn take_merged(&self) -> HashMap<String, Arc<[u8]>> {
        self.served
            .lock()
            .map(|mut s| std::mem::take(&mut s.merged))
            .unwrap_or_default()
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(String),
    Redirect(String),
    NotFound,
}

/// Maps a request target to a file of the site, refusing anything that is not plainly a
/// path inside it.
pub fn resolve(target: &str, exists: impl Fn(&str) -> bool) -> Resolved {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') || path.starts_with("//") {
        return Resolved::NotFound;
    }
    let trailing = path.ends_with('/');
    let mut segments = Vec::new();
    for raw in path.split('/').filter(|s| !s.is_empty()) {
        let Ok(seg) = percent_decode_str(raw).decode_utf8() else {
            return Resolved::NotFound;
        };
        if seg == "." || seg == ".." || seg.contains(['/', '\\', '\0', ':']) {
            return Resolved::NotFound;
        }
        segments.push(seg.into_owned());
    }
    let joined = segments.join("/");
    let key = if joined.is_empty() {
        "index.html".to_string()
    } else if trailing {
        format!("{joined}/index.html")
    } else {
        joined.clone()
    };
    if exists(&key) {
        Resolved::File(key)
    } else if !trailing && !joined.is_empty() && exists(&format!("{joined}/index.html")) {
        Resolved::Redirect(format!("{}/", path))
    } else {
        Resolved::NotFound
    }
}

fn content_type(key: &str) -> &'static str {
    match key.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The live-reload script, and the diagnostics over the page when the last rebuild failed.
fn inject(html: &[u8], generation: u64, problems: Option<&str>) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(p) = problems {
        extra.push_str(
            "<div id=\"bangvang-problems\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:9999;margin:0;padding:1rem;background:#fff8e1;color:#1a1a1a;border-top:4px solid #b71c1c;font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap\">",
        );
        extra.push_str(&escape(p));
        extra.push_str("</div>");
    }
    extra.push_str(&format!(
        "<script>(function(){{var g={generation};function w(){{fetch('/__bangvang/wait?since='+g).then(function(r){{return r.json()}}).then(function(d){{if(d.generation!==g){{location.reload()}}else{{w()}}}}).catch(function(){{setTimeout(w,1000)}})}}w()}})();</script>"
    ));
    let text = String::from_utf8_lossy(html);
    let out = match text.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]),
        None => format!("{text}{extra}"),
    };
    out.into_bytes()
}

/// Answers `/__bangvang/wait?since=N` when the generation differs from N (or after a
/// while, so that connections do not hang forever).
fn wait(shared: &Shared, head: &Head) -> Response {
    let since: u64 = head
        .query("since")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut generation = since;
    if let Ok(guard) = shared.served.lock() {
        let result = shared
            .changed
            .wait_timeout_while(guard, Duration::from_secs(25), |s| s.generation == since);
        if let Ok((s, _)) = result {
            generation = s.generation;
        }
    }
    Response::new(
        200,
        "application/json",
        format!("{{\"generation\":{generation}}}").into_bytes(),
    )
    .with("Cache-Control", "no-store")
}

/// A file of the site, or its 404 page.
pub fn site_file(shared: &Shared, head: &Head) -> Response {
    if head.path() == "/__bangvang/wait" {
        return wait(shared, head);
    }
    if !matches!(head.method.as_str(), "GET" | "HEAD") {
        return Response::text(405, "405").with("Allow", "GET, HEAD");
    }
    let (files, problems, generation) = match shared.served.lock() {
        Ok(s) => (s.files.clone(), s.problems.clone(), s.generation),
        Err(_) => return Response::text(500, "500"),
    };
    let (status, key) = match resolve(&head.target, |k| files.contains_key(k)) {
        Resolved::File(key) => (200, key),
        Resolved::Redirect(location) => {
            return Response::text(301, "").with("Location", &location);
        }
        Resolved::NotFound => (404, "404.html".to_string()),
    };
    let body = files
        .get(&key)
        .map_or_else(|| b"404".to_vec(), |b| b.to_vec());
    let body = if key.ends_with(".html") {
        inject(&body, generation, problems.as_deref())
    } else {
        body
    };
    Response::new(status, content_type(&key), body).with("Cache-Control", "no-store")
}

/// The words of a refusal (from the editor's table): a person who reaches it should know
/// what to do.
fn refusal(why: Refused, lang: Lang) -> Response {
    let key = match why {
        Refused::Host => "refused_host",
        Refused::Target => "refused_target",
        Refused::Token => "refused_token",
        Refused::Origin => "refused_origin",
    };
    Response::text(403, &format!("403: {}", editor::word(lang, key)))
        .with("Cache-Control", "no-store")
}

/// Routes requests: the guard first, then the body limit, then the site or the editor.
pub struct Router {
    pub guard: Guard,
    pub editor: Editor,
    pub shared: Arc<Shared>,
}

impl Router {
    fn lang(&self) -> Lang {
        self.editor.lang()
    }

    /// Whether a request may go on and how much body it may send, from its head alone.
    pub fn admit(&self, head: &Head) -> Verdict {
        match self.guard.check(head) {
            Ok(Access::Site) => Verdict::Read(0),
            Ok(_) => Verdict::Read(editor::body_limit(head)),
            Err(why) => Verdict::Refuse(refusal(why, self.lang())),
        }
    }

    pub fn answer(&self, request: Request) -> Response {
        match self.guard.check(&request.head) {
            Ok(Access::Site) => site_file(&self.shared, &request.head),
            Ok(Access::Entry) => self.editor.entry(&self.guard),
            Ok(Access::Editor) => self.editor.answer(&self.shared, request),
            Err(why) => refusal(why, self.lang()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(k: &str) -> bool {
        [
            "index.html",
            "2024/index.html",
            "2024/a/index.html",
            "style.css",
        ]
        .contains(&k)
    }

    #[test]
    fn resolves_pages_and_refuses_the_rest() {
        assert_eq!(resolve("/", site), Resolved::File("index.html".into()));
        assert_eq!(
            resolve("/2024/a/?x=1", site),
            Resolved::File("2024/a/index.html".into())
        );
        assert_eq!(
            resolve("/2024/a", site),
            Resolved::Redirect("/2024/a/".into())
        );
        assert_eq!(
            resolve("/style.css", site),
            Resolved::File("style.css".into())
        );
        for bad in [
            "/../etc/passwd",
            "/2024/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/2024%2Fa/",
            "/..%5c..%5cetc",
            "http://example.org/",
            "//etc/passwd",
            "/C:%5Cwindows",
            "*",
            "/%ff/",
        ] {
            assert_eq!(resolve(bad, site), Resolved::NotFound, "{bad}");
        }
    }

    #[test]
    fn injects_before_the_end_of_body() {
        let out = String::from_utf8(inject(
            b"<html><body><p>x</p></body></html>",
            3,
            Some("error[syntax]: a <b>"),
        ))
        .expect("utf-8");
        assert!(out.contains("var g=3;"));
        assert!(out.contains("error[syntax]: a &lt;b&gt;"));
        assert!(out.ends_with("</script></body></html>"));
    }
}
