//! The WordPress plugin: its zip (`dist/role-compare-wordpress.zip`, written by `cargo xtask
//! build`) and the WordPress test tier (a real WordPress from Debian's packages, on loopback).
//!
//! The zip holds `wordpress/role-compare/` (PHP, block.json, editor script, readme), the
//! widget's own files from `dist/` under `assets/`, and the no-JS fallbacks that
//! `examples/wordpress_fallbacks.rs` prerenders under `fallbacks/`. It is written here without
//! a zip dependency: `gzip -9 -n` deflates each file, and a gzip stream is a raw deflate stream
//! between a 10-byte header and a trailer holding the CRC-32 and the size, which is exactly what
//! a zip entry stores.
//!
//! The tier installs `wordpress`, `mariadb-server` and `php-cli` from Debian when missing,
//! starts a private MariaDB (its own data directory and socket, no TCP) and PHP's built-in web
//! server on a free loopback port, installs WordPress with `tests/wordpress/setup.php`, runs the
//! Playwright specs in `tests/wordpress/`, and stops both servers and deletes the database
//! whatever happened. Nothing is installed system-wide beyond the packages, and no service of
//! the packages is started (Debian's `policy-rc.d` keeps their daemons down during the install).

use crate::bootstrap::{self, Toolchain};
use crate::serve;
use crate::sh::{self, run, run_counted, say, Counts, Failure};
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The plugin zip, inside `dist/`.
pub const ZIP: &str = "role-compare-wordpress.zip";

/// The widget's files the plugin serves from the site itself.
const ASSETS: [&str; 4] = [
    "role-compare.js",
    "role-compare.css",
    "role_compare.js",
    "role_compare_bg.wasm",
];

fn failure(step: &str, command: impl Into<String>, why: impl Into<String>) -> Failure {
    Failure {
        step: step.into(),
        command: command.into(),
        why: why.into(),
    }
}

/// Builds the plugin folder under `target/wordpress/plugin/role-compare/` and zips it into
/// `dist/`. Needs a built `dist/`.
pub fn package(root: &Path) -> sh::Result {
    let start = Instant::now();
    let step = "wordpress plugin";
    let io = |what: String| move |e: std::io::Error| failure(step, what, format!("failed ({e})"));
    let stage = root.join("target/wordpress/plugin/role-compare");
    if stage.exists() {
        std::fs::remove_dir_all(&stage).map_err(io(format!("remove {}", stage.display())))?;
    }
    let fallbacks = stage.join("fallbacks");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut prerender = Command::new(cargo);
    prerender
        .current_dir(root)
        .args([
            "run",
            "--quiet",
            "--release",
            "--example",
            "wordpress_fallbacks",
            "--",
        ])
        .arg(&fallbacks);
    run(step, &mut prerender)?;

    let source = root.join("wordpress/role-compare");
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    collect(&source, "", &mut files).map_err(io(format!("read {}", source.display())))?;
    for asset in ASSETS {
        files.push((format!("assets/{asset}"), root.join("dist").join(asset)));
    }
    let mut generated = Vec::new();
    collect(&fallbacks, "fallbacks/", &mut generated)
        .map_err(io(format!("read {}", fallbacks.display())))?;
    files.extend(generated);
    files.sort();
    let pot = pot(&files).map_err(io("read the plugin's sources".into()))?;
    let pot_path = stage.join("languages/role-compare.pot");
    std::fs::create_dir_all(stage.join("languages")).map_err(io("mkdir languages".into()))?;
    std::fs::write(&pot_path, pot).map_err(io(format!("write {}", pot_path.display())))?;
    if !files
        .iter()
        .any(|(name, _)| name == "languages/role-compare.pot")
    {
        files.push(("languages/role-compare.pot".into(), pot_path));
    }

    let mut zip = ZipWriter::default();
    for (name, path) in &files {
        let bytes = std::fs::read(path).map_err(io(format!("read {}", path.display())))?;
        zip.add(&format!("role-compare/{name}"), &bytes)?;
    }
    let out = root.join("dist").join(ZIP);
    let bytes = zip.finish();
    std::fs::write(&out, &bytes).map_err(io(format!("write {}", out.display())))?;
    say(format!(
        "wordpress plugin: dist/{ZIP} {} bytes ({} files) in {:.0}s",
        bytes.len(),
        files.len(),
        start.elapsed().as_secs_f64()
    ));
    Ok(())
}

