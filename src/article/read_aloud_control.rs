use leptos::prelude::*;

use super::read_aloud::{ReadAloud, Speaking, SpeechProblem};
use crate::i18n::{td_string, Locale};
use crate::language::use_language;

/// 読み上げ: starts reading the article aloud (from the paragraph the
/// reader selected, else from the title); while reading, pause or resume,
/// stop, and move a paragraph back or on. Says why when the browser cannot
/// speak, rather than doing nothing.
#[component]
pub fn ReadAloudControl(reader: ReadAloud) -> impl IntoView {
    let lang = use_language();
    let reading = move || reader.speaking.get() != Speaking::Stopped;
    let label_id = "read-aloud-label";
    // The main button stays (読み上げ → 一時停止 → 再開), so focus stays on it;
    // after 停止 it returns there.
    let main = NodeRef::<leptos::html::Button>::new();
    let on_main = move |_| match reader.speaking.get_untracked() {
        Speaking::Stopped => reader.start(),
        Speaking::Reading => reader.pause(),
        Speaking::Paused => reader.resume(),
    };
    let on_stop = move |_| {
        reader.stop();
        if let Some(button) = main.get_untracked() {
            let _ = button.focus();
        }
    };
    view! {
        <div class="read-aloud reading-aid screen-only needs-script" lang=move || lang.code() role="group" aria-labelledby=label_id>
            <span class="visually-hidden" id=label_id>{move || td_string!(lang.get(), read_aloud)}</span>
            <button
                type="button"
                class="reading-aid__toggle read-aloud__main"
                node_ref=main
                data-prelude="queue:read-aloud"
                on:click=on_main
            >
                {move || match reader.speaking.get() {
                    Speaking::Stopped => td_string!(lang.get(), read_aloud),
                    Speaking::Reading => td_string!(lang.get(), read_aloud_pause),
                    Speaking::Paused => td_string!(lang.get(), read_aloud_resume),
                }}
            </button>
            <Show when=reading>
                <button type="button" class="reading-aid__toggle" on:click=on_stop>
                    {move || td_string!(lang.get(), read_aloud_stop)}
                </button>
                <button type="button" class="reading-aid__toggle" on:click=move |_| reader.previous()>
                    {move || td_string!(lang.get(), read_aloud_previous)}
                </button>
                <button type="button" class="reading-aid__toggle" on:click=move |_| reader.next()>
                    {move || td_string!(lang.get(), read_aloud_next)}
                </button>
            </Show>
            <span class="read-aloud__status" role="status">
                {move || status(reader, lang.get())}
            </span>
        </div>
    }
}

fn status(reader: ReadAloud, lang: Locale) -> Option<&'static str> {
    if let Some(problem) = reader.problem.get() {
        return Some(match problem {
            SpeechProblem::NoSpeech => td_string!(lang, read_aloud_no_speech),
            SpeechProblem::NoVoice => td_string!(lang, read_aloud_no_voice),
            SpeechProblem::Failed => td_string!(lang, read_aloud_failed),
        });
    }
    match reader.speaking.get() {
        Speaking::Reading => Some(td_string!(lang, read_aloud_reading)),
        Speaking::Paused => Some(td_string!(lang, read_aloud_paused)),
        Speaking::Stopped => None,
    }
}
