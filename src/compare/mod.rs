//! Compare: figures grouped into facts across documents, and each fact's status by
//! interval logic. (Being written: see issue "Cross-source comparison".)

use crate::report::{Fact, Figure};
use crate::text::TextDoc;

/// Groups the figures of all documents into facts, conflicts first.
pub fn group(docs: &[TextDoc], figures: &[Figure]) -> Vec<Fact> {
    let _ = (docs, figures);
    Vec::new()
}