/// Every file under `dir` as (path in the zip, path on disk), skipping dot files.
fn collect(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            collect(&path, &format!("{prefix}{name}/"), out)?;
        } else {
            out.push((format!("{prefix}{name}"), path));
        }
    }
    Ok(())
}

/// `languages/role-compare.pot`: every `__( '…', 'role-compare' )`-style string of the plugin's
/// PHP and editor script (single-quoted, as the plugin writes them), once each, in order.
fn pot(files: &[(String, PathBuf)]) -> std::io::Result<String> {
    let mut out = String::from(
        "# Translation template of the Role comparison plugin (written by cargo xtask build).\nmsgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"X-Domain: role-compare\\n\"\n",
    );
    let mut seen = Vec::new();
    for (name, path) in files {
        if !(name.ends_with(".php") || name == "editor.js") {
            continue;
        }
        let text = std::fs::read_to_string(path)?;
        for (line_no, line) in text.lines().enumerate() {
            let mut rest = line;
            while let Some(at) = rest.find("__( '") {
                rest = &rest[at + 5..];
                let Some(end) = rest.find('\'') else { break };
                let msg = &rest[..end];
                let after = rest[end + 1..].trim_start();
                if after.starts_with(", 'role-compare'") && !seen.iter().any(|s| s == msg) {
                    seen.push(msg.to_owned());
                    out.push_str(&format!(
                        "\n#: {name}:{}\nmsgid \"{}\"\nmsgstr \"\"\n",
                        line_no + 1,
                        msg.replace('\\', "\\\\").replace('"', "\\\"")
                    ));
                }
                rest = &rest[end + 1..];
            }
        }
    }
    Ok(out)
}

