//! The editor of `serve` (SPEC §7), at `/_bangvang/`: a page built into the binary
//! (`assets/`, nothing from another host, nothing of it in `build`'s output) and the
//! calls it makes. Every request reaching here has passed `serve::guard` (own Host, the
//! token, and for a write the server's own Origin); the paths it writes are profiles of
//! the site, resolved inside `content/` by the one writer.

mod draft;
mod form;
mod git;
mod list;
mod photo;
mod save;
pub mod schema;
mod words;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde::Serialize;
use serde_json::json;

use super::guard::{EDITOR, Guard, new_token};
use super::http::{Shared, Snapshot};
use super::wire::{Head, Request, Response};
use crate::content::edit::front_matter::{ProfileText, Refusal, Shown};
use crate::content::model::PhotoFile;
use crate::diag::Lang;
use draft::{Problem, form_of, judge, prepare};
use form::Draft;
use photo::{MAX_UPLOAD, Photos};
use save::{SaveError, hash, save};
pub use words::word;

const PAGE: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/editor.js");
const FORM_SCRIPT: &str = include_str!("assets/form.js");
const STYLE: &str = include_str!("assets/editor.css");

/// The address a new profile is judged under until it has one of its own.
const STAND_IN: &str = "ho-so-moi";

fn fill_slug(text: &str, slug: &str) -> String {
    text.replace("{slug}", slug)
}

/// The largest body of a request other than a photo: a profile and its story.
const MAX_JSON: usize = 4 * 1024 * 1024;

/// How large a body the request may send, from its head alone.
pub fn body_limit(head: &Head) -> usize {
    match (head.method.as_str(), head.path()) {
        ("PUT", "/_bangvang/api/upload") => MAX_UPLOAD,
        ("POST", _) => MAX_JSON,
        _ => 0,
    }
}

pub struct Editor {
    root: PathBuf,
    lang: Lang,
    photos: Photos,
    git: bool,
}

fn json_response(status: u16, value: &impl Serialize) -> Response {
    let body = serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec());
    secure(Response::new(status, "application/json", body))
}

/// The headers every answer of the editor carries: nothing cached, nothing framed,
/// nothing loaded from elsewhere, no address handed on.
fn secure(r: Response) -> Response {
    r.with("Cache-Control", "no-store")
        .with("X-Frame-Options", "DENY")
        .with("Referrer-Policy", "no-referrer")
        .with(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             frame-src 'self'; connect-src 'self'; base-uri 'self'; form-action 'self'; \
             frame-ancestors 'none'",
        )
}

#[derive(Deserialize)]
struct SaveRequest {
    draft: Draft,
    #[serde(default)]
    base: Option<String>,
    #[serde(default)]
    commit: bool,
}

