//! Resource files (JSON catalogues, Java properties, iOS strings, YAML
//! catalogues): only
//! values are prose (SPEC §8), and `--fix` rewrites only value text, with
//! the format's escaping (SPEC §6). Each case holds `Macau` in a value and
//! `macau` in keys, comments and metadata; after `--fix` the whole file
//! must be byte for byte the expected one, so nothing outside the edited
//! value moved.

mod common;

use std::fs;
use std::path::PathBuf;

const GLOSSARY: &str = "\
glossary: house
concepts:
  - id: macao
    terms:
      en:
        - Macao
        - {term: Macau, status: deprecated, fix: auto}
";

struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Project {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("g.yaml"), GLOSSARY).unwrap();
        Project { dir }
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    /// `termalign check` with the project glossary, in English:
    /// (stdout, stderr, code).
    fn check(&self, args: &[&str]) -> (String, String, i32) {
        let mut all = vec!["--lang", "en", "--format", "line"];
        all.extend(args);
        self.check_as(&all)
    }

    /// `termalign check` with the project glossary and `args` alone.
    fn check_as(&self, args: &[&str]) -> (String, String, i32) {
        let out = common::termalign()
            .current_dir(self.dir.path())
            .args([
                "--isolated",
                "check",
                "--no-default-glossaries",
                "-g",
                "g.yaml",
            ])
            .args(args)
            .output()
            .unwrap();
        common::outcome(out)
    }
}

/// (file name, before, after `--fix`, findings before the fix as
/// `line:column segment`).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const CASES: &[Case] = &[
    (
        "locales/en/translation.json",
        "{\n  \"macau_title\": \"Macau\",\n  \"macau\": {\"city_one\": \"one city in Macau\", \"city_other\": \"Mac\\u0061u and \\\"more\\\"\"},\n  \"list\": [\"Macao\", 1]\n}\n",
        "{\n  \"macau_title\": \"Macao\",\n  \"macau\": {\"city_one\": \"one city in Macao\", \"city_other\": \"Macao and \\\"more\\\"\"},\n  \"list\": [\"Macao\", 1]\n}\n",
        &["2:19 macau_title", "3:38 macau.city_one", "3:61 macau.city_other"],
    ),
    (
        "l10n/app_en.arb",
        "{\n  \"@@locale\": \"en\",\n  \"macauTitle\": \"Macau\",\n  \"@macauTitle\": {\"description\": \"macau Macau\", \"placeholders\": {\"macau\": {\"example\": \"Macau\"}}}\n}\n",
        "{\n  \"@@locale\": \"en\",\n  \"macauTitle\": \"Macao\",\n  \"@macauTitle\": {\"description\": \"macau Macau\", \"placeholders\": {\"macau\": {\"example\": \"Macau\"}}}\n}\n",
        &["3:18 macauTitle"],
    ),
    (
        "_locales/en/messages.json",
        "{\n  // macau: Macau\n  \"macau\": {\n    \"message\": \"Macau guide\",\n    \"description\": \"Macau, the macau extension\"\n  }\n}\n",
        "{\n  // macau: Macau\n  \"macau\": {\n    \"message\": \"Macao guide\",\n    \"description\": \"Macau, the macau extension\"\n  }\n}\n",
        &["4:17 macau"],
    ),
    (
        "src/main/resources/Messages_en.properties",
        "# macau: Macau\n! Macau macau\nmacau_title = Macau\nmacau.city\\ name: Visit \\\n    Macau\\u0021\r\nmacau Macau\n",
        "# macau: Macau\n! Macau macau\nmacau_title = Macao\nmacau.city\\ name: Visit \\\n    Macao\\u0021\r\nmacau Macao\n",
        &["3:15 macau_title", "5:5 macau.city name", "6:7 macau"],
    ),
    (
        "en.lproj/Localizable.strings",
        "/* macau: Macau */\n\"macau_title\" = \"Macau\"; // macau Macau\n\"macau.city\" = \"Visit \\\"Macau\\\"\\nnow\";\nmacau = Macau;\n",
        "/* macau: Macau */\n\"macau_title\" = \"Macao\"; // macau Macau\n\"macau.city\" = \"Visit \\\"Macao\\\"\\nnow\";\nmacau = Macau;\n",
        &["2:18 macau_title", "3:25 macau.city"],
    ),
    (
        "config/locales/en.yml",
        "# macau: Macau\nen:\n  macau_title: Macau # Macau\n  macau:\n    city: \"Visit \\\"Macau\\\"\\tnow\"\n    folded: >\n      One city,\n      Macau.\n    quote: 'Macau''s'\n  count: 3\n",
        "# macau: Macau\nen:\n  macau_title: Macao # Macau\n  macau:\n    city: \"Visit \\\"Macao\\\"\\tnow\"\n    folded: >\n      One city,\n      Macao.\n    quote: 'Macao''s'\n  count: 3\n",
        &["3:16 macau_title", "5:20 macau.city", "8:7 macau.folded", "9:13 macau.quote"],
    ),
    (
        "locales/en-US/app.ftl",
        "# macau-title: Macau\nmacau-title = Macau, { $macau }\n    .title = Visit Macau\nemails = { $count ->\n    [one] One email from Macau.\n   *[other] { $count } emails from Macau.\n}\n-macau-brand = { macau-title }\n",
        "# macau-title: Macau\nmacau-title = Macao, { $macau }\n    .title = Visit Macao\nemails = { $count ->\n    [one] One email from Macao.\n   *[other] { $count } emails from Macao.\n}\n-macau-brand = { macau-title }\n",
        &["2:15 macau-title", "3:20 macau-title.title", "5:26 emails[one]", "6:36 emails[other]"],
    ),
];

