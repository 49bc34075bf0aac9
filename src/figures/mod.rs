//! Figures: every number in a document as an interval with unit, change, concept and event.
//! (Being written: see issue "Figures".)

use crate::report::Figure;
use crate::text::TextDoc;

/// Extracts the figures of one document. Spans are UTF-8 byte offsets into `doc.text`;
/// `id` and `doc` are set by the caller.
pub fn extract(doc: &TextDoc) -> Vec<Figure> {
    let _ = doc;
    Vec::new()
}
