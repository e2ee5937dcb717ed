use leptos::prelude::*;
use reader_core::LoadError;

use crate::i18n::td_string;
use crate::language::use_language;
use crate::state::ahead_of_time;
use crate::text;

/// ふりがな: a toggle button for readings over kanji, offered where the
/// article's readings were published. If they cannot be loaded, says why.
#[component]
pub fn FuriganaToggle(
    on: RwSignal<bool>,
    /// Why the readings could not be loaded, if they could not.
    #[prop(into)]
    problem: Signal<Option<LoadError>>,
) -> impl IntoView {
    let lang = use_language();
    view! {
        <div class="furigana reading-aid screen-only needs-script" lang=move || lang.code()>
            <button
                type="button"
                class="reading-aid__toggle"
                aria-pressed=move || on.get().to_string()
                disabled=ahead_of_time()
                on:click=move |_| on.update(|on| *on = !*on)
            >
                {move || td_string!(lang.get(), furigana)}
            </button>
            <span class="reading-aid__problem" role="status">
                {move || {
                    problem
                        .get()
                        .filter(|_| on.get())
                        .map(|error| {
                            format!("{} {}", td_string!(lang.get(), furigana_failed), text::describe(&error, lang.get()).1)
                        })
                }}
            </span>
        </div>
    }
}
