//! The built-in glossaries, embedded in the binary so that `termalign check`
//! works on a fresh machine with no configuration. Each file's `source` says
//! whose usage it records; users swap in their own with `--glossary` and
//! `--no-default-glossaries`.

use super::load::GlossarySource;

/// (file name, contents) of every built-in glossary.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "china-places.yaml",
        include_str!("../../glossaries/china-places.yaml"),
    ),
    (
        "diplomacy.yaml",
        include_str!("../../glossaries/diplomacy.yaml"),
    ),
    (
        "china-eu-diplomacy.yaml",
        include_str!("../../glossaries/china-eu-diplomacy.yaml"),
    ),
];

/// The built-in glossaries as sources, with paths `<built-in>/NAME`.
pub fn sources() -> Vec<GlossarySource> {
    BUILTIN
        .iter()
        .map(|(name, text)| GlossarySource {
            path: format!("<built-in>/{name}").into(),
            text: (*text).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_glossaries_load_and_are_large_enough() {
        let set = super::super::load_set(&sources()).unwrap_or_else(|errors| {
            let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("built-in glossaries do not validate:\n{}", lines.join("\n"))
        });
        assert!(set.concepts.len() >= 150, "{} concepts", set.concepts.len());
        for g in &set.glossaries {
            assert!(
                g.source.as_deref().is_some_and(|s| !s.is_empty()),
                "{} has no source",
                g.id
            );
        }
        for c in set.concept_ids() {
            for lang in ["en", "zh", "fr"] {
                assert!(
                    !set.terms_for(c, lang).is_empty(),
                    "{} has no {lang} term",
                    set.concept(c).key
                );
            }
        }
    }
}
