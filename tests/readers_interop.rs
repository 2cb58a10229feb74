//! The bilingual readers against files nobody on the team wrote (the shared
//! interop set, see its SOURCES.md) and against our own small fixtures in
//! `tests/fixtures/input/`.
//!
//! The shared set lives next to the repository (`$CARGO_MANIFEST_DIR/../shared
//! /data/interop`); where it is absent, its checks fall back to the MIT and
//! Apache-2.0 files vendored in `tests/fixtures/input/interop/` and skip the
//! rest with a note.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use termalign::input::detect;
use termalign::input::{parallel, po, tmx, tsv, xliff, Bilingual, Format, SourceFile};
use termalign::{Error, Span};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    manifest_dir().join("tests/fixtures/input")
}

/// The shared interop directory, if this checkout sits next to it (said
/// once per run when it does not).
#[allow(clippy::print_stderr)]
fn shared_interop() -> Option<PathBuf> {
    static SHARED: OnceLock<Option<PathBuf>> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            let dir = manifest_dir().join("../shared/data/interop");
            if dir.is_dir() {
                Some(dir)
            } else {
                eprintln!(
                    "note: {} not found; checking only the vendored interop fixtures",
                    dir.display()
                );
                None
            }
        })
        .clone()
}

/// An interop file from the shared set, else its vendored copy, else `None`.
fn interop_file(rel: &str) -> Option<PathBuf> {
    let shared = shared_interop()
        .map(|d| d.join(rel))
        .filter(|p| p.is_file());
    shared.or_else(|| Some(fixtures().join("interop").join(rel)).filter(|p| p.is_file()))
}

fn read_file(path: &Path) -> SourceFile {
    SourceFile::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read_as(
    file: &SourceFile,
    format: Format,
    target_lang: Option<&str>,
) -> termalign::Result<Bilingual> {
    match format {
        Format::Xliff => xliff::read(file),
        Format::Tmx => tmx::read(file, None, target_lang),
        Format::Po => po::read(file),
        Format::Tsv => tsv::read(file),
        other => panic!("not a bilingual format: {other:?}"),
    }
}

fn ids(b: &Bilingual) -> Vec<&str> {
    b.pairs.iter().map(|p| p.id.as_str()).collect()
}

/// The offset invariant, checked on every pair: every span between char
/// boundaries of a derived text maps to an in-bounds span of the file on char
/// boundaries, monotonically, and each derived char that is copied verbatim
/// maps to exactly those bytes.
fn check_offsets(file: &SourceFile, b: &Bilingual) {
    for p in &b.pairs {
        for m in std::iter::once(&p.source).chain(p.target.as_ref()) {
            let mut last = 0;
            for (i, c) in m.text.char_indices() {
                let span = m.source_span(Span::new(i, i + c.len_utf8()));
                assert!(
                    span.start >= last,
                    "{}: pair {}: not monotonic",
                    file.path.display(),
                    p.id
                );
                assert!(span.end <= file.text.len());
                assert!(
                    file.text.is_char_boundary(span.start) && file.text.is_char_boundary(span.end)
                );
                let raw = &file.text[span.range()];
                // Verbatim, or widened to a whole reference, escape or tag.
                assert!(
                    raw == c.encode_utf8(&mut [0; 4]) || raw.contains(['&', '\\', '<']),
                    "{}: pair {}: {c:?} maps to {raw:?}",
                    file.path.display(),
                    p.id
                );
                last = span.start;
            }
        }
    }
}

/// `needle` found in a derived text maps back to exactly `raw`.
fn assert_maps(file: &SourceFile, text: &termalign::text::MappedText, needle: &str, raw: &str) {
    let start = text
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", text.text));
    let span = text.source_span(Span::new(start, start + needle.len()));
    assert_eq!(
        &file.text[span.range()],
        raw,
        "{}: {needle:?}",
        file.path.display()
    );
}

struct Expect {
    rel: &'static str,
    format: Format,
    target_lang: Option<&'static str>,
    langs: (Option<&'static str>, Option<&'static str>),
    ids: &'static [&'static str],
    /// (pair id, text found in the target, the original bytes it maps to)
    spans: &'static [(&'static str, &'static str, &'static str)],
}

