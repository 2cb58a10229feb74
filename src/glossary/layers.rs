//! Layered glossaries: several glossaries loaded together in a stated
//! priority, and what happens when two of them claim the same term.
//!
//! A [`GlossarySet`] holds its glossaries in priority order, highest
//! first: the glossaries named on the command line (in the order given),
//! then those of the configuration file (in its order), then the built-in
//! ones (see `session::load_glossaries`). When a term of one glossary is
//! also a term of another glossary's concept (equal after NFKC and case
//! folding, SPEC §1, its text or one of its `forms`), the higher-priority
//! glossary wins: the other term's spelling is *shadowed*
//! ([`GlossarySet::shadowed`]), never matched in text though its concept
//! keeps it, and the command line says so, naming both ([`describe`]). A client glossary that makes `mouse` a
//! computer part thus overrides a general one where it is an animal,
//! instead of failing the run.
//!
//! Within one glossary, the same term may name several concepts (a
//! homonym): both stay matchable, and the matcher reports every candidate
//! of an occurrence (`Occurrence::also`), the one with the strictest status
//! first, so that a check can say where the candidates disagree.

use std::collections::HashMap;

use super::model::*;
use crate::text::{fold_str, Fold};

/// Records in [`GlossarySet::shadowed`] every spelling that a
/// higher-priority glossary claims. The set's glossaries must be in
/// priority order.
pub(super) fn resolve(set: &mut GlossarySet) {
    // Per language and spelling, the first (highest-priority) glossary's
    // first term that has it.
    let mut claimed: HashMap<(String, String), TermId> = HashMap::new();
    let mut shadowed: Vec<Shadowing> = Vec::new();
    for id in set.term_ids() {
        let term = set.term(id);
        let glossary = set.concept(term.concept).glossary;
        for written in std::iter::once(&term.text).chain(&term.forms) {
            let key = (
                term.language.to_ascii_lowercase(),
                fold_str(written, Fold::CASE_ONLY),
            );
            if key.1.is_empty() {
                continue;
            }
            match claimed.get(&key) {
                Some(&owner) if set.concept_of(owner).glossary != glossary => {
                    shadowed.push(Shadowing {
                        shadowed: id,
                        written: written.clone(),
                        by: owner,
                    });
                }
                Some(_) => {}
                None => {
                    claimed.insert(key, id);
                }
            }
        }
    }
    shadowed.sort();
    set.shadowed = shadowed;
}

/// What `s` means, in a sentence naming both terms, their concepts and
/// where they are defined.
pub fn describe(set: &GlossarySet, s: &Shadowing) -> String {
    let (lost, won) = (set.term(s.shadowed), set.term(s.by));
    let place = |t: &Term| format!("{}:{}", t.origin.path.display(), t.origin.line);
    format!(
        "`{}` of `{}` ({}) is also a term of `{}` ({}), whose glossary has priority: it is matched as `{}` only",
        s.written,
        set.concept(lost.concept).key,
        place(lost),
        set.concept(won.concept).key,
        place(won),
        set.concept(won.concept).key,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{load_set, GlossarySource};

    fn source(name: &str, text: &str) -> GlossarySource {
        GlossarySource {
            path: format!("{name}.yaml").into(),
            text: text.to_owned(),
        }
    }

    const CLIENT: &str = "glossary: client\nconcepts:\n  - id: pointer\n    terms:\n      en: [mouse]\n      fr: [souris]\n";
    const GENERAL: &str = "glossary: general\nconcepts:\n  - id: rodent\n    terms:\n      en:\n        - term: mouse\n          forms: [mice]\n      fr: [souris]\n  - id: cat\n    terms:\n      en: [cat]\n";

    #[test]
    fn the_higher_priority_glossary_keeps_a_shared_term() {
        let set = load_set(&[source("client", CLIENT), source("general", GENERAL)]).unwrap();
        let found = &set.shadowed;
        let named: Vec<(String, String, String)> = found
            .iter()
            .map(|s| {
                (
                    s.written.clone(),
                    set.concept_of(s.shadowed).key.clone(),
                    set.concept_of(s.by).key.clone(),
                )
            })
            .collect();
        assert_eq!(
            named,
            [
                (
                    "mouse".to_owned(),
                    "general/rodent".to_owned(),
                    "client/pointer".to_owned()
                ),
                (
                    "souris".to_owned(),
                    "general/rodent".to_owned(),
                    "client/pointer".to_owned()
                ),
            ]
        );
        let message = describe(&set, &found[0]);
        assert!(
            message.starts_with("`mouse` of `general/rodent` (general.yaml:6) is also a term of `client/pointer` (client.yaml:5)"),
            "{message}"
        );
        // Reversed priority, reversed outcome.
        let set = load_set(&[source("general", GENERAL), source("client", CLIENT)]).unwrap();
        let found = &set.shadowed;
        assert_eq!(found.len(), 2);
        assert!(found
            .iter()
            .all(|s| set.concept_of(s.shadowed).key == "client/pointer"));
    }

    #[test]
    fn homonyms_within_one_glossary_are_not_shadowed() {
        let one = "glossary: places\nconcepts:\n  - id: georgia-country\n    terms:\n      en: [Georgia]\n  - id: georgia-state\n    terms:\n      en: [Georgia]\n";
        let set = load_set(&[source("places", one)]).unwrap();
        assert!(set.shadowed.is_empty());
    }

    #[test]
    fn a_form_claimed_elsewhere_shadows_that_form_only() {
        let zoo = "glossary: zoo\nconcepts:\n  - id: mice\n    terms:\n      en: [Mice]\n";
        let set = load_set(&[source("zoo", zoo), source("general", GENERAL)]).unwrap();
        let found = &set.shadowed;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].written, "mice");
        assert_eq!(set.term(found[0].shadowed).text, "mouse");
        assert_eq!(set.term(found[0].by).text, "Mice");
        assert!(set.is_shadowed(found[0].shadowed, "mice"));
        assert!(!set.is_shadowed(found[0].shadowed, "mouse"));
    }
}
