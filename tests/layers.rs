//! The shape of the source tree: which module may import which, and where
//! rule codes may be written.
//!
//! - **Layers.** The crate's top-level modules are ordered, lowest first
//!   ([`LAYERS`], documented in ARCHITECTURE.md); a module may use its own
//!   layer and the layers below it, never one above, so there is no import
//!   circle between them. The test reads every `crate::…` path in the code
//!   (comments and string literals left out) of every file under `src/`.
//! - **One path per code.** Every finding gets its code from its rule's
//!   definition under `src/rules/`; no other file spells a code as a string
//!   literal (a code in prose, without quotes, is fine).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The crate's top-level modules, lowest layer first. `lib` (the crate
/// root, `src/lib.rs`) and `bin` (the command-line tool, which sees the
/// crate only as `fa3::…`) are above them all.
const LAYERS: &[&str] = &[
    "ksef",
    "error",
    "zone",
    "source",
    "diagnostic",
    "model",
    "domain",
    "exchange_rates",
    "form",
    "registry",
    "settings",
    "facts",
    "rules",
    "hygiene",
    "schema",
    "parse",
    "check",
    "format",
    "run",
    "links",
    "render",
    "samples",
    "invoice_builder",
    "strategies",
    "lib",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found.sort();
}

/// `text` with comments and the contents of string and character literals
/// blanked out (line breaks kept, so line numbers stay right).
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Keeps line breaks of a skipped range.
    let blank = |out: &mut String, from: usize, to: usize| {
        for &c in &b[from..to] {
            out.push(if c == b'\n' { '\n' } else { ' ' });
        }
    };
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |p| i + p);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let (mut depth, mut j) = (0usize, i);
            while j < b.len() {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if let Some(hashes) = raw_string_start(b, i) {
            // r"…", r#"…"#, br#"…"#: ends at a quote and as many hashes.
            let open = b[i..].iter().position(|&c| c == b'"').unwrap() + i + 1;
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let end = b[open..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(b.len(), |p| open + p + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(b.len());
            blank(&mut out, i, end);
            i = end;
        } else if b[i] == b'\'' {
            // A character literal ('x', '\n', '"'); otherwise a lifetime.
            let end = if b.get(i + 1) == Some(&b'\\') {
                b[i + 2..]
                    .iter()
                    .position(|&c| c == b'\'')
                    .map_or(b.len(), |p| i + 2 + p + 1)
            } else {
                let len = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                if b.get(i + 1 + len) == Some(&b'\'') {
                    i + 2 + len
                } else {
                    i + 1
                }
            };
            blank(&mut out, i, end);
            i = end;
        } else {
            let len = text[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&text[i..i + len]);
            i += len;
        }
    }
    out
}

/// The number of `#` of a raw string literal starting at `i`, if one does.
fn raw_string_start(b: &[u8], i: usize) -> Option<usize> {
    let prev_is_ident = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
    if prev_is_ident {
        return None;
    }
    let mut j = i;
    if b.get(j) == Some(&b'b') {
        j += 1;
    }
    if b.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = b[j..].iter().take_while(|&&c| c == b'#').count();
    (b.get(j + hashes) == Some(&b'"')).then_some(hashes)
}

/// The first segment of every `crate::` path in `code`, with its line:
/// `crate::a::b` gives `a`, `crate::{a, b::c}` gives `a` and `b`.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let b = code.as_bytes();
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let prev = at.checked_sub(1).map(|p| b[p]);
        if prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
            continue;
        }
        let line = code[..at].matches('\n').count() + 1;
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group.
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.push((line, first_segment(&item)));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            found.push((line, first_segment(&item)));
        } else {
            found.push((line, first_segment(rest)));
        }
    }
    found.retain(|(_, name)| !name.is_empty());
    found
}

