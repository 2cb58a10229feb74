//! Dutch conjugation: weak verbs by 't kofschip, strong verbs and their
//! compounds, participles with and without `ge-`.

use std::sync::LazyLock;

use super::super::data_file::expect_valid;
use super::super::tokenize::Language;
use super::{compound, data_file, paradigm};

/// The tables of data/inflect/nl.txt, parsed on first use.
static TABLES: LazyLock<Tables> = LazyLock::new(|| expect_valid(Tables::parse()));

struct Tables {
    /// Strong and irregular verbs: infinitive, then its present and past
    /// forms and participle. Compounds (`beschrijven`, `opleveren`) take
    /// the same forms after their prefix.
    strong: Vec<(&'static str, &'static str)>,
    /// Prefixes that never take `ge-` in the participle (`beschreven`).
    inseparable: Vec<&'static str>,
    /// Separable prefixes: `ge-` goes after them (`opgeleverd`).
    separable: Vec<&'static str>,
    /// Further prefixes compounds of a strong verb are made with.
    other_compound_prefixes: Vec<&'static str>,
}

impl Tables {
    fn parse() -> Result<Tables, String> {
        let file = data_file(Language::Nl)?;
        Ok(Tables {
            strong: file.table("strong")?,
            inseparable: file.words("inseparable")?,
            separable: file.words("separable")?,
            other_compound_prefixes: file.words("other-compound-prefixes")?,
        })
    }
}

/// The forms of a Dutch verb (see the module docs).
pub fn verbs(lemma: &str) -> Vec<String> {
    let strong = paradigm(&TABLES.strong, lemma, &[]).filter(|(prefix, ..)| is_prefix(prefix));
    let mut forms = Vec::new();
    if let Some((prefix, _, table)) = strong {
        for form in table.split_whitespace() {
            forms.extend(compound(prefix, form));
        }
    } else {
        for stem in stems_of(lemma) {
            forms.extend(weak(lemma, &stem));
        }
    }
    if !forms.is_empty() {
        // The present participle, also an adjective: `stijgende`.
        forms.push(format!("{lemma}d"));
        forms.push(format!("{lemma}de"));
    }
    forms
}

/// Whether a strong verb's table applies after `prefix`: none, or a
/// prefix compounds are made with (`be-schrijven`, `aan-geven`), not the
/// start of another verb (`ge-b-ruiken` is no compound of `ruiken`).
fn is_prefix(prefix: &str) -> bool {
    prefix.is_empty()
        || TABLES.inseparable.contains(&prefix)
        || TABLES.separable.contains(&prefix)
        || TABLES.other_compound_prefixes.contains(&prefix)
}

/// The forms of a weak verb with present-tense stem `stem`.
fn weak(lemma: &str, stem: &str) -> Vec<String> {
    // 't kofschip: a stem ending in a voiceless consonant takes -te, -t;
    // the others -de, -d (judged on the infinitive: leven → leefde).
    let before_en = lemma[..lemma.len() - 2].chars().last().unwrap_or('a');
    let voiceless = "tkfscpx".contains(before_en) || lemma.ends_with("chen");
    let (past, participle_end) = if voiceless { ("te", "t") } else { ("de", "d") };
    let participle = if stem.ends_with(participle_end) {
        stem.to_owned()
    } else {
        format!("{stem}{participle_end}")
    };
    let mut forms = vec![
        stem.to_owned(),
        if stem.ends_with('t') {
            stem.to_owned()
        } else {
            format!("{stem}t")
        },
        format!("{stem}{past}"),
        format!("{stem}{past}n"),
    ];
    for participle in participles(lemma, &participle) {
        // Participles are also adjectives: `de geleverde stroom`.
        forms.push(format!("{participle}e"));
        forms.push(participle);
    }
    forms
}