fn findings(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            // `path:line:col: severity[rule] message (segment ID)`
            let mut parts = l.splitn(4, ':');
            let (_, line, col) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
            let segment = l
                .rsplit_once("(segment ")
                .map_or("-", |(_, s)| s.trim_end_matches(')'));
            format!("{line}:{col} {segment}")
        })
        .collect()
}

#[test]
fn only_values_are_checked_and_named_by_their_key() {
    let p = Project::new();
    for (name, before, _, want) in CASES {
        p.write(name, before.as_bytes());
        let (stdout, stderr, code) = p.check(&[name]);
        assert_eq!(findings(&stdout), *want, "{name}: {stdout}{stderr}");
        assert_eq!(code, 1, "{name}: {stderr}");
    }
}

#[test]
fn fix_rewrites_only_value_text_byte_for_byte() {
    let p = Project::new();
    for (name, before, after, _) in CASES {
        let path = p.write(name, before.as_bytes());
        let (stdout, stderr, code) = p.check(&["--fix", name]);
        assert_eq!(fs::read_to_string(&path).unwrap(), *after, "{name}");
        assert_eq!((stdout.as_str(), code), ("", 0), "{name}: {stderr}");
    }
}

/// A key is an identifier, never prose: `macau_title` and the like give no
/// finding even with a glossary term `Macau`.
#[test]
fn keys_and_metadata_never_yield_findings() {
    let p = Project::new();
    let files: &[(&str, &str)] = &[
        (
            "a.json",
            "{\"macau_title\": \"Macao\", \"Macau\": {\"Macau\": \"x\"}, \"@Macau\": {\"description\": \"Macau\"}}",
        ),
        ("b.arb", "{\"Macau\": \"Macao\", \"@Macau\": {\"description\": \"Macau\"}}"),
        ("c.properties", "# Macau\nMacau = Macao\nMacau\\ title: Macao\n"),
        ("d.strings", "/* Macau */ \"Macau\" = \"Macao\"; // Macau\n"),
        ("e.yml", "# Macau\nMacau: Macao # Macau\n\"Macau\": {Macau: Macao}\n? Macau\n: Macao\n"),
        ("f.ftl", "# Macau\nMacau = Macao { Macau } { $Macau }\n    .Macau = Macao\n"),
    ];
    for (name, text) in files {
        p.write(name, text.as_bytes());
        let (stdout, stderr, code) = p.check(&[name]);
        assert_eq!((stdout.as_str(), code), ("", 0), "{name}: {stderr}");
    }
}

