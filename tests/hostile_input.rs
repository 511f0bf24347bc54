//! Property tests: arbitrary bytes as a profile, a plan or site settings give
//! diagnostics, never a panic.

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
    let _ = read_plan(&doc);
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
