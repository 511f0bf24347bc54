//! The blank lines and indentation templates leave between tags, taken out of a rendered
//! page: every run of white space that holds a line break becomes one line break. A
//! browser shows the page the same (white space between words and tags collapses to one
//! space either way), except inside `<pre>`, `<textarea>`, `<script>` and `<style>`,
//! which are left as written, and in an attribute value that spans lines (which the
//! default theme never writes). Cards and rows stay one to a line, so the page can still
//! be read and compared line by line.

/// The elements whose white space is kept.
const KEEP: [&[u8]; 4] = [b"pre", b"textarea", b"script", b"style"];

/// Whether `html[at..]` opens (`<pre`) or closes (`</pre`) one of [`KEEP`], followed by
/// the end of the tag's name; the element's name if so.
fn kept_tag(html: &[u8], at: usize, closing: bool) -> Option<&'static [u8]> {
    let start = at + 1 + usize::from(closing);
    let first = html.get(start)?.to_ascii_lowercase();
    KEEP.into_iter().find(|name| {
        let end = start + name.len();
        name[0] == first
            && html
                .get(start..end)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && html
                .get(end)
                .is_none_or(|b| matches!(b, b'>' | b'/') || b.is_ascii_whitespace())
    })
}

/// Where the element `name` opened before `from` closes: the `<` of its closing tag, or
/// the end of `html`.
fn closing(html: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(k) = memchr::memchr(b'<', &html[at..]) {
        let lt = at + k;
        if html.get(lt + 1) == Some(&b'/') && kept_tag(html, lt, true) == Some(name) {
            return lt;
        }
        at = lt + 1;
    }
    html.len()
}

fn blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The first kept element that opens in `html[from..to]`: where its content begins, and
/// its name.
fn opening(html: &[u8], from: usize, to: usize) -> Option<(usize, &'static [u8])> {
    let mut at = from;
    while let Some(k) = memchr::memchr(b'<', &html[at..to]) {
        let lt = at + k;
        if let Some(name) = kept_tag(html, lt, false) {
            return Some((lt + 1 + name.len(), name));
        }
        at = lt + 1;
    }
    None
}

/// Takes the blank lines and indentation out of `html`, in place.
pub fn tidy(html: &mut Vec<u8>) {
    let n = html.len();
    let mut out = 0;
    let mut at = 0;
    while at < n {
        // The text up to the next line break, unless a kept element opens in it.
        let end = memchr::memchr(b'\n', &html[at..]).map_or(n, |k| at + k);
        if let Some((inner, name)) = opening(html, at, end) {
            let close = closing(html, inner, name);
            html.copy_within(at..close, out);
            out += close - at;
            at = close;
            continue;
        }
        let mut keep = end;
        while keep > at && blank(html[keep - 1]) {
            keep -= 1;
        }
        html.copy_within(at..keep, out);
        out += keep - at;
        if end == n {
            // No line break at the end: the blanks before it stay as they were.
            html.copy_within(keep..n, out);
            out += n - keep;
            break;
        }
        html[out] = b'\n';
        out += 1;
        at = end;
        while at < n && blank(html[at]) {
            at += 1;
        }
    }
    html.truncate(out);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The same rule, a byte at a time: what [`tidy`] must agree with.
    fn reference(html: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut inside: Option<&[u8]> = None;
        let mut i = 0;
        while i < html.len() {
            if html[i] == b'<' {
                match inside {
                    None => inside = kept_tag(html, i, false),
                    Some(name) if kept_tag(html, i, true) == Some(name) => inside = None,
                    Some(_) => {}
                }
            }
            if inside.is_none() && blank(html[i]) {
                let start = i;
                while i < html.len() && blank(html[i]) {
                    i += 1;
                }
                if html[start..i].contains(&b'\n') {
                    out.push(b'\n');
                } else {
                    out.extend_from_slice(&html[start..i]);
                }
                continue;
            }
            out.push(html[i]);
            i += 1;
        }
        out
    }

    proptest! {
        #[test]
        fn agrees_with_the_rule_a_byte_at_a_time(parts in prop::collection::vec(
            prop::sample::select(vec!["<pre>", "</pre>", "<PRE class=x>", "<p>", "</p>", " ", "  ", "\n", "\t",
                "\r\n", "a", "ễ", "<script>", "</script>", "<style>", "</style >", "<textarea>", "</textarea>", "<"]),
            0..60,
        )) {
            let html: String = parts.concat();
            let mut ours = html.as_bytes().to_vec();
            tidy(&mut ours);
            let expected = reference(html.as_bytes());
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&expected));
        }
    }

    fn tidied(s: &str) -> String {
        let mut v = s.as_bytes().to_vec();
        tidy(&mut v);
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn blank_lines_and_indentation_go_spaces_within_a_line_stay() {
        assert_eq!(
            tidied("<ul>\n  \n  <li>a  b</li>\n\n</ul>\n"),
            "<ul>\n<li>a  b</li>\n</ul>\n"
        );
        assert_eq!(tidied("Nguyễn   Văn\n   An"), "Nguyễn   Văn\nAn");
        assert_eq!(tidied(""), "");
    }

    #[test]
    fn preformatted_text_scripts_and_styles_are_kept() {
        let pre = "<pre><code>fn main() {\n    let x = 1;\n\n}</code></pre>\n   <p>x</p>";
        assert_eq!(
            tidied(pre),
            "<pre><code>fn main() {\n    let x = 1;\n\n}</code></pre>\n<p>x</p>"
        );
        let script = "<SCRIPT>\n  const a = `x\n   y`;\n</SCRIPT>\n  <p>";
        assert_eq!(
            tidied(script),
            "<SCRIPT>\n  const a = `x\n   y`;\n</SCRIPT>\n<p>"
        );
        // A tag that merely begins like a kept one is not one.
        assert_eq!(tidied("<press>\n  a</press>"), "<press>\na</press>");
        assert_eq!(
            tidied("<textarea>\n  a\n</textarea>"),
            "<textarea>\n  a\n</textarea>"
        );
    }
}
