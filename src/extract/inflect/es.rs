//! Spanish conjugation: what the Snowball stemmer does not fold for regular
//! verbs (stem vowels that diphthongise, `puede`, `muestra`, `pide`;
//! spelling changes, `busqué`, `conozco`, `construye`) and irregular verbs
//! with their compound families (`tener`: obtener, mantener…).

use std::sync::LazyLock;

use super::super::data_file::expect_valid;
use super::super::tokenize::Language;
use super::{append, data_file, entry, paradigm};

/// The tables of data/inflect/es.txt, parsed on first use.
static TABLES: LazyLock<Tables> = LazyLock::new(|| expect_valid(Tables::parse()));

struct Tables {
    /// Irregular verbs and families, by infinitive ending: what replaces
    /// it. The longest matching ending wins.
    irregular: Vec<(&'static str, &'static str)>,
    /// Irregular verbs whose ending also ends unrelated regular verbs:
    /// matched whole only.
    whole_only: Vec<&'static str>,
    /// The endings of regular verbs by group: present, imperfect,
    /// preterite, future, conditional, subjunctive, participle and gerund.
    ar: &'static str,
    er: &'static str,
    ir: &'static str,
}

impl Tables {
    fn parse() -> Result<Tables, String> {
        let file = data_file(Language::Es)?;
        let endings = file.table("endings")?;
        Ok(Tables {
            irregular: file.table("irregular")?,
            whole_only: file.words("whole-only")?,
            ar: entry(&endings, "ar")?,
            er: entry(&endings, "er")?,
            ir: entry(&endings, "ir")?,
        })
    }
}

/// The endings of a regular verb of `group` (`ar`, `er`, `ir`).
fn regular_endings(group: &str) -> &'static str {
    match group {
        "ar" => TABLES.ar,
        "er" => TABLES.er,
        _ => TABLES.ir,
    }
}

/// The forms of a Spanish verb (see the module docs).
pub fn verbs(lemma: &str) -> Vec<String> {
    let mut forms = Vec::new();
    if let Some((prefix, _, table)) = paradigm(&TABLES.irregular, lemma, &TABLES.whole_only) {
        append(&mut forms, prefix, table);
        return with_plural_participles(forms);
    }
    let Some(stem) = ["ar", "er", "ir"]
        .iter()
        .find_map(|e| lemma.strip_suffix(e))
        .filter(|s| s.chars().count() >= 2)
    else {
        return forms;
    };
    let group = &lemma[stem.len()..];
    // The stemmer folds regular endings only where its RV region allows,
    // which short stems lack (`entra` is not folded onto `entrar`).
    append(&mut forms, stem, regular_endings(group));
    // Stressed-stem forms of diphthongising verbs (mostrar → muestra,
    // pensar → piensa, pedir → pide, sentir → siente and sintió).
    let changed = stem_vowel_changes(stem, group);
    for stem in &changed {
        append(&mut forms, stem, "o as a an e es en");
        if group == "ir" {
            append(&mut forms, stem, "ió ieron iendo iera ieran amos");
        }
    }
    // Spelling changes before e (buscar → busqué) and before a, o
    // (conocer → conozco, elegir → elija, construir → construye).
    let stems = || std::iter::once(stem).chain(changed.iter().map(String::as_str));
    if group == "ar" {
        for stem in stems() {
            let respelled = [("c", "qu"), ("g", "gu"), ("z", "c")]
                .iter()
                .find_map(|(end, with)| stem.strip_suffix(end).map(|base| format!("{base}{with}")));
            if let Some(base) = respelled {
                append(&mut forms, &base, "é e es en emos");
            }
        }
    } else {
        for stem in stems() {
            if let Some(base) = stem.strip_suffix('c').filter(|b| b.ends_with(is_vowel)) {
                append(&mut forms, &format!("{base}zc"), "o a as an amos");
            }
            if let Some(base) = stem.strip_suffix('g') {
                append(&mut forms, &format!("{base}j"), "o a as an amos");
            }
        }
        if lemma.ends_with("uir") {
            append(&mut forms, stem, "yo yes ye yen yó yeron ya yan yendo");
        }
    }
    forms
}

/// Irregular participles agree like adjectives: puestos, hechas, vistos.
fn with_plural_participles(mut forms: Vec<String>) -> Vec<String> {
    let plurals: Vec<String> = forms
        .iter()
        .filter(|f| {
            ["to", "ta", "cho", "cha", "so", "sa", "do", "da"]
                .iter()
                .any(|e| f.ends_with(e))
        })
        .map(|f| format!("{f}s"))
        .collect();
    forms.extend(plurals);
    forms
}

fn is_vowel(c: char) -> bool {
    "aeiouáéíóú".contains(c)
}

/// The stem with its last vowel diphthongised or raised, as stressed forms
/// write it: e → ie (and i in -ir verbs), o → ue (and u in -ir verbs), u →
/// ue (jugar).
fn stem_vowel_changes(stem: &str, group: &str) -> Vec<String> {
    let Some((i, vowel)) = stem.char_indices().rev().find(|&(_, c)| is_vowel(c)) else {
        return Vec::new();
    };
    let (before, after) = (&stem[..i], &stem[i + vowel.len_utf8()..]);
    let replacements: &[&str] = match (vowel, group) {
        ('e', "ir") => &["ie", "i"],
        ('e', _) => &["ie"],
        ('o', "ir") => &["ue", "u"],
        ('o', _) | ('u', _) => &["ue"],
        _ => &[],
    };
    replacements
        .iter()
        .map(|r| format!("{before}{r}{after}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{assert_conjugates, assert_valid_table, conjugates};
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let tables = Tables::parse().unwrap();
        assert_valid_table(&tables.irregular);
        // A whole-only verb is one of the irregular verbs.
        for verb in &tables.whole_only {
            assert!(tables.irregular.iter().any(|(v, _)| v == verb), "{verb}");
        }
        for endings in [tables.ar, tables.er, tables.ir] {
            assert!(!endings.trim().is_empty());
        }
    }

    #[test]
    fn irregular_verbs_and_their_families() {
        assert_conjugates(
            verbs,
            &[
                ("ser", "es"),
                ("ir", "fue"),
                ("tener", "tiene"),
                ("obtener", "obtuvo"),
                ("producir", "produjo"),
                ("producir", "produzco"),
                ("describir", "descrito"),
                ("resolver", "resuelto"),
                ("prever", "prevista"),
                ("componer", "compuesto"),
                ("componer", "compuestos"),
                ("manifestar", "manifiesta"),
                ("conseguir", "consigue"),
            ],
        );
        // Short irregular verbs are no family: `pedir` is not `ir`.
        assert!(!conjugates(verbs, "pedir", "pedvoy"));
        assert!(!conjugates(verbs, "prestar", "prestuvo"));
    }

    #[test]
    fn stem_changes_and_spelling_changes() {
        assert_conjugates(
            verbs,
            &[
                ("mostrar", "muestra"),
                ("pensar", "piensan"),
                ("pedir", "pide"),
                ("sentir", "siente"),
                ("sentir", "sintió"),
                ("buscar", "busqué"),
                ("llegar", "llegue"),
                ("empezar", "empiece"),
                ("conocer", "conozco"),
                ("elegir", "elija"),
                ("construir", "construye"),
                ("incluir", "incluyen"),
                ("entrar", "entra"),
                ("entrar", "entró"),
                ("saturar", "saturada"),
                ("vender", "vendió"),
                ("recibir", "recibido"),
            ],
        );
    }
}
