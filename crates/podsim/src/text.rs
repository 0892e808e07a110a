//! Text in every language podlab speaks (English and Korean), side by side: lessons'
//! prose, what a goal saw, the hints beside API errors.

use serde::{Deserialize, Serialize};

/// A text in every language podlab speaks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub ko: String,
}

impl Text {
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "ko" => &self.ko,
            _ => &self.en,
        }
    }
    pub fn is_complete(&self) -> bool {
        !self.en.trim().is_empty() && !self.ko.trim().is_empty()
    }

    /// The same text in every language (a value, a name).
    pub fn same(text: impl Into<String>) -> Text {
        let text = text.into();
        Text {
            en: text.clone(),
            ko: text,
        }
    }

    pub fn new(en: impl Into<String>, ko: impl Into<String>) -> Text {
        Text {
            en: en.into(),
            ko: ko.into(),
        }
    }
}
