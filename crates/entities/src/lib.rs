//! People, ministries and government bodies, organisations and countries named in a report,
//! and the speaker-affiliation table.
//!
//! ```
//! use std::sync::Arc;
//! use acta_doc::{EntityKind, Report, Stage};
//! use acta_entities::{EntityStage, Gazetteers, SpeakerStage};
//! use acta_layout::LayoutStage;
//!
//! let text = "Moderator: Mrs. Ana Silva, Director of Digital Services at the Ministry of Economy of Brazil\n";
//! let mut report = Report::new("r", "r.txt", text.to_string());
//! LayoutStage::bundled().run(&mut report).unwrap();
//! let gaz = Arc::new(Gazetteers::bundled());
//! EntityStage::new(gaz.clone()).run(&mut report).unwrap();
//! SpeakerStage::new(gaz).run(&mut report).unwrap();
//! let speaker = &report.speakers[0];
//! assert_eq!(report.canonicals[speaker.person].name, "Ana Silva");
//! assert_eq!(report.slice(speaker.organization.unwrap()), "Ministry of Economy of Brazil");
//! assert_eq!(speaker.country.unwrap().as_str(), "BR");
//! assert!(report.canonicals_of(EntityKind::Country).any(|(_, c)| c.name == "BR"));
//! ```

mod acronyms;
mod bodies;
mod body_checks;
mod caps_surnames;
mod classes;
mod clusters;
mod cued_bodies;
mod entries;
mod error;
mod extract;
mod gazetteer;
mod host_body;
mod institutions;
mod kinds;
mod leader_bodies;
mod lists;
mod merge;
mod names;
mod pack_lists;
mod participants;
mod people;
mod phrases;
mod places;
mod shape_patterns;
mod shared_heads;
mod speakers;
mod tables;
mod word_end;
mod words;

pub use error::{Error, Result};
pub use extract::EntityStage;
pub use gazetteer::{Gazetteers, Honorific, Institution, Place};
pub use merge::{merge_model_spans, MergeCounts, ModelLabel, ModelSpan};
pub use speakers::SpeakerStage;
