//! Durations as written in the handbook: an exact length (`30m`, `72h`, `2w`) and calendar
//! months and years (`1mo`, `1y`), which are counted on the calendar.

use std::fmt;

use jiff::{Span, ZonedDateTime, civil};
use serde::de::{Deserialize, Deserializer};
use serde::{Serialize, Serializer};

use super::values::invalid;

/// A length of time as written in the handbook: `30m`, `4h`, `1h 30m`, `3d`, `2w`, and calendar
/// months and years, `1mo`, `1 month`, `1y`. The calendar parts are kept apart from the exact
/// part because their length depends on the date they are counted from: 31 January + 1 month
/// is 28 February (29 in a leap year), 1 July + 1 month is 1 August.
///
/// There is deliberately no ordering: whether `30d` is longer than `1mo` depends on the month.
/// Compare the instants that [`Duration::after`] gives for the same start instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Duration {
    years: u32,
    months: u32,
    exact: std::time::Duration,
}

/// The units of calendar months and years (humantime's names for them, and `mo`); every other
/// unit is humantime's and exact.
const MONTH_UNITS: &[&str] = &["mo", "month", "months", "M"];
const YEAR_UNITS: &[&str] = &["y", "yr", "yrs", "year", "years"];

impl Duration {
    pub const FORMS: &'static str = "write a number and a unit, e.g. `30m`, `4h`, `72h`, `1h 30m`, `3d`, `2w`, \
         or calendar months and years: `1mo`, `1 month`, `1y`";

