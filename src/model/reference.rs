//! What a reference list needs to know of a source: what kind of work it
//! is, who made it, where and when it appeared, and how to find it. Stored
//! in the map with the source (see [`super::Source`]); rendered in a
//! citation style by `crate::cite`, filled from BibTeX or CSL-JSON by
//! `crate::cite::import`.

use serde::{Deserialize, Serialize};

/// What kind of work a source is, as reference lists tell them apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Work {
    /// Anything else: a transcript, a speech, a handout.
    #[default]
    Document,
    /// An article in a journal or magazine.
    Article,
    /// An article in a newspaper.
    News,
    /// A book.
    Book,
    /// A chapter (or essay) in an edited book.
    Chapter,
    /// A page on a website.
    WebPage,
    /// A report by an organisation or agency.
    Report,
    /// A thesis or dissertation.
    Thesis,
}

impl Work {
    /// Every kind, as the sources dialog offers them.
    pub const ALL: [Self; 8] = [
        Self::Article,
        Self::News,
        Self::Book,
        Self::Chapter,
        Self::WebPage,
        Self::Report,
        Self::Thesis,
        Self::Document,
    ];

    /// The kind in words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Article => "journal article",
            Self::News => "newspaper article",
            Self::Book => "book",
            Self::Chapter => "book chapter",
            Self::WebPage => "web page",
            Self::Report => "report",
            Self::Thesis => "thesis",
        }
    }

    /// What its container is called: the journal, the newspaper, the book a
    /// chapter is in, the website.
    pub fn container_label(self) -> &'static str {
        match self {
            Self::Article => "Journal",
            Self::News => "Newspaper",
            Self::Chapter => "Book",
            Self::WebPage => "Website",
            Self::Report | Self::Thesis => "Series",
            Self::Document | Self::Book => "Published in",
        }
    }

    /// For serde: the default is not written.
    pub fn is_document(&self) -> bool {
        *self == Self::Document
    }
}

/// How a map writes its citations and reference list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CitationStyle {
    /// APA, 7th edition (author-date).
    #[default]
    Apa,
    /// The Chicago Manual of Style, author-date.
    Chicago,
    /// MLA, 9th edition.
    Mla,
}

impl CitationStyle {
    /// Every style, as menus offer them.
    pub const ALL: [Self; 3] = [Self::Apa, Self::Chicago, Self::Mla];

    /// Its name in menus: "APA 7".
    pub fn label(self) -> &'static str {
        match self {
            Self::Apa => "APA 7",
            Self::Chicago => "Chicago author-date",
            Self::Mla => "MLA 9",
        }
    }

    /// For serde: the default is not written.
    pub fn is_apa(&self) -> bool {
        *self == Self::Apa
    }
}

/// A person's or an organisation's name, in parts, so that each citation
/// style can order and shorten it as it must ("van Gogh, V.", "Vincent
/// van Gogh"). An organisation, or a name that is one piece, has only a
/// family name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Name {
    /// The family name (or the whole name of an organisation).
    pub family: String,
    /// The given names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// A particle of the family name: "van", "de la", "al-".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub particle: Option<String>,
    /// A suffix: "Jr.", "III".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

impl Name {
    /// A name of one piece: an organisation, or someone known by one name.
    pub fn whole(name: &str) -> Self {
        Self {
            family: name.trim().to_owned(),
            ..Self::default()
        }
    }

    /// The family name with its particle, as a short citation names
    /// someone: "van Gogh", "Doe", "World Health Organization".
    pub fn surname(&self) -> String {
        match self.particle.as_deref().map(str::trim) {
            Some(particle) if !particle.is_empty() => {
                // A particle ending in a hyphen or apostrophe joins the name.
                if particle.ends_with(['-', '\'', '’']) {
                    format!("{particle}{}", self.family)
                } else {
                    format!("{particle} {}", self.family)
                }
            }
            _ => self.family.clone(),
        }
    }

