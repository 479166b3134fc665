//! Defence in depth: one article's extraction runs behind `catch_unwind`, so a
//! panic in a rule (there should be none; the fuzz tests look for them, but a
//! user's gazetteer or lexicon may yet find one) costs that article, never the
//! batch it came in.
//!
//! The default panic hook prints a multi-line report before unwinding starts.
//! [`install_panic_hook`] replaces it with one that stays quiet inside an
//! isolated extraction and records the message and location instead, so the
//! caller can report the article on one line; panics anywhere else still get
//! the default report.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// True while this thread runs an isolated extraction.
    static ISOLATED: Cell<bool> = const { Cell::new(false) };
    /// What the last quiet panic on this thread said, and where.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// An article whose extraction panicked: the panic's message and location.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("extraction failed: {0} (a bug: please report it with the article)")]
pub struct ExtractionFailed(pub String);

/// Replaces the panic hook (once per process) with one that is quiet inside
/// [`isolated`] and defers to the previous hook everywhere else.
pub fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !ISOLATED.get() {
                previous(info);
                return;
            }
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_owned());
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            // Keep a message to one short line, whatever text it quotes.
            let mut line: String = message.chars().take(160).collect();
            line.retain(|c| !c.is_control());
            LAST_PANIC.set(Some(format!("{line}{place}")));
        }));
    });
}

/// Runs `f`, turning a panic into [`ExtractionFailed`].
pub(crate) fn isolated<T>(f: impl FnOnce() -> T) -> Result<T, ExtractionFailed> {
    let was = ISOLATED.replace(true);
    LAST_PANIC.set(None);
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    ISOLATED.set(was);
    result.map_err(|_| ExtractionFailed(LAST_PANIC.take().unwrap_or_else(|| "panic".to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        install_panic_hook();
        let err = isolated(|| -> u32 { panic!("bad slice") }).unwrap_err();
        assert!(err.0.contains("bad slice"), "{err}");
        assert!(err.0.contains("isolate.rs"), "{err}");
        assert_eq!(isolated(|| 7), Ok(7));
    }
}
