//! Reading a large map on a thread of its own, so the window keeps drawing
//! (a progress bar, Cancel) while it is read and parsed.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::{FileError, Progress, parse_map_with};
use crate::format::ron::Parsed;

/// A map being read on a worker thread.
#[derive(Debug)]
pub struct Loading {
    /// The file being read.
    pub path: PathBuf,
    /// How far it has got; set `cancel` to stop it.
    pub progress: Arc<Progress>,
    result: Receiver<Result<Parsed, FileError>>,
}

impl Loading {
    /// What reading gave, once it is done; `None` while it goes on.
    pub fn finished(&self) -> Option<Result<Parsed, FileError>> {
        match self.result.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(FileError::new(
                &self.path,
                super::FileErrorKind::Read(io::Error::other("reading it stopped unexpectedly")),
            ))),
        }
    }
}

/// Starts reading the map at `path` on a worker thread; `wake` is called
/// (on that thread) when it is done.
///
/// # Errors
/// When no thread can be started.
pub fn load_in_background(
    path: &Path,
    wake: impl FnOnce() + Send + 'static,
) -> io::Result<Loading> {
    let progress = Arc::new(Progress::default());
    let (send, result) = channel();
    let worker = {
        let path = path.to_path_buf();
        let progress = Arc::clone(&progress);
        move || {
            let parsed = parse_map_with(&path, &progress);
            let _ = send.send(parsed);
            wake();
        }
    };
    #[expect(
        clippy::disallowed_methods,
        reason = "The one place Argmap starts a thread of its own."
    )]
    std::thread::Builder::new()
        .name("argmap-open".to_owned())
        .spawn(worker)?;
    Ok(Loading {
        path: path.to_path_buf(),
        progress,
        result,
    })
}
