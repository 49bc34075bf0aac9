//! Renders a [`Report`] as Markdown or CSV: the tables a person reads (facts × sources,
//! entities × sources, aligned quotes). One implementation shared by the CLI
//! (`--format markdown`) and the page's export buttons (through the wasm boundary).

use crate::report::{Report, Status};
use std::fmt::Write;

/// Output formats of [`render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "markdown" | "md" => Ok(Format::Markdown),
            "csv" => Ok(Format::Csv),
            other => Err(format!("unknown format {other:?}: use json, markdown or csv")),
        }
    }
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string())),
        Format::Markdown => markdown(report),
        Format::Csv => csv(report),
    }
}

/// Status as a word.
pub fn status_word(s: Status) -> &'static str {
    match s {
        Status::Agree => "agree",
        Status::Consistent => "consistent",
        Status::Conflict => "conflict",
        Status::Single => "single",
    }
}

/// Most distinct spellings one export cell lists; the rest are counted.
const MAX_SPELLINGS: usize = 24;

/// The text of fact `fact` in document `doc`: its figures as written, joined by "; ",
/// each distinct spelling once, with a count when a long input repeats it
/// ("two days (×3); 2 days"), at most [`MAX_SPELLINGS`] of them ("; … 5 more").
pub fn cell(report: &Report, fact: usize, doc: usize) -> String {
    let Some(f) = report.facts.get(fact) else { return String::new() };
    let mut seen: Vec<(&crate::report::Figure, usize)> = Vec::new();
    let mut more = 0usize;
    for g in f.figures.iter().filter_map(|&id| report.figures.get(id)).filter(|g| g.doc == doc) {
        // A linear scan over at most MAX_SPELLINGS entries: linear time overall.
        if let Some(e) = seen.iter_mut().find(|e| e.0.text == g.text) {
            e.1 += 1;
        } else if seen.len() < MAX_SPELLINGS {
            seen.push((g, 1));
        } else {
            more += 1;
        }
    }
    let mut out = String::new();
    for (i, (g, n)) in seen.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str(&g.text);
        // A number in words ("hundreds of people"): the interval it is read as, in
        // brackets, so it is not mistaken for the source's words.
        if let Some([lo, hi]) = g.range {
            if hi > lo && !g.text.bytes().any(|b| b.is_ascii_digit()) {
                let _ = write!(out, " [{}–{}]", crate::compare::fmt_num(lo), crate::compare::fmt_num(hi));
            }
        }
        if *n > 1 {
            let _ = write!(out, " (×{n})");
        }
    }
    if more > 0 {
        let _ = write!(out, "; … {more} more");
    }
    out
}

/// The summary line: "12 facts: 7 agree, 3 conflict, 2 single-source".
pub fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let mut parts = Vec::new();
    for (n, w) in [(s.agree, "agree"), (s.consistent, "consistent"), (s.conflict, "conflict"), (s.single, "single-source")] {
        if n > 0 {
            parts.push(format!("{n} {w}"));
        }
    }
    let mut line = format!("{} fact{}", s.facts, if s.facts == 1 { "" } else { "s" });
    if !parts.is_empty() {
        line.push_str(": ");
        line.push_str(&parts.join(", "));
    }
    if s.changing > 0 {
        let _ = write!(line, " ({} changing over time)", s.changing);
    }
    line
}

fn md_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// A Markdown table header: two named columns, then one per document.
fn md_header(out: &mut String, r: &Report, first: &str, second: &str) {
    let _ = write!(out, "| {first} | {second} |");
    for d in &r.documents {
        let _ = write!(out, " {} |", md_escape(&d.name));
    }
    out.push_str("\n|---|---|");
    for _ in &r.documents {
        out.push_str("---|");
    }
    out.push('\n');
}

