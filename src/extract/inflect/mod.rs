//! Conjugated verb forms for the lemmas of the hand-written common-word lists.
//!
//! The hand-written general-language lists (`data/common/*.txt`) name base
//! forms only and are matched by Snowball stem. The stemmers fold
//! plurals and most regular endings onto the lemma's stem, but not a verb
//! whose stem changes when it is conjugated: `permet` (permettre), `doit`
//! (devoir), `obtenus` (obtenir), `wordt` (worden), `beschreven`
//! (beschrijven), `gemacht` (machen), `muestra` (mostrar), `имеет` (иметь). Unlisted, such a verb looked like a word general language
//! never uses, the rarest and so most term-like word there is, and pulled
//! phrases like `stockage permet` up the ranking. [`verb_forms`] writes out
//! the forms so the reference list can file each under its lemma's rank.
//!
//! French, Dutch, German, Spanish and Russian have rules; English and
//! Chinese have counted lists with every form.
//!
//! The rules are deliberately generous: a lemma that only looks like a verb
//! (French `premier`, Dutch `teken`) yields a few strings no text contains,
//! which costs nothing, while a missed form costs a false candidate.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_languages_have_no_rules() {
        assert!(verb_forms(Language::En, "run").is_empty());
        assert!(verb_forms(Language::Zh, "做").is_empty());
    }
}
