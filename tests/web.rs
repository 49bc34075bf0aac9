//! The wasm boundary in a real browser (`wasm-pack test --headless --chrome`): a Report
//! round-trips as plain JS objects with UTF-16 spans, and bad input throws a JS `Error`
//! whose message says what was wrong.
#![cfg(target_arch = "wasm32")]

use crosscheck::wasm::{analyze_js, limits, render_js, version};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn article(name: &str, text: &str) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"name".into(), &name.into()).unwrap();
    Reflect::set(&o, &"text".into(), &text.into()).unwrap();
    o.into()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn error_message(e: JsError) -> String {
    let v: JsValue = e.into();
    assert!(v.is_instance_of::<js_sys::Error>(), "a JS Error is thrown");
    String::from(js_sys::Error::from(v).message())
}

/// Every item's `start..end` (UTF-16) slices its document's JS string to its `text`.
fn assert_spans_slice(items: &Array, texts: &[js_sys::JsString]) {
    for it in items.iter() {
        let doc = get(&it, "doc").as_f64().unwrap() as usize;
        let start = get(&it, "start").as_f64().unwrap() as u32;
        let end = get(&it, "end").as_f64().unwrap() as u32;
        let sliced = String::from(texts[doc].slice(start, end));
        assert_eq!(sliced, get(&it, "text").as_string().unwrap());
    }
}

const A: &str = "Floods in the fictional town of Brennmoor killed at least 7 people on Tuesday, \
the regional emergency service said. “We lost everything,” said Mara Quist, a café owner 👍.";
const B: &str = "Nine people died in the Brennmoor floods, officials said on Wednesday. \
More than 120 residents were evacuated.";

#[wasm_bindgen_test]
fn analyze_round_trips_a_report() {
    let input = Array::new();
    input.push(&article("Ledger — Zürich 👍", A));
    input.push(&article("", B));
    let report = analyze_js(input.clone().into(), None).map_err(error_message).unwrap();
    // Plain objects (json_compatible), not Maps.
    assert!(report.is_object());
    let docs = Array::from(&get(&report, "documents"));
    assert_eq!(docs.length(), 2);
    // Non-ASCII text crosses intact (the JSON is written with \u escapes).
    assert_eq!(get(&docs.get(0), "name").as_string().unwrap(), "Ledger — Zürich 👍");
    assert_eq!(get(&docs.get(1), "name").as_string().unwrap(), "Source 2");
    assert_eq!(get(&report, "version").as_string().unwrap(), version());
    // Every figure span slices (UTF-16) to its text in the JS string.
    let texts = [js_sys::JsString::from(A), js_sys::JsString::from(B)];
    assert_spans_slice(&Array::from(&get(&report, "figures")), &texts);
    // Quote spans slice to their text as well, curly quotes and accents included.
    let quotes = Array::from(&get(&report, "quotes"));
    assert!(quotes.length() >= 1, "the quote of A is found");
    assert_spans_slice(&quotes, &texts);
    // The same articles render through the boundary too (analyzed again, same report).
    let md = render_js(input.into(), "markdown").map_err(error_message).unwrap();
    assert!(md.contains("| fact | status |"));
    assert!(md.contains("Ledger"));
}

#[wasm_bindgen_test]
fn bad_input_throws_errors_with_messages() {
    let msg = error_message(analyze_js(JsValue::from(5), None).unwrap_err());
    assert!(msg.contains("array"), "{msg}");

    let msg = error_message(analyze_js(Array::new().into(), None).unwrap_err());
    assert!(msg.contains("No articles"), "{msg}");

    let bad = Array::new();
    bad.push(&article("ok", "text"));
    bad.push(&JsValue::from_str("just a string"));
    let msg = error_message(analyze_js(bad.into(), None).unwrap_err());
    assert!(msg.contains("Source 2"), "{msg}");

    let no_text = Array::new();
    let o = Object::new();
    Reflect::set(&o, &"name".into(), &"x".into()).unwrap();
    no_text.push(&o);
    let msg = error_message(analyze_js(no_text.into(), None).unwrap_err());
    assert!(msg.contains("text"), "{msg}");

    let msg = error_message(render_js(JsValue::NULL, "markdown").unwrap_err());
    assert!(msg.contains("array"), "{msg}");
    let msg = error_message(render_js(Array::new().into(), "markdown").unwrap_err());
    assert!(msg.contains("No articles"), "{msg}");
    let msg = error_message(render_js(JsValue::NULL, "xml").unwrap_err());
    assert!(msg.contains("format"), "{msg}");
}

