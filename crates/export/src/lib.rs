//! The export edge: reports become owned records, written as CSV and JSON Lines.
//!
//! ```
//! use acta_export::safe_cell;
//! assert_eq!(safe_cell("=1+1"), "'=1+1");
//! ```

mod error;
mod outputs;
mod record;
mod writer;

pub use error::{Error, Result};
pub use outputs::{Committed, Outputs, PROGRESS_FILE};
pub use record::{FieldRecord, LanguageShare, MentionRecord, ReportRecord, SectionRecord, SpanRecord, SpeakerRecord};
pub use writer::{
    entity_rows, error_row, report_row, safe_cell, speaker_rows, unguard_cell, write_error_row, write_jsonl,
    write_jsonl_error, write_table_rows, Cell, ErrorRow, ENTITY_COLUMNS, ERROR_COLUMNS, REPORT_COLUMNS,
    SPEAKER_COLUMNS,
};
