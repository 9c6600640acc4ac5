//! Running commands as named steps: echo what runs, fail with the step and the command named,
//! and count test results from what a test runner prints.

use std::fmt;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A failed step: which step, which command, and why.
#[derive(Debug)]
pub struct Failure {
    pub step: String,
    pub command: String,
    pub why: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "step \"{}\" failed: `{}` {}",
            self.step, self.command, self.why
        )
    }
}

pub type Result<T = ()> = std::result::Result<T, Failure>;

/// Prints a progress line for the user.
pub fn say(msg: impl AsRef<str>) {
    eprintln!("==> {}", msg.as_ref());
}

/// The command line as a person would type it (environment overrides first).
pub fn show(cmd: &Command) -> String {
    let mut parts: Vec<String> = cmd
        .get_envs()
        .filter_map(|(k, v)| {
            // Removed variables (v is None) and PATH are left out: they only add noise.
            let (k, v) = (k.to_string_lossy(), v?.to_string_lossy());
            (k != "PATH").then(|| format!("{k}={v}"))
        })
        .collect();
    parts.push(cmd.get_program().to_string_lossy().into_owned());
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// Runs `cmd` with inherited output; an error names the step and the command.
pub fn run(step: &str, cmd: &mut Command) -> Result {
    let line = show(cmd);
    say(format!("{step}: {line}"));
    let status = cmd.status().map_err(|e| Failure {
        step: step.into(),
        command: line.clone(),
        why: format!("could not start ({e})"),
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure {
            step: step.into(),
            command: line,
            why: format!("exited with {status}"),
        })
    }
}

/// Runs `cmd` quietly and returns its trimmed stdout, or `None` if it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Runs `cmd` and kills it after `limit`; true when it finished successfully in time.
pub fn run_with_timeout(step: &str, cmd: &mut Command, limit: Duration) -> bool {
    say(format!(
        "{step}: {} (giving up after {}s)",
        show(cmd),
        limit.as_secs()
    ));
    let Ok(mut child) = cmd.spawn() else {
        return false;
    };
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.success(),
            Ok(None) if start.elapsed() < limit => std::thread::sleep(Duration::from_millis(250)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                say(format!(
                    "{step}: no answer in {}s; stopped it",
                    limit.as_secs()
                ));
                return false;
            }
        }
    }
}

/// Tests counted from a runner's output.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub passed: u32,
    pub failed: u32,
}

impl Counts {
    /// One check's outcome as a count; a failure is printed with its step and command.
    pub fn of(result: Result) -> Counts {
        match result {
            Ok(()) => Counts {
                passed: 1,
                failed: 0,
            },
            Err(f) => {
                eprintln!("error: {f}");
                Counts {
                    passed: 0,
                    failed: 1,
                }
            }
        }
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Reads one line of runner output: cargo's / wasm-bindgen-test's `test result: … N passed; M
/// failed` and node's TAP `# pass N` / `# fail N`.
pub fn count_line(line: &str, counts: &mut Counts) {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix("test result: ") {
        for part in rest.split([';', '.']) {
            let mut words = part.split_whitespace();
            if let (Some(n), Some(kind)) = (words.next(), words.next()) {
                if let Ok(n) = n.parse::<u32>() {
                    match kind {
                        "passed" => counts.passed += n,
                        "failed" => counts.failed += n,
                        _ => {}
                    }
                }
            }
        }
    } else if let Some(n) = line.strip_prefix("# pass ") {
        counts.passed += n.trim().parse().unwrap_or(0);
    } else if let Some(n) = line.strip_prefix("# fail ") {
        counts.failed += n.trim().parse().unwrap_or(0);
    }
}

/// Runs a test command, echoing its stdout while counting results. A command that fails with
/// no failed test counted (a build error, a crash) counts as one failure, so it is never lost.
pub fn run_counted(step: &str, cmd: &mut Command) -> Counts {
    let line = show(cmd);
    say(format!("{step}: {line}"));
    let mut counts = Counts::default();
    let child = cmd.stdout(Stdio::piped()).spawn();
    let Ok(mut child) = child else {
        eprintln!("error: step \"{step}\" failed: `{line}` could not start");
        return Counts {
            passed: 0,
            failed: 1,
        };
    };
    if let Some(out) = child.stdout.take() {
        for text in BufReader::new(out)
            .lines()
            .map_while(std::result::Result::ok)
        {
            println!("{text}");
            count_line(&text, &mut counts);
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    if !ok {
        eprintln!("error: step \"{step}\" failed: `{line}`");
        if counts.failed == 0 {
            counts.failed = 1;
        }
    } else if counts.passed + counts.failed == 0 {
        eprintln!("error: step \"{step}\" ran no test");
        counts.failed = 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(lines: &[&str]) -> Counts {
        let mut c = Counts::default();
        for l in lines {
            count_line(l, &mut c);
        }
        c
    }

    #[test]
    fn reads_cargo_wasm_bindgen_and_tap_summaries() {
        let c = counted(&[
            "test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s",
            "test result: FAILED. 1 passed; 2 failed; 0 ignored",
            "# pass 4",
            "# fail 1",
            "ok 1 - something passed",
        ]);
        assert_eq!(
            c,
            Counts {
                passed: 8,
                failed: 3
            }
        );
    }
}
