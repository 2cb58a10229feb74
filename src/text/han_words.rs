//! Word boundaries in Chinese, from jieba's dictionary. Chinese writes no
//! spaces, so a term can stand inside another word: 大理 (Dali) inside
//! 伟大理论 ("great theory"), 大同 (Datong) inside 扩大同 ("expand …
//! with"). A Han term whose neighbours are Han characters is taken only
//! where a word may begin and end ([`HanWords::cuts`] and [`HanWords::takes`]).
//!
//! The cut points are those of jieba's best segmentation (its DAG over
//! the dictionary, most probable path, no HMM guessing), with the
//! glossary's terms that jieba lacks added to the dictionary so that they
//! are never split. A compound the dictionary holds whole is opened where it can be
//! cut into dictionary words of two characters or more (澳门特区政府 =
//! 澳门 + 特区 + 政府, 长江大桥 = 长江 + 大桥), the last of which may be a
//! place or body suffix (南京市 = 南京 + 市) or, like a first single
//! character, one the compound is much rarer than the rest without it
//! (新疆棉, 周总理); an idiom or set phrase is opened only where it is much
//! rarer than both halves (推进改革 but not 大同小异), and a word like
//! 大理石 (marble) stays whole. Frequencies are jieba's.

use jieba_rs::Jieba;

/// One-character suffixes that make a place or a body of a name
/// (南京市, 西藏自治区's 区, 广东省, 香港人).
const NAME_SUFFIXES: &str = "市省县区州镇乡村岛湾港河江湖山人籍族军部委局厅院馆站";

/// How much rarer than a part a compound must be to count as made on the
/// fly: 新疆棉 (cotton of Xinjiang) is a thousand times rarer than 新疆,
/// 大理石 (marble) only half as common as 大理.
const RARITY: usize = 20;

/// Where the words of a run of Han characters begin and end.
#[derive(Debug, Clone, Default)]
pub struct Cuts {
    /// Byte offsets, sorted: both ends of the run and every cut between
    /// its words, compounds opened.
    points: Vec<usize>,
    /// Idioms and set phrases kept whole (大同小异): nothing inside them
    /// is a word of its own.
    sealed: Vec<(usize, usize)>,
}

/// A segmenter for glossary matching.
pub struct HanWords {
    jieba: Jieba,
}

impl std::fmt::Debug for HanWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HanWords")
    }
}

impl HanWords {
    /// jieba's dictionary with those of `terms` it lacks added as words.
    pub fn new<'a>(terms: impl IntoIterator<Item = &'a str>) -> HanWords {
        let mut jieba = Jieba::new();
        for term in terms {
            // Only words jieba lacks: raising the frequency of one it has
            // would let it swallow its neighbours (国防部 in 国防部门).
            let han = term.chars().count() >= 2 && term.chars().all(super::is_han);
            if han && !jieba.has_word(term) {
                jieba.add_word(term, None, None);
            }
        }
        HanWords { jieba }
    }

    /// Where the words of `run` (a run of Han characters) begin and end.
    pub fn cuts(&self, run: &str) -> Cuts {
        let mut cuts = Cuts {
            points: vec![0],
            sealed: Vec::new(),
        };
        for tag in self.jieba.tag(run, false) {
            let start = tag.word.as_ptr() as usize - run.as_ptr() as usize;
            let end = start + tag.word.len();
            if tag.word.chars().nth(2).is_some() {
                let set_phrase = matches!(tag.tag, "i" | "l");
                let inner = self.inner_cuts(tag.word, set_phrase);
                if set_phrase && inner.is_empty() {
                    cuts.sealed.push((start, end));
                }
                cuts.points.extend(inner.into_iter().map(|p| start + p));
            }
            cuts.points.push(end);
        }
        cuts.points.sort_unstable();
        cuts.points.dedup();
        cuts
    }

    /// Whether a term at `start..end` of `run` stands where words begin
    /// (when `left`) and end (when `right`), `cuts` being the run's. An
    /// end that falls inside a word still counts when what lies between
    /// it and one of the two nearest cut points beyond is a word of two
    /// characters or more, and no idiom holds it: the best segmentation
    /// cut 干涉他国内政 as 他 + 国内 + 政, but 他国 + 内政 reads as well,
    /// while 伟大理论 leaves a lone 伟 before 大理.
    pub fn takes(
        &self,
        run: &str,
        cuts: &Cuts,
        start: usize,
        end: usize,
        left: bool,
        right: bool,
    ) -> bool {
        let points = &cuts.points;
        let is_word = |a: usize, b: usize| {
            run[a..b].chars().nth(1).is_some() && self.jieba.has_word(&run[a..b])
        };
        let sealed = |at: usize| cuts.sealed.iter().any(|&(a, b)| a < at && at < b);
        let left_ok = !left || points.binary_search(&start).is_ok() || {
            let k = points.partition_point(|&p| p < start);
            !sealed(start)
                && points[k.saturating_sub(2)..k]
                    .iter()
                    .any(|&p| is_word(p, start))
        };
        let right_ok = !right || points.binary_search(&end).is_ok() || {
            let k = points.partition_point(|&p| p <= end);
            !sealed(end)
                && points[k..(k + 2).min(points.len())]
                    .iter()
                    .any(|&p| is_word(end, p))
        };
        left_ok && right_ok
    }

    /// How often the dictionary has `word` (jieba's frequency for a word
    /// it holds, the product of its pieces' otherwise).
    fn frequency(&self, word: &str) -> usize {
        self.jieba.suggest_freq(word)
    }

    /// Whether `compound` is rare beside `part`: a compound made on the
    /// fly (新疆棉, 大使级) rather than a word of its own (大理石).
    fn rare_beside(&self, compound: &str, part: &str) -> bool {
        self.frequency(compound).saturating_mul(RARITY) < self.frequency(part)
    }

    /// The inner offsets where a dictionary `word` may be cut: those of
    /// any split of it into dictionary words of two characters or more;
    /// failing one, with a first or last single character when the word is
    /// rare beside the rest, or a last one that is a name suffix. A set
    /// phrase or idiom (大同小异) is cut only where it is rare beside both
    /// sides.
    fn inner_cuts(&self, word: &str, set_phrase: bool) -> Vec<usize> {
        let mut at: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
        let n = at.len();
        at.push(word.len());
        let long_piece = |begin: usize, end: usize| {
            end - begin >= 2
                && !(begin == 0 && end == n)
                && self.jieba.has_word(&word[at[begin]..at[end]])
        };
        let edge_piece = |begin: usize, end: usize| {
            if end - begin != 1 || !(begin == 0 || end == n) {
                return false;
            }
            let text = &word[at[begin]..at[end]];
            let rest = if begin == 0 {
                &word[at[1]..]
            } else {
                &word[..at[begin]]
            };
            (end == n && NAME_SUFFIXES.contains(text))
                || (self.jieba.has_word(rest) && self.rare_beside(word, rest))
        };
        let mut cuts = splits(n, &long_piece);
        if cuts.is_none() {
            cuts = splits(n, &|b, e| long_piece(b, e) || edge_piece(b, e));
        }
        let cuts = cuts.unwrap_or_default();
        if !set_phrase {
            return cuts.into_iter().map(|k| at[k]).collect();
        }
        let bounds: Vec<usize> = std::iter::once(0)
            .chain(cuts.iter().copied())
            .chain([n])
            .collect();
        bounds
            .windows(3)
            .filter(|w| {
                self.rare_beside(word, &word[at[w[0]]..at[w[1]]])
                    && self.rare_beside(word, &word[at[w[1]]..at[w[2]]])
            })
            .map(|w| at[w[1]])
            .collect()
    }
}

