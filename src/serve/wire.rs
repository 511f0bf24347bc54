//! HTTP/1.1 on a socket, with every size bounded: the request line and headers together
//! (16 KiB, 64 headers: 431 beyond), the body (a limit per request, decided before a byte
//! of it is read: 413 beyond), the time a client may take (10 s for the headers, 60 s for
//! a body), and the number of connections at once. tiny_http, used before, reads header
//! lines without any bound and never times out; headers are parsed here by httparse.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// The most bytes of request line and headers read.
pub const MAX_HEAD: usize = 16 * 1024;
/// The most headers a request may have.
pub const MAX_HEADERS: usize = 64;
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
const BODY_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a kept-alive connection may stay quiet between requests.
const IDLE_TIMEOUT: Duration = Duration::from_secs(15);

/// A request's line and headers, read before its body.
#[derive(Debug, Clone)]
pub struct Head {
    pub method: String,
    pub target: String,
    /// Names in lowercase.
    pub headers: Vec<(String, String)>,
    pub http10: bool,
}

impl Head {
    /// The value of the header `name` (lowercase) when it appears exactly once.
    pub fn header(&self, name: &str) -> Option<&str> {
        let mut found = self.headers.iter().filter(|(n, _)| n == name);
        match (found.next(), found.next()) {
            (Some((_, v)), None) => Some(v.as_str()),
            _ => None,
        }
    }

    /// How many times the header `name` appears.
    pub fn count(&self, name: &str) -> usize {
        self.headers.iter().filter(|(n, _)| n == name).count()
    }

    /// The path of the target, without its query.
    pub fn path(&self) -> &str {
        self.target.split(['?', '#']).next().unwrap_or("")
    }

    /// The value of `name` in the target's query, percent-decoded.
    pub fn query(&self, name: &str) -> Option<String> {
        let q = self.target.split_once('?')?.1;
        q.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (k == name).then(|| {
                percent_encoding::percent_decode_str(&v.replace('+', " "))
                    .decode_utf8_lossy()
                    .into_owned()
            })
        })
    }

    fn wants_close(&self) -> bool {
        let close = self
            .header("connection")
            .is_some_and(|c| c.eq_ignore_ascii_case("close"));
        let keep = self
            .header("connection")
            .is_some_and(|c| c.eq_ignore_ascii_case("keep-alive"));
        close || (self.http10 && !keep)
    }
}

/// A whole request.
#[derive(Debug, Clone)]
pub struct Request {
    pub head: Head,
    pub body: Vec<u8>,
}

/// A response to send.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// A short plain-text answer.
    pub fn text(status: u16, text: &str) -> Response {
        Response::new(status, "text/plain; charset=utf-8", text.as_bytes())
    }

    pub fn with(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.into(), value.into()));
        self
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        301 => "Moved Permanently",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// What to do with a request whose head has been read.
pub enum Verdict {
    /// Read a body of at most this many bytes, then call the handler.
    Read(usize),
    /// Answer this without reading the body, and close the connection.
    Refuse(Response),
}

/// Serves one connection: requests one after another while the client keeps it open.
/// `admit` sees each head first (the guard and the body limit); `handle` the request.
pub fn serve(
    mut stream: TcpStream,
    admit: &dyn Fn(&Head) -> Verdict,
    handle: &dyn Fn(Request) -> Response,
) {
    let mut buf: Vec<u8> = Vec::new();
    let mut first = true;
    loop {
        let timeout = if first { HEAD_TIMEOUT } else { IDLE_TIMEOUT };
        first = false;
        let head = match read_head(&mut stream, &mut buf, timeout) {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(status) => {
                let _ = send(
                    &mut stream,
                    &Response::text(status, reason(status)),
                    false,
                    true,
                );
                return;
            }
        };
        let head_only = head.method == "HEAD";
        let limit = match admit(&head) {
            Verdict::Read(limit) => limit,
            Verdict::Refuse(r) => return refuse(stream, &r, head_only),
        };
        let body = match read_body(&mut stream, &mut buf, &head, limit) {
            Ok(body) => body,
            Err(r) => return refuse(stream, &r, head_only),
        };
        let close = head.wants_close();
        let response = handle(Request { head, body });
        if send(&mut stream, &response, head_only, close).is_err() || close {
            return;
        }
    }
}

