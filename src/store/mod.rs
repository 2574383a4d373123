//! Reading and writing map files. All file-system work for maps sits here,
//! so every caller (the CLI, the editor, tests) gets the same safety: reads
//! are bounded, and writes are atomic, so a failed save never damages the
//! file that was there.

#![expect(
    clippy::disallowed_methods,
    reason = "The one home of file-system work (see clippy.toml)."
)]

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::time::SystemTime;

mod background;
mod watch;

pub use background::{Loading, load_in_background};
pub use watch::{Stamp, Watch};

use crate::format::ron::{self, LoadError, ParseError, Parsed};
use crate::model::{Map, Problem};

/// Files larger than this are refused before reading: no map comes close
/// (a 20,000-claim map is about 10 MB), and a huge file would only stall.
pub const MAX_MAP_BYTES: u64 = 64 * 1024 * 1024;

/// Maps with more claims than this are refused after reading: five times
/// the largest map the editor is measured with, far beyond any debate, and
/// a bound on the work (measuring, laying out) a file can demand.
pub const MAX_CLAIMS: usize = 100_000;

/// A failed read or write of a map file, naming the file.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.describe())]
pub struct FileError {
    /// The file concerned.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: FileErrorKind,
}

/// What went wrong with a map file.
#[derive(Debug)]
pub enum FileErrorKind {
    /// The file could not be read.
    Read(io::Error),
    /// The file is larger than [`MAX_MAP_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: u64,
    },
    /// The map has more than [`MAX_CLAIMS`] claims.
    TooManyClaims {
        /// How many it has.
        claims: usize,
    },
    /// Opening was cancelled by the user.
    Cancelled,
    /// What the path names is not a regular file (a pipe, a device, a
    /// folder) or is the system's own (`/proc`, `/sys`, `/dev`): never
    /// read, never waited on.
    NotAFile {
        /// What it is, in words.
        what: &'static str,
    },
    /// The file is not a map this version reads.
    Parse(ParseError),
    /// The file is a map with problems.
    Invalid(Vec<Problem>),
    /// The file could not be written; whatever was there is unchanged.
    Write(io::Error),
}

impl From<LoadError> for FileErrorKind {
    fn from(err: LoadError) -> Self {
        match err {
            LoadError::Parse(err) => Self::Parse(err),
            LoadError::Invalid(problems) => Self::Invalid(problems),
        }
    }
}

impl FileError {
    /// An error about the file at `path`.
    pub fn new(path: &Path, kind: FileErrorKind) -> Self {
        Self {
            path: path.to_path_buf(),
            kind,
        }
    }

    /// One line per problem, each starting with the file's path (and, for
    /// syntax errors, line and column) as compilers and editors expect.
    fn describe(&self) -> String {
        let path = self.path.display();
        match &self.kind {
            FileErrorKind::Read(err) => format!("{path}: cannot read the file: {}", explain(err)),
            FileErrorKind::TooLarge { bytes } => format!(
                "{path}: the file is {} MiB; Argmap reads maps, sources and imports of up to {} MiB",
                bytes.div_ceil(1024 * 1024),
                MAX_MAP_BYTES / (1024 * 1024)
            ),
            FileErrorKind::TooManyClaims { claims } => format!(
                "{path}: the map has {} claims; Argmap opens maps of up to {}",
                crate::words::thousands(*claims),
                crate::words::thousands(MAX_CLAIMS)
            ),
            FileErrorKind::Cancelled => format!("{path}: opening was cancelled"),
            FileErrorKind::NotAFile { what } => {
                format!("{path}: it is {what}, not a file; Argmap reads only regular files")
            }
            FileErrorKind::Parse(err @ ParseError::Syntax { .. }) => format!("{path}:{err}"),
            FileErrorKind::Parse(err) => format!("{path}: {err}"),
            FileErrorKind::Invalid(problems) => {
                let lines: Vec<String> = problems.iter().map(|p| format!("{path}: {p}")).collect();
                lines.join("\n")
            }
            FileErrorKind::Write(err) => format!(
                "{path}: cannot save: {}; nothing on disk was changed",
                explain(err)
            ),
        }
    }
}