#[test]
fn bad_resource_files_name_the_position_and_exit_2() {
    let p = Project::new();
    let files: &[(&str, &str, &str)] = &[
        (
            "bad.json",
            "{\n  \"a\": \"open\n}\n",
            "bad.json:2:8: unterminated string",
        ),
        (
            "bad.arb",
            "{\"a\": \"\\x\"}",
            "bad.arb:1:8: invalid escape `\\x`",
        ),
        (
            "bad.strings",
            "\"a\" = \"b\";\n\"c\" = \"open;\n",
            "bad.strings:2:7: unterminated string",
        ),
        (
            "bad.properties",
            "a = b\nc = \\u00\n",
            "bad.properties:2:5: malformed \\uxxxx escape",
        ),
        (
            "bad.ftl",
            "a = b\nc = { $x\n",
            "bad.ftl:2:5: unclosed placeable",
        ),
        (
            "bad.yml",
            "fr:\n  a: b\n   c: d\n",
            "bad.yml:3:5: YAML: mapping values are not allowed in this context",
        ),
    ];
    for (name, text, want) in files {
        p.write(name, text.as_bytes());
        let (stdout, stderr, code) = p.check(&[name]);
        assert_eq!(code, 2, "{name}: {stdout}{stderr}");
        assert!(stderr.contains(want), "{name}: {stderr}");
        assert!(stdout.is_empty(), "{name}: {stdout}");
    }
}

/// ARB's `@@locale` declares the file's language: a French catalogue is
/// not checked against English terms.
#[test]
fn arb_declares_its_language() {
    let p = Project::new();
    p.write("app_fr.arb", b"{\"@@locale\": \"fr_CA\", \"t\": \"Macau\"}");
    p.write("app_en.arb", b"{\"@@locale\": \"en\", \"t\": \"Macau\"}");
    let (stdout, stderr, _) = p.check_as(&["--format", "json", "app_fr.arb", "app_en.arb"]);
    let json: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stderr}"));
    let found: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {}",
                f["path"].as_str().unwrap(),
                f["rule"].as_str().unwrap(),
                f["language"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "app_en.arb deprecated-term en",
            "app_fr.arb no-glossary-terms fr-CA"
        ]
    );
}

/// A walk takes message catalogues but not the tool manifests beside them
/// (`package.json`, lock files), whose values are URLs and versions; named
/// on the command line, a manifest is read.
#[test]
fn walks_leave_tool_manifests_out() {
    let p = Project::new();
    p.write("web/locales/en/common.json", b"{\"t\": \"Macau\"}");
    p.write("web/package.json", b"{\"description\": \"Macau\"}");
    p.write("web/tsconfig.app.json", b"{\"x\": \"Macau\"}");
    // YAML is configuration as often as catalogue: a walk takes it only
    // where a locale or a translations folder names it.
    p.write("web/config/locales/devise.en.yml", b"en:\n  t: Macau\n");
    p.write("web/translations/messages.yaml", b"t: Macau\n");
    p.write("web/.github/workflows/ci.yml", b"name: Macau\n");
    p.write("web/config/database.yml", b"host: Macau\n");
    let (stdout, stderr, _) = p.check(&["web"]);
    let paths: Vec<&str> = stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "web/config/locales/devise.en.yml",
            "web/locales/en/common.json",
            "web/translations/messages.yaml"
        ],
        "{stderr}"
    );
    let (stdout, _, code) = p.check(&["web/config/database.yml"]);
    assert!(
        stdout.starts_with("web/config/database.yml:1:7:"),
        "{stdout}"
    );
    assert_eq!(code, 1);
    let (stdout, _, code) = p.check(&["web/package.json"]);
    assert!(stdout.starts_with("web/package.json:1:18:"), "{stdout}");
    assert_eq!(code, 1);
}