#[wasm_bindgen_test]
fn progress_is_reported_between_stages_in_order_and_limits_are_exported() {
    // Collect every call of the progress callback into a JS array.
    let calls = Array::new();
    let sink = calls.clone();
    let cb = Closure::<dyn FnMut(f64, String)>::new(move |done: f64, next: String| {
        let pair = Array::new();
        pair.push(&JsValue::from_f64(done));
        pair.push(&JsValue::from_str(&next));
        sink.push(&pair);
    });
    let input = Array::new();
    input.push(&article("a", A));
    input.push(&article("b", B));
    let f: &js_sys::Function = cb.as_ref().unchecked_ref();
    let report = analyze_js(input.into(), Some(f.clone())).map_err(error_message).unwrap();
    assert!(report.is_object());
    let done: Vec<f64> = calls.iter().map(|c| Array::from(&c).get(0).as_f64().unwrap()).collect();
    let stages: Vec<String> = calls.iter().map(|c| Array::from(&c).get(1).as_string().unwrap()).collect();
    assert_eq!(stages, ["figures", "names", "quotations", "facts", "report"]);
    assert!(done.windows(2).all(|w| w[0] < w[1]) && done.iter().all(|&d| d > 0.0 && d < 1.0), "{done:?}");
    // The limits the page checks before copying text into the module.
    let l = limits();
    assert_eq!(get(&l, "maxTotalBytes").as_f64().unwrap(), (64u64 << 20) as f64);
    assert!(get(&l, "maxArticles").as_f64().unwrap() >= 100.0);
}

/// A JS string with a lone surrogate (half an emoji, as cutting text can leave): the
/// boundary replaces it once, so every span of the report slices `text.toWellFormed()` to
/// its own text, offsets count the replaced character as the one code unit it was, and the
/// document says what happened.
#[wasm_bindgen_test]
fn lone_surrogates_are_replaced_once_at_the_boundary() {
    // "Mara Quist" after a lone high surrogate, a figure after a lone low surrogate.
    let units: Vec<u16> = "Floods hit Ostvik. \u{0}Mara Quist said 7 people died \u{0}in Ostvik on Monday."
        .encode_utf16()
        .enumerate()
        .map(|(i, u)| if u == 0 { if i < 25 { 0xD83D } else { 0xDC4D } } else { u })
        .collect();
    let text = js_sys::JsString::from_char_code(&units);
    assert!(!text.is_well_formed());
    let input = Array::new();
    let o = Object::new();
    Reflect::set(&o, &"name".into(), &"broken".into()).unwrap();
    Reflect::set(&o, &"text".into(), &text).unwrap();
    input.push(&o);
    input.push(&article("", "In Ostvik, Mara Quist said on Monday that 7 people died."));
    let report = analyze_js(input.into(), None).map_err(error_message).unwrap();
    let docs = Array::from(&get(&report, "documents"));
    assert_eq!(get(&docs.get(0), "length").as_f64().unwrap() as u32, text.length());
    let warnings = Array::from(&get(&docs.get(0), "warnings"));
    assert!(warnings.iter().any(|w| w.as_string().unwrap_or_default().contains("surrogates")), "a warning");
    let second = Array::from(&get(&docs.get(1), "warnings"));
    assert!(second.iter().all(|w| !w.as_string().unwrap_or_default().contains("surrogates")));
    let texts = [text.to_well_formed(), js_sys::JsString::from("In Ostvik, Mara Quist said on Monday that 7 people died.")];
    let figures = Array::from(&get(&report, "figures"));
    assert!(figures.length() >= 2);
    assert_spans_slice(&figures, &texts);
    let mentions = Array::new();
    for e in Array::from(&get(&report, "entities")).iter() {
        for m in Array::from(&get(&e, "mentions")).iter() {
            mentions.push(&m);
        }
    }
    assert!(mentions.iter().any(|m| get(&m, "doc").as_f64() == Some(0.0)));
    assert_spans_slice(&mentions, &texts);
}

/// A text over the limit is refused before it is copied into wasm memory, with the limit in
/// the unit it is set in.
#[wasm_bindgen_test]
fn too_much_text_is_refused_in_mib() {
    let big = js_sys::JsString::from("a").repeat((64 << 20) + (1 << 20));
    let input = Array::new();
    let o = Object::new();
    Reflect::set(&o, &"text".into(), &big).unwrap();
    input.push(&o);
    let msg = error_message(analyze_js(input.into(), None).unwrap_err());
    assert!(msg.contains("65.0 MiB given, at most 64 MiB"), "{msg}");
}
