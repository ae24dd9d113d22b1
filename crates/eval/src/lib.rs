//! Scores acta's records against answer keys with the rules of the answer-key format (GOLD.md):
//! folded strings, one-to-one matching, micro precision / recall / F1 per field, and attribute
//! accuracy for the speakers that match.
//!
//! ```
//! use acta_eval::{Extraction, Scorer};
//! let gold: Extraction = serde_json::from_str(r#"{"id": "a", "people": ["Yolanda Martínez Mancilla"], "countries": ["MX"]}"#).unwrap();
//! let found: Extraction = serde_json::from_str(r#"{"id": "a", "people": ["Mrs. Yolanda Martinez"], "countries": ["MX", "BR"]}"#).unwrap();
//! let mut scorer = Scorer::default();
//! scorer.add(&gold, Some(&found));
//! assert_eq!(scorer.field(acta_eval::Field::People).f1(), 1.0);
//! assert_eq!(scorer.field(acta_eval::Field::Countries).precision(), 0.5);
//! ```

mod keys;
mod matching;
pub mod rouge;
mod score;

pub use keys::{load_keys, load_records, record_key_candidates, Error, Extraction, SpeakerEntry};
pub use matching::{normalize, normalize_person, one_to_one, organization_similarity, person_similarity};
pub use score::{AttributeCounts, Counts, Field, Scorer};
