//! Property tests: arbitrary bytes as a profile, a plan or site settings give
//! diagnostics, never a panic; pasted control characters never reach the terminal;
//! every TOML mistake is told in the writer's words, with a line.

use bangvang::content::load::decode;
use bangvang::content::plan_file::read_plan;
use bangvang::content::profile_file::{Location, read_profile};
use bangvang::content::site_file::{read_site, read_units};
use bangvang::content::source::Doc;
use proptest::prelude::*;

fn profile(bytes: Vec<u8>) {
    let loc = Location {
        file: "content/2024/x.md",
        year: 2024,
        slug: "x",
        bundle: false,
    };
    if let Ok(text) = decode(loc.file, bytes) {
        let (p, diags) = read_profile(&loc, &text);
        for d in &diags {
            assert!(d.line >= 1);
        }
        if let Some(p) = p {
            assert_eq!(p.slug, "x");
        }
    }
}

fn toml_files(text: String) {
    let doc = Doc::new("content/2024/_plan.toml", text, 1);
    let _ = read_plan(&doc, 2024);
    let _ = read_site(&doc);
    let _ = read_units(&doc);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_as_a_profile(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        profile(bytes);
    }

    #[test]
    fn arbitrary_front_matter(fm in ".{0,600}", body in ".{0,200}") {
        profile(format!("+++\n{fm}\n+++\n{body}").into_bytes());
    }

    #[test]
    fn toml_like_front_matter(lines in proptest::collection::vec(
        prop_oneof![
            Just("[vote]".to_string()),
            Just("[[criterion]]".to_string()),
            Just("[criteria]".to_string()),
            "[a-z_]{1,12} = (\"[^\"\\\\]{0,20}\"|-?[0-9]{1,20}|true|2024-1[0-2]-[0-3][0-9]|\\[\\[\\[\\]\\]\\]|\\{ a = 1 \\})",
        ],
        0..30,
    )) {
        let text = lines.join("\n");
        profile(format!("+++\n{text}\n+++\n").into_bytes());
        toml_files(text);
    }

    #[test]
    fn arbitrary_toml_files(text in ".{0,800}") {
        toml_files(text);
    }

    #[test]
    fn deep_nesting(depth in 1usize..5000, open in prop_oneof![Just("["), Just("{a="), Just("[{a=")]) {
        toml_files(format!("a = {}", open.repeat(depth)));
        profile(format!("+++\nname = {}\n+++\n", open.repeat(depth)).into_bytes());
    }
}

/// A site whose profile carries `text` everywhere a writer types: the name (as TOML
/// escapes, which let any character through), a key of its own, the kind, and the story.
fn site_with(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    let escaped: String = text
        .chars()
        .map(|c| format!("\\U{:08X}", c as u32))
        .collect();
    let profile = format!(
        "+++\nname = \"{escaped}\"\nkind = \"{escaped}\"\n\"k{escaped}\" = 1\nunit = \"x\"\nsummary = \"a\"\nmovements = [\"m\"]\n[criteria]\n[nomination]\ndate = 2024-11-20\n+++\n{text}\n"
    );
    for (path, body) in [
        ("content/site.toml", "title = \"T\"\n".to_string()),
        ("content/units.toml", "[[unit]]\nid = \"x\"\nname = \"X\"\ntype = \"office\"\n".to_string()),
        ("content/2024/_plan.toml", "number = \"1\"\ntitle = \"P\"\ndeadline = 2024-11-30\napproval_percent = 90\nexcellent_members_percent = 50\n[[movement]]\nid = \"m\"\nname = \"M\"\n[[criterion]]\nid = \"c\"\napplies_to = [\"staff\"]\ntext = \"C\"\n".to_string()),
        ("content/2024/a.md", profile),
    ] {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, body).expect("write");
    }
    dir
}

fn printable(c: char) -> bool {
    !bangvang::text::controls::forbidden(c) && c != '\r'
}

/// Characters a pasted text may carry: anything, with control characters, escapes and
/// noncharacters often.
fn pasted() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            any::<char>(),
            (0u32..0x20).prop_map(|n| char::from_u32(n).unwrap_or('?')),
            (0x7Fu32..0xA0).prop_map(|n| char::from_u32(n).unwrap_or('?')),
            Just('\u{1b}'),
            Just('\u{fffe}'),
            Just('\u{fdd0}'),
        ],
        1..24,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn no_control_character_reaches_the_terminal(text in pasted()) {
        let site = site_with(&text);
        let (loaded, diags, _) = bangvang::cmd::analyse(site.path(), bangvang::media::verify::Mode::Check)
            .unwrap_or_else(|_| panic!("a site"));
        for lang in [bangvang::diag::Lang::Vi, bangvang::diag::Lang::En] {
            let out = bangvang::diag::report::human_all(&diags, loaded.site.files.len(), lang);
            let bad: Vec<char> = out.chars().filter(|&c| c != '\n' && !printable(c)).collect();
            prop_assert!(bad.is_empty(), "{:?} in {}", bad, out);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_toml_error_is_in_the_writers_words_with_a_line(
        text in prop_oneof![
            ".{0,200}",
            proptest::collection::vec(
                prop_oneof![
                    Just("[vote]".to_string()),
                    Just("[[criterion]".to_string()),
                    "[a-zđ_ ]{1,12} ?=? ?(\"[^\"\\\\]{0,12}\"?|“[a-z ]{0,8}”|-?[0-9/._-]{1,12}|True|[a-zạ]{1,8}|\\[\"a\" \"b\"\\]|\\{ a = 1 b = 2 \\}|'[^']{0,5})",
                ],
                1..8,
            ).prop_map(|l| l.join("\n")),
        ]
    ) {
        let doc = Doc::new("content/2024/_plan.toml", text.clone(), 1);
        if let Err(d) = bangvang::content::toml_doc::parse(&doc) {
            prop_assert!(d.line >= 1);
            let vi = d.msg.text(bangvang::diag::Lang::Vi);
            let en = d.msg.text(bangvang::diag::Lang::En);
            prop_assert_ne!(&vi, &en);
            if let bangvang::diag::Msg::Toml(m) = &d.msg {
                prop_assert_ne!(m.problem, bangvang::diag::catalogue::TomlProblem::Other, "{:?}", text);
            }
            for english in ["expected", "invalid", "string values", "duplicate key", "missing"] {
                prop_assert!(!vi.contains(english), "{} in {}", english, vi);
                prop_assert!(!d.msg.hint(bangvang::diag::Lang::Vi).contains(english));
            }
        }
    }
}
