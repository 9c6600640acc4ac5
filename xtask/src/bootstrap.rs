//! The bootstrap: makes a fresh machine able to build and test the widget, idempotently.
//!
//! Order: pick the wasm toolchain (rustup's wasm32 target if it is installed or can be added in
//! a short time, else Debian's rustc-web with `-Zbuild-std`), install missing Debian packages
//! (needs apt and root, else stops with a list to install by hand), then the cargo-installed
//! tools (Trunk; wasm-bindgen-cli at Cargo.lock's version) and the npm packages. Everything comes
//! from the package registries; nothing is downloaded from anywhere else.

use crate::pins;
use crate::sh::{self, output, run, say, Failure, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const WASM32: &str = "wasm32-unknown-unknown";

/// Extra rustc flags of the release wasm (unstable, hence `RUSTC_BOOTSTRAP=1` on the build):
/// panics keep their message for the loader's panic hook but lose their file and line, and
/// `{:?}` formatting, which no reader-facing text uses, prints nothing.
pub const SIZE_RUSTFLAGS: &str = "-Zlocation-detail=none -Zfmt-debug=none";

/// Which compiler builds the wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// rustup's toolchain with its prebuilt wasm32 standard library.
    Rustup,
    /// Debian's rustc-web 1.96, building std for wasm32 from source (`-Zbuild-std`).
    Debian,
}

/// A ready machine: how to run the wasm toolchain and the project's tools.
pub struct Toolchain {
    pub route: Route,
    pub root: PathBuf,
}

impl Toolchain {
    /// PATH with the project's npm tools first and, on the Debian route, Debian's cargo/rustc
    /// before rustup's proxies (which would otherwise shadow them).
    pub fn path(&self) -> String {
        let mut dirs = vec![self.root.join("node_modules/.bin").display().to_string()];
        if self.route == Route::Debian {
            dirs.push("/usr/bin".into());
        }
        dirs.push(std::env::var("PATH").unwrap_or_default());
        dirs.join(":")
    }

    /// A command with the wasm toolchain's environment (for Trunk and wasm cargo calls).
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root).env("PATH", self.path());
        if self.route == Route::Debian {
            cmd.env("RUSTC_BOOTSTRAP", "1")
                .env("RUSTC", "/usr/bin/rustc")
                .env("RUSTDOC", "/usr/bin/rustdoc")
                .env_remove("RUSTUP_TOOLCHAIN")
                .env_remove("CARGO");
        }
        cmd
    }

    /// `cargo <sub> --target wasm32-unknown-unknown [-Zbuild-std=…]` for clippy and browser tests.
    /// `with_test` adds the `test` crate to the std build (needed to compile test harnesses).
    pub fn wasm_cargo(&self, sub: &str, with_test: bool) -> Command {
        let program = match self.route {
            Route::Rustup => "cargo",
            Route::Debian => "/usr/bin/cargo",
        };
        let mut cmd = self.command(program);
        cmd.args([sub, "--target", WASM32]);
        if self.route == Route::Debian {
            cmd.arg(if with_test {
                "-Zbuild-std=std,panic_abort,test"
            } else {
                "-Zbuild-std=std,panic_abort"
            });
        }
        cmd
    }

    /// `trunk build --release --offline` with the right toolchain, size-tuned: on both routes
    /// the standard library is rebuilt from source (`-Zbuild-std`, `RUSTC_BOOTSTRAP=1`) with
    /// its `optimize_for_size` feature, and [`SIZE_RUSTFLAGS`] drop the panic locations and the
    /// `Debug` formatting nobody sees. Measured on 2026-12-02 (issue 16, wasm gzip -9): 199,346
    /// as before; 197,945 with build-std alone; 191,417 with the flags; 186,568 with
    /// `optimize_for_size` too. (`-Cpanic=immediate-abort` would save 2.4 KB more but skips the
    /// panic hook the loader relies on; `-Copt-level=s` and `-Zinline-mir=no` were larger.)
    pub fn trunk_build(&self) -> Command {
        let mut cmd = self.command("trunk");
        cmd.args(["build", "--release", "--offline"])
            .env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
            .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
            // Merged with `.cargo/config.toml`'s rustflags for the target (the stack size).
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
                SIZE_RUSTFLAGS,
            );
        cmd
    }
}

