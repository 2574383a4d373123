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

/// Up to this many pairs of words the middle of the two texts is compared
/// by the longest common subsequence (exact, quadratic); above it, by
/// Myers' O((N+M)·D) walk, which is fast when the texts differ little.
const MAX_CELLS: usize = 250_000;

/// Texts that differ in more than this many words are compared as a whole
/// (all of the old gone, all of the new come): a rewrite, where a word by
/// word diff says nothing, and a hostile text must not take quadratic time.
const MAX_EDITS: usize = 200;

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
    let walked = if mid_a.len().saturating_mul(mid_b.len()) <= MAX_CELLS {
        Some(common_subsequence(mid_a, mid_b))
    } else {
        shortest_edit(mid_a, mid_b, MAX_EDITS)
    };
    if let Some(walked) = walked {
        for piece in walked {
            push(&mut pieces, piece);
        }
    } else {
        push(&mut pieces, Piece::Gone(mid_a.concat()));
        push(&mut pieces, Piece::Came(mid_b.concat()));
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

/// The shortest edit from `a` to `b` (Myers, 1986) as pieces, what went
/// before what came in each changed run; `None` when it takes more than
/// `limit` words gone or come. Time O((N+M)·D) for D edits; a quick count
/// of the words the texts share first refuses texts that cannot be within
/// `limit` of each other.
#[expect(
    clippy::many_single_char_names,
    reason = "The textbook names of the algorithm."
)]
fn shortest_edit(a: &[&str], b: &[&str], limit: usize) -> Option<Vec<Piece>> {
    let (n, m) = (a.len(), b.len());
    // At least |n − m| edits, and every word of one not in the other.
    let mut counts: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    let mut shared = 0_usize;
    for w in b {
        if let Some(c) = counts.get_mut(w)
            && *c > 0
        {
            *c -= 1;
            shared += 1;
        }
    }
    if n + m - 2 * shared > limit {
        return None;
    }
    let max = (n + m).min(limit);
    let offset = max + 1;
    // v[k + offset]: the furthest x on diagonal k = x − y; one copy per d,
    // kept to walk back.
    let mut v = vec![0_usize; 2 * offset + 1];
    let shift = isize::try_from(offset).ok()?;
    let at = |k: isize| usize::try_from(k + shift).unwrap_or(0);
    // Each d keeps only the diagonals it can have reached, -d-1 ..= d+1.
    let mut trace: Vec<Vec<usize>> = Vec::new();
    let mut found = None;
    'outer: for d in 0..=max {
        trace.push(v[offset - d - 1..=offset + d + 1].to_vec());
        let d_i = isize::try_from(d).ok()?;
        for k in (-d_i..=d_i).step_by(2) {
            let down = k == -d_i || (k != d_i && v[at(k - 1)] < v[at(k + 1)]);
            let mut x = if down { v[at(k + 1)] } else { v[at(k - 1)] + 1 };
            let mut y = usize::try_from(isize::try_from(x).ok()? - k).ok()?;
            while x < n && y < m && a[x] == b[y] {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                found = Some(d);
                break 'outer;
            }
        }
    }
    let found = found?;
    // Walk back from the end: each step of d is one word gone or come,
    // after a run of words in both.
    let mut steps: Vec<Piece> = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..=found).rev() {
        let window = &trace[d];
        let k = isize::try_from(x).ok()? - isize::try_from(y).ok()?;
        let d_i = isize::try_from(d).ok()?;
        // Diagonal k of this window: it starts at diagonal -d-1.
        let at = |k: isize| usize::try_from(k + d_i + 1).unwrap_or(0);
        let v = window;
        let down = k == -d_i || (k != d_i && v[at(k - 1)] < v[at(k + 1)]);
        let prev_k = if down { k + 1 } else { k - 1 };
        let prev_x = v[at(prev_k)];
        let prev_y = usize::try_from(isize::try_from(prev_x).ok()? - prev_k).ok()?;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            steps.push(Piece::Same(a[x].to_owned()));
        }
        if down {
            y -= 1;
            steps.push(Piece::Came(b[y].to_owned()));
        } else {
            x -= 1;
            steps.push(Piece::Gone(a[x].to_owned()));
        }
        x = prev_x;
        y = prev_y;
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        steps.push(Piece::Same(a[x].to_owned()));
    }
    steps.reverse();
    // Within each changed run, what went before what came.
    let mut pieces = Vec::new();
    let (mut gone, mut came) = (String::new(), String::new());
    for step in steps {
        match step {
            Piece::Gone(t) => gone.push_str(&t),
            Piece::Came(t) => came.push_str(&t),
            same @ Piece::Same(_) => {
                push(&mut pieces, Piece::Gone(std::mem::take(&mut gone)));
                push(&mut pieces, Piece::Came(std::mem::take(&mut came)));
                push(&mut pieces, same);
            }
        }
    }
    push(&mut pieces, Piece::Gone(gone));
    push(&mut pieces, Piece::Came(came));
    Some(pieces)
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

    /// The words both texts keep, as the longest common subsequence has
    /// them: a shortest edit keeps as many.
    fn kept(pieces: &[Piece]) -> usize {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Same(t) => Some(tokens(t).len()),
                _ => None,
            })
            .sum()
    }

    #[test]
    fn the_shortest_edit_keeps_as_many_words_as_the_longest_common_subsequence() {
        // Deterministic pseudo-random texts over a small vocabulary, so
        // words repeat and alignments tie.
        let mut seed = 7_u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            usize::try_from(seed >> 33).unwrap_or(0)
        };
        let words = ["a", "b", "c", "law", "法治", "d"];
        for _ in 0..300 {
            let text = |next: &mut dyn FnMut() -> usize| -> String {
                let len = next() % 30;
                (0..len)
                    .map(|_| words[next() % words.len()])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let (old, new) = (text(&mut next), text(&mut next));
            let (a, b) = (tokens(&old), tokens(&new));
            let walked = shortest_edit(&a, &b, usize::MAX / 4).expect("within the limit");
            let exact = common_subsequence(&a, &b);
            assert_eq!(joined(&walked, old_of), old, "{old:?} → {new:?}");
            assert_eq!(joined(&walked, new_of), new, "{old:?} → {new:?}");
            assert_eq!(kept(&walked), kept(&exact), "{old:?} → {new:?}");
        }
    }

    #[test]
    fn long_texts_with_small_edits_are_marked_word_by_word() {
        // Different at both ends, so the whole middle is walked.
        let middle: Vec<String> = (0..1_000).map(|i| format!("w{}", i % 37)).collect();
        let old = format!("Start {} end.", middle.join(" "));
        let mut changed = middle.clone();
        changed[500] = "changed".to_owned();
        changed.remove(700);
        let new = format!("Begin {} finish.", changed.join(" "));
        let pieces = diff(&old, &new);
        assert!(
            pieces.contains(&Piece::Came("changed".into())),
            "{pieces:?}"
        );
        assert!(pieces.contains(&Piece::Gone("Start".into())), "{pieces:?}");
        assert_eq!(joined(&pieces, old_of), old);
        assert_eq!(joined(&pieces, new_of), new);
        // Most of it is kept: a word-by-word diff, not a rewrite.
        assert!(kept(&pieces) > 1_900, "{}", kept(&pieces));
    }

    #[test]
    fn a_huge_rewrite_is_compared_as_a_whole() {
        let old = "a ".repeat(3_000);
        let new = "b ".repeat(3_000);
        let pieces = diff(&old, &new);
        assert_eq!(pieces.len(), 3, "gone, came, and the last space");
    }
}
