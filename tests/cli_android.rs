//! Android string resources (`res/values*/strings.xml`): only values are
//! prose (SPEC §8); `--fix` rewrites only value text, with Android's
//! escaping (SPEC §6); two resource files align by name (SPEC §7). A
//! directory walk takes only the XML files whose root is `<resources>`.

mod common;

use common::resources::{assert_maps_exactly, findings, Project};

const STRINGS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<!-- macau: Macau -->
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <string name="macau_title">Macau</string>
    <string name="macau_app" translatable="false">Macau</string>
    <string name="macau_city">Visit \"Macau\"\nnow</string>
    <string name="macau_guest">Hello <xliff:g id="name" example="Macau">%1$s</xliff:g> in <b>Macau</b></string>
    <plurals name="macau_days">
        <item quantity="one">one day in Mac\u0061u</item>
        <item quantity="other">%d days in Macau</item>
    </plurals>
    <string-array name="macau_places">
        <item>Macau</item>
        <item>@string/macau_title</item>
    </string-array>
    <string name="xian">Visit Xian</string>
</resources>
"#;

#[test]
fn only_values_are_checked_and_named_by_their_key() {
    let p = Project::new();
    p.write("res/values/strings.xml", STRINGS.as_bytes());
    let (stdout, stderr, code) = p.check(&["res/values/strings.xml"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings(&stdout),
        [
            "4:32 macau_title",
            "6:39 macau_city",
            "7:94 macau_guest",
            "9:41 macau_days[one]",
            "10:43 macau_days[other]",
            "13:15 macau_places[0]",
            "16:31 xian",
        ],
        "{stdout}"
    );
}

#[test]
fn fix_rewrites_only_value_text_byte_for_byte() {
    let p = Project::new();
    p.write("res/values/strings.xml", STRINGS.as_bytes());
    let (stdout, stderr, code) = p.check(&["--fix", "res/values/strings.xml"]);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    let want = STRINGS
        .replace(">Macau</string>", ">Macao</string>")
        .replace("\\\"Macau\\\"", "\\\"Macao\\\"")
        .replace("<b>Macau</b>", "<b>Macao</b>")
        .replace("Mac\\u0061u", "Macao")
        .replace("%d days in Macau", "%d days in Macao")
        .replace("<item>Macau</item>", "<item>Macao</item>")
        // An apostrophe is written as Android wants it.
        .replace("Visit Xian", "Visit Xi\\'an");
    // The untranslatable string, the comment, the name and the example
    // keep their `Macau`.
    let want = want.replace(
        "translatable=\"false\">Macao</string>",
        "translatable=\"false\">Macau</string>",
    );
    assert_eq!(p.read("res/values/strings.xml"), want);
    assert!(want.contains("<!-- macau: Macau -->") && want.contains("example=\"Macau\""));
}

#[test]
fn two_resource_files_align_by_name_and_their_directories_name_the_locale() {
    let p = Project::new();
    p.write(
        "res/values/strings.xml",
        b"<resources>\n  <string name=\"title\">Visit Macao</string>\n  <string name=\"old\">Gone</string>\n  <plurals name=\"days\"><item quantity=\"one\">one day</item></plurals>\n</resources>\n",
    );
    p.write(
        "res/values-fr-rCA/strings.xml",
        b"<resources>\n  <plurals name=\"days\"><item quantity=\"one\">un jour \xc3\xa0 Macau</item></plurals>\n  <string name=\"title\">Visitez Macao</string>\n  <string name=\"extra\">En plus</string>\n</resources>\n",
    );
    let args = [
        "--source",
        "res/values/strings.xml",
        "--source-lang",
        "en",
        "--target",
        "res/values-fr-rCA/strings.xml",
    ];
    let (stdout, stderr, code) = p.run("align", &args);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "res/values/strings.xml:3:22: warning[unfinished-segment] segment old has no translation (segment old)",
            "res/values-fr-rCA/strings.xml:2:55: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment days[one])",
            "res/values-fr-rCA/strings.xml:4:24: warning[unfinished-segment] segment extra is in the target but not in the source: nothing it translates (segment extra)",
        ],
        "{stdout}"
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let (stdout, _, _) = p.run("align", &json_args);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["languages"][0]["lang"], "fr-CA");
    assert_eq!(json["languages"][0]["lang_from"], "the format's convention");
}

