//! English relations (placeholder until the English rules land).

use super::{Discourse, Found, SentenceView};

/// The English rule set.
#[derive(Debug)]
pub(crate) struct English;

impl English {
    pub(crate) fn builtin() -> Self {
        English
    }

    pub(crate) fn sentence(
        &self,
        _view: &SentenceView<'_>,
        _discourse: &mut Discourse,
    ) -> Vec<Found> {
        Vec::new()
    }
}
