use leptos::prelude::*;
use leptos_i18n::Locale as _;

use crate::i18n::{t_string, td_string, use_i18n, Locale};
use crate::kiosk::is_kiosk;
use crate::language;

/// 日本語 / 中文 / English: each option named in its own language (and
/// marked with it, so a screen reader says it right); the one in use is
/// pressed. The choice is remembered.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let in_kiosk = is_kiosk();
    view! {
        <div class="language-switcher" role="group" aria-label=move || t_string!(i18n, language_switcher)>
            {Locale::get_all()
                .iter()
                .copied()
                .map(|locale| view! {
                    <button
                        type="button"
                        class="language-switcher__button"
                        lang=locale.as_str()
                        aria-pressed=move || (i18n.get_locale() == locale).to_string()
                        on:click=move |_| language::choose(i18n, locale, in_kiosk)
                    >
                        {td_string!(locale, language_name)}
                    </button>
                })
                .collect_view()}
        </div>
    }
}
