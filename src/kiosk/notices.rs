//! What a kiosk shows over its pages: the idle countdown for visitors, and
//! for the operator at set-up, the settings that were refused.

use leptos::prelude::*;
use reader_core::LoadError;

use crate::i18n::td_string;
use crate::kiosk_mode::{KioskCountdown, KioskSettingsNotices};
use crate::language::use_language;
use crate::text;

/// "Returning to the start in N seconds", politely; any touch cancels it.
#[component]
pub fn KioskCountdownNotice() -> impl IntoView {
    let countdown = use_context::<KioskCountdown>().map(|c| c.0);
    let lang = use_language();
    move || {
        countdown.and_then(|c| c.get()).map(|seconds| {
            view! {
                <div class="kiosk-countdown" role="status" aria-live="polite">
                    <p class="kiosk-countdown__text">{move || text::kiosk_countdown(seconds, lang.get())}</p>
                    <button type="button" class="kiosk-countdown__stay button-primary">{move || td_string!(lang.get(), kiosk_stay)}</button>
                </div>
            }
        })
    }
}

/// For the operator at set-up: which settings in `kiosk.json` were refused
/// and why, in the interface language, for a few seconds. Visitors never
/// see it: it shows only when kiosk mode is entered with `?kiosk=1`.
#[component]
pub fn KioskSettingsNotice() -> impl IntoView {
    let notices = use_context::<KioskSettingsNotices>().map(|n| n.0);
    let lang = use_language();
    move || {
        let notices = notices.map(|n| n.get()).unwrap_or_default();
        (!notices.is_empty()).then(|| {
            view! {
                <section class="data-notice kiosk-setup-notice" role="alert" aria-labelledby="kiosk-setup-heading">
                    <h2 class="data-notice__heading" id="kiosk-setup-heading">{move || td_string!(lang.get(), kiosk_settings_heading)}</h2>
                    <p>{move || td_string!(lang.get(), kiosk_settings_help)}</p>
                    <ul class="data-notice__list">
                        {notices
                            .into_iter()
                            .map(|problem| match problem {
                                LoadError::BadData(n) => {
                                    let place = text::data_error_place(&n);
                                    view! { <li><code>{place}</code>": "{move || text::problem(&n.problem, lang.get())}</li> }.into_any()
                                }
                                // The file could not be loaded at all: every setting is its default.
                                other => view! { <li>{move || text::describe(&other, lang.get()).1}</li> }.into_any(),
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
