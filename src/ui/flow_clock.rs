//! The clocks of a round being flowed: the speech's, counting down from
//! the format's time, and each side's prep. Started and stopped by key;
//! the time is passed in, so they are tested without waiting.

/// A countdown that can be paused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clock {
    /// Its whole time, in seconds.
    pub total: f64,
    /// Seconds used while it was stopped before.
    used: f64,
    /// When it was last started, while it runs.
    started: Option<f64>,
}

/// How much time is left, for how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// More than [`WARN_AT`] seconds.
    Plenty,
    /// [`WARN_AT`] seconds or less.
    Warning,
    /// None: the speaker is over time.
    Over,
}

/// The seconds left at which a clock warns.
pub const WARN_AT: f64 = 30.0;

impl Clock {
    /// A stopped clock of `minutes`.
    pub fn of_minutes(minutes: f32) -> Self {
        Self {
            total: f64::from(minutes) * 60.0,
            used: 0.0,
            started: None,
        }
    }

    /// Starts it at `now` if stopped, stops it if running.
    pub fn toggle(&mut self, now: f64) {
        match self.started.take() {
            Some(started) => self.used += (now - started).max(0.0),
            None => self.started = Some(now),
        }
    }

    /// Whether it is running.
    pub fn running(&self) -> bool {
        self.started.is_some()
    }

    /// Seconds left at `now` (below zero when over time).
    pub fn left(&self, now: f64) -> f64 {
        let running = self.started.map_or(0.0, |s| (now - s).max(0.0));
        self.total - self.used - running
    }

    /// How urgent it is at `now`.
    pub fn urgency(&self, now: f64) -> Urgency {
        let left = self.left(now);
        if left <= 0.0 {
            Urgency::Over
        } else if left <= WARN_AT {
            Urgency::Warning
        } else {
            Urgency::Plenty
        }
    }
}

/// Seconds as a clock shows them: "7:42", "0:05", "+0:12" over time.
pub fn clock_text(seconds: f64) -> String {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a round lasts minutes, not ages"
    )]
    let whole = seconds.abs().ceil() as i64;
    let sign = if seconds < 0.0 && whole > 0 { "+" } else { "" };
    format!("{sign}{}:{:02}", whole / 60, whole % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_counts_down_only_while_running_and_warns_then_runs_over() {
        let mut clock = Clock::of_minutes(4.0);
        assert_eq!(clock_text(clock.left(100.0)), "4:00");
        clock.toggle(10.0);
        assert!(clock.running());
        assert_eq!(clock_text(clock.left(70.5)), "3:00");
        clock.toggle(70.0);
        assert_eq!(clock_text(clock.left(500.0)), "3:00", "stopped");
        clock.toggle(1000.0);
        assert_eq!(clock.urgency(1000.0 + 149.0), Urgency::Plenty);
        assert_eq!(clock.urgency(1000.0 + 150.0), Urgency::Warning);
        assert_eq!(clock_text(clock.left(1000.0 + 175.2)), "0:05");
        assert_eq!(clock.urgency(1000.0 + 180.0), Urgency::Over);
        assert_eq!(clock_text(clock.left(1000.0 + 192.0)), "+0:12");
    }
}
