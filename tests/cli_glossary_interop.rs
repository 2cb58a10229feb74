//! `glossary import` and `glossary export` from the command line.
//!
//! Every TBX and CSV file of the shared interop set (`../shared/data/interop`,
//! files written by other projects) is imported, and each must either give
//! YAML that `load_set` accepts with the concept and term counts read off the
//! file by hand, or fail the way it should: `tbx3-poorly-formed.tbx` is not
//! well-formed XML, and `tbx3-core-structure-bad.tbx` puts two `<term>`s in
//! one `<termSec>`, which the importer refuses (see `glossary::import::tbx`:
//! strict on what it reads, tolerant of the other breaches its comment
//! lists). Where the shared set is absent these checks skip with a note; the
//! vendored MIT file and our own fixtures in `tests/fixtures/glossary-interop/`
//! are always checked.

mod common;

use common::{fixture, rel, run, shared, termalign};
use termalign::glossary::{load_set, GlossarySet, GlossarySource, Status, TermType};

/// What importing one shared file must give.
enum Expect {
    Ok {
        concepts: usize,
        terms: usize,
        languages: &'static [&'static str],
        /// Substrings that must each appear in some warning.
        warnings: &'static [&'static str],
    },
    /// The start of stderr after `termalign: error: PATH:`.
    Err(&'static str),
}

/// Extra arguments and the expected outcome for each shared file.
fn expectation(name: &str) -> Option<(&'static [&'static str], Expect)> {
    const NONE: &[&str] = &[];
    const CSV_LANGS: &[&str] = &["--source-lang", "en", "--target-lang", "cs"];
    Some(match name {
        // Two langSets for `en` in entry c1 merge: 3 + 2 + 2 + 2 + 2 terms.
        "tbx2-martif-ibm-ntig.tbx" => (
            NONE,
            Expect::Ok {
                concepts: 5,
                terms: 11,
                languages: &["en", "fr"],
                warnings: &["no term has a status in 10 language sections"],
            },
        ),
        "tbx2-martif-oracle-tig-bom.tbx" => (
            NONE,
            Expect::Ok {
                concepts: 1,
                terms: 2,
                languages: &["en", "hu"],
                warnings: &[],
            },
        ),
        "tbx2-weblate-cs-tig.tbx" => (
            NONE,
            Expect::Ok {
                concepts: 4,
                terms: 8,
                languages: &["en", "cs"],
                warnings: &[],
            },
        ),
        // e001 is `obsolete` in both languages: kept only as comments.
        "tbx2-weblate-nonstandard-status.tbx" => (
            NONE,
            Expect::Ok {
                concepts: 1,
                terms: 2,
                languages: &["en", "fr"],
                warnings: &[
                    ":19:13: every `en` term of concept `e001` is deprecated (data bus)",
                    ":25:13: every `fr` term of concept `e001` is deprecated (bus de données)",
                ],
            },
        ),
        "tbx3-basic-dca-astronomy.tbx" => (
            NONE,
            Expect::Ok {
                concepts: 45,
                terms: 113,
                languages: &["en", "es", "zu"],
                warnings: &[":3664:7: concept `c41` has no preferred term in `es`: `degeneración de electrones` (admitted in the source)"],
            },
        ),
        "tbx3-min-dct-astronomy.tbx" => (
            NONE,
            Expect::Ok {
                concepts: 45,
                terms: 113,
                languages: &["en", "es", "zu"],
                warnings: &[":767:7: concept `c41` has no preferred term in `es`"],
            },
        ),
        "tbx3-min-usagestatus.tbx" => (
            NONE,
            Expect::Ok {
                concepts: 45,
                terms: 113,
                languages: &["en", "es", "zu"],
                warnings: &[":851:7: concept `c41` has no preferred term in `es`"],
            },
        ),
        "tbx3-core-minimal-empty-descrip.tbx" => (
            NONE,
            Expect::Ok {
                concepts: 1,
                terms: 1,
                languages: &["en"],
                warnings: &[],
            },
        ),
        "tbx3-poorly-formed.tbx" => (
            NONE,
            Expect::Err("42:6: malformed XML: ill-formed document: expected `</term>`, but `</termSec>` was found"),
        ),
        "tbx3-core-structure-bad.tbx" => (
            NONE,
            Expect::Err("32:7: a second <term> in one <termSec> (the first, `galactic cluster`, is on line 31)"),
        ),
        // Row 4 repeats row 3 with spaces inside the quotes: the same
        // translation, so one concept (CSV rows sharing a target term are
        // grouped), its repeated terms kept once.
        "okapi-glossary-whitespace-quoting.csv" => (
            CSV_LANGS,
            Expect::Ok {
                concepts: 3,
                terms: 6,
                languages: &["en", "cs"],
                warnings: &[
                    ":4:1: this row shares the term `target 3` with line 3: imported as one concept with it",
                ],
            },
        ),
        "weblate-3col-header.csv" => (
            CSV_LANGS,
            Expect::Ok {
                concepts: 3,
                terms: 6,
                languages: &["en", "cs"],
                warnings: &[],
            },
        ),
        _ => return None,
    })
}

