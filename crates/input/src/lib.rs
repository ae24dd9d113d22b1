//! Finds report files, reads them under a size limit and decodes them to text.
//!
//! ```
//! let decoded = acta_input::decode(b"Moderadora: Ana Silva").unwrap();
//! assert_eq!(decoded.encoding, "UTF-8");
//! assert_eq!(acta_input::html_to_text("<h1>Informe</h1><ul><li>Ana</li></ul>"), "Informe\n\n- Ana\n");
//! ```

mod decode;
mod discover;
mod docx;
mod error;
mod format;
mod html;
mod pdf;
mod pdf_page;

pub use decode::{decode, Decoded};
pub use discover::{
    read_file, read_file_as, read_json_lines, read_json_lines_as, sha256_hex, walk, Document, FileInput, Found,
    JsonLine, REPORT_EXTENSIONS,
};
pub use docx::{docx_to_text, looks_like_docx};
pub use error::{Error, Result};
pub use format::{format_of_extension, guess_format};
pub use html::{html_to_text, html_to_text_linear};
pub use pdf::{looks_like_pdf, pdf_to_text, PdfText};
