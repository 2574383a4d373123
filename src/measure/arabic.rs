//! Arabic letters in the shapes they take inside a word. Text layout here
//! draws each character on its own, so without this Arabic shows every
//! letter in its stand-alone form; this picks each letter's initial,
//! medial, final or isolated form (Unicode's presentation forms, which the
//! bundled Hebrew–Arabic font has), and joins lam and alef into their
//! ligature. It works on text in reading order, before it is reordered
//! for display.

/// How a letter joins its neighbours.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Joining {
    /// Joins on both sides (most letters).
    Dual,
    /// Joins only to the letter before it (alef, dal, ra, waw…).
    Right,
    /// Does not change the joining around it (vowel marks).
    Transparent,
    /// Joins nothing.
    None,
}

/// The isolated form of each letter from U+0621 to U+064A, and whether it
/// has two forms (isolated, final) or four (isolated, final, initial,
/// medial), which follow it in Unicode's presentation forms B.
const FORMS: [(u32, Joining); 42] = [
    (0xFE80, Joining::None),  // hamza
    (0xFE81, Joining::Right), // alef with madda
    (0xFE83, Joining::Right), // alef with hamza above
    (0xFE85, Joining::Right), // waw with hamza
    (0xFE87, Joining::Right), // alef with hamza below
    (0xFE89, Joining::Dual),  // yeh with hamza
    (0xFE8D, Joining::Right), // alef
    (0xFE8F, Joining::Dual),  // beh
    (0xFE93, Joining::Right), // teh marbuta
    (0xFE95, Joining::Dual),  // teh
    (0xFE99, Joining::Dual),  // theh
    (0xFE9D, Joining::Dual),  // jeem
    (0xFEA1, Joining::Dual),  // hah
    (0xFEA5, Joining::Dual),  // khah
    (0xFEA9, Joining::Right), // dal
    (0xFEAB, Joining::Right), // thal
    (0xFEAD, Joining::Right), // reh
    (0xFEAF, Joining::Right), // zain
    (0xFEB1, Joining::Dual),  // seen
    (0xFEB5, Joining::Dual),  // sheen
    (0xFEB9, Joining::Dual),  // sad
    (0xFEBD, Joining::Dual),  // dad
    (0xFEC1, Joining::Dual),  // tah
    (0xFEC5, Joining::Dual),  // zah
    (0xFEC9, Joining::Dual),  // ain
    (0xFECD, Joining::Dual),  // ghain
    (0, Joining::None),       // U+063B–U+063F: not in presentation forms B
    (0, Joining::None),
    (0, Joining::None),
    (0, Joining::None),
    (0, Joining::None),
    (0, Joining::Dual),       // tatweel: joins, keeps its shape
    (0xFED1, Joining::Dual),  // feh
    (0xFED5, Joining::Dual),  // qaf
    (0xFED9, Joining::Dual),  // kaf
    (0xFEDD, Joining::Dual),  // lam
    (0xFEE1, Joining::Dual),  // meem
    (0xFEE5, Joining::Dual),  // noon
    (0xFEE9, Joining::Dual),  // heh
    (0xFEED, Joining::Right), // waw
    (0xFEEF, Joining::Right), // alef maksura
    (0xFEF1, Joining::Dual),  // yeh
];

fn joining(c: char) -> (u32, Joining) {
    match c {
        '\u{0621}'..='\u{064A}' => FORMS[c as usize - 0x0621],
        '\u{064B}'..='\u{065F}' | '\u{0670}' => (0, Joining::Transparent),
        _ => (0, Joining::None),
    }
}

/// The lam–alef ligature (isolated form) for the alef that follows lam.
fn lam_alef(alef: char) -> Option<u32> {
    match alef {
        '\u{0622}' => Some(0xFEF5),
        '\u{0623}' => Some(0xFEF7),
        '\u{0625}' => Some(0xFEF9),
        '\u{0627}' => Some(0xFEFB),
        _ => None,
    }
}

/// Whether `text` has Arabic letters to shape.
pub fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
}

/// `text` with each Arabic letter in its joined form.
pub fn shape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    // The nearest letter before and after each position that is not a
    // vowel mark.
    let is_letter = |c: &&char| joining(**c).1 != Joining::Transparent;
    let before = |at: usize| chars[..at].iter().rev().find(is_letter).copied();
    let after = |at: usize| {
        chars
            .get(at + 1..)
            .and_then(|rest| rest.iter().find(is_letter).copied())
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let (isolated, kind) = joining(c);
        if isolated == 0 || matches!(kind, Joining::Transparent) {
            out.push(c);
            i += 1;
            continue;
        }
        let joins_before = before(i).is_some_and(|p| joining(p).1 == Joining::Dual);
        let next = after(i);
        // Lam and alef become one ligature, in its isolated or final form.
        if c == '\u{0644}'
            && let Some(ligature) = next.and_then(lam_alef)
        {
            let form = ligature + u32::from(joins_before);
            out.extend(char::from_u32(form));
            // Skip vowel marks up to and including the alef, keeping them.
            i += 1;
            while i < chars.len() && joining(chars[i]).1 == Joining::Transparent {
                out.push(chars[i]);
                i += 1;
            }
            i += 1;
            continue;
        }
        let joins_after = kind == Joining::Dual
            && next.is_some_and(|n| matches!(joining(n).1, Joining::Dual | Joining::Right));
        let joins_before = joins_before && kind != Joining::None;
        let offset = match (joins_before, joins_after) {
            (false, false) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (true, true) => 3,
        };
        out.extend(char::from_u32(isolated + offset));
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_take_their_joined_forms() {
        // "salam" (peace): seen initial, lam–alef final ligature, meem
        // isolated (nothing joins after alef).
        assert_eq!(shape("سلام"), "\u{FEB3}\u{FEFC}\u{FEE1}");
        // "bab" (door): beh initial, alef final, beh isolated.
        assert_eq!(shape("باب"), "\u{FE91}\u{FE8E}\u{FE8F}");
        // Medial: "bint" (girl) beh initial, noon medial, teh final.
        assert_eq!(shape("بنت"), "\u{FE91}\u{FEE8}\u{FE96}");
        // Vowel marks do not break the joining and stay in place.
        assert_eq!(shape("بَت"), "\u{FE91}\u{064E}\u{FE96}");
        // Other text is untouched; words are shaped on their own.
        assert_eq!(shape("rule بب law"), "rule \u{FE91}\u{FE90} law");
        assert!(!has_arabic("שלום and 法治"));
        assert!(has_arabic("قانون"));
    }
}
