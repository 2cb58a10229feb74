//! Russian conjugation: what the Snowball stemmer does not fold onto the
//! infinitive — the present of `-еть` verbs (`имеет`), second-conjugation
//! forms of `-ать`/`-еть` verbs (`держит`, `смотрит`), consonant mutations
//! (`установленный`, `скажет`), `-овать` verbs (`рисует`), and irregular
//! verbs with their prefixed families (`найти`: найдёт, нашёл, найдено;
//! `ввести`: введён). Reflexive verbs take `-ся`/`-сь` on every form.
//! Forms are written with `е` for `ё`, as the reference list folds them.

/// Irregular verbs and families, by infinitive ending: what replaces it.
/// The longest matching ending wins; a prefix before it is kept. Regular
/// forms are generated as well, since a family's ending also ends regular
/// verbs (`создать` is `дать`, `наблюдать` is not).
const IRREGULAR: &[(&str, &str)] = &[
    (
        "быть",
        "есть был была было были буду будет будем будете будут будучи бывший будь",
    ),
    ("идти", "иду идет идем идут шел шла шло шли шедший идя"),
    (
        "йти",
        "йду йдет йдем йдут ду дет дем дут шел шла шло шли шедший йдя йден йдена йдено йдены \
         йденный",
    ),
    (
        "хотеть",
        "хочу хочешь хочет хотим хотите хотят хотел хотела хотело хотели",
    ),
    (
        "мочь",
        "могу можешь может можем можете могут мог могла могло могли",
    ),
    (
        "дать",
        "дам дашь даст дадим дадите дадут дал дала дало дали дан дана дано даны данный дав",
    ),
    (
        "взять",
        "возьму возьмет возьмут взял взяла взяли взят взятый",
    ),
    ("брать", "беру берет берут брал брала брали"),
    ("жить", "живу живет живут жил жила жили живущий"),
    (
        "чать",
        "чну чнет чнем чнут чал чала чало чали чат чата чато чатый",
    ),
    ("стать", "стану станет станем станут стал стала стало стали"),
    ("ждать", "жду ждет ждут ждал ждала ждали"),
    (
        "звать",
        "зову зовет зовут звал звала звали зван звана званный",
    ),
    (
        "везти",
        "везу везет везут вез везла везли везен везена везено везенный",
    ),
    (
        "вести",
        "веду ведет ведем ведут вел вела вело вели веден ведена ведено ведены веденный",
    ),
    (
        "нести",
        "несу несет несут нес несла несли несен несена несено несенный",
    ),
    ("расти", "расту растет растут рос росла росли"),
    ("влечь", "влеку влечет влекут влек влекла влекли влечен"),
    ("лечь", "лягу ляжет лягут лег легла легли"),
    ("сесть", "сяду сядет сядут сел села сели"),
    ("ехать", "еду едет едут ехал ехала ехали"),
    ("бежать", "бегу бежит бегут бежал бежала бежали"),
];

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
    let irregular = IRREGULAR
        .iter()
        .filter(|(ending, _)| lemma.ends_with(ending))
        .max_by_key(|(ending, _)| ending.len());
    if let Some((ending, table)) = irregular {
        let prefix = &lemma[..lemma.len() - ending.len()];
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
        return forms;
    }
    if let Some(stem) = lemma.strip_suffix("нуть") {
        append(
            &mut forms,
            stem,
            "ну нешь нет нем нете нут нул нула нуло нули нутый",
        );
        return forms;
    }
    let Some(stem) = lemma.strip_suffix("ть").filter(|s| s.chars().count() >= 2) else {
        return forms;
    };
    // First conjugation on the full stem (дела-ет, име-ет), second on the
    // stem without its vowel (держ-ит, смотр-ит, говор-ит); both are offered
    // to -ать and -еть verbs, which the spelling does not tell apart.
    append(
        &mut forms,
        stem,
        "ю ешь ет ем ете ют л ла ло ли ющий вший нный нная нные н на но ны я в",
    );
    let mut short = stem.to_owned();
    short.pop();
    append(
        &mut forms,
        &short,
        "у ю ишь ит им ите ят ат ящий ащий ил ила ило или ивший енный енная енные ен ена ено ены",
    );
    // Consonant mutations of the first person and the passive participle
    // (установ-ить → установл-ю, установл-енный; сказ-ать → скаж-ет).
    for mutated in mutations(&short) {
        append(
            &mut forms,
            &mutated,
            "у ю ет ут ешь ем енный енная енные ен ена ено ены",
        );
    }
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

/// Adds `stem` followed by each of the space-separated `endings`.
fn append(forms: &mut Vec<String>, stem: &str, endings: &str) {
    forms.extend(endings.split_whitespace().map(|e| format!("{stem}{e}")));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(lemma: &str, form: &str) -> bool {
        verbs(lemma).iter().any(|f| f == form)
    }

    #[test]
    fn regular_verbs_with_mutations_and_reflexives() {
        for (lemma, form) in [
            ("иметь", "имеет"),
            ("смотреть", "смотрит"),
            ("держать", "держит"),
            ("установить", "установленный"),
            ("сказать", "скажет"),
            ("использовать", "использует"),
            ("нуждаться", "нуждается"),
            ("наблюдать", "наблюдает"),
            ("двигаться", "двигалась"),
        ] {
            assert!(has(lemma, form), "{lemma} → {form}");
        }
    }

    #[test]
    fn irregular_verbs_and_their_prefixed_families() {
        for (lemma, form) in [
            ("быть", "будет"),
            ("найти", "найдено"),
            ("прийти", "придет"),
            ("хотеть", "хочет"),
            ("ввести", "введен"),
            ("привезти", "привезут"),
            ("начаться", "начнется"),
            ("создать", "создан"),
            ("помочь", "поможет"),
        ] {
            assert!(has(lemma, form), "{lemma} → {form}");
        }
    }
}
