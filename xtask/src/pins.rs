//! Every tool version the project depends on, in one place.
//!
//! npm packages are pinned exactly in `package.json` / `package-lock.json` (npm's own pin file);
//! a test in `main.rs` checks those match [`NPM`]. The wasm-bindgen CLI is not listed: its version
//! is read from `Cargo.lock`, because the CLI must equal the library exactly.

/// Trunk, installed with `cargo install --locked` on the stable toolchain (0.22 needs Rust 1.96.1).
pub const TRUNK: &str = "0.21.14";

/// npm packages (name, exact version), installed by `npm ci` from the committed lock file.
/// esbuild, React and Vue bundle the framework host apps of `tests/e2e/reliability.test.mjs`;
/// TypeScript type-checks the npm package's declarations (`xtask/src/package.rs`); DataTables
/// (core and its default stylesheet) is the bench's peer page (issue 16).
pub const NPM: [(&str, &str); 10] = [
    ("axe-core", "4.14.1"),
    ("binaryen", "132.0.0"),
    ("datatables.net", "3.1.2"),
    ("datatables.net-dt", "3.1.2"),
    ("esbuild", "0.28.2"),
    ("playwright-core", "1.65.1"),
    ("react", "19.3.1"),
    ("react-dom", "19.3.1"),
    ("vue", "3.5.45"),
    ("typescript", "7.0.2"),
];

/// What `wasm-opt --version` must contain (npm binaryen 132); Trunk.toml pins the same.
pub const WASM_OPT_VERSION: &str = "version_132";

/// Debian packages for the wasm toolchain when rustup cannot provide the wasm32 target.
/// Verified version on Debian 12: 1.96.0+dfsg1-1~deb12u2. `lld-22` is needed because
/// rust-web-llvm's `/usr/bin/rust-lld` is only a symlink to `lld-22`, which it does not depend on.
pub const APT_DEBIAN_RUST: [&str; 6] = [
    "rustc-web",
    "cargo-web",
    "rust-web-src",
    "rust-web-llvm",
    "rust-web-clippy",
    "lld-22",
];

/// The Debian Rust version the fallback route was verified with (checked, warned on mismatch).
pub const DEBIAN_RUST_VERSION: &str = "1.96";

/// Debian packages for browser tests. Verified: 156.0.8078.x.
pub const APT_BROWSER: [&str; 2] = ["chromium", "chromium-driver"];

/// How long `rustup target add wasm32-unknown-unknown` may try before the Debian route is used.
pub const RUSTUP_TARGET_TIMEOUT_SECS: u64 = 25;

/// How long `rustup component add rust-src` may try (the wasm standard library is rebuilt from
/// these sources for the size-tuned release build) before the Debian route is used.
pub const RUSTUP_SRC_TIMEOUT_SECS: u64 = 120;
