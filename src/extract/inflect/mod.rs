//! Conjugated verb forms for the lemmas of the hand-written common-word lists.
//!
//! The hand-written general-language lists (`data/common/*.txt`) name base
//! forms only and are matched by Snowball stem. The stemmers fold
//! plurals and most regular endings onto the lemma's stem, but not a verb
//! whose stem changes when it is conjugated: `permet` (permettre), `doit`
//! (devoir), `obtenus` (obtenir), `wordt` (worden), `beschreven`
//! (beschrijven), `gemacht` (machen), `muestra` (mostrar), `имеет`
//! (иметь). Unlisted, such a verb looked like a word general language never
//! uses, the rarest and so most term-like word there is, and pulled phrases
//! like `stockage permet` up the ranking. [`verb_forms`] writes out the
//! forms, participles with their adjective endings, so the reference list
//! can file each under its lemma's rank — as exact words, since a form's
//! stem may be a noun's (`rend`, `rendement`).
//!
//! French, Dutch, German, Spanish and Russian have rules; English and
//! Chinese have counted lists with every form. The rules are code; the
//! irregular verbs, families, prefixes and endings they draw on are data,
//! `data/inflect/<lang>.txt` (in the format of
//! `extract/data_file.rs`), compiled in and parsed on first use.
//!
//! The rules are deliberately generous: a lemma that only looks like a verb
//! (French `premier`, Dutch `teken`) yields a few strings no text contains,
//! which costs nothing, while a missed form costs a false candidate. Where
//! the spelling cannot tell two paradigms apart, both are written out.

use super::data_file::DataFile;
use super::tokenize::Language;

mod de;
mod es;
mod fr;
mod nl;
mod ru;

/// Every conjugated form of `lemma` (a lower-case infinitive) the rules of
/// `language` know, the lemma itself excluded; empty for other words and
/// other languages.
pub fn verb_forms(language: Language, lemma: &str) -> Vec<String> {
    let mut forms = match language {
        Language::De => de::verbs(lemma),
        Language::Es => es::verbs(lemma),
        Language::Fr => fr::verbs(lemma),
        Language::Nl => nl::verbs(lemma),
        Language::Ru => ru::verbs(lemma),
        Language::En | Language::Zh => Vec::new(),
    };
    forms.sort_unstable();
    forms.dedup();
    forms.retain(|f| f != lemma && !f.is_empty());
    forms
}

/// The paradigm of `table` (infinitive or infinitive ending, forms) whose
/// ending is the longest one `lemma` ends with, and the prefix before it:
/// `permettre` → (`per`, `mettre`, `mets met …`). Endings listed in
/// `whole_only` match a lemma only whole (`estar` is no family of `prestar`).
fn paradigm<'a>(
    table: &[(&'static str, &'static str)],
    lemma: &'a str,
    whole_only: &[&str],
) -> Option<(&'a str, &'static str, &'static str)> {
    table
        .iter()
        .filter(|(ending, _)| {
            lemma == *ending || (!whole_only.contains(ending) && lemma.ends_with(ending))
        })
        .max_by_key(|(ending, _)| ending.len())
        .map(|&(ending, forms)| (&lemma[..lemma.len() - ending.len()], ending, forms))
}

/// The tables of `language`, `data/inflect/<lang>.txt`, split into
/// sections (English and Chinese have none).
fn data_file(language: Language) -> Result<DataFile, String> {
    let (name, text) = match language {
        Language::De => (
            "data/inflect/de.txt",
            include_str!("../../../data/inflect/de.txt"),
        ),
        Language::Es => (
            "data/inflect/es.txt",
            include_str!("../../../data/inflect/es.txt"),
        ),
        Language::Fr => (
            "data/inflect/fr.txt",
            include_str!("../../../data/inflect/fr.txt"),
        ),
        Language::Nl => (
            "data/inflect/nl.txt",
            include_str!("../../../data/inflect/nl.txt"),
        ),
        Language::Ru => (
            "data/inflect/ru.txt",
            include_str!("../../../data/inflect/ru.txt"),
        ),
        Language::En | Language::Zh => return Err(format!("no verb tables for {language}")),
    };
    DataFile::parse(name, text)
}

/// The forms of `key` in a table of endings read from a data file.
fn entry(table: &[(&'static str, &'static str)], key: &str) -> Result<&'static str, String> {
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map(|&(_, forms)| forms)
        .ok_or_else(|| format!("no `{key}` in the endings"))
}

/// A Dutch or German strong verb's form after a compound's prefix:
/// `be` + `schreven`. Inseparable prefixes drop the participle's `ge-`
/// (`beschreven`, `beschrieben`) and separable ones keep it (`aangegeven`,
/// `angegeben`); a prefix does not say which it is (`voorkomen`,
/// `umgehen`), so both are offered.
fn compound(prefix: &str, form: &str) -> Vec<String> {
    let mut out = vec![format!("{prefix}{form}")];
    if let Some(bare) = form.strip_prefix("ge").filter(|_| !prefix.is_empty()) {
        out.push(format!("{prefix}{bare}"));
    }
    out
}

/// Adds `stem` followed by each of the space-separated `endings`.
fn append(forms: &mut Vec<String>, stem: &str, endings: &str) {
    forms.extend(endings.split_whitespace().map(|e| format!("{stem}{e}")));
}

/// Whether `verbs` of `lemma` (the lemma itself counted) include `form`:
/// the language modules' tests.
#[cfg(test)]
fn conjugates(verbs: fn(&str) -> Vec<String>, lemma: &str, form: &str) -> bool {
    lemma == form || verbs(lemma).iter().any(|f| f == form)
}

/// Asserts that `verbs` conjugates each lemma to its form.
#[cfg(test)]
fn assert_conjugates(verbs: fn(&str) -> Vec<String>, cases: &[(&str, &str)]) {
    for &(lemma, form) in cases {
        assert!(conjugates(verbs, lemma, form), "{lemma} → {form}");
    }
}

/// Asserts that a verb table read from a data file holds what the rules
/// expect: entries, lower-case keys and forms, no form twice in an entry.
#[cfg(test)]
fn assert_valid_table(table: &[(&str, &str)]) {
    assert!(!table.is_empty());
    for &(key, forms) in table {
        assert_eq!(key, key.to_lowercase());
        let forms: Vec<&str> = forms.split_whitespace().collect();
        for (i, form) in forms.iter().enumerate() {
            assert_eq!(*form, form.to_lowercase(), "{key}");
            assert!(!forms[..i].contains(form), "{key}: {form} twice");
        }
    }
}

/// Asserts that the prefix lists of a data file are not empty and that no
/// prefix is listed as both separable and inseparable.
#[cfg(test)]
fn assert_valid_prefixes(inseparable: &[&str], separable: &[&str]) {
    assert!(!inseparable.is_empty() && !separable.is_empty());
    for prefix in inseparable {
        assert!(!separable.contains(prefix), "{prefix} is both");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_languages_have_no_rules() {
        assert!(verb_forms(Language::En, "run").is_empty());
        assert!(verb_forms(Language::Zh, "做").is_empty());
    }
}