/// Says what an I/O error means for the user, with the system's words after.
fn explain(err: &io::Error) -> String {
    let meaning = match err.kind() {
        io::ErrorKind::NotFound => "the file or its folder does not exist",
        io::ErrorKind::PermissionDenied => "permission denied (is the file or folder read-only?)",
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "the disk is full",
        io::ErrorKind::FileTooLarge => "the file is larger than the system allows",
        io::ErrorKind::IsADirectory => "that is a folder, not a file",
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder",
        _ => return err.to_string(),
    };
    format!("{meaning} ({err})")
}

/// The path as the file system names it (symbolic links and `..`
/// resolved), or as given when it does not exist: the key folds and
/// recent files are remembered under.
pub fn canonical(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Whether nothing at all is at `path` (not even a broken link): a new
/// file may be made there.
pub fn is_missing(path: &Path) -> bool {
    matches!(fs::symlink_metadata(path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
}

/// The size of the file at `path`, or `None` when there is none.
pub fn file_len(path: &Path) -> Option<u64> {
    fs::metadata(path)
        .ok()
        .filter(fs::Metadata::is_file)
        .map(|m| m.len())
}

/// Reads the bytes of a file, refusing files larger than
/// [`MAX_MAP_BYTES`] (maps, sources and imports alike).
///
/// # Errors
/// When the file cannot be read or is too large.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    read_bytes_with(path, &Progress::default())
}

/// How far the reading of a map has got, shared with the thread that waits
/// for it; and a way to cancel it.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes read so far.
    pub read: AtomicU64,
    /// The size of the file, once known.
    pub total: AtomicU64,
    /// Set once the bytes are read and the map is being understood.
    pub parsing: AtomicBool,
    /// Set by the waiting side to stop the reading.
    pub cancel: AtomicBool,
}

/// Read in pieces of this size, to report progress and notice a cancel.
const CHUNK: usize = 1 << 20;

/// Why `path` may not be read, if it may not: it names something that
/// is not a regular file, or the system's own files.
fn not_a_file(path: &Path) -> Option<&'static str> {
    let meta = fs::metadata(path).ok()?;
    if let Some(special) = Special::of(&meta) {
        return Some(special.words());
    }
    // Files the system makes up as they are read (/proc/self/environ).
    let real = fs::canonicalize(path).ok()?;
    ["/proc", "/sys", "/dev"]
        .iter()
        .any(|system| real.starts_with(system))
        .then_some("one of the system's own files")
}

fn read_bytes_with(path: &Path, progress: &Progress) -> Result<Vec<u8>, FileError> {
    if let Some(what) = not_a_file(path) {
        return Err(FileError::new(path, FileErrorKind::NotAFile { what }));
    }
    let read = |err| FileError::new(path, FileErrorKind::Read(err));
    let mut file = File::open(path).map_err(read)?;
    let bytes = file.metadata().map_err(read)?.len();
    if bytes > MAX_MAP_BYTES {
        return Err(FileError::new(path, FileErrorKind::TooLarge { bytes }));
    }
    progress.total.store(bytes, Ordering::Relaxed);
    let mut contents = Vec::with_capacity(usize::try_from(bytes).unwrap_or(0));
    let mut chunk = vec![0; CHUNK];
    loop {
        if progress.cancel.load(Ordering::Relaxed) {
            return Err(FileError::new(path, FileErrorKind::Cancelled));
        }
        let n = match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(read(err)),
        };
        contents.extend_from_slice(&chunk[..n]);
        progress
            .read
            .store(contents.len() as u64, Ordering::Relaxed);
        // The file may have grown since `metadata`.
        if contents.len() as u64 > MAX_MAP_BYTES {
            return Err(FileError::new(
                path,
                FileErrorKind::TooLarge {
                    bytes: contents.len() as u64,
                },
            ));
        }
    }
    Ok(contents)
}

/// Reads a map file with every problem in it, for `argmap check`.
///
/// # Errors
/// When the file cannot be read or is not a map this version reads.
pub fn parse_map(path: &Path) -> Result<Parsed, FileError> {
    parse_map_with(path, &Progress::default())
}