impl Editor {
    pub fn new(root: &Path, lang: Lang) -> Editor {
        Editor {
            root: root.to_path_buf(),
            lang,
            photos: Photos::default(),
            git: git::available(root),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    fn lang_now(&self, shared: &Shared) -> Lang {
        shared.snapshot().map_or(self.lang, |s| s.lang)
    }

    fn error(&self, status: u16, lang: Lang, key: &str, detail: &str) -> Response {
        let message = match detail {
            "" => word(lang, key).to_string(),
            d => format!("{} ({d})", word(lang, key)),
        };
        json_response(status, &json!({ "error": message }))
    }

    /// The editor's address with the right token: the cookie is set and the token leaves
    /// the address bar.
    pub fn entry(&self, guard: &Guard) -> Response {
        secure(Response::text(303, ""))
            .with("Set-Cookie", &guard.set_cookie())
            .with("Location", EDITOR)
    }

    pub fn answer(&self, shared: &Shared, request: Request) -> Response {
        let head = &request.head;
        let lang = self.lang_now(shared);
        let Some(snap) = shared.snapshot() else {
            return self.error(503, lang, "err_no_site", "");
        };
        match (head.method.as_str(), head.path()) {
            ("GET" | "HEAD", "/_bangvang/") => self.page(lang),
            ("GET" | "HEAD", "/_bangvang/editor.js") => secure(Response::new(
                200,
                "text/javascript; charset=utf-8",
                SCRIPT.as_bytes(),
            )),
            ("GET" | "HEAD", "/_bangvang/form.js") => secure(Response::new(
                200,
                "text/javascript; charset=utf-8",
                FORM_SCRIPT.as_bytes(),
            )),
            ("GET" | "HEAD", "/_bangvang/editor.css") => secure(Response::new(
                200,
                "text/css; charset=utf-8",
                STYLE.as_bytes(),
            )),
            ("GET", "/_bangvang/api/site") => {
                let q = head.query("q").unwrap_or_default();
                json_response(200, &list::listing(&snap.site, &snap.diags, &q, lang))
            }
            ("GET", "/_bangvang/api/form") => {
                let year = head.query("year").and_then(|y| y.parse().ok()).unwrap_or(0);
                match form_of(&snap.site, year) {
                    Ok(f) => json_response(200, &f),
                    Err(p) => self.problem(p, lang),
                }
            }
            ("GET", "/_bangvang/api/profile") => {
                self.profile(&snap, &head.query("file").unwrap_or_default(), lang)
            }
            ("GET", "/_bangvang/api/photo") => {
                self.photo_on_disk(&snap, &head.query("file").unwrap_or_default())
            }
            ("GET", "/_bangvang/api/upload") => {
                match self.photos.get(&head.query("id").unwrap_or_default()) {
                    Some(u) => secure(Response::new(200, "image/jpeg", u.shown.bytes)),
                    None => secure(Response::text(404, "404")),
                }
            }
            ("PUT", "/_bangvang/api/upload") => self.upload(request.body, lang),
            ("POST", "/_bangvang/api/draft") => self.draft(&snap, &request.body, lang),
            ("POST", "/_bangvang/api/save") => self.save(&snap, &request.body, lang),
            _ => secure(Response::text(404, "404")),
        }
    }

    fn page(&self, lang: Lang) -> Response {
        let config = json!({
            "lang": lang.code(),
            "git": self.git,
            "words": words::table(lang),
            "maxUpload": MAX_UPLOAD,
        });
        // `<` escaped, so that no word can close the script element.
        let config = config.to_string().replace('<', "\\u003c");
        let html = PAGE
            .replace("{{lang}}", lang.code())
            .replace("{{title}}", word(lang, "title"))
            .replace("{{config}}", &config);
        secure(Response::new(200, "text/html; charset=utf-8", html))
    }

    fn problem(&self, p: Problem, lang: Lang) -> Response {
        match p {
            Problem::NotAProfile => self.error(404, lang, "err_not_a_profile", ""),
            Problem::NoPlan => self.error(422, lang, "err_no_plan", ""),
            Problem::BadSlug(s) => self.error(422, lang, "err_bad_slug", &s),
            Problem::Refused(Refusal::Formatting) => self.error(422, lang, "err_formatting", ""),
            Problem::Refused(_) => self.error(422, lang, "err_syntax", ""),
            Problem::Unreadable(d) => self.error(500, lang, "err_unreadable", &d),
        }
    }

    /// A profile's values for its form, the hash of its bytes and its problems.
    fn profile(&self, snap: &Snapshot, file: &str, lang: Lang) -> Response {
        let draft = Draft::of(file);
        let problems: Vec<draft::DiagView> = snap
            .diags
            .iter()
            .filter(|d| d.file == file)
            .map(|d| draft::view(d, lang))
            .collect();
        let prep = match prepare(&self.root, &snap.site, &draft, None) {
            Ok(p) => p,
            Err(Problem::Refused(r)) => {
                let key = match r {
                    Refusal::Formatting => "err_formatting",
                    _ => "err_syntax",
                };
                return json_response(
                    200,
                    &json!({ "file": file, "editable": false, "reason": word(lang, key),
                             "diagnostics": problems }),
                );
            }
            Err(p) => return self.problem(p, lang),
        };
        let photo = match prep.text.get(None, "photo") {
            Some(Shown::Text(name)) => Some(name),
            _ => None,
        };
        json_response(
            200,
            &json!({
                "file": file,
                "editable": true,
                "year": prep.year,
                "slug": prep.slug,
                "hash": prep.current.as_deref().map(hash),
                "values": form::values(&prep.text, &prep.form),
                "story": prep.text.body(),
                "photo": photo,
                "diagnostics": problems,
            }),
        )
    }

    fn photo_on_disk(&self, snap: &Snapshot, file: &str) -> Response {
        let draft = Draft::of(file);
        let found = prepare(&self.root, &snap.site, &draft, None)
            .ok()
            .and_then(|prep| draft::photo_file(&self.root, &prep));
        let Some((PhotoFile::Found { path, .. }, name)) = found else {
            return secure(Response::text(404, "404"));
        };
        match self.photos.shown_on_disk(&path, &name) {
            Ok(e) => secure(Response::new(200, "image/jpeg", e.bytes)),
            Err(m) => json_response(422, &json!({ "error": m.text(self.lang) })),
        }
    }

    fn upload(&self, body: Vec<u8>, lang: Lang) -> Response {
        let id = match new_token() {
            Ok(t) => t[..32].to_string(),
            Err(e) => return self.error(500, lang, "err_unreadable", &e),
        };
        match self.photos.upload(body, id) {
            Ok(u) => json_response(
                200,
                &json!({
                    "id": u.id,
                    "width": u.width,
                    "height": u.height,
                    "shown": { "width": u.shown.width, "height": u.shown.height },
                }),
            ),
            Err(m) => json_response(422, &json!({ "error": m.text(lang), "hint": m.hint(lang) })),
        }
    }

    fn draft(&self, snap: &Snapshot, body: &[u8], lang: Lang) -> Response {
        let Ok(d) = serde_json::from_slice::<Draft>(body) else {
            return self.error(400, lang, "err_request", "");
        };
        let upload = d.upload.as_deref().and_then(|id| self.photos.get(id));
        let name = upload.as_ref().map(|u| format!("anh-dai-dien.{}", u.ext));
        let mut extra = Vec::new();
        let prepared = match prepare(&self.root, &snap.site, &d, name.as_deref()) {
            // A new profile with no name or a bad address yet: judged under a stand-in
            // address, with a word beside the address field.
            Err(Problem::BadSlug(slug)) => {
                extra.push(draft::DiagView {
                    severity: "error",
                    rule: "bad-slug",
                    file: String::new(),
                    line: 1,
                    field: Some("slug".into()),
                    message: word(lang, "err_bad_slug").to_string(),
                    hint: fill_slug(word(lang, "hint_bad_slug"), &slug),
                });
                let stand_in = Draft {
                    slug: Some(STAND_IN.into()),
                    ..d.clone()
                };
                prepare(&self.root, &snap.site, &stand_in, name.as_deref())
            }
            other => other,
        };
        match prepared {
            Ok(prep) => {
                let judged = judge(&self.root, &snap.site, &prep, upload.as_ref());
                let mut answer = draft::answer(&snap.site, &prep, &judged, lang);
                if !extra.is_empty() {
                    // Not an address of its own: the page shows none.
                    answer.file.clear();
                    answer.slug.clear();
                }
                answer.diagnostics.splice(0..0, extra);
                json_response(200, &answer)
            }
            Err(p) => self.problem(p, lang),
        }
    }

    fn save(&self, snap: &Arc<Snapshot>, body: &[u8], lang: Lang) -> Response {
        let Ok(req) = serde_json::from_slice::<SaveRequest>(body) else {
            return self.error(400, lang, "err_request", "");
        };
        let upload = match req.draft.upload.as_deref() {
            Some(id) => match self.photos.get(id) {
                Some(u) => Some(u),
                None => return self.error(410, lang, "err_upload_gone", ""),
            },
            None => None,
        };
        let saved = match save(
            &self.root,
            &snap.site,
            &req.draft,
            req.base.as_deref(),
            upload.as_ref(),
        ) {
            Ok(s) => s,
            Err(SaveError::Problem(p)) => return self.problem(p, lang),
            Err(SaveError::Changed) => return self.error(409, lang, "err_changed", ""),
            Err(SaveError::Exists(p)) => return self.error(409, lang, "err_exists", &p),
            Err(SaveError::Write(e)) => {
                return self.error(500, lang, "err_write", &e.to_string());
            }
        };
        if let Some(u) = &upload {
            self.photos.forget(&u.id);
        }
        let commit = (req.commit && self.git).then(|| {
            let name = ProfileText::parse(
                &std::fs::read_to_string(self.root.join(&saved.file)).unwrap_or_default(),
            )
            .ok()
            .and_then(|t| t.get(None, "name"))
            .map_or_else(|| saved.file.clone(), |n| n.text());
            let new = req.draft.file.is_none();
            let message = word(
                lang,
                if new {
                    "git_message_new"
                } else {
                    "git_message_edit"
                },
            )
            .replace("{name}", &name)
            .replace("{file}", &saved.file);
            git::commit(&self.root, &saved.paths, &message)
        });
        json_response(
            200,
            &json!({
                "file": saved.file,
                "hash": saved.hash,
                "page": saved.page,
                "commit": commit.map(|c| match c {
                    Ok(h) => json!({ "ok": true, "hash": h }),
                    Err(e) => json!({ "ok": false, "error": e }),
                }),
            }),
        )
    }
}
