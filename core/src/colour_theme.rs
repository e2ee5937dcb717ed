//! The reader's colour theme (背景色), as Japanese public sites offer it:
//! white, light text on black, yellow text on dark blue.

/// A colour theme chosen by the reader. No choice means the system's: the
/// white theme, or the black one where the system prefers dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColourTheme {
    White,
    Black,
    Blue,
}

impl ColourTheme {
    /// In the order the control shows them: 白 黒 青.
    pub const ALL: [ColourTheme; 3] = [ColourTheme::White, ColourTheme::Black, ColourTheme::Blue];

    /// The value kept in browser storage and in `<html data-theme>`.
    pub fn as_str(self) -> &'static str {
        match self {
            ColourTheme::White => "white",
            ColourTheme::Black => "black",
            ColourTheme::Blue => "blue",
        }
    }

    /// Reads a stored value; anything unknown (an old or tampered value) is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == text.trim())
    }

    /// The theme on screen for a choice (or none) and the system's preference.
    pub fn shown(choice: Option<Self>, system_prefers_dark: bool) -> Self {
        choice.unwrap_or(if system_prefers_dark {
            ColourTheme::Black
        } else {
            ColourTheme::White
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_storage_text() {
        for theme in ColourTheme::ALL {
            assert_eq!(ColourTheme::parse(theme.as_str()), Some(theme));
        }
        assert_eq!(ColourTheme::parse("pink"), None);
        assert_eq!(ColourTheme::parse(""), None);
    }

    #[test]
    fn without_a_choice_the_system_decides() {
        assert_eq!(ColourTheme::shown(None, false), ColourTheme::White);
        assert_eq!(ColourTheme::shown(None, true), ColourTheme::Black);
        assert_eq!(
            ColourTheme::shown(Some(ColourTheme::Blue), true),
            ColourTheme::Blue
        );
        assert_eq!(
            ColourTheme::shown(Some(ColourTheme::White), true),
            ColourTheme::White
        );
    }
}
