//! The crosscheck command-line tool.
//!
//! ```text
//! crosscheck analyze [--format json|markdown|csv] FILE...   compare articles (one per file;
//!                                                           `-` reads one from stdin)
//! crosscheck extract                                        figures per JSON Lines input
//! ```
//!
//! Exit status: 0 on success, 2 when some input could not be read or the command line is
//! wrong (a message on stderr names the file, line or option; everything readable is still
//! processed and printed). Warnings about a document (empty, binary, HTML, not English) go
//! to stderr too, without changing the exit status.

use crosscheck::render::{render, Format};
use crosscheck::Article;
use std::io::{BufRead, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  crosscheck analyze [--format json|markdown|csv] [--] FILE...
      Compare the articles in FILE... (one article per file, UTF-8 text; the document
      name is the file name; `-` reads one article from stdin) and print the report.
  crosscheck extract
      Read JSON Lines on stdin (each line a JSON string, or an object with a \"text\"
      field) and write one line per input: {\"figures\": [...]}.
  crosscheck --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => analyze(&args[1..]),
        Some("extract") => {
            if let Some(extra) = args.get(1) {
                eprintln!(
                    "crosscheck extract: unexpected argument {extra:?}: extract reads JSON Lines on stdin \
                     (e.g. crosscheck extract < lines.jsonl)"
                );
                return ExitCode::from(2);
            }
            extract()
        }
        Some("--version") | Some("-V") => {
            println!("crosscheck {}", crosscheck::VERSION);
            ExitCode::SUCCESS
        }
        Some("--help") | Some("-h") | Some("help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn analyze(args: &[String]) -> ExitCode {
    let mut format = Format::Json;
    let mut files = Vec::new();
    let mut i = 0;
    let mut only_files = false;
    while i < args.len() {
        let a = &args[i];
        if only_files {
            files.push(a.clone());
            i += 1;
            continue;
        }
        if a == "--" {
            only_files = true;
            i += 1;
            continue;
        }
        if a == "--format" || a == "-f" {
            let Some(v) = args.get(i + 1) else {
                eprintln!("crosscheck: --format needs a value: json, markdown or csv");
                return ExitCode::from(2);
            };
            match v.parse() {
                Ok(f) => format = f,
                Err(e) => {
                    eprintln!("crosscheck: {e}");
                    return ExitCode::from(2);
                }
            }
            i += 2;
            continue;
        }
        if let Some(v) = a.strip_prefix("--format=") {
            match v.parse() {
                Ok(f) => format = f,
                Err(e) => {
                    eprintln!("crosscheck: {e}");
                    return ExitCode::from(2);
                }
            }
        } else if a.starts_with('-') && a != "-" {
            eprintln!("crosscheck analyze: unknown option {a:?} (a file whose name starts with '-' goes after --)\n{USAGE}");
            return ExitCode::from(2);
        } else {
            files.push(a.clone());
        }
        i += 1;
    }
    if files.is_empty() {
        eprintln!("crosscheck analyze: no FILE given\n{USAGE}");
        return ExitCode::from(2);
    }
    let mut failed = false;
    let mut articles = Vec::new();
    let mut stdin_used = false;
    for path in &files {
        if path == "-" {
            if stdin_used {
                eprintln!("crosscheck: stdin (-) can be given only once");
                failed = true;
                continue;
            }
            stdin_used = true;
        }
        match read_article(path) {
            Ok(article) => articles.push(article),
            Err(message) => {
                eprintln!("crosscheck: {message}");
                failed = true;
            }
        }
    }
    if articles.is_empty() {
        eprintln!(
            "crosscheck: nothing to analyze: {}",
            if files.len() == 1 { "the file given could not be read" } else { "none of the files given could be read" }
        );
        return ExitCode::from(2);
    }
    if let Err(e) = crosscheck::input::validate(&articles) {
        eprintln!("crosscheck: {e}");
        return ExitCode::from(2);
    }
    let report = crosscheck::analyze(&articles);
    for d in &report.documents {
        for w in &d.warnings {
            eprintln!("crosscheck: warning: {}: {w}", d.name);
        }
    }
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    // JSON goes to stdout as it is written (a large report is never held twice in memory).
    let written = match format {
        Format::Json => serde_json::to_writer_pretty(&mut stdout, &report).map_err(std::io::Error::from).and_then(|()| writeln!(stdout)),
        _ => writeln!(stdout, "{}", render(&report, format)),
    };
    if written.and_then(|()| stdout.flush()).is_err() {
        return ExitCode::from(2);
    }
    if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
}

/// Reads one article: a UTF-8 file (a leading byte-order mark is dropped), or stdin for
/// `-`. The error is a sentence naming the file and what to do.
fn read_article(path: &str) -> Result<Article, String> {
    let (name, mut bytes) = if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        ("stdin".to_string(), buf)
    } else {
        let p = std::path::Path::new(path);
        if p.is_dir() {
            return Err(format!(
                "{path} is a directory: give the article files inside it (e.g. {}/*.txt); skipped",
                path.trim_end_matches('/')
            ));
        }
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.to_string());
        let bytes = std::fs::read(p).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!("{path}: no such file; skipped"),
            std::io::ErrorKind::PermissionDenied => format!("{path}: permission denied; skipped"),
            _ => format!("cannot read {path}: {e}; skipped"),
        })?;
        (name, bytes)
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(format!("{path} is UTF-16 text: save it as UTF-8 (crosscheck reads UTF-8 only); skipped"));
    }
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Article { name, text }),
        Err(e) => Err(format!(
            "{path} is not valid UTF-8 text (first bad byte at offset {}): a binary file, or text in \
             another encoding (save it as UTF-8); skipped",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// Reads one JSON Lines input: a JSON string, or an object with a string "text".
fn line_text(line: &str) -> Result<String, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        format!("invalid JSON ({e}): each line must be a JSON string (\"...\") or an object with a \"text\" field")
    })?;
    match v {
        serde_json::Value::String(s) => Ok(s),
        serde_json::Value::Object(mut o) => match o.remove("text") {
            Some(serde_json::Value::String(s)) => Ok(s),
            Some(_) => Err("the \"text\" field is not a string".into()),
            None => Err("the object has no \"text\" field".into()),
        },
        _ => Err("expected a JSON string or an object with a \"text\" field".into()),
    }
}

