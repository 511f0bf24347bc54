//! A real `bangvang serve` on a free port, and a raw HTTP client that sends exactly the
//! bytes a test asks for (any Host, Origin, cookie, size).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::Fixture;

pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// The editor's address as printed, with its token.
    pub editor: String,
    pub token: String,
}

/// An answer: status, headers (names lowercase) and body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn parse(response: &[u8]) -> Answer {
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(response.len());
    let head = String::from_utf8_lossy(&response[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let body = response.get(end + 4..).unwrap_or_default().to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

impl Server {
    pub fn start(f: &Fixture) -> Server {
        Server::start_with(f, &[])
    }

    pub fn start_with(f: &Fixture, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bangvang"))
            .args(["serve", "--port", "0", "--lang", "en"])
            .args(args)
            .current_dir(f.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let wait = Duration::from_secs(60);
        let first = rx.recv_timeout(wait).expect("a first line");
        let second = rx.recv_timeout(wait).expect("a second line");
        let addr = first
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .to_string();
        let editor = second
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no editor address in {second:?}"))
            .to_string();
        let token = editor
            .split("token=")
            .nth(1)
            .unwrap_or_else(|| panic!("no token in {editor}"))
            .to_string();
        Server {
            child,
            addr,
            editor,
            token,
        }
    }

    pub fn port(&self) -> &str {
        self.addr.rsplit(':').next().unwrap_or("")
    }

    /// Sends `bytes` as they are and reads the whole answer.
    pub fn raw(&self, bytes: &[u8]) -> Answer {
        let mut stream = TcpStream::connect(&self.addr).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        // The server may answer (and close) before it has read everything.
        let _ = stream.write_all(bytes);
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        parse(&response)
    }

    /// A request with `headers` (a Host of the server's own unless one is given).
    pub fn request(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Answer {
        let mut head = format!("{method} {target} HTTP/1.1\r\n");
        if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("host")) {
            head.push_str(&format!("Host: {}\r\n", self.addr));
        }
        for (n, v) in headers {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
        if !body.is_empty() || method == "POST" || method == "PUT" {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        head.push_str("Connection: close\r\n\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(body);
        self.raw(&bytes)
    }

    pub fn cookie(&self) -> String {
        format!("bangvang-{}={}", self.port(), self.token)
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A GET of the editor with its cookie.
    pub fn editor_get(&self, target: &str) -> Answer {
        let cookie = self.cookie();
        self.request("GET", target, &[("Cookie", &cookie)], b"")
    }

    /// A write of the editor, as its own page sends it.
    pub fn editor_send(
        &self,
        method: &str,
        target: &str,
        body: &[u8],
        content_type: &str,
    ) -> Answer {
        let (cookie, origin) = (self.cookie(), self.origin());
        self.request(
            method,
            target,
            &[
                ("Cookie", &cookie),
                ("Origin", &origin),
                ("Content-Type", content_type),
            ],
            body,
        )
    }

    pub fn editor_post(&self, target: &str, json: &serde_json::Value) -> Answer {
        self.editor_send(
            "POST",
            target,
            json.to_string().as_bytes(),
            "application/json",
        )
    }

    /// A plain HTTP/1.0 GET of the site: status and body.
    pub fn get(&self, target: &str) -> (u16, String) {
        let a =
            self.raw(format!("GET {target} HTTP/1.0\r\nHost: {}\r\n\r\n", self.addr).as_bytes());
        (a.status, a.text())
    }

    /// Fetches `target` until `pred` holds, for at most ten seconds.
    pub fn until(&self, target: &str, pred: impl Fn(u16, &str) -> bool) -> (u16, String) {
        let start = Instant::now();
        loop {
            let (status, body) = self.get(target);
            if pred(status, &body) || start.elapsed() > Duration::from_secs(10) {
                return (status, body);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Every file under `root` (but the cache), by path, with its bytes.
pub fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.path().components().any(|c| c.as_os_str() == ".cache"))
        .filter(|e| e.file_type().is_file() || e.file_type().is_symlink())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap_or(e.path());
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}
