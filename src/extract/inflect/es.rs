//! Spanish conjugation: what the Snowball stemmer does not fold for regular
//! verbs (stem vowels that diphthongise, `puede`, `muestra`, `pide`;
//! spelling changes, `busqué`, `conozco`, `construye`) and irregular verbs
//! with their compound families (`tener`: obtener, mantener…).

use super::{append, paradigm};

/// Irregular verbs and families, by infinitive ending: what replaces it.
/// The longest matching ending wins; endings under four letters (`ser`,
/// `ir`, `ver`, `dar`, `oír`) are whole verbs only.
const IRREGULAR: &[(&str, &str)] = &[
    (
        "ser",
        "soy eres es somos sois son era eras éramos eran fui fue fuimos fueron sea sean sido \
         siendo será serán sería serían fuera fueran",
    ),
    (
        "estar",
        "estoy estás está estamos están estaba estaban estuvo estuvieron esté estén estado \
         estando estará estarán estaría estuviera",
    ),
    (
        "ir",
        "voy vas va vamos van iba iban fue fueron vaya vayan ido yendo irá irán iría",
    ),
    (
        "haber",
        "he has ha hemos han había habían hubo hubieron haya hayan habido habrá habrán habría \
         habrían hubiera hay",
    ),
    (
        "tener",
        "tengo tienes tiene tenemos tienen tenía tenían tuvo tuvieron tenga tengan tenido \
         teniendo tendrá tendrán tendría tendrían tuviera",
    ),
    (
        "hacer",
        "hago haces hace hacemos hacen hacía hacían hizo hicieron haga hagan hecho hecha \
         haciendo hará harán haría harían hiciera",
    ),
    (
        "facer",
        "fago face facen fizo ficieron faga fecho fecha faciendo fará faría ficiera",
    ),
    (
        "poder",
        "puedo puedes puede podemos pueden podía podían pudo pudieron pueda puedan podido \
         pudiendo podrá podrán podría podrían pudiera",
    ),
    (
        "decir",
        "digo dices dice decimos dicen decía decían dijo dijeron diga digan dicho dicha \
         diciendo dirá dirán diría dijera",
    ),
    (
        "ver",
        "veo ves ve vemos ven veía veían vio vieron vea vean visto vista viendo verá vería",
    ),
    (
        "prever",
        "preveo prevé prevén previó previeron prevea previsto prevista previendo preverá",
    ),
    (
        "dar",
        "doy das da damos dan daba daban dio dieron dé den dado dando dará daría diera",
    ),
    (
        "saber",
        "sé sabes sabe sabemos saben sabía supo supieron sepa sepan sabido sabrá sabría supiera",
    ),
    (
        "querer",
        "quiero quieres quiere queremos quieren quería quiso quisieron quiera quieran querido \
         querrá querría quisiera",
    ),
    (
        "poner",
        "pongo pones pone ponemos ponen ponía puso pusieron ponga pongan puesto puesta poniendo \
         pondrá pondría pusiera",
    ),
    (
        "venir",
        "vengo vienes viene venimos vienen venía vino vinieron venga vengan venido viniendo \
         vendrá vendría viniera",
    ),
    (
        "salir",
        "salgo sales sale salen salió salieron salga salgan salido saldrá saldría",
    ),
    (
        "traer",
        "traigo traes trae traen trajo trajeron traiga traigan traído trayendo trajera",
    ),
    ("caer", "caigo cae caen cayó cayeron caiga caído cayendo"),
    ("oír", "oigo oyes oye oyen oyó oyeron oiga oído oyendo"),
    ("andar", "anduvo anduvieron anduviera"),
    ("valer", "valgo vale valen valga valdrá valdría"),
    (
        "ducir",
        "duzco duces duce ducen dujo dujeron duzca duzcan ducido ducida duciendo dujera",
    ),
    ("abrir", "abierto abierta"),
    ("cubrir", "cubierto cubierta"),
    ("scribir", "scrito scrita"),
    ("romper", "roto rota"),
    (
        "morir",
        "muere mueren murió murieron muera muerto muerta muriendo",
    ),
    ("dormir", "duerme duermen durmió durmieron duerma durmiendo"),
    ("solver", "suelve suelven suelva suelto suelta"),
    ("volver", "vuelve vuelven vuelva vuelvan vuelto vuelta"),
    ("imprimir", "impreso impresa"),
    (
        "seguir",
        "sigo sigue siguen siguió siguieron siga sigan siguiendo siguiera",
    ),
];

/// Irregular verbs whose ending also ends unrelated regular verbs.
const WHOLE_ONLY: &[&str] = &[
    "ser", "ir", "ver", "dar", "oír", "estar", "andar", "haber", "saber", "caer", "poder", "querer",
];

