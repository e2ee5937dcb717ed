use leptos::prelude::*;
use reader_core::ColourTheme;

use crate::i18n::{td_string, Locale};
use crate::language::use_language;
use crate::reading_aids::ColourThemeSetting;

/// 背景色: three toggle buttons 白 / 黒 / 青, each a sample of its colours;
/// the pressed one is the theme on screen. The theme itself is set on the
/// page (`<html data-theme>`), so that a published page's own script can
/// set it before the first paint.
#[component]
pub fn ColourThemeControl(theme: ColourThemeSetting) -> impl IntoView {
    let lang = use_language();
    let label_id = "colour-theme-label";
    view! {
        <div class="colour-theme reading-aid screen-only needs-script" lang=move || lang.code() role="group" aria-labelledby=label_id>
            <span class="reading-aid__label" id=label_id>{move || td_string!(lang.get(), colour_theme)}</span>
            {ColourTheme::ALL
                .into_iter()
                .map(|option| view! {
                    <button
                        type="button"
                        class=format!("colour-theme__button colour-theme__button--{}", option.as_str())
                        data-prelude=format!("theme:{}", option.as_str())
                        aria-pressed=move || (theme.shown() == option).to_string()
                        on:click=move |_| theme.choice.set(Some(option))
                    >
                        {move || theme_label(option, lang.get())}
                    </button>
                })
                .collect_view()}
        </div>
    }
}

fn theme_label(theme: ColourTheme, lang: Locale) -> &'static str {
    match theme {
        ColourTheme::White => td_string!(lang, theme_white),
        ColourTheme::Black => td_string!(lang, theme_black),
        ColourTheme::Blue => td_string!(lang, theme_blue),
    }
}
