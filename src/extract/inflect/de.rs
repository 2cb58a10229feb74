//! German conjugation: weak verbs with their `ge-…-t` participles (also
//! after a separable prefix: `aufgebaut`, and the `zu` infinitive
//! `aufzubauen`; with and without `ge-`, since the spelling does not show
//! an inseparable prefix or an `-ieren` verb), strong and mixed verbs by
//! table and their compounds (`beschreiben`: beschrieb, beschrieben), and
//! participles declined as adjectives (`gebaute`).

use super::{append, compound, paradigm};

/// Strong, mixed and modal verbs: infinitive, then the forms the Snowball
/// stemmer does not fold onto it (vowel changes, past, participle).
/// Compounds (`enthalten`, `übertragen`) take the same forms after their
/// prefix.
const STRONG: &[(&str, &str)] = &[
    (
        "sein",
        "bin bist ist sind seid war warst waren wart gewesen sei seien wäre wären",
    ),
    (
        "haben",
        "habe hast hat habt hatte hatten gehabt hätte hätten",
    ),
    (
        "werden",
        "werde wirst wird werdet wurde wurden geworden worden würde würden",
    ),
    (
        "können",
        "kann kannst konnte konnten gekonnt könnte könnten",
    ),
    ("müssen", "muss musst musste mussten gemusst müsste müssten"),
    ("sollen", "soll sollst sollte sollten gesollt"),
    ("wollen", "will willst wollte wollten gewollt"),
    (
        "dürfen",
        "darf darfst durfte durften gedurft dürfte dürften",
    ),
    ("mögen", "mag magst mochte mochten gemocht möchte möchten"),
    ("wissen", "weiß weißt wusste wussten gewusst"),
    ("tun", "tue tust tut tat taten getan"),
    ("geben", "gibt gibst gab gaben gegeben"),
    ("nehmen", "nimmt nimmst nahm nahmen genommen"),
    ("sehen", "sieht siehst sah sahen gesehen"),
    ("lesen", "liest las lasen gelesen"),
    ("sprechen", "spricht sprichst sprach sprachen gesprochen"),
    ("treffen", "trifft traf trafen getroffen"),
    ("helfen", "hilft half halfen geholfen"),
    ("werfen", "wirft warf warfen geworfen"),
    ("sterben", "stirbt starb starben gestorben"),
    ("brechen", "bricht brach brachen gebrochen"),
    ("essen", "isst aß aßen gegessen"),
    ("vergessen", "vergisst vergaß vergaßen vergessen"),
    ("messen", "misst maß maßen gemessen"),
    ("fahren", "fährt fuhr fuhren gefahren"),
    ("tragen", "trägt trug trugen getragen"),
    ("schlagen", "schlägt schlug schlugen geschlagen"),
    ("laden", "lädt lud luden geladen"),
    ("wachsen", "wächst wuchs wuchsen gewachsen"),
    ("waschen", "wäscht wusch wuschen gewaschen"),
    ("graben", "gräbt grub gruben gegraben"),
    ("schaffen", "schuf schufen geschaffen"),
    ("halten", "hält hielt hielten gehalten"),
    ("lassen", "lässt ließ ließen gelassen"),
    ("fallen", "fällt fiel fielen gefallen"),
    ("laufen", "läuft lief liefen gelaufen"),
    ("rufen", "rief riefen gerufen"),
    ("schlafen", "schläft schlief schliefen geschlafen"),
    ("stoßen", "stößt stieß stießen gestoßen"),
    ("fangen", "fängt fing fingen gefangen"),
    ("hängen", "hing hingen gehangen"),
    ("heißen", "hieß hießen geheißen"),
    ("gehen", "ging gingen gegangen"),
    ("stehen", "stand standen gestanden"),
    ("kommen", "kam kamen gekommen"),
    ("finden", "fand fanden gefunden"),
    ("binden", "band banden gebunden"),
    ("singen", "sang sangen gesungen"),
    ("trinken", "trank tranken getrunken"),
    ("sinken", "sank sanken gesunken"),
    ("springen", "sprang sprangen gesprungen"),
    ("zwingen", "zwang zwangen gezwungen"),
    ("dringen", "drang drangen gedrungen"),
    ("klingen", "klang klangen geklungen"),
    ("gewinnen", "gewann gewannen gewonnen"),
    ("beginnen", "begann begannen begonnen"),
    ("schwimmen", "schwamm schwammen geschwommen"),
    ("bleiben", "blieb blieben geblieben"),
    ("schreiben", "schrieb schrieben geschrieben"),
    ("treiben", "trieb trieben getrieben"),
    ("steigen", "stieg stiegen gestiegen"),
    ("scheinen", "schien schienen geschienen"),
    ("schweigen", "schwieg schwiegen geschwiegen"),
    ("leiden", "litt litten gelitten"),
    ("schneiden", "schnitt schnitten geschnitten"),
    ("greifen", "griff griffen gegriffen"),
    ("reißen", "riss rissen gerissen"),
    ("weisen", "wies wiesen gewiesen"),
    ("preisen", "pries priesen gepriesen"),
    ("meiden", "mied mieden gemieden"),
    ("scheiden", "schied schieden geschieden"),
    ("leihen", "lieh liehen geliehen"),
    ("schreien", "schrie schrien geschrien"),
    ("gleichen", "glich glichen geglichen"),
    ("streichen", "strich strichen gestrichen"),
    ("weichen", "wich wichen gewichen"),
    ("reiten", "ritt ritten geritten"),
    ("streiten", "stritt stritten gestritten"),
    ("liegen", "lag lagen gelegen"),
    ("sitzen", "saß saßen gesessen"),
    ("bitten", "bat baten gebeten"),
    ("ziehen", "zog zogen gezogen"),
    ("fliegen", "flog flogen geflogen"),
    ("biegen", "bog bogen gebogen"),
    ("wiegen", "wog wogen gewogen"),
    ("lügen", "log logen gelogen"),
    ("fließen", "floss flossen geflossen"),
    ("schließen", "schloss schlossen geschlossen"),
    ("schießen", "schoss schossen geschossen"),
    ("gießen", "goss gossen gegossen"),
    ("genießen", "genoss genossen"),
    ("bieten", "bot boten geboten"),
    ("verlieren", "verlor verloren"),
    ("frieren", "fror froren gefroren"),
    ("heben", "hob hoben gehoben"),
    ("schieben", "schob schoben geschoben"),
    ("riechen", "roch rochen gerochen"),
    ("schmelzen", "schmilzt schmolz schmolzen geschmolzen"),
    ("gelten", "gilt galt galten gegolten"),
    ("treten", "tritt trat traten getreten"),
    ("stehlen", "stiehlt stahl stahlen gestohlen"),
    ("empfehlen", "empfiehlt empfahl empfahlen empfohlen"),
    ("befehlen", "befiehlt befahl befahlen befohlen"),
    ("werben", "wirbt warb warben geworben"),
    ("verderben", "verdirbt verdarb verdarben verdorben"),
    ("bergen", "birgt barg bargen geborgen"),
    ("bringen", "brachte brachten gebracht"),
    ("denken", "dachte dachten gedacht"),
    ("kennen", "kannte kannten gekannt"),
    ("nennen", "nannte nannten genannt"),
    ("brennen", "brannte brannten gebrannt"),
    ("rennen", "rannte rannten gerannt"),
    ("senden", "sandte sandten gesandt"),
    ("wenden", "wandte wandten gewandt"),
];

