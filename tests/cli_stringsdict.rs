//! Apple `.stringsdict` plurals: only the format strings and plural forms
//! are prose (SPEC §8), never keys, variable names or rule metadata;
//! `--fix` rewrites only string text, with XML escaping (SPEC §6); two
//! files align by key (SPEC §7), their `.lproj` directories giving the
//! locale.

mod common;

use common::resources::{assert_maps_exactly, findings, Project};

const DICT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<!-- macau: Macau -->
	<key>Macau days</key>
	<dict>
		<key>NSStringLocalizedFormatKey</key>
		<string>%#@Macau@ in Mac&#x61;u</string>
		<key>Macau</key>
		<dict>
			<key>NSStringFormatSpecTypeKey</key>
			<string>NSStringPluralRuleType</string>
			<key>NSStringFormatValueTypeKey</key>
			<string>d</string>
			<key>one</key>
			<string>one day in Macau</string>
			<key>other</key>
			<string>%d days in Xian &amp; Macau</string>
		</dict>
	</dict>
</dict>
</plist>
"#;

#[test]
fn only_values_are_checked_and_named_by_their_key() {
    let p = Project::new();
    p.write("en.lproj/Localizable.stringsdict", DICT.as_bytes());
    let (stdout, stderr, code) = p.check(&["en.lproj/Localizable.stringsdict"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings(&stdout),
        [
            "9:24 Macau days",
            "17:23 Macau days.Macau.one",
            "19:23 Macau days.Macau.other",
            "19:34 Macau days.Macau.other",
        ],
        "{stdout}"
    );
}

#[test]
fn fix_rewrites_only_value_text_byte_for_byte() {
    let p = Project::new();
    p.write("en.lproj/Localizable.stringsdict", DICT.as_bytes());
    let (stdout, stderr, code) = p.check(&["--fix", "en.lproj/Localizable.stringsdict"]);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    let want = DICT
        .replace("in Mac&#x61;u</string>", "in Macao</string>")
        .replace("one day in Macau", "one day in Macao")
        .replace(
            "%d days in Xian &amp; Macau",
            "%d days in Xi'an &amp; Macao",
        );
    assert_eq!(p.read("en.lproj/Localizable.stringsdict"), want);
    // The keys, the variable reference and the comment keep their `Macau`.
    assert!(want.contains("<key>Macau days</key>") && want.contains("%#@Macau@"));
}

#[test]
fn two_files_align_by_key_and_their_directories_name_the_locale() {
    let p = Project::new();
    let dict = |body: &str| format!("<plist version=\"1.0\">\n<dict>\n{body}</dict>\n</plist>\n");
    let plural = |key: &str, one: &str, other: &str| {
        format!(
            "<key>{key}</key>\n<dict><key>NSStringLocalizedFormatKey</key><string>%#@n@</string>\n<key>n</key><dict><key>NSStringFormatSpecTypeKey</key><string>NSStringPluralRuleType</string><key>one</key><string>{one}</string><key>other</key><string>{other}</string></dict></dict>\n"
        )
    };
    p.write(
        "en.lproj/Localizable.stringsdict",
        dict(
            &(plural("days", "one day in Macao", "%d days in Macao")
                + &plural("old", "one", "many")),
        )
        .as_bytes(),
    );
    p.write(
        "fr.lproj/Localizable.stringsdict",
        dict(&plural("days", "un jour à Macau", "%d jours à Macao")).as_bytes(),
    );
    let args = [
        "--source",
        "en.lproj/Localizable.stringsdict",
        "--target",
        "fr.lproj/Localizable.stringsdict",
    ];
    let (stdout, stderr, code) = p.run("align", &args);
    assert_eq!(code, 1, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "en.lproj/Localizable.stringsdict:8:116: warning[unfinished-segment] segment old.n.one has no translation (segment old.n.one)",
            "en.lproj/Localizable.stringsdict:8:152: warning[unfinished-segment] segment old.n.other has no translation (segment old.n.other)",
            "fr.lproj/Localizable.stringsdict:5:126: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment days.n.one)",
        ],
        "{stdout}"
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let (stdout, _, _) = p.run("align", &json_args);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["languages"][0]["lang"], "fr");
    assert_eq!(json["languages"][0]["source_lang"], "en");
    assert_eq!(json["languages"][0]["lang_from"], "the format's convention");
}

#[test]
fn malformed_files_name_the_position_and_exit_2() {
    let p = Project::new();
    let files: &[(&str, &str, &str)] = &[
        (
            "bad.stringsdict",
            "<plist>\n<dict>\n  <key>a</key><string>x</strin>\n</dict></plist>\n",
            "bad.stringsdict:3:24: malformed XML",
        ),
        (
            "nokey.stringsdict",
            "<plist>\n<dict>\n  <key>a</key>\n</dict></plist>\n",
            "nokey.stringsdict:3:3: a <key> without a value",
        ),
    ];
    p.assert_input_errors(files);
}

#[test]
fn json_output() {
    let p = Project::new();
    p.write("en.lproj/Localizable.stringsdict", DICT.as_bytes());
    let (stdout, stderr, code) = p.run(
        "check",
        &[
            "--lang",
            "en",
            "--format",
            "json",
            "en.lproj/Localizable.stringsdict",
        ],
    );
    insta::assert_snapshot!(format!(
        "exit: {code}\n--- stderr\n{stderr}--- stdout\n{stdout}"
    ));
}

/// A real file (tests/fixtures/input/stringsdict/tethys, MIT, see its
/// SOURCES.md): every string decodes and maps to its bytes, and `check`
/// reads it without error.
#[test]
fn real_plurals_read_and_map_exactly() {
    let dir = common::fixture("input/stringsdict/tethys");
    let prose = assert_maps_exactly(
        &dir.join("en.lproj/Localizable.stringsdict"),
        termalign::input::stringsdict::read,
    );
    let ids: Vec<&str> = prose
        .segments
        .iter()
        .filter_map(|s| s.id.as_deref())
        .collect();
    assert!(
        ids.contains(&"ArticleCell_EstimatedReadingTime.minutes.zero"),
        "{ids:?}"
    );
    assert!(ids.contains(&"Breakout3D_Points.score.one"), "{ids:?}");
    // Its formats are bare variables (`%#@score@`): no prose of their own.
    assert!(!ids.contains(&"Breakout3D_Points"), "{ids:?}");
    assert!(
        !ids.iter().any(|id| id.contains("NSStringFormat")),
        "{ids:?}"
    );
    let (_, stderr, code) = common::run(&[
        "check",
        "--no-default-glossaries",
        "-g",
        &common::rel(&common::fixture("checks/glossary.yaml")),
        &common::rel(&dir),
    ]);
    assert!(code < 2, "{stderr}");
}
