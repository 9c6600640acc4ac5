//! The source articles beside the checkout (`../shared/sources/*.txt`), read once for the
//! content checks: every `.txt` file as (file name, text), in file-name order.

use std::path::Path;

/// Every `.txt` file in `dir` as (file name, text), sorted by name.
pub fn read(dir: &Path) -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let body =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().into_owned(), body)
        })
        .collect();
    texts.sort();
    texts
}
