//! The release build as scripts/post-build.mjs leaves it: the wasm's imports renamed short in
//! both files, no custom sections, the glue minified. (Every other end-to-end test loads this
//! same build, so a renaming that broke the page would fail them all; this one says why.)

use std::fs;

use e2e::dist_dir;

fn leb(bytes: &[u8], at: &mut usize) -> u64 {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let byte = bytes[*at];
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        shift += 7;
        if byte & 0x80 == 0 {
            return value;
        }
    }
}

/// A section: its id, and a custom section's name (else "").
type Section = (u8, String);
/// An import: module, name, kind.
type Import = (String, String, u8);

/// Every section, and every import.
fn read_wasm(bytes: &[u8]) -> (Vec<Section>, Vec<Import>) {
    assert_eq!(&bytes[..4], b"\0asm", "not a wasm module");
    let (mut sections, mut imports) = (Vec::new(), Vec::new());
    let mut at = 8;
    while at < bytes.len() {
        let id = bytes[at];
        at += 1;
        let size = leb(bytes, &mut at) as usize;
        let body = &bytes[at..at + size];
        at += size;
        let mut p = 0;
        let name = |p: &mut usize| {
            let len = leb(body, p) as usize;
            *p += len;
            String::from_utf8(body[*p - len..*p].to_vec()).expect("a UTF-8 name")
        };
        match id {
            0 => sections.push((0, name(&mut p))),
            2 => {
                sections.push((2, String::new()));
                for _ in 0..leb(body, &mut p) {
                    let module = name(&mut p);
                    let field = name(&mut p);
                    let kind = body[p];
                    p += 1;
                    match kind {
                        0 => {
                            leb(body, &mut p);
                        }
                        1 | 2 => {
                            p += usize::from(kind == 1);
                            let flags = body[p];
                            p += 1;
                            leb(body, &mut p);
                            if flags & 1 == 1 {
                                leb(body, &mut p);
                            }
                        }
                        3 => p += 2,
                        other => panic!("import kind {other}"),
                    }
                    imports.push((module, field, kind));
                }
            }
            other => sections.push((other, String::new())),
        }
    }
    (sections, imports)
}

#[test]
fn the_release_glue_and_wasm_agree_on_short_import_names() {
    let dist = dist_dir();
    let file = |suffix: &str| {
        fs::read_dir(&dist)
            .expect("dist/ readable")
            .filter_map(Result::ok)
            .map(|e| e.path())
            // The lab's own module, not the Python panel's or the pictures' (loaded by name).
            .find(|p| {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                name.ends_with(suffix) && !name.starts_with("python-panel") && !name.starts_with("pictures")
            })
            .unwrap_or_else(|| panic!("no *{suffix} in {}", dist.display()))
    };
    let wasm_path = file("_bg.wasm");
    let glue_name = wasm_path.file_name().unwrap().to_string_lossy().replace("_bg.wasm", ".js");
    let wasm = fs::read(&wasm_path).expect("the wasm");
    let glue = fs::read_to_string(wasm_path.with_file_name(glue_name)).expect("the glue");
    let (sections, imports) = read_wasm(&wasm);

    assert!(sections.iter().all(|(id, _)| *id != 0), "custom sections left: {sections:?}");
    // The app's own JS snippets (./snippets/…) are imported by name and keep it.
    let own: Vec<_> = imports.iter().filter(|(module, _, _)| module.starts_with("./") && !module.starts_with("./snippets/")).collect();
    assert!(own.len() > 50, "expected the glue's imports, found {}", own.len());
    for (_, name, _) in &own {
        assert!(name.len() <= 4 && !name.starts_with("__wbg"), "import {name} was not renamed");
        // Each short name is a key of the glue's import object, written once.
        let key = format!("{name}:");
        let found = glue.match_indices(&key).filter(|(at, _)| !glue[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_')).count();
        assert_eq!(found, 1, "{key} in the glue");
    }
    assert!(!glue.contains("__wbg_"), "the glue still names a long import");
    assert!(glue.lines().count() < 10, "the glue is not minified ({} lines)", glue.lines().count());
}
