//! French conjugation: the three groups with their spelling changes, and
//! irregular verbs with their compound families (`mettre`: permettre,
//! soumettre…).

use std::sync::LazyLock;

use super::super::data_file::expect_valid;
use super::super::tokenize::Language;
use super::{append, data_file, entry, paradigm};

/// The tables of data/inflect/fr.txt, parsed on first use.
static TABLES: LazyLock<Tables> = LazyLock::new(|| expect_valid(Tables::parse()));

struct Tables {
    /// Verbs whose whole paradigm is irregular: infinitive, forms.
    whole: Vec<(&'static str, &'static str)>,
    /// Irregular endings shared by a family of verbs (`mettre`: permettre,
    /// soumettre…): the infinitive's ending and what replaces it.
    families: Vec<(&'static str, &'static str)>,
    /// Endings of regular verbs, by group: what follows the stem.
    er: &'static str,
    ir: &'static str,
    re: &'static str,
    /// `partir`, `sortir`, `servir`, `dormir`, `sentir`: a third-group `-ir`
    /// verb drops the stem's last consonant in the singular (`pars`,
    /// `sert`); these are its infinitive endings, and what follows its full
    /// stem (`part`-ons, `sort`-i).
    short_ir_endings: Vec<&'static str>,
    short_ir: &'static str,
}

impl Tables {
    fn parse() -> Result<Tables, String> {
        let file = data_file(Language::Fr)?;
        let endings = file.table("endings")?;
        Ok(Tables {
            whole: file.table("whole")?,
            families: file.table("families")?,
            er: entry(&endings, "er")?,
            ir: entry(&endings, "ir")?,
            re: entry(&endings, "re")?,
            short_ir_endings: file.words("short-ir-endings")?,
            short_ir: entry(&endings, "short-ir")?,
        })
    }
}

/// The forms of a French verb (see the module docs).
pub fn verbs(lemma: &str) -> Vec<String> {
    if let Some((_, forms)) = TABLES.whole.iter().find(|(verb, _)| *verb == lemma) {
        return forms.split_whitespace().map(str::to_owned).collect();
    }
    let mut forms = Vec::new();
    if let Some((prefix, _, family)) = paradigm(&TABLES.families, lemma, &[]) {
        append(&mut forms, prefix, family);
        return forms;
    }
    if let Some(stem) = lemma.strip_suffix("er").filter(|s| s.chars().count() >= 2) {
        for stem in er_stems(stem) {
            append(&mut forms, &stem, TABLES.er);
        }
    } else if let Some(stem) = lemma.strip_suffix("ir").filter(|s| s.chars().count() >= 2) {
        append(&mut forms, stem, TABLES.ir);
        if TABLES.short_ir_endings.iter().any(|e| lemma.ends_with(e)) {
            let mut short = stem.to_owned();
            short.pop();
            append(&mut forms, &short, "s t");
            append(&mut forms, stem, TABLES.short_ir);
        }
    } else if let Some(stem) = lemma.strip_suffix("re").filter(|s| s.chars().count() >= 2) {
        forms.push(stem.to_owned()); // il rend
        append(&mut forms, stem, TABLES.re);
    }
    forms
}

/// The stems an `-er` verb is written with: `commenc` also `commenç`
/// (before a, o), `mang` also `mange`, `emploi` for `employ`, `lève` and
/// `préfère` with a grave accent, `appell` and `jett` doubled.
fn er_stems(stem: &str) -> Vec<String> {
    let mut stems = vec![stem.to_owned()];
    if let Some(base) = stem.strip_suffix('c') {
        stems.push(format!("{base}ç"));
    } else if stem.ends_with('g') {
        stems.push(format!("{stem}e"));
    } else if let Some(base) = stem.strip_suffix('y') {
        stems.push(format!("{base}i"));
    }
    // e or é before the final consonants takes a grave accent where the
    // ending is silent (lève, préfère, règle).
    let chars: Vec<char> = stem.chars().collect();
    let last_vowel = chars.iter().rposition(|c| "aeiouyéèêâîôû".contains(*c));
    if let Some(i) = last_vowel {
        if i + 1 < chars.len() && matches!(chars[i], 'e' | 'é') {
            let mut grave = chars.clone();
            grave[i] = 'è';
            stems.push(grave.into_iter().collect());
            if chars[i] == 'e' && i + 2 == chars.len() && matches!(chars[i + 1], 'l' | 't') {
                let mut doubled = chars.clone();
                doubled.push(chars[i + 1]);
                stems.push(doubled.into_iter().collect());
            }
        }
    }
    stems
}

#[cfg(test)]
mod tests {
    use super::super::{assert_conjugates, assert_valid_table, conjugates};
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let tables = Tables::parse().unwrap();
        assert_valid_table(&tables.whole);
        assert_valid_table(&tables.families);
        for endings in [tables.er, tables.ir, tables.re, tables.short_ir] {
            assert!(!endings.trim().is_empty());
        }
        assert!(!tables.short_ir_endings.is_empty());
        assert!(tables.short_ir_endings.iter().all(|e| e.ends_with("ir")));
    }

    #[test]
    fn french_irregular_verbs_and_their_families() {
        assert_conjugates(
            verbs,
            &[
                ("être", "sont"),
                ("devoir", "doit"),
                ("pouvoir", "peuvent"),
                ("permettre", "permet"),
                ("soumettre", "soumise"),
                ("obtenir", "obtenus"),
                ("apparaître", "apparaît"),
                ("produire", "produit"),
                ("décrire", "décrit"),
                ("recevoir", "reçoit"),
                ("prévoir", "prévu"),
                ("atteindre", "atteint"),
                ("ouvrir", "ouvert"),
                ("offrir", "offert"),
                ("résoudre", "résolu"),
                ("faire", "font"),
            ],
        );
        // The longest family wins: `apercevoir` is conjugated like
        // `recevoir`, not like `voir`.
        assert!(conjugates(verbs, "apercevoir", "aperçoit"));
        assert!(!conjugates(verbs, "apercevoir", "apercevoit"));
    }

    #[test]
    fn french_regular_verbs_with_their_spelling_changes() {
        assert_conjugates(
            verbs,
            &[
                ("disposer", "disposent"),
                ("injecter", "injectée"),
                ("commencer", "commençons"),
                ("diriger", "dirigeant"),
                ("employer", "emploient"),
                ("régler", "règle"),
                ("lever", "lève"),
                ("appeler", "appelle"),
                ("fournir", "fournissent"),
                ("rendre", "rendu"),
                ("sortir", "sort"),
                ("répartir", "répartissent"),
            ],
        );
    }
}