    /// The name as it is spoken: "Vincent van Gogh", "Martin Luther King
    /// Jr.".
    pub fn natural(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(given) = self.given.as_deref().filter(|g| !g.trim().is_empty()) {
            parts.push(given.trim().to_owned());
        }
        parts.push(self.surname());
        if let Some(suffix) = self.suffix.as_deref().filter(|s| !s.trim().is_empty()) {
            parts.push(suffix.trim().to_owned());
        }
        parts.join(" ")
    }

    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.family.trim().is_empty() && self.given.as_deref().is_none_or(|g| g.trim().is_empty())
    }
}

/// A calendar date as reference lists give it: a year, or a year and
/// month, or a full date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    /// The year (negative before the common era).
    pub year: i32,
    /// The month, 1–12.
    pub month: Option<u8>,
    /// The day, 1–31.
    pub day: Option<u8>,
}

impl Day {
    /// `2021`, `2021-05` or `2021-05-04` (ISO 8601's calendar forms); `None`
    /// for anything else, or a month or day out of range.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (sign, digits) = match text.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, text),
        };
        let mut parts = digits.split('-');
        let year_text = parts.next()?;
        if year_text.is_empty()
            || year_text.len() > 6
            || !year_text.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let two = |part: Option<&str>, most: u8| -> Result<Option<u8>, ()> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    let n: u8 = p.parse().map_err(|_| ())?;
                    if (1..=most).contains(&n) {
                        Ok(Some(n))
                    } else {
                        Err(())
                    }
                }
                Some(_) => Err(()),
            }
        };
        let month = two(parts.next(), 12).ok()?;
        let day = two(parts.next(), 31).ok()?;
        if parts.next().is_some() || (day.is_some() && month.is_none()) {
            return None;
        }
        Some(Self {
            year: sign * year,
            month,
            day,
        })
    }

    /// The date as [`Day::parse`] reads it.
    pub fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(month), Some(day)) => format!("{:04}-{month:02}-{day:02}", self.year),
            (Some(month), None) => format!("{:04}-{month:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_a_year_a_month_or_a_day() {
        assert_eq!(
            Day::parse("2021"),
            Some(Day {
                year: 2021,
                month: None,
                day: None
            })
        );
        assert_eq!(
            Day::parse(" 2021-05 ").map(Day::iso).as_deref(),
            Some("2021-05")
        );
        assert_eq!(
            Day::parse("2021-05-04").map(Day::iso).as_deref(),
            Some("2021-05-04")
        );
        assert_eq!(Day::parse("-0044-03-15").map(|d| d.year), Some(-44));
        for wrong in [
            "",
            "May 2021",
            "2021-13",
            "2021-00",
            "2021-5",
            "2021-05-32",
            "2021--04",
            "2021-05-04-01",
            "twenty",
        ] {
            assert_eq!(Day::parse(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn names_keep_their_particles_where_they_belong() {
        let gogh = Name {
            family: "Gogh".into(),
            given: Some("Vincent".into()),
            particle: Some("van".into()),
            suffix: None,
        };
        assert_eq!(gogh.surname(), "van Gogh");
        assert_eq!(gogh.natural(), "Vincent van Gogh");
        let khwarizmi = Name {
            family: "Khwarizmi".into(),
            given: Some("Muhammad ibn Musa".into()),
            particle: Some("al-".into()),
            suffix: None,
        };
        assert_eq!(khwarizmi.surname(), "al-Khwarizmi");
        let king = Name {
            family: "King".into(),
            given: Some("Martin Luther".into()),
            particle: None,
            suffix: Some("Jr.".into()),
        };
        assert_eq!(king.natural(), "Martin Luther King Jr.");
        assert_eq!(
            Name::whole(" World Health Organization ").surname(),
            "World Health Organization"
        );
        assert!(Name::default().is_empty());
    }
}
