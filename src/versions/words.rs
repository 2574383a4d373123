//! A word-level diff of two texts: which words stayed, which went, which
//! came, as a reader would mark them up in the margin.

use serde::Serialize;

/// A run of a text in its diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum Piece {
    /// In both texts.
    Same(String),
    /// Only in the old text.
    Gone(String),
    /// Only in the new text.
    Came(String),
}

/// Above this many pairs of words the middle of the two texts is compared
/// as a whole (a hostile megabyte claim must not take quadratic time).
const MAX_CELLS: usize = 4_000_000;

/// `text` as runs of letters and runs of spaces, so that joining the
/// pieces gives the text back and a word compares equal wherever it ends.
fn tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|was| was != space) {
            tokens.push(&text[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        tokens.push(&text[start..]);
    }
    tokens
}

/// The diff of `old` and `new`, word by word, neighbouring pieces of one
/// kind joined.
pub fn diff(old: &str, new: &str) -> Vec<Piece> {
    let a = tokens(old);
    let b = tokens(new);
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut pieces = Vec::new();
    push(&mut pieces, Piece::Same(a[..prefix].concat()));
    if mid_a.len().saturating_mul(mid_b.len()) > MAX_CELLS {
        push(&mut pieces, Piece::Gone(mid_a.concat()));
        push(&mut pieces, Piece::Came(mid_b.concat()));
    } else {
        for piece in common_subsequence(mid_a, mid_b) {
            push(&mut pieces, piece);
        }
    }
    push(&mut pieces, Piece::Same(a[a.len() - suffix..].concat()));
    pieces
}

/// Adds `piece` to `pieces`, joined with the last one when of its kind;
/// empty pieces are left out.
fn push(pieces: &mut Vec<Piece>, piece: Piece) {
    let text = match &piece {
        Piece::Same(t) | Piece::Gone(t) | Piece::Came(t) => t,
    };
    if text.is_empty() {
        return;
    }
    match (pieces.last_mut(), piece) {
        (Some(Piece::Same(last)), Piece::Same(t))
        | (Some(Piece::Gone(last)), Piece::Gone(t))
        | (Some(Piece::Came(last)), Piece::Came(t)) => last.push_str(&t),
        (_, piece) => pieces.push(piece),
    }
}

/// The longest common subsequence of `a` and `b`, as pieces: what is in
/// both, and around it what went and what came (gone before came).
#[expect(
    clippy::many_single_char_names,
    reason = "The textbook names of the algorithm."
)]
fn common_subsequence(a: &[&str], b: &[&str]) -> Vec<Piece> {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lengths = vec![0_u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[at(i, j)] = if a[i] == b[j] {
                lengths[at(i + 1, j + 1)] + 1
            } else {
                lengths[at(i + 1, j)].max(lengths[at(i, j + 1)])
            };
        }
    }
    let mut pieces = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            push(&mut pieces, Piece::Same(a[i].to_owned()));
            i += 1;
            j += 1;
        } else if lengths[at(i + 1, j)] >= lengths[at(i, j + 1)] {
            push(&mut pieces, Piece::Gone(a[i].to_owned()));
            i += 1;
        } else {
            push(&mut pieces, Piece::Came(b[j].to_owned()));
            j += 1;
        }
    }
    for word in &a[i..] {
        push(&mut pieces, Piece::Gone((*word).to_owned()));
    }
    for word in &b[j..] {
        push(&mut pieces, Piece::Came((*word).to_owned()));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(pieces: &[Piece], keep: fn(&Piece) -> Option<&str>) -> String {
        pieces.iter().filter_map(keep).collect()
    }

    fn old_of(p: &Piece) -> Option<&str> {
        match p {
            Piece::Same(t) | Piece::Gone(t) => Some(t),
            Piece::Came(_) => None,
        }
    }

    fn new_of(p: &Piece) -> Option<&str> {
        match p {
            Piece::Same(t) | Piece::Came(t) => Some(t),
            Piece::Gone(_) => None,
        }
    }

    #[test]
    fn a_changed_word_is_marked_alone() {
        let pieces = diff(
            "Unlike Europe, China takes the risks seriously.",
            "Unlike the US, China takes the risks seriously.",
        );
        assert_eq!(
            pieces,
            [
                Piece::Same("Unlike ".into()),
                Piece::Gone("Europe,".into()),
                Piece::Came("the US,".into()),
                Piece::Same(" China takes the risks seriously.".into()),
            ]
        );
    }

    #[test]
    fn the_pieces_give_both_texts_back() {
        for (old, new) in [
            ("", "new words"),
            ("old words", ""),
            ("a b c d", "a x c y d"),
            ("  spaced   out  ", "spaced in"),
            ("法治 rule by law", "rule of law 法治"),
            ("same", "same"),
        ] {
            let pieces = diff(old, new);
            assert_eq!(joined(&pieces, old_of), old, "{old:?} → {new:?}");
            assert_eq!(joined(&pieces, new_of), new, "{old:?} → {new:?}");
        }
    }

    #[test]
    fn a_huge_rewrite_is_compared_as_a_whole() {
        let old = "a ".repeat(3_000);
        let new = "b ".repeat(3_000);
        let pieces = diff(&old, &new);
        assert_eq!(pieces.len(), 3, "gone, came, and the last space");
    }
}
