//! Build step: copies the word lists of `src/lexicon/` into `OUT_DIR/lexicon/` without
//! their header comments (lines starting with `#`) and blank lines. The files in
//! `src/lexicon/` stay the documented source; the program embeds only the data lines
//! (`crate::lexicon::data!`), which keeps about 12 KB of comments out of the binary and
//! out of the WebAssembly module the page downloads.

use std::fs;
use std::path::Path;

fn main() {
    let src = Path::new("src/lexicon");
    println!("cargo:rerun-if-changed=src/lexicon");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).join("lexicon");
    fs::create_dir_all(&out).expect("create OUT_DIR/lexicon");
    for entry in fs::read_dir(src).expect("read src/lexicon") {
        let path = entry.expect("read src/lexicon entry").path();
        if path.extension().is_some_and(|e| e == "rs") || !path.is_file() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("lexicon files are UTF-8");
        let mut data = String::with_capacity(text.len());
        for line in text.lines() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            data.push_str(line);
            data.push('\n');
        }
        let name = path.file_name().expect("a file name");
        fs::write(out.join(name), data).expect("write the stripped lexicon");
    }
}