/// A zip archive in memory: deflated entries (by gzip), no zip64 (the plugin is a few MB).
#[derive(Default)]
struct ZipWriter {
    data: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

impl ZipWriter {
    fn add(&mut self, name: &str, bytes: &[u8]) -> sh::Result {
        let step = "wordpress plugin (zip)";
        let mut gzip = Command::new("gzip")
            .args(["-9", "-n", "-c"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| failure(step, "gzip -9 -n -c", format!("could not start ({e})")))?;
        let mut stdin = gzip.stdin.take().expect("piped stdin");
        let input = bytes.to_vec();
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let out = gzip
            .wait_with_output()
            .map_err(|e| failure(step, "gzip -9 -n -c", format!("failed ({e})")))?;
        let written = writer.join().map(|r| r.is_ok()).unwrap_or(false);
        let gz = out.stdout;
        // ID1 ID2 CM=8 (deflate) FLG=0 (no name, comment or extra field: `-n` from stdin).
        if !written || !out.status.success() || gz.len() < 18 || gz[..4] != [0x1f, 0x8b, 8, 0] {
            return Err(failure(
                step,
                "gzip -9 -n -c",
                format!("gave no plain gzip stream for {name}"),
            ));
        }
        let deflate = &gz[10..gz.len() - 8];
        let crc = u32::from_le_bytes(gz[gz.len() - 8..gz.len() - 4].try_into().unwrap());
        let size = u32::try_from(bytes.len())
            .map_err(|_| failure(step, name, "is over 4 GiB; this writer has no zip64"))?;
        let packed = deflate.len() as u32;
        let offset = self.data.len() as u32;
        // A fixed timestamp (2026-01-01 00:00) keeps the zip reproducible.
        let (time, date) = (0u16, ((2026 - 1980) << 9 | 1 << 5 | 1) as u16);
        let name_len = name.len() as u16;
        let common = |out: &mut Vec<u8>| {
            out.extend(20u16.to_le_bytes()); // version needed: 2.0 (deflate)
            out.extend(0u16.to_le_bytes()); // flags
            out.extend(8u16.to_le_bytes()); // method: deflate
            out.extend(time.to_le_bytes());
            out.extend(date.to_le_bytes());
            out.extend(crc.to_le_bytes());
            out.extend(packed.to_le_bytes());
            out.extend(size.to_le_bytes());
            out.extend(name_len.to_le_bytes());
            out.extend(0u16.to_le_bytes()); // extra field length
        };
        self.data.extend(0x0403_4b50u32.to_le_bytes());
        common(&mut self.data);
        self.data.extend(name.as_bytes());
        self.data.extend(deflate);

        self.central.extend(0x0201_4b50u32.to_le_bytes());
        self.central.extend((3u16 << 8 | 20).to_le_bytes()); // made by: Unix, 2.0
        common(&mut self.central);
        self.central.extend(0u16.to_le_bytes()); // comment length
        self.central.extend(0u16.to_le_bytes()); // disk
        self.central.extend(0u16.to_le_bytes()); // internal attributes
        self.central.extend((0o100_644u32 << 16).to_le_bytes()); // -rw-r--r--
        self.central.extend(offset.to_le_bytes());
        self.central.extend(name.as_bytes());
        self.entries += 1;
        Ok(())
    }

    fn finish(mut self) -> Vec<u8> {
        let offset = self.data.len() as u32;
        let size = self.central.len() as u32;
        self.data.extend(&self.central);
        self.data.extend(0x0605_4b50u32.to_le_bytes());
        self.data.extend(0u16.to_le_bytes());
        self.data.extend(0u16.to_le_bytes());
        self.data.extend(self.entries.to_le_bytes());
        self.data.extend(self.entries.to_le_bytes());
        self.data.extend(size.to_le_bytes());
        self.data.extend(offset.to_le_bytes());
        self.data.extend(0u16.to_le_bytes());
        self.data
    }
}

/// A server process the tier started, stopped (with its process group) when dropped, so an
/// early return or a panic cannot leave it running.
struct Server {
    name: &'static str,
    child: Child,
    /// php -S forks worker processes into the master's process group; they outlive a killed
    /// master unless the whole group is signalled.
    group: bool,
}

impl Drop for Server {
    fn drop(&mut self) {
        let id = self.child.id().to_string();
        let target = if self.group { format!("-{id}") } else { id };
        let _ = Command::new("kill")
            .args(["-TERM", "--", &target])
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &target])
                .stderr(Stdio::null())
                .status();
            let _ = self.child.wait();
        }
        if self.group {
            // The workers are the master's children: give them a moment to exit with it.
            std::thread::sleep(Duration::from_millis(200));
            let _ = Command::new("kill")
                .args(["-KILL", "--", &target])
                .stderr(Stdio::null())
                .status();
        }
        say(format!("wordpress: stopped {}", self.name));
    }
}

/// The WordPress tier: one count per spec test, plus one failure for a set-up that failed.
pub fn tier(tc: &Toolchain) -> Counts {
    let start = Instant::now();
    let result = bootstrap::ensure_wordpress().and_then(|_| {
        say(format!(
            "wordpress: packages ready in {:.0}s",
            start.elapsed().as_secs_f64()
        ));
        run_tier(&tc.root)
    });
    say(format!(
        "wordpress tier: {:.0}s",
        start.elapsed().as_secs_f64()
    ));
    result.unwrap_or_else(|f| Counts::of(Err(f)))
}

