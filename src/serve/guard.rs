//! The one gate every request of `serve` passes (SPEC §7), before its body is read:
//! - its `Host` must be the server's own address (`127.0.0.1:PORT`, `localhost:PORT`,
//!   `[::1]:PORT`, or the `--bind` address with the port), on every path, so that a page
//!   of another site reached through DNS rebinding reads nothing;
//! - everything under `/_bangvang/` needs the token: in the address once (the one the
//!   server printed), then in a cookie that is `HttpOnly` and `SameSite=Strict`;
//! - a request that could change anything (any method but GET and HEAD) needs an
//!   `Origin` equal to the server's own and the token, whatever its path.

use std::net::IpAddr;

use percent_encoding::percent_decode_str;

use super::wire::Head;

/// Where the editor lives.
pub const EDITOR: &str = "/_bangvang/";

/// What a request may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The site's pages.
    Site,
    /// The editor, with the token.
    Editor,
    /// The editor's address with the right token in it: set the cookie.
    Entry,
}

/// Why a request was refused (each answered 403, nothing done).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// No `Host`, several, or one that is not the server's own.
    Host,
    /// A target that is not a plain path (`http://…`, `*`).
    Target,
    /// The editor without the token.
    Token,
    /// A write without the server's own `Origin`.
    Origin,
}

pub struct Guard {
    hosts: Vec<String>,
    token: String,
    cookie: String,
}

/// The token's bytes: 256 bits from the operating system.
pub fn new_token() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// `a == b` in a time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// `host:port`, with brackets around an IPv6 address.
pub fn authority(ip: IpAddr, port: u16) -> String {
    match ip {
        IpAddr::V4(v4) => format!("{v4}:{port}"),
        IpAddr::V6(v6) => format!("[{v6}]:{port}"),
    }
}

impl Guard {
    pub fn new(bind: IpAddr, port: u16, token: String) -> Guard {
        let mut hosts = vec![
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ];
        let own = authority(bind, port);
        if !hosts.contains(&own) {
            hosts.push(own);
        }
        Guard {
            hosts,
            token,
            cookie: format!("bangvang-{port}"),
        }
    }

    pub fn token(&self) -> &str {
        &self.token
    }

    /// The `Set-Cookie` value that carries the token from now on.
    pub fn set_cookie(&self) -> String {
        format!(
            "{}={}; HttpOnly; SameSite=Strict; Path={EDITOR}",
            self.cookie, self.token
        )
    }

