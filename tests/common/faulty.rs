//! A file system that fails the way disks fail, one fault at a time, for
//! tests that check no failure while saving damages the user's file.

#![expect(
    clippy::disallowed_methods,
    reason = "Tests make, change and read real files themselves."
)]

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::time::SystemTime;

use argmap::store::{Disk, NewFile, Os};

/// A way for [`Faulty`] to fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The folder is read-only: no file can be created in it.
    ReadOnlyFolder,
    /// The folder does not exist.
    MissingFolder,
    /// The disk fills up after this many bytes of the new file.
    FullAfter(usize),
    /// The new file is really `/dev/full`, where every write fails with
    /// "no space left on device" (on systems that have it).
    DevFull,
    /// Flushing the new file to the disk fails (an I/O error).
    SyncFails,
    /// Renaming the new file over the old one fails.
    RenameFails,
}

/// The real file system with one [`Fault`].
#[derive(Clone, Copy, Debug)]
pub struct Faulty(pub Fault);

impl Disk for Faulty {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        Os.read(path)
    }
    fn stat(&self, path: &Path) -> io::Result<(u64, Option<SystemTime>)> {
        Os.stat(path)
    }
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn NewFile>> {
        match self.0 {
            Fault::ReadOnlyFolder => Err(io::Error::from(io::ErrorKind::PermissionDenied)),
            Fault::MissingFolder => Err(io::Error::from(io::ErrorKind::NotFound)),
            Fault::DevFull => {
                // Create the temporary file as usual, so that cleaning up is
                // exercised too, but send the bytes to the full device.
                Os.create_new(path)?;
                Ok(Box::new(OpenOptions::new().write(true).open("/dev/full")?))
            }
            Fault::FullAfter(room) => Ok(Box::new(FillingFile {
                file: Os.create_new(path)?,
                room,
            })),
            Fault::SyncFails => Ok(Box::new(FailingSync(Os.create_new(path)?))),
            Fault::RenameFails => Os.create_new(path),
        }
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        if self.0 == Fault::RenameFails {
            return Err(io::Error::from(io::ErrorKind::CrossesDevices));
        }
        Os.rename(from, to)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        Os.remove_file(path)
    }
}

/// A file on a disk with `room` bytes left: the write that crosses it
/// stores what fits and then fails, as a real full disk does.
struct FillingFile {
    file: Box<dyn NewFile>,
    room: usize,
}

impl Write for FillingFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::from(io::ErrorKind::StorageFull));
        }
        let fits = buf.len().min(self.room);
        let written = self.file.write(&buf[..fits])?;
        self.room -= written;
        Ok(written)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl NewFile for FillingFile {
    fn set_permissions(&mut self, permissions: fs::Permissions) -> io::Result<()> {
        self.file.set_permissions(permissions)
    }
    fn sync_all(&mut self) -> io::Result<()> {
        self.file.sync_all()
    }
}

/// A file whose data never reaches the disk.
struct FailingSync(Box<dyn NewFile>);

impl Write for FailingSync {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl NewFile for FailingSync {
    fn set_permissions(&mut self, permissions: fs::Permissions) -> io::Result<()> {
        self.0.set_permissions(permissions)
    }
    fn sync_all(&mut self) -> io::Result<()> {
        Err(io::Error::other(
            "input/output error while flushing to the disk",
        ))
    }
}
