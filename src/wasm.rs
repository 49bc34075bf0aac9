//! The WebAssembly boundary: the only module that knows wasm-bindgen.
//!
//! Exports `analyze(articles, progress?)`, `render(articles, format)`, `limits()` and
//! `version()`. Input arrives as
//! a `JsValue` read into the core's own types with serde-wasm-bindgen. Output is written
//! as JSON text by serde_json and turned into plain objects and arrays by the browser's
//! own `JSON.parse`: one crossing of the boundary instead of one JS call per field, which
//! is several times faster for a Report of thousands of figures and mentions. Every
//! failure becomes a JS `Error` with a readable message.

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

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let mut json = Vec::with_capacity(64 * 1024);
    value
        .serialize(&mut serde_json::Serializer::with_formatter(&mut json, AsciiJson))
        .map_err(|e| JsError::new(&format!("could not return the report: {e}")))?;
    // Only ASCII was written (see AsciiJson), so the bytes are valid UTF-8.
    let json = String::from_utf8(json)
        .map_err(|_| JsError::new("could not return the report: invalid UTF-8"))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("could not return the report: invalid JSON"))
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

/// Reads the page's `[{name, text}, ...]` into articles.
fn read_articles(articles: JsValue) -> Result<Vec<Article>, JsError> {
    if !js_sys::Array::is_array(&articles) {
        return Err(JsError::new("analyze() expects an array of {name, text} objects."));
    }
    let array = js_sys::Array::from(&articles);
    let mut out = Vec::with_capacity(array.length() as usize);
    for (i, item) in array.iter().enumerate() {
        let a: Article = serde_wasm_bindgen::from_value(item).map_err(|e| {
            JsError::new(&format!(
                "Source {} is not an object with a text string: {e}",
                i + 1
            ))
        })?;
        out.push(a);
    }
    Ok(out)
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
    let articles = read_articles(articles)?;
    crate::input::validate(&articles).map_err(|e| JsError::new(&e.0))?;
    let report = match &progress {
        Some(f) => crate::analyze_with_progress(&articles, &mut |done, next| {
            // A throwing callback must not stop the analysis.
            let _ = f.call2(&JsValue::NULL, &JsValue::from_f64(done), &JsValue::from_str(next));
        }),
        None => crate::analyze(&articles),
    };
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
    let articles = read_articles(articles)?;
    crate::input::validate(&articles).map_err(|e| JsError::new(&e.0))?;
    Ok(crate::render::render(&crate::analyze(&articles), format))
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
pub fn extract_figures_js(text: &str) -> Result<JsValue, JsError> {
    if text.len() > crate::input::MAX_TOTAL_BYTES {
        return Err(JsError::new("Too much text for one extraction."));
    }
    to_js(&crate::extract_figures(text))
}

/// The allocator of the wasm build: free lists of small blocks in front of the standard
/// one (dlmalloc on wasm32).
///
/// An analysis makes many short-lived small allocations (words, spans, keys), and in a
/// profile under V8 dlmalloc's `malloc`/`free` were about 8 % of the whole run. A freed
/// block of up to 256 bytes goes onto the list of its 16-byte size class and the next
/// allocation of that class takes it back in a few instructions; larger blocks, and
/// classes with an empty list, go to dlmalloc. Blocks on the lists are not returned to
/// dlmalloc, so memory held is at most the peak of small blocks in use at one time.
/// wasm32 without threads is single-threaded, so the lists need no locking.
mod small_blocks {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::UnsafeCell;

    const STEP: usize = 16;
    const CLASSES: usize = 16; // 16, 32, ... 256 bytes

    pub struct SmallBlocks {
        heads: UnsafeCell<[*mut u8; CLASSES]>,
    }

    // SAFETY: the wasm32-unknown-unknown build runs on one thread (no atomics/threads
    // target feature), so the lists are never touched concurrently.
    unsafe impl Sync for SmallBlocks {}

    impl SmallBlocks {
        pub const fn new() -> Self {
            SmallBlocks { heads: UnsafeCell::new([std::ptr::null_mut(); CLASSES]) }
        }
    }

    /// The size class of a layout, when it is small enough for the lists.
    #[inline]
    fn class(layout: &Layout) -> Option<usize> {
        (layout.size() <= STEP * CLASSES && layout.align() <= STEP).then(|| layout.size().saturating_sub(1) / STEP)
    }

    #[inline]
    fn class_layout(c: usize) -> Layout {
        // SAFETY: (c + 1) * 16 is non-zero, a multiple of the power-of-two alignment 16,
        // and far below isize::MAX.
        unsafe { Layout::from_size_align_unchecked((c + 1) * STEP, STEP) }
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

    // The methods are not inlined either: thousands of allocation sites would each get a
    // copy of the fast path.
    unsafe impl GlobalAlloc for SmallBlocks {
        #[inline(never)]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let Some(c) = class(&layout) else { return sys_alloc(layout) };
            let heads = &mut *self.heads.get();
            let head = heads[c];
            if head.is_null() {
                return sys_alloc(class_layout(c));
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
                (None, None) => sys_realloc(ptr, layout, new_size),
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
