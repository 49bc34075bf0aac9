//! The WebAssembly boundary: the only module that knows wasm-bindgen.
//!
//! Exports `analyze(articles, progress?)`, `render(articles, format)`, `limits()`,
//! `extractFigures(text)` and `version()`. Input arrives as a `JsValue` whose strings are
//! measured in JavaScript before they are copied into the core's own types (lone
//! surrogates replaced there, once). Output is written as JSON text by serde_json, passed
//! to JavaScript a chunk at a time, and turned into plain objects and arrays by the
//! browser's own `JSON.parse`: one crossing of the boundary per megabyte instead of one JS
//! call per field, which is several times faster for a Report of thousands of figures and
//! mentions, and wasm memory never holds the whole JSON. Every failure becomes a JS
//! `Error` with a readable message.

use crate::render::Format;
use crate::report::Article;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_REPORT: &'static str = include_str!("../www/report.d.ts");

/// Installs the panic hook once, when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Bytes of JSON gathered in wasm memory before they are handed to JavaScript.
const JSON_CHUNK: usize = 256 << 10;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JavaScript string (js_sys's takes a Rust `&str`, which would need
    /// the whole JSON text in wasm memory at once).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

/// An `io::Write` that passes the JSON to JavaScript [`JSON_CHUNK`] bytes at a time and
/// joins the pieces there: wasm memory holds one chunk, never the whole text, which for a
/// large input is several times the input (a report's JSON is ~5 bytes per byte of news).
struct JsChunks {
    buf: Vec<u8>,
    text: js_sys::JsString,
    /// Bytes passed so far.
    passed: usize,
}

/// Longest JSON text passed to JavaScript: V8's longest string is 2^29 − 24 characters
/// (512 MiB); past it the engine would throw "Invalid string length". A report that large
/// (a 64 MiB input with a figure every few words) is refused with a message instead.
const MAX_JSON: usize = (1 << 29) - (1 << 20);

impl JsChunks {
    fn new() -> Self {
        JsChunks { buf: Vec::with_capacity(JSON_CHUNK), text: js_sys::JsString::from(""), passed: 0 }
    }

    fn pass(&mut self) -> std::io::Result<()> {
        // Only ASCII is written (see AsciiJson), so any cut is a character boundary.
        self.passed += self.buf.len();
        if self.passed > MAX_JSON {
            return Err(std::io::Error::other(
                "the report is too large for the browser (more than 512 MiB of JSON): analyze fewer or shorter sources",
            ));
        }
        let piece = std::str::from_utf8(&self.buf).map_err(|_| std::io::Error::other("invalid UTF-8"))?;
        self.text = self.text.concat(&JsValue::from_str(piece));
        self.buf.clear();
        Ok(())
    }
}

impl std::io::Write for JsChunks {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        // (passed before the chunk would outgrow its capacity: wasm memory keeps one chunk)
        if self.buf.len() + b.len() > JSON_CHUNK && !self.buf.is_empty() {
            self.pass()?;
        }
        self.buf.extend_from_slice(b);
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass()
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let mut out = JsChunks::new();
    value
        .serialize(&mut serde_json::Serializer::with_formatter(&mut out, AsciiJson))
        .and_then(|()| std::io::Write::flush(&mut out).map_err(serde_json::Error::io))
        .map_err(|e| JsError::new(&format!("could not return the report: {e}")))?;
    json_parse(&out.text).map_err(|_| JsError::new("could not return the report: invalid JSON"))
}

/// Compact JSON with every non-ASCII character written as a `\uXXXX` escape.
///
/// The text crosses to JavaScript through `TextDecoder` and `JSON.parse`; both take their
/// fast one-byte paths when the whole text is ASCII, which an article's curly quotes and
/// accented names would otherwise prevent for the whole Report.
struct AsciiJson;

impl serde_json::ser::Formatter for AsciiJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut run = 0;
        let mut i = 0;
        while let Some(at) = crate::text::offsets::next_non_ascii(bytes, i) {
            writer.write_all(&bytes[run..at])?;
            let c = fragment[at..].chars().next().unwrap_or('\u{fffd}');
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                write!(writer, "\\u{:04x}", u)?;
            }
            i = at + c.len_utf8();
            run = i;
        }
        writer.write_all(&bytes[run..])
    }
}

