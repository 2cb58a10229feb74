//! Russian conjugation: what the Snowball stemmer does not fold onto the
//! infinitive — the present of `-еть` verbs (`имеет`), second-conjugation
//! forms of `-ать`/`-еть` verbs (`держит`, `смотрит`), consonant mutations
//! (`установленный`, `скажет`), `-овать` verbs (`рисует`), and irregular
//! verbs with their prefixed families (`найти`: найдёт, нашёл, найдено;
//! `ввести`: введён). Reflexive verbs take `-ся`/`-сь` on every form.
//! Forms are written with `е` for `ё`, as the reference list folds them.

use std::sync::LazyLock;

use super::super::data_file::expect_valid;
use super::super::tokenize::Language;
use super::{append, data_file, paradigm};

/// The tables of data/inflect/ru.txt, parsed on first use.
static TABLES: LazyLock<Tables> = LazyLock::new(|| expect_valid(Tables::parse()));

struct Tables {
    /// Irregular verbs and families, by infinitive ending: what replaces
    /// it. The longest matching ending wins; a prefix before it is kept.
    /// Regular forms are generated as well, since a family's ending also
    /// ends regular verbs (`создать` is `дать`, `наблюдать` is not).
    irregular: Vec<(&'static str, &'static str)>,
}

impl Tables {
    fn parse() -> Result<Tables, String> {
        let file = data_file(Language::Ru)?;
        Ok(Tables {
            irregular: file.table("irregular")?,
        })
    }
}

/// The forms of a Russian verb (see the module docs).
pub fn verbs(lemma: &str) -> Vec<String> {
    for (reflexive, particle) in [("ться", "ся"), ("тись", "сь"), ("чься", "ся")]
    {
        if let Some(base) = lemma
            .strip_suffix(particle)
            .filter(|_| lemma.ends_with(reflexive))
        {
            let mut forms = plain(base);
            let with: Vec<String> = forms
                .iter()
                .map(|f| {
                    let ending = if f.ends_with(is_vowel) {
                        "сь"
                    } else {
                        "ся"
                    };
                    format!("{f}{ending}")
                })
                .collect();
            forms.extend(with);
            return forms;
        }
    }
    plain(lemma)
}

fn is_vowel(c: char) -> bool {
    "аеёиоуыэюя".contains(c)
}

fn plain(lemma: &str) -> Vec<String> {
    let mut forms = Vec::new();
    if let Some((prefix, _, table)) = paradigm(&TABLES.irregular, lemma, &[]) {
        append(&mut forms, prefix, table);
    }
    if let Some(stem) = lemma
        .strip_suffix("овать")
        .or_else(|| lemma.strip_suffix("евать"))
    {
        append(
            &mut forms,
            stem,
            "ую уешь ует уем уете уют ую юешь юет уя ующий ованный ован ована овано",
        );
    } else if let Some(stem) = lemma.strip_suffix("нуть") {
        append(
            &mut forms,
            stem,
            "ну нешь нет нем нете нут нул нула нуло нули нутый",
        );
    } else if let Some(stem) = lemma.strip_suffix("ть").filter(|s| s.chars().count() >= 2) {
        regular(&mut forms, lemma, stem);
    }
    decline_participles(forms)
}

/// First conjugation on the full stem (дела-ет, име-ет), second on the stem
/// without its vowel (держ-ит, смотр-ит, говор-ит); both are offered to
/// -ать and -еть verbs, which the spelling does not tell apart. Passive
/// participles in -енный and the consonant mutations (установ-ить →
/// установл-ю, установл-енный; сказ-ать → скаж-ет) belong to the second
/// conjugation's -ить and -еть verbs, and to the mutated -ать presents.
fn regular(forms: &mut Vec<String>, lemma: &str, stem: &str) {
    append(forms, stem, "ю ешь ет ем ете ют л ла ло ли ющий вший я в");
    if lemma.ends_with("ать") || lemma.ends_with("ять") {
        append(forms, stem, "нный н на но ны");
    }
    let mut short = stem.to_owned();
    short.pop();
    append(
        forms,
        &short,
        "у ю ишь ит им ите ят ат ящий ащий ил ила ило или ивший",
    );
    let second = lemma.ends_with("ить") || lemma.ends_with("еть");
    if second {
        append(forms, &short, "енный ен ена ено ены");
    }
    for mutated in mutations(&short) {
        append(forms, &mutated, "у ю ет ут ешь ем");
        if second {
            append(forms, &mutated, "енный ен ена ено ены");
        }
    }
}