/// The forms of a Spanish verb (see the module docs).
pub fn verbs(lemma: &str) -> Vec<String> {
    let mut forms = Vec::new();
    if let Some((prefix, _, table)) = paradigm(IRREGULAR, lemma, WHOLE_ONLY) {
        append(&mut forms, prefix, table);
        return with_plural_participles(forms);
    }
    let Some(stem) = ["ar", "er", "ir"]
        .iter()
        .find_map(|e| lemma.strip_suffix(e))
        .filter(|s| s.chars().count() >= 2)
    else {
        return forms;
    };
    let group = &lemma[stem.len()..];
    // The stemmer folds regular endings only where its RV region allows,
    // which short stems lack (`entra` is not folded onto `entrar`).
    append(&mut forms, stem, regular_endings(group));
    // Stressed-stem forms of diphthongising verbs (mostrar → muestra,
    // pensar → piensa, pedir → pide, sentir → siente and sintió).
    let changed = stem_vowel_changes(stem, group);
    for stem in &changed {
        append(&mut forms, stem, "o as a an e es en");
        if group == "ir" {
            append(&mut forms, stem, "ió ieron iendo iera ieran amos");
        }
    }
    // Spelling changes before e (buscar → busqué) and before a, o
    // (conocer → conozco, elegir → elija, construir → construye).
    let stems = || std::iter::once(stem).chain(changed.iter().map(String::as_str));
    if group == "ar" {
        for stem in stems() {
            let respelled = [("c", "qu"), ("g", "gu"), ("z", "c")]
                .iter()
                .find_map(|(end, with)| stem.strip_suffix(end).map(|base| format!("{base}{with}")));
            if let Some(base) = respelled {
                append(&mut forms, &base, "é e es en emos");
            }
        }
    } else {
        for stem in stems() {
            if let Some(base) = stem.strip_suffix('c').filter(|b| b.ends_with(is_vowel)) {
                append(&mut forms, &format!("{base}zc"), "o a as an amos");
            }
            if let Some(base) = stem.strip_suffix('g') {
                append(&mut forms, &format!("{base}j"), "o a as an amos");
            }
        }
        if lemma.ends_with("uir") {
            append(&mut forms, stem, "yo yes ye yen yó yeron ya yan yendo");
        }
    }
    forms
}

/// The endings of a regular verb of `group` (`ar`, `er`, `ir`): present,
/// imperfect, preterite, future, conditional, subjunctive, participle and
/// gerund.
fn regular_endings(group: &str) -> &'static str {
    match group {
        "ar" => {
            "o as a amos áis an aba abas ábamos aban é aste ó aron ado ada ados adas ando ará \
             arán aría arían e es emos en ara aran ase"
        }
        "er" => {
            "o es e emos éis en ía ías íamos ían í iste ió imos ieron ido ida idos idas iendo \
             erá erán ería erían a as amos an iera ieran"
        }
        _ => {
            "o es e imos ís en ía ías íamos ían í iste ió ieron ido ida idos idas iendo irá \
             irán iría irían a as amos an iera ieran"
        }
    }
}

/// Irregular participles agree like adjectives: puestos, hechas, vistos.
fn with_plural_participles(mut forms: Vec<String>) -> Vec<String> {
    let plurals: Vec<String> = forms
        .iter()
        .filter(|f| {
            ["to", "ta", "cho", "cha", "so", "sa", "do", "da"]
                .iter()
                .any(|e| f.ends_with(e))
        })
        .map(|f| format!("{f}s"))
        .collect();
    forms.extend(plurals);
    forms
}

fn is_vowel(c: char) -> bool {
    "aeiouáéíóú".contains(c)
}

/// The stem with its last vowel diphthongised or raised, as stressed forms
/// write it: e → ie (and i in -ir verbs), o → ue (and u in -ir verbs), u →
/// ue (jugar).
fn stem_vowel_changes(stem: &str, group: &str) -> Vec<String> {
    let Some((i, vowel)) = stem.char_indices().rev().find(|&(_, c)| is_vowel(c)) else {
        return Vec::new();
    };
    let (before, after) = (&stem[..i], &stem[i + vowel.len_utf8()..]);
    let replacements: &[&str] = match (vowel, group) {
        ('e', "ir") => &["ie", "i"],
        ('e', _) => &["ie"],
        ('o', "ir") => &["ue", "u"],
        ('o', _) | ('u', _) => &["ue"],
        _ => &[],
    };
    replacements
        .iter()
        .map(|r| format!("{before}{r}{after}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::{assert_conjugates, conjugates};
    use super::*;

    #[test]
    fn irregular_verbs_and_their_families() {
        assert_conjugates(
            verbs,
            &[
                ("ser", "es"),
                ("ir", "fue"),
                ("tener", "tiene"),
                ("obtener", "obtuvo"),
                ("producir", "produjo"),
                ("producir", "produzco"),
                ("describir", "descrito"),
                ("resolver", "resuelto"),
                ("prever", "prevista"),
                ("componer", "compuesto"),
                ("componer", "compuestos"),
                ("manifestar", "manifiesta"),
                ("conseguir", "consigue"),
            ],
        );
        // Short irregular verbs are no family: `pedir` is not `ir`.
        assert!(!conjugates(verbs, "pedir", "pedvoy"));
        assert!(!conjugates(verbs, "prestar", "prestuvo"));
    }

    #[test]
    fn stem_changes_and_spelling_changes() {
        assert_conjugates(
            verbs,
            &[
                ("mostrar", "muestra"),
                ("pensar", "piensan"),
                ("pedir", "pide"),
                ("sentir", "siente"),
                ("sentir", "sintió"),
                ("buscar", "busqué"),
                ("llegar", "llegue"),
                ("empezar", "empiece"),
                ("conocer", "conozco"),
                ("elegir", "elija"),
                ("construir", "construye"),
                ("incluir", "incluyen"),
                ("entrar", "entra"),
                ("entrar", "entró"),
                ("saturar", "saturada"),
                ("vender", "vendió"),
                ("recibir", "recibido"),
            ],
        );
    }
}
