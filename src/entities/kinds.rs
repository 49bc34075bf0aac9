//! Kinds: person, place, organisation or other, decided from cues summed over all the
//! mentions of an entity.
//!
//! Cues (weights in [`super::mentions`]): gazetteer place (+10 place), known institution
//! (+10 org), an organisation word in the name (+6 org: Ministry, Council, Agency, News...),
//! a place word ending the name (+6 place: Square, Airport...), an acronym (+3 org), a
//! capitalised title or honorific before it (+8 person), a lowercase role noun (+3 person),
//! "city of X", "the capital, X" (+6/+8 place), "X, Country" (+6 place), a type noun before
//! it ("news agency X": +6 org), a place preposition before it (+3 place for "in", "near",
//! "outside"...; +2 for "at", "from", "to", "into", "through"), a wire dateline's city or
//! country (+10 place), a place head before it ("River X", "Lake X": +6 place), "Residents
//! of X" at a sentence's start (+8 place), two to five capitalised words without type words
//! (+3 person for the first such mention of an entity, +1 for each further one; see
//! `Cues::add`), a reporting verb after it (+2 person),
//! "the" before a single word (−3 person), corporate context from
//! `entity_company_cues.txt` ("shares of X", "X's profits", "a spokeswoman for X": +4 org).
//! A name seen in corporate context and never with personal evidence (title, honorific,
//! role, several words) is an organisation whatever its reporting verbs. Otherwise the
//! kind with the highest total wins if it reaches 2, else the entity is a place when one of
//! its names is a city of the generated GeoNames gazetteer (`gazetteer_cities.txt`: the
//! weakest evidence, after the text's own cues and the other sources') and `other` if not.

use super::mentions::Cues;
use crate::report::EntityKind;

/// The kind for summed cues.
pub fn decide(c: &Cues) -> EntityKind {
    // A name seen in corporate context ("shares of X", "X's profits") and never with a
    // title, honorific, role or given name is a company, whatever reporting verbs say.
    if c.company > 0 && c.personal == 0 && c.place < 10 {
        return EntityKind::Org;
    }
    // A ship ("MV X", "the ferry X"), a product model ("ATR 72"), a named storm or wind never
    // named with a title or role: neither a person
    // nor an organisation.
    // (a model named by its maker's acronym in most mentions: "ATR 72")
    if c.thing > 0 && c.personal <= c.plain && c.place < 10 && (c.org < 10 || 3 * c.thing >= c.org) {
        return EntityKind::Other;
    }
    let best = c.person.max(c.place).max(c.org);
    if best < 2 {
        // (a city of the gazetteer with no other evidence)
        return if c.city > 0 && c.thing == 0 { EntityKind::Place } else { EntityKind::Other };
    }
    // Ties: place (gazetteer-backed) before org before person.
    if c.place == best {
        EntityKind::Place
    } else if c.org == best {
        EntityKind::Org
    } else {
        EntityKind::Person
    }
}

/// True when the cues make the entity strongly a place (never merged with a person).
pub fn strongly_place(c: &Cues) -> bool {
    c.place >= 6 && c.place > c.person
}

/// True when the cues make the entity strongly a person (never merged with a place).
pub fn strongly_person(c: &Cues) -> bool {
    c.person >= 8 && c.person > c.place
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decides_by_total() {
        assert_eq!(decide(&Cues { person: 8, place: 2, org: 0, ..Default::default() }), EntityKind::Person);
        assert_eq!(decide(&Cues { person: 3, place: 10, org: 0, ..Default::default() }), EntityKind::Place);
        assert_eq!(decide(&Cues { person: 0, place: 0, org: 6, ..Default::default() }), EntityKind::Org);
        assert_eq!(decide(&Cues { person: 1, place: 0, org: 0, ..Default::default() }), EntityKind::Other);
    }
}
