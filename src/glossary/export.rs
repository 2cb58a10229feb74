//! `termalign glossary export`: the loaded glossaries as TBX v3 or CSV.
//!
//! **TBX** is TBX v3 (ISO 30042:2019, namespace `urn:iso:std:iso:30042:ed-2`)
//! in the TBX-Basic dialect, DCA style, which is what terminology tools
//! import most widely:
//!
//! - one `conceptEntry` per concept, its `id` the concept id; a concept id
//!   that two exported glossaries both use is written `GLOSSARY.CONCEPT`,
//!   and an id that is not an XML name (it starts with a digit) gets a `_`,
//!   so the ids stay unique XML ids;
//! - `domain` → `<descrip type="subjectField">`, `definition` →
//!   `<descrip type="definition">`, `note` → `<note>`, at the concept level;
//! - one `langSec xml:lang` per language, one `termSec` per term, with
//!   `termNote type="administrativeStatus"` (`preferredTerm-admn-sts`,
//!   `admittedTerm-admn-sts`, `deprecatedTerm-admn-sts`) and `termNote
//!   type="termType"` (`fullForm`, `shortForm`, `abbreviation`, `variant`),
//!   and the term's `note`;
//! - TBX has no *forbidden* status: a forbidden term is written as
//!   deprecated with the note `termalign status: forbidden`, which
//!   `glossary import` reads back as forbidden (and any other tool shows as
//!   a note);
//! - the header's `title` and `sourceDesc` carry the glossaries' titles and
//!   sources.
//!
//! What TBX has no place for (`case`, `ignore_in`, `forms`, `match`, `fix`,
//! `version`) is not exported; terms, statuses, types, notes, definitions
//! and domains survive a round trip through `glossary import`.
//!
//! **CSV** has one row per term: `glossary, concept, language, term,
//! status, type`, with a header row, fields quoted per RFC 4180 when they
//! hold a comma, a quote, a line break or surrounding spaces, and LF line
//! ends. `glossary import` reads it back.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::import::tbx::FORBIDDEN_NOTE;
use super::model::*;

/// The TBX v3 namespace of ISO 30042:2019.
pub const TBX_NAMESPACE: &str = "urn:iso:std:iso:30042:ed-2";

/// The glossaries of `set` as one TBX v3 (TBX-Basic, DCA) document.
pub fn to_tbx(set: &GlossarySet) -> String {
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for c in &set.concepts {
        *uses.entry(c.id.as_str()).or_default() += 1;
    }
    let doc_lang = set
        .glossaries
        .iter()
        .find_map(|g| g.languages.first())
        .or_else(|| set.terms.first().map(|t| &t.language))
        .map_or("en", String::as_str);

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"{}\" xmlns=\"{TBX_NAMESPACE}\">",
        escape(doc_lang)
    );
    out.push_str("  <tbxHeader>\n    <fileDesc>\n");
    let titles: Vec<String> = set
        .glossaries
        .iter()
        .map(|g| g.title.clone().unwrap_or_else(|| g.id.clone()))
        .collect();
    if !titles.is_empty() {
        let _ = writeln!(
            out,
            "      <titleStmt>\n        <title>{}</title>\n      </titleStmt>",
            escape(&titles.join("; "))
        );
    }
    out.push_str("      <sourceDesc>\n");
    let _ = writeln!(
        out,
        "        <p>Exported by termalign from the glossaries {}.</p>",
        escape(
            &set.glossaries
                .iter()
                .map(|g| g.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
    for g in &set.glossaries {
        if let Some(source) = &g.source {
            let _ = writeln!(out, "        <p>{}: {}</p>", escape(&g.id), escape(source));
        }
    }
    out.push_str("      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n  <text>\n    <body>\n");
    for cid in set.concept_ids() {
        let c = set.concept(cid);
        let glossary = &set.glossary(c.glossary).id;
        let mut id = if uses[c.id.as_str()] > 1 {
            format!("{glossary}.{}", c.id)
        } else {
            c.id.clone()
        };
        if !id.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
            id.insert(0, '_');
        }
        let _ = writeln!(out, "      <conceptEntry id=\"{}\">", escape(&id));
        if let Some(domain) = &c.domain {
            element(&mut out, 8, "descrip type=\"subjectField\"", domain);
        }
        if let Some(definition) = &c.definition {
            element(&mut out, 8, "descrip type=\"definition\"", definition);
        }
        if let Some(note) = &c.note {
            element(&mut out, 8, "note", note);
        }
        let mut current: Option<&str> = None;
        for tid in set.terms_of(cid) {
            let t = set.term(tid);
            if current != Some(t.language.as_str()) {
                if current.is_some() {
                    out.push_str("        </langSec>\n");
                }
                let _ = writeln!(
                    out,
                    "        <langSec xml:lang=\"{}\">",
                    escape(&t.language)
                );
                current = Some(&t.language);
            }
            out.push_str("          <termSec>\n");
            element(&mut out, 12, "term", &t.text);
            element(
                &mut out,
                12,
                "termNote type=\"administrativeStatus\"",
                admn_sts(t.status),
            );
            element(
                &mut out,
                12,
                "termNote type=\"termType\"",
                tbx_term_type(t.term_type),
            );
            if let Some(note) = &t.note {
                element(&mut out, 12, "note", note);
            }
            if t.status == Status::Forbidden {
                element(&mut out, 12, "note", FORBIDDEN_NOTE);
            }
            out.push_str("          </termSec>\n");
        }
        if current.is_some() {
            out.push_str("        </langSec>\n");
        }
        out.push_str("      </conceptEntry>\n");
    }
    out.push_str("    </body>\n  </text>\n</tbx>\n");
    out
}

/// The TBX-Basic `administrativeStatus` value of a status.
pub fn admn_sts(status: Status) -> &'static str {
    match status {
        Status::Preferred => "preferredTerm-admn-sts",
        Status::Admitted => "admittedTerm-admn-sts",
        Status::Deprecated | Status::Forbidden => "deprecatedTerm-admn-sts",
    }
}

