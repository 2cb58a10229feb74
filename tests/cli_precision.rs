//! Precision on real copy (issue 12): false alarms an editor recognises at
//! once, each written as the sentence that raised it, and the recall that
//! must not be lost on the way.

mod common;

use std::fs;

struct Project {
    project: common::resources::Project,
}

impl Project {
    fn new(glossary: &str) -> Project {
        Project {
            project: common::resources::Project::with_glossary(glossary),
        }
    }

    fn write(&self, name: &str, text: &str) {
        self.project.write(name, text.as_bytes());
    }

    /// `termalign check` with the project glossary and `args`:
    /// (stdout, stderr, code).
    fn run(&self, args: &[&str]) -> (String, String, i32) {
        self.project.run("check", args)
    }

    /// The JSON findings of `check --lang LANGUAGE FILES`.
    fn findings(&self, language: &str, files: &[&str]) -> Vec<serde_json::Value> {
        let mut args = vec!["--lang", language, "--format", "json"];
        args.extend(files);
        let (stdout, stderr, code) = self.run(&args);
        assert!(code == 0 || code == 1, "{stderr}");
        let json: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stderr}"));
        json["findings"].as_array().unwrap().clone()
    }

    /// `check` in English: each finding as `file:line:col rule found`.
    fn check(&self, files: &[&str]) -> Vec<String> {
        self.findings("en", files)
            .iter()
            .map(|f| {
                format!(
                    "{}:{}:{} {} {}",
                    f["path"].as_str().unwrap(),
                    f["line"],
                    f["column"],
                    f["rule"].as_str().unwrap(),
                    f["found"].as_str().unwrap().replace('\n', "⏎")
                )
            })
            .collect()
    }
}

/// A word hyphenated at a line's end is one word again: `Secretary-⏎General`
/// is the approved term, not a `case-mismatch` of `Secretary- General`, and
/// a deprecated `zero-⏎sum` is still found, in plain text, Markdown and
/// HTML alike, pointing at the original bytes (line break included).
#[test]
fn words_hyphenated_across_a_line_break_are_one_word() {
    let p = Project::new(
        "glossary: g\nconcepts:\n  - id: sg\n    terms:\n      en: [Secretary-General]\n  - id: win\n    terms:\n      en:\n        - win-win\n        - {term: zero-sum, status: deprecated}\n",
    );
    p.write(
        "a.txt",
        "The UN Secretary-\nGeneral rejected a zero-\nsum approach.\n",
    );
    p.write(
        "b.md",
        "The UN Secretary-\nGeneral rejected a *zero-\nsum* approach.\n",
    );
    p.write(
        "c.html",
        "<p>The UN Secretary-\n  General rejected a zero-\nsum approach.</p>\n",
    );
    assert_eq!(
        p.check(&["a.txt", "b.md", "c.html"]),
        [
            "a.txt:2:20 deprecated-term zero-⏎sum",
            "b.md:2:21 deprecated-term zero-⏎sum",
            "c.html:2:22 deprecated-term zero-⏎sum",
        ]
    );
}

const CAPITALS: &str = "\
glossary: g
concepts:
  - id: un
    terms:
      en: [United Nations]
  - id: un-strict
    terms:
      en: [{term: Security Council, case: strict}]
  - id: hrc
    terms:
      en: [Human Rights Council]
  - id: eeas
    terms:
      en: [European External Action Service]
  - id: pec
    terms:
      en: [president of the European Commission]
  - id: fm
    terms:
      en: [foreign minister]
  - id: xz
    terms:
      en: [Xizang Autonomous Region]
  - id: embassy
    terms:
      de: [chinesische Botschaft]
";

/// `case-mismatch` knows English capitalisation: capitals that grammar
/// puts at a sentence start, on a title before a name or in a headline
/// are no mismatch; a lower-case use of ordinary words is an info, unless
/// the term is `case: strict`; real mismatches stay warnings.
#[test]
fn capitals_that_english_grammar_puts_there_are_no_mismatch() {
    let p = Project::new(CAPITALS);
    p.write(
        "a.txt",
        "President of the European Commission Ursula von der Leyen met the press.\n\
         A talk by the President of the European Commission Ursula von der Leyen followed.\n\
         President of the European Commission visits Beijing.\n\
         Beijing Welcomes President Of The European Commission\n\
         We must work together as truly united nations, and the united nations must lead.\n\
         Each state may set up a human rights council of its own.\n\
         A security council of its own is not enough.\n\
         A spokesperson of the european external action service said so.\n\
         Schools in the xizang autonomous region reopened.\n\
         Then the President of the European Commission left.\n",
    );
    let found: Vec<String> = p
        .findings("en", &["a.txt"])
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {}",
                f["line"],
                f["rule"].as_str().unwrap(),
                f["severity"].as_str().unwrap(),
                f["found"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "5 case-mismatch info united nations",
            "7 case-mismatch warning security council",
            "8 case-mismatch warning european external action service",
            "9 case-mismatch warning xizang autonomous region",
            "10 case-mismatch warning President of the European Commission",
        ]
    );
}