/// Answers a request that is not read further, then closes: what the client still sends
/// is read for a moment and dropped, so that it receives the answer rather than a reset.
fn refuse(mut stream: TcpStream, r: &Response, head_only: bool) {
    if send(&mut stream, r, head_only, true).is_err() {
        return;
    }
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 16 * 1024];
    let mut drained = 0;
    while drained < 4 * 1024 * 1024 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

/// Reads up to the end of the headers. `Ok(None)`: the client closed or went quiet
/// before sending anything; `Err(status)`: a bad or oversized head.
fn read_head(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    timeout: Duration,
) -> Result<Option<Head>, u16> {
    let _ = stream.set_read_timeout(Some(timeout));
    let mut chunk = [0u8; 4096];
    loop {
        if !buf.is_empty() {
            let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
            let mut req = httparse::Request::new(&mut headers);
            match req.parse(buf) {
                Ok(httparse::Status::Complete(len)) => {
                    let head = Head {
                        method: req.method.unwrap_or("").to_string(),
                        target: req.path.unwrap_or("").to_string(),
                        headers: req
                            .headers
                            .iter()
                            .map(|h| {
                                (
                                    h.name.to_ascii_lowercase(),
                                    String::from_utf8_lossy(h.value).into_owned(),
                                )
                            })
                            .collect(),
                        http10: req.version == Some(0),
                    };
                    buf.drain(..len);
                    return Ok(Some(head));
                }
                Ok(httparse::Status::Partial) if buf.len() >= MAX_HEAD => return Err(431),
                Ok(httparse::Status::Partial) => {}
                Err(httparse::Error::TooManyHeaders) => return Err(431),
                Err(_) => return Err(400),
            }
        }
        if buf.len() >= MAX_HEAD {
            return Err(431);
        }
        let room = (MAX_HEAD - buf.len()).min(chunk.len());
        match stream.read(&mut chunk[..room]) {
            Ok(0) => return Ok(None),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Ok(None),
        }
    }
}

/// Reads the body the head announces, refusing what is too large before reading it.
fn read_body(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    head: &Head,
    limit: usize,
) -> Result<Vec<u8>, Response> {
    if head.count("transfer-encoding") > 0 {
        return Err(Response::text(411, reason(411)));
    }
    let length = match head.count("content-length") {
        0 => 0,
        1 => head
            .header("content-length")
            .and_then(|v| v.trim().parse::<usize>().ok())
            .ok_or_else(|| Response::text(400, reason(400)))?,
        _ => return Err(Response::text(400, reason(400))),
    };
    if length > limit {
        return Err(Response::text(413, reason(413)));
    }
    if length > 0
        && head
            .header("expect")
            .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
    {
        let _ = stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
    }
    let _ = stream.set_read_timeout(Some(BODY_TIMEOUT));
    let mut body = Vec::with_capacity(length.min(1 << 20));
    let take = length.min(buf.len());
    body.extend(buf.drain(..take));
    let mut chunk = vec![0u8; 64 * 1024];
    while body.len() < length {
        let want = (length - body.len()).min(chunk.len());
        match stream.read(&mut chunk[..want]) {
            Ok(0) => return Err(Response::text(400, reason(400))),
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(Response::text(400, reason(400))),
        }
    }
    Ok(body)
}

fn send(stream: &mut TcpStream, r: &Response, head_only: bool, close: bool) -> io::Result<()> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", r.status, reason(r.status));
    for (name, value) in &r.headers {
        // A value that would break the header block is left out.
        if !value.contains(['\r', '\n']) && !name.contains(['\r', '\n', ':']) {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    out.push_str(&format!("Content-Length: {}\r\n", r.body.len()));
    out.push_str("X-Content-Type-Options: nosniff\r\n");
    if close {
        out.push_str("Connection: close\r\n");
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&r.body);
    }
    stream.write_all(&bytes)?;
    stream.flush()
}
