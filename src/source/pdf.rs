//! A PDF's text layer, read in a separate process.
//!
//! PDFs come from anywhere, and a PDF reader is a large parser: a crafted
//! file can make it recurse until the stack overflows (which no
//! `catch_unwind` stops: the process is killed), loop for ever, or inflate
//! a small stream into gigabytes. So Argmap never reads a PDF in its own
//! process. The text is extracted by a child — the `argmap` binary itself,
//! started with the hidden `pdf-text` command — that gets the file's bytes
//! on standard input (not its path), may not open any file, keep a core
//! dump or use more than [`MEMORY_LIMIT`] of memory, and is killed
//! when it has not answered within [`TIME_LIMIT`]. Whatever happens to it,
//! the caller gets the text or a one-line [`PdfProblem`]; what the child
//! prints on the way (a panic's message, say) is never shown.
//!
//! Why Argmap's own binary rather than poppler's `pdftotext`, as some
//! reference managers do: it is wherever Argmap is (the Debian package, a
//! `cargo install`, a build on another system) with nothing more to
//! install; it reads exactly as the reader built into earlier versions
//! did, so the paragraph numbers of existing citations do not move; and it
//! reports its progress page by page, which the editor shows.

use std::io::{Read as _, Write as _};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long the child may take before it is killed.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// How much memory (address space) the child may use.
pub const MEMORY_LIMIT: u64 = 1 << 30;

/// The hidden command of the `argmap` binary that runs the child.
pub const COMMAND: &str = "pdf-text";

/// The most text taken from one PDF: the limit on a source file.
const TEXT_LIMIT: u64 = crate::store::MAX_MAP_BYTES;

/// Why a PDF's text could not be had, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PdfProblem {
    /// The reader gave up on it, or crashed.
    #[error("it is damaged")]
    Damaged,
    /// It needs a password (or its encryption is itself broken).
    #[error("it is encrypted, and Argmap reads only PDFs that open without a password")]
    Encrypted,
    /// The reader did not finish in time.
    #[error("it is damaged or too complex: reading it took longer than 10 seconds")]
    TooSlow,
    /// The reader ran out of its memory.
    #[error("it is damaged or too large: reading it needed more than 1 GiB of memory")]
    TooLarge,
    /// More text than any source may have.
    #[error("its text is longer than 64 MiB, more than any source may be")]
    TooMuchText,
    /// Nothing on its pages is text: scanned images.
    #[error("it has no text layer (scanned pages?)")]
    NoText,
    /// The reading was stopped by the caller.
    #[error("reading it was stopped")]
    Stopped,
    /// The child could not be started.
    #[error("the PDF reader could not be started ({0})")]
    NotStarted(String),
}

/// The program started as the child: this one, unless set otherwise.
static READER: OnceLock<PathBuf> = OnceLock::new();

/// Makes `program` (an `argmap` binary) the one that reads PDFs, for a
/// process that is not itself `argmap` — a test, a fuzz target. Only the
/// first call counts.
pub fn use_reader(program: impl Into<PathBuf>) {
    let _ = READER.set(program.into());
}

fn reader() -> Result<PathBuf, PdfProblem> {
    if let Some(program) = READER.get() {
        return Ok(program.clone());
    }
    std::env::current_exe().map_err(|e| PdfProblem::NotStarted(e.to_string()))
}

/// How far the child has got: pages done and pages in all.
pub type PageProgress<'a> = &'a mut dyn FnMut(u32, u32);

/// The text layer of the PDF in `bytes`, extracted by the child; progress
/// is reported as pages are read, and setting `stop` ends the reading.
///
/// # Errors
/// A [`PdfProblem`] saying in words why there is no text.
pub fn extract(
    bytes: &[u8],
    progress: PageProgress<'_>,
    stop: &AtomicBool,
) -> Result<String, PdfProblem> {
    extract_by(&reader()?, bytes, progress, stop)
}

