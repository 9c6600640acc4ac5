//! Short names for the wasm's imports: wasm-bindgen names each imported JS function after the
//! Rust binding and a hash (`__wbg_setAttribute_5cd5bd23…`), and the name is written twice, in
//! the wasm's import section and as a key of the glue's import object. The build renames both
//! to short names (`a`, `b`, … `ba`, …) in one step, so they still match.
//!
//! Measured on 2026-12-02 (gzip -9): the wasm 181,526 -> 179,093 bytes, the glue (minified)
//! 5,892 -> 4,273. Nothing here knows the widget; it reads only the wasm binary format's
//! sections (the import section is rewritten, every other byte is kept) and the glue's text.

/// Renames every function import of `wasm` whose name the glue holds exactly once, as a whole
/// identifier, to a short name, in both. Returns the new wasm and glue, or why not: a name the
/// glue does not hold exactly once, or a binary this reader does not understand, stops the
/// build rather than ship a wasm whose imports the glue cannot satisfy.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a wasm binary".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut glue = glue.to_owned();
    let mut at = 8;
    let mut renamed = 0;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, body_at) = leb(wasm, at + 1)?;
        let end = body_at
            .checked_add(size as usize)
            .filter(|&e| e <= wasm.len())
            .ok_or("a section runs past the end")?;
        let body = &wasm[body_at..end];
        if id == 2 {
            let (section, count) = rename_imports(body, &mut glue)?;
            renamed = count;
            out.push(2);
            push_leb(&mut out, section.len() as u64);
            out.extend_from_slice(&section);
        } else {
            out.extend_from_slice(&wasm[at..end]);
        }
        at = end;
    }
    if renamed == 0 {
        return Err("no import was renamed".into());
    }
    Ok((out, glue))
}

/// The import section with its function imports renamed (and the glue with them).
fn rename_imports(body: &[u8], glue: &mut String) -> Result<(Vec<u8>, usize), String> {
    let (count, mut at) = leb(body, 0)?;
    let mut out = Vec::with_capacity(body.len());
    push_leb(&mut out, count);
    let mut renamed = 0;
    for _ in 0..count {
        let (module, next) = name(body, at)?;
        let (field, next) = name(body, next)?;
        let desc_end = skip_desc(body, next)?;
        let field = if body.get(next) == Some(&0) {
            let short = short_name(renamed);
            rename_in_glue(glue, field, &short)?;
            renamed += 1;
            short
        } else {
            field.to_owned()
        };
        push_name(&mut out, module);
        push_name(&mut out, &field);
        out.extend_from_slice(&body[next..desc_end]);
        at = desc_end;
    }
    if at != body.len() {
        return Err("the import section has bytes after its last import".into());
    }
    Ok((out, renamed))
}

/// Replaces the one whole-identifier occurrence of `old` in `glue` with `new`.
fn rename_in_glue(glue: &mut String, old: &str, new: &str) -> Result<(), String> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let found: Vec<usize> = glue
        .match_indices(old)
        .map(|(i, _)| i)
        .filter(|&i| {
            !glue[..i].chars().next_back().is_some_and(ident)
                && !glue[i + old.len()..].chars().next().is_some_and(ident)
        })
        .collect();
    match found.as_slice() {
        [i] => {
            glue.replace_range(*i..*i + old.len(), new);
            Ok(())
        }
        _ => Err(format!(
            "the glue holds the import `{old}` {} times, not once",
            found.len()
        )),
    }
}

