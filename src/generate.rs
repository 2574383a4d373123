//! Synthetic maps of any size, for tests and benchmarks: a thesis with
//! branching 2–5 down to depth 8, about 45 % attacks, 5 % cross-links, a
//! few linked premises and undercutters, and claims of 8–30 words.

use crate::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Pos, Target};

/// A small, fast, seedable generator (SplitMix64): the same seed gives the
/// same map on every machine, with no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn range(&mut self, low: usize, high: usize) -> usize {
        let span = (high - low + 1) as u64;
        #[expect(
            clippy::cast_possible_truncation,
            reason = "The remainder is below `span`, which came from a usize."
        )]
        let pick = (self.next() % span) as usize;
        low + pick
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const WORDS: &[&str] = &[
    "policy",
    "students",
    "evidence",
    "cost",
    "public",
    "schools",
    "data",
    "privacy",
    "state",
    "market",
    "risk",
    "law",
    "courts",
    "trust",
    "growth",
    "research",
    "health",
    "cities",
    "rural",
    "families",
    "teachers",
    "workers",
    "tax",
    "budget",
    "access",
    "safety",
    "rights",
    "power",
    "local",
    "national",
    "voters",
    "media",
    "science",
    "energy",
    "climate",
    "housing",
    "prices",
    "wages",
    "jobs",
    "training",
    "reform",
    "oversight",
    "fairness",
    "freedom",
    "security",
    "innovation",
    "technology",
    "platforms",
    "regulation",
    "incentives",
    "outcomes",
    "surveys",
    "studies",
    "show",
    "suggest",
    "reduce",
    "increase",
    "protect",
    "harm",
    "help",
    "most",
    "many",
    "few",
    "often",
    "rarely",
    "because",
    "although",
    "only",
    "also",
    "more",
    "less",
    "than",
    "the",
    "a",
    "of",
    "to",
    "in",
    "for",
    "on",
    "with",
    "without",
    "under",
    "over",
    "people",
    "children",
    "parents",
    "experts",
    "critics",
    "officials",
    "companies",
    "communities",
    "ideas",
    "choices",
    "costs",
    "benefits",
    "years",
    "decades",
    "programs",
    "rules",
    "limits",
    "plans",
];

fn sentence(rng: &mut Rng) -> String {
    let length = rng.range(8, 30);
    let mut words: Vec<&str> = (0..length)
        .map(|_| WORDS[rng.range(0, WORDS.len() - 1)])
        .collect();
    let mut text = String::new();
    if let Some(first) = words.first_mut() {
        let mut chars = first.chars();
        if let Some(c) = chars.next() {
            text.extend(c.to_uppercase());
            text.push_str(chars.as_str());
        }
    }
    for word in words.iter().skip(1) {
        text.push(' ');
        text.push_str(word);
    }
    text.push('.');
    text
}

