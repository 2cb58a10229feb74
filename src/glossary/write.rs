//! Writing glossary YAML (SPEC §1) by hand.
//!
//! serde_yaml stays the one YAML *reader* (see `crate::yaml`); writing is
//! done here because an imported glossary is a file people go on editing:
//! it should read like the hand-written ones (bare strings for preferred
//! full forms, block maps, comments saying what the importer decided), and
//! it needs comments, which a serializer cannot write. The price is quoting
//! by hand, so [`scalar`] is conservative: any string that a YAML 1.1 or 1.2
//! parser could read as something other than that same string (a number, a
//! boolean such as `no` or `on`, null, an empty or space-padded string, one
//! with `: ` or ` #`, one starting with an indicator) is double-quoted, and
//! every character that YAML does not allow raw is escaped.

use std::fmt::Write as _;

use super::model::*;

/// A glossary file to write: SPEC §1's keys, plus comments.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GlossaryDoc {
    /// Comment lines at the top of the file (without `# `).
    pub header: Vec<String>,
    pub glossary: String,
    pub title: Option<String>,
    pub version: Option<String>,
    pub source: Option<String>,
    pub languages: Vec<String>,
    pub concepts: Vec<ConceptDoc>,
}

/// One concept of a [`GlossaryDoc`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConceptDoc {
    pub id: String,
    pub domain: Option<String>,
    pub definition: Option<String>,
    pub note: Option<String>,
    /// Language tag -> terms, in the order written.
    pub terms: Vec<(String, Vec<TermDoc>)>,
    /// Languages kept only as comments, with the reason: terms the importer
    /// could not make valid but did not want to lose.
    pub commented: Vec<(String, Vec<TermDoc>, String)>,
    /// When set, the whole concept is written as comments, with this reason.
    pub commented_out: Option<String>,
}

/// One term of a [`ConceptDoc`]; defaults are left out when written.
#[derive(Debug, Clone, PartialEq)]
pub struct TermDoc {
    pub term: String,
    pub status: Status,
    pub term_type: TermType,
    pub case: CaseMode,
    pub ignore_in: Vec<String>,
    pub forms: Vec<String>,
    pub match_mode: MatchMode,
    pub fix: FixMode,
    pub note: Option<String>,
}

impl TermDoc {
    /// A term with every setting at its default.
    pub fn new(term: impl Into<String>) -> TermDoc {
        TermDoc {
            term: term.into(),
            status: Status::default(),
            term_type: TermType::default(),
            case: CaseMode::default(),
            ignore_in: Vec::new(),
            forms: Vec::new(),
            match_mode: MatchMode::default(),
            fix: FixMode::default(),
            note: None,
        }
    }

    fn is_bare(&self) -> bool {
        *self == TermDoc::new(self.term.clone())
    }
}

impl From<&Term> for TermDoc {
    fn from(t: &Term) -> TermDoc {
        TermDoc {
            term: t.text.clone(),
            status: t.status,
            term_type: t.term_type,
            case: t.case,
            ignore_in: t.ignore_in.clone(),
            forms: t.forms.clone(),
            match_mode: t.match_mode,
            fix: t.fix,
            note: t.note.clone(),
        }
    }
}

impl GlossaryDoc {
    /// The loaded glossary `id` of `set`, as a document that loads back to
    /// the same glossary (positions aside).
    pub fn from_set(set: &GlossarySet, id: GlossaryId) -> GlossaryDoc {
        let g = set.glossary(id);
        let concepts = (g.concepts.start..g.concepts.end)
            .map(|c| {
                let concept = set.concept(ConceptId(c));
                let mut terms: Vec<(String, Vec<TermDoc>)> = Vec::new();
                for t in set.terms_of(ConceptId(c)) {
                    let term = set.term(t);
                    match terms.last_mut() {
                        Some((lang, list)) if *lang == term.language => list.push(term.into()),
                        _ => terms.push((term.language.clone(), vec![term.into()])),
                    }
                }
                ConceptDoc {
                    id: concept.id.clone(),
                    domain: concept.domain.clone(),
                    definition: concept.definition.clone(),
                    note: concept.note.clone(),
                    terms,
                    ..ConceptDoc::default()
                }
            })
            .collect();
        GlossaryDoc {
            header: Vec::new(),
            glossary: g.id.clone(),
            title: g.title.clone(),
            version: g.version.clone(),
            source: g.source.clone(),
            languages: g.languages.clone(),
            concepts,
        }
    }