/// German capitalises nouns: a capital the glossary lacks is grammar.
#[test]
fn german_nouns_carry_capitals() {
    let p = Project::new(CAPITALS);
    p.write(
        "de.txt",
        "Die Chinesische Botschaft in Berlin teilte mit, die chinesische Botschaft sei offen.\n",
    );
    let (stdout, stderr, code) = p.run(&["--lang", "de", "de.txt"]);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
}

/// `misspelled-term` on the near misses of the UN debates: someone's name
/// after a given name or a title, derivations and adjectival hyphens of a
/// common-noun term, mis-decoded apostrophes, other short names one edit
/// away and `G7+` are no misspellings; an inserted vowel in a short name
/// is, and so are real slips in long ones.
#[test]
fn near_misses_that_are_other_words_are_no_misspellings() {
    let p = Project::new(
        "glossary: g\nconcepts:\n  - id: nanning\n    terms:\n      en: [Nanning]\n  - id: multi\n    terms:\n      en: [multilateralism]\n  - id: ds\n    terms:\n      en: [double standards]\n  - id: ms\n    terms:\n      en: [member state]\n  - id: un\n    terms:\n      en: [United Nations]\n  - id: urumqi\n    terms:\n      en: [Urumqi]\n  - id: macao\n    terms:\n      en: [Macao]\n  - id: dalian\n    terms:\n      en: [Dalian]\n  - id: hainan\n    terms:\n      en: [Hainan]\n  - id: g7\n    terms:\n      en: [G7]\n  - id: shenzhen\n    terms:\n      en: [Shenzhen]\n",
    );
    p.write(
        "a.txt",
        "Prime Minister Patrick Manning spoke, and so did Mr. Manning.\n\
         A multilateralist approach rejects double-standard policies of member-states.\n\
         The United Nationsâ€™ role is central.\n\
         Damian met the victims of Typhoon Haiyan near Maicao.\n\
         Later the g7+ held a side event.\n\
         Flights to Urumuqi and to Shenzen resumed; Nanning is next.\n",
    );
    assert_eq!(
        p.check(&["a.txt"]),
        [
            "a.txt:6:12 misspelled-term Urumuqi",
            "a.txt:6:27 misspelled-term Shenzen",
        ]
    );
}

/// A suggestion keeps the number of what was found: a plural deprecated
/// form is replaced by the plural of the preferred term.
#[test]
fn suggestions_keep_the_plural() {
    let p = Project::new(
        "glossary: g\nconcepts:\n  - id: cg\n    terms:\n      en:\n        - consulate general\n        - {term: Consulate-General, status: deprecated, forms: [Consulates-General]}\n  - id: sp\n    terms:\n      en:\n        - spokesperson\n        - {term: spokesman, status: deprecated, forms: [spokesmen], fix: auto}\n",
    );
    p.write(
        "a.txt",
        "The Consulates-General reopened and two spokesmen spoke.\n",
    );
    let suggestions: Vec<String> = p
        .findings("en", &["a.txt"])
        .iter()
        .map(|f| {
            format!(
                "{} -> {}",
                f["found"].as_str().unwrap(),
                f["suggestions"][0].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        suggestions,
        [
            "Consulates-General -> consulates general",
            "spokesmen -> spokespersons"
        ]
    );
    p.run(&["--lang", "en", "--fix", "a.txt"]);
    assert_eq!(
        fs::read_to_string(p.project.dir.path().join("a.txt")).unwrap(),
        "The Consulates-General reopened and two spokespersons spoke.\n"
    );
}

/// French writes titles in lower case and names with capitals: a title
/// capitalised before a name or at a sentence start is grammar, a name
/// written in lower case is a mismatch (no English word list excuses it).
#[test]
fn french_titles_and_names() {
    let p = Project::new(
        "glossary: g\nconcepts:\n  - id: pr\n    terms:\n      fr: [président de la République]\n",
    );
    p.write(
        "fr.txt",
        "Le Président de la République Emmanuel Macron est arrivé. Président de la République depuis 2017, il parle.\nLe président de la république a parlé.\n",
    );
    let (stdout, stderr, _) = p.run(&["--lang", "fr", "--format", "line", "fr.txt"]);
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        ["fr.txt:2:4: warning[case-mismatch] `président de la république` should be written `président de la République` (g/pr)"],
        "{stderr}"
    );
}

/// The plural of an English term copy must not use is found without a
/// `forms` entry, and its suggestion is in the plural too; an approved
/// term's plural, or a name's, is not generated.
#[test]
fn plurals_of_deprecated_terms_are_found() {
    let p = Project::new(
        "glossary: g\nconcepts:\n  - id: sp\n    terms:\n      en:\n        - foreign ministry spokesperson\n        - {term: foreign ministry spokesman, status: deprecated}\n  - id: rail\n    terms:\n      en:\n        - China-Europe Railway Express\n        - {term: China-Europe freight train, status: deprecated}\n  - id: macao\n    terms:\n      en:\n        - Macao\n        - {term: Macau, status: deprecated}\n",
    );
    p.write(
        "a.txt",
        "Two foreign ministry spokesmen said China-Europe freight trains run daily. Foreign ministry spokespersons agreed.\n",
    );
    assert_eq!(
        p.check(&["a.txt"]),
        [
            "a.txt:1:5 deprecated-term foreign ministry spokesmen",
            "a.txt:1:37 deprecated-term China-Europe freight trains",
        ]
    );
}