    /// Reads `30m`, `1h 30m`, `4 hours`, `2w` (humantime's syntax) and calendar months and years
    /// (`1mo`, `2 months`, `1y`, mixed as in `1mo 2w`).
    pub fn parse(text: &str) -> Result<Duration, String> {
        let invalid = || format!("invalid duration `{text}`");
        let mut duration = Duration::default();
        let mut exact = Vec::new();
        let mut rest = text.trim();
        if rest.is_empty() {
            return Err(invalid());
        }
        while !rest.is_empty() {
            let unit_start = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c.is_whitespace()))
                .unwrap_or(rest.len());
            let (number, after) = rest.split_at(unit_start);
            let unit_end = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
            let (unit, after) = after.split_at(unit_end);
            let number = number.trim();
            if number.is_empty() || unit.is_empty() {
                return Err(invalid());
            }
            let add = |sum: u32| {
                let count = number.parse::<u32>().map_err(|_| invalid())?;
                sum.checked_add(count).ok_or_else(invalid)
            };
            if MONTH_UNITS.contains(&unit) {
                duration.months = add(duration.months)?;
            } else if YEAR_UNITS.contains(&unit) {
                duration.years = add(duration.years)?;
            } else {
                exact.push(format!("{number}{unit}"));
            }
            rest = after.trim_start();
        }
        if !exact.is_empty() {
            duration.exact = humantime::parse_duration(&exact.join(" ")).map_err(|_| invalid())?;
        }
        // Beyond about 20,000 years there is no calendar to count on.
        duration.span().map(|_| duration).ok_or_else(invalid)
    }

    pub fn from_secs(secs: u64) -> Self {
        Duration {
            exact: std::time::Duration::from_secs(secs),
            ..Duration::default()
        }
    }

    /// The number of days, for a duration of whole days and no calendar months or years.
    pub fn whole_days(self) -> Option<u64> {
        let whole = self.years == 0
            && self.months == 0
            && self.exact.subsec_nanos() == 0
            && self.exact.as_secs().is_multiple_of(86_400);
        whole.then_some(self.exact.as_secs() / 86_400)
    }

    /// The parts as written: calendar years, calendar months, and the exact rest in whole
    /// seconds (fractions of a second are not written anywhere), for the words pages use.
    pub fn parts(self) -> (u32, u32, u64) {
        (self.years, self.months, self.exact.as_secs())
    }

    /// Whether the duration has calendar months or years, whose length depends on the start.
    pub fn is_calendar(self) -> bool {
        self.years > 0 || self.months > 0
    }

    /// The instant this long after `start`: the calendar months and years on the calendar of
    /// `start`'s time zone (the same time of day, the day kept or else the month's last day:
    /// 31 January + 1 month = 28 February), then the exact part as elapsed time, so `72h`
    /// across a change to summer time ends at a wall-clock time one hour later. `None` past the
    /// year 9999.
    pub fn after(self, start: &ZonedDateTime) -> Option<ZonedDateTime> {
        start.checked_add(self.span()?).ok()
    }

    /// The day this long after `date`, as [`Duration::after`] counts, with the exact part in
    /// whole days (`36h` is one day). `None` past the year 9999.
    pub fn after_date(self, date: civil::Date) -> Option<civil::Date> {
        date.checked_add(self.span()?).ok()
    }

    /// Whether this span can end later than `other` started at the same day: compared from
    /// the first day of a 28-day February and of a 31-day month, so `31d` is longer than `1mo`
    /// and `28d` is not.
    pub fn longer_than(self, other: Duration) -> bool {
        [civil::date(2027, 2, 1), civil::date(2027, 7, 1)]
            .into_iter()
            .any(|start| {
                let start = start.to_datetime(civil::Time::midnight());
                let end = |d: Duration| d.span().and_then(|span| start.checked_add(span).ok());
                match (end(self), end(other)) {
                    (Some(mine), Some(theirs)) => mine > theirs,
                    (mine, theirs) => mine.is_none() && theirs.is_some(),
                }
            })
    }

    /// In the handbook's short syntax (`1h 30m`, `1mo`, `72h`), as browser scripts read it.
    pub fn short(self) -> String {
        self.text(false)
    }

    /// The duration as a jiff span: years and months, then the exact part in seconds.
    fn span(self) -> Option<Span> {
        let seconds = i64::try_from(self.exact.as_secs()).ok()?;
        Span::new()
            .try_years(self.years)
            .and_then(|s| s.try_months(self.months))
            .and_then(|s| s.try_seconds(seconds))
            .and_then(|s| s.try_nanoseconds(self.exact.subsec_nanos()))
            .ok()
    }

    /// The calendar parts in words (`1 year`, `2 months`) or in short form (`1y`, `2mo`), then
    /// the exact part: hours up to 72h, as deadlines are usually said ("within 24 hours",
    /// "72 hours"), days beyond: `30m`, `1h 30m`, `72h`, `30d`.
    fn text(self, words: bool) -> String {
        let mut parts = Vec::new();
        for (count, short, one, many) in [
            (self.years, "y", "year", "years"),
            (self.months, "mo", "month", "months"),
        ] {
            match (count, words) {
                (0, _) => {}
                (_, false) => parts.push(format!("{count}{short}")),
                (1, true) => parts.push(format!("1 {one}")),
                (_, true) => parts.push(format!("{count} {many}")),
            }
        }
        let mut rest = self.exact.as_secs();
        let days = if rest > 72 * 3_600 { 86_400 } else { u64::MAX };
        for (unit, secs) in [("d", days), ("h", 3_600), ("m", 60), ("s", 1)] {
            if rest >= secs {
                parts.push(format!("{}{unit}", rest / secs));
                rest %= secs;
            }
        }
        if parts.is_empty() {
            parts.push("0m".into());
        }
        parts.join(" ")
    }
}

impl std::ops::Add for Duration {
    type Output = Duration;

    fn add(self, other: Duration) -> Duration {
        Duration {
            years: self.years.saturating_add(other.years),
            months: self.months.saturating_add(other.months),
            exact: self.exact.saturating_add(other.exact),
        }
    }
}

/// As shown on pages and in messages: `1 month`, `2 years 6 months`, `1 month 72h`, `30d`.
impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(true))
    }
}