    /// The document as YAML text.
    pub fn to_yaml(&self) -> String {
        let mut out = String::new();
        for line in &self.header {
            comment(&mut out, "", line);
        }
        field(&mut out, "", "glossary", Some(&self.glossary));
        field(&mut out, "", "title", self.title.as_deref());
        field(&mut out, "", "version", self.version.as_deref());
        field(&mut out, "", "source", self.source.as_deref());
        if !self.languages.is_empty() {
            // A flow list, where `,[]{}` are indicators too.
            let tags: Vec<String> = self
                .languages
                .iter()
                .map(|l| {
                    if l.contains([',', '[', ']', '{', '}']) {
                        double_quoted(l)
                    } else {
                        scalar(l)
                    }
                })
                .collect();
            let _ = writeln!(out, "languages: [{}]", tags.join(", "));
        }
        if self.concepts.iter().all(|c| c.commented_out.is_some()) {
            // `concepts:` with nothing under it would be null, not a list.
            out.push_str("concepts: []\n");
        } else {
            out.push_str("concepts:\n");
        }
        for c in &self.concepts {
            match &c.commented_out {
                None => write_concept(&mut out, c),
                Some(reason) => {
                    comment(&mut out, "  ", reason);
                    // Inside a commented-out concept its commented languages
                    // are written plainly: one uncommenting restores it all.
                    let mut whole = c.clone();
                    for (lang, terms, _) in whole.commented.drain(..) {
                        whole.terms.push((lang, terms));
                    }
                    let mut inner = String::new();
                    write_concept(&mut inner, &whole);
                    for line in inner.lines() {
                        let body = line.strip_prefix("  ").unwrap_or(line);
                        let _ = writeln!(out, "  # {body}");
                    }
                }
            }
        }
        out
    }
}

fn write_concept(out: &mut String, c: &ConceptDoc) {
    let _ = writeln!(out, "  - id: {}", scalar(&c.id));
    field(out, "    ", "domain", c.domain.as_deref());
    field(out, "    ", "definition", c.definition.as_deref());
    field(out, "    ", "note", c.note.as_deref());
    out.push_str("    terms:\n");
    for (lang, terms) in &c.terms {
        write_language(out, "      ", lang, terms);
    }
    for (lang, terms, reason) in &c.commented {
        comment(out, "      ", reason);
        let mut inner = String::new();
        write_language(&mut inner, "", lang, terms);
        for line in inner.lines() {
            let _ = writeln!(out, "      # {line}");
        }
    }
}

fn write_language(out: &mut String, indent: &str, lang: &str, terms: &[TermDoc]) {
    let _ = writeln!(out, "{indent}{}:", scalar(lang));
    for t in terms {
        if t.is_bare() {
            let _ = writeln!(out, "{indent}  - {}", scalar(&t.term));
            continue;
        }
        let _ = writeln!(out, "{indent}  - term: {}", scalar(&t.term));
        let inner = format!("{indent}    ");
        if t.status != Status::default() {
            field(out, &inner, "status", Some(t.status.as_str()));
        }
        if t.term_type != TermType::default() {
            field(out, &inner, "type", Some(t.term_type.as_str()));
        }
        if t.case != CaseMode::default() {
            field(out, &inner, "case", Some(t.case.as_str()));
        }
        list(out, &inner, "ignore_in", &t.ignore_in);
        list(out, &inner, "forms", &t.forms);
        if t.match_mode != MatchMode::default() {
            field(out, &inner, "match", Some("stem"));
        }
        if t.fix != FixMode::default() {
            let fix = match t.fix {
                FixMode::Auto => "auto",
                FixMode::Suggest => "suggest",
                FixMode::Never => "never",
            };
            field(out, &inner, "fix", Some(fix));
        }
        field(out, &inner, "note", t.note.as_deref());
    }
}

fn field(out: &mut String, indent: &str, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        let _ = writeln!(out, "{indent}{key}: {}", scalar(v));
    }
}

fn list(out: &mut String, indent: &str, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}{key}:");
    for item in items {
        let _ = writeln!(out, "{indent}  - {}", scalar(item));
    }
}