/// [`parse_map`], reporting to `progress` and stopping when it is
/// cancelled; for reading large maps on a worker thread.
///
/// # Errors
/// When the file cannot be read, is not a map this version reads, has too
/// many claims, or the reading was cancelled.
pub fn parse_map_with(path: &Path, progress: &Progress) -> Result<Parsed, FileError> {
    let bytes = read_bytes_with(path, progress)?;
    progress.parsing.store(true, Ordering::Relaxed);
    let parsed =
        ron::parse(&bytes).map_err(|err| FileError::new(path, FileErrorKind::Parse(err)))?;
    if parsed.map.claims.len() > MAX_CLAIMS {
        return Err(FileError::new(
            path,
            FileErrorKind::TooManyClaims {
                claims: parsed.map.claims.len(),
            },
        ));
    }
    if progress.cancel.load(Ordering::Relaxed) {
        return Err(FileError::new(path, FileErrorKind::Cancelled));
    }
    Ok(parsed)
}

/// Reads a sound map from a file.
///
/// # Errors
/// When the file cannot be read, is not a map, has too many claims, or the
/// map has problems.
pub fn read_map(path: &Path) -> Result<Map, FileError> {
    let parsed = parse_map(path)?;
    if parsed.problems.is_empty() {
        Ok(parsed.map)
    } else {
        Err(FileError::new(
            path,
            FileErrorKind::Invalid(parsed.problems),
        ))
    }
}

/// Saves `map` to `path` atomically: either the whole new file is there
/// afterwards, or the old one is, untouched.
///
/// # Errors
/// When the file cannot be written (a missing or read-only folder, a full
/// disk); the old file is then as it was.
pub fn write_map(path: &Path, map: &Map) -> Result<(), FileError> {
    write_atomic(path, ron::to_string(map).as_bytes())
        .map_err(|err| FileError::new(path, FileErrorKind::Write(err)))
}

/// Writes `bytes` to `path` so that a crash or failure at any moment leaves
/// either the old file or the new one, never a mix: the bytes go to a
/// temporary file in the same folder, which is flushed to disk and then
/// renamed over the target.
///
/// A symbolic link is followed, so the file it points to is replaced and
/// the link kept; an existing file's permissions are kept.
///
/// # Errors
/// Any I/O error on the way; the temporary file is then removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_on(&Os, path, bytes)
}

/// [`write_atomic`] through `disk`, which tests replace with one that fails
/// on purpose.
///
/// # Errors
/// Any I/O error on the way; the temporary file is then removed.
pub fn write_atomic_on(disk: &dyn Disk, path: &Path, bytes: &[u8]) -> io::Result<()> {
    // What is there and not a regular file is written through (a pipe, a
    // terminal, /dev/null), or refused (a disk, a folder): never replaced.
    if let Ok(meta) = fs::metadata(path)
        && !meta.is_file()
    {
        return write_through(path, &meta, bytes);
    }
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    let Some(name) = target.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path does not name a file",
        ));
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let old_permissions = fs::metadata(&target).ok().map(|meta| meta.permissions());

    let (temp_path, mut temp) = create_temp(disk, &folder, name)?;
    let written = (|| {
        temp.write_all(bytes)?;
        if let Some(permissions) = old_permissions {
            temp.set_permissions(permissions)?;
        }
        temp.sync_all()?;
        drop(temp);
        disk.rename(&temp_path, &target)?;
        sync_folder(&folder);
        Ok(())
    })();
    if written.is_err() {
        // Best effort: the error that matters is the one returned.
        let _ = disk.remove_file(&temp_path);
    }
    written
}

/// Writes `bytes` into what `path` names when it is a pipe or a character
/// device (`-o /dev/stdout`, a FIFO, `/dev/null`); anything else that is
/// not a regular file — a folder, a block device, a socket — is refused.
fn write_through(path: &Path, meta: &fs::Metadata, bytes: &[u8]) -> io::Result<()> {
    match Special::of(meta) {
        Some(Special::Pipe | Special::Terminal) => {}
        special => {
            let what = special.map_or("not a regular file", Special::words);
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "it is {what}, and Argmap writes only files (it never replaces what is there)"
                ),
            ));
        }
    }
    let mut out = fs::OpenOptions::new().write(true).open(path)?;
    out.write_all(bytes)?;
    out.flush()
}

/// What a path names when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Special {
    Folder,
    /// A FIFO: read or written as a stream.
    Pipe,
    /// A character device (a terminal, `/dev/null`): a stream too.
    Terminal,
    /// A block device: a disk, never read or written as a file.
    Disk,
    Socket,
    Other,
}