/// Prefixes that take no `ge-` in the participle (`beschrieben`,
/// `verwendet`, `erhalten`).
const INSEPARABLE: &[&str] = &["be", "ge", "er", "ver", "zer", "ent", "emp", "miss"];

/// Separable prefixes: `ge-` and `zu` go between prefix and verb
/// (`aufgebaut`, `anzuwenden`).
const SEPARABLE: &[&str] = &[
    "ab", "an", "auf", "aus", "bei", "dar", "durch", "ein", "fest", "fort", "her", "heraus", "hin",
    "hinzu", "los", "mit", "nach", "statt", "teil", "um", "vor", "voran", "vorbei", "weg",
    "weiter", "wieder", "zu", "zurück", "zusammen", "über", "unter",
];

/// The forms of a German verb (see the module docs).
pub fn verbs(lemma: &str) -> Vec<String> {
    let mut forms = strong(lemma);
    let stem = lemma
        .strip_suffix("en")
        .or_else(|| lemma.strip_suffix("ern").map(|_| &lemma[..lemma.len() - 1]))
        .or_else(|| lemma.strip_suffix("eln").map(|_| &lemma[..lemma.len() - 1]))
        .filter(|s| s.chars().count() >= 2);
    if let Some(stem) = stem {
        // A stem ending in d or t (or a consonant before m, n) keeps an e
        // before the t of the endings: arbeit-et, arbeit-ete, ge-arbeit-et.
        let t = if needs_e(stem) { "et" } else { "t" };
        append(&mut forms, stem, "e st est en");
        for ending in ["", "e", "est", "en", "et"] {
            forms.push(format!("{stem}{t}{ending}"));
        }
        let mut participles = vec![format!("ge{stem}{t}"), format!("{stem}{t}")];
        for prefix in SEPARABLE {
            if let Some(rest) = lemma
                .strip_prefix(prefix)
                .filter(|r| r.chars().count() >= 4)
            {
                participles.push(format!("{prefix}ge{}{t}", &stem[prefix.len()..]));
                forms.push(format!("{prefix}zu{rest}"));
            }
        }
        forms.extend(participles);
    }
    if !forms.is_empty() {
        // Present participles: steigend.
        forms.push(format!("{lemma}d"));
    }
    // Participles are adjectives too, and decline: gebaute, angetriebenen,
    // steigende.
    let declined: Vec<String> = forms
        .iter()
        .filter(|f| f.ends_with('t') || f.ends_with("en") || f.ends_with("nd"))
        .flat_map(|f| ["e", "en", "er", "es", "em"].map(|e| format!("{f}{e}")))
        .collect();
    forms.extend(declined);
    forms
}

