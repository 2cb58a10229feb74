//! Conjugated verb forms for the lemmas of the hand-written common-word lists.
//!
//! The French and Dutch general-language lists (`data/common/*.txt`) name
//! base forms only and are matched by Snowball stem. The stemmers fold
//! plurals and most regular endings onto the lemma's stem, but not a verb
//! whose stem changes when it is conjugated: `permet` (permettre), `doit`
//! (devoir), `obtenus` (obtenir), `wordt` (worden), `beschreven`
//! (beschrijven). Unlisted, such a verb looked like a word general language
//! never uses, the rarest and so most term-like word there is, and pulled
//! phrases like `stockage permet` up the ranking. [`verb_forms`] writes out
//! the forms so the reference list can file each under its lemma's rank.
//!
//! The rules are deliberately generous: a lemma that only looks like a verb
//! (French `premier`, Dutch `teken`) yields a few strings no text contains,
//! which costs nothing, while a missed form costs a false candidate.

use super::tokenize::Language;

/// Every conjugated form of `lemma` (a lower-case infinitive) the rules of
/// `language` know, the lemma itself excluded; empty for other words and
/// other languages.
pub fn verb_forms(language: Language, lemma: &str) -> Vec<String> {
    let mut forms = match language {
        Language::Fr => french(lemma),
        Language::Nl => dutch(lemma),
        _ => Vec::new(),
    };
    forms.sort_unstable();
    forms.dedup();
    forms.retain(|f| f != lemma && !f.is_empty());
    forms
}

/// French verbs whose whole paradigm is irregular, by infinitive.
const FRENCH_WHOLE: &[(&str, &str)] = &[
    (
        "être",
        "suis es est sommes êtes sont étais était étions étiez étaient serai seras sera serons \
         serez seront serais serait serions seraient sois soit soyons soyez soient été étant fus \
         fut furent fût",
    ),
    (
        "avoir",
        "ai as a avons avez ont avais avait avions aviez avaient aurai auras aura aurons aurez \
         auront aurais aurait aurions auraient aie aies ait ayons ayez aient eu eue eus eues ayant \
         eut eurent eût",
    ),
    (
        "aller",
        "vais vas va allons allez vont allais allait allaient irai ira irons irez iront irais \
         irait iraient aille ailles aillent allé allée allés allées allant alla allèrent",
    ),
    (
        "pouvoir",
        "peux peut pouvons pouvez peuvent pouvais pouvait pouvions pouvaient pourrai pourra \
         pourrons pourrez pourront pourrais pourrait pourrions pourraient puisse puisses puissions \
         puissent pu pouvant put purent",
    ),
    (
        "vouloir",
        "veux veut voulons voulez veulent voulais voulait voulaient voudrai voudra voudront \
         voudrais voudrait voudraient veuille veuillent voulu voulue voulus voulant voulut",
    ),
    (
        "devoir",
        "dois doit devons devez doivent devais devait devions devaient devrai devra devrons devrez \
         devront devrais devrait devrions devraient doive doives dû due dus dues devant dut durent",
    ),
    (
        "savoir",
        "sais sait savons savez savent savais savait savaient saurai saura sauront saurais saurait \
         sauraient sache sachent su sue sus sachant sut",
    ),
    ("falloir", "faut fallait faudra faudrait faille fallu fallut"),
    ("pleuvoir", "pleut pleuvait pleuvra pleuve plu"),
    (
        "mourir",
        "meurs meurt mourons mourez meurent mourait mouraient mourra mourront mourrait meure mort \
         morte morts mortes mourant mourut",
    ),
    (
        "naître",
        "nais naît nait naissons naissent naissait naîtra né née nés nées naissant naquit \
         naquirent",
    ),
    ("fuir", "fuis fuit fuyons fuyez fuient fuyait fuira fui fuie fuyant"),
];

