//! `bangvang serve`: build into memory, serve on loopback, watch `content/` and
//! `themes/`, rebuild on change and reload open pages. A failed rebuild keeps the last
//! good site and shows its diagnostics over it; fixing the file brings the site back.
//! Beside the site, the editor (`editor/`, SPEC §7) at `/_bangvang/`, behind `guard`.

pub mod editor;
pub mod guard;
pub mod http;
pub mod site;
pub mod watch;
pub mod wire;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crate::diag::{Fatal, Lang};
use guard::{EDITOR, Guard, authority};
use http::{Router, Shared};
use site::Live;

/// The most connections served at once; more are answered 503 and closed.
const MAX_CONNECTIONS: usize = 64;

pub struct Options<'a> {
    pub root: &'a Path,
    pub port: u16,
    pub bind: &'a str,
    pub lang: Option<Lang>,
}

/// Starts the server; returns only if it cannot start or the watcher stops.
pub fn run(o: &Options) -> Result<(), Vec<Fatal>> {
    let ip: IpAddr = o.bind.parse().map_err(|_| {
        vec![Fatal::BadBind {
            value: o.bind.to_string(),
        }]
    })?;
    // Watch first, so that an edit made during the first build is not missed.
    let changes = watch::Changes::watch(o.root).map_err(|e| {
        vec![Fatal::Unreadable {
            path: o.root.display().to_string(),
            detail: e.to_string(),
        }]
    })?;
    let mut live = Live::start(o.root, o.lang)?;
    let lang = live.lang();
    if ip.is_unspecified() {
        match lang {
            Lang::Vi => eprintln!(
                "chú ý: với --bind {ip}, chỉ các địa chỉ của chính máy này (127.0.0.1, localhost) được trả lời; để máy khác trong mạng xem được, hãy dùng --bind với địa chỉ mạng của máy, ví dụ --bind 192.168.1.10"
            ),
            Lang::En => eprintln!(
                "note: with --bind {ip}, only this machine's own names (127.0.0.1, localhost) are answered; for other machines of the network, --bind this machine's network address, e.g. --bind 192.168.1.10"
            ),
        }
    } else if !ip.is_loopback() {
        match lang {
            Lang::Vi => eprintln!("chú ý: đang mở cho mọi máy truy cập được {ip} (theo --bind)"),
            Lang::En => {
                eprintln!("note: serving to every machine that can reach {ip} (as --bind says)")
            }
        }
    }
    let listener = TcpListener::bind(SocketAddr::new(ip, o.port)).map_err(|e| {
        vec![match e.kind() {
            std::io::ErrorKind::AddrInUse => Fatal::PortInUse {
                address: ip.to_string(),
                port: o.port,
            },
            _ => Fatal::Unwritable {
                path: format!("{ip}:{}", o.port),
                detail: e.to_string(),
            },
        }]
    })?;
    let port = listener.local_addr().map_or(o.port, |a| a.port());
    let token = guard::new_token().map_err(|detail| {
        vec![Fatal::Unwritable {
            path: "getrandom".into(),
            detail,
        }]
    })?;
    let shared = Arc::new(Shared::default());
    live.publish(&shared);
    let addr = authority(ip, port);
    let shown = if ip.is_unspecified() {
        authority("127.0.0.1".parse().unwrap_or(ip), port)
    } else {
        addr.clone()
    };
    let editor_url = format!("http://{shown}{EDITOR}?token={token}");
    match lang {
        Lang::Vi => {
            println!("đang phục vụ tại http://{shown}/ (Ctrl+C để dừng)");
            println!("trình soạn hồ sơ: {editor_url}");
            println!("  (mã trong địa chỉ là chìa khoá của trình soạn: đừng gửi cho ai)");
        }
        Lang::En => {
            println!("serving at http://{shown}/ (Ctrl+C to stop)");
            println!("editor: {editor_url}");
            println!("  (the token in this address is the editor's key: do not share it)");
        }
    }
    let router = Arc::new(Router {
        guard: Guard::new(ip, port, token),
        editor: editor::Editor::new(o.root, lang),
        shared: shared.clone(),
    });
    thread::spawn(move || accept(&listener, &router));
    while let Some(batch) = changes.next_batch() {
        live.update(&batch);
        live.publish(&shared);
        live.catch_up(&shared);
    }
    Ok(())
}

/// Takes connections, each on a thread of its own, at most [`MAX_CONNECTIONS`] at once.
fn accept(listener: &TcpListener, router: &Arc<Router>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let _ = std::io::Write::write_all(
                &mut stream,
                b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
            continue;
        }
        let (router, open) = (router.clone(), open.clone());
        thread::spawn(move || {
            wire::serve(stream, &|h| router.admit(h), &|r| router.answer(r));
            open.fetch_sub(1, Ordering::SeqCst);
        });
    }
}
