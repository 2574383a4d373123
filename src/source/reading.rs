//! A PDF's text read on a thread of its own, for the editor: the window
//! keeps drawing, shows how many pages are done, and can stop the reading
//! (which ends the child process at once).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::{PdfProblem, SourceText, Unread};

/// A reading under way. Dropping it stops it.
#[derive(Debug)]
pub struct Reading {
    done: Arc<AtomicU32>,
    pages: Arc<AtomicU32>,
    stop: Arc<AtomicBool>,
    result: Receiver<Result<SourceText, Unread>>,
    started: Instant,
}

impl Reading {
    /// Starts reading the text of the PDF in `bytes`; `wake` is called
    /// when a page is done and when the reading ends.
    ///
    /// # Errors
    /// When the thread cannot be started.
    pub fn start(bytes: Vec<u8>, wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        let done = Arc::new(AtomicU32::new(0));
        let pages = Arc::new(AtomicU32::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (send, result) = channel();
        let worker = {
            let (done, pages, stop) = (Arc::clone(&done), Arc::clone(&pages), Arc::clone(&stop));
            move || {
                let read = SourceText::from_bytes(
                    &bytes,
                    true,
                    &mut |page, of| {
                        done.store(page, Ordering::Relaxed);
                        pages.store(of, Ordering::Relaxed);
                        wake();
                    },
                    &stop,
                );
                let _ = send.send(read);
                wake();
            }
        };
        #[expect(
            clippy::disallowed_methods,
            reason = "A PDF's reading waits up to its time limit on a child process: a thread of \
                      its own, not one of rayon's workers"
        )]
        std::thread::Builder::new()
            .name("argmap-pdf".to_owned())
            .spawn(worker)?;
        Ok(Self {
            done,
            pages,
            stop,
            result,
            started: Instant::now(),
        })
    }

    /// Pages done and pages in all (0 of 0 until the file is understood).
    pub fn progress(&self) -> (u32, u32) {
        (
            self.done.load(Ordering::Relaxed),
            self.pages.load(Ordering::Relaxed),
        )
    }

    /// How long it has been going.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// The text, once the reading has ended.
    pub fn finished(&self) -> Option<Result<SourceText, Unread>> {
        match self.result.try_recv() {
            Ok(read) => Some(read),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(Unread::Pdf(PdfProblem::Damaged))),
        }
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
