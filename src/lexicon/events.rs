//! The event lexicon (`events.tsv`) with every form generated from its lemmas
//! ([`super::forms`]): one list shared by the figures stage (which searches the forms in
//! text) and the reading stage (which maps an event word to its event class).

use std::sync::OnceLock;

use super::forms::{forms, Pos};
use super::{fields, lines};

const EVENTS: &str = data!("events.tsv");

/// One form of an event word or phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventForm {
    /// The form as written, lowercase, words separated by single spaces.
    pub words: &'static str,
    /// The normalized event ("killed").
    pub event: &'static str,
    /// The line's flag (`adjacent`, `after`, `buildings`, `joined`, `label`), if any.
    pub flag: Option<&'static str>,
}

/// Every form of every lexicon line, in lexicon order (the forms of a line together).
/// A form listed twice keeps each line's flag.
pub fn entries() -> &'static [EventForm] {
    static T: OnceLock<Vec<EventForm>> = OnceLock::new();
    T.get_or_init(|| {
        let mut out = Vec::new();
        for l in lines(EVENTS) {
            let f: Vec<&'static str> = fields(l).collect();
            let (Some(&event), Some(pos), Some(&lemma)) = (f.first(), f.get(1).and_then(|p| Pos::from_code(p)), f.get(2)) else { continue };
            let flag = f.get(3).copied().filter(|x| !x.is_empty());
            for w in forms(lemma, pos) {
                // Generated once for the life of the program.
                let words: &'static str = if w == lemma { lemma } else { Box::leak(w.into_boxed_str()) };
                out.push(EventForm { words, event, flag });
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event_of(w: &str) -> Option<&'static str> {
        entries().iter().find(|e| e.words == w && e.flag != Some("label")).map(|e| e.event)
    }

    #[test]
    fn forms_never_listed_are_found() {
        assert_eq!(event_of("slain"), Some("killed"));
        assert_eq!(event_of("fatalities"), Some("killed"));
        assert_eq!(event_of("perishing"), Some("killed"));
        assert_eq!(event_of("fled"), Some("displaced"));
        assert_eq!(event_of("rescuing"), Some("rescued"));
        assert_eq!(event_of("saving"), Some("rescued"));
        assert_eq!(event_of("apprehends"), Some("detained"));
        assert_eq!(event_of("took to the streets"), Some("protested"));
        assert_eq!(event_of("taken into custody"), Some("detained"));
        assert_eq!(event_of("hospitalising"), Some("hospitalized"));
        // Not the bare "rescue" of "rescue teams".
        assert_eq!(event_of("rescue"), None);
    }
}
