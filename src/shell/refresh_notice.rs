//! "This page could not be refreshed": said on a published page that stays
//! in view because the app's page for it could not load (src/handover.rs).

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::handover::Handover;
use crate::i18n::td_string;
use crate::language::use_language;

/// The notice and its retry, in the published page, while the handover
/// holds it. Nothing without a published page, or once the app took over.
#[component]
pub fn RefreshNotice() -> impl IntoView {
    let handover = Handover::use_context();
    let lang = use_language();
    move || {
        let handover = handover?;
        handover.held()?;
        let place = handover.notice_place()?;
        Some(view! {
            <Portal mount=place>
                <p class="refresh-notice__text" role="status" lang=move || lang.code()>
                    {move || td_string!(lang.get(), refresh_failed)}
                </p>
                <button
                    type="button"
                    class="refresh-notice__retry button-primary"
                    aria-disabled=move || handover.retrying().then_some("true")
                    on:click=move |_| handover.retry()
                >
                    {move || match handover.retrying() {
                        true => td_string!(lang.get(), loading),
                        false => td_string!(lang.get(), retry),
                    }}
                </button>
            </Portal>
        })
    }
}
