//! French conjugation: the three groups with their spelling changes, and
//! irregular verbs with their compound families (`mettre`: permettre,
//! soumettre…).

use super::{append, paradigm};

/// French verbs whose whole paradigm is irregular, by infinitive.
const WHOLE: &[(&str, &str)] = &[
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
const FAMILIES: &[(&str, &str)] = &[
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
const ER: &str =
    "e es ent ons ez ais ait aient ions iez ai as a âmes èrent erai eras era erons erez eront \
     erais erait erions eraient é ée és ées ant asse assent ât";
const IR: &str =
    "is it issons issez issent issais issait issaient issions issiez irai ira irons irez iront \
     irais irait iraient i ie ies issant isse îmes irent";
const RE: &str =
    "s t ons ez ent ais ait aient ions iez rai ra rons rez ront rais rait raient u ue us ues ant e \
     es it irent";
/// `partir`, `sortir`, `servir`, `dormir`, `sentir`: a third-group `-ir`
/// verb drops the stem's last consonant in the singular (`pars`, `sert`).
/// The same endings also belong to second-group verbs (`répartir`,
/// `garantir`), which get both paradigms.
const SHORT_IR_ENDINGS: &[&str] = &["rtir", "ntir", "rvir", "rmir"];
/// What follows the full stem of those verbs (`part`-ons, `sort`-i).
const SHORT_IR: &str = "e es ent ons ez ais ait aient ions iez i ie is ies ant ira iront";

/// The forms of a French verb (see the module docs).
pub fn verbs(lemma: &str) -> Vec<String> {
    if let Some((_, forms)) = WHOLE.iter().find(|(verb, _)| *verb == lemma) {
        return forms.split_whitespace().map(str::to_owned).collect();
    }
    let mut forms = Vec::new();
    if let Some((prefix, _, family)) = paradigm(FAMILIES, lemma, &[]) {
        append(&mut forms, prefix, family);
        return forms;
    }
    if let Some(stem) = lemma.strip_suffix("er").filter(|s| s.chars().count() >= 2) {
        for stem in er_stems(stem) {
            append(&mut forms, &stem, ER);
        }
    } else if let Some(stem) = lemma.strip_suffix("ir").filter(|s| s.chars().count() >= 2) {
        append(&mut forms, stem, IR);
        if SHORT_IR_ENDINGS.iter().any(|e| lemma.ends_with(e)) {
            let mut short = stem.to_owned();
            short.pop();
            append(&mut forms, &short, "s t");
            append(&mut forms, stem, SHORT_IR);
        }
    } else if let Some(stem) = lemma.strip_suffix("re").filter(|s| s.chars().count() >= 2) {
        forms.push(stem.to_owned()); // il rend
        append(&mut forms, stem, RE);
    }
    forms
}

/// The stems an `-er` verb is written with: `commenc` also `commenç`
/// (before a, o), `mang` also `mange`, `emploi` for `employ`, `lève` and
/// `préfère` with a grave accent, `appell` and `jett` doubled.
fn er_stems(stem: &str) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::super::{assert_conjugates, conjugates};
    use super::*;

    #[test]
    fn french_irregular_verbs_and_their_families() {
        assert_conjugates(
            verbs,
            &[
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
            ],
        );
        // The longest family wins: `apercevoir` is conjugated like
        // `recevoir`, not like `voir`.
        assert!(conjugates(verbs, "apercevoir", "aperçoit"));
        assert!(!conjugates(verbs, "apercevoir", "apercevoit"));
    }

    #[test]
    fn french_regular_verbs_with_their_spelling_changes() {
        assert_conjugates(
            verbs,
            &[
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
            ],
        );
    }
}
