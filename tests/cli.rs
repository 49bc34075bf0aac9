//! The command-line tool: `analyze` on files (json and markdown), `extract` on JSON Lines,
//! and bad input (missing file, invalid UTF-8, bad JSON line) named in a message with exit
//! status 2 while everything else is still processed.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("crosscheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that rejects its arguments exits without reading stdin: the write may
    // then fail with a broken pipe, which is not the test's concern.
    if let Some(mut input) = child.stdin.take() {
        let _ = input.write_all(stdin.as_bytes());
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn analyze_prints_json_and_markdown() {
    let a = tmp("ledger.txt", "At least 7 people were killed in the Brennmoor floods, officials said.".as_bytes());
    let b = tmp("wire.txt", "Nine people died in the Brennmoor floods on Tuesday.".as_bytes());
    let (code, out, _) = run(&["analyze", a.to_str().unwrap(), b.to_str().unwrap()], "");
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["documents"][0]["name"], "ledger.txt");
    assert!(report["figures"].as_array().unwrap().len() >= 2);

    let (code, out, _) = run(&["analyze", "--format", "markdown", a.to_str().unwrap(), b.to_str().unwrap()], "");
    assert_eq!(code, 0);
    assert!(out.contains("| fact | status | ledger.txt | wire.txt |"), "{out}");
}

#[test]
fn analyze_names_bad_files_and_keeps_the_rest() {
    let good = tmp("good.txt", b"More than 120 residents were evacuated on Monday.");
    let bad = tmp("bad.txt", &[0x66, 0x6f, 0xff, 0xfe, 0x6f]);
    let (code, out, err) = run(&["analyze", good.to_str().unwrap(), bad.to_str().unwrap(), "/nonexistent/x.txt"], "");
    assert_eq!(code, 2);
    assert!(err.contains("bad.txt") && err.contains("UTF-8"), "{err}");
    assert!(err.contains("/nonexistent/x.txt"), "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    let (code, _, err) = run(&["analyze", "--format", "xml", good.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(err.contains("xml"));
}

#[test]
fn extract_writes_one_line_per_input_and_names_bad_lines() {
    let input = "\"Nearly 4,000 people were detained.\"\n{\"text\": \"About 80 homes were damaged.\"}\nnot json\n{\"title\": 1}\n\"Prices rose 5 percent.\"\n";
    let (code, out, err) = run(&["extract"], input);
    assert_eq!(code, 2);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["figures"][0]["value"], 4000.0);
    assert_eq!(lines[0]["figures"][0]["high"], 4000.0);
    assert_eq!(lines[1]["figures"][0]["value"], 80.0);
    assert!(lines[2]["error"].as_str().unwrap().contains("line 3"));
    assert!(lines[3]["error"].as_str().unwrap().contains("line 4"));
    assert_eq!(lines[4]["figures"][0]["unit"], "percentage");
    assert!(err.contains("line 3") && err.contains("line 4"), "{err}");
}

#[test]
fn analyze_explains_directories_binary_utf16_and_nothing_readable() {
    let dir = tmp("ferry.txt", b"Rescuers saved 186 people after the ferry capsized.").parent().unwrap().to_path_buf();
    let (code, out, err) = run(&["analyze", dir.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(err.contains("is a directory") && err.contains("*.txt"), "{err}");
    assert!(err.contains("nothing to analyze"), "{err}");
    assert!(out.is_empty(), "{out}");
    let (code, _, err) = run(&["analyze", "/nonexistent/a.txt", "/nonexistent/b.txt"], "");
    assert_eq!(code, 2);
    assert!(err.contains("no such file") && err.contains("none of the files"), "{err}");
    let bin = tmp("photo.jpg", &[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
    let (code, _, err) = run(&["analyze", bin.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(err.contains("photo.jpg") && err.contains("not valid UTF-8") && err.contains("binary"), "{err}");
    let u16 = tmp("notepad.txt", &[0xff, 0xfe, b'h', 0, b'i', 0]);
    let (code, _, err) = run(&["analyze", u16.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(err.contains("UTF-16") && err.contains("save it as UTF-8"), "{err}");
}

#[test]
fn analyze_reads_stdin_strips_bom_warns_and_rejects_unknown_options() {
    let a = tmp("bom.txt", "\u{feff}At least 7 people died when the ferry capsized off Eskerholm.".as_bytes());
    let (code, out, _) = run(&["analyze", "-", a.to_str().unwrap()], "Rescuers said 9 people died when the ferry capsized off Eskerholm.");
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["documents"][0]["name"], "stdin");
    assert_eq!(report["documents"][1]["length"], 61, "the byte-order mark is not part of the text");
    let (code, out, err) = run(&["analyze", "--frmat", "csv", a.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown option") && err.contains("--frmat"), "{err}");
    assert!(out.is_empty());
    let empty = tmp("empty.txt", b"");
    let (code, _, err) = run(&["analyze", empty.to_str().unwrap(), a.to_str().unwrap()], "");
    assert_eq!(code, 0, "a warning does not fail the run");
    assert!(err.contains("warning: empty.txt"), "{err}");
}

#[test]
fn analyze_csv_has_unit_disagreeing_sources_verdict_per_source_numbers_and_note_columns() {
    let a = tmp("courier.txt", "Floods in Brennmoor killed 7 people on Tuesday, the Brennmoor Relief Agency said. The Brennmoor Relief Agency said 120 homes were flooded.".as_bytes());
    let b = tmp("post.txt", "Floods in Brennmoor killed 7 people on Tuesday, the Brennmoor Relief Agency said. The Brennmoor Relief Agency said 120 homes were flooded.".as_bytes());
    let c = tmp("=herald.txt", "Floods in Brennmoor killed 31 people on Tuesday, the Brennmoor Relief Agency said. The Brennmoor Relief Agency said 120 homes were flooded.".as_bytes());
    let (code, out, _) = run(&["analyze", "--format", "csv", a.to_str().unwrap(), b.to_str().unwrap(), c.to_str().unwrap()], "");
    assert_eq!(code, 0);
    let mut lines = out.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        concat!(
            r#""fact","unit","status","changing","disagreeing sources","verdict","#,
            r#""courier.txt","courier.txt low","courier.txt high","courier.txt unit","post.txt","post.txt low","post.txt high","post.txt unit","#,
            r#""'=herald.txt","'=herald.txt low","'=herald.txt high","'=herald.txt unit","note""#
        )
    );
    let killed = out.lines().find(|l| l.contains("killed")).unwrap_or_else(|| panic!("{out}"));
    assert!(
        killed.contains(r#""conflict","false","'=herald.txt","Conflict — =herald.txt (31 people) is above what the other two allow (7)","7 people","7","7","people","7 people","7","7","people","31 people","31","31","people""#),
        "{killed}"
    );
    let (code, md, _) = run(&["analyze", "--format", "markdown", a.to_str().unwrap(), b.to_str().unwrap(), c.to_str().unwrap()], "");
    assert_eq!(code, 0);
    assert!(md.contains("**31 people** (outlier)"), "{md}");
}

#[test]
fn extract_takes_no_file_argument_and_explains_the_line_format() {
    let (code, out, err) = run(&["extract", "articles.txt"], "\"About 80 homes were damaged.\"\n");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("stdin") && err.contains("articles.txt"), "{err}");
    let (code, _, err) = run(&["extract"], "About 80 homes were damaged.\n");
    assert_eq!(code, 2);
    assert!(err.contains("JSON string") && err.contains("\"text\""), "{err}");
}
