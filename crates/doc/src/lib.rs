//! acta's data model: a [`Report`] owns its text once, and everything found in it is a
//! [`ByteRange`] into that text, checked to sit on char boundaries.
//!
//! ```
//! use acta_doc::{ByteRange, Report};
//!
//! let report = Report::new("r1", "r1.txt", "Moderator: Ana Silva".to_string());
//! let name = ByteRange::new(&report.text, 11, 20).unwrap();
//! assert_eq!(report.slice(name), "Ana Silva");
//! ```

mod error;
mod fold;
mod range;
mod report;
mod stage;

pub use error::{Error, Result};
pub use fold::{ends_like_sentence, fold, fold_into, fold_words, strip_accents, words_of_fold};
pub use range::{ByteRange, OffsetMap, RangeSet};
pub use report::*;
pub use stage::{Layer, Pipeline, Stage};
