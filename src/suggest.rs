//! "Did you mean" suggestions for misspelt keys, ids and values.

/// The candidate closest to `given`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = given.chars().count();
    let limit = (length / 3).max(2).min(length.saturating_sub(1));
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(given, c), c))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, candidate)| (distance, candidate))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names_only() {
        let keys = ["name", "email", "phone"];
        assert_eq!(did_you_mean("emial", keys), Some("email"));
        assert_eq!(did_you_mean("fone", keys), Some("phone"));
        assert_eq!(did_you_mean("address", keys), None);
    }
}
