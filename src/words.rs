//! Numbers and texts put into words for people: counts with their noun,
//! thousands grouped, long claims cut to one line. One helper for each, so
//! the status bar, panels, messages and the command line all say things
//! the same way.

use std::fmt::Write as _;

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

/// "1 claim", "2 claims", "1,000 claims": `n` and the noun, which must
/// take an "s" in the plural.
pub fn count(n: usize, noun: &str) -> String {
    let mut out = thousands(n);
    let _ = write!(out, " {noun}");
    if n != 1 {
        out.push('s');
    }
    out
}

/// `text` safe to print on a terminal: every control character but line
/// breaks and tabs — escape sequences (ESC, CSI, OSC), carriage returns,
/// backspaces, C1 controls — written as `\u{1b}`, so text from a map can
/// neither move the cursor, recolour, retitle nor hide what follows.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `text` on one line (every run of spaces and line breaks one space), at
/// most `max_chars` characters long: cut at the end with "…" when longer.
pub fn one_line(text: &str, max_chars: usize) -> String {
    let mut line = String::with_capacity(text.len().min(4 * max_chars));
    for word in text.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        if line.len() > 4 * max_chars {
            break;
        }
    }
    if line.chars().count() <= max_chars {
        return line;
    }
    let cut: String = line.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// `text` with its first letter in capitals: "Claim #3 …".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// How long ago, roughly: "40 seconds", "5 minutes", "3 hours".
pub fn duration(seconds: u64) -> String {
    match seconds {
        0..120 => format!("{seconds} seconds"),
        120..7200 => format!("{} minutes", seconds / 60),
        _ => format!("{} hours", seconds / 3600),
    }
}

/// A time as `AIFdb` writes it, in UTC: `2026-12-01 05:39:05`.
pub fn utc_timestamp(unix_seconds: u64) -> String {
    let days = unix_seconds / 86_400;
    let seconds = unix_seconds % 86_400;
    // Days since 1970-01-01 to a civil date, in 400-year eras of 146,097
    // days that start on 1 March 0000 (so leap days end each year).
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        seconds / 3_600,
        seconds % 3_600 / 60,
        seconds % 60
    )
}

/// `text` with Markdown's markup characters escaped, so it reads as
/// written (the outline, footnotes and reference lists).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(visible("plain\tand\nlines"), "plain\tand\nlines");
        assert_eq!(
            visible("red\u{1b}[31m, title\u{1b}]0;pwned\u{7}, back\r\u{9b}2J"),
            "red\\u{1b}[31m, title\\u{1b}]0;pwned\\u{7}, back\\u{d}\\u{9b}2J"
        );
    }

    #[test]
    fn timestamps_are_utc_calendar_times() {
        assert_eq!(utc_timestamp(0), "1970-01-01 00:00:00");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29 00:00:00");
        assert_eq!(utc_timestamp(1_796_103_545), "2026-12-01 05:39:05");
        assert_eq!(utc_timestamp(4_107_542_399), "2100-02-28 23:59:59");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_048_012), "1,048,012");
    }

    #[test]
    fn counts_take_their_plural() {
        assert_eq!(count(1, "claim"), "1 claim");
        assert_eq!(count(0, "claim"), "0 claims");
        assert_eq!(count(20_000, "claim"), "20,000 claims");
    }

    #[test]
    fn long_texts_are_cut_to_one_line() {
        assert_eq!(one_line("Short.", 10), "Short.");
        assert_eq!(one_line("Two\nlines  here", 40), "Two lines here");
        assert_eq!(one_line("Rule by law matters", 10), "Rule by l…");
        assert_eq!(one_line("法治社会信用体系", 5), "法治社会…");
        assert_eq!(one_line(&"word ".repeat(100_000), 12), "word word w…");
    }

    #[test]
    fn durations_and_capitals() {
        assert_eq!(duration(40), "40 seconds");
        assert_eq!(duration(300), "5 minutes");
        assert_eq!(duration(3 * 3600), "3 hours");
        assert_eq!(capitalised("claim #3"), "Claim #3");
        assert_eq!(capitalised(""), "");
    }
}