/// One output line of `extract`.
#[derive(serde::Serialize)]
struct Figures<'a> {
    figures: &'a [crosscheck::Figure],
}

fn extract() -> ExitCode {
    let stdin = std::io::stdin();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for (n, line) in stdin.lock().split(b'\n').enumerate() {
        let lineno = n + 1;
        let bytes = match line {
            Ok(b) => b,
            Err(e) => {
                eprintln!("crosscheck extract: cannot read line {lineno}: {e}");
                return ExitCode::from(2);
            }
        };
        let result = String::from_utf8(bytes)
            .map_err(|_| "not valid UTF-8".to_string())
            .and_then(|s| {
                let s = s.trim_end_matches('\r');
                if s.trim().is_empty() { Err("empty line".to_string()) } else { line_text(s) }
            });
        // Written straight to stdout (no JSON tree of the figures in memory).
        let written = match result {
            Ok(text) => serde_json::to_writer(&mut stdout, &Figures { figures: &crosscheck::extract_figures(&text) }),
            Err(e) => {
                eprintln!("crosscheck extract: line {lineno}: {e}");
                failed = true;
                serde_json::to_writer(&mut stdout, &serde_json::json!({ "figures": [], "error": format!("line {lineno}: {e}") }))
            }
        };
        if written.map_err(std::io::Error::from).and_then(|()| writeln!(stdout)).is_err() {
            return ExitCode::from(2);
        }
    }
    if stdout.flush().is_err() {
        return ExitCode::from(2);
    }
    if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
}
