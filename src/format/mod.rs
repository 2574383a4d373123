//! Pure conversions between maps and bytes. Nothing here touches the file
//! system: see [`crate::store`] for reading and writing files.

pub mod aif;
pub mod argdown;
pub mod markdown;
pub mod outline;
pub mod ron;

pub use ron::ParseError;

use std::collections::{BTreeSet, HashMap};

use crate::model::{ClaimId, Map, Target};

/// A map read from another tool's format, with what did not carry over.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The map.
    pub map: Map,
    /// What could not be represented, or was read in a particular way:
    /// one sentence each, for the user.
    pub report: Vec<String>,
    /// Whether every claim came with a position; if not, arrange the map.
    pub positioned: bool,
}

impl Imported {
    /// The import with whatever the source file got wrong (a link to a
    /// node that is not there, a link to itself) left out and reported:
    /// an importer never hands over a map that fails validation.
    #[must_use]
    pub fn mended(mut self) -> Self {
        let fixes = self.map.repair();
        if !fixes.is_empty() {
            self.report.push(format!(
                "{} broken parts of the file were left out: {}",
                fixes.len(),
                fixes.join(" ")
            ));
        }
        self
    }
}

/// `1048012` as "1,048,012".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The bytes as text: UTF-8 (a byte-order mark is skipped), not empty.
///
/// # Errors
/// [`ParseError::NotText`] with the offset of the first invalid byte, or
/// [`ParseError::Empty`].
pub fn text_of(bytes: &[u8]) -> Result<&str, ParseError> {
    let (bom, bytes) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    // The offset counts from the start of the file, mark included.
    let text = std::str::from_utf8(bytes).map_err(|err| ParseError::NotText {
        offset: bom + err.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(text)
}

/// The claim that answers nothing and that the most links lead to,
/// directly or not: the main conclusion of an analysed argument.
pub fn main_conclusion(map: &Map) -> Option<ClaimId> {
    let answers_something: BTreeSet<ClaimId> = map
        .links
        .values()
        .flat_map(|l| l.premises.iter().copied())
        .collect();
    let mut into: HashMap<ClaimId, usize> = HashMap::new();
    for link in map.links.values() {
        if let Target::Claim(c) = link.target {
            *into.entry(c).or_default() += 1;
        }
    }
    let best = |candidates: &mut dyn Iterator<Item = ClaimId>| {
        candidates
            .filter(|c| into.contains_key(c))
            .max_by_key(|c| (into[c], std::cmp::Reverse(*c)))
    };
    // When every claim answers something (a cycle), the most answered.
    best(
        &mut map
            .claims
            .keys()
            .copied()
            .filter(|c| !answers_something.contains(c)),
    )
    .or_else(|| best(&mut map.claims.keys().copied()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_000), "1,000");
        assert_eq!(super::thousands(1_048_012), "1,048,012");
    }
}
