//! AsciiDoc and reStructuredText documents: prose is checked, code,
//! literal blocks, directives, roles, attributes and URLs never are; `--fix`
//! rewrites prose only; suppressions stand in each format's comments; a
//! directory of such documents is walked. Real documents from other
//! projects (see tests/fixtures/input/documents/SOURCES.md) show it on copy
//! nobody here wrote.

mod common;

use std::fs;

use common::resources::Project;

const GLOSSARY: &str = "\
glossary: house
concepts:
  - id: macao
    terms:
      en:
        - Macao
        - {term: Macau, status: deprecated, fix: auto}
";

/// `path:line:col` of each finding line.
fn positions(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| l.split(": ").next().unwrap().to_owned())
        .collect()
}

const ADOC: &str = "\
= Visiting Macau
:lang: en
:product: Macau Ferries

// termalign: ignore
Macau is ignored here.

Macau is *not* ignored here, unlike `macau_code` and {product}.

[source,python]
----
macau = 'Macau'
----

 Macau in a literal paragraph.

* A list item about Macau
image::macau.png[Macau]

////
Macau in a comment block.
////
";

const ADOC_FIXED: &str = "\
= Visiting Macao
:lang: en
:product: Macau Ferries

// termalign: ignore
Macau is ignored here.

Macao is *not* ignored here, unlike `macau_code` and {product}.

[source,python]
----
macau = 'Macau'
----

 Macau in a literal paragraph.

* A list item about Macao
image::macau.png[Macau]

////
Macau in a comment block.
////
";

const RST: &str = "\
Visiting Macau
==============

.. termalign: ignore

Macau is ignored here.

Macau is *not* ignored here, unlike ``macau_code`` and :ref:`macau-label`.

.. code-block:: python

   macau = 'Macau'

A literal block follows::

    Macau in a literal block.

.. note:: A note about Macau.

.. image:: macau.png
   :alt: Macau

.. Macau in a comment.
";

const RST_FIXED: &str = "\
Visiting Macao
==============

.. termalign: ignore

Macau is ignored here.

Macao is *not* ignored here, unlike ``macau_code`` and :ref:`macau-label`.

.. code-block:: python

   macau = 'Macau'

A literal block follows::

    Macau in a literal block.

.. note:: A note about Macao.

.. image:: macau.png
   :alt: Macau

.. Macau in a comment.
";

#[test]
fn only_prose_is_checked_and_fixed() {
    let p = Project::with_glossary(GLOSSARY);
    let cases: &[(&str, &str, &str, &[&str])] = &[
        (
            "guide.adoc",
            ADOC,
            ADOC_FIXED,
            &["guide.adoc:1:12", "guide.adoc:8:1", "guide.adoc:17:21"],
        ),
        (
            "guide.rst",
            RST,
            RST_FIXED,
            &["guide.rst:1:10", "guide.rst:8:1", "guide.rst:18:24"],
        ),
    ];
    for (name, before, after, want) in cases {
        let path = p.write(name, before.as_bytes());
        let (stdout, stderr, code) = p.check(&[name]);
        assert_eq!(positions(&stdout), *want, "{name}: {stdout}{stderr}");
        assert_eq!(code, 1, "{name}: {stderr}");
        let (stdout, stderr, code) = p.check(&["--fix", name]);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            *after,
            "{name}: {stderr}"
        );
        assert_eq!((stdout.as_str(), code), ("", 0), "{name}: {stderr}");
    }
}

/// A directory of documents is walked (it once said "no input files
/// found"), and a document without an extension is told by its content.
#[test]
fn documents_are_walked_and_sniffed() {
    let p = Project::with_glossary(GLOSSARY);
    p.write("docs/a.rst", b"Macau\n");
    p.write("docs/b.adoc", b"Macau\n");
    p.write("docs/c.asciidoc", b"Macau\n");
    let (stdout, stderr, code) = p.check(&["docs"]);
    assert_eq!(
        positions(&stdout),
        ["docs/a.rst:1:1", "docs/b.adoc:1:1", "docs/c.asciidoc:1:1"],
        "{stderr}"
    );
    assert_eq!(code, 1);
    p.write(
        "README",
        b"Guide\n=====\n\n.. code-block:: text\n\n   Macau\n\nMacau\n",
    );
    let (stdout, _, _) = p.check(&["README"]);
    assert_eq!(positions(&stdout), ["README:8:1"], "{stdout}");
}

/// AsciiDoc's `:lang:` attribute declares the document's language.
#[test]
fn asciidoc_declares_its_language() {
    let p = Project::with_glossary(GLOSSARY);
    p.write("fr.adoc", b"= Guide\n:lang: fr\n\nMacau\n");
    let (stdout, stderr, _) = p.run("check", &["--format", "json", "fr.adoc"]);
    let json: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stderr}"));
    assert_eq!(json["findings"][0]["rule"], "no-glossary-terms", "{stdout}");
    assert_eq!(json["findings"][0]["language"], "fr", "{stdout}");
}

/// Words that stand only in code, literal blocks, roles and directives
/// of a real document give no finding; words of its prose do, each once.
#[test]
fn real_documents_give_findings_only_in_prose() {
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "input/documents/requests-quickstart.rst",
            // Only in code samples, literals and roles.
            &["payload", "httpbin", "urllib3"],
            // In prose, twice: once in the lead of a literal block
            // (`timeline::`, shown as `timeline:`).
            &["timeline"],
        ),
        (
            "input/documents/asciidoctor-README.adoc",
            &["sudo", "brew", "rvm"],
            &["Gemfile"],
        ),
    ];
    for (fixture, code_only, prose) in cases {
        let mut glossary = String::from("glossary: words\nconcepts:\n");
        for (k, word) in code_only.iter().chain(prose.iter()).enumerate() {
            glossary.push_str(&format!(
                "  - id: w{k}\n    terms:\n      en:\n        - Preferred{k}\n        - {{term: {word}, status: deprecated}}\n"
            ));
        }
        let p = Project::with_glossary(&glossary);
        let path = common::fixture(fixture);
        let text = fs::read_to_string(&path).unwrap();
        let (stdout, stderr, code) = p.check(&[path.to_str().unwrap()]);
        assert_eq!(code, 1, "{fixture}: {stderr}");
        let found: Vec<&str> = stdout
            .lines()
            .map(|l| l.split('`').nth(1).unwrap_or_else(|| panic!("{l}")))
            .collect();
        for word in *code_only {
            assert!(!found.contains(word), "{fixture}: {word} in {stdout}");
        }
        // Every prose occurrence of the words, by a plain count over the
        // lines that are not indented (code and literal blocks are).
        let lines: Vec<&str> = text.lines().collect();
        for word in *prose {
            let expected = lines
                .iter()
                .filter(|l| !l.starts_with([' ', '\t']))
                .map(|l| {
                    l.split(|c: char| !c.is_alphanumeric())
                        .filter(|w| w == word)
                        .count()
                })
                .sum::<usize>();
            let got = found.iter().filter(|f| *f == word).count();
            assert!(
                got > 0 && got == expected,
                "{fixture}: {word} {got} != {expected}\n{stdout}"
            );
        }
    }
}