/// Irregular French endings shared by a family of verbs (`mettre`:
/// permettre, soumettre, transmettre…): the infinitive's ending and what
/// replaces it. The longest matching ending wins.
const FRENCH_FAMILIES: &[(&str, &str)] = &[
    (
        "mettre",
        "mets met mettons mettez mettent mettais mettait mettions mettaient mettrai mettra \
         mettrons mettront mettrais mettrait mettraient mette mettes mis mise mises mettant mit \
         mirent",
    ),
    (
        "prendre",
        "prends prend prenons prenez prennent prenais prenait prenions prenaient prendrai prendra \
         prendrons prendront prendrais prendrait prendraient prenne prennes pris prise prises \
         prenant prit prirent",
    ),
    (
        "enir",
        "iens ient enons enez iennent enais enait enions enaient iendrai iendra iendrons iendront \
         iendrais iendrait iendraient ienne iennes enu enue enus enues enant int inrent",
    ),
    (
        "uire",
        "uis uit uisons uisez uisent uisais uisait uisions uisaient uirai uira uirons uiront \
         uirais uirait uiraient uise uisant uite uits uites uisit uisirent",
    ),
    (
        "crire",
        "cris crit crivons crivez crivent crivais crivait crivaient crirai crira criront crirait \
         criraient crive crite crits crites crivant crivit",
    ),
    (
        "cevoir",
        "çois çoit cevons cevez çoivent cevais cevait cevaient cevrai cevra cevront cevrait \
         cevraient çoive çu çue çus çues cevant çut",
    ),
    (
        "voir",
        "vois voit voyons voyez voient voyais voyait voyaient verrai verra verront verrait voirai \
         voira voiront voirait voie vu vue vus vues voyant vit virent",
    ),
    (
        "valoir",
        "vaux vaut valons valez valent valait valaient vaudra vaudrait vaille valu value valant",
    ),
    (
        "aître",
        "ais aît ait aissons aissez aissent aissais aissait aissaient aîtra aîtront aîtrait aisse \
         aissant u ue us ues ut urent",
    ),
    (
        "indre",
        "ins int ignons ignez ignent ignais ignait ignaient indrai indra indront indrait igne \
         ignant inte ints intes ignit",
    ),
    (
        "soudre",
        "sous sout solvons solvez solvent solvait soudra soudrait solve solu solue solus solues \
         soute soutes solvant",
    ),
    (
        "faire",
        "fais fait faisons faites font faisais faisait faisions faisaient ferai fera ferons ferez \
         feront ferais ferait ferions feraient fasse fasses fassent faits faite faisant fit firent",
    ),
    (
        "dire",
        "dis dit disons dites disez disent disais disait disaient dirai dira diront dirait \
         diraient dise dite dits disant",
    ),
    (
        "lire",
        "lis lit lisons lisez lisent lisait lisaient lira liront lirait lise lu lue lus lues \
         lisant",
    ),
    ("rire", "ris rit rions riez rient riait rira ri riant"),
    (
        "croire",
        "crois croit croyons croyez croient croyait croyaient croira croirait croie cru crue crus \
         crues croyant",
    ),
    ("boire", "bois boit buvons buvez boivent buvait boira boive bu bue buvant"),
    ("plaire", "plais plaît plait plaisons plaisent plaisait plaira plaise plu plaisant"),
    (
        "suivre",
        "suis suit suivons suivez suivent suivais suivait suivaient suivra suivront suivrait suive \
         suivi suivie suivis suivies suivant",
    ),
    (
        "vivre",
        "vis vit vivons vivez vivent vivait vivaient vivra vivrait vive vécu vécue vécus vivant",
    ),
    (
        "clure",
        "clus clut cluons cluez cluent cluait cluaient clura clurait clue clu clues cluse cluses \
         cluant",
    ),
    ("battre", "bats bat battons battez battent battait battra batte battu battue battus battant"),
    ("rompre", "romps rompt rompons rompent rompait rompra rompe rompu rompue rompus rompant"),
    ("aincre", "ains ainc ainquons ainquent ainquait aincra ainque aincu aincue aincus ainquant"),
    (
        "vrir",
        "vre vres vrons vrez vrent vrais vrait vraient vrirai vrira vriront vrirait vert verte \
         verts vertes vrant vrit",
    ),
    (
        "ffrir",
        "ffre ffres ffrons ffrez ffrent ffrait ffraient ffrira ffrirait ffert fferte fferts \
         ffertes ffrant ffrit",
    ),
    (
        "courir",
        "cours court courons courez courent courait couraient courra courront courrait coure couru \
         courue courus courant",
    ),
    (
        "quérir",
        "quiers quiert quérons quérez quièrent quérait querra querrait quière quis quise quises \
         quérant",
    ),
    (
        "ueillir",
        "ueille ueilles ueillons ueillez ueillent ueillait ueillera ueillerait ueilli ueillie \
         ueillis ueillies ueillant",
    ),
];

