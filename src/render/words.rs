//! Dates and durations as the theme writes them on pages, in the handbook's language:
//! "15 August 2026" / "15. august 2026" / "15. August 2026", "1 hour 30 minutes" /
//! "1 time 30 minutter" / "1 Stunde 30 Minuten". Machine-readable places (handbook.json,
//! calendar.ics, `<time datetime>`) keep ISO dates and the handbook's short syntax; `check`
//! output stays English.

use serde::Serialize;

use crate::model::{Date, Duration, Language};

/// A date on a page: ISO for `<time datetime="...">`, and as a reader of the language
/// writes it.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct DateView {
    pub iso: String,
    pub text: String,
}

pub fn date_view(language: Language, date: Date) -> DateView {
    DateView {
        iso: date.to_string(),
        text: self::date(language, date),
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// "15 August 2026", "15. august 2026", "15. August 2026" (no leading zero on the day).
pub fn date(language: Language, date: Date) -> String {
    let d = date.0;
    let month = usize::try_from(d.month() - 1).unwrap_or(0);
    match language {
        Language::En => format!("{} {} {}", d.day(), MONTHS_EN[month], d.year()),
        Language::Da => format!("{}. {} {}", d.day(), MONTHS_DA[month], d.year()),
        Language::De => format!("{}. {} {}", d.day(), MONTHS_DE[month], d.year()),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Unit {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
}

/// The numbers and units a duration is said in: calendar years and months, then the exact
/// part in hours up to 72 hours (as deadlines are said: "within 72 hours"), days beyond, then
/// minutes and seconds. Zero is "0 minutes".
fn pieces(duration: Duration) -> Vec<(u64, Unit)> {
    let (years, months, seconds) = duration.parts();
    let mut out = Vec::new();
    for (count, unit) in [(years, Unit::Year), (months, Unit::Month)] {
        if count > 0 {
            out.push((u64::from(count), unit));
        }
    }
    let mut rest = seconds;
    let day = if rest > 72 * 3_600 { 86_400 } else { u64::MAX };
    for (secs, unit) in [
        (day, Unit::Day),
        (3_600, Unit::Hour),
        (60, Unit::Minute),
        (1, Unit::Second),
    ] {
        if rest >= secs {
            out.push((rest / secs, unit));
            rest %= secs;
        }
    }
    if out.is_empty() {
        out.push((0, Unit::Minute));
    }
    out
}

/// German needs the dative after "innerhalb von" and "nach": "3 Tagen", "2 Monaten".
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Plain,
    Dative,
}

/// The word for `count` of `unit`: singular for 1, plural otherwise (also for 0).
fn word(language: Language, unit: Unit, count: u64, case: Case) -> &'static str {
    let (one, many, many_dative) = match (language, unit) {
        (Language::En, Unit::Year) => ("year", "years", "years"),
        (Language::En, Unit::Month) => ("month", "months", "months"),
        (Language::En, Unit::Day) => ("day", "days", "days"),
        (Language::En, Unit::Hour) => ("hour", "hours", "hours"),
        (Language::En, Unit::Minute) => ("minute", "minutes", "minutes"),
        (Language::En, Unit::Second) => ("second", "seconds", "seconds"),
        (Language::Da, Unit::Year) => ("år", "år", "år"),
        (Language::Da, Unit::Month) => ("måned", "måneder", "måneder"),
        (Language::Da, Unit::Day) => ("dag", "dage", "dage"),
        (Language::Da, Unit::Hour) => ("time", "timer", "timer"),
        (Language::Da, Unit::Minute) => ("minut", "minutter", "minutter"),
        (Language::Da, Unit::Second) => ("sekund", "sekunder", "sekunder"),
        (Language::De, Unit::Year) => ("Jahr", "Jahre", "Jahren"),
        (Language::De, Unit::Month) => ("Monat", "Monate", "Monaten"),
        (Language::De, Unit::Day) => ("Tag", "Tage", "Tagen"),
        (Language::De, Unit::Hour) => ("Stunde", "Stunden", "Stunden"),
        (Language::De, Unit::Minute) => ("Minute", "Minuten", "Minuten"),
        (Language::De, Unit::Second) => ("Sekunde", "Sekunden", "Sekunden"),
    };
    match (count, case) {
        (1, _) => one,
        (_, Case::Plain) => many,
        (_, Case::Dative) => many_dative,
    }
}

fn in_words(language: Language, duration: Duration, case: Case) -> String {
    pieces(duration)
        .into_iter()
        .map(|(count, unit)| format!("{count} {}", word(language, unit, count, case)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A duration in words: "2 hours", "1 hour 30 minutes", "1 month"; "2 timer", "1 måned";
/// "2 Stunden", "2 Monate". For a value shown on its own or after "every", "Deadline",
/// "RTO" and the like.
pub fn duration(language: Language, duration: Duration) -> String {
    in_words(language, duration, Case::Plain)
}

/// A duration after a word that in German takes the dative ("innerhalb", "nach"):
/// "3 Tagen", "2 Monaten" in German, as [`duration`] in English and Danish.
pub fn dative(language: Language, duration: Duration) -> String {
    in_words(language, duration, Case::Dative)
}

/// "within 2 hours", "inden for 2 timer", "innerhalb von 2 Stunden".
pub fn within(language: Language, duration: Duration) -> String {
    match language {
        Language::En => format!("within {}", self::duration(language, duration)),
        Language::Da => format!("inden for {}", self::duration(language, duration)),
        Language::De => format!("innerhalb von {}", dative(language, duration)),
    }
}

/// The compact due time of a printed checklist, counted from detection: `+1h 30m` in
/// English, `+1 t 30 min` in Danish (t for time, as in km/t), `+1 Std. 30 Min.` in German
/// (the abbreviations of everyday German; `h` reads as technical). Days beyond 72 hours and
/// calendar months and years are in words in Danish and German (`+4 dage`, `+1 Monat`), and
/// months and years in English (`+1 month`): they are rare on a checklist and short anyway.
pub fn due(language: Language, duration: Duration) -> String {
    let parts: Vec<String> = pieces(duration)
        .into_iter()
        .map(|(count, unit)| {
            let short = match (language, unit) {
                (_, Unit::Year | Unit::Month) => None,
                (Language::En, Unit::Day) => Some("d"),
                (Language::En, Unit::Hour) => Some("h"),
                (Language::En, Unit::Minute) => Some("m"),
                (Language::En, Unit::Second) => Some("s"),
                (Language::Da | Language::De, Unit::Day) => None,
                (Language::Da, Unit::Hour) => Some("t"),
                (Language::Da, Unit::Minute) => Some("min"),
                (Language::Da, Unit::Second) => Some("sek"),
                (Language::De, Unit::Hour) => Some("Std."),
                (Language::De, Unit::Minute) => Some("Min."),
                (Language::De, Unit::Second) => Some("Sek."),
            };
            match (short, language) {
                (Some(short), Language::En) => format!("{count}{short}"),
                (Some(short), _) => format!("{count} {short}"),
                (None, _) => format!("{count} {}", word(language, unit, count, Case::Plain)),
            }
        })
        .collect();
    format!("+{}", parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{Da, De, En};

    fn d(text: &str) -> Duration {
        Duration::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn dates() {
        for (iso, en, da, de) in [
            (
                "2026-08-15",
                "15 August 2026",
                "15. august 2026",
                "15. August 2026",
            ),
            ("2026-03-01", "1 March 2026", "1. marts 2026", "1. März 2026"),
            ("2027-05-31", "31 May 2027", "31. maj 2027", "31. Mai 2027"),
            (
                "2028-02-29",
                "29 February 2028",
                "29. februar 2028",
                "29. Februar 2028",
            ),
            (
                "2026-12-09",
                "9 December 2026",
                "9. december 2026",
                "9. Dezember 2026",
            ),
            (
                "2026-10-01",
                "1 October 2026",
                "1. oktober 2026",
                "1. Oktober 2026",
            ),
            ("2026-06-30", "30 June 2026", "30. juni 2026", "30. Juni 2026"),
            ("2026-07-04", "4 July 2026", "4. juli 2026", "4. Juli 2026"),
            ("2026-01-02", "2 January 2026", "2. januar 2026", "2. Januar 2026"),
        ] {
            assert_eq!(date(En, day(iso)), en);
            assert_eq!(date(Da, day(iso)), da);
            assert_eq!(date(De, day(iso)), de);
            assert_eq!(date_view(Da, day(iso)).iso, iso);
        }
    }

    #[test]
    fn durations_in_words() {
        for (text, en, da, de) in [
            ("2h", "2 hours", "2 timer", "2 Stunden"),
            ("1h", "1 hour", "1 time", "1 Stunde"),
            ("30m", "30 minutes", "30 minutter", "30 Minuten"),
            ("1m", "1 minute", "1 minut", "1 Minute"),
            (
                "1h 30m",
                "1 hour 30 minutes",
                "1 time 30 minutter",
                "1 Stunde 30 Minuten",
            ),
            (
                "90m",
                "1 hour 30 minutes",
                "1 time 30 minutter",
                "1 Stunde 30 Minuten",
            ),
            ("24h", "24 hours", "24 timer", "24 Stunden"),
            ("72h", "72 hours", "72 timer", "72 Stunden"),
            ("3d", "72 hours", "72 timer", "72 Stunden"),
            ("4d", "4 days", "4 dage", "4 Tage"),
            ("73h", "3 days 1 hour", "3 dage 1 time", "3 Tage 1 Stunde"),
            ("2w", "14 days", "14 dage", "14 Tage"),
            ("30d", "30 days", "30 dage", "30 Tage"),
            ("10s", "10 seconds", "10 sekunder", "10 Sekunden"),
            ("1mo", "1 month", "1 måned", "1 Monat"),
            ("2mo", "2 months", "2 måneder", "2 Monate"),
            ("1y", "1 year", "1 år", "1 Jahr"),
            ("2y", "2 years", "2 år", "2 Jahre"),
            ("1y 6mo", "1 year 6 months", "1 år 6 måneder", "1 Jahr 6 Monate"),
            ("1mo 2w", "1 month 14 days", "1 måned 14 dage", "1 Monat 14 Tage"),
            (
                "1mo 72h",
                "1 month 72 hours",
                "1 måned 72 timer",
                "1 Monat 72 Stunden",
            ),
        ] {
            assert_eq!(duration(En, d(text)), en, "{text}");
            assert_eq!(duration(Da, d(text)), da, "{text}");
            assert_eq!(duration(De, d(text)), de, "{text}");
        }
        assert_eq!(duration(En, Duration::default()), "0 minutes");
        assert_eq!(duration(Da, Duration::default()), "0 minutter");
        assert_eq!(duration(De, Duration::default()), "0 Minuten");
    }

    #[test]
    fn within_and_the_german_dative() {
        for (text, en, da, de) in [
            (
                "2h",
                "within 2 hours",
                "inden for 2 timer",
                "innerhalb von 2 Stunden",
            ),
            (
                "1h",
                "within 1 hour",
                "inden for 1 time",
                "innerhalb von 1 Stunde",
            ),
            (
                "30m",
                "within 30 minutes",
                "inden for 30 minutter",
                "innerhalb von 30 Minuten",
            ),
            ("4d", "within 4 days", "inden for 4 dage", "innerhalb von 4 Tagen"),
            (
                "1mo",
                "within 1 month",
                "inden for 1 måned",
                "innerhalb von 1 Monat",
            ),
            (
                "2mo",
                "within 2 months",
                "inden for 2 måneder",
                "innerhalb von 2 Monaten",
            ),
            ("2y", "within 2 years", "inden for 2 år", "innerhalb von 2 Jahren"),
            ("1y", "within 1 year", "inden for 1 år", "innerhalb von 1 Jahr"),
        ] {
            assert_eq!(within(En, d(text)), en, "{text}");
            assert_eq!(within(Da, d(text)), da, "{text}");
            assert_eq!(within(De, d(text)), de, "{text}");
        }
        assert_eq!(dative(De, d("5d")), "5 Tagen");
        assert_eq!(dative(Da, d("5d")), "5 dage");
        assert_eq!(dative(En, d("5d")), "5 days");
    }

    #[test]
    fn compact_due_times() {
        for (text, en, da, de) in [
            ("1h", "+1h", "+1 t", "+1 Std."),
            ("30m", "+30m", "+30 min", "+30 Min."),
            ("1h 30m", "+1h 30m", "+1 t 30 min", "+1 Std. 30 Min."),
            ("72h", "+72h", "+72 t", "+72 Std."),
            ("4d", "+4d", "+4 dage", "+4 Tage"),
            ("1d 1s", "+24h 1s", "+24 t 1 sek", "+24 Std. 1 Sek."),
            ("1mo", "+1 month", "+1 måned", "+1 Monat"),
            ("2mo 1h", "+2 months 1h", "+2 måneder 1 t", "+2 Monate 1 Std."),
        ] {
            assert_eq!(due(En, d(text)), en, "{text}");
            assert_eq!(due(Da, d(text)), da, "{text}");
            assert_eq!(due(De, d(text)), de, "{text}");
        }
    }

    /// Calendar months are said as written, whatever their length in days where they end
    /// (31 January + 1 month is 28 February: still "1 month").
    #[test]
    fn calendar_months_stay_months_at_the_end_of_a_month() {
        let month = d("1mo");
        assert_eq!(month.after_date(day("2026-01-31").0), Some(day("2026-02-28").0));
        assert_eq!(duration(Da, month), "1 måned");
        assert_eq!(within(De, d("1mo 2w")), "innerhalb von 1 Monat 14 Tagen");
        assert_eq!(duration(En, d("12mo")), "12 months");
        assert_eq!(duration(De, d("12mo")), "12 Monate");
    }
}
