//! The site onto disk, safely. One rule for what may be written: only an output folder irbook
//! made itself (or a new or empty one), by one writer at a time (a lock beside it), filled as a
//! staging folder and swapped in so that a reader of the folder never sees a missing page.
//! A failed write leaves the previous site as it was; no file irbook did not write is deleted.

mod lock;
mod swap;
mod target;

pub use lock::{OutputLock, lock};
pub use swap::{Staging, recover_interrupted, write_site};
pub use target::{MARKER, check_target};

/// Why irbook will not or could not write an output folder: what happened and what to do.
#[derive(Debug)]
pub struct Trouble {
    pub message: String,
    pub help: String,
}

impl Trouble {
    fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        Trouble {
            message: message.into(),
            help: help.into(),
        }
    }
}

/// Files that file managers leave in any folder they show (Finder, Explorer): not the user's
/// work, so they neither make an output folder foreign nor survive a swap.
pub fn is_os_metadata(name: &str) -> bool {
    matches!(name, ".DS_Store" | "Thumbs.db" | "desktop.ini" | ".directory") || name.starts_with("._")
}