fn markdown(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# crosscheck report\n\n{}\n", summary_line(r));
    for n in &r.notices {
        let _ = writeln!(out, "> {}\n", md_escape(n));
    }
    for d in &r.documents {
        for w in &d.warnings {
            let _ = writeln!(out, "> **{}**: {}\n", md_escape(&d.name), md_escape(w));
        }
    }
    // Facts.
    let _ = writeln!(out, "## Facts\n");
    md_header(&mut out, r, "fact", "status");
    for f in &r.facts {
        let mut status = status_word(f.status).to_string();
        if f.changing {
            status.push_str(", changing");
        }
        // A part sits under its total, marked as one ("↳ People killed in Kansas").
        let label = if f.parts_of.is_some() { format!("↳ {}", fact_label(f)) } else { fact_label(f) };
        let _ = write!(out, "| {} | {} |", md_escape(&label), status);
        for d in &r.documents {
            let c = md_escape(&cell(r, f.id, d.id));
            if f.outliers.contains(&d.id) && !c.is_empty() {
                let _ = write!(out, " **{c}** (outlier) |");
            } else {
                let _ = write!(out, " {c} |");
            }
        }
        out.push('\n');
    }
    let notes: Vec<&crate::report::Fact> = r.facts.iter().filter(|f| !f.note.is_empty()).collect();
    if !notes.is_empty() {
        out.push('\n');
        for f in notes {
            let _ = writeln!(out, "- **{}**: {}", md_escape(&fact_label(f)), md_escape(&f.note));
        }
    }
    // Entities.
    let _ = writeln!(out, "\n## Entities\n");
    md_header(&mut out, r, "entity", "kind");
    for e in &r.entities {
        let kind = serde_json::to_value(e.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        let _ = write!(out, "| {} | {} |", md_escape(&e.name), kind);
        for d in &r.documents {
            let mut spellings: Vec<&str> = Vec::new();
            let mut count = 0;
            for m in e.mentions.iter().filter(|m| m.doc == d.id) {
                count += 1;
                if !spellings.contains(&m.text.as_str()) {
                    spellings.push(&m.text);
                }
            }
            if count == 0 {
                out.push_str(" — |");
            } else {
                let _ = write!(out, " {} ({count}) |", md_escape(&spellings.join(", ")));
            }
        }
        out.push('\n');
    }
    // Quotes.
    if !r.quote_groups.is_empty() {
        let _ = writeln!(out, "\n## Quotes\n");
        for g in &r.quote_groups {
            let speaker = g.speaker.and_then(|s| r.entities.get(s)).map(|e| e.name.as_str()).unwrap_or("unknown speaker");
            let _ = writeln!(out, "- **{}**", md_escape(speaker));
            for &q in &g.quotes {
                if let Some(q) = r.quotes.get(q) {
                    let doc = r.documents.get(q.doc).map(|d| d.name.as_str()).unwrap_or("?");
                    let _ = writeln!(out, "  - {}: “{}”", md_escape(doc), md_escape(&q.text));
                }
            }
        }
    }
    out
}

/// The fact's label with its unit when the label does not already say it:
/// "mourning (day)" stays, "people killed" + "people" stays, "rainfall" + "millimetre"
/// becomes "rainfall (millimetre)".
fn fact_label(f: &crate::report::Fact) -> String {
    match &f.unit {
        Some(u) if !u.is_empty() && !f.label.to_lowercase().contains(&u.to_lowercase()) => format!("{} ({u})", f.label),
        _ => f.label.clone(),
    }
}

fn csv_field(s: &str) -> String {
    // Neutralise spreadsheet formulas (a leading =, +, -, @, tab or carriage return) and
    // quote every field.
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err() { format!("'{s}") } else { s.to_string() };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The unit a fact is measured in, for exports: the Report's unit, or "count" for a count
/// whose sources count in different words ("people", "protesters"; compare leaves the
/// unit of such a count empty and gives every measure one).
pub fn fact_unit(f: &crate::report::Fact) -> &str {
    f.unit.as_deref().filter(|u| !u.is_empty()).unwrap_or("count")
}

/// What source `doc` says on fact `fact` as numbers: the lowest and highest value its
/// figures allow, in the fact's unit (`None` = no limit on that side, or no figure), and
/// the unit those numbers are in (the fact's unit for a measure, the source's own word
/// for what a count counts when it has one: "protester").
pub fn source_bounds(report: &Report, fact: usize, doc: usize) -> (Option<f64>, Option<f64>, String) {
    let Some(f) = report.facts.get(fact) else { return (None, None, String::new()) };
    let (mut lo, mut hi): (Option<Option<f64>>, Option<Option<f64>>) = (None, None);
    let mut unit: Option<&str> = None;
    let mut units_differ = false;
    for (k, g) in f.figures.iter().enumerate().filter_map(|(k, &id)| report.figures.get(id).map(|g| (k, g))).filter(|(_, g)| g.doc == doc) {
        // The figure's interval in the fact's unit (`bounds`), else as written.
        let [l, h] = f.bounds.get(k).copied().unwrap_or([g.low, g.high]);
        lo = Some(match lo {
            None => l,
            Some(a) => a.zip(l).map(|(a, b)| a.min(b)),
        });
        hi = Some(match hi {
            None => h,
            Some(a) => a.zip(h).map(|(a, b)| a.max(b)),
        });
        let u = g.unit.as_deref().unwrap_or("");
        match unit {
            None => unit = Some(u),
            Some(x) if x != u => units_differ = true,
            _ => {}
        }
    }
    if lo.is_none() {
        return (None, None, String::new());
    }
    let unit = match (&f.unit, unit) {
        (Some(u), _) if !u.is_empty() => u.clone(),
        (_, Some(u)) if !u.is_empty() && !units_differ => u.to_string(),
        _ => "count".to_string(),
    };
    (lo.flatten(), hi.flatten(), unit)
}

/// A number for a spreadsheet: plain digits, no thousands separators ("3800", "0.5").
fn csv_number(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => {
            let s = format!("{v}");
            if s == "-0" {
                "0".into()
            } else {
                s
            }
        }
        _ => String::new(),
    }
}

/// The facts table as CSV (RFC 4180: every field quoted, CRLF line ends), one row per
/// fact: fact, unit (the fact's, "count" for a count in mixed words), status, changing,
/// the sources that disagree (outliers), the verdict (status and reason in one line);
/// then for each source four columns: its figures as written, the lowest and highest
/// value they allow in the fact's unit (plain numbers, empty = no limit or no figure),
/// and the unit of those numbers; and last the note listing every figure.
fn csv(r: &Report) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = ["fact", "unit", "status", "changing", "disagreeing sources", "verdict"].map(String::from).to_vec();
    for d in &r.documents {
        header.push(d.name.clone());
        for col in ["low", "high", "unit"] {
            header.push(format!("{} {col}", d.name));
        }
    }
    header.push("note".to_string());
    out.push_str(&header.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    for f in &r.facts {
        let disagree: Vec<&str> = f.outliers.iter().filter_map(|&d| r.documents.get(d)).map(|d| d.name.as_str()).collect();
        let mut row = vec![
            f.label.clone(),
            fact_unit(f).to_string(),
            status_word(f.status).to_string(),
            f.changing.to_string(),
            disagree.join("; "),
            f.verdict.clone(),
        ];
        for d in &r.documents {
            let text = cell(r, f.id, d.id);
            let (lo, hi, unit) = if text.is_empty() { (None, None, String::new()) } else { source_bounds(r, f.id, d.id) };
            row.extend([text, csv_number(lo), csv_number(hi), unit]);
        }
        row.push(f.note.clone());
        out.push_str(&row.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_neutralises() {
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
        assert_eq!(csv_field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(csv_field("-5"), "\"-5\"");
        assert_eq!(csv_field("\t=1+2"), "\"'\t=1+2\"");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"", "a line break stays inside the quotes");
    }

    #[test]
    fn cells_list_each_spelling_once_with_a_count() {
        use crate::report::{Document, Fact, Figure};
        let fig = |id, doc, text: &str| Figure { id, doc, text: text.into(), ..Default::default() };
        let report = Report {
            documents: vec![Document { id: 0, name: "a".into(), ..Default::default() }],
            figures: vec![fig(0, 0, "two days"), fig(1, 0, "2 days"), fig(2, 0, "two days"), fig(3, 1, "three days")],
            facts: vec![Fact { id: 0, figures: vec![0, 1, 2, 3], ..Default::default() }],
            ..Default::default()
        };
        assert_eq!(cell(&report, 0, 0), "two days (×2); 2 days");
        assert_eq!(cell(&report, 0, 1), "three days");
        assert_eq!(cell(&report, 1, 0), "");
        let many = Report {
            figures: (0..30).map(|i| fig(i, 0, &format!("{i} boats"))).collect(),
            facts: vec![Fact { id: 0, figures: (0..30).collect(), ..Default::default() }],
            ..report
        };
        let c = cell(&many, 0, 0);
        assert!(c.starts_with("0 boats; 1 boats;") && c.ends_with("; 23 boats; … 6 more"), "{c}");
    }

    #[test]
    fn a_number_in_words_shows_its_interval_apart_from_the_words() {
        use crate::report::{Fact, Figure};
        let fig = |id, text: &str, lo: f64, hi: f64| Figure { id, text: text.into(), low: Some(lo), high: Some(hi), range: Some([lo, hi]), ..Default::default() };
        let report = Report {
            figures: vec![fig(0, "hundreds of people", 100.0, 1000.0), fig(1, "between 20 and 30 people", 20.0, 30.0), fig(2, "dozens", 12.0, 120.0), Figure { id: 3, text: "six months".into(), low: Some(180.0), high: Some(184.0), ..Default::default() }],
            facts: vec![Fact { id: 0, figures: vec![0, 1, 2, 3], ..Default::default() }],
            ..Default::default()
        };
        assert_eq!(cell(&report, 0, 0), "hundreds of people [100–1,000]; between 20 and 30 people; dozens [12–120]; six months");
    }

    #[test]
    fn csv_gives_each_source_its_text_low_high_and_unit() {
        use crate::report::{Document, Fact, Figure};
        let fig = |id, doc, text: &str, low, high, unit: Option<&str>| Figure { id, doc, text: text.into(), low, high, unit: unit.map(String::from), ..Default::default() };
        let report = Report {
            documents: vec![Document { id: 0, name: "Ledger".into(), ..Default::default() }, Document { id: 1, name: "Post".into(), ..Default::default() }, Document { id: 2, name: "Wire".into(), ..Default::default() }],
            figures: vec![
                fig(0, 0, "more than 3,800 people", Some(3800.0), None, Some("people")),
                fig(1, 1, "about 2,300 protesters", Some(2070.0), Some(2530.0), Some("protester")),
                fig(2, 0, "six months", Some(6.0), Some(6.0), Some("month")),
                fig(3, 1, "180 days", Some(180.0), Some(180.0), Some("day")),
            ],
            facts: vec![
                Fact { id: 0, label: "people detained".into(), figures: vec![0, 1], bounds: vec![[Some(3800.0), None], [Some(2070.0), Some(2530.0)]], outliers: vec![1], status: Status::Conflict, verdict: "Conflict — Post (about 2,300 protesters) is below what the other source allows (at least 3,801)".into(), ..Default::default() },
                Fact { id: 1, label: "state of emergency".into(), unit: Some("day".into()), figures: vec![2, 3], bounds: vec![[Some(180.0), Some(184.0)], [Some(180.0), Some(180.0)]], status: Status::Consistent, ..Default::default() },
            ],
            ..Default::default()
        };
        let csv = render(&report, Format::Csv);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], r#""fact","unit","status","changing","disagreeing sources","verdict","Ledger","Ledger low","Ledger high","Ledger unit","Post","Post low","Post high","Post unit","Wire","Wire low","Wire high","Wire unit","note""#);
        assert_eq!(
            lines[1],
            r#""people detained","count","conflict","false","Post","Conflict — Post (about 2,300 protesters) is below what the other source allows (at least 3,801)","more than 3,800 people","3800","","people","about 2,300 protesters","2070","2530","protester","","","","","""#
        );
        // A measure: the numbers in the fact's unit, whatever unit the source wrote.
        assert!(lines[2].starts_with(r#""state of emergency","day","consistent","false","","","six months","180","184","day","180 days","180","180","day","","","","""#), "{}", lines[2]);
    }

    #[test]
    fn formats_parse() {
        assert_eq!("MD".parse::<Format>(), Ok(Format::Markdown));
        assert!("xml".parse::<Format>().is_err());
    }
}
