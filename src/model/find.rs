//! Finding claims by their words: the one rule the editor's Find and the
//! HTML handout's search both follow. A claim matches a query when every
//! word of the query, in any case, is somewhere in its searched words:
//! its title, its text, its note, its tags as `#tag`, and its citation in
//! words (the source's title and the paragraphs). Claims come in reading
//! order.
//!
//! The handout gets each claim's [`searched_words`] and the word
//! [`SEPARATORS`] from here, so its script only lowercases the query,
//! splits it and looks for each word.

use super::{Claim, ClaimId, Map, reading};

/// The characters that separate a query's words: Unicode's `White_Space`,
/// which is what [`char::is_whitespace`] tests (a unit test holds them
/// equal).
pub const SEPARATORS: [char; 25] = [
    '\u{0009}', '\u{000A}', '\u{000B}', '\u{000C}', '\u{000D}', '\u{0020}', '\u{0085}', '\u{00A0}',
    '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}',
    '\u{2007}', '\u{2008}', '\u{2009}', '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}',
    '\u{3000}',
];

/// The words of `query`, lowercased, in order.
pub fn query_words(query: &str) -> Vec<String> {
    query
        .split(|c: char| SEPARATORS.contains(&c))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Everything of `claim` a search looks through, lowercased, one field a
/// line.
pub fn searched_words(map: &Map, claim: &Claim) -> String {
    let mut fields: Vec<String> = Vec::with_capacity(5);
    if let Some(title) = &claim.title {
        fields.push(title.clone());
    }
    fields.push(claim.text.clone());
    if let Some(note) = &claim.note {
        fields.push(note.clone());
    }
    if !claim.tags.is_empty() {
        let tags: Vec<String> = claim.tags.iter().map(|t| format!("#{t}")).collect();
        fields.push(tags.join(" "));
    }
    if let Some(citation) = &claim.source {
        fields.push(map.citation_text(citation));
    }
    fields.join("\n").to_lowercase()
}

/// Whether `searched` (a claim's [`searched_words`]) holds every one of
/// `words` (a query's [`query_words`]); no words match nothing.
pub fn matches(searched: &str, words: &[String]) -> bool {
    !words.is_empty() && words.iter().all(|word| searched.contains(word.as_str()))
}

/// The claims of `map` that match `query`, in reading order.
pub fn find(map: &Map, query: &str) -> Vec<ClaimId> {
    let words = query_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    reading::order(map)
        .into_iter()
        .filter(|id| {
            map.claims
                .get(id)
                .is_some_and(|claim| matches(&searched_words(map, claim), &words))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Link, LinkKind, Pos, Source, Target};

    #[test]
    fn the_separators_are_unicode_white_space() {
        let white: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(white, SEPARATORS);
    }

    #[test]
    fn every_word_anywhere_in_the_claims_words_in_reading_order() {
        let mut map = Map::new("Find");
        let thesis = map.add_claim(Claim::new("Homework should be optional", Pos::default()));
        let mut reason = Claim::new("Children need rest", Pos::new(-100.0, 200.0));
        reason.title = Some("Rest".to_owned());
        reason.note = Some("Ask the nurse".to_owned());
        reason.tags = vec!["health".to_owned()];
        reason.source = Some(Citation::paragraph("survey", 4));
        let reason = map.add_claim(reason);
        let objection = map.add_claim(Claim::new("Practice builds HABITS", Pos::new(100.0, 200.0)));
        map.sources.insert(
            "survey".to_owned(),
            Source {
                title: "Sleep Survey".to_owned(),
                ..Source::default()
            },
        );
        map.thesis = Some(thesis);
        map.add_link(Link::new(
            LinkKind::Support,
            vec![reason],
            Target::Claim(thesis),
        ));
        map.add_link(Link::new(
            LinkKind::Attack,
            vec![objection],
            Target::Claim(thesis),
        ));

        assert_eq!(find(&map, "habits"), [objection]);
        assert_eq!(
            find(&map, "NEED  children"),
            [reason],
            "any order, any case"
        );
        assert_eq!(find(&map, "nurse #health"), [reason], "note and tags");
        assert_eq!(find(&map, "sleep ¶4"), [reason], "the citation in words");
        assert_eq!(find(&map, "rest"), [reason], "the title");
        assert_eq!(find(&map, "homework habits"), Vec::<ClaimId>::new());
        assert_eq!(
            find(&map, "e"),
            [thesis, reason, objection],
            "reading order"
        );
        assert!(find(&map, " \u{3000} ").is_empty(), "no words find nothing");
        assert_eq!(query_words("a\u{00A0}B\u{2003}c"), ["a", "b", "c"]);
    }
}