fn first_segment(path: &str) -> String {
    path.trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level module of a file under `src/` (`src/rules/xml/bom.rs`
/// → `rules`, `src/lib.rs` → `lib`).
fn module_of(file: &Path) -> String {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.strip_suffix(".rs").unwrap_or(&first).to_string()
}

/// What a name at the crate root stands for: a module, an item `lib.rs`
/// re-exports from one (`crate::Error` → `error`), `declare_rule` (the
/// rules' macro), or an item of `lib.rs` itself.
fn root_names() -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let code = code_only(&lib);
    let mut names = BTreeMap::new();
    for statement in code.split(';') {
        let statement = statement.trim();
        if let Some(path) = statement.strip_prefix("pub use ") {
            let (module, items) = path.split_once("::").unwrap();
            let items = items.trim_start_matches('{').trim_end_matches('}');
            for item in items.split(',') {
                let item = item.trim();
                let name = item.rsplit(" as ").next().unwrap().trim();
                if !name.is_empty() {
                    names.insert(name.to_string(), module.trim().to_string());
                }
            }
        }
    }
    for line in code.lines() {
        if let Some(rest) = line.trim().strip_prefix("pub fn ") {
            names.insert(first_segment(rest), "lib".to_string());
        }
    }
    names.insert("declare_rule".into(), "rules".into());
    names
}

/// The modules `lib.rs` declares.
fn declared_modules() -> Vec<String> {
    let lib = code_only(&std::fs::read_to_string(src().join("lib.rs")).unwrap());
    lib.lines()
        .filter_map(|l| {
            let l = l.trim();
            l.strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("mod "))
                .map(|m| m.trim_end_matches(';').trim().to_string())
        })
        .collect()
}

#[test]
fn every_module_has_a_layer() {
    let declared = declared_modules();
    assert!(declared.len() > 10, "{declared:?}");
    for module in declared {
        assert!(
            LAYERS.contains(&module.as_str()),
            "src/lib.rs declares `{module}`, which has no place in tests/layers.rs's LAYERS \
             (and ARCHITECTURE.md's layer order)"
        );
    }
}

#[test]
fn no_module_imports_a_higher_layer() {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let roots = root_names();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut violations = Vec::new();
    let mut checked = 0;
    for file in &files {
        let module = module_of(file);
        // The command-line tool is a crate of its own: `crate::` is its root.
        if module == "bin" {
            continue;
        }
        let own = rank(&module)
            .unwrap_or_else(|| panic!("{}: module `{module}` has no layer", file.display()));
        let code = code_only(&std::fs::read_to_string(file).unwrap());
        for (line, name) in crate_paths(&code) {
            checked += 1;
            let target = if rank(&name).is_some() {
                name.clone()
            } else if let Some(module) = roots.get(&name) {
                module.clone()
            } else {
                violations.push(format!(
                    "{}:{line}: crate::{name} is no module and nothing lib.rs re-exports",
                    file.display()
                ));
                continue;
            };
            let theirs = rank(&target).unwrap_or_else(|| panic!("`{target}` has no layer"));
            if theirs > own {
                violations.push(format!(
                    "{}:{line}: `{module}` uses crate::{name} (`{target}`), a higher layer",
                    file.display()
                ));
            }
        }
    }
    assert!(checked > 100, "only {checked} crate:: paths found");
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

/// The helpers see through comments and literals.
#[test]
fn paths_are_read_from_code_only() {
    let code = code_only(
        "use crate::a::b; // crate::c\n/* crate::d */ let s = \"crate::e\"; let c = '\"';\n\
         let r = r#\"crate::f\"#; fn g<'a>(x: &'a str) { crate::h::i(); }\n\
         use crate::{j, k::{l, m}, n as o};\nx.pub_crate::p;",
    );
    let names: Vec<String> = crate_paths(&code).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["a", "h", "j", "k", "n"]);
    assert_eq!(crate_paths(&code)[1].0, 3);
}

#[test]
fn codes_are_written_only_in_rule_files() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let rules = src().join("rules");
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(&rules)) {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            // Documentation may show a code as a user writes it.
            let doc = line.trim_start().starts_with("///") || line.trim_start().starts_with("//!");
            if line.contains("\"FA3-") && !doc {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        files.len() > 50 && found.is_empty(),
        "take the code from the rule's definition (RULE.meta.code, RULE.diagnostic(…)):\n{}",
        found.join("\n")
    );
}