/// Whether the endings of `stem` take a linking e (arbeit-et, rechn-et).
fn needs_e(stem: &str) -> bool {
    let mut rev = stem.chars().rev();
    match (rev.next(), rev.next()) {
        (Some('d' | 't'), _) => true,
        (Some('m' | 'n'), Some(c)) => !"aeiouäöülrhm".contains(c),
        _ => false,
    }
}

/// The table forms of a strong verb or of a compound of one (see
/// [`compound`]). Only a real prefix counts: `verlieren` is no compound of
/// `lieren`.
fn strong(lemma: &str) -> Vec<String> {
    let Some((prefix, verb, forms)) = paradigm(STRONG, lemma, &[]) else {
        return Vec::new();
    };
    let known = |p: &str| INSEPARABLE.contains(&p) || SEPARABLE.contains(&p);
    let is_compound = prefix.is_empty()
        || known(prefix)
        || (1..prefix.len())
            .any(|i| prefix.is_char_boundary(i) && known(&prefix[..i]) && known(&prefix[i..]));
    if !is_compound {
        return Vec::new();
    }
    let mut out: Vec<String> = forms
        .split_whitespace()
        .flat_map(|form| compound(prefix, form))
        .collect();
    if !prefix.is_empty() && !INSEPARABLE.iter().any(|p| prefix.ends_with(p)) {
        out.push(format!("{prefix}zu{verb}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{assert_conjugates, conjugates};
    use super::*;

    #[test]
    fn weak_verbs_and_their_participles() {
        assert_conjugates(
            verbs,
            &[
                ("machen", "gemacht"),
                ("machen", "macht"),
                ("arbeiten", "arbeitet"),
                ("arbeiten", "gearbeitet"),
                ("ändern", "geändert"),
                ("installieren", "installiert"),
                ("verwenden", "verwendet"),
                ("aufbauen", "aufgebaut"),
                ("aufbauen", "aufzubauen"),
                ("darstellen", "dargestellt"),
                ("sammeln", "gesammelt"),
                ("bauen", "gebaute"),
                ("steigen", "steigende"),
                ("antreiben", "angetriebenen"),
            ],
        );
    }

    #[test]
    fn strong_verbs_and_their_compounds() {
        assert_conjugates(
            verbs,
            &[
                ("sein", "ist"),
                ("werden", "wurde"),
                ("geben", "gibt"),
                ("beschreiben", "beschrieben"),
                ("enthalten", "enthält"),
                ("übertragen", "überträgt"),
                ("antreiben", "angetrieben"),
                ("entsprechen", "entspricht"),
                ("vergleichen", "verglichen"),
                ("stattfinden", "stattgefunden"),
                ("anwenden", "anzuwenden"),
            ],
        );
        // The longest table verb wins: `vergessen` is not `ver-essen`.
        assert!(!conjugates(verbs, "vergessen", "vergegessen"));
        // A table verb's ending is no compound without a real prefix.
        assert!(!conjugates(verbs, "kleiden", "klitten"));
        assert!(!conjugates(verbs, "pressen", "prisst"));
        assert!(conjugates(verbs, "kleiden", "gekleidet"));
    }
}