/// A map of exactly `claims` claims (at least one), the same for the same
/// `seed`. Positions are all at the origin: arrange the map to lay it out.
pub fn generate(claims: usize, seed: u64) -> Map {
    let mut rng = Rng(seed);
    let mut map = Map::new(format!("Generated map: {claims} claims, seed {seed}"));
    let thesis = map.add_claim(Claim::new(sentence(&mut rng), Pos::default()));
    map.thesis = Some(thesis);
    // Each claim's depth, the link it answers through, and its replies.
    let mut depth_of = vec![0_usize];
    let mut link_of: Vec<Option<LinkId>> = vec![None];
    let mut replies_of = vec![0_usize];
    let mut queue = std::collections::VecDeque::from([thesis]);
    while map.claims.len() < claims {
        let Some(parent) = queue.pop_front().or_else(|| {
            // Every claim had its turn and the map is still short: give
            // claims with room (above depth 8, under 5 replies) another.
            queue = (0..depth_of.len())
                .filter(|&i| depth_of[i] < 8 && replies_of[i] < 5)
                .filter_map(|i| u32::try_from(i + 1).ok().map(ClaimId))
                .collect();
            queue.pop_front()
        }) else {
            break;
        };
        let index = parent.0 as usize - 1;
        let (Some(&depth), Some(&parent_link), Some(&answered)) = (
            depth_of.get(index),
            link_of.get(index),
            replies_of.get(index),
        ) else {
            continue;
        };
        if depth >= 8 || answered >= 5 {
            continue;
        }
        let replies = rng
            .range(2, 5)
            .min(5 - answered)
            .min(claims - map.claims.len());
        if let Some(count) = replies_of.get_mut(index) {
            *count += replies;
        }
        let mut previous: Option<(ClaimId, LinkId)> = None;
        for _ in 0..replies {
            let id = map.add_claim(Claim::new(sentence(&mut rng), Pos::default()));
            depth_of.push(depth + 1);
            replies_of.push(0);
            let kind = if rng.chance(45) {
                LinkKind::Attack
            } else {
                LinkKind::Support
            };
            // Now and then a co-premise of the previous reply, or an
            // undercutter of the link the parent hangs by.
            let link = match (previous, parent_link) {
                (Some((_, link)), _) if rng.chance(3) => {
                    if let Some(existing) = map.links.get_mut(&link) {
                        existing.premises.push(id);
                    }
                    link
                }
                (_, Some(up)) if rng.chance(2) => map.add_link(Link {
                    kind: LinkKind::Attack,
                    premises: vec![id],
                    target: Target::Link(up),
                    weight: crate::model::Weight::FULL,
                }),
                _ => map.add_link(Link {
                    kind,
                    premises: vec![id],
                    target: Target::Claim(parent),
                    weight: crate::model::Weight::FULL,
                }),
            };
            previous = Some((id, link));
            link_of.push(Some(link));
            queue.push_back(id);
        }
    }
    cross_links(&mut map, &mut rng, &depth_of);
    map
}

/// About 5 % extra links from a claim to one higher up, so the map is a
/// graph and not just a tree.
fn cross_links(map: &mut Map, rng: &mut Rng, depth_of: &[usize]) {
    let count = map.claims.len() / 20;
    let total = map.claims.len();
    if total < 3 {
        return;
    }
    let mut added = 0;
    for _ in 0..count * 20 {
        if added == count {
            break;
        }
        let from = rng.range(1, total - 1);
        let to = rng.range(0, total - 1);
        let (Some(&from_depth), Some(&to_depth)) = (depth_of.get(from), depth_of.get(to)) else {
            continue;
        };
        if to_depth >= from_depth {
            continue;
        }
        // Ids were given in order from 1.
        let (Ok(premise), Ok(target)) = (u32::try_from(from + 1), u32::try_from(to + 1)) else {
            continue;
        };
        let target = Target::Claim(ClaimId(target));
        let kind = if rng.chance(45) {
            LinkKind::Attack
        } else {
            LinkKind::Support
        };
        if let Ok(crate::edit::Edit::AddLink { id, link }) =
            crate::edit::connect(map, ClaimId(premise), target, kind)
        {
            map.links.insert(id, link);
            added += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stats;

    #[test]
    fn generated_maps_are_sound_sized_and_repeatable() {
        let map = generate(1000, 7);
        assert_eq!(map.claims.len(), 1000);
        assert!(map.validate().is_empty(), "{:?}", map.validate().first());
        assert_eq!(map, generate(1000, 7));
        assert_ne!(map, generate(1000, 8));
        let stats = Stats::of(&map);
        #[expect(clippy::cast_precision_loss, reason = "small counts, exact in f32")]
        let attack_share = stats.attacks as f32 / stats.links as f32;
        assert!((0.35..0.6).contains(&attack_share), "{stats}");
        let mut outgoing = std::collections::BTreeMap::<ClaimId, usize>::new();
        for link in map.links.values() {
            for &premise in &link.premises {
                *outgoing.entry(premise).or_default() += 1;
            }
        }
        let cross_linked = outgoing.values().filter(|&&n| n > 1).count();
        assert!(
            (45..=50).contains(&cross_linked),
            "5 % cross-links: {cross_linked}, {stats}"
        );
        assert!(stats.linked > 0 && stats.undercuts > 0, "{stats}");
        assert!(stats.depth <= 9, "{stats}");
        for claim in map.claims.values() {
            let words = claim.text.split_whitespace().count();
            assert!((8..=30).contains(&words), "{words} words");
        }
        assert_eq!(generate(1, 1).claims.len(), 1);
    }
}