/// Makes the machine ready. `browser`: also install Chromium and ChromeDriver (for tests).
pub fn ensure(root: &Path, browser: bool) -> Result<Toolchain> {
    say("bootstrap: checking the machine (run again at any time: every step is skipped when done)");
    for tool in ["node", "npm"] {
        if output(Command::new(tool).arg("--version")).is_none() {
            return Err(missing_by_hand(
                &[tool],
                "Node.js and npm are required (Debian: apt-get install nodejs npm)",
            ));
        }
    }

    let route = pick_route();
    let mut apt: Vec<&str> = Vec::new();
    if route == Route::Debian {
        apt.extend(pins::APT_DEBIAN_RUST);
    }
    if browser {
        apt.extend(pins::APT_BROWSER);
    }
    install_apt(&apt)?;
    if route == Route::Debian {
        let version = output(Command::new("/usr/bin/rustc").arg("--version")).unwrap_or_default();
        say(format!(
            "toolchain: Debian route ({version}, std built from source for {WASM32})"
        ));
        if !version.contains(pins::DEBIAN_RUST_VERSION) {
            say(format!(
                "warning: expected Debian rustc {}, found \"{version}\"; builds may differ",
                pins::DEBIAN_RUST_VERSION
            ));
        }
    } else {
        say(format!("toolchain: rustup with its {WASM32} target"));
    }

    cargo_tool("trunk", "trunk", pins::TRUNK, &["--locked"])?;
    let bindgen = wasm_bindgen_version(root)?;
    // No --locked: the registry mirror may lack the newest patch of one of its dependencies.
    cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &bindgen, &[])?;
    npm_packages(root)?;
    let opt = output(Command::new(root.join("node_modules/.bin/wasm-opt")).arg("--version"))
        .unwrap_or_default();
    if !opt.contains(pins::WASM_OPT_VERSION) {
        return Err(Failure {
            step: "wasm-opt".into(),
            command: "node_modules/.bin/wasm-opt --version".into(),
            why: format!("printed \"{opt}\", expected {}", pins::WASM_OPT_VERSION),
        });
    }
    let toolchain = Toolchain {
        route,
        root: root.to_path_buf(),
    };
    fetch_std_sources(&toolchain)?;
    say("bootstrap: done");
    Ok(toolchain)
}

/// The release build (and, on the Debian route, every wasm build) runs with `--offline`, so
/// every crate it needs must be in cargo's cache first: the project's own for every platform
/// (build scripts and proc macros run on the host), then the crates the standard library itself
/// depends on (dlmalloc, libc, moto-rt, …), which `cargo fetch` downloads for the same
/// `-Zbuild-std` set. A fresh machine has neither (checked with an empty CARGO_HOME: both
/// fetches, then an offline build-std `cargo check`, pass). Under a second once cached.
fn fetch_std_sources(toolchain: &Toolchain) -> Result {
    let program = match toolchain.route {
        Route::Rustup => "cargo",
        Route::Debian => "/usr/bin/cargo",
    };
    run("fetch crates", toolchain.command(program).arg("fetch"))?;
    run(
        "fetch std's crates",
        toolchain
            .command(program)
            .args(["fetch", "--target", WASM32])
            .env("RUSTC_BOOTSTRAP", "1")
            .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort,test")
            .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
    )
}

/// rustup's wasm32 target if present or quickly added; otherwise the Debian route. A failed
/// attempt is remembered (in ~/.cache/role-compare) so later runs do not wait again; delete the
/// marker, or set ROLE_COMPARE_RETRY_RUSTUP=1, to try rustup again.
fn pick_route() -> Route {
    if let Some(route) = std::env::var("ROLE_COMPARE_ROUTE")
        .ok()
        .as_deref()
        .and_then(|r| match r {
            "rustup" => Some(Route::Rustup),
            "debian" => Some(Route::Debian),
            _ => None,
        })
    {
        say(format!(
            "toolchain: ROLE_COMPARE_ROUTE forces the {route:?} route"
        ));
        return route;
    }
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM32) {
        return rustup_with_src();
    }
    let marker = cache_dir().join("rustup-wasm32-unavailable");
    let retry = std::env::var_os("ROLE_COMPARE_RETRY_RUSTUP").is_some();
    if marker.exists() && !retry {
        say(format!(
            "toolchain: rustup could not add {WASM32} on an earlier run ({}); using Debian's rustc-web",
            marker.display()
        ));
        return Route::Debian;
    }
    let added = output(Command::new("rustup").arg("--version")).is_some()
        && sh::run_with_timeout(
            "toolchain",
            Command::new("rustup").args(["target", "add", WASM32]),
            Duration::from_secs(pins::RUSTUP_TARGET_TIMEOUT_SECS),
        );
    if added {
        let _ = std::fs::remove_file(&marker);
        rustup_with_src()
    } else {
        let _ = std::fs::create_dir_all(cache_dir());
        let _ = std::fs::write(
            &marker,
            "rustup target add wasm32-unknown-unknown failed or timed out\n",
        );
        say("toolchain: rustup cannot provide wasm32 here; falling back to Debian's rustc-web + build-std");
        Route::Debian
    }
}

/// The release build rebuilds the wasm standard library from source, so rustup's route also
/// needs the `rust-src` component; without it (not installed and not added in time), Debian's
/// rustc-web, which ships its sources, builds the wasm.
fn rustup_with_src() -> Route {
    let installed = output(Command::new("rustup").args(["component", "list", "--installed"]))
        .unwrap_or_default();
    if installed.lines().any(|l| l.trim().starts_with("rust-src")) {
        return Route::Rustup;
    }
    if sh::run_with_timeout(
        "toolchain",
        Command::new("rustup").args(["component", "add", "rust-src"]),
        Duration::from_secs(pins::RUSTUP_SRC_TIMEOUT_SECS),
    ) {
        Route::Rustup
    } else {
        say("toolchain: rustup cannot provide rust-src here; using Debian's rustc-web + build-std");
        Route::Debian
    }
}