#[test]
fn malformed_files_name_the_position_and_exit_2() {
    let p = Project::new();
    let files: &[(&str, &str, &str)] = &[
        (
            "res/values/strings.xml",
            "<resources>\n  <string name=\"a\">x</strin>\n</resources>\n",
            "res/values/strings.xml:2:21: malformed XML",
        ),
        (
            "res/values-de/strings.xml",
            "<resources>\n  <string name=\"a\">\\u00G9</string>\n</resources>\n",
            "res/values-de/strings.xml:2:20: invalid escape",
        ),
    ];
    p.assert_input_errors(files);
}

/// `.xml` is shared: a walk reads the resources, and neither reads nor
/// trips over Maven's `pom.xml`, layouts or the manifest beside them.
/// Named on the command line, another XML file is plain text, as before
/// Android resources were read.
#[test]
fn walks_take_only_resources_among_xml_files() {
    let p = Project::new();
    p.write(
        "app/src/main/res/values/strings.xml",
        b"<resources><string name=\"t\">Macau</string></resources>",
    );
    p.write(
        "app/src/main/res/values/colors.xml",
        b"<resources><color name=\"macau\">#fff</color></resources>",
    );
    p.write(
        "app/src/main/res/layout/main.xml",
        b"<LinearLayout android:text=\"Macau\"/>",
    );
    p.write(
        "app/src/main/AndroidManifest.xml",
        b"<manifest package=\"macau\"><!-- Macau --></manifest>",
    );
    p.write(
        "pom.xml",
        b"<?xml version=\"1.0\"?>\n<project><description>Macau</description></project>\n",
    );
    p.write("broken.xml", b"<project><unclosed>");
    let (stdout, stderr, code) = p.check(&["."]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let paths: Vec<&str> = stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(paths, ["./app/src/main/res/values/strings.xml"], "{stdout}");

    let (stdout, stderr, code) = p.check(&["pom.xml"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.starts_with("pom.xml:2:23: "), "{stdout}");
}

#[test]
fn json_output() {
    let p = Project::new();
    p.write("res/values/strings.xml", STRINGS.as_bytes());
    let (stdout, stderr, code) = p.run(
        "check",
        &["--lang", "en", "--format", "json", "res/values/strings.xml"],
    );
    insta::assert_snapshot!(format!(
        "exit: {code}\n--- stderr\n{stderr}--- stdout\n{stdout}"
    ));
}

/// Real resources (tests/fixtures/input/android/sunflower, Apache-2.0, see
/// its SOURCES.md): every value decodes and maps to its bytes, and `check`
/// reads them without error.
#[test]
fn real_resources_read_and_map_exactly() {
    let dir = common::fixture("input/android/sunflower");
    let en = assert_maps_exactly(
        &dir.join("values/strings.xml"),
        termalign::input::android::read,
    );
    let ids: Vec<&str> = en.segments.iter().filter_map(|s| s.id.as_deref()).collect();
    assert!(ids.contains(&"watering_needs_suffix[other]"), "{ids:?}");
    assert!(!ids.contains(&"app_name"), "untranslatable: {ids:?}");
    let fr = assert_maps_exactly(
        &dir.join("values-fr/strings.xml"),
        termalign::input::android::read,
    );
    let share = fr
        .segments
        .iter()
        .find(|s| s.id.as_deref() == Some("share_text_plant"))
        .unwrap();
    assert!(
        share.text.text.contains("l'application"),
        "{}",
        share.text.text
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
