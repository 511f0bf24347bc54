//! Splitting a profile into its `+++` TOML front-matter and its Markdown story.

/// The two halves of a profile, each with the file line it starts on.
#[derive(Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    pub front_matter: &'a str,
    pub front_matter_line: u32,
    pub body: &'a str,
    pub body_line: u32,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The first non-blank line is not `+++`.
    NoFrontMatter,
    /// `+++` opens on this line and is never closed.
    Unterminated { line: u32 },
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "+++"
}

/// Splits `text` (a byte-order mark already removed) at its `+++` fences.
pub fn split(text: &str) -> Result<Parts<'_>, SplitError> {
    let mut offset = 0;
    let mut open: Option<(usize, u32)> = None;
    for (line_no, line) in (1u32..).zip(text.split_inclusive('\n')) {
        let next = offset + line.len();
        match open {
            None if line.trim().is_empty() => {}
            None if is_fence(line) => open = Some((next, line_no + 1)),
            None => return Err(SplitError::NoFrontMatter),
            Some((fm_start, fm_line)) if is_fence(line) => {
                return Ok(Parts {
                    front_matter: &text[fm_start..offset],
                    front_matter_line: fm_line,
                    body: &text[next..],
                    body_line: line_no + 1,
                });
            }
            Some(_) => {}
        }
        offset = next;
    }
    match open {
        Some((_, fm_line)) => Err(SplitError::Unterminated { line: fm_line - 1 }),
        None => Err(SplitError::NoFrontMatter),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_fences() {
        let p = split("+++\nname = \"A\"\n+++\nStory\n").expect("splits");
        assert_eq!(p.front_matter, "name = \"A\"\n");
        assert_eq!(p.front_matter_line, 2);
        assert_eq!(p.body, "Story\n");
        assert_eq!(p.body_line, 4);
    }

    #[test]
    fn leading_blank_lines_and_crlf() {
        let p = split("\n+++\r\na = 1\r\n+++\r\nx").expect("splits");
        assert_eq!(p.front_matter, "a = 1\r\n");
        assert_eq!(p.front_matter_line, 3);
        assert_eq!(p.body, "x");
    }

    #[test]
    fn errors() {
        assert_eq!(split("name = 1"), Err(SplitError::NoFrontMatter));
        assert_eq!(split(""), Err(SplitError::NoFrontMatter));
        assert_eq!(split("+++"), Err(SplitError::Unterminated { line: 1 }));
        assert_eq!(
            split("\n+++\na = 1\n"),
            Err(SplitError::Unterminated { line: 2 })
        );
        assert_eq!(split("+++\n+++\n").map(|p| p.front_matter), Ok(""));
    }
}
