use leptos::prelude::*;
use leptos_i18n::Locale as _;

use crate::i18n::{td_string, Locale};
use crate::kiosk_mode::is_kiosk;
use crate::language::{self, use_language};

/// 日本語 / 中文 / English: each option named in its own language (and
/// marked with it, so a screen reader says it right); the one in use is
/// pressed. The choice is remembered. Before the app runs (a published
/// page), the page's own script switches by reloading in that language.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let lang = use_language();
    let in_kiosk = is_kiosk();
    view! {
        <div class="language-switcher needs-script" role="group" aria-label=move || td_string!(lang.get(), language_switcher)>
            {Locale::get_all()
                .iter()
                .copied()
                .map(|locale| view! {
                    <button
                        type="button"
                        class="language-switcher__button"
                        lang=locale.as_str()
                        data-prelude=format!("lang:{}", locale.as_str())
                        aria-pressed=move || (lang.get() == locale).to_string()
                        on:click=move |_| language::choose(lang, locale, in_kiosk)
                    >
                        {td_string!(locale, language_name)}
                    </button>
                })
                .collect_view()}
        </div>
    }
}
