//! Language tags: [`Lang`], a BCP 47 tag parsed, validated and
//! canonicalized once, wherever it comes from (command line, configuration,
//! a file's declaration), so everything after compares canonical tags.
//!
//! A tag is well-formed (RFC 5646 syntax, through the `language-tags`
//! crate) and valid: every subtag is in the IANA registry that crate
//! embeds, so `xx-notalang` is refused as well as `english`, `en US` and
//! `en-`. Only ISO 639 primary subtags (2–3 letters) are taken. `en_GB` is
//! accepted and written `en-GB`, since POSIX locales and many files spell
//! tags that way. Canonical case (RFC 5646 §2.1.1): the language lower
//! case, a script title case (`Hans`), a region upper case (`GB`).

use std::fmt;
use std::str::FromStr;

/// A valid, canonical BCP 47 language tag.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(String);

/// A string that is not a language tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidLang(pub String);

impl fmt::Display for InvalidLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a BCP 47 language tag (like `en`, `zh-Hans` or `fr-CA`)",
            self.0
        )
    }
}

impl std::error::Error for InvalidLang {}

impl Lang {
    /// Parses, validates and canonicalizes `tag` (surrounding white space
    /// ignored).
    pub fn parse(tag: &str) -> Result<Lang, InvalidLang> {
        let invalid = || InvalidLang(tag.to_owned());
        let dashed = tag.trim().replace('_', "-");
        // The structural check first: language_tags accepts 4–8-letter
        // primary subtags (reserved and registered ones), which would let
        // `english` reach the registry check with a confusing reason.
        let primary = dashed.split('-').next().unwrap_or_default();
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(invalid());
        }
        let parsed = language_tags::LanguageTag::parse(&dashed).map_err(|_| invalid())?;
        parsed.validate().map_err(|_| invalid())?;
        Ok(Lang(parsed.into_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag (`zh` of `zh-Hans-CN`), lower case.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl FromStr for Lang {
    type Err = InvalidLang;

    fn from_str(tag: &str) -> Result<Lang, InvalidLang> {
        Lang::parse(tag)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Compares with a tag as written, for tests and lookups: equal when the
/// string is this canonical tag.
impl PartialEq<str> for Lang {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Lang {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl AsRef<str> for Lang {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// The primary subtag of a language tag (`zh` of `zh-Hans-CN`).
/// Borrowed when it is lower case already (every canonical [`Lang`]), so
/// the lookups that run per term or per file do not allocate.
pub fn primary_subtag(tag: &str) -> std::borrow::Cow<'_, str> {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    if primary.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(primary.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(primary)
    }
}

/// The Snowball stemmer for a language tag, if there is one.
pub fn stemmer_for(lang: &str) -> Option<rust_stemmers::Algorithm> {
    use rust_stemmers::Algorithm;
    Some(match &*primary_subtag(lang) {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// How much of a text identification reads.
pub const IDENTIFY_HEAD: usize = 16 * 1024;

/// Where the language a file was checked in came from, in the order they
/// are tried (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageFrom {
    /// `--lang`, `--source-lang`, `--target-lang`.
    CommandLine,
    /// The file's own declaration (PO `Language`, XLIFF `srcLang`, HTML
    /// `lang`, Markdown front matter, …).
    Declared,
    /// `termalign.yaml`, for all files or for the file's path.
    Config,
    /// The format's convention (gettext: msgids are English; a resource
    /// file named after its locale, `fr.json`).
    Convention,
    /// Identified from the text.
    Identified,
    /// termalign's default.
    Default,
}

impl fmt::Display for LanguageFrom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LanguageFrom::CommandLine => "command line",
            LanguageFrom::Declared => "declared in the file",
            LanguageFrom::Config => "configuration",
            LanguageFrom::Convention => "the format's convention",
            LanguageFrom::Identified => "identified from the text",
            LanguageFrom::Default => "default",
        })
    }
}

/// A locale as resource files name them (`fr`, `pt-BR`, `zh_Hans`,
/// `es-419`, `sr-Latn-RS`): a two-letter language with an optional script
/// and region, nothing else, so that words such as `app` or `new`
/// (registered three-letter codes) are never taken for one.
pub fn resource_locale(s: &str) -> Option<Lang> {
    let mut parts = s.split(['-', '_']);
    let language = parts.next()?;
    if language.len() != 2 || !language.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let rest: Vec<&str> = parts.collect();
    let well_formed = rest.len() <= 2
        && rest.iter().all(|p| {
            (p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
                || (p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic()))
                || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
        });
    well_formed.then(|| Lang::parse(s).ok()).flatten()
}

/// The locale a resource file's path names by the i18n conventions of its
/// ecosystem: the file name (`fr.json`, `pt-BR.yml`, `messages_fr.properties`,
/// `strings_zh_CN.xml`) or a directory (`fr/`, `locales/fr-FR/`,
/// `fr.lproj/`, Android `values-fr-rCA/`), each a [`resource_locale`].
pub fn from_resource_path(path: &std::path::Path) -> Option<Lang> {
    let stem = path.file_stem()?.to_str()?;
    if let Some(lang) = resource_locale(stem) {
        return Some(lang);
    }
    // `messages_fr`, `strings_zh_CN`, `app.fr` (a suffix after the base
    // name: the last `_`/`.` part, or the last two for a region).
    for separator in ['_', '.'] {
        let parts: Vec<&str> = stem.split(separator).collect();
        for take in [2, 1] {
            if parts.len() > take {
                let suffix = parts[parts.len() - take..].join("-");
                if let Some(lang) = resource_locale(&suffix) {
                    return Some(lang);
                }
            }
        }
    }
    let dir = path.parent()?.file_name()?.to_str()?;
    let dir = dir.strip_suffix(".lproj").unwrap_or(dir);
    if let Some(android) = dir.strip_prefix("values-") {
        // `values-fr-rCA`: the region is written with an `r`.
        let tag = android.replacen("-r", "-", 1);
        return resource_locale(&tag);
    }
    resource_locale(dir)
}

/// The language a file was checked in, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenLanguage {
    pub tag: String,
    pub from: LanguageFrom,
}

impl ChosenLanguage {
    pub fn new(tag: impl Into<String>, from: LanguageFrom) -> Self {
        ChosenLanguage {
            tag: tag.into(),
            from,
        }
    }
}
/// The languages one file was checked in (SPEC §5): `language` is the
/// checked text's (a bilingual file's target), `source` a bilingual file's
/// source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLanguage {
    pub path: std::path::PathBuf,
    pub language: ChosenLanguage,
    pub source: Option<ChosenLanguage>,
}

/// The language of `text` by statistical identification (whatlang), when
/// the identification is reliable and the language has an ISO 639-1 code
/// termalign knows; else `None`. The last resort of SPEC §2's order, for a
/// file nothing declares a language for.
pub fn identify(text: &str) -> Option<Lang> {
    // A few thousand characters decide as well as a whole file.
    let info = whatlang::detect(crate::span::head(text, IDENTIFY_HEAD))?;
    if !info.is_reliable() {
        return None;
    }
    use whatlang::Lang as W;
    let code = match info.lang() {
        W::Cmn => "zh",
        W::Eng => "en",
        W::Fra => "fr",
        W::Deu => "de",
        W::Spa => "es",
        W::Rus => "ru",
        W::Ara => "ar",
        W::Nld => "nl",
        W::Por => "pt",
        W::Ita => "it",
        W::Jpn => "ja",
        W::Kor => "ko",
        _ => return None,
    };
    Lang::parse(code).ok()
}

/// The English plural of a noun (`spokesman` → `spokesmen`, `policy` →
/// `policies`, `train` → `trains`).
pub fn english_plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("man") {
        return format!("{stem}men");
    }
    let consonant_y =
        word.ends_with('y') && !word[..word.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        format!("{}ies", &word[..word.len() - 1])
    } else if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn resource_paths_name_their_locale() {
        let cases: &[(&str, Option<&str>)] = &[
            ("locales/fr.json", Some("fr")),
            ("i18n/pt_BR.json", Some("pt-BR")),
            ("config/locales/zh-Hans.yml", Some("zh-Hans")),
            ("src/main/resources/messages_fr.properties", Some("fr")),
            ("messages_zh_CN.properties", Some("zh-CN")),
            ("app.de.json", Some("de")),
            ("public/locales/fr-FR/common.json", Some("fr-FR")),
            ("fr.lproj/Localizable.strings", Some("fr")),
            ("pt-BR.lproj/Localizable.stringsdict", Some("pt-BR")),
            ("Base.lproj/Localizable.stringsdict", None),
            ("res/values-fr-rCA/strings.xml", Some("fr-CA")),
            ("res/values/strings.xml", None),
            ("Properties/Resources.fr-FR.resx", Some("fr-FR")),
            ("Strings.zh-Hans.resx", Some("zh-Hans")),
            ("Resources.de.resx", Some("de")),
            ("Properties/Resources.resx", None),
            ("messages.properties", None),
            ("app/new.json", None),
            ("src/app.json", None),
            ("data/en_translation.json", None),
            ("xx.json", None),
        ];
        for (path, want) in cases {
            let got = from_resource_path(std::path::Path::new(path)).map(Lang::into_string);
            assert_eq!(got.as_deref(), *want, "{path}");
        }
    }

    use super::*;

    #[test]
    fn valid_tags_are_canonical() {
        for (tag, canonical) in [
            ("en", "en"),
            ("EN", "en"),
            ("en_GB", "en-GB"),
            ("en-us", "en-US"),
            ("zh-hans", "zh-Hans"),
            ("zh-Hant-TW", "zh-Hant-TW"),
            ("zh_hant_tw", "zh-Hant-TW"),
            ("fr-CA", "fr-CA"),
            ("es-419", "es-419"),
            ("yue", "yue"),
            ("sr-Latn-RS", "sr-Latn-RS"),
            ("de-CH-1996", "de-CH-1996"),
            (" fr ", "fr"),
        ] {
            let lang = Lang::parse(tag).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(lang.as_str(), canonical, "{tag}");
        }
        assert_eq!(Lang::parse("zh-Hans-CN").unwrap().primary(), "zh");
    }

    #[test]
    fn identification_is_reliable_or_silent() {
        let zh = "国务院新闻办公室今天举行新闻发布会，介绍西藏自治区经济社会发展情况。";
        assert_eq!(identify(zh).map(Lang::into_string).as_deref(), Some("zh"));
        let fr = "La Chine et l'Union européenne ont tenu leur dialogue sur les droits de l'homme à Bruxelles cette semaine.";
        assert_eq!(identify(fr).map(Lang::into_string).as_deref(), Some("fr"));
        assert_eq!(identify("Macau"), None, "too short to tell");
        assert_eq!(identify(""), None);
    }

    #[test]
    fn invalid_tags_are_refused() {
        for bad in [
            "",
            "e",
            "english",
            "en US",
            "english language",
            "en-",
            "-en",
            "中文",
            "en-toolongsubtag",
            "xx-notalang",
            "e1",
        ] {
            let err = Lang::parse(bad).expect_err(bad);
            assert!(err.to_string().contains("is not a BCP 47 language tag"));
        }
    }
}
