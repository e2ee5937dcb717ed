//! The reader's preferences in browser storage. Components never touch
//! storage directly; when storage is unavailable (private mode, blocked
//! cookies) preferences simply last for the visit.

use reader_core::FontScale;
use web_sys::Storage;

const FONT_SCALE_KEY: &str = "changning-reader.font-scale";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored text size, or the default when none (or nothing readable) is stored.
pub fn load_font_scale() -> FontScale {
    storage()
        .and_then(|s| s.get_item(FONT_SCALE_KEY).ok().flatten())
        .and_then(|value| FontScale::parse(&value))
        .unwrap_or_default()
}

/// Remembers the text size; silently does nothing where storage is refused.
pub fn save_font_scale(scale: FontScale) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(FONT_SCALE_KEY, scale.as_str());
    }
}