/// The present-tense stems of a regular Dutch infinitive: `maken` → `maak`,
/// `zetten` → `zet`, `leven` → `leef`, `reizen` → `reis`; `installeren` →
/// `installer` and `installeer` (see below).
fn stems_of(lemma: &str) -> Vec<String> {
    let Some(base) = lemma.strip_suffix("en") else {
        return Vec::new();
    };
    let chars: Vec<char> = base.chars().collect();
    if chars.len() < 2 {
        return Vec::new();
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let n = chars.len();
    let last = chars[n - 1];
    let mut stems = vec![chars.clone()];
    if last == chars[n - 2] && !vowel(last) {
        // Doubled consonant after a short vowel: zetten → zet.
        stems[0].pop();
    } else if !vowel(last)
        && vowel(chars[n - 2])
        && (n < 3 || !vowel(chars[n - 3]))
        && matches!(chars[n - 2], 'a' | 'e' | 'o' | 'u')
    {
        // A single vowel in an open syllable is long: maken → maak. An `e`
        // may instead be an unstressed schwa (leveren → lever), or stressed
        // after all (installeren → installeer): the spelling cannot tell,
        // so a schwa candidate keeps both readings.
        let mut long = chars.clone();
        long.insert(n - 1, chars[n - 2]);
        if chars[n - 2] == 'e' && unstressed_e(&chars) {
            stems.push(long);
        } else {
            stems[0] = long;
        }
    }
    stems
        .into_iter()
        .map(|mut stem| {
            match stem.last() {
                Some('v') => *stem.last_mut().unwrap_or(&mut 'v') = 'f',
                Some('z') => *stem.last_mut().unwrap_or(&mut 'z') = 's',
                _ => {}
            }
            stem.into_iter().collect()
        })
        .collect()
}

/// Whether the `e` before a base's last consonant is an unstressed schwa,
/// which stays short: `lever(en)`, `ontwikkel(en)`, `teken(en)` — a vowel
/// earlier in the base, not counting an inseparable prefix (`beheer`,
/// `verleer`).
fn unstressed_e(base: &[char]) -> bool {
    let text: String = base.iter().collect();
    let root = TABLES
        .inseparable
        .iter()
        .filter_map(|p| text.strip_prefix(p))
        .filter(|rest| rest.chars().count() >= 3)
        .max_by_key(|rest| std::cmp::Reverse(rest.len()))
        .unwrap_or(&text);
    let chars: Vec<char> = root.chars().collect();
    let n = chars.len();
    n >= 3 && chars[..n - 3].iter().any(|&c| "aeiouy".contains(c))
}

/// A participle with and without `ge-`, and the `ge-` placed after a
/// separable prefix (`opleveren` → `opgeleverd`), whichever applies: the
/// rules cannot tell a separable prefix from the start of a stem, so all
/// readings are offered.
fn participles(lemma: &str, participle: &str) -> Vec<String> {
    let mut out = vec![participle.to_owned()];
    if !TABLES.inseparable.iter().any(|p| lemma.starts_with(p)) {
        // ge- before e, i, u takes a diaeresis: geïnstalleerd, geëist.
        let mut chars = participle.chars();
        let marked = match chars.next() {
            Some('e') => Some('ë'),
            Some('i') => Some('ï'),
            Some('u') => Some('ü'),
            _ => None,
        };
        match marked {
            Some(c) => out.push(format!("ge{c}{}", chars.as_str())),
            None => out.push(format!("ge{participle}")),
        }
    }
    for split in &TABLES.separable {
        if let Some(rest) = participle.strip_prefix(split) {
            if rest.chars().count() >= 3 {
                out.push(format!("{split}ge{rest}"));
            }
        }
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
        assert!(!tables.other_compound_prefixes.is_empty());
    }

    #[test]
    fn dutch_weak_strong_and_compound_verbs() {
        assert_conjugates(
            verbs,
            &[
                ("worden", "wordt"),
                ("hebben", "heeft"),
                ("geven", "geeft"),
                ("beschrijven", "beschreven"),
                ("ontwikkelen", "ontwikkeld"),
                ("gebruiken", "gebruikt"),
                ("leveren", "levert"),
                ("leveren", "geleverd"),
                ("maken", "maakt"),
                ("maken", "gemaakt"),
                ("zetten", "zet"),
                ("leven", "leefde"),
                ("tonen", "toont"),
                ("opleveren", "opgeleverd"),
                ("zorgen", "zorgt"),
                ("gebruiken", "gebruikte"),
                ("installeren", "installeert"),
                ("installeren", "geïnstalleerd"),
                ("leveren", "leverde"),
                ("stijgen", "stijgende"),
            ],
        );
        // `gebruiken` is no compound of `ruiken`.
        assert!(!conjugates(verbs, "gebruiken", "gebroken"));
    }
}