/// A real resource bundle (see tests/fixtures/input/resources/SOURCES.md)
/// reads without error, and every finding lies in a value: after the
/// line's `=`, named by the key before it.
#[test]
fn a_real_properties_file_gives_findings_only_in_values() {
    let p = Project::new();
    fs::write(
        p.dir.path().join("g.yaml"),
        "glossary: pets\nconcepts:\n  - id: owner\n    terms:\n      en:\n        - Pet owner\n        - {term: Owner, status: deprecated}\n",
    )
    .unwrap();
    let fixture = common::fixture("input/resources/petclinic-messages.properties");
    let text = fs::read_to_string(&fixture).unwrap();
    let (stdout, stderr, code) = p.check(&[fixture.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    let lines: Vec<&str> = text.lines().collect();
    let mut count = 0;
    for finding in stdout.lines() {
        let (_, position) = finding.split_once(".properties:").unwrap();
        let mut parts = position.splitn(3, ':');
        let line: usize = parts.next().unwrap().parse().unwrap();
        let column: usize = parts.next().unwrap().parse().unwrap();
        let source = lines[line - 1];
        let (key, _) = source.split_once('=').unwrap_or_else(|| panic!("{source}"));
        assert!(column > key.len() + 1, "{finding}");
        assert!(finding.ends_with(&format!("(segment {key})")), "{finding}");
        count += 1;
    }
    // The values that hold the word (not `Owners`), and only them: keys
    // such as `addOwner` and `owner` hold it too.
    let values = lines
        .iter()
        .filter_map(|l| l.split_once('=').map(|(_, v)| v))
        .map(|v| {
            v.split(|c: char| !c.is_alphanumeric())
                .filter(|w| *w == "Owner")
                .count()
        })
        .sum::<usize>();
    assert!(
        count > 0 && count == values,
        "{count} != {values}\n{stdout}"
    );
}

/// `.strings` files are often UTF-16 with a byte-order mark: the fix is
/// written in UTF-16 too, and every other byte stays.
#[test]
fn utf16_strings_are_fixed_in_utf16() {
    let utf16 = |text: &str| {
        let mut raw = vec![0xFF, 0xFE];
        raw.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        raw
    };
    let p = Project::new();
    let path = p.write(
        "fr.lproj/InfoPlist.strings",
        &utf16("/* macau */\r\n\"macau\" = \"Macau 澳门\";\r\n"),
    );
    let (stdout, stderr, code) = p.check(&["--fix", "fr.lproj/InfoPlist.strings"]);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    assert_eq!(
        fs::read(&path).unwrap(),
        utf16("/* macau */\r\n\"macau\" = \"Macao 澳门\";\r\n")
    );
}

/// Suppression directives stand in each resource format's own comments:
/// JSONC `//` and `/* */`, properties `#` and `!`, `.strings` `/* */` and
/// `//`, each on the line above or at the end of its line; the value with
/// no directive is still reported.
#[test]
fn suppressions_stand_in_each_formats_comments() {
    let p = Project::new();
    p.write(
        "a.json",
        b"{\n  // termalign: ignore macao -- the brand keeps its old spelling\n  \"brand\": \"Macau Studios\",\n  \"city\": \"Macau\" /* termalign: ignore deprecated-term */,\n  \"other\": \"Macau\"\n}\n",
    );
    p.write(
        "a.properties",
        b"# termalign: ignore macao\nbrand=Macau Studios\n! termalign: ignore all\ncity=Macau\nother=Macau\n",
    );
    p.write(
        "a.strings",
        b"/* termalign: ignore macao */\n\"brand\" = \"Macau Studios\";\n\"city\" = \"Macau\"; // termalign: ignore\n\"other\" = \"Macau\";\n",
    );
    p.write(
        "a.yml",
        b"en:\n  # termalign: ignore macao\n  brand: Macau Studios\n  city: |  # termalign: ignore\n    Macau\n    and more Macau\n  other: Macau\n",
    );
    p.write(
        "a.ftl",
        b"# termalign: ignore macao\nbrand = Macau Studios\ncity = Macau\n    .title = Macau\nother = Macau\n",
    );
    let (stdout, stderr, code) =
        p.check(&["a.json", "a.properties", "a.strings", "a.yml", "a.ftl"]);
    assert_eq!(code, 1, "{stderr}");
    let found: Vec<&str> = stdout
        .lines()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        found,
        [
            "a.ftl:3:8",
            "a.ftl:4:14",
            "a.ftl:5:9",
            "a.json:5:13",
            "a.properties:5:7",
            "a.strings:4:12",
            "a.yml:7:10"
        ],
        "{stdout}"
    );
}

#[test]
fn two_resource_files_align_by_key() {
    let project = Project::new();
    project.write(
        "locales/en.json",
        b"{\n  \"title\": \"Visit Macao\",\n  \"menu\": {\"city\": \"Macao city\", \"old\": \"Gone\"}\n}\n",
    );
    project.write(
        "locales/fr.json",
        b"{\n  \"menu\": {\"city\": \"Ville de Macau\"},\n  \"title\": \"Visitez Macao\",\n  \"extra\": \"En plus\"\n}\n",
    );
    let glossary = "glossary: house\nconcepts:\n  - id: macao\n    terms:\n      en: [Macao]\n      fr:\n        - Macao\n        - {term: Macau, status: deprecated}\n";
    project.write("g.yaml", glossary.as_bytes());
    let align = |args: &[&str]| {
        common::outcome(
            common::termalign()
                .current_dir(project.dir.path())
                .args([
                    "--isolated",
                    "align",
                    "--no-default-glossaries",
                    "-g",
                    "g.yaml",
                ])
                .args(args)
                .output()
                .unwrap(),
        )
    };
    let (stdout, stderr, code) =
        align(&["--source", "locales/en.json", "--target", "locales/fr.json"]);
    assert_eq!(code, 1, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "locales/en.json:3:42: warning[unfinished-segment] segment menu.old has no translation (segment menu.old)",
            "locales/fr.json:2:30: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment menu.city)",
            "locales/fr.json:4:13: warning[unfinished-segment] segment extra is in the target but not in the source: nothing it translates (segment extra)",
        ]
    );
    // The languages come from the files' names, and say so.
    let (stdout, _, _) = align(&[
        "--source",
        "locales/en.json",
        "--target",
        "locales/fr.json",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["languages"][0]["lang"], "fr");
    assert_eq!(json["languages"][0]["source_lang"], "en");
    assert_eq!(json["languages"][0]["lang_from"], "the format's convention");

    // A resource file and prose do not pair.
    project.write("fr.txt", b"Visitez Macao\n");
    let (stdout, stderr, code) = align(&["--source", "locales/en.json", "--target", "fr.txt"]);
    assert_eq!((stdout.as_str(), code), ("", 2), "{stderr}");
    assert!(
        stderr.contains("cannot pair locales/en.json (json) with fr.txt (text)"),
        "{stderr}"
    );
}

/// A Rails catalogue's one top-level key is its locale: it declares the
/// language, stays out of the ids, and two catalogues align by key.
#[test]
fn rails_catalogues_declare_their_locale_and_align_by_key() {
    let project = Project::new();
    project.write(
        "app/en.yml",
        b"en:\n  title: Visit Macao\n  menu:\n    city: Macao city\n    old: Gone\n",
    );
    project.write(
        "app/fr.yml",
        b"fr:\n  menu:\n    city: Ville de Macau\n  title: Visitez Macao\n",
    );
    let glossary = "glossary: house\nconcepts:\n  - id: macao\n    terms:\n      en: [Macao]\n      fr:\n        - Macao\n        - {term: Macau, status: deprecated}\n";
    project.write("g.yaml", glossary.as_bytes());
    let run = |args: &[&str]| {
        common::outcome(
            common::termalign()
                .current_dir(project.dir.path())
                .args(["--isolated"])
                .args(args)
                .output()
                .unwrap(),
        )
    };
    let (stdout, stderr, code) = run(&[
        "align",
        "--no-default-glossaries",
        "-g",
        "g.yaml",
        "--source",
        "app/en.yml",
        "--target",
        "app/fr.yml",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "app/en.yml:5:10: warning[unfinished-segment] segment menu.old has no translation (segment menu.old)",
            "app/fr.yml:3:20: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment menu.city)",
        ]
    );
    // Under a name that says nothing, the root key still declares French.
    project.write("app/copy.yml", b"fr:\n  menu:\n    city: Ville de Macau\n");
    let (stdout, stderr, _) = run(&[
        "check",
        "--no-default-glossaries",
        "-g",
        "g.yaml",
        "--format",
        "json",
        "app/copy.yml",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stderr}"));
    assert_eq!(json["findings"][0]["language"], "fr", "{stdout}");
    assert_eq!(json["findings"][0]["segment"], "menu.city", "{stdout}");
}

/// A YAML value may be plain, quoted or a block: `--fix` writes a
/// replacement only where it reads the same in every style, and says why
/// it leaves the others.
#[test]
fn yaml_fix_leaves_replacements_that_would_need_quoting() {
    let p = Project::new();
    fs::write(
        p.dir.path().join("g.yaml"),
        "glossary: house\nconcepts:\n  - id: prc\n    terms:\n      en:\n        - \"People's Republic\"\n        - {term: Peoples Republic, status: deprecated, fix: auto}\n",
    )
    .unwrap();
    let before = "en:\n  a: 'The Peoples Republic'\n";
    let path = p.write("en.yml", before.as_bytes());
    let (stdout, stderr, code) = p.check(&["--fix", "en.yml"]);
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.starts_with("en.yml:2:11:"), "{stdout}");
    assert!(stderr.contains("would need quoting"), "{stderr}");
}

/// Real Rails catalogues (rails-i18n, MIT; see
/// tests/fixtures/input/resources/SOURCES.md): every file reads, declares
/// its locale, and every value maps onto exactly its bytes.
#[test]
fn real_rails_catalogues_read_and_map_exactly() {
    use termalign::input::{Format, SourceFile};
    let dir = common::fixture("input/resources/rails-i18n");
    let mut files = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("yml") {
            continue;
        }
        files += 1;
        let raw = fs::read(&path).unwrap();
        let file = SourceFile::from_bytes(&path, raw).unwrap();
        let prose = Format::Yaml.read_document(&file).unwrap();
        let stem = path.file_stem().unwrap().to_str().unwrap();
        assert_eq!(prose.language.as_deref(), Some(stem), "{}", path.display());
        assert!(prose.segments.len() > 50, "{}", path.display());
        assert!(prose
            .segments
            .iter()
            .any(|s| s.id.as_deref() == Some("date.formats.default")));
        for segment in &prose.segments {
            let mapped = &segment.text;
            for (k, c) in mapped.text.char_indices() {
                let span = mapped.source_span(termalign::Span::new(k, k + c.len_utf8()));
                let raw = &file.text[span.start..span.end];
                // Placeholders are masked with spaces: only the rest is
                // compared.
                if span.len() == c.len_utf8() && !c.is_whitespace() {
                    assert_eq!(
                        raw,
                        c.to_string(),
                        "{}: {:?} at {k}",
                        path.display(),
                        segment.id
                    );
                }
            }
        }
    }
    assert_eq!(files, 5);
}

/// A source value with nothing to translate (a `,` delimiter, a format of
/// placeholders and punctuation) owes the target nothing; a real string
/// still does.
#[test]
fn values_with_nothing_to_translate_are_not_unfinished() {
    let project = Project::new();
    project.write(
        "locales/en.json",
        b"{\"delimiter\": \",\", \"negative\": \"-%u%n\", \"title\": \"Visit\"}",
    );
    project.write("locales/fr.json", b"{}");
    let out = common::termalign()
        .current_dir(project.dir.path())
        .args([
            "--isolated",
            "align",
            "--no-default-glossaries",
            "-g",
            "g.yaml",
            "--format",
            "line",
        ])
        .args(["--source", "locales/en.json", "--target", "locales/fr.json"])
        .output()
        .unwrap();
    let (stdout, stderr, code) = common::outcome(out);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "locales/en.json:1:51: warning[unfinished-segment] segment title has no translation (segment title)",
            "locales/fr.json:1:1: warning[no-glossary-terms] no loaded glossary has terms in `fr`: nothing in this file was checked",
        ]
    );
}