/// Endings of regular French verbs, by group: what follows the stem.
const FRENCH_ER: &str =
    "e es ent ons ez ais ait aient ions iez ai as a âmes èrent erai eras era erons erez eront \
     erais erait erions eraient é ée és ées ant asse assent ât";
const FRENCH_IR: &str =
    "is it issons issez issent issais issait issaient issions issiez irai ira irons irez iront \
     irais irait iraient i ie ies issant isse îmes irent";
const FRENCH_RE: &str =
    "s t ons ez ent ais ait aient ions iez rai ra rons rez ront rais rait raient u ue us ues ant e \
     es it irent";
/// `partir`, `sortir`, `servir`, `dormir`, `sentir`: a third-group `-ir`
/// verb drops the stem's last consonant in the singular (`pars`, `sert`).
/// The same endings also belong to second-group verbs (`répartir`,
/// `garantir`), which get both paradigms.
const FRENCH_SHORT_IR_ENDINGS: &[&str] = &["rtir", "ntir", "rvir", "rmir"];
/// What follows the full stem of those verbs (`part`-ons, `sort`-i).
const FRENCH_SHORT_IR: &str = "e es ent ons ez ais ait aient ions iez i ie is ies ant ira iront";

fn french(lemma: &str) -> Vec<String> {
    if let Some((_, forms)) = FRENCH_WHOLE.iter().find(|(verb, _)| *verb == lemma) {
        return forms.split_whitespace().map(str::to_owned).collect();
    }
    let family = FRENCH_FAMILIES
        .iter()
        .filter(|(ending, _)| lemma.ends_with(ending))
        .max_by_key(|(ending, _)| ending.len());
    if let Some((ending, forms)) = family {
        let prefix = &lemma[..lemma.len() - ending.len()];
        return forms
            .split_whitespace()
            .map(|f| format!("{prefix}{f}"))
            .collect();
    }
    let mut forms = Vec::new();
    if let Some(stem) = lemma.strip_suffix("er").filter(|s| s.chars().count() >= 2) {
        for stem in french_er_stems(stem) {
            append(&mut forms, &stem, FRENCH_ER);
        }
    } else if let Some(stem) = lemma.strip_suffix("ir").filter(|s| s.chars().count() >= 2) {
        append(&mut forms, stem, FRENCH_IR);
        if FRENCH_SHORT_IR_ENDINGS.iter().any(|e| lemma.ends_with(e)) {
            let mut short = stem.to_owned();
            short.pop();
            append(&mut forms, &short, "s t");
            append(&mut forms, stem, FRENCH_SHORT_IR);
        }
    } else if let Some(stem) = lemma.strip_suffix("re").filter(|s| s.chars().count() >= 2) {
        forms.push(stem.to_owned()); // il rend
        append(&mut forms, stem, FRENCH_RE);
    }
    forms
}

/// Adds `stem` followed by each of the space-separated `endings`.
fn append(forms: &mut Vec<String>, stem: &str, endings: &str) {
    forms.extend(endings.split_whitespace().map(|e| format!("{stem}{e}")));
}