fn cache_dir() -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("role-compare")
}

fn apt_installed(pkg: &str) -> bool {
    output(Command::new("dpkg-query").args(["-W", "-f=${Status}", pkg]))
        .is_some_and(|s| s.ends_with("install ok installed"))
}

fn install_apt(pkgs: &[&str]) -> Result {
    let missing: Vec<&str> = pkgs.iter().copied().filter(|p| !apt_installed(p)).collect();
    if missing.is_empty() {
        if !pkgs.is_empty() {
            say(format!("apt: already installed: {}", pkgs.join(" ")));
        }
        return Ok(());
    }
    let has_apt = output(Command::new("apt-get").arg("--version")).is_some();
    let is_root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
    if !has_apt || !is_root {
        let why = if has_apt {
            "installing Debian packages needs root; run as root, or install these first"
        } else {
            "this machine has no apt-get (not Debian); install the equivalents of these by hand"
        };
        return Err(missing_by_hand(&missing, why));
    }
    say(format!(
        "apt: installing {} (a few minutes on a fresh machine)",
        missing.join(" ")
    ));
    run(
        "apt-get update",
        Command::new("apt-get").args(["update", "-q"]),
    )?;
    run(
        "apt-get install",
        Command::new("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(["install", "-y", "-q"])
            .args(&missing),
    )
}

/// Debian packages for the WordPress tier (`xtask/src/wordpress.rs`), installed only when that
/// tier runs. `wordpress` brings PHP, Apache and the MariaDB client; the tier runs its own
/// MariaDB and PHP's built-in server. Verified: wordpress 6.1.9+dfsg1-0+deb12u1, PHP 8.2,
/// MariaDB 10.11 (measured 2026-12-02: 24 s for apt-get update and install on this machine).
pub const APT_WORDPRESS: [&str; 6] = [
    "wordpress",
    "mariadb-server",
    "php-cli",
    "php-mysql",
    "php-mbstring",
    "php-xml",
];

/// Installs [`APT_WORDPRESS`] when missing, without starting the services the packages ship
/// (Apache, MariaDB): when the machine has no `/usr/sbin/policy-rc.d` (Debian's switch for
/// that; container images have one), one that says "do not start" is put there for the
/// install and removed after it.
pub fn ensure_wordpress() -> Result {
    if APT_WORDPRESS.iter().all(|p| apt_installed(p)) {
        say(format!(
            "apt: already installed: {}",
            APT_WORDPRESS.join(" ")
        ));
        return Ok(());
    }
    let policy = Path::new("/usr/sbin/policy-rc.d");
    let ours = !policy.exists()
        && std::fs::write(
            policy,
            "#!/bin/sh\n# role-compare xtask: no services during the install\nexit 101\n",
        )
        .is_ok()
        && Command::new("chmod")
            .args(["755", "/usr/sbin/policy-rc.d"])
            .status()
            .is_ok_and(|s| s.success());
    let result = install_apt(&APT_WORDPRESS);
    if ours {
        let _ = std::fs::remove_file(policy);
    }
    result
}

fn missing_by_hand(what: &[&str], why: &str) -> Failure {
    Failure {
        step: "bootstrap".into(),
        command: "(nothing was installed)".into(),
        why: format!("cannot continue: {why}:\n    {}", what.join("\n    ")),
    }
}

/// Installs `krate` at `version` with the stable cargo unless `bin --version` already says so.
fn cargo_tool(bin: &str, krate: &str, version: &str, extra: &[&str]) -> Result {
    let have = output(Command::new(bin).arg("--version")).unwrap_or_default();
    if have.split_whitespace().any(|w| w == version) {
        say(format!("{bin}: {have}"));
        return Ok(());
    }
    say(format!(
        "{bin}: installing {krate} {version} from crates.io (several minutes; cargo shows progress){}",
        if have.is_empty() { String::new() } else { format!(", replacing \"{have}\"") }
    ));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(
        &format!("install {krate}"),
        Command::new(cargo)
            .args(["install", krate, "--version", version])
            .args(extra),
    )
}

/// The wasm-bindgen version Cargo.lock resolved: the CLI must match it exactly.
pub fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_owned());
            }
        }
    }
    Err(Failure {
        step: "wasm-bindgen version".into(),
        command: "read Cargo.lock".into(),
        why: "found no wasm-bindgen package in Cargo.lock".into(),
    })
}

/// `npm ci` unless every pinned package is installed at its pinned version.
fn npm_packages(root: &Path) -> Result {
    let current = pins::NPM.iter().all(|(name, version)| {
        std::fs::read_to_string(root.join("node_modules").join(name).join("package.json"))
            .is_ok_and(|text| text.contains(&format!("\"version\": \"{version}\"")))
    });
    if current {
        say("npm: packages installed at their pinned versions");
        return Ok(());
    }
    run(
        "npm ci",
        Command::new("npm")
            .current_dir(root)
            .args(["ci", "--no-audit", "--no-fund"]),
    )
}
