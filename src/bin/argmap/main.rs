//! The `argmap` command: the editor, and headless tools for map files.
//! Results go to standard output and every error to standard error, so a
//! script can read one and a person sees the other.

/// Writes a line of results to standard output, ignoring a closed pipe
/// (`argmap … | head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!($($arg)*);
        let _ = writeln!(std::io::stdout().lock(), "{}", argmap::words::visible(&line));
    }};
}

/// Writes an error, a warning or a note to standard error.
macro_rules! fail {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!($($arg)*);
        let _ = writeln!(std::io::stderr().lock(), "{}", argmap::words::visible(&line));
    }};
}

mod bench;
mod cli;
mod coverage;
mod dot;
mod flow;
mod git;
mod judge;
mod man;
mod pipeline;
mod references;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    // The PDF reader's child process (argmap::source::pdf): not a command
    // for people, so not in the help, and started before anything else.
    if std::env::args_os().nth(1).as_deref() == Some(argmap::source::pdf::COMMAND.as_ref()) {
        let status = argmap::source::pdf::child();
        return ExitCode::from(u8::try_from(status).unwrap_or(1));
    }
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            fail!("argmap: {err:#}");
            ExitCode::FAILURE
        }
    }
}