/// A comment line; line breaks in `text` would end the comment, so they
/// become spaces.
fn comment(out: &mut String, indent: &str, text: &str) {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let text = text.trim_end();
    if text.is_empty() {
        let _ = writeln!(out, "{indent}#");
    } else {
        let _ = writeln!(out, "{indent}# {text}");
    }
}

/// `s` as a YAML scalar in block context: plain when that reads back as the
/// same string under YAML 1.1 and 1.2, double-quoted with escapes otherwise.
pub fn scalar(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_owned()
    } else {
        double_quoted(s)
    }
}

fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    // Leading or trailing white space would be stripped by the parser.
    if s.trim() != s {
        return false;
    }
    // Indicators, and anything that may start a number (`+1`, `.5`, `-3`,
    // `0x1F`, `1_000`, `12:30` is a YAML 1.1 sexagesimal, dates).
    if "-?:,[]{}#&*!|>'\"%@`~=<+.".contains(first) || first.is_ascii_digit() {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') || s.contains(":\t") {
        return false;
    }
    if s.chars()
        .any(|c| !is_printable(c) || c.is_control() || c == '\u{FEFF}')
    {
        return false;
    }
    // Line and paragraph separators end a line for some parsers.
    if s.contains(['\u{2028}', '\u{2029}', '\u{85}']) {
        return false;
    }
    !is_reserved_word(s)
}

/// Words that YAML 1.1 or 1.2 resolve to null, a boolean or a float.
fn is_reserved_word(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", ".nan", "nan",
        "inf",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(s))
}

