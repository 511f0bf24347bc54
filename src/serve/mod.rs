//! `bangvang serve`: build into memory, serve on loopback, watch `content/` and
//! `themes/`, rebuild on change and reload open pages. A failed rebuild keeps the last
//! good site and shows its diagnostics over it; fixing the file brings the site back.

pub mod http;
pub mod site;
pub mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::thread;

use crate::diag::{Fatal, Lang};
use http::Shared;
use site::Live;

pub struct Options<'a> {
    pub root: &'a Path,
    pub port: u16,
    pub bind: &'a str,
    pub lang: Option<Lang>,
}

/// Starts the server; returns only if it cannot start or the watcher stops.
pub fn run(o: &Options) -> Result<(), Vec<Fatal>> {
    let ip: IpAddr = o.bind.parse().map_err(|_| {
        vec![Fatal::BadArgument {
            detail: format!("--bind {}: not an IP address", o.bind),
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
    if !ip.is_loopback() {
        match lang {
            Lang::Vi => eprintln!("chú ý: đang mở cho mọi máy truy cập được {ip} (theo --bind)"),
            Lang::En => {
                eprintln!("note: serving to every machine that can reach {ip} (as --bind says)")
            }
        }
    }
    let server = tiny_http::Server::http(SocketAddr::new(ip, o.port)).map_err(|e| {
        vec![Fatal::Unwritable {
            path: format!("{ip}:{}", o.port),
            detail: e.to_string(),
        }]
    })?;
    let shared = Arc::new(Shared::default());
    live.publish(&shared);
    let addr = server
        .server_addr()
        .to_ip()
        .map_or_else(|| format!("{ip}:{}", o.port), |a| a.to_string());
    match lang {
        Lang::Vi => println!("đang phục vụ tại http://{addr}/ (Ctrl+C để dừng)"),
        Lang::En => println!("serving at http://{addr}/ (Ctrl+C to stop)"),
    }
    let server = Arc::new(server);
    {
        let (server, shared) = (server.clone(), shared.clone());
        thread::spawn(move || {
            for request in server.incoming_requests() {
                let shared = shared.clone();
                thread::spawn(move || http::answer(&shared, request));
            }
        });
    }
    while let Some(batch) = changes.next_batch() {
        live.update(&batch);
        live.publish(&shared);
        live.catch_up(&shared);
    }
    Ok(())
}