/// The stems an `-er` verb is written with: `commenc` also `commenç`
/// (before a, o), `mang` also `mange`, `emploi` for `employ`, `lève` and
/// `préfère` with a grave accent, `appell` and `jett` doubled.
fn french_er_stems(stem: &str) -> Vec<String> {
    let mut stems = vec![stem.to_owned()];
    if let Some(base) = stem.strip_suffix('c') {
        stems.push(format!("{base}ç"));
    } else if stem.ends_with('g') {
        stems.push(format!("{stem}e"));
    } else if let Some(base) = stem.strip_suffix('y') {
        stems.push(format!("{base}i"));
    }
    // e or é before the final consonants takes a grave accent where the
    // ending is silent (lève, préfère, règle).
    let chars: Vec<char> = stem.chars().collect();
    let last_vowel = chars.iter().rposition(|c| "aeiouyéèêâîôû".contains(*c));
    if let Some(i) = last_vowel {
        if i + 1 < chars.len() && matches!(chars[i], 'e' | 'é') {
            let mut grave = chars.clone();
            grave[i] = 'è';
            stems.push(grave.into_iter().collect());
            if chars[i] == 'e' && i + 2 == chars.len() && matches!(chars[i + 1], 'l' | 't') {
                let mut doubled = chars.clone();
                doubled.push(chars[i + 1]);
                stems.push(doubled.into_iter().collect());
            }
        }
    }
    stems
}

