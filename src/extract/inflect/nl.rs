//! Dutch conjugation: weak verbs by 't kofschip, strong verbs and their
//! compounds, participles with and without `ge-`.

use super::{compound, paradigm};

/// Dutch strong and irregular verbs: infinitive, then its present and
/// past forms and participle. Compounds (`beschrijven`, `opleveren`) take
/// the same forms after their prefix.
const STRONG: &[(&str, &str)] = &[
    ("zijn", "ben bent is was waren geweest zij zijt"),
    ("hebben", "heb hebt heeft had hadden gehad"),
    ("worden", "word wordt werd werden geworden"),
    ("kunnen", "kan kunt kon konden gekund"),
    ("zullen", "zal zult zou zouden"),
    ("moeten", "moet moest moesten gemoeten"),
    ("mogen", "mag mocht mochten gemogen gemocht"),
    ("willen", "wil wilt wilde wilden wou gewild"),
    ("gaan", "ga gaat ging gingen gegaan"),
    ("staan", "sta staat stond stonden gestaan"),
    ("slaan", "sla slaat sloeg sloegen geslagen"),
    ("doen", "doe doet deed deden gedaan"),
    ("zien", "zie ziet zag zagen gezien"),
    ("komen", "kom komt kwam kwamen gekomen"),
    ("nemen", "neem neemt nam namen genomen"),
    ("geven", "geef geeft gaf gaven gegeven"),
    ("houden", "houd houdt hield hielden gehouden"),
    ("vinden", "vind vindt vond vonden gevonden"),
    ("brengen", "breng brengt bracht brachten gebracht"),
    ("denken", "denk denkt dacht dachten gedacht"),
    ("zoeken", "zoek zoekt zocht zochten gezocht"),
    ("kopen", "koop koopt kocht kochten gekocht"),
    ("weten", "weet wist wisten geweten"),
    ("laten", "laat liet lieten gelaten"),
    ("liggen", "lig ligt lag lagen gelegen"),
    ("zitten", "zit zat zaten gezeten"),
    ("blijven", "blijf blijft bleef bleven gebleven"),
    ("schrijven", "schrijf schrijft schreef schreven geschreven"),
    ("drijven", "drijf drijft dreef dreven gedreven"),
    ("wijzen", "wijs wijst wees wezen gewezen"),
    ("prijzen", "prijs prijst prees prezen geprezen"),
    ("lijken", "lijk lijkt leek leken geleken"),
    ("kijken", "kijk kijkt keek keken gekeken"),
    ("blijken", "blijk blijkt bleek bleken gebleken"),
    ("wijken", "wijk wijkt week weken geweken"),
    ("rijden", "rijd rijdt reed reden gereden"),
    ("lijden", "lijd lijdt leed leden geleden"),
    ("snijden", "snijd snijdt sneed sneden gesneden"),
    ("mijden", "mijd mijdt meed meden gemeden"),
    ("grijpen", "grijp grijpt greep grepen gegrepen"),
    ("knijpen", "knijp knijpt kneep knepen geknepen"),
    ("stijgen", "stijg stijgt steeg stegen gestegen"),
    ("krijgen", "krijg krijgt kreeg kregen gekregen"),
    ("zwijgen", "zwijg zwijgt zweeg zwegen gezwegen"),
    ("slijten", "slijt sleet sleten gesleten"),
    ("bieden", "bied biedt bood boden geboden"),
    ("vliegen", "vlieg vliegt vloog vlogen gevlogen"),
    ("liegen", "lieg liegt loog logen gelogen"),
    ("buigen", "buig buigt boog bogen gebogen"),
    ("sluiten", "sluit sloot sloten gesloten"),
    ("schieten", "schiet schoot schoten geschoten"),
    ("gieten", "giet goot goten gegoten"),
    ("genieten", "geniet genoot genoten"),
    ("kiezen", "kies kiest koos kozen gekozen"),
    ("verliezen", "verlies verliest verloor verloren"),
    ("vriezen", "vries vriest vroor vroren gevroren"),
    ("schuiven", "schuif schuift schoof schoven geschoven"),
    ("zuigen", "zuig zuigt zoog zogen gezogen"),
    ("ruiken", "ruik ruikt rook roken geroken"),
    ("sluipen", "sluip sluipt sloop slopen geslopen"),
    ("kruipen", "kruip kruipt kroop kropen gekropen"),
    ("zuipen", "zuip zuipt zoop zopen gezopen"),
    ("binden", "bind bindt bond bonden gebonden"),
    ("winden", "wind windt wond wonden gewonden"),
    ("drinken", "drink drinkt dronk dronken gedronken"),
    ("klinken", "klink klinkt klonk klonken geklonken"),
    ("zinken", "zink zinkt zonk zonken gezonken"),
    ("stinken", "stink stinkt stonk stonken gestonken"),
    ("beginnen", "begin begint begon begonnen"),
    ("winnen", "win wint won wonnen gewonnen"),
    ("spinnen", "spin spint spon sponnen gesponnen"),
    ("zingen", "zing zingt zong zongen gezongen"),
    ("springen", "spring springt sprong sprongen gesprongen"),
    ("dringen", "dring dringt drong drongen gedrongen"),
    ("dwingen", "dwing dwingt dwong dwongen gedwongen"),
    ("schrikken", "schrik schrikt schrok schrokken geschrokken"),
    ("trekken", "trek trekt trok trokken getrokken"),
    ("vechten", "vecht vocht vochten gevochten"),
    ("zenden", "zend zendt zond zonden gezonden"),
    ("gelden", "geld geldt gold golden gegolden"),
    ("schelden", "scheld scheldt schold scholden gescholden"),
    ("smelten", "smelt smolt smolten gesmolten"),
    ("zwellen", "zwel zwelt zwol zwollen gezwollen"),
    ("helpen", "help helpt hielp hielpen geholpen"),
    ("werpen", "werp werpt wierp wierpen geworpen"),
    ("sterven", "sterf sterft stierf stierven gestorven"),
    ("werven", "werf werft wierf wierven geworven"),
    ("bederven", "bederf bederft bedierf bedierven bedorven"),
    ("breken", "breek breekt brak braken gebroken"),
    ("spreken", "spreek spreekt sprak spraken gesproken"),
    ("steken", "steek steekt stak staken gestoken"),
    ("stelen", "steel steelt stal stalen gestolen"),
    ("bevelen", "beveel beveelt beval bevalen bevolen"),
    ("dragen", "draag draagt droeg droegen gedragen"),
    ("vragen", "vraag vraagt vroeg vroegen gevraagd"),
    ("slapen", "slaap slaapt sliep sliepen geslapen"),
    ("lopen", "loop loopt liep liepen gelopen"),
    ("roepen", "roep roept riep riepen geroepen"),
    ("vallen", "val valt viel vielen gevallen"),
    ("hangen", "hang hangt hing hingen gehangen"),
    ("vangen", "vang vangt ving vingen gevangen"),
    ("lezen", "lees leest las lazen gelezen"),
    ("wegen", "weeg weegt woog wogen gewogen"),
    ("bewegen", "beweeg beweegt bewoog bewogen"),
    ("meten", "meet mat maten gemeten"),
    ("eten", "eet at aten gegeten"),
    ("vergeten", "vergeet vergat vergaten"),
    ("treden", "treed treedt trad traden getreden"),
    ("bidden", "bid bidt bad baden gebeden"),
    ("scheppen", "schep schept schiep schiepen geschapen"),
    ("scheiden", "scheid scheidt scheidde scheidden gescheiden"),
    ("wassen", "was wast waste wasten gewassen"),
    ("zwemmen", "zwem zwemt zwom zwommen gezwommen"),
    ("stoten", "stoot stootte stootten gestoten"),
    ("heten", "heet heette heetten geheten"),
    ("raden", "raad raadt ried rieden geraden"),
    ("laden", "laad laadt laadde laadden geladen"),
    ("malen", "maal maalt maalde maalden gemalen"),
    ("bakken", "bak bakt bakte bakten gebakken"),
    ("lachen", "lach lacht lachte lachten gelachen"),
    ("zeggen", "zeg zegt zei zeiden gezegd"),
    ("leggen", "leg legt legde legden gelegd"),
    ("kennen", "ken kent kende kenden gekend"),
];

/// Dutch prefixes that never take `ge-` in the participle
/// (`beschreven`, `ontwikkeld`, `verkregen`).
const INSEPARABLE: &[&str] = &["be", "ge", "her", "ver", "ont", "er"];

/// Separable prefixes: `ge-` goes after them (`opgeleverd`, `aangegeven`).
const SEPARABLE: &[&str] = &[
    "op", "aan", "af", "in", "uit", "toe", "mee", "voor", "na", "door", "over", "om", "bij",
    "terug", "vast", "weg",
];

/// The forms of a Dutch verb (see the module docs).
pub fn verbs(lemma: &str) -> Vec<String> {
    let strong = paradigm(STRONG, lemma, &[]).filter(|(prefix, ..)| is_prefix(prefix));
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
        || INSEPARABLE.contains(&prefix)
        || SEPARABLE.contains(&prefix)
        || ["onder", "achter", "tegen", "samen", "plaats", "weer", "mis"].contains(&prefix)
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
    let root = INSEPARABLE
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
    if !INSEPARABLE.iter().any(|p| lemma.starts_with(p)) {
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
    for split in SEPARABLE {
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
    use super::super::{assert_conjugates, conjugates};
    use super::*;

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