fn load(path: &str, yaml: &str) -> GlossarySet {
    load_set(&[GlossarySource {
        path: path.into(),
        text: yaml.to_owned(),
    }])
    .unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!(
            "{path}: the imported YAML does not load:\n{}\n{yaml}",
            lines.join("\n")
        )
    })
}

fn term<'a>(set: &'a GlossarySet, text: &str) -> &'a termalign::glossary::Term {
    set.terms
        .iter()
        .find(|t| t.text == text)
        .unwrap_or_else(|| panic!("no term `{text}`"))
}

/// Imports `path` (relative to the repository root) and checks the outcome.
fn check_import(path: &str, args: &[&str], expect: &Expect) -> Option<GlossarySet> {
    let mut argv = vec!["glossary", "import", path];
    argv.extend_from_slice(args);
    let (stdout, stderr, code) = run(&argv);
    match expect {
        Expect::Ok {
            concepts,
            terms,
            languages,
            warnings,
        } => {
            assert_eq!(code, 0, "{path}: {stderr}");
            let set = load(path, &stdout);
            assert_eq!(set.concepts.len(), *concepts, "{path}: concepts");
            assert_eq!(set.terms.len(), *terms, "{path}: terms");
            assert_eq!(set.glossaries[0].languages, *languages, "{path}");
            for w in *warnings {
                assert!(
                    stderr
                        .lines()
                        .any(|l| l.starts_with(&format!("termalign: warning: {path}"))
                            && l.contains(w)),
                    "{path}: no warning containing {w:?} in\n{stderr}"
                );
            }
            assert!(
                stderr.contains(&format!("{concepts} concept")),
                "{path}: no summary in\n{stderr}"
            );
            Some(set)
        }
        Expect::Err(want) => {
            assert_eq!(code, 2, "{path}: {stderr}");
            assert_eq!(stdout, "", "{path}: nothing on stdout");
            let want = format!("termalign: error: {path}:{want}");
            assert!(
                stderr.starts_with(&want),
                "{path}:\n got: {stderr}\nwant: {want}"
            );
            None
        }
    }
}

#[test]
#[allow(clippy::print_stderr)] // the note on skipping is for whoever runs the tests
fn every_shared_tbx_and_csv_file_imports_as_expected() {
    let Some(shared) = shared() else {
        eprintln!("note: ../shared not found; skipping the shared interop files");
        return;
    };
    let mut seen = 0;
    for sub in ["tbx", "csv"] {
        let dir = shared.join("data/interop").join(sub);
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        for name in names {
            let (args, expect) = expectation(&name)
                .unwrap_or_else(|| panic!("{sub}/{name} is new: add what importing it must give"));
            let path = format!("../shared/data/interop/{sub}/{name}");
            let set = check_import(&path, args, &expect);
            seen += 1;
            // Spot checks of what each dialect encodes.
            let Some(set) = set else { continue };
            match name.as_str() {
                "tbx3-basic-dca-astronomy.tbx" | "tbx3-min-dct-astronomy.tbx" => {
                    // supersededTerm-admn-sts, in DCA and DCT style.
                    assert_eq!(term(&set, "galactic cluster").status, Status::Deprecated);
                    assert_eq!(term(&set, "open cluster").status, Status::Preferred);
                    assert_eq!(term(&set, "accretion disc").status, Status::Admitted);
                }
                "tbx3-min-usagestatus.tbx" => {
                    assert_eq!(term(&set, "galactic cluster").status, Status::Deprecated);
                    assert_eq!(term(&set, "accretion disc").status, Status::Admitted);
                    assert_eq!(set.concepts[1].domain.as_deref(), Some("Stellar Birth"));
                }
                "tbx2-martif-ibm-ntig.tbx" => {
                    assert_eq!(term(&set, "navigation trail").status, Status::Preferred);
                    assert_eq!(term(&set, "branch").status, Status::Admitted);
                    assert_eq!(set.glossaries[0].title.as_deref(), Some("IBM Data"));
                }
                "tbx2-martif-oracle-tig-bom.tbx" => {
                    let c = &set.concepts[0];
                    assert_eq!(c.id, "eid-oracle-67");
                    assert_eq!(c.domain.as_deref(), Some("manufacturing"));
                    assert_eq!(
                        c.definition.as_deref(),
                        Some("A value between 0 and 1 used in ...")
                    );
                }
                "tbx2-weblate-nonstandard-status.tbx" => {
                    let sys = term(&set, "SYS_ERR_406");
                    assert_eq!(sys.note.as_deref(), Some("Do not translate error codes."));
                }
                _ => {}
            }
        }
    }
    assert!(seen >= 12, "only {seen} files");
}