/// Every XLIFF 1.2, XLIFF 2.0, TMX and PO file of the shared set, with what
/// reading them must give (counted by hand from the files).
const EXPECTED: &[Expect] = &[
    Expect {
        rel: "xliff12/oasis-almost-everything-strict.xlf",
        format: Format::Xliff,
        target_lang: None,
        langs: (Some("en-us"), Some("en-us")),
        ids: &[
            "_1_ski_041",
            "_1_ski_2203",
            "_1_ski_2219",
            "_1_ski_2515",
            "_1_ski_2713",
            "_1_ski_2812",
            "_1_ski_3010",
            "_1_ski_319",
            "_1_ski_337",
            "_1_ski_355#1",
            "_1_ski_355#2",
            "_1_ski_374",
            "_1_ski_383",
            "_1_ski_392",
            "_1_ski_401#1",
            "_1_ski_401#2",
            "_1_ski_410#1",
            "_1_ski_410#2",
        ],
        spans: &[
            ("_1_ski_041", "textTEXT", r#"text</g>TEXT"#),
            (
                "_1_ski_041",
                "TEXTTEXTTEXT",
                r#"TEXT<bpt id="_1_ski_931">code</bpt>TEXT<ept id="_1_ski_1030">code</ept>TEXT"#,
            ),
            ("_1_ski_410#2", "Translated second", "Translated second"),
            ("_1_ski_374", "górną", "górną"),
        ],
    },
    Expect {
        rel: "xliff12/okapi-alttrans-translate-no.xlf",
        format: Format::Xliff,
        target_lang: None,
        langs: (Some("en"), Some("fr")),
        ids: &["6", "1", "2", "3", "4", "5"],
        spans: &[("2", "numéro", "numéro")],
    },
    Expect {
        rel: "xliff12/okapi-segsource-cp1252.xlf",
        format: Format::Xliff,
        target_lang: None,
        langs: (Some("en"), Some("fr")),
        ids: &[
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "11#0",
            "11#1",
            "11withWarning#0",
            "11withWarning#1",
        ],
        spans: &[
            (
                "4",
                "with code and bold",
                r#"with <g id="1">code</g> and <g id="2">bold"#,
            ),
            ("6", "footnote and", r#"footnote<x id="1"/> and"#),
        ],
    },
    Expect {
        rel: "xliff12/ttk-xliff11-states.xlf",
        format: Format::Xliff,
        target_lang: None,
        langs: (Some("en-US"), None),
        ids: &["1", "2", "3", "4", "5", "6", "7", "8"],
        spans: &[("8", "Huit", "Huit")],
    },
    Expect {
        rel: "xliff20/oasis-everything-core.xlf",
        format: Format::Xliff,
        target_lang: None,
        langs: (Some("en"), Some("fr")),
        ids: &["tu1#1", "tu1#2", "tu3", "tu3end", "tu2"],
        spans: &[("tu1#2", "Contenu du segment", "Contenu du segment")],
    },
    // Invalid on purpose for the glossary module only (a glossEntry with
    // neither translation nor definition): well-formed XLIFF whose modules
    // the reader ignores, so it reads like its valid twin.
    Expect {
        rel: "xliff20/oasis-gls-bad-entry.xlf",
        format: Format::Xliff,
        target_lang: None,
        langs: (Some("en-us"), Some("de")),
        ids: &["xmrk_000_concept"],
        spans: &[("xmrk_000_concept", "Skiing", "Skiing")],
    },
    Expect {
        rel: "xliff20/oasis-gls-good-entry.xlf",
        format: Format::Xliff,
        target_lang: None,
        langs: (Some("en-us"), Some("de")),
        ids: &["xmrk_000_concept"],
        spans: &[("xmrk_000_concept", "Skiing", "Skiing")],
    },
    Expect {
        rel: "xliff20/oasis-sample1-glossary.xlf",
        format: Format::Xliff,
        target_lang: None,
        langs: (Some("en"), Some("de")),
        ids: &["1"],
        spans: &[(
            "1",
            "die TAB-TASTE.",
            r#"die <mrk id="m2" type="term">TAB-TASTE</mrk>."#,
        )],
    },
    Expect {
        rel: "xliff20/oasis-toSegment.xlf",
        format: Format::Xliff,
        target_lang: None,
        langs: (Some("en"), Some("fr")),
        ids: &["1#s1", "1#s2", "1#s3", "1#s4"],
        spans: &[("1#s2", "Phrase [  ] 6", "Phrase [  ] 6")],
    },
    Expect {
        rel: "xliff20/oasis-withGlossary.xlf",
        format: Format::Xliff,
        target_lang: None,
        langs: (Some("en"), Some("fr")),
        ids: &["1#1", "1#2"],
        spans: &[
            (
                "1#1",
                "mon alter ego",
                r#"mon <mrk id="m1" type="term">alter ego"#,
            ),
            ("1#2", "double", "double"),
        ],
    },
    Expect {
        rel: "tmx/compkit-ExportTest1A-whitespace-entities.tmx",
        format: Format::Tmx,
        target_lang: None,
        langs: (Some("EN-US"), Some("fr-ca")),
        ids: &["1", "2", "3", "4"],
        spans: &[
            ("3", "<=lt, >=gt, &=amp", "&lt;=lt, >=gt, &amp;=amp"),
            ("4", "\u{a0}=nbsp", "\u{a0}=nbsp"),
        ],
    },
    Expect {
        rel: "tmx/compkit-ImportTest1A-utf16.tmx",
        format: Format::Tmx,
        target_lang: None,
        langs: (Some("en-us"), Some("fr-ca")),
        ids: &["1", "2"],
        spans: &[("1", "avec [\t\t   ]", "avec [&#x09;&#x09;   ]")],
    },
    Expect {
        rel: "tmx/compkit-ImportTest1L-all-attributes.tmx",
        format: Format::Tmx,
        target_lang: None,
        langs: (Some("en-us"), Some("fr")),
        ids: &["tu001"],
        spans: &[("tu001", "Texte du segment.", "Texte du segment.")],
    },
    // Three languages: the target must be chosen.
    Expect {
        rel: "tmx/weblate-3lang-missing-header-attrs.tmx",
        format: Format::Tmx,
        target_lang: Some("cs"),
        langs: (Some("DE-DE"), Some("cs")),
        ids: &["1"],
        spans: &[("1", "nainstalované", "nainstalované")],
    },
    Expect {
        rel: "po/ttk-comment-kinds.po",
        format: Format::Po,
        target_lang: None,
        langs: (None, None),
        ids: &["1", "2", "3"],
        spans: &[("2", "Duex", "Duex")],
    },
    Expect {
        rel: "po/ttk-fuzzy.po",
        format: Format::Po,
        target_lang: None,
        langs: (None, None),
        ids: &["1", "2"],
        spans: &[("2", "chaîne approximative", "chaîne approximative")],
    },
    Expect {
        rel: "po/ttk-plural-no-header.po",
        format: Format::Po,
        target_lang: None,
        langs: (None, None),
        ids: &["1#0", "1#1", "1#2"],
        spans: &[("1#2", "Many many", "Many many")],
    },
    Expect {
        rel: "po/weblate-cs-header-plurals.po",
        format: Format::Po,
        target_lang: None,
        langs: (None, Some("cs")),
        ids: &["1", "2#0", "2#1", "2#2", "3", "4"],
        spans: &[("1", "světe!\n", "světe!\\n")],
    },
];

#[test]
fn every_interop_file_reads_as_expected() {
    let mut checked = 0;
    for e in EXPECTED {
        let Some(path) = interop_file(e.rel) else {
            continue;
        };
        let file = read_file(&path);
        assert_eq!(detect(&path, &file.text), e.format, "{}", e.rel);
        let b = read_as(&file, e.format, e.target_lang)
            .unwrap_or_else(|err| panic!("{}: {err}", e.rel));
        assert_eq!(ids(&b), e.ids, "{}", e.rel);
        assert_eq!(
            (b.source_lang.as_deref(), b.target_lang.as_deref()),
            e.langs,
            "{}",
            e.rel
        );
        check_offsets(&file, &b);
        for (id, needle, raw) in e.spans {
            let pair = b.pairs.iter().find(|p| p.id == *id).unwrap();
            let target = pair
                .target
                .as_ref()
                .unwrap_or_else(|| panic!("{}: {id} has no target", e.rel));
            assert_maps(&file, target, needle, raw);
        }
        checked += 1;
    }
    assert!(
        checked >= 7,
        "the vendored fixtures at least must be checked"
    );
}

#[test]
fn interop_details() {
    if let Some(path) = interop_file("xliff12/okapi-alttrans-translate-no.xlf") {
        let b = xliff::read(&read_file(&path)).unwrap();
        // translate="no" unit 0 is skipped; alt-trans targets are not targets.
        let with_target: Vec<&str> = b
            .pairs
            .iter()
            .filter(|p| p.target.is_some())
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(with_target, ["2", "3"]);
        // The content of ph (and the sub inside it) is native code.
        assert_eq!(b.pairs[0].source.text, "Text  text.");
    }
    if let Some(path) = interop_file("xliff12/oasis-almost-everything-strict.xlf") {
        let b = xliff::read(&read_file(&path)).unwrap();
        let p = b.pairs.iter().find(|p| p.id == "_1_ski_383").unwrap();
        assert_eq!(
            p.target.as_ref().map(|t| t.text.as_str()),
            Some(""),
            "<target/> is an empty target"
        );
        let p = b.pairs.iter().find(|p| p.id == "_1_ski_392").unwrap();
        assert!(p.target.is_none(), "seg-source inside alt-trans is ignored");
    }
    if let Some(path) = interop_file("po/weblate-cs-header-plurals.po") {
        let b = po::read(&read_file(&path)).unwrap();
        assert!(
            b.pairs[1..].iter().all(|p| p.target.is_none()),
            "empty msgstr is untranslated"
        );
        assert_eq!(b.pairs[2].source.text, "Orangutan has %d bananas.\n");
    }
    if let Some(path) = interop_file("po/ttk-fuzzy.po") {
        let b = po::read(&read_file(&path)).unwrap();
        assert_eq!(
            b.pairs
                .iter()
                .map(|p| p.state != termalign::input::PairState::Final)
                .collect::<Vec<_>>(),
            [false, true]
        );
    }
    if let Some(path) = interop_file("tmx/weblate-3lang-missing-header-attrs.tmx") {
        let file = read_file(&path);
        let err = tmx::read(&file, None, None).unwrap_err();
        assert!(matches!(err, Error::SeveralTargetLanguages { .. }), "{err}");
        assert!(err.to_string().contains("EN-US, CS-CZ"), "{err}");
        let b = tmx::read(&file, None, Some("en")).unwrap();
        assert_eq!(
            b.pairs[0].target.as_ref().unwrap().text,
            "If the log function is installed"
        );
        // No tuv in the asked-for language at all: an input error naming the file.
        let err = tmx::read(&file, None, Some("fr")).unwrap_err();
        assert!(matches!(err, Error::Input { .. }), "{err}");
        assert!(
            err.to_string().contains(
                "weblate-3lang-missing-header-attrs.tmx: no <tuv> in the target language `fr`"
            ),
            "{err}"
        );
    }
    if let Some(path) = interop_file("tmx/compkit-ImportTest1A-utf16.tmx") {
        // UTF-16LE with BOM: spans go on through the decode map to raw bytes.
        let file = read_file(&path);
        let b = tmx::read(&file, None, None).unwrap();
        let t = b.pairs[0].target.as_ref().unwrap();
        let span = file.raw_span(t.source_span(Span::new(0, 7)));
        let raw: Vec<u8> = "Premier"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(&file.raw[span.range()], raw.as_slice());
    }
}

/// Invalid on purpose: damaged copies of real files fail with a positioned
/// error.
#[test]
fn damaged_interop_files_fail_with_positions() {
    let cases: &[(&str, &str, &str, &str)] = &[
        // (file, text to remove, format, expected error start)
        (
            "xliff20/oasis-toSegment.xlf",
            "</source>",
            "xliff",
            ":7:4: malformed XML: ill-formed document: expected `</source>`, but `</segment>` was found",
        ),
        (
            "xliff12/oasis-almost-everything-strict.xlf",
            "</source>\r\n            <target>\r\n               <mrk",
            "xliff",
            ":110:16: malformed XML: ill-formed document: expected `</source>`, but `</mrk>` was found",
        ),
        (
            "po/ttk-fuzzy.po",
            "approximative\"",
            "po",
            ":6:8: unterminated string",
        ),
        (
            "tmx/compkit-ImportTest1L-all-attributes.tmx",
            "</tmx>",
            "tmx",
            ":78:1: malformed XML: end of file inside <tmx>, opened at line 4, column 1",
        ),
    ];
    for (rel, cut, format, want) in cases {
        let Some(path) = interop_file(rel) else {
            continue;
        };
        let original = read_file(&path);
        assert!(original.text.contains(cut), "{rel}: {cut:?} not found");
        let damaged = original.text.replacen(cut, "", 1);
        let file = SourceFile::from_bytes(path.clone(), damaged.into_bytes()).unwrap();
        let err = match *format {
            "xliff" => xliff::read(&file).unwrap_err(),
            "tmx" => tmx::read(&file, None, None).unwrap_err(),
            _ => po::read(&file).unwrap_err(),
        };
        assert!(matches!(err, Error::Input { .. }), "{rel}: {err}");
        let message = err.to_string();
        let want = format!("{}{want}", path.display());
        assert!(
            message.starts_with(&want),
            "{rel}\n got: {message}\nwant: {want}"
        );
    }
}

#[test]
fn every_shared_file_of_these_formats_is_covered() {
    let Some(dir) = shared_interop() else {
        return;
    };
    let mut found = Vec::new();
    for sub in ["xliff12", "xliff20", "tmx", "po"] {
        for entry in std::fs::read_dir(dir.join(sub)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            found.push(format!("{sub}/{name}"));
        }
    }
    found.sort();
    let mut expected: Vec<String> = EXPECTED.iter().map(|e| e.rel.to_owned()).collect();
    expected.sort();
    assert_eq!(
        found, expected,
        "a file was added to or removed from the shared interop set"
    );
    // The vendored copies are byte-identical to the shared originals.
    for sub in ["xliff12", "xliff20"] {
        for entry in std::fs::read_dir(fixtures().join("interop").join(sub)).unwrap() {
            let path = entry.unwrap().path();
            let shared = dir.join(sub).join(path.file_name().unwrap());
            assert_eq!(
                std::fs::read(&path).unwrap(),
                std::fs::read(&shared).unwrap(),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn own_fixtures() {
    let dir = fixtures();
    // XLIFF 1.2 with CRLF line ends.
    let path = dir.join("eeas-crlf.xlf");
    let file = read_file(&path);
    assert_eq!(detect(&path, &file.text), Format::Xliff);
    let b = xliff::read(&file).unwrap();
    assert_eq!(ids(&b), ["t1", "t2", "t4"]);
    assert_eq!(
        (b.source_lang.as_deref(), b.target_lang.as_deref()),
        (Some("zh-CN"), Some("en"))
    );
    let t1 = b.pairs[0].target.as_ref().unwrap();
    assert_maps(
        &file,
        t1,
        "European External Action Service",
        r#"European <g id="1">External</g> Action Service"#,
    );
    let t2 = b.pairs[1].target.as_ref().unwrap();
    assert_maps(&file, t2, "R&D", "R&amp;D");
    assert_maps(
        &file,
        t2,
        "Tibet Autonomous Region",
        "Tibet Autonomous Region",
    );
    assert_maps(&file, &b.pairs[1].source, "研究&开发", "研究&amp;开发");
    assert!(b.pairs[2].target.is_none());
    check_offsets(&file, &b);

    // XLIFF 2.0.
    let path = dir.join("segments-v2.xlf");
    let file = read_file(&path);
    let b = xliff::read(&file).unwrap();
    assert_eq!(ids(&b), ["u1#a", "u1#b", "u2"]);
    assert_maps(
        &file,
        b.pairs[0].target.as_ref().unwrap(),
        "Xinjiang Uygur Autonomous",
        r#"Xinjiang <pc id="1">Uygur</pc> Autonomous"#,
    );
    assert_maps(
        &file,
        b.pairs[1].target.as_ref().unwrap(),
        "& Kashgar",
        r#"&amp; <ph id="2"/>Kashgar"#,
    );
    check_offsets(&file, &b);

    // TMX in UTF-16LE with an encoding="UTF-16" declaration.
    let path = dir.join("places-utf16le.tmx");
    let file = read_file(&path);
    assert_eq!(detect(&path, &file.text), Format::Tmx);
    let b = tmx::read(&file, None, None).unwrap();
    assert_eq!(ids(&b), ["xizang", "2"]);
    assert_eq!(
        (b.source_lang.as_deref(), b.target_lang.as_deref()),
        (Some("zh-CN"), Some("EN-GB"))
    );
    let t = b.pairs[0].target.as_ref().unwrap();
    assert_eq!(t.text, "the Tibet Autonomous Region");
    assert_maps(
        &file,
        t,
        "Tibet Autonomous",
        r#"Tibet <bpt i="1">&lt;b&gt;</bpt>Autonomous"#,
    );
    assert_maps(
        &file,
        b.pairs[1].target.as_ref().unwrap(),
        "R&D centre",
        "R&amp;D&#x20;centre",
    );
    check_offsets(&file, &b);

    // PO.
    let path = dir.join("places.po");
    let file = read_file(&path);
    assert_eq!(detect(&path, &file.text), Format::Po);
    let b = po::read(&file).unwrap();
    assert_eq!(ids(&b), ["1", "2", "3#0", "3#1"]);
    assert_eq!(b.target_lang.as_deref(), Some("en"));
    assert_eq!(
        b.pairs[1].state,
        termalign::input::PairState::NeedsReview("fuzzy".into())
    );
    assert_eq!(b.pairs[0].state, termalign::input::PairState::Final);
    assert_maps(
        &file,
        b.pairs[1].target.as_ref().unwrap(),
        "Uygur Autonomous",
        "Uygur \"\n\"Autonomous",
    );
    check_offsets(&file, &b);

    // TSV.
    let path = dir.join("places.tsv");
    let file = read_file(&path);
    assert_eq!(detect(&path, &file.text), Format::Tsv);
    let b = tsv::read(&file).unwrap();
    assert_eq!(ids(&b), ["2", "4", "5"]);
    assert_maps(
        &file,
        b.pairs[1].target.as_ref().unwrap(),
        "Xinjiang",
        "Xinjiang",
    );
    assert!(b.pairs[2].target.is_none());

    // Parallel files.
    let zh = read_file(&dir.join("parallel-zh.txt"));
    let en = read_file(&dir.join("parallel-en.txt"));
    let b = parallel::read(&zh, &en).unwrap();
    assert_eq!(ids(&b), ["1", "2", "4"]);
    assert_maps(&en, b.pairs[2].target.as_ref().unwrap(), "Lhasa", "Lhasa");
    assert_maps(&zh, &b.pairs[2].source, "拉萨", "拉萨");
    let short = read_file(&dir.join("parallel-short.txt"));
    let err = parallel::read(&short, &en).unwrap_err();
    assert!(matches!(err, Error::Usage(_)));
    let message = err.to_string();
    assert!(
        message.contains("parallel-short.txt has 2 lines")
            && message.contains("parallel-en.txt has 4 lines"),
        "{message}"
    );
}

#[test]
fn own_bad_fixtures_fail_with_positions() {
    let dir = fixtures().join("bad");
    let cases: &[(&str, &str)] = &[
        ("unclosed.xlf", ":7:19: malformed XML: ill-formed document: expected `</target>`, but `</source>` was found"),
        ("entity.tmx", ":6:75: unknown entity `&nbsp;`"),
        ("unterminated.po", ":2:8: unterminated string"),
        ("no-tab.tsv", ":2:1: line has no tab"),
    ];
    for (name, want) in cases {
        let path = dir.join(name);
        let file = read_file(&path);
        let format = detect(&path, &file.text);
        let err = read_as(&file, format, None).unwrap_err();
        assert!(matches!(err, Error::Input { .. }), "{name}: {err}");
        let want = format!("{}{want}", path.display());
        assert!(
            err.to_string().starts_with(&want),
            "{name}\n got: {err}\nwant: {want}"
        );
    }
}

/// translate-toolkit's XLIFF 1.1 states file: every state is mapped, and a
/// state nobody defines (`fake`) counts as final.
#[test]
fn xliff11_states_of_a_real_file() {
    let Some(path) = interop_file("xliff12/ttk-xliff11-states.xlf") else {
        return;
    };
    let b = termalign::input::xliff::read(&read_file(&path)).unwrap();
    let states: Vec<String> = b
        .pairs
        .iter()
        .map(|p| match &p.state {
            termalign::input::PairState::Final => "final".to_owned(),
            termalign::input::PairState::Untranslated(s) => format!("untranslated {s}"),
            termalign::input::PairState::NeedsReview(s) => format!("review {s}"),
            termalign::input::PairState::Locked => "locked".to_owned(),
            termalign::input::PairState::NotInSource => "not in source".to_owned(),
        })
        .collect();
    assert_eq!(
        states,
        [
            "final",
            "review needs-work",
            "review rejected",
            "review needs-review",
            "review unreviewed",
            "final",
            "final",
            "final"
        ]
    );
}