/// The TBX-Basic `termType` value of a term type.
pub fn tbx_term_type(ty: TermType) -> &'static str {
    match ty {
        TermType::FullForm => "fullForm",
        TermType::ShortForm => "shortForm",
        TermType::Abbreviation => "abbreviation",
        TermType::Variant => "variant",
    }
}

fn element(out: &mut String, indent: usize, open: &str, text: &str) {
    let name = open.split(' ').next().unwrap_or(open);
    let _ = writeln!(
        out,
        "{:indent$}<{open}>{}</{name}>",
        "",
        escape(text),
        indent = indent
    );
}

/// Escapes text for element content and double-quoted attributes. XML 1.0
/// cannot carry C0 controls other than tab and line breaks even as
/// references, so those become U+FFFD.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // A raw CR would be read back as LF.
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n') => out.push('\u{FFFD}'),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The glossaries of `set` as CSV, one row per term.
pub fn to_csv(set: &GlossarySet) -> String {
    let mut out = String::from("glossary,concept,language,term,status,type\n");
    for tid in set.term_ids() {
        let t = set.term(tid);
        let c = set.concept(t.concept);
        let g = set.glossary(c.glossary);
        let fields = [
            g.id.as_str(),
            c.id.as_str(),
            t.language.as_str(),
            t.text.as_str(),
            t.status.as_str(),
            t.term_type.as_str(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// A CSV field, quoted when it must be (RFC 4180), or when a reader that
/// trims fields would lose its surrounding spaces.
pub fn csv_field(s: &str) -> String {
    let needs = s.contains([',', '"', '\n', '\r', ';', '\t']) || s.trim() != s;
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::import::{import, ImportOptions, InteropFormat};
    use crate::glossary::{builtin, load_set, GlossarySource};
    use crate::input::SourceFile;

    fn set(yaml: &str) -> GlossarySet {
        load_set(&[GlossarySource {
            path: "g.yaml".into(),
            text: yaml.into(),
        }])
        .unwrap_or_else(|e| panic!("{e:?}"))
    }

    const SMALL: &str = r#"glossary: g
title: "A & B"
concepts:
  - id: 1st
    domain: place
    definition: "<defined>"
    terms:
      en:
        - "Bus, \"big\""
        - {term: old bus, status: forbidden, type: variant, note: "never"}
      fr:
        - autobus
"#;

    #[test]
    fn tbx_escapes_and_encodes_statuses() {
        let tbx = to_tbx(&set(SMALL));
        assert!(tbx.contains("<title>A &amp; B</title>"), "{tbx}");
        assert!(tbx.contains("<conceptEntry id=\"_1st\">"), "{tbx}");
        assert!(
            tbx.contains("<descrip type=\"definition\">&lt;defined&gt;</descrip>"),
            "{tbx}"
        );
        assert!(tbx.contains("<term>Bus, &quot;big&quot;</term>"), "{tbx}");
        assert!(tbx.contains(
            "            <term>old bus</term>\n            <termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>\n            <termNote type=\"termType\">variant</termNote>\n            <note>never</note>\n            <note>termalign status: forbidden</note>\n"
        ), "{tbx}");
        assert_eq!(escape("a\rb\u{1}"), "a&#13;b\u{FFFD}");
    }

    #[test]
    fn csv_quotes_what_it_must() {
        let csv = to_csv(&set(SMALL));
        assert_eq!(
            csv,
            "glossary,concept,language,term,status,type\n\
             g,1st,en,\"Bus, \"\"big\"\"\",preferred,full-form\n\
             g,1st,en,old bus,forbidden,variant\n\
             g,1st,fr,autobus,preferred,full-form\n"
        );
        assert_eq!(csv_field(" x"), "\" x\"");
    }

    /// (language, term, status, type)
    type TermSummary = (String, String, Status, TermType);

    /// Terms, statuses and types of every concept, keyed by concept id.
    fn summary(set: &GlossarySet) -> Vec<(String, Vec<TermSummary>)> {
        let mut out: Vec<_> = set
            .concept_ids()
            .map(|c| {
                let mut terms: Vec<_> = set
                    .terms_of(c)
                    .map(|t| {
                        let t = set.term(t);
                        (t.language.clone(), t.text.clone(), t.status, t.term_type)
                    })
                    .collect();
                terms.sort();
                (set.concept(c).id.clone(), terms)
            })
            .collect();
        out.sort();
        out
    }

    fn reimport(text: String, format: InteropFormat) -> GlossarySet {
        let file = SourceFile::from_bytes("export.out", text.into_bytes()).unwrap();
        let options = ImportOptions {
            format: Some(format),
            id: Some("back".into()),
            ..ImportOptions::default()
        };
        let imported = import(&[file], &options).unwrap();
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        set(&imported.yaml)
    }

    #[test]
    fn builtin_glossaries_round_trip_through_tbx_and_csv() {
        let original = load_set(&builtin::sources()).unwrap();
        let want = summary(&original);
        for format in [InteropFormat::Tbx, InteropFormat::Csv] {
            let text = match format {
                InteropFormat::Tbx => to_tbx(&original),
                InteropFormat::Csv => to_csv(&original),
            };
            let back = reimport(text, format);
            assert_eq!(summary(&back), want, "{format:?}");
        }
        // Concept fields, too, through TBX.
        let back = reimport(to_tbx(&original), InteropFormat::Tbx);
        for c in &original.concepts {
            let b = back
                .concepts
                .iter()
                .find(|b| b.id == c.id)
                .expect("same ids");
            assert_eq!(
                (&c.domain, &c.definition, &c.note),
                (&b.domain, &b.definition, &b.note)
            );
        }
    }

    #[test]
    fn forbidden_and_clashing_ids_round_trip() {
        let two = load_set(&[
            GlossarySource {
                path: "a.yaml".into(),
                text: SMALL.into(),
            },
            GlossarySource {
                path: "b.yaml".into(),
                text: "glossary: h\nconcepts:\n  - id: 1st\n    terms:\n      de: [Omnibus]\n"
                    .into(),
            },
        ])
        .unwrap();
        let tbx = to_tbx(&two);
        assert!(tbx.contains("<conceptEntry id=\"g.1st\">"), "{tbx}");
        assert!(tbx.contains("<conceptEntry id=\"h.1st\">"), "{tbx}");
        let back = reimport(tbx, InteropFormat::Tbx);
        let ids: Vec<&str> = back.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["g-1st", "h-1st"]);
        let old = back.terms.iter().find(|t| t.text == "old bus").unwrap();
        assert_eq!(
            (old.status, old.note.as_deref()),
            (Status::Forbidden, Some("never"))
        );
        let back = reimport(to_csv(&two), InteropFormat::Csv);
        let ids: Vec<&str> = back.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["g-1st", "h-1st"]);
    }
}