/// Reads the page's `[{name, text}, ...]` into articles, with the indices of those whose
/// text had lone surrogates (replaced by U+FFFD, see [`well_formed`]).
///
/// The size of every string is checked in JavaScript (in UTF-16 code units, never more
/// than the UTF-8 bytes) before any is copied into wasm memory, so a text far over the
/// limit is refused at once; the exact limit is then checked on the copies
/// ([`crate::input::validate`]).
fn read_articles(articles: JsValue) -> Result<(Vec<Article>, Vec<usize>), JsError> {
    if !js_sys::Array::is_array(&articles) {
        return Err(JsError::new("analyze() expects an array of {name, text} objects."));
    }
    let array = js_sys::Array::from(&articles);
    let not_article = |i: usize, what: &str| JsError::new(&format!("Source {} is not an object with a text string: {what}.", i + 1));
    let mut strings: Vec<(js_sys::JsString, Option<js_sys::JsString>)> = Vec::with_capacity(array.length() as usize);
    let mut units = 0usize;
    for (i, item) in array.iter().enumerate() {
        if !item.is_object() {
            return Err(not_article(i, "it is not an object"));
        }
        let text = js_sys::Reflect::get(&item, &JsValue::from_str("text")).unwrap_or(JsValue::UNDEFINED);
        let text: js_sys::JsString = match text.dyn_into() {
            Ok(t) => t,
            Err(v) if v.is_undefined() => return Err(not_article(i, "it has no text field")),
            Err(_) => return Err(not_article(i, "its text is not a string")),
        };
        let name = js_sys::Reflect::get(&item, &JsValue::from_str("name")).unwrap_or(JsValue::UNDEFINED);
        let name: Option<js_sys::JsString> = match name.dyn_into() {
            Ok(n) => Some(n),
            Err(v) if v.is_undefined() || v.is_null() => None,
            Err(_) => return Err(not_article(i, "its name is not a string")),
        };
        units += text.length() as usize + name.as_ref().map_or(0, |n| n.length() as usize);
        strings.push((text, name));
    }
    if units > crate::input::MAX_TOTAL_BYTES {
        return Err(JsError::new(&crate::input::too_much_text(units).0));
    }
    if strings.len() > crate::input::MAX_ARTICLES {
        return Err(JsError::new(&crate::input::too_many_articles(strings.len()).0));
    }
    let mut replaced = Vec::new();
    let out = strings
        .iter()
        .enumerate()
        .map(|(i, (text, name))| {
            let (text, changed) = well_formed(text);
            if changed {
                replaced.push(i);
            }
            Article { name: name.as_ref().map(|n| well_formed(n).0).unwrap_or_default(), text }
        })
        .collect();
    Ok((out, replaced))
}

/// A JavaScript string as Rust text, and whether it had lone surrogates (UTF-16 code units
/// D800–DFFF without their pair, as a paste of broken text can hold). They are replaced
/// here, once, each by U+FFFD, exactly as `String.prototype.toWellFormed` does: one code
/// unit for one, so every UTF-16 offset in the Report holds for the page's
/// `text.toWellFormed()`, and the span texts are slices of that string.
fn well_formed(s: &js_sys::JsString) -> (String, bool) {
    if s.is_well_formed() {
        (String::from(s), false)
    } else {
        (String::from(s.to_well_formed()), true)
    }
}

/// The warning added to a document whose text had lone surrogates.
pub const LONE_SURROGATES: &str = "This source contains broken characters (unpaired UTF-16 surrogates, as left by cutting an emoji in two); each was read as the replacement character \u{FFFD}, and the positions of everything found count it as one character.";

/// [`crate::analyze`] of articles read by [`read_articles`], with the warning on lone
/// surrogates added to each document that had them.
fn analyze_read(articles: &[Article], replaced: &[usize]) -> crate::report::Report {
    let mut report = crate::analyze(articles);
    mark_replaced(&mut report, replaced);
    report
}

/// Adds the warning on lone surrogates to each document of `report` listed in `replaced`.
fn mark_replaced(report: &mut crate::report::Report, replaced: &[usize]) {
    for &i in replaced {
        if let Some(d) = report.documents.get_mut(i) {
            d.warnings.push(LONE_SURROGATES.to_string());
        }
    }
}

/// Analyzes articles `[{name, text}]` and returns the Report. `progress`, when given, is
/// called between stages as `progress(done, next)`: the share of the work done (0 to 1)
/// and the name of the stage that starts (see `crate::analyze_with_progress`).
///
/// # Errors
/// Throws a JS `Error` when the input is not an array of `{name?, text}` objects or breaks
/// the input limits (no article, too many, too much text).
#[wasm_bindgen(js_name = analyze, unchecked_return_type = "Report")]
pub fn analyze_js(
    #[wasm_bindgen(unchecked_param_type = "ArticleInput[]")] articles: JsValue,
    #[wasm_bindgen(unchecked_param_type = "(done: number, next: string) => void")] progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    let (articles, replaced) = read_articles(articles)?;
    crate::input::validate(&articles).map_err(|e| JsError::new(&e.0))?;
    let mut report = match &progress {
        Some(f) => crate::analyze_with_progress(&articles, &mut |done, next| {
            // A throwing callback must not stop the analysis.
            let _ = f.call2(&JsValue::NULL, &JsValue::from_f64(done), &JsValue::from_str(next));
        }),
        None => crate::analyze(&articles),
    };
    mark_replaced(&mut report, &replaced);
    to_js(&report)
}

