//! `argmap diff`, `argmap merge` and `argmap git-setup`: maps as
//! first-class files in a team's git. The diff and the merge work by id
//! (see `argmap::versions`); setup wires them into git as the diff and
//! merge drivers of `*.ron` files.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argmap::model::Map;
use argmap::store;
use argmap::versions::{self, report};

/// When to colour a diff.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorArg {
    /// On a terminal, or in git's pager; never when `NO_COLOR` is set.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorArg {
    fn wanted(self) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => {
                std::env::var_os("NO_COLOR").is_none()
                    && (std::io::stdout().is_terminal()
                        || std::env::var_os("GIT_PAGER_IN_USE").is_some())
            }
        }
    }
}

/// How `argmap diff` was asked to write.
#[derive(Clone, Copy, Debug)]
pub struct DiffOptions {
    /// One summary line.
    pub stat: bool,
    /// JSON for tools.
    pub json: bool,
    /// List each moved card.
    pub moves: bool,
    /// Colours.
    pub color: ColorArg,
}

/// A map file as git hands it over: `/dev/null` for a file that is not
/// there on that side (added or deleted), an empty map.
fn read_side(path: &Path) -> Result<Map, store::FileError> {
    if path == Path::new("/dev/null") {
        return Ok(Map::default());
    }
    store::read_map(path)
}

