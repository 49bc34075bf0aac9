//! The crosscheck command-line tool.
//!
//! ```text
//! crosscheck analyze [--format json|markdown|csv] FILE...   compare articles (one per file)
//! crosscheck extract                                        figures per JSON Lines input
//! ```
//!
//! Exit status: 0 on success, 2 when some input could not be read (a message on stderr
//! names the file or line; everything readable is still processed and printed).

use crosscheck::render::{render, Format};
use crosscheck::Article;
use std::io::{BufRead, Write};
use std::process::ExitCode;

const USAGE: &str = "usage:
  crosscheck analyze [--format json|markdown|csv] FILE...
      Compare the articles in FILE... (one article per file, UTF-8 text; the document
      name is the file name) and print the report.
  crosscheck extract
      Read JSON Lines on stdin (each line a JSON string, or an object with a \"text\"
      field) and write one line per input: {\"figures\": [...]}.
  crosscheck --version";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => analyze(&args[1..]),
        Some("extract") => extract(),
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
    while i < args.len() {
        let a = &args[i];
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
    for path in &files {
        let name = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.clone());
        match std::fs::read(path) {
            Err(e) => {
                eprintln!("crosscheck: cannot read {path}: {e}");
                failed = true;
            }
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => articles.push(Article { name, text }),
                Err(e) => {
                    eprintln!(
                        "crosscheck: {path} is not valid UTF-8 (first bad byte at offset {}); skipped",
                        e.utf8_error().valid_up_to()
                    );
                    failed = true;
                }
            },
        }
    }
    if let Err(e) = crosscheck::input::validate(&articles) {
        eprintln!("crosscheck: {e}");
        return ExitCode::from(2);
    }
    let report = crosscheck::analyze(&articles);
    let out = render(&report, format);
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{out}").is_err() {
        return ExitCode::from(2);
    }
    if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
}

/// Reads one JSON Lines input: a JSON string, or an object with a string "text".
fn line_text(line: &str) -> Result<String, String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
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
        let out = match result {
            Ok(text) => serde_json::json!({ "figures": crosscheck::extract_figures(&text) }),
            Err(e) => {
                eprintln!("crosscheck extract: line {lineno}: {e}");
                failed = true;
                serde_json::json!({ "figures": [], "error": format!("line {lineno}: {e}") })
            }
        };
        if writeln!(stdout, "{out}").is_err() {
            return ExitCode::from(2);
        }
    }
    if stdout.flush().is_err() {
        return ExitCode::from(2);
    }
    if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
}
