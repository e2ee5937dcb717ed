use leptos::prelude::*;

use crate::i18n::td_string;
use crate::language::use_language;
use crate::reading_aids::FuriganaReadings;
use crate::text;

/// ふりがな: a toggle button for readings over kanji, offered for articles
/// in Japanese. While it is on, says why there are none if there are none:
/// not published for this article yet, or not loaded (and why).
#[component]
pub fn FuriganaToggle(
    on: RwSignal<bool>,
    #[prop(into)] readings: Signal<FuriganaReadings>,
) -> impl IntoView {
    let lang = use_language();
    let note = move || {
        if !on.get() {
            return None;
        }
        let lang = lang.get();
        match readings.get() {
            FuriganaReadings::NotYet => Some(td_string!(lang, furigana_not_yet).to_owned()),
            FuriganaReadings::Failed(error) => Some(format!(
                "{} {}",
                td_string!(lang, furigana_failed),
                text::describe(&error, lang).1
            )),
            _ => None,
        }
    };
    view! {
        <div class="furigana reading-aid screen-only needs-script" lang=move || lang.code()>
            <button
                type="button"
                class="reading-aid__toggle"
                aria-pressed=move || on.get().to_string()
                data-prelude="queue:furigana"
                on:click=move |_| on.update(|on| *on = !*on)
            >
                {move || td_string!(lang.get(), furigana)}
            </button>
            <span class="reading-aid__problem" role="status">{note}</span>
        </div>
    }
}