#[test]
fn the_shared_astronomy_file_keeps_its_types() {
    let Some(_) = shared() else { return };
    let path = "../shared/data/interop/tbx/tbx3-basic-dca-astronomy.tbx";
    let (stdout, _, code) = run(&["glossary", "import", path, "--id", "astronomy"]);
    assert_eq!(code, 0);
    let set = load(path, &stdout);
    assert_eq!(set.glossaries[0].id, "astronomy");
    assert_eq!(term(&set, "GRB").term_type, TermType::Abbreviation);
    assert_eq!(term(&set, "Milky Way").term_type, TermType::ShortForm);
    // The definition sits in the langSecs: the document's language (en) wins.
    assert_eq!(
        set.concepts[0].definition.as_deref(),
        Some("A group of stars formed together in the spiral arms of a galaxy.")
    );
}

#[test]
fn a_vendored_tbx_file_from_another_tool_imports() {
    let path = rel(&fixture(
        "glossary-interop/tbx/tbx3-core-minimal-empty-descrip.tbx",
    ));
    let set = check_import(
        &path,
        &[],
        &Expect::Ok {
            concepts: 1,
            terms: 1,
            languages: &["en"],
            warnings: &["no term has a status in 1 language section"],
        },
    )
    .unwrap();
    // The note's line break is layout, not content.
    assert!(term(&set, "open cluster")
        .note
        .as_deref()
        .unwrap()
        .contains("N-Source: http://www.delscope.demon.co.uk/astronomy/glossary.htm#G"));
}

#[test]
fn own_tbx_fixture_shows_every_decision() {
    let path = rel(&fixture("glossary-interop/own/places.tbx"));
    let (stdout, stderr, code) = run(&["glossary", "import", &path]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!("import_places_tbx_yaml", stdout);
    insta::assert_snapshot!("import_places_tbx_stderr", stderr);
    let set = load(&path, &stdout);
    assert_eq!(set.glossaries[0].id, "places");
    assert_eq!(set.glossaries[0].title.as_deref(), Some("Places & names"));
    let ids: Vec<&str> = set.concepts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["xizang-ar", "xizang-ar-2", "c3"]);
    assert_eq!(term(&set, "Tibet").status, Status::Deprecated);
    assert_eq!(term(&set, "西藏自治区").language, "zh");
    assert_eq!(term(&set, "Lhasa").status, Status::Preferred);
    assert!(
        stdout.contains("      # fr:\n      #   - term: Thibet\n"),
        "{stdout}"
    );
}

#[test]
fn own_csv_fixture_keeps_yaml_special_strings_as_strings() {
    let path = rel(&fixture("glossary-interop/own/quoting.csv"));
    let (stdout, stderr, code) = run(&["glossary", "import", &path, "--id", "quoting"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("column `Part of speech` is not imported"),
        "{stderr}"
    );
    let set = load(&path, &stdout);
    for t in [
        "yes",
        "on",
        "1949",
        "a: b",
        "#tag",
        "oui, \"bien sûr\"",
        "sur",
    ] {
        term(&set, t);
    }
    let ids: Vec<&str> = set.concepts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["yes-no", "on", "1949", "colon"]);
    assert_eq!(set.concepts[2].note.as_deref(), Some("two\nlines"));
    assert!(stdout.contains("  - id: \"on\"\n"), "{stdout}");
    assert!(stdout.contains("        - \"yes\"\n"), "{stdout}");
}

