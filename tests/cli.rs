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
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
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
