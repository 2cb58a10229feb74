//! C-value bookkeeping: how often each candidate occurs inside longer
//! candidates, which the ranker uses to tell a term from a fragment of one.

use super::{Counts, FxMap, MAX_TOKENS};

/// C-value bookkeeping: each candidate learns how often it occurs inside
/// longer candidates.
pub(super) fn nest(
    counts: &mut Counts,
    short: &FxMap<([u32; MAX_TOKENS], u8), u32>,
    long: &FxMap<Vec<u32>, u32>,
) {
    let lookup = |ids: &[u32]| -> Option<u32> {
        if ids.len() <= MAX_TOKENS {
            let mut key = [u32::MAX; MAX_TOKENS];
            key[..ids.len()].copy_from_slice(ids);
            short.get(&(key, ids.len() as u8)).copied()
        } else {
            long.get(ids).copied()
        }
    };
    let mut updates: Vec<(u32, u32, bool)> = Vec::new();
    for b in 0..counts.grams.len() {
        let gram = &counts.grams[b];
        let n = gram.len();
        if n < 2 {
            continue;
        }
        let named = gram.capitalised * 2 >= gram.freq.saturating_sub(gram.initial).max(1);
        let stop = &counts.vocab.stop;
        for start in 0..n {
            // A candidate never starts or ends on a stop word: skip those
            // sub-sequences without hashing them.
            if stop[gram.tokens[start] as usize] {
                continue;
            }
            for end in start + 1..=n {
                if end - start == n || stop[gram.tokens[end - 1] as usize] {
                    continue;
                }
                if let Some(a) = lookup(&gram.tokens[start..end]) {
                    updates.push((a, gram.freq, named));
                }
            }
        }
    }
    for (a, f, named) in updates {
        let g = &mut counts.grams[a as usize];
        g.nest_sum += f;
        g.nest_count += 1;
        if f > g.nest_max || (f == g.nest_max && named) {
            g.nest_max_named = named;
        }
        g.nest_max = g.nest_max.max(f);
    }
}