    fn own_host<'h>(&self, head: &'h Head) -> Option<&'h str> {
        let host = head.header("host")?.trim();
        self.hosts
            .iter()
            .any(|h| h.eq_ignore_ascii_case(host))
            .then_some(host)
    }

    fn has_cookie(&self, head: &Head) -> bool {
        head.headers
            .iter()
            .filter(|(n, _)| n == "cookie")
            .flat_map(|(_, v)| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .any(|(name, value)| name == self.cookie && same(value, &self.token))
    }

    /// Lets a request through, or says why not.
    pub fn check(&self, head: &Head) -> Result<Access, Refused> {
        let host = self.own_host(head).ok_or(Refused::Host)?;
        if !head.target.starts_with('/') {
            return Err(Refused::Target);
        }
        let token = self.has_cookie(head);
        let safe = matches!(head.method.as_str(), "GET" | "HEAD");
        if !safe {
            let origin = head.header("origin").map(str::trim);
            let own = origin.is_some_and(|o| o.eq_ignore_ascii_case(&format!("http://{host}")));
            if !own {
                return Err(Refused::Origin);
            }
            if !token {
                return Err(Refused::Token);
            }
        }
        let path = percent_decode_str(head.path()).decode_utf8_lossy();
        let editor = path == EDITOR.trim_end_matches('/') || path.starts_with(EDITOR);
        if !editor {
            return Ok(Access::Site);
        }
        if token {
            return Ok(Access::Editor);
        }
        let entry = safe
            && head.path() == EDITOR
            && head.query("token").is_some_and(|t| same(&t, &self.token));
        if entry {
            Ok(Access::Entry)
        } else {
            Err(Refused::Token)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(method: &str, target: &str, headers: &[(&str, &str)]) -> Head {
        Head {
            method: method.into(),
            target: target.into(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            http10: false,
        }
    }

    fn guard() -> Guard {
        Guard::new("127.0.0.1".parse().expect("ip"), 1111, "t0k".into())
    }

    #[test]
    fn only_the_servers_own_host_is_answered() {
        let g = guard();
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST:1111",
            "[::1]:1111",
        ] {
            assert_eq!(
                g.check(&head("GET", "/", &[("host", host)])),
                Ok(Access::Site)
            );
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.1:2222",
            "127.0.0.1",
            "",
        ] {
            assert_eq!(
                g.check(&head("GET", "/", &[("host", host)])),
                Err(Refused::Host),
                "{host}"
            );
        }
        assert_eq!(g.check(&head("GET", "/", &[])), Err(Refused::Host));
        let two = [("host", "127.0.0.1:1111"), ("host", "evil.example")];
        assert_eq!(g.check(&head("GET", "/", &two)), Err(Refused::Host));
        let lan = Guard::new("192.168.1.5".parse().expect("ip"), 80, "t".into());
        assert_eq!(
            lan.check(&head("GET", "/", &[("host", "192.168.1.5:80")])),
            Ok(Access::Site)
        );
        let h = [("host", "127.0.0.1:1111")];
        assert_eq!(
            g.check(&head("GET", "http://evil.example/", &h)),
            Err(Refused::Target)
        );
    }

    #[test]
    fn the_editor_needs_the_token() {
        let g = guard();
        let h = [("host", "127.0.0.1:1111")];
        assert_eq!(
            g.check(&head("GET", "/_bangvang/?token=t0k", &h)),
            Ok(Access::Entry)
        );
        for target in [
            "/_bangvang/",
            "/_bangvang",
            "/_bangvang/?token=wrong",
            "/_bangvang/?token=t0",
            "/_bangvang/api/site?token=t0k",
            "/%5Fbangvang/",
            "/_bangvang%2Fapi",
        ] {
            assert_eq!(
                g.check(&head("GET", target, &h)),
                Err(Refused::Token),
                "{target}"
            );
        }
        let with = [
            ("host", "127.0.0.1:1111"),
            ("cookie", "a=b; bangvang-1111=t0k"),
        ];
        assert_eq!(
            g.check(&head("GET", "/_bangvang/api/site", &with)),
            Ok(Access::Editor)
        );
        let wrong = [("host", "127.0.0.1:1111"), ("cookie", "bangvang-1111=t0K")];
        assert_eq!(
            g.check(&head("GET", "/_bangvang/api/site", &wrong)),
            Err(Refused::Token)
        );
        let other_port = [("host", "127.0.0.1:1111"), ("cookie", "bangvang-2222=t0k")];
        assert_eq!(
            g.check(&head("GET", "/_bangvang/", &other_port)),
            Err(Refused::Token)
        );
        assert!(
            g.set_cookie()
                .contains("HttpOnly; SameSite=Strict; Path=/_bangvang/")
        );
    }

    #[test]
    fn writes_need_the_servers_origin_and_the_token() {
        let g = guard();
        let c = ("cookie", "bangvang-1111=t0k");
        let h = ("host", "127.0.0.1:1111");
        let ok = [h, c, ("origin", "http://127.0.0.1:1111")];
        assert_eq!(
            g.check(&head("POST", "/_bangvang/api/save", &ok)),
            Ok(Access::Editor)
        );
        for origin in [
            None,
            Some("http://evil.example"),
            Some("http://localhost:1111"),
            Some("null"),
            Some("https://127.0.0.1:1111"),
        ] {
            let mut hs = vec![h, c];
            if let Some(o) = origin {
                hs.push(("origin", o));
            }
            for method in ["POST", "PUT", "DELETE", "PATCH"] {
                assert_eq!(
                    g.check(&head(method, "/_bangvang/api/save", &hs)),
                    Err(Refused::Origin),
                    "{method} {origin:?}"
                );
                assert_eq!(
                    g.check(&head(method, "/2024/", &hs)),
                    Err(Refused::Origin),
                    "not only the editor's paths"
                );
            }
        }
        let no_token = [h, ("origin", "http://127.0.0.1:1111")];
        assert_eq!(
            g.check(&head("POST", "/_bangvang/api/save", &no_token)),
            Err(Refused::Token)
        );
        assert_eq!(
            g.check(&head("POST", "/_bangvang/?token=t0k", &no_token)),
            Err(Refused::Token),
            "the token in the address opens the editor, it does not write"
        );
    }

    #[test]
    fn tokens_are_long_and_fresh() {
        let a = new_token().expect("random");
        let b = new_token().expect("random");
        assert_eq!(a.len(), 64);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }
}