/// [`extract`], by `program` started with the [`COMMAND`] argument: the
/// parent's side, tried in tests with programs that hang, crash or flood.
///
/// # Errors
/// As [`extract`].
pub fn extract_by(
    program: &std::path::Path,
    bytes: &[u8],
    progress: PageProgress<'_>,
    stop: &AtomicBool,
) -> Result<String, PdfProblem> {
    let mut child = Command::new(program)
        .arg(COMMAND)
        .env_clear()
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| PdfProblem::NotStarted(e.to_string()))?;
    let (Some(mut input), Some(output), Some(errors)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(PdfProblem::NotStarted("no pipes".to_owned()));
    };
    let started = Instant::now();
    let (pages_send, pages) = mpsc::channel();
    let overflowed = AtomicBool::new(false);
    let ended = std::thread::scope(|scope| {
        // Each pipe has its own thread, so a child that writes a lot while
        // the file is still being given to it never blocks either side.
        scope.spawn(move || {
            let _ = input.write_all(bytes);
        });
        let overflowed = &overflowed;
        let text = scope.spawn(move || {
            let mut text = Vec::new();
            let _ = output.take(TEXT_LIMIT + 1).read_to_end(&mut text);
            if text.len() as u64 > TEXT_LIMIT {
                overflowed.store(true, Ordering::Relaxed);
            }
            text
        });
        let said = scope.spawn(move || said_by_child(errors, &pages_send));
        let mut why_ended = None;
        let status = loop {
            while let Ok((done, of)) = pages.try_recv() {
                progress(done, of);
            }
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) => {}
                Err(_) => break None,
            }
            if overflowed.load(Ordering::Relaxed) {
                why_ended = Some(PdfProblem::TooMuchText);
            } else if started.elapsed() > TIME_LIMIT {
                why_ended = Some(PdfProblem::TooSlow);
            } else if stop.load(Ordering::Relaxed) {
                why_ended = Some(PdfProblem::Stopped);
            }
            if why_ended.is_some() {
                let _ = child.kill();
                break child.wait().ok();
            }
            // The child may still be sending pages.
            if let Ok((done, of)) = pages.recv_timeout(Duration::from_millis(20)) {
                progress(done, of);
            }
        };
        let text = text.join().unwrap_or_default();
        let said = said.join().unwrap_or_default();
        // The child may have ended (its pipe closed) before the loop saw it.
        if overflowed.load(Ordering::Relaxed) {
            why_ended = Some(PdfProblem::TooMuchText);
        }
        (status, why_ended, text, said)
    });
    let (status, why_ended, text, said) = ended;
    if let Some(problem) = why_ended {
        return Err(problem);
    }
    let code = status.and_then(|s| s.code());
    match code {
        Some(0) => {
            let text = String::from_utf8(text).map_err(|_| PdfProblem::Damaged)?;
            if text.trim().is_empty() {
                return Err(PdfProblem::NoText);
            }
            Ok(text)
        }
        Some(ENCRYPTED) => Err(PdfProblem::Encrypted),
        _ if said.contains("memory allocation of") => Err(PdfProblem::TooLarge),
        _ if ran_out_of_time(status) => Err(PdfProblem::TooSlow),
        _ => Err(PdfProblem::Damaged),
    }
}

/// The child's exit status for a PDF that needs a password.
const ENCRYPTED: i32 = 3;
/// The child's exit status for a PDF the reader gave up on.
const DAMAGED: i32 = 4;

/// Reads what the child says on standard error: its progress lines are
/// passed on, the rest (the last few kilobytes) kept for telling a lack of
/// memory from other ends.
fn said_by_child(errors: impl std::io::Read, pages: &mpsc::Sender<(u32, u32)>) -> String {
    let mut said = String::new();
    let mut lines = std::io::BufReader::new(errors.take(16 << 20));
    let mut line = String::new();
    while matches!(std::io::BufRead::read_line(&mut lines, &mut line), Ok(n) if n > 0) {
        if let Some(page) = progress_line(&line) {
            let _ = pages.send(page);
        } else if said.len() < 4096 {
            said.push_str(&line);
        }
        line.clear();
    }
    said
}

/// `page N of M`, as the child writes it.
fn progress_line(line: &str) -> Option<(u32, u32)> {
    let rest = line.trim_end().strip_prefix("page ")?;
    let (done, of) = rest.split_once(" of ")?;
    Some((done.parse().ok()?, of.parse().ok()?))
}

/// Whether the system ended the child for using up its processor time.
#[cfg(unix)]
fn ran_out_of_time(status: Option<std::process::ExitStatus>) -> bool {
    use std::os::unix::process::ExitStatusExt as _;
    // SIGXCPU: past the processor-time limit the child set itself.
    status.and_then(|s| s.signal()) == Some(24)
}

#[cfg(not(unix))]
fn ran_out_of_time(_: Option<std::process::ExitStatus>) -> bool {
    false
}

/// The child: reads a PDF from standard input and writes its text to
/// standard output, its progress to standard error; returns its exit
/// status (0 with the text, [`ENCRYPTED`], [`DAMAGED`]). Run by the
/// `argmap` binary's hidden `pdf-text` command, never by hand.
pub fn child() -> i32 {
    limit_self();
    // A panic ends the child with status 101; its message is nobody's.
    std::panic::set_hook(Box::new(|_| {}));
    let mut bytes = Vec::new();
    if std::io::stdin()
        .lock()
        .take(crate::store::MAX_MAP_BYTES)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return DAMAGED;
    }
    let mut stderr = std::io::stderr().lock();
    let read = text_of(&bytes, &mut |done, of| {
        let _ = writeln!(stderr, "page {done} of {of}");
    });
    match read {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            if out
                .write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return DAMAGED;
            }
            0
        }
        Err(PdfProblem::Encrypted) => ENCRYPTED,
        Err(_) => DAMAGED,
    }
}

