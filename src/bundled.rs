//! The maps compiled into the binary, so they open from any folder.

use crate::format::ron;
use crate::model::Map;

/// A map that ships inside Argmap.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// Its file name in `maps/`.
    pub file_name: &'static str,
    /// What the New menu calls it.
    pub label: &'static str,
    /// The file's bytes.
    pub bytes: &'static [u8],
}

/// The map of the seed article, which a new user sees first.
pub const ARTICLE: Bundled = Bundled {
    file_name: "social-credit-system.ron",
    label: "Example: China's Social Credit System",
    bytes: include_bytes!("../maps/social-credit-system.ron"),
};

/// Maps to start from: the example, and templates.
pub const STARTERS: [Bundled; 6] = [
    Bundled {
        file_name: "debate-motion.ron",
        label: "Debate motion: proposition and opposition",
        bytes: include_bytes!("../maps/debate-motion.ron"),
    },
    Bundled {
        file_name: "essay-thesis.ron",
        label: "Seminar essay: thesis, reasons, objections",
        bytes: include_bytes!("../maps/essay-thesis.ron"),
    },
    Bundled {
        file_name: "homework-ban.ron",
        label: "Worked example: a debate case, built by keyboard",
        bytes: include_bytes!("../maps/homework-ban.ron"),
    },
    Bundled {
        file_name: "practice-round.ron",
        label: "Worked example: a Public Forum round, flowed live",
        bytes: include_bytes!("../maps/practice-round.ron"),
    },
    Bundled {
        file_name: "phones-in-class.ron",
        label: "Worked example: weighing a clash",
        bytes: include_bytes!("../maps/phones-in-class.ron"),
    },
    ARTICLE,
];

impl Bundled {
    /// The map. Bundled maps are checked by the tests, so this cannot fail
    /// in a released build; should it, the user gets an empty map named
    /// after the file rather than a crash.
    pub fn map(&self) -> Map {
        ron::load(self.bytes).unwrap_or_else(|_| Map::new(self.file_name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_map_loads() {
        for bundled in STARTERS {
            let map = ron::load(bundled.bytes).expect(bundled.file_name);
            assert!(!map.claims.is_empty());
        }
    }
}