#[test]
fn malformed_csv_is_a_positioned_error_and_nothing_else() {
    for (name, want) in [
        ("unterminated.csv", ":3:1: unterminated quoted field"),
        (
            "after-quote.csv",
            ":3:9: text after the closing quote of a field",
        ),
    ] {
        let path = rel(&fixture(&format!("glossary-interop/own/{name}")));
        let (stdout, stderr, code) = run(&["glossary", "import", &path]);
        assert_eq!((stdout.as_str(), code), ("", 2), "{name}");
        assert!(
            stderr.starts_with(&format!("termalign: error: {path}{want}")),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn import_output_replaces_the_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("places.yaml");
    std::fs::write(&out, "old contents\n").unwrap();
    let input = rel(&fixture("glossary-interop/own/places.tbx"));
    let out_arg = out.to_string_lossy().into_owned();
    let (stdout, stderr, code) = run(&["glossary", "import", &input, "--output", &out_arg]);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    assert!(
        stderr.contains(&format!("written to {out_arg}")),
        "{stderr}"
    );
    let (expected, _, _) = run(&["glossary", "import", &input]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
    let (_, _, code) = run(&["glossary", "validate", &out_arg]);
    assert_eq!(code, 0);

    // A failed import leaves the target as it was, and no temporary file.
    let bad = rel(&fixture("glossary-interop/own/unterminated.csv"));
    let (stdout, _, code) = run(&["glossary", "import", &bad, "-o", &out_arg]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["places.yaml"]);
}

#[test]
fn import_reads_standard_input() {
    let tbx = std::fs::read(fixture("glossary-interop/own/places.tbx")).unwrap();
    let out = termalign()
        .args(["glossary", "import", "-", "--id", "piped"])
        .write_stdin(tbx)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let set = load("stdin", &String::from_utf8(out.stdout).unwrap());
    assert_eq!(set.glossaries[0].id, "piped");
    assert_eq!(set.concepts.len(), 3);
}

#[test]
fn bad_options_are_usage_errors() {
    let csv = rel(&fixture("glossary-interop/own/quoting.csv"));
    for (args, want) in [
        (
            vec!["--id", "Not An Id"],
            "termalign: error: --id `Not An Id`: a glossary id must match [a-z0-9-]+",
        ),
        (
            vec!["--source-lang", "english"],
            "error: invalid value 'english' for '--source-lang <TAG>': `english` is not a BCP 47 language tag",
        ),
    ] {
        let mut argv = vec!["glossary", "import", csv.as_str()];
        argv.extend(args);
        let (stdout, stderr, code) = run(&argv);
        assert_eq!((stdout.as_str(), code), ("", 2));
        assert!(stderr.contains(want), "{stderr}");
    }
}

/// (concept, language, term, status, type) of every term, sorted.
fn summary(set: &GlossarySet) -> Vec<(String, String, String, Status, TermType)> {
    let mut out: Vec<_> = set
        .terms
        .iter()
        .map(|t| {
            (
                set.concept(t.concept).id.clone(),
                t.language.clone(),
                t.text.clone(),
                t.status,
                t.term_type,
            )
        })
        .collect();
    out.sort();
    out
}

fn builtin() -> GlossarySet {
    load_set(&termalign::glossary::builtin::sources()).unwrap()
}

#[test]
fn built_in_glossaries_round_trip_through_tbx() {
    let (tbx, stderr, code) = run(&["glossary", "export"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(tbx.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\""
    ));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("builtin.tbx");
    std::fs::write(&file, &tbx).unwrap();
    let (yaml, stderr, code) = run(&[
        "glossary",
        "import",
        &file.to_string_lossy(),
        "--id",
        "back",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let back = load("back.yaml", &yaml);
    assert_eq!(summary(&back), summary(&builtin()));
}

#[test]
fn built_in_glossaries_round_trip_through_csv_chosen_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("builtin.csv");
    let out = file.to_string_lossy().into_owned();
    let (stdout, stderr, code) = run(&["glossary", "export", "--output", &out]);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(
        csv.starts_with("glossary,concept,language,term,status,type\n"),
        "{csv}"
    );
    let (yaml, stderr, code) = run(&["glossary", "import", &out]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(summary(&load("back.yaml", &yaml)), summary(&builtin()));
}

#[test]
fn export_snapshots() {
    let glossary = rel(&fixture("checks/glossary.yaml"));
    for format in ["tbx", "csv"] {
        let (stdout, stderr, code) = run(&[
            "glossary",
            "export",
            "--no-default-glossaries",
            "--glossary",
            &glossary,
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{stderr}");
        insta::assert_snapshot!(format!("export_checks_glossary_{format}"), stdout);
    }
}

#[test]
fn export_without_glossaries_is_a_usage_error() {
    let (stdout, stderr, code) = run(&["glossary", "export", "--no-default-glossaries"]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(
        stderr.starts_with("termalign: error: no glossaries"),
        "{stderr}"
    );
}
