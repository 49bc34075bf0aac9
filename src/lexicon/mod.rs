//! General word lists, kept as data files in this folder and compiled in with
//! [`data!`]. Each file starts with a header (lines beginning `#`) saying what belongs
//! in it. Lists are general to news (titles, reporting verbs, event words, units,
//! countries), never names from a particular story.
//!
//! The build step (`build.rs`) copies the files without their header comments into
//! `OUT_DIR`, and `data!("units.tsv")` embeds that copy: the comments document the lists
//! here and cost nothing in the binary or the WebAssembly module.

/// The data lines of the lexicon file `$name` of this folder (headers and blank lines
/// removed at build time), as a `&'static str`.
macro_rules! data {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/", $name))
    };
}
pub(crate) use data;

pub mod events;
pub mod forms;

/// Iterates the data lines of a lexicon file: header and blank lines skipped, trimmed.
pub fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Splits a tab-separated data line into trimmed fields.
pub fn fields(line: &'static str) -> impl Iterator<Item = &'static str> {
    line.split('\t').map(str::trim)
}

/// Reporting verbs (say, tell, announce, ...), every inflected form, lowercase.
pub const REPORTING_VERBS: &str = data!("reporting_verbs.txt");

/// True when `word` (lowercase) is a form of a reporting verb. The set is built once.
pub fn is_reporting_verb(word: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| lines(REPORTING_VERBS).flat_map(fields).collect()).contains(word)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reporting_verbs() {
        assert!(super::is_reporting_verb("said"));
        assert!(super::is_reporting_verb("told"));
        assert!(!super::is_reporting_verb("table"));
    }
}