/// The child's limits, set on itself before it reads a byte: memory,
/// processor time (a backstop to the parent's clock, should the parent be
/// gone), no core dumps, no file opened. (Its standard output and error
/// are the parent's pipes; run by hand, they may be files, so the size of
/// files written is not limited.)
#[cfg(unix)]
fn limit_self() {
    use rlimit::Resource;
    let cpu = TIME_LIMIT.as_secs() + 5;
    let _ = Resource::AS.set(MEMORY_LIMIT, MEMORY_LIMIT);
    let _ = Resource::CPU.set(cpu, cpu + 1);
    let _ = Resource::CORE.set(0, 0);
    // Standard input, output and error are open; nothing else may be.
    let _ = Resource::NOFILE.set(3, 3);
}

#[cfg(not(unix))]
fn limit_self() {}

/// The text of a PDF, in this process: only ever called in the child.
fn text_of(bytes: &[u8], progress: &mut dyn FnMut(u32, u32)) -> Result<String, PdfProblem> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|_| PdfProblem::Damaged)?;
    if doc.is_encrypted() {
        doc.decrypt("").map_err(|_| PdfProblem::Encrypted)?;
    }
    // A page tree that loops, or has no page, is a damaged file, not one
    // without text.
    if !page_tree_is_sound(&doc) {
        return Err(PdfProblem::Damaged);
    }
    let pages = u32::try_from(doc.get_pages().len()).unwrap_or(u32::MAX);
    if pages == 0 {
        return Err(PdfProblem::Damaged);
    }
    let mut text = String::new();
    {
        let mut output = Paged {
            text: pdf_extract::PlainTextOutput::new(&mut text),
            pages,
            progress,
        };
        pdf_extract::output_doc(&doc, &mut output).map_err(|_| PdfProblem::Damaged)?;
    }
    Ok(text)
}

/// Whether the page tree is a tree: every node reached once, every kid a
/// reference to a dictionary.
fn page_tree_is_sound(doc: &pdf_extract::Document) -> bool {
    use pdf_extract::Object;
    let Some(root) = doc
        .catalog()
        .ok()
        .and_then(|catalog| catalog.get(b"Pages").ok())
        .and_then(|pages| pages.as_reference().ok())
    else {
        return false;
    };
    let mut seen = std::collections::HashSet::new();
    let mut to_visit = vec![root];
    while let Some(id) = to_visit.pop() {
        if !seen.insert(id) {
            return false;
        }
        let Ok(node) = doc.get_dictionary(id) else {
            return false;
        };
        // Inherited attributes are looked up through /Parent: a chain of
        // parents that loops would be followed for ever.
        if !parents_end(doc, node) {
            return false;
        }
        let kids = match node.get(b"Kids") {
            Err(_) => continue,
            Ok(Object::Reference(list)) => doc.get_object(*list).and_then(Object::as_array),
            Ok(list) => list.as_array(),
        };
        let Ok(kids) = kids else {
            return false;
        };
        for kid in kids {
            match kid.as_reference() {
                Ok(kid) => to_visit.push(kid),
                Err(_) => return false,
            }
        }
    }
    true
}

/// Whether the chain of /Parent references from `node` ends, with no
/// node met twice.
fn parents_end(doc: &pdf_extract::Document, node: &pdf_extract::Dictionary) -> bool {
    let mut seen = std::collections::HashSet::new();
    let mut parent = node
        .get(b"Parent")
        .and_then(pdf_extract::Object::as_reference);
    while let Ok(id) = parent {
        if !seen.insert(id) {
            return false;
        }
        parent = doc
            .get_dictionary(id)
            .and_then(|up| up.get(b"Parent"))
            .and_then(pdf_extract::Object::as_reference);
    }
    true
}

/// The plain-text output, saying each page as it starts.
struct Paged<'p, W: pdf_extract::ConvertToFmt> {
    text: pdf_extract::PlainTextOutput<W>,
    pages: u32,
    progress: &'p mut dyn FnMut(u32, u32),
}

impl<W: pdf_extract::ConvertToFmt> pdf_extract::OutputDev for Paged<'_, W> {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &pdf_extract::MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        (self.progress)(page_num.saturating_sub(1), self.pages);
        self.text.begin_page(page_num, media_box, art_box)
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.text.end_page()
    }

    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        self.text
            .output_character(trm, width, spacing, font_size, char)
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.text.begin_word()
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.text.end_word()
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.text.end_line()
    }
}