/// The input limits, so that a page can check its text before copying it into the module:
/// `{ maxArticles, maxTotalBytes }`, bytes of UTF-8 text in all articles together.
#[wasm_bindgen(unchecked_return_type = "{ maxArticles: number; maxTotalBytes: number }")]
pub fn limits() -> JsValue {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"maxArticles".into(), &JsValue::from_f64(crate::input::MAX_ARTICLES as f64));
    let _ = js_sys::Reflect::set(&o, &"maxTotalBytes".into(), &JsValue::from_f64(crate::input::MAX_TOTAL_BYTES as f64));
    o.into()
}

/// Renders the Report of `articles` (the same `[{name, text}]` array given to `analyze`)
/// as `"markdown"`, `"csv"` or `"json"`.
///
/// It analyzes the articles again rather than taking a Report from JavaScript: analysis is
/// deterministic and takes milliseconds, while reading a Report back across the boundary
/// would put a deserializer for every Report type into the module (16 KiB of the gzipped
/// wasm, measured at stop 12).
///
/// # Errors
/// Throws when the format is unknown or the articles are not valid input (as `analyze`).
#[wasm_bindgen(js_name = render)]
pub fn render_js(
    #[wasm_bindgen(unchecked_param_type = "ArticleInput[]")] articles: JsValue,
    format: &str,
) -> Result<String, JsError> {
    let format: Format = format.parse().map_err(|e: String| JsError::new(&e))?;
    let (articles, replaced) = read_articles(articles)?;
    crate::input::validate(&articles).map_err(|e| JsError::new(&e.0))?;
    Ok(crate::render::render(&analyze_read(&articles, &replaced), format))
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Extracts the figures of one text on its own (no comparison), spans in UTF-16.
///
/// # Errors
/// Throws when the text exceeds the input limit.
#[wasm_bindgen(js_name = extractFigures, unchecked_return_type = "Figure[]")]
pub fn extract_figures_js(text: &js_sys::JsString) -> Result<JsValue, JsError> {
    // (checked before the copy into wasm memory, then exactly)
    if text.length() as usize > crate::input::MAX_TOTAL_BYTES {
        return Err(JsError::new(&crate::input::too_much_text(text.length() as usize).0));
    }
    let (text, _) = well_formed(text);
    if text.len() > crate::input::MAX_TOTAL_BYTES {
        return Err(JsError::new(&crate::input::too_much_text(text.len()).0));
    }
    to_js(&crate::extract_figures(&text))
}

/// The allocator of the wasm build: free lists of small blocks, carved from slabs, in
/// front of the standard one (dlmalloc on wasm32).
///
/// An analysis makes many short-lived small allocations (words, spans, keys), and in a
/// profile under V8 dlmalloc's `malloc`/`free` were about 8 % of the whole run. A block of
/// up to 256 bytes (alignment up to 8) is taken from the free list of its 8-byte size
/// class, or else cut from the current slab (64 KiB asked of dlmalloc at a time); a freed
/// block goes back onto its list. A block costs exactly its class: no header, and no
/// aligned allocation by dlmalloc (asking dlmalloc for each 16-byte-aligned block, as this
/// allocator once did, went through its `memalign` and left a small free fragment beside
/// most blocks: wasm memory grew about twice what the blocks held). Larger blocks go to
/// dlmalloc. Blocks are never returned to dlmalloc, so memory held is at most, per class,
/// the peak of its blocks in use at one time. wasm32 without threads is single-threaded,
/// so the lists need no locking.
mod small_blocks {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::UnsafeCell;

    const STEP: usize = 8;
    const CLASSES: usize = 32; // 8, 16, ... 256 bytes
    /// Bytes asked of dlmalloc at a time for new blocks.
    const SLAB: usize = 64 << 10;

    pub struct SmallBlocks {
        heads: UnsafeCell<[*mut u8; CLASSES]>,
        /// The unused rest of the current slab: next free byte and end.
        slab: UnsafeCell<(usize, usize)>,
    }

    // SAFETY: the wasm32-unknown-unknown build runs on one thread (no atomics/threads
    // target feature), so the lists are never touched concurrently.
    unsafe impl Sync for SmallBlocks {}

    impl SmallBlocks {
        pub const fn new() -> Self {
            SmallBlocks { heads: UnsafeCell::new([std::ptr::null_mut(); CLASSES]), slab: UnsafeCell::new((0, 0)) }
        }
    }

    /// The size class of a layout, when it is small enough for the lists.
    #[inline]
    fn class(layout: &Layout) -> Option<usize> {
        (layout.size() <= STEP * CLASSES && layout.align() <= STEP).then(|| layout.size().saturating_sub(1) / STEP)
    }

    // dlmalloc is reached through these three, never inlined, so that its code is not
    // copied into each method.
    #[inline(never)]
    unsafe fn sys_alloc(layout: Layout) -> *mut u8 {
        System.alloc(layout)
    }
    #[inline(never)]
    unsafe fn sys_dealloc(ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    #[inline(never)]
    unsafe fn sys_realloc(ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        System.realloc(ptr, layout, new_size)
    }

    /// A new block of class `c` cut from the slab (a new slab when the rest is too short;
    /// the old rest, under 256 bytes, is left unused).
    #[inline(never)]
    unsafe fn carve(slab: &mut (usize, usize), c: usize) -> *mut u8 {
        let size = (c + 1) * STEP;
        if slab.1 - slab.0 < size {
            // SAFETY: SLAB is non-zero, a multiple of the power-of-two alignment 8.
            let p = sys_alloc(Layout::from_size_align_unchecked(SLAB, STEP));
            if p.is_null() {
                return p;
            }
            *slab = (p as usize, p as usize + SLAB);
        }
        let p = slab.0 as *mut u8;
        slab.0 += size;
        p
    }

    /// Blocks at least this large grow in place when they can ([`make_room_after`]).
    const GROW_IN_PLACE: usize = 64 << 10;

    /// Lets a large block that is the last before dlmalloc's free top of memory grow in
    /// place. dlmalloc extends such a block into the top only when the top already has the
    /// room; otherwise it allocates the new size past the top and copies, so a growing
    /// `Vec` of C bytes holds C + 2C at once, and wasm memory (which never shrinks) keeps
    /// that peak. Here, when the chunk after the block is free (the top, or a hole),
    /// `extra` bytes are asked for and given back at once: dlmalloc takes them from a hole
    /// or the top (growing it if need be), and on giving them back the top keeps the room,
    /// so the realloc that follows extends a block that ends at the top into it: C + C at
    /// the peak instead of 3C. (When the free chunk after the block is a hole too small for
    /// the growth, the room asked for may have grown the top for nothing; it is used by the
    /// allocations that follow.) Reads dlmalloc's chunk header before the block (its size,
    /// and the in-use bit of the chunk after it).
    #[inline(never)]
    unsafe fn make_room_after(ptr: *mut u8, extra: usize) {
        const WORD: usize = std::mem::size_of::<usize>();
        // dlmalloc: a chunk is [prev_foot, head | flags, memory...]; bit 1 of the next
        // chunk's head says whether this chunk is in use, bit 2 whether that one is.
        let size = *(ptr.sub(WORD) as *const usize) & !7;
        let next_mem = ptr.add(size);
        let next_head = *(next_mem.sub(WORD) as *const usize);
        if next_head & 2 != 0 {
            return; // the next chunk is in use: no growth in place
        }
        let room_layout = Layout::from_size_align_unchecked(extra, STEP);
        let room = sys_alloc(room_layout);
        if !room.is_null() {
            // (given back whether or not it followed the block: the realloc decides)
            sys_dealloc(room, room_layout);
        }
    }

    // The methods are not inlined either: thousands of allocation sites would each get a
    // copy of the fast path.
    unsafe impl GlobalAlloc for SmallBlocks {
        #[inline(never)]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let Some(c) = class(&layout) else { return sys_alloc(layout) };
            let heads = &mut *self.heads.get();
            let head = heads[c];
            if head.is_null() {
                return carve(&mut *self.slab.get(), c);
            }
            // A free block stores the next free block of its class in its first word.
            heads[c] = *(head as *mut *mut u8);
            head
        }

        #[inline(never)]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            let Some(c) = class(&layout) else { return sys_dealloc(ptr, layout) };
            let heads = &mut *self.heads.get();
            *(ptr as *mut *mut u8) = heads[c];
            heads[c] = ptr;
        }

        #[inline(never)]
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
            match (class(&layout), class(&new_layout)) {
                (None, None) => {
                    if new_size > layout.size() && new_size >= GROW_IN_PLACE && layout.align() <= STEP {
                        make_room_after(ptr, new_size - layout.size());
                    }
                    sys_realloc(ptr, layout, new_size)
                }
                (Some(a), Some(b)) if a == b => ptr,
                _ => {
                    let new = self.alloc(new_layout);
                    if !new.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    new
                }
            }
        }
    }
}

#[global_allocator]
static ALLOCATOR: small_blocks::SmallBlocks = small_blocks::SmallBlocks::new();
