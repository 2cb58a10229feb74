//! .NET `.resx` resources: only string values are prose (SPEC §8), never
//! names, typed or binary data, or translator comments; `--fix` rewrites
//! only value text, with XML escaping (SPEC §6); two files align by name
//! (SPEC §7), their names giving the locale (`Strings.fr-FR.resx`).

mod common;

use common::resources::{assert_maps_exactly, findings, Project};

const RESX: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<root>
  <!-- macau: Macau -->
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <data name="MacauTitle" xml:space="preserve">
    <value>Macau</value>
    <comment>Macau: the title of the Macau page</comment>
  </data>
  <data name="MacauCity" xml:space="preserve">
    <value>Visit Mac&#x61;u &amp; more, {0}</value>
  </data>
  <data name="MacauIcon" type="System.Resources.ResXFileRef, System.Windows.Forms">
    <value>Macau.ico;System.Drawing.Icon, System.Drawing</value>
  </data>
  <data name="&gt;&gt;MacauLabel.Name" xml:space="preserve">
    <value>Macau</value>
  </data>
  <data name="Xian" xml:space="preserve">
    <value>Xian &lt;3</value>
  </data>
</root>
"#;

#[test]
fn only_values_are_checked_and_named_by_their_key() {
    let p = Project::new();
    p.write("Properties/Strings.resx", RESX.as_bytes());
    let (stdout, stderr, code) = p.check(&["Properties/Strings.resx"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        findings(&stdout),
        ["8:12 MacauTitle", "12:18 MacauCity", "21:12 Xian"],
        "{stdout}"
    );
}

#[test]
fn fix_rewrites_only_value_text_byte_for_byte() {
    let p = Project::new();
    p.write("Properties/Strings.resx", RESX.as_bytes());
    let (stdout, stderr, code) = p.check(&["--fix", "Properties/Strings.resx"]);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    let want = RESX
        .replace(
            "<value>Macau</value>\n    <comment>",
            "<value>Macao</value>\n    <comment>",
        )
        .replace("Visit Mac&#x61;u", "Visit Macao")
        .replace("Xian &lt;3", "Xi'an &lt;3");
    assert_eq!(p.read("Properties/Strings.resx"), want);
}

/// A `<comment>` is where a directive stands for its `<data>`.
#[test]
fn a_directive_in_a_comment_covers_its_data() {
    let p = Project::new();
    p.write(
        "Strings.resx",
        b"<root>\n  <data name=\"Brand\"><value>Macau Studios</value><comment>termalign: ignore macao</comment></data>\n  <data name=\"City\"><value>Macau</value></data>\n</root>\n",
    );
    let (stdout, stderr, code) = p.check(&["Strings.resx"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(findings(&stdout), ["3:28 City"], "{stdout}");
}

#[test]
fn two_resource_files_align_by_name_and_their_names_give_the_locale() {
    let p = Project::new();
    p.write(
        "Properties/Strings.resx",
        b"<root>\n  <data name=\"Title\"><value>Visit Macao</value></data>\n  <data name=\"Old\"><value>Gone</value></data>\n</root>\n",
    );
    p.write(
        "Properties/Strings.fr-FR.resx",
        b"<root>\n  <data name=\"Extra\"><value>En plus</value></data>\n  <data name=\"Title\"><value>Visitez Macau</value></data>\n</root>\n",
    );
    let args = [
        "--source",
        "Properties/Strings.resx",
        "--source-lang",
        "en",
        "--target",
        "Properties/Strings.fr-FR.resx",
    ];
    let (stdout, stderr, code) = p.run("align", &args);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "Properties/Strings.fr-FR.resx:2:29: warning[unfinished-segment] segment Extra is in the target but not in the source: nothing it translates (segment Extra)",
            "Properties/Strings.fr-FR.resx:3:37: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment Title)",
            "Properties/Strings.resx:3:27: warning[unfinished-segment] segment Old has no translation (segment Old)",
        ],
        "{stdout}"
    );
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let (stdout, _, _) = p.run("align", &json_args);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["languages"][0]["lang"], "fr-FR");
    assert_eq!(json["languages"][0]["lang_from"], "the format's convention");
}

#[test]
fn malformed_files_name_the_position_and_exit_2() {
    let p = Project::new();
    let files: &[(&str, &str, &str)] = &[
        (
            "bad.resx",
            "<root>\n  <data name=\"a\"><value>x</valu></data>\n</root>\n",
            "bad.resx:2:26: malformed XML",
        ),
        (
            "noname.resx",
            "<root>\n  <data><value>x</value></data>\n</root>\n",
            "noname.resx:2:3: <data> has no name attribute",
        ),
    ];
    p.assert_input_errors(files);
}

#[test]
fn json_output() {
    let p = Project::new();
    p.write("Properties/Strings.resx", RESX.as_bytes());
    let (stdout, stderr, code) = p.run(
        "check",
        &[
            "--lang",
            "en",
            "--format",
            "json",
            "Properties/Strings.resx",
        ],
    );
    insta::assert_snapshot!(format!(
        "exit: {code}\n--- stderr\n{stderr}--- stdout\n{stdout}"
    ));
}

/// Real resources (tests/fixtures/input/resx/humanizer, MIT, see its
/// SOURCES.md; UTF-8 with a byte-order mark): every value decodes and maps
/// to its bytes, and `check` reads them without error.
#[test]
fn real_resources_read_and_map_exactly() {
    let dir = common::fixture("input/resx/humanizer");
    let en = assert_maps_exactly(&dir.join("Resources.resx"), termalign::input::resx::read);
    assert!(en.segments.len() > 150, "{}", en.segments.len());
    // The schema comment's example `<data>` rows are not values.
    assert!(en.segments.iter().all(|s| s.id.as_deref() != Some("Name1")));
    let fr = assert_maps_exactly(&dir.join("Resources.fr.resx"), termalign::input::resx::read);
    assert!(fr.segments.len() > 50, "{}", fr.segments.len());
    let (_, stderr, code) = common::run(&[
        "check",
        "--no-default-glossaries",
        "-g",
        &common::rel(&common::fixture("checks/glossary.yaml")),
        &common::rel(&dir),
    ]);
    assert!(code < 2, "{stderr}");
}