fn run_tier(root: &Path) -> sh::Result<Counts> {
    let step = "wordpress tier";
    let io = |what: String| move |e: std::io::Error| failure(step, what, format!("failed ({e})"));
    let zip = root.join("dist").join(ZIP);
    if !zip.is_file() {
        return Err(failure(
            step,
            format!("dist/{ZIP}"),
            "is missing (cargo xtask build writes it)",
        ));
    }
    let work = root.join("target/wordpress/run");
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(io(format!("remove {}", work.display())))?;
    }
    std::fs::create_dir_all(&work).map_err(io(format!("mkdir {}", work.display())))?;
    let shots = root.join("target/wordpress/screenshots");
    std::fs::create_dir_all(&shots).map_err(io(format!("mkdir {}", shots.display())))?;

    // MariaDB: a private instance in the work directory, reachable only by its socket.
    let db = work.join("db");
    let socket = work.join("db.sock");
    run(
        "wordpress: mariadb-install-db",
        Command::new("mariadb-install-db")
            .arg("--no-defaults")
            .arg(format!("--datadir={}", db.display()))
            .args([
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--user=root",
            ])
            .stdout(Stdio::null()),
    )?;
    let mariadb = Command::new("mariadbd")
        .arg("--no-defaults")
        .arg(format!("--datadir={}", db.display()))
        .arg(format!("--socket={}", socket.display()))
        .arg(format!("--pid-file={}", work.join("db.pid").display()))
        .arg(format!("--log-error={}", work.join("db.err").display()))
        .args([
            "--skip-networking",
            "--user=root",
            "--innodb-buffer-pool-size=32M",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(io("start mariadbd".into()))?;
    let _mariadb = Server {
        name: "mariadbd",
        child: mariadb,
        group: false,
    };
    let client = || {
        let mut cmd = Command::new("mariadb");
        cmd.arg("--no-defaults")
            .arg(format!("--socket={}", socket.display()))
            .args([
                "-uroot",
                "-e",
                "CREATE DATABASE IF NOT EXISTS single; CREATE DATABASE IF NOT EXISTS multisite",
            ]);
        cmd
    };
    let up = Instant::now();
    while sh::output(&mut client()).is_none() {
        if up.elapsed() > Duration::from_secs(60) {
            return Err(failure(
                step,
                "mariadb -e CREATE DATABASE",
                format!(
                    "found no server on {} after 60s (see {})",
                    socket.display(),
                    work.join("db.err").display()
                ),
            ));
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    say(format!(
        "wordpress: MariaDB up in {:.1}s",
        up.elapsed().as_secs_f64()
    ));

    let single = setup_site(root, &work, "single", &socket)?;
    let network = setup_site(root, &work, "multisite", &socket)?;

    let dir = root.join("tests/wordpress");
    let mut specs: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path().display().to_string())
                .filter(|p| p.ends_with(".test.mjs"))
                .collect()
        })
        .unwrap_or_default();
    specs.sort();
    let mut node = Command::new("node");
    node.current_dir(root)
        .args(["--test", "--test-reporter=tap", "--test-concurrency=1"])
        .args(&specs)
        .env("WP_URL", &single.url)
        .env("WP_CREDENTIALS", &single.credentials)
        .env("WP_SITE_DIR", &single.dir)
        .env("WP_MS_URL", &network.url)
        .env("WP_MS_CREDENTIALS", &network.credentials)
        .env("WP_ZIP", &zip)
        .env("WP_SCREENSHOTS", &shots)
        .env("WP_DEBUG_LOG", work.join("debug.log"))
        .env("WP_DB_SOCKET", &socket)
        .env("CHROMIUM_PATH", "/usr/bin/chromium");
    let counts = run_counted("wordpress tests (Playwright)", &mut node);
    let (single_dir, network_dir) = (single.dir.clone(), network.dir.clone());
    drop(single);
    drop(network);
    drop(_mariadb);
    // The database (100+ MB) and the two site copies (60 MB each) go; the logs stay.
    for dir in [&db, &single_dir, &network_dir] {
        let _ = std::fs::remove_dir_all(dir);
    }
    say(format!(
        "wordpress: logs in {} (php-single.log, php-multisite.log, debug.log, db.err)",
        work.display()
    ));
    Ok(counts)
}

/// A WordPress site the tier runs: its directory, URL, the credentials `setup.php` printed, and
/// its web server (stopped when the site is dropped).
struct Site {
    dir: PathBuf,
    url: String,
    credentials: String,
    _server: Server,
}

