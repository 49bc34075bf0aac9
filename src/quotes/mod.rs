//! Quotes: quotation spans, speakers, and alignment across documents.
//! (Being written: see issue "Cross-source comparison".)

use crate::report::{Entity, Quote, QuoteGroup};
use crate::text::TextDoc;

/// Finds quotations in every document, attributes speakers (entity ids from `entities`,
/// whose mention spans are UTF-8 byte offsets) and groups the same statement across
/// documents. Quote spans are UTF-8 byte offsets.
pub fn analyze(docs: &[TextDoc], entities: &[Entity]) -> (Vec<Quote>, Vec<QuoteGroup>) {
    let _ = (docs, entities);
    (Vec::new(), Vec::new())
}