/// The `n`th short name: `a` … `z`, then `ba`, `bb`, … (letters only, valid JS property names
/// and never a prefix problem, since the glue is searched by whole identifiers).
fn short_name(mut n: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The end of an import's description (its kind byte, then the kind's fields).
fn skip_desc(body: &[u8], at: usize) -> Result<usize, String> {
    let kind = *body.get(at).ok_or("an import without a kind")?;
    let limits = |at: usize| -> Result<usize, String> {
        let flags = *body.get(at).ok_or("limits past the end")?;
        let (_, next) = leb(body, at + 1)?;
        if flags & 1 == 1 {
            Ok(leb(body, next)?.1)
        } else {
            Ok(next)
        }
    };
    match kind {
        0 => Ok(leb(body, at + 1)?.1),
        1 => limits(at + 2),
        2 => limits(at + 1),
        3 => Ok(at + 3),
        4 => Ok(leb(body, at + 2)?.1),
        other => Err(format!("an import of unknown kind {other}")),
    }
}

fn name(body: &[u8], at: usize) -> Result<(&str, usize), String> {
    let (len, start) = leb(body, at)?;
    let end = start
        .checked_add(len as usize)
        .filter(|&e| e <= body.len())
        .ok_or("a name runs past the end")?;
    let text = std::str::from_utf8(&body[start..end]).map_err(|_| "a name that is not UTF-8")?;
    Ok((text, end))
}

fn push_name(out: &mut Vec<u8>, name: &str) {
    push_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

/// An unsigned LEB128 number at `at`, and where it ends.
fn leb(bytes: &[u8], mut at: usize) -> Result<(u64, usize), String> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(at).ok_or("a number runs past the end")?;
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    Err("a number longer than 64 bits".into())
}

fn push_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::{leb, push_leb, short_name, shorten};

    /// A module importing two functions and a memory from "./m.js", and nothing else.
    fn module() -> Vec<u8> {
        let mut imports = vec![3];
        for (name, desc) in [
            ("__wbg_first_0123", vec![0, 0]),
            ("__wbg_second_4567", vec![0, 0]),
            ("memory", vec![2, 0, 17]),
        ] {
            imports.push(6);
            imports.extend_from_slice(b"./m.js");
            imports.push(name.len() as u8);
            imports.extend_from_slice(name.as_bytes());
            imports.extend_from_slice(&desc);
        }
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]); // type section: one () -> ()
        wasm.push(2);
        wasm.push(imports.len() as u8);
        wasm.extend_from_slice(&imports);
        wasm.extend_from_slice(&[0, 3, 1, b'x', 7]); // a custom section, kept as it is
        wasm
    }

    #[test]
    fn renames_function_imports_in_the_wasm_and_the_glue_alike() {
        let glue = "const i = { __wbg_first_0123: f, __wbg_second_4567: g }; x.__wbg_first_01234;";
        let (wasm, glue) = shorten(&module(), glue).unwrap();
        assert_eq!(
            glue, "const i = { a: f, b: g }; x.__wbg_first_01234;",
            "whole identifiers only"
        );
        let text = String::from_utf8_lossy(&wasm);
        assert!(!text.contains("__wbg_") && text.contains("memory"));
        assert!(wasm.ends_with(&[0, 3, 1, b'x', 7]));
        assert!(wasm.starts_with(&[0, b'a', b's', b'm', 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0]));
    }

    #[test]
    fn refuses_a_name_the_glue_does_not_hold_exactly_once() {
        let twice = "{ __wbg_first_0123: f, __wbg_second_4567: g, __wbg_first_0123: h }";
        assert!(shorten(&module(), twice).unwrap_err().contains("2 times"));
        assert!(shorten(&module(), "{ __wbg_second_4567: g }").is_err());
        assert!(shorten(b"not wasm", "").is_err());
    }

    #[test]
    fn short_names_and_numbers() {
        let names: Vec<String> = [0, 25, 26, 27, 700].into_iter().map(short_name).collect();
        assert_eq!(names, ["a", "z", "ba", "bb", "bay"]);
        for n in [0, 127, 128, 300_000, u64::from(u32::MAX)] {
            let mut bytes = Vec::new();
            push_leb(&mut bytes, n);
            assert_eq!(leb(&bytes, 0).unwrap(), (n, bytes.len()));
        }
    }
}