/// The character indexes, strictly inside `0..n`, where some split of
/// `0..n` into pieces that `piece(begin, end)` accepts cuts; `None` when
/// no split covers it all.
fn splits(n: usize, piece: &dyn Fn(usize, usize) -> bool) -> Option<Vec<usize>> {
    // reach[k]: the first k characters split; rest[k]: the others do.
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    for end in 1..=n {
        reach[end] = (0..end).any(|begin| reach[begin] && piece(begin, end));
    }
    if !reach[n] {
        return None;
    }
    let mut rest = vec![false; n + 1];
    rest[n] = true;
    for begin in (0..n).rev() {
        rest[begin] = (begin + 1..=n).any(|end| rest[end] && piece(begin, end));
    }
    Some((1..n).filter(|&k| reach[k] && rest[k]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `term` stands where words begin and end in the run `text`,
    /// where it first stands.
    fn takes(words: &HanWords, text: &str, term: &str) -> bool {
        let start = text.find(term).unwrap();
        let end = start + term.len();
        words.takes(
            text,
            &words.cuts(text),
            start,
            end,
            start > 0,
            end < text.len(),
        )
    }

    #[test]
    fn terms_inside_other_words_are_not_taken() {
        let words = HanWords::new([
            "大理",
            "大同",
            "西藏自治区",
            "香港",
            "澳门",
            "长江",
            "南京",
            "市长",
            "改革开放",
            "和平统一",
            "新疆",
            "总理",
            "大使",
            "中国",
            "内政",
            "重庆",
            "国防部",
        ]);
        for (text, term) in [
            ("坚持以马克思主义伟大理论为指导", "大理"),
            ("扩大同各国的利益交汇点", "大同"),
            ("大理石地面", "大理"),
            ("大同小异", "大同"),
            ("南京市长江大桥", "市长"),
            ("许多发展中国家的经验", "中国"),
            ("严肃党内政治生活", "内政"),
            ("我们隆重庆祝建党百年", "重庆"),
            ("合理扩大使用范围", "大使"),
            ("国防部门认真清理", "国防部"),
            ("求同存异中共同发展", "中共"),
            ("其中国有企业", "中国"),
            ("国际国内政治风波", "内政"),
        ] {
            assert!(!takes(&words, text, term), "{term} in {text}");
        }
        for (text, term) in [
            ("西藏自治区成立六十周年", "西藏自治区"),
            ("会议在香港举行", "香港"),
            ("澳门特区政府", "澳门"),
            ("他在大理旅游", "大理"),
            ("山西大同市", "大同"),
            ("大理白族自治州", "大理"),
            ("南京市长江大桥", "长江"),
            ("南京市长江大桥", "南京"),
            ("推进改革开放", "改革开放"),
            ("祖国和平统一大业", "和平统一"),
            ("稳定新疆棉区种植面积", "新疆"),
            ("周总理说", "总理"),
            ("大使级关系", "大使"),
            ("干涉他国内政", "内政"),
        ] {
            assert!(takes(&words, text, term), "{term} in {text}");
        }
    }
}
