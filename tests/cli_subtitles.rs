//! Subtitles (SubRip, WebVTT): only cue text is prose. Cue numbers and
//! identifiers, timings, settings, tags, `STYLE` blocks and `NOTE`
//! comments never give a finding, and `--fix` rewrites cue text only, byte
//! for byte.

mod common;

use std::fs;

const GLOSSARY: &str = "\
glossary: house
concepts:
  - id: macao
    terms:
      en:
        - Macao
        - {term: Macau, status: deprecated, fix: auto}
";

const SRT: &str = "1\r\n00:00:01,000 --> 00:00:04,000\r\n<i>Welcome to Macau,</i>\r\nsays the {\\an8}guide.\r\n\r\n2\r\n00:00:05,000 --> 00:00:06,500\r\nMacau<font color=\"#ff0000\"> casinos</font>\r\n";
const SRT_FIXED: &str = "1\r\n00:00:01,000 --> 00:00:04,000\r\n<i>Welcome to Macao,</i>\r\nsays the {\\an8}guide.\r\n\r\n2\r\n00:00:05,000 --> 00:00:06,500\r\nMacao<font color=\"#ff0000\"> casinos</font>\r\n";

const VTT: &str = "WEBVTT - Macau tour\n\nNOTE Macau, the old spelling\n\nSTYLE\n::cue(.Macau) { color: red }\n\nmacau-intro\n00:01.000 --> 00:04.000 region:Macau\n<v Macau guide>Macau &amp; Hong Kong</v>\n\n00:05.000 --> 00:06.000\nNOTE is not a note here: Macau\n";
const VTT_FIXED: &str = "WEBVTT - Macau tour\n\nNOTE Macau, the old spelling\n\nSTYLE\n::cue(.Macau) { color: red }\n\nmacau-intro\n00:01.000 --> 00:04.000 region:Macau\n<v Macau guide>Macao &amp; Hong Kong</v>\n\n00:05.000 --> 00:06.000\nNOTE is not a note here: Macao\n";

fn run_in(dir: &std::path::Path, args: &[&str]) -> (String, String, i32) {
    common::outcome(
        common::termalign()
            .current_dir(dir)
            .args([
                "--isolated",
                "check",
                "--no-default-glossaries",
                "-g",
                "g.yaml",
            ])
            .args(["--lang", "en"])
            .args(args)
            .output()
            .unwrap(),
    )
}

#[test]
fn cue_text_is_checked_and_fixed_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.yaml"), GLOSSARY).unwrap();
    let cases = [
        (
            "tour.srt",
            SRT,
            SRT_FIXED,
            vec![
                "tour.srt:3:15: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment 1)",
                "tour.srt:8:1: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment 2)",
            ],
        ),
        (
            "tour.vtt",
            VTT,
            VTT_FIXED,
            vec![
                "tour.vtt:10:16: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment macau-intro)",
                "tour.vtt:13:26: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment 2)",
            ],
        ),
    ];
    for (name, before, after, want) in cases {
        let path = dir.path().join(name);
        fs::write(&path, before).unwrap();
        let (stdout, stderr, code) = run_in(dir.path(), &[name]);
        assert_eq!(stdout.lines().collect::<Vec<_>>(), want, "{name}: {stderr}");
        assert_eq!(code, 1);
        let (_, stderr, code) = run_in(dir.path(), &["--fix", name]);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert_eq!(fs::read_to_string(&path).unwrap(), after, "{name}");
    }
}

#[test]
fn a_directory_walk_takes_subtitles_and_a_note_holds_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.yaml"), GLOSSARY).unwrap();
    fs::create_dir(dir.path().join("subs")).unwrap();
    fs::write(
        dir.path().join("subs/a.vtt"),
        "WEBVTT\n\nNOTE termalign: ignore deprecated-term -- the guide's own sign\n\n00:01.000 --> 00:02.000\nMacau\n",
    )
    .unwrap();
    fs::write(dir.path().join("subs/b.srt"), SRT).unwrap();
    let (stdout, stderr, code) = run_in(dir.path(), &["subs"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!stdout.contains("a.vtt"), "suppressed: {stdout}");
    assert_eq!(stdout.matches("b.srt").count(), 2, "{stdout}");
}

#[test]
fn broken_subtitles_exit_2_with_a_position() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.yaml"), GLOSSARY).unwrap();
    let cases = [
        (
            "a.vtt",
            "00:01.000 --> 00:02.000\nMacau\n",
            "a.vtt:1:1: a WebVTT file must start with `WEBVTT`",
        ),
        (
            "b.srt",
            "Macau\n\n1\n00:00:01,000 --> 00:00:02,000\nx\n",
            "b.srt:1:1: this subtitle block has no timing line",
        ),
    ];
    for (name, text, want) in cases {
        fs::write(dir.path().join(name), text).unwrap();
        let (stdout, stderr, code) = run_in(dir.path(), &[name]);
        assert_eq!((stdout.as_str(), code), ("", 2), "{name}: {stderr}");
        assert!(stderr.contains(want), "{name}: {stderr}");
    }
}

/// WebVTT files from mozilla/vtt.js's own test suite (Apache-2.0, see
/// `tests/fixtures/input/subtitles/vttjs/SOURCES.md`): the valid ones give
/// exactly their cue text, the broken ones fail with a position.
#[test]
fn vtt_js_test_files_read_as_their_cue_text() {
    use termalign::input::{Format, SourceFile};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/input/subtitles/vttjs");
    let cue_text = |name: &str| -> Result<Vec<String>, String> {
        let file = SourceFile::read(&dir.join(name)).map_err(|e| e.to_string())?;
        let prose = Format::Vtt
            .read_document(&file)
            .map_err(|e| e.to_string())?;
        Ok(prose.segments.into_iter().map(|s| s.text.text).collect())
    };
    let valid: [(&str, &[&str]); 7] = [
        // The cue identifier is Chinese; only the payload is text.
        ("cuetext--languages--chinese.vtt", &["Payload"]),
        (
            "cuetext--escape-characters--together.vtt",
            &["Some text < &> < &nb\u{a0} &am< \u{200f}&lr\u{200e} other stuff."],
        ),
        (
            "file-layout--many-comments.vtt",
            &[
                "Never drink liquid nitrogen.",
                "- It will perforate your stomach.\n- You could die.",
            ],
        ),
        ("cuetext--voice--with-annotation.vtt", &["No way!"]),
        ("file-layout--webvtt-with-bom.vtt", &["text"]),
        (
            "cuetext--timestamp--basic.vtt",
            &["It's a blue apple tree!"],
        ),
        ("file-layout--blank-file.vtt", &[]),
    ];
    for (name, expected) in valid {
        assert_eq!(cue_text(name).unwrap(), expected, "{name}");
    }
    for (name, error) in [
        (
            "file-layout--garbage-signature.vtt",
            "file-layout--garbage-signature.vtt:1:1: a WebVTT file must start with `WEBVTT`",
        ),
        (
            "cue-times--missing-separator.vtt",
            "missing-separator.vtt:3:1:",
        ),
    ] {
        let got = cue_text(name).unwrap_err();
        assert!(got.contains(error), "{name}: {got}");
    }
}