/// YAML's `c-printable`: what may appear raw in a document.
fn is_printable(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | '\u{20}'..='\u{7E}' | '\u{85}'
        | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if c.is_control()
                || !is_printable(c)
                || matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}') =>
            {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{builtin, load_set, GlossarySource};

    /// What serde_yaml reads `value: SCALAR` back as.
    fn read_back(s: &str) -> serde_yaml::Value {
        let text = format!("value: {}\n", scalar(s));
        let map: std::collections::BTreeMap<String, serde_yaml::Value> =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        map["value"].clone()
    }

    #[test]
    fn scalars_read_back_as_the_same_string() {
        let cases = [
            "Xizang",
            "Xizang Autonomous Region",
            "",
            " padded ",
            "trailing ",
            "\tx",
            "a: b",
            "a:b",
            "ends:",
            "x #y",
            "#x",
            "- x",
            "-x",
            "? x",
            "'quoted'",
            "\"dq\"",
            "it's",
            "yes",
            "No",
            "ON",
            "off",
            "y",
            "n",
            "true",
            "False",
            "null",
            "~",
            "1",
            "2026.11",
            "1e3",
            "0x1F",
            "0o17",
            "+1",
            ".5",
            "-3",
            ".inf",
            "-.inf",
            ".NaN",
            "12:30",
            "2001-12-14",
            "1_000",
            "=",
            "<<",
            "[a, b]",
            "{a: b}",
            "a, b",
            "&anchor",
            "*alias",
            "!tag",
            "|",
            ">",
            "%dir",
            "@x",
            "`x`",
            "line\nbreak",
            "cr\rlf",
            "tab\tinside",
            "nul\0",
            "bell\u{7}",
            "del\u{7F}",
            "c1\u{80}",
            "nel\u{85}x",
            "ls\u{2028}x",
            "bom\u{FEFF}x",
            "nonchar\u{FFFE}",
            "back\\slash",
            "西藏自治区",
            "Ürümqi",
            "nbsp\u{A0}inside",
            "\u{A0}nbsp",
            "emoji 🙂",
        ];
        for s in cases {
            assert_eq!(
                read_back(s),
                serde_yaml::Value::String(s.to_owned()),
                "{s:?} written as {}",
                scalar(s)
            );
        }
        assert_eq!(
            scalar("Xizang Autonomous Region"),
            "Xizang Autonomous Region"
        );
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("a\u{7}"), "\"a\\u0007\"");
    }

    proptest::proptest! {
        #[test]
        fn any_string_reads_back(s in "\\PC{0,12}|[ -~\t\n]{0,12}|.{0,6}") {
            proptest::prop_assert_eq!(read_back(&s), serde_yaml::Value::String(s.clone()));
        }
    }

    #[test]
    fn builtin_glossaries_survive_a_write_and_load() {
        let set = load_set(&builtin::sources()).expect("built-ins load");
        let sources: Vec<GlossarySource> = (0..set.glossaries.len() as u32)
            .map(|g| GlossarySource {
                path: format!("out-{g}.yaml").into(),
                text: GlossaryDoc::from_set(&set, GlossaryId(g)).to_yaml(),
            })
            .collect();
        let again = load_set(&sources).unwrap_or_else(|errors| {
            panic!(
                "{}",
                errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(set.terms.len(), again.terms.len());
        for (a, b) in set.terms.iter().zip(&again.terms) {
            assert_eq!(
                (
                    &a.language,
                    &a.text,
                    a.status,
                    a.term_type,
                    a.case,
                    &a.ignore_in,
                    &a.forms,
                    a.match_mode,
                    a.fix,
                    &a.note
                ),
                (
                    &b.language,
                    &b.text,
                    b.status,
                    b.term_type,
                    b.case,
                    &b.ignore_in,
                    &b.forms,
                    b.match_mode,
                    b.fix,
                    &b.note
                )
            );
        }
        for (a, b) in set.concepts.iter().zip(&again.concepts) {
            assert_eq!(
                (&a.key, &a.domain, &a.definition, &a.note),
                (&b.key, &b.domain, &b.definition, &b.note)
            );
        }
        for (a, b) in set.glossaries.iter().zip(&again.glossaries) {
            assert_eq!(
                (&a.id, &a.title, &a.version, &a.source, &a.languages),
                (&b.id, &b.title, &b.version, &b.source, &b.languages)
            );
        }
    }

    #[test]
    fn commented_parts_stay_out_of_the_loaded_glossary() {
        let mut deprecated = TermDoc::new("data bus");
        deprecated.status = Status::Deprecated;
        let doc = GlossaryDoc {
            header: vec!["Imported: review me".into(), String::new()],
            glossary: "g".into(),
            languages: vec!["en".into(), "no".into()],
            concepts: vec![
                ConceptDoc {
                    id: "kept".into(),
                    terms: vec![("no".into(), vec![TermDoc::new("ja")])],
                    commented: vec![(
                        "fr".into(),
                        vec![deprecated.clone()],
                        "every fr term is deprecated".into(),
                    )],
                    ..ConceptDoc::default()
                },
                ConceptDoc {
                    id: "gone".into(),
                    note: Some("two\nlines".into()),
                    terms: vec![("en".into(), vec![deprecated])],
                    commented_out: Some("no preferred term\nanywhere".into()),
                    ..ConceptDoc::default()
                },
            ],
            ..GlossaryDoc::default()
        };
        let yaml = doc.to_yaml();
        assert!(
            yaml.starts_with("# Imported: review me\n#\nglossary: g\n"),
            "{yaml}"
        );
        assert!(yaml.contains("languages: [en, \"no\"]\n"), "{yaml}");
        assert!(
            yaml.contains("      # fr:\n      #   - term: data bus\n"),
            "{yaml}"
        );
        assert!(yaml.contains("  # - id: gone\n"), "{yaml}");
        let set = load_set(&[GlossarySource {
            path: "c.yaml".into(),
            text: yaml.clone(),
        }])
        .unwrap_or_else(|e| panic!("{e:?}\n{yaml}"));
        assert_eq!(set.concepts.len(), 1);
        assert_eq!(set.terms.len(), 1);
        assert_eq!(set.terms[0].language, "no");
    }

    #[test]
    fn only_commented_concepts_still_make_a_list() {
        let doc = GlossaryDoc {
            glossary: "g".into(),
            concepts: vec![ConceptDoc {
                id: "x".into(),
                terms: vec![("en".into(), vec![TermDoc::new("x")])],
                commented_out: Some("why".into()),
                ..ConceptDoc::default()
            }],
            ..GlossaryDoc::default()
        };
        let yaml = doc.to_yaml();
        assert!(yaml.contains("concepts: []\n"), "{yaml}");
        let set = load_set(&[GlossarySource {
            path: "c.yaml".into(),
            text: yaml,
        }])
        .expect("loads");
        assert!(set.concepts.is_empty());
    }
}