/// Sets up WordPress `kind` ("single": one site; "multisite": a subdirectory network with a
/// second site and its administrator) in `work/kind` on its own database and loopback port,
/// and starts PHP's built-in server for it.
fn setup_site(root: &Path, work: &Path, kind: &str, socket: &Path) -> sh::Result<Site> {
    let step = "wordpress tier";
    let io = |what: String| move |e: std::io::Error| failure(step, what, format!("failed ({e})"));
    let dir = work.join(kind);
    std::fs::create_dir_all(&dir).map_err(io(format!("mkdir {}", dir.display())))?;
    let port = {
        let (listener, _) = serve::bind(0).map_err(io("bind 127.0.0.1:0".into()))?;
        listener
            .local_addr()
            .map_err(io("read the port".into()))?
            .port()
    };
    let url = format!("http://127.0.0.1:{port}");
    // Debian's files copied into the site directory (so ABSPATH is ours and Debian's
    // /etc/wordpress host configuration is not involved; its symlinks into /usr/share/javascript
    // are relative, hence -L), with our own wp-config.php.
    let mut copy = Command::new("cp");
    copy.arg("-aL");
    for entry in std::fs::read_dir("/usr/share/wordpress").map_err(io(
        "read /usr/share/wordpress (is Debian's wordpress installed?)".into(),
    ))? {
        let entry = entry.map_err(io("read /usr/share/wordpress".into()))?;
        let name = entry.file_name();
        if name != "wp-content" && name != "wp-config.php" {
            copy.arg(entry.path());
        }
    }
    sh::output(copy.arg(&dir)).ok_or_else(|| {
        failure(
            step,
            format!("cp -aL /usr/share/wordpress/* {}", dir.display()),
            "failed",
        )
    })?;
    let content = dir.join("wp-content");
    for sub in ["plugins", "uploads", "upgrade"] {
        std::fs::create_dir_all(content.join(sub)).map_err(io(format!("mkdir {sub}")))?;
    }
    run(
        "wordpress: copy",
        Command::new("cp")
            .arg("-a")
            .arg("/usr/share/wordpress/wp-content/themes")
            .arg(&content),
    )?;
    std::fs::write(
        dir.join("wp-config.php"),
        wp_config(&url, kind, socket, &work.join("debug.log")),
    )
    .map_err(io("write wp-config.php".into()))?;
    let setup = |stage: &str| {
        let mut cmd = Command::new("php");
        cmd.arg(root.join("tests/wordpress/setup.php"))
            .arg(&dir)
            .arg(&url)
            .arg(stage);
        sh::output(&mut cmd)
            .and_then(|out| out.lines().last().map(str::to_owned))
            .filter(|line| line.starts_with('{'))
            .ok_or_else(|| {
                failure(
                    step,
                    format!(
                        "php tests/wordpress/setup.php {} {url} {stage}",
                        dir.display()
                    ),
                    "failed (run it by hand to see why)",
                )
            })
    };
    // A network is made in two runs: the first installs the site and the network tables and
    // writes the multisite constants; WordPress boots as a network only in a new process.
    let credentials = if kind == "multisite" {
        setup("network")?;
        setup("network-sites")?
    } else {
        setup("single")?
    };

    let mut php = Command::new("php");
    php.args(["-S", &format!("127.0.0.1:{port}"), "-t"])
        .arg(&dir)
        .env("PHP_CLI_SERVER_WORKERS", "4");
    if kind == "multisite" {
        // Apache's rewrite rules for a subdirectory network (/site2/wp-admin/ → /wp-admin/).
        php.arg(root.join("tests/wordpress/router.php"));
    }
    let child = php
        .stdout(Stdio::null())
        .stderr(
            std::fs::File::create(work.join(format!("php-{kind}.log")))
                .map(Stdio::from)
                .unwrap_or_else(|_| Stdio::null()),
        )
        .process_group(0)
        .spawn()
        .map_err(io("start php -S".into()))?;
    let server = Server {
        name: if kind == "multisite" {
            "php -S (multisite)"
        } else {
            "php -S (single site)"
        },
        child,
        group: true,
    };
    let up = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if up.elapsed() > Duration::from_secs(20) {
            return Err(failure(
                step,
                format!("php -S 127.0.0.1:{port}"),
                "did not listen within 20s",
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    say(format!(
        "wordpress: {url}/ is up ({kind}, WordPress from Debian)"
    ));
    Ok(Site {
        dir,
        url,
        credentials,
        _server: server,
    })
}

/// The site's wp-config.php: the private database, the loopback URL, no outgoing requests from
/// PHP, no cron, no mail, debug log on (a PHP notice from the plugin fails a spec).
fn wp_config(url: &str, kind: &str, socket: &Path, log: &Path) -> String {
    let salt = |n: usize| {
        // Fresh per run; a test site needs no stronger secret than distinct values.
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        format!("{:x}-{n}-{}", nanos, std::process::id())
    };
    let mut keys = String::new();
    for (n, key) in [
        "AUTH_KEY",
        "SECURE_AUTH_KEY",
        "LOGGED_IN_KEY",
        "NONCE_KEY",
        "AUTH_SALT",
        "SECURE_AUTH_SALT",
        "LOGGED_IN_SALT",
        "NONCE_SALT",
    ]
    .iter()
    .enumerate()
    {
        keys.push_str(&format!("define( '{key}', '{}' );\n", salt(n)));
    }
    format!(
        "<?php\n// Written by cargo xtask (xtask/src/wordpress.rs) for the WordPress test tier.\n\
define( 'DB_NAME', '{kind}' );\ndefine( 'DB_USER', 'root' );\ndefine( 'DB_PASSWORD', '' );\n\
define( 'DB_HOST', 'localhost:{socket}' );\ndefine( 'DB_CHARSET', 'utf8mb4' );\ndefine( 'DB_COLLATE', '' );\n\
{urls}\
define( 'WP_ENVIRONMENT_TYPE', 'local' );\ndefine( 'FS_METHOD', 'direct' );\n\
define( 'AUTOMATIC_UPDATER_DISABLED', true );\ndefine( 'WP_HTTP_BLOCK_EXTERNAL', true );\n\
define( 'DISABLE_WP_CRON', true );\ndefine( 'WP_DEBUG', true );\n\
define( 'WP_DEBUG_LOG', '{log}' );\ndefine( 'WP_DEBUG_DISPLAY', false );\n{keys}\
$table_prefix = 'wp_';\nif ( ! defined( 'ABSPATH' ) ) {{\n\tdefine( 'ABSPATH', __DIR__ . '/' );\n}}\n\
require_once ABSPATH . 'wp-settings.php';\n",
        socket = socket.display(),
        log = log.display(),
        urls = if kind == "multisite" {
            // A network keeps each site's URL in its tables; setup.php writes the multisite
            // constants into wp-config-network.php once the network exists.
            "if ( file_exists( __DIR__ . '/wp-config-network.php' ) ) {\n\trequire __DIR__ . '/wp-config-network.php';\n}\n".to_owned()
        } else {
            format!("define( 'WP_HOME', '{url}' );\ndefine( 'WP_SITEURL', '{url}' );\n")
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zip_lists_its_entries_and_unzip_reads_it() {
        let mut zip = ZipWriter::default();
        zip.add("role-compare/a.txt", b"hello hello hello hello")
            .unwrap();
        zip.add("role-compare/empty", b"").unwrap();
        let bytes = zip.finish();
        let path = std::env::temp_dir().join(format!("xtask-zip-{}.zip", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        // unzip is not a dependency of the build; when present, it checks every CRC.
        if let Some(out) = sh::output(Command::new("unzip").arg("-t").arg(&path)) {
            assert!(out.contains("No errors detected"), "{out}");
        }
        if let Some(out) = sh::output(
            Command::new("unzip")
                .arg("-p")
                .arg(&path)
                .arg("role-compare/a.txt"),
        ) {
            assert_eq!(out, "hello hello hello hello");
        }
        let _ = std::fs::remove_file(&path);
        // End of central directory: two entries.
        let end = &bytes[bytes.len() - 22..];
        assert_eq!(&end[..4], &0x0605_4b50u32.to_le_bytes());
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
    }

    #[test]
    fn the_pot_lists_each_string_once() {
        let dir = std::env::temp_dir().join(format!("xtask-pot-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let php = dir.join("x.php");
        std::fs::write(
            &php,
            "esc_html__( 'Hello \"you\"', 'role-compare' ); __( 'Hello \"you\"', 'role-compare' ); __( 'Other', 'other' );\n",
        )
        .unwrap();
        let text = pot(&[("x.php".into(), php)]).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(text.matches("msgid \"Hello \\\"you\\\"\"").count(), 1);
        assert!(!text.contains("Other"));
    }
}