/// Dutch strong and irregular verbs: infinitive, then its present and
/// past forms and participle. Compounds (`beschrijven`, `opleveren`) take
/// the same forms after their prefix.
const DUTCH_STRONG: &[(&str, &str)] = &[
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
const DUTCH_INSEPARABLE: &[&str] = &["be", "ge", "her", "ver", "ont", "er"];

fn dutch(lemma: &str) -> Vec<String> {
    let strong = DUTCH_STRONG
        .iter()
        .filter(|(verb, _)| lemma.ends_with(verb))
        .max_by_key(|(verb, _)| verb.len());
    if let Some((verb, forms)) = strong {
        let prefix = &lemma[..lemma.len() - verb.len()];
        return forms
            .split_whitespace()
            .flat_map(|form| dutch_with_prefix(prefix, form))
            .collect();
    }
    let Some(stem) = dutch_stem(lemma) else {
        return Vec::new();
    };
    // 't kofschip: a stem ending in a voiceless consonant takes -te, -t;
    // the others -de, -d (judged on the infinitive: leven → leefde).
    let before_en = lemma[..lemma.len() - 2].chars().last().unwrap_or('a');
    let voiceless = "tkfscpx".contains(before_en) || lemma.ends_with("chen");
    let (past, participle_end) = if voiceless { ("te", "t") } else { ("de", "d") };
    let participle = if stem.ends_with(participle_end) {
        stem.clone()
    } else {
        format!("{stem}{participle_end}")
    };
    let mut forms = vec![
        stem.clone(),
        if stem.ends_with('t') {
            stem.clone()
        } else {
            format!("{stem}t")
        },
        format!("{stem}{past}"),
        format!("{stem}{past}n"),
    ];
    for participle in dutch_participles(lemma, &participle) {
        // Participles are also adjectives: `de geleverde stroom`.
        forms.push(format!("{participle}e"));
        forms.push(participle);
    }
    forms
}

/// The present-tense stem of a regular Dutch infinitive: `maken` → `maak`,
/// `zetten` → `zet`, `leven` → `leef`, `reizen` → `reis`.
fn dutch_stem(lemma: &str) -> Option<String> {
    let base = lemma.strip_suffix("en")?;
    let chars: Vec<char> = base.chars().collect();
    if chars.len() < 2 {
        return None;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let n = chars.len();
    let mut stem: Vec<char> = chars.clone();
    let last = chars[n - 1];
    if last == chars[n - 2] && !vowel(last) {
        // Doubled consonant after a short vowel: zetten → zet.
        stem.pop();
    } else if !vowel(last)
        && vowel(chars[n - 2])
        && (n < 3 || !vowel(chars[n - 3]))
        && matches!(chars[n - 2], 'a' | 'e' | 'o' | 'u')
        && !(chars[n - 2] == 'e' && unstressed_e(&chars))
    {
        // A single vowel in an open syllable is long: maken → maak.
        stem.insert(n - 1, chars[n - 2]);
    }
    match stem.last() {
        Some('v') => *stem.last_mut()? = 'f',
        Some('z') => *stem.last_mut()? = 's',
        _ => {}
    }
    Some(stem.into_iter().collect())
}

/// Whether the `e` before a base's last consonant is an unstressed schwa,
/// which stays short: `lever(en)`, `ontwikkel(en)`, `teken(en)` — a vowel
/// earlier in the base, not counting an inseparable prefix (`beheer`,
/// `verleer`).
fn unstressed_e(base: &[char]) -> bool {
    let text: String = base.iter().collect();
    let root = DUTCH_INSEPARABLE
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
fn dutch_participles(lemma: &str, participle: &str) -> Vec<String> {
    let mut out = vec![participle.to_owned()];
    if !DUTCH_INSEPARABLE.iter().any(|p| lemma.starts_with(p)) {
        out.push(format!("ge{participle}"));
    }
    for split in [
        "op", "aan", "af", "in", "uit", "toe", "mee", "voor", "na", "door", "over", "om", "bij",
        "terug", "vast", "weg",
    ] {
        if let Some(rest) = participle.strip_prefix(split) {
            if rest.chars().count() >= 3 {
                out.push(format!("{split}ge{rest}"));
            }
        }
    }
    out
}

/// A strong verb's form after a compound's prefix: `be` + `schreven`.
/// Inseparable prefixes drop the participle's `ge-` (`beschreven`,
/// `onderhouden`) and separable ones keep it (`aangegeven`); a prefix does
/// not say which it is (`voorkomen` is both), so both are offered.
fn dutch_with_prefix(prefix: &str, form: &str) -> Vec<String> {
    if prefix.is_empty() {
        return vec![form.to_owned()];
    }
    let mut out = vec![format!("{prefix}{form}")];
    if let Some(bare) = form.strip_prefix("ge") {
        out.push(format!("{prefix}{bare}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(language: Language, lemma: &str, form: &str) -> bool {
        verb_forms(language, lemma).iter().any(|f| f == form)
    }

    #[test]
    fn french_irregular_verbs_and_their_families() {
        for (lemma, form) in [
            ("être", "sont"),
            ("devoir", "doit"),
            ("pouvoir", "peuvent"),
            ("permettre", "permet"),
            ("soumettre", "soumise"),
            ("obtenir", "obtenus"),
            ("apparaître", "apparaît"),
            ("produire", "produit"),
            ("décrire", "décrit"),
            ("recevoir", "reçoit"),
            ("prévoir", "prévu"),
            ("atteindre", "atteint"),
            ("ouvrir", "ouvert"),
            ("offrir", "offert"),
            ("résoudre", "résolu"),
            ("faire", "font"),
        ] {
            assert!(has(Language::Fr, lemma, form), "{lemma} → {form}");
        }
        // The longest family wins: `devoir` is not conjugated like `voir`.
        assert!(!has(Language::Fr, "devoir", "devu"));
    }

    #[test]
    fn french_regular_verbs_with_their_spelling_changes() {
        for (lemma, form) in [
            ("disposer", "disposent"),
            ("injecter", "injectée"),
            ("commencer", "commençons"),
            ("diriger", "dirigeant"),
            ("employer", "emploient"),
            ("régler", "règle"),
            ("lever", "lève"),
            ("appeler", "appelle"),
            ("fournir", "fournissent"),
            ("rendre", "rendu"),
            ("sortir", "sort"),
            ("répartir", "répartissent"),
        ] {
            assert!(has(Language::Fr, lemma, form), "{lemma} → {form}");
        }
        assert!(verb_forms(Language::Fr, "table")
            .iter()
            .all(|f| f != "table"));
    }

    #[test]
    fn dutch_weak_strong_and_compound_verbs() {
        for (lemma, form) in [
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
        ] {
            assert!(has(Language::Nl, lemma, form), "{lemma} → {form}");
        }
    }

    #[test]
    fn other_languages_have_no_rules() {
        assert!(verb_forms(Language::En, "run").is_empty());
        assert!(verb_forms(Language::De, "machen").is_empty());
    }
}
