//! argmap(1) and a page for each command (argmap-diff(1), …): the manual
//! pages, made from the command line's own definitions, so they say what
//! `--help` says. The pages in `assets/man/` are written by `argmap man
//! --dir assets/man`; a test keeps them equal to what the definitions
//! make, and the Debian package installs them.

use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory as _;
use roff::{Roff, bold, roman};

use crate::cli::Args;

/// Writes every page into `dir`, or argmap(1) to standard output.
pub fn man(dir: Option<&Path>) -> ExitCode {
    let mut command = Args::command().disable_help_subcommand(true);
    // Built, each command knows its full name ("argmap diff").
    command.build();
    let Some(dir) = dir else {
        use std::io::Write as _;
        let _ = std::io::stdout().lock().write_all(&main_page(&command));
        return ExitCode::SUCCESS;
    };
    let mut pages = vec![("argmap.1".to_owned(), main_page(&command))];
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("argmap-{}", sub.get_name());
        let mut page = Vec::new();
        let man = clap_mangen::Man::new(sub.clone())
            .title(name.to_uppercase())
            .manual("Argmap");
        if man.render(&mut page).is_err() {
            fail!("argmap: the page of {name} could not be made");
            return ExitCode::from(2);
        }
        pages.push((format!("{name}.1"), page));
    }
    for (file, page) in pages {
        let path = dir.join(&file);
        if let Err(err) = argmap::store::write_atomic(&path, &page) {
            fail!("{}: {err}", path.display());
            return ExitCode::FAILURE;
        }
        say!("{}", path.display());
    }
    ExitCode::SUCCESS
}

/// argmap(1): what clap knows, then the exit status, files and where to
/// read more.
fn main_page(command: &clap::Command) -> Vec<u8> {
    let man = clap_mangen::Man::new(command.clone()).manual("Argmap");
    let mut page = Vec::new();
    let _ = man.render_title(&mut page);
    let _ = man.render_name_section(&mut page);
    let _ = man.render_synopsis_section(&mut page);
    let _ = man.render_description_section(&mut page);
    let _ = man.render_options_section(&mut page);
    let _ = man.render_subcommands_section(&mut page);
    let mut more = Roff::new();
    more.control("SH", ["EXIT STATUS"])
        .text([roman(
            "The same rule for every command: 0 when all is well; 1 when a file has a \
             problem (it cannot be read or written, or it holds problems, findings, broken \
             citations or merge conflicts); 2 when the command cannot be carried out as asked.",
        )])
        .control("SH", ["FILES"])
        .text([
            roman("Maps are RON files ("),
            bold("*.ron"),
            roman(
                "), readable and diffable; the sources a map cites are read only from its own \
                 folder unless you chose them. The example maps are in ",
            ),
            bold("/usr/share/argmap/maps"),
            roman("."),
        ])
        .control("SH", ["SEE ALSO"])
        .text([
            bold("argmap-check"),
            roman("(1), "),
            bold("argmap-export"),
            roman("(1), "),
            bold("argmap-diff"),
            roman("(1), "),
            bold("argmap-merge"),
            roman("(1), "),
            bold("git"),
            roman("(1); the guide in "),
            bold("/usr/share/doc/argmap/README.md"),
            roman("."),
        ]);
    let _ = more.to_writer(&mut page);
    let _ = man.render_version_section(&mut page);
    page
}