/// Participles decline as adjectives: установленного, работающих.
fn decline_participles(mut forms: Vec<String>) -> Vec<String> {
    let mut declined = Vec::new();
    for form in &forms {
        if let Some(base) = form.strip_suffix("ый") {
            append(&mut declined, base, "ая ое ые ого ой ому ым ых ую ыми");
        } else if let Some(base) = form
            .strip_suffix("щий")
            .or_else(|| form.strip_suffix("вший"))
        {
            let tail = &form[base.len()..form.len() - "ий".len()];
            append(
                &mut declined,
                &format!("{base}{tail}"),
                "ая ее ие его ей ему им их ую ими",
            );
        }
    }
    forms.extend(declined);
    forms
}

/// The stem with its last consonant mutated: б→бл, в→вл, м→мл, п→пл, ф→фл,
/// д→ж/жд, т→ч/щ, з→ж, с→ш, ст→щ, к→ч, г→ж.
fn mutations(stem: &str) -> Vec<String> {
    if let Some(base) = stem.strip_suffix("ст") {
        return vec![format!("{base}щ")];
    }
    let Some(last) = stem.chars().last() else {
        return Vec::new();
    };
    let base = &stem[..stem.len() - last.len_utf8()];
    let replacements: &[&str] = match last {
        'б' => &["бл"],
        'в' => &["вл"],
        'м' => &["мл"],
        'п' => &["пл"],
        'ф' => &["фл"],
        'д' => &["ж", "жд"],
        'т' => &["ч", "щ"],
        'з' => &["ж"],
        'с' => &["ш"],
        'к' => &["ч"],
        'г' => &["ж"],
        _ => &[],
    };
    replacements.iter().map(|r| format!("{base}{r}")).collect()
}

#[cfg(test)]
mod tests {
    use super::super::{assert_conjugates, assert_valid_table, conjugates};
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let tables = Tables::parse().unwrap();
        assert_valid_table(&tables.irregular);
        // Forms are written with е for ё, as the reference list folds them.
        assert!(!tables
            .irregular
            .iter()
            .any(|(_, forms)| forms.contains('ё')));
    }

    #[test]
    fn regular_verbs_with_mutations_and_reflexives() {
        assert_conjugates(
            verbs,
            &[
                ("иметь", "имеет"),
                ("смотреть", "смотрит"),
                ("держать", "держит"),
                ("установить", "установленный"),
                ("сказать", "скажет"),
                ("использовать", "использует"),
                ("нуждаться", "нуждается"),
                ("наблюдать", "наблюдает"),
                ("установить", "установленного"),
                ("работать", "работающих"),
                ("двигаться", "двигалась"),
            ],
        );
    }

    #[test]
    fn first_conjugation_verbs_have_no_mutated_participles() {
        // давать → даваемый, never давленный (which would lend давление
        // its rank).
        assert!(!conjugates(verbs, "давать", "давленный"));
        assert!(conjugates(verbs, "давать", "давал"));
    }

    #[test]
    fn irregular_verbs_and_their_prefixed_families() {
        assert_conjugates(
            verbs,
            &[
                ("быть", "будет"),
                ("найти", "найдено"),
                ("прийти", "придет"),
                ("хотеть", "хочет"),
                ("ввести", "введен"),
                ("привезти", "привезут"),
                ("начаться", "начнется"),
                ("создать", "создан"),
                ("помочь", "поможет"),
            ],
        );
    }
}