/// `argmap diff OLD NEW`, or as git's external diff: `PATH OLD-FILE
/// OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE` (and a renamed file's new
/// path and similarity after them), or just `PATH` for a path that is
/// not merged yet.
pub fn diff(files: &[PathBuf], options: DiffOptions) -> ExitCode {
    let (name, old, new) = match files {
        [old, new] => (new.display().to_string(), old, new),
        [path, old, _, _, new, _, _] | [path, old, _, _, new, _, _, _, _] => {
            (path.display().to_string(), old, new)
        }
        // Git passes just the path of a file not merged yet, and says
        // it runs an external diff (GIT_DIFF_PATH_TOTAL); anyone else who
        // gives one file forgot the other.
        [path] if std::env::var_os("GIT_DIFF_PATH_TOTAL").is_some() => {
            say!(
                "map {}: not merged yet (resolve it, then diff)",
                path.display()
            );
            return ExitCode::SUCCESS;
        }
        _ => {
            fail!(
                "argmap diff takes OLD NEW, or the seven arguments git passes to an external diff; got {}",
                files.len()
            );
            return ExitCode::from(2);
        }
    };
    let (old_map, new_map) = match (read_side(old), read_side(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(error), _) | (_, Err(error)) => {
            fail!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let changes = versions::diff(&old_map, &new_map);
    let text = if options.json {
        let mut json = report::json(
            &old.display().to_string(),
            &new.display().to_string(),
            &changes,
        );
        json.push('\n');
        json
    } else if options.stat {
        format!("{}\n", report::stat(&name, &changes))
    } else {
        let style = report::Style {
            color: options.color.wanted(),
            moves: options.moves,
        };
        report::human(&name, &changes, &old_map, &new_map, style)
    };
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// `argmap textconv FILE`: the map as a line per claim and link, by id,
/// for git's line diff (`git log -p` without `--ext-diff`).
pub fn textconv(file: &Path) -> ExitCode {
    match read_side(file) {
        Ok(map) => {
            let _ = std::io::stdout()
                .lock()
                .write_all(report::listing(&map).as_bytes());
            ExitCode::SUCCESS
        }
        Err(error) => {
            fail!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// `argmap merge BASE OURS THEIRS [-o OUT]`: git's merge driver (`%O %A
/// %B`). Writes the merge over OURS (or to OUT); exit 0 when clean, 1 when
/// a conflict is left marked in the map or a file cannot be read or
/// written, 2 when the merge cannot be made at all (ids run out); OURS is
/// left as it was whenever nothing is written.
pub fn merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    output: Option<&Path>,
    name: Option<&str>,
) -> ExitCode {
    let (base_map, ours_map, theirs_map) =
        match (read_side(base), read_side(ours), read_side(theirs)) {
            (Ok(b), Ok(o), Ok(t)) => (b, o, t),
            (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
                fail!("argmap merge: {error}; nothing was written");
                return ExitCode::FAILURE;
            }
        };
    let merged = match versions::merge(&base_map, &ours_map, &theirs_map) {
        Ok(merged) => merged,
        Err(error) => {
            fail!("argmap merge: {error}; nothing was written");
            return ExitCode::from(2);
        }
    };
    let target = output.unwrap_or(ours);
    if let Err(error) = store::write_map(target, &merged.map) {
        fail!("argmap merge: {error}; nothing was written");
        return ExitCode::FAILURE;
    }
    let name = name.map_or_else(|| target.display().to_string(), str::to_owned);
    let mut err = std::io::stderr().lock();
    for renumbered in &merged.renumbered {
        let line = format!("{name}: {renumbered} (both sides added that id)");
        let _ = writeln!(err, "{}", argmap::words::visible(&line));
    }
    if merged.is_clean() {
        return ExitCode::SUCCESS;
    }
    let heading = format!(
        "{name}: merged with {} conflict{}; ours is kept and theirs noted on each claim, tagged #{} (Find “{}” or the map checks list them):",
        merged.conflicts.len(),
        if merged.conflicts.len() == 1 { "" } else { "s" },
        versions::CONFLICT_TAG,
        versions::CONFLICT_TAG,
    );
    let _ = writeln!(err, "{}", argmap::words::visible(&heading));
    for conflict in &merged.conflicts {
        let _ = writeln!(err, "  {}", argmap::words::visible(conflict));
    }
    ExitCode::FAILURE
}

/// The line `.gitattributes` gets for map files.
const ATTRIBUTES: &str = "*.ron diff=argmap merge=argmap";

/// `argmap git-setup`: in a git repository, makes `*.ron` files use the
/// map diff and merge (`.gitattributes`, and the drivers in the
/// repository's own config), saying what it changed.
pub fn setup() -> ExitCode {
    match try_setup() {
        Ok(said) => {
            for line in said {
                say!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            fail!("argmap git-setup: {error}");
            ExitCode::FAILURE
        }
    }
}

fn try_setup() -> Result<Vec<String>, String> {
    let top = git(&["rev-parse", "--show-toplevel"])
        .map_err(|e| format!("not inside a git repository ({e})"))?;
    let top = PathBuf::from(top.trim());
    let exe = std::env::current_exe()
        .map(|exe| store::canonical(&exe))
        .map_err(|e| format!("cannot tell where this argmap is: {e}"))?;
    let exe = shell_quoted(&exe.display().to_string());
    // Everything is checked before anything is written: a .gitattributes
    // that cannot be read or written stops the setup with nothing changed.
    let attributes = top.join(".gitattributes");
    let existing = match store::read_bytes(&attributes) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error)
            if matches!(&error.kind, store::FileErrorKind::Read(e)
                if e.kind() == std::io::ErrorKind::NotFound) =>
        {
            String::new()
        }
        // A folder or a pipe there is refused by the reader, by name.
        Err(error) => return Err(format!("{error}; nothing was changed")),
    };
    // Paths come after `--`, so one that starts with "-" is never taken
    // for an option.
    let settings = [
        ("diff.argmap.command", format!("{exe} diff --")),
        ("diff.argmap.textconv", format!("{exe} textconv --")),
        (
            "merge.argmap.name",
            "Argmap maps, merged by claim id".to_owned(),
        ),
        (
            "merge.argmap.driver",
            format!("{exe} merge --name=%P -- %O %A %B"),
        ),
    ];
    let mut said = Vec::new();
    for (key, value) in settings {
        let current = git(&["config", "--local", "--get", key]).ok();
        if current.as_deref().map(str::trim) == Some(value.as_str()) {
            said.push(format!("git config {key}: already set"));
        } else {
            git(&["config", "--local", key, &value])?;
            said.push(format!("git config {key} = {value}"));
        }
    }
    if existing.lines().any(|l| l.trim() == ATTRIBUTES) {
        said.push(format!(
            "{}: already has “{ATTRIBUTES}”",
            attributes.display()
        ));
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str("# Argmap maps: semantic diff and merge by claim id (argmap git-setup)\n");
        text.push_str(ATTRIBUTES);
        text.push('\n');
        store::write_atomic(&attributes, text.as_bytes())
            .map_err(|e| format!("{}: {e}", attributes.display()))?;
        said.push(format!(
            "{}: added “{ATTRIBUTES}” (commit it, so the team shares it)",
            attributes.display()
        ));
    }
    said.push(
        "git diff now shows maps by claim; git log -p --ext-diff too; merges combine by id"
            .to_owned(),
    );
    Ok(said)
}

/// Runs git with `args`; its output, or what went wrong.
fn git(args: &[&str]) -> Result<String, String> {
    let output = std::process::Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    }
}

/// `text` as one word for the shell git runs drivers with.
fn shell_quoted(text: &str) -> String {
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+".contains(c))
    {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}