/// In the handbook's short syntax, which irbook reads back: `1mo`, `2y 6mo`, `1mo 72h`, `30d`.
/// `mo` rather than `month`, so that a reader using humantime, which takes a month for 30.44
/// days, fails instead of counting wrong.
impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text(false))
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Duration::parse(&text).map_err(|message| invalid(message, Duration::FORMS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Duration {
        Duration::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn day(text: &str) -> civil::Date {
        text.parse().unwrap()
    }

    fn json(duration: Duration) -> String {
        serde_json::to_string(&duration).unwrap()
    }

    #[test]
    fn exact_forms() {
        assert_eq!(d("1h 30m"), Duration::from_secs(5400));
        assert_eq!(d("1h30m"), Duration::from_secs(5400));
        assert_eq!(d("72h"), Duration::from_secs(72 * 3600));
        assert_eq!(d("2w"), Duration::from_secs(14 * 86400));
        assert_eq!(d("4 hours"), Duration::from_secs(4 * 3600));
        assert_eq!(d("3 days 2h"), Duration::from_secs(3 * 86400 + 7200));
        assert_eq!(d("90m").to_string(), "1h 30m");
        assert_eq!(d("2w").to_string(), "14d");
        assert_eq!(d("1d 1s").to_string(), "24h 1s");
        assert_eq!(d("3d").to_string(), "72h");
        assert_eq!(d("73h").to_string(), "3d 1h");
        assert_eq!(json(d("3d")), r#""72h""#);
    }

    #[test]
    fn calendar_forms() {
        let month = Duration {
            months: 1,
            ..Duration::default()
        };
        for text in ["1mo", "1 month", "1M", " 1mo "] {
            assert_eq!(d(text), month, "{text}");
        }
        assert_eq!(d("2 months").to_string(), "2 months");
        assert_eq!(d("1mo").to_string(), "1 month");
        assert_eq!(d("1y").to_string(), "1 year");
        assert_eq!(d("1 year").to_string(), "1 year");
        assert_eq!(d("2yrs 6mo").to_string(), "2 years 6 months");
        assert_eq!(d("1mo 2w").to_string(), "1 month 14d");
        assert_eq!(d("1mo") + d("72h"), d("72h 1 month"));
        assert_eq!(json(d("1mo")), r#""1mo""#);
        assert_eq!(json(d("1 year 2 months 2w")), r#""1y 2mo 14d""#);
        assert_eq!(d("1mo 2w").whole_days(), None);
        assert_eq!(d("4w").whole_days(), Some(28));
        assert_eq!(d("30d 1h").whole_days(), None);
    }

    #[test]
    fn invalid_forms() {
        for text in [
            "", "soon", "4", "mo", "1.5mo", "1 2mo", "1h,30m", "1h 30", "30 x", "20000y", "-1mo",
        ] {
            assert!(Duration::parse(text).is_err(), "{text}");
        }
        assert_eq!(Duration::parse("ASAP").unwrap_err(), "invalid duration `ASAP`");
    }

    #[test]
    fn months_count_on_the_calendar() {
        let month = d("1mo");
        assert_eq!(month.after_date(day("2026-01-31")), Some(day("2026-02-28")));
        assert_eq!(month.after_date(day("2028-01-31")), Some(day("2028-02-29")));
        assert_eq!(month.after_date(day("2028-02-29")), Some(day("2028-03-29")));
        assert_eq!(month.after_date(day("2026-03-31")), Some(day("2026-04-30")));
        assert_eq!(month.after_date(day("2026-12-31")), Some(day("2027-01-31")));
        assert_eq!(d("1y").after_date(day("2028-02-29")), Some(day("2029-02-28")));
        assert_eq!(d("12mo").after_date(day("2028-02-29")), Some(day("2029-02-28")));
        assert_eq!(d("1mo 2w").after_date(day("2026-01-31")), Some(day("2026-03-14")));
        assert_eq!(d("36h").after_date(day("2026-01-31")), Some(day("2026-02-01")));
        assert_eq!(d("365d").after_date(day("2028-01-01")), Some(day("2028-12-31")));
        assert_eq!(d("1y").after_date(day("9999-01-01")), None);
    }

    #[test]
    fn instants_keep_the_wall_clock_for_months_and_elapsed_time_for_hours() {
        let at = |text: &str| -> ZonedDateTime { text.parse().unwrap() };
        let start = at("2026-01-31T10:00[Europe/Copenhagen]");
        assert_eq!(
            d("1mo").after(&start),
            Some(at("2026-02-28T10:00[Europe/Copenhagen]"))
        );
        let before_summer_time = at("2026-03-28T12:00[Europe/Copenhagen]");
        assert_eq!(
            d("72h").after(&before_summer_time),
            Some(at("2026-03-31T13:00[Europe/Copenhagen]"))
        );
        assert_eq!(
            d("1mo").after(&before_summer_time),
            Some(at("2026-04-28T12:00[Europe/Copenhagen]"))
        );
        assert_eq!(
            d("1mo 72h").after(&start),
            Some(at("2026-03-03T10:00[Europe/Copenhagen]"))
        );
    }
}
