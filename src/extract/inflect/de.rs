//! German conjugation: weak verbs with their `ge-…-t` participles (also
//! after a separable prefix: `aufgebaut`, and the `zu` infinitive
//! `aufzubauen`; with and without `ge-`, since the spelling does not show
//! an inseparable prefix or an `-ieren` verb), strong and mixed verbs by
//! table and their compounds (`beschreiben`: beschrieb, beschrieben), and
//! participles declined as adjectives (`gebaute`).

use std::sync::LazyLock;

use super::super::data_file::expect_valid;
use super::super::tokenize::Language;
use super::{append, compound, data_file, paradigm};

/// The tables of data/inflect/de.txt, parsed on first use.
static TABLES: LazyLock<Tables> = LazyLock::new(|| expect_valid(Tables::parse()));

struct Tables {
    /// Strong, mixed and modal verbs: infinitive, then the forms the
    /// Snowball stemmer does not fold onto it. Compounds (`enthalten`,
    /// `übertragen`) take the same forms after their prefix.
    strong: Vec<(&'static str, &'static str)>,
    /// Prefixes that take no `ge-` in the participle (`beschrieben`).
    inseparable: Vec<&'static str>,
    /// Separable prefixes: `ge-` and `zu` go between prefix and verb
    /// (`aufgebaut`, `anzuwenden`).
    separable: Vec<&'static str>,
}

impl Tables {
    fn parse() -> Result<Tables, String> {
        let file = data_file(Language::De)?;
        Ok(Tables {
            strong: file.table("strong")?,
            inseparable: file.words("inseparable")?,
            separable: file.words("separable")?,
        })
    }
}

/// The forms of a German verb (see the module docs).
pub fn verbs(lemma: &str) -> Vec<String> {
    let mut forms = strong(lemma);
    let stem = lemma
        .strip_suffix("en")
        .or_else(|| lemma.strip_suffix("ern").map(|_| &lemma[..lemma.len() - 1]))
        .or_else(|| lemma.strip_suffix("eln").map(|_| &lemma[..lemma.len() - 1]))
        .filter(|s| s.chars().count() >= 2);
    if let Some(stem) = stem {
        // A stem ending in d or t (or a consonant before m, n) keeps an e
        // before the t of the endings: arbeit-et, arbeit-ete, ge-arbeit-et.
        let t = if needs_e(stem) { "et" } else { "t" };
        append(&mut forms, stem, "e st est en");
        for ending in ["", "e", "est", "en", "et"] {
            forms.push(format!("{stem}{t}{ending}"));
        }
        let mut participles = vec![format!("ge{stem}{t}"), format!("{stem}{t}")];
        for prefix in &TABLES.separable {
            if let Some(rest) = lemma
                .strip_prefix(prefix)
                .filter(|r| r.chars().count() >= 4)
            {
                participles.push(format!("{prefix}ge{}{t}", &stem[prefix.len()..]));
                forms.push(format!("{prefix}zu{rest}"));
            }
        }
        forms.extend(participles);
    }
    if !forms.is_empty() {
        // Present participles: steigend.
        forms.push(format!("{lemma}d"));
    }
    // Participles are adjectives too, and decline: gebaute, angetriebenen,
    // steigende.
    let declined: Vec<String> = forms
        .iter()
        .filter(|f| f.ends_with('t') || f.ends_with("en") || f.ends_with("nd"))
        .flat_map(|f| ["e", "en", "er", "es", "em"].map(|e| format!("{f}{e}")))
        .collect();
    forms.extend(declined);
    forms
}

/// Whether the endings of `stem` take a linking e (arbeit-et, rechn-et).
fn needs_e(stem: &str) -> bool {
    let mut rev = stem.chars().rev();
    match (rev.next(), rev.next()) {
        (Some('d' | 't'), _) => true,
        (Some('m' | 'n'), Some(c)) => !"aeiouäöülrhm".contains(c),
        _ => false,
    }
}

/// The table forms of a strong verb or of a compound of one (see
/// [`compound`]). Only a real prefix counts: `verlieren` is no compound of
/// `lieren`.
fn strong(lemma: &str) -> Vec<String> {
    let Some((prefix, verb, forms)) = paradigm(&TABLES.strong, lemma, &[]) else {
        return Vec::new();
    };
    let known = |p: &str| TABLES.inseparable.contains(&p) || TABLES.separable.contains(&p);
    let is_compound = prefix.is_empty()
        || known(prefix)
        || (1..prefix.len())
            .any(|i| prefix.is_char_boundary(i) && known(&prefix[..i]) && known(&prefix[i..]));
    if !is_compound {
        return Vec::new();
    }
    let mut out: Vec<String> = forms
        .split_whitespace()
        .flat_map(|form| compound(prefix, form))
        .collect();
    if !prefix.is_empty() && !TABLES.inseparable.iter().any(|p| prefix.ends_with(p)) {
        out.push(format!("{prefix}zu{verb}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{assert_conjugates, assert_valid_prefixes, assert_valid_table, conjugates};
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let tables = Tables::parse().unwrap();
        assert_valid_table(&tables.strong);
        assert_valid_prefixes(&tables.inseparable, &tables.separable);
    }

    #[test]
    fn weak_verbs_and_their_participles() {
        assert_conjugates(
            verbs,
            &[
                ("machen", "gemacht"),
                ("machen", "macht"),
                ("arbeiten", "arbeitet"),
                ("arbeiten", "gearbeitet"),
                ("ändern", "geändert"),
                ("installieren", "installiert"),
                ("verwenden", "verwendet"),
                ("aufbauen", "aufgebaut"),
                ("aufbauen", "aufzubauen"),
                ("darstellen", "dargestellt"),
                ("sammeln", "gesammelt"),
                ("bauen", "gebaute"),
                ("steigen", "steigende"),
                ("antreiben", "angetriebenen"),
            ],
        );
    }

    #[test]
    fn strong_verbs_and_their_compounds() {
        assert_conjugates(
            verbs,
            &[
                ("sein", "ist"),
                ("werden", "wurde"),
                ("geben", "gibt"),
                ("beschreiben", "beschrieben"),
                ("enthalten", "enthält"),
                ("übertragen", "überträgt"),
                ("antreiben", "angetrieben"),
                ("entsprechen", "entspricht"),
                ("vergleichen", "verglichen"),
                ("stattfinden", "stattgefunden"),
                ("anwenden", "anzuwenden"),
            ],
        );
        // The longest table verb wins: `vergessen` is not `ver-essen`.
        assert!(!conjugates(verbs, "vergessen", "vergegessen"));
        // A table verb's ending is no compound without a real prefix.
        assert!(!conjugates(verbs, "kleiden", "klitten"));
        assert!(!conjugates(verbs, "pressen", "prisst"));
        assert!(conjugates(verbs, "kleiden", "gekleidet"));
    }
}