impl Special {
    /// What `meta` describes, unless it is a regular file.
    fn of(meta: &fs::Metadata) -> Option<Self> {
        if meta.is_file() {
            return None;
        }
        if meta.is_dir() {
            return Some(Self::Folder);
        }
        #[cfg(unix)]
        let special = {
            use std::os::unix::fs::FileTypeExt as _;
            let kind = meta.file_type();
            if kind.is_fifo() {
                Self::Pipe
            } else if kind.is_char_device() {
                Self::Terminal
            } else if kind.is_block_device() {
                Self::Disk
            } else if kind.is_socket() {
                Self::Socket
            } else {
                Self::Other
            }
        };
        #[cfg(not(unix))]
        let special = Self::Other;
        Some(special)
    }

    /// It, in words: "a pipe".
    fn words(self) -> &'static str {
        match self {
            Self::Folder => "a folder",
            Self::Pipe => "a pipe",
            Self::Terminal | Self::Disk => "a device",
            Self::Socket => "a socket",
            Self::Other => "not a regular file",
        }
    }
}

/// Creates a new, hidden temporary file beside the target.
fn create_temp(
    disk: &dyn Disk,
    folder: &Path,
    name: &std::ffi::OsStr,
) -> io::Result<(PathBuf, Box<dyn NewFile>)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let mut attempt = 0;
    loop {
        let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}-{unique}.tmp", std::process::id()));
        let temp_path = folder.join(temp_name);
        match disk.create_new(&temp_path) {
            Ok(file) => return Ok((temp_path, file)),
            // A stale file from a crashed run: try the next name.
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(err) => return Err(err),
        }
    }
}

/// The file-system operations an open document goes through: reading its
/// file (for backups and to notice changes) and saving. [`Os`] is the real
/// one; tests put one in its place that fails in the ways disks fail, to
/// check that no failure at any step damages the user's file.
pub trait Disk: fmt::Debug + Send + Sync {
    /// Reads a whole file.
    ///
    /// # Errors
    /// When it cannot be read.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// A file's size and modification time.
    ///
    /// # Errors
    /// When the file is gone or cannot be looked at.
    fn stat(&self, path: &Path) -> io::Result<(u64, Option<SystemTime>)>;
    /// Creates a file that must not exist yet, for writing.
    ///
    /// # Errors
    /// When it exists or cannot be created.
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn NewFile>>;
    /// Renames `from` to `to`, replacing `to`.
    ///
    /// # Errors
    /// When the rename fails; both files are then as they were.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes a file.
    ///
    /// # Errors
    /// When it cannot be removed.
    fn remove_file(&self, path: &Path) -> io::Result<()>;
}

/// A file being written by [`write_atomic_on`].
pub trait NewFile: Write {
    /// Gives the file these permissions.
    ///
    /// # Errors
    /// When the system refuses.
    fn set_permissions(&mut self, permissions: fs::Permissions) -> io::Result<()>;
    /// Flushes the file's data to the disk.
    ///
    /// # Errors
    /// When the data cannot be written.
    fn sync_all(&mut self) -> io::Result<()>;
}

impl NewFile for File {
    fn set_permissions(&mut self, permissions: fs::Permissions) -> io::Result<()> {
        File::set_permissions(self, permissions)
    }
    fn sync_all(&mut self) -> io::Result<()> {
        File::sync_all(self)
    }
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct Os;

impl Disk for Os {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        fs::read(path)
    }
    fn stat(&self, path: &Path) -> io::Result<(u64, Option<SystemTime>)> {
        let meta = fs::metadata(path)?;
        Ok((meta.len(), meta.modified().ok()))
    }
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn NewFile>> {
        let file = OpenOptions::new().write(true).create_new(true).open(path)?;
        Ok(Box::new(file))
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
}

/// Makes the rename itself durable. Not every system can sync a folder, and
/// the data is already safe by then, so failure here is not an error.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

impl fmt::Display for FileErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Read(err) | Self::Write(err) => f.write_str(&explain(err)),
            Self::TooLarge { bytes } => write!(f, "the file is too large ({bytes} bytes)"),
            Self::TooManyClaims { claims } => write!(f, "the map has too many claims ({claims})"),
            Self::Cancelled => f.write_str("cancelled"),
            Self::NotAFile { what } => write!(f, "it is {what}, not a file"),
            Self::Parse(err) => err.fmt(f),
            Self::Invalid(problems) => write!(f, "the map has {} problems", problems.len()),
        }
    }
}
