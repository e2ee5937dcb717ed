//! 提携年: how the district's partnerships grew, year by year. A slider
//! from the decade of the first partnership (so that a time before it can
//! be shown too) to this year (arrows, Home and End
//! work as on any slider), the year beside it, and a button that plays the
//! years one after another (hidden when the reader asks for less motion; it
//! can be stopped, and never takes focus).

use leptos::prelude::*;

use crate::i18n::td_string;
use crate::language::use_language;

/// How long each year shows while playing.
const PLAY_EVERY_MS: u32 = 900;

#[component]
pub fn Timeline(
    first_year: u16,
    this_year: u16,
    /// The year shown; `this_year` shows every partnership.
    year: RwSignal<u16>,
    /// Whether the years are playing (a kiosk's attract mode may start it).
    playing: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_language();
    let ahead = crate::state::ahead_of_time();
    // Playing: from the first year (or on from where it is), one year per
    // step, stopping at this year.
    let timer = StoredValue::new_local(None::<gloo_timers::callback::Interval>);
    Effect::new(move |_| {
        if playing.get() {
            if year.get_untracked() >= this_year {
                year.set(first_year);
            }
            let interval = gloo_timers::callback::Interval::new(PLAY_EVERY_MS, move || {
                let next = year.get_untracked() + 1;
                year.set(next.min(this_year));
                if next >= this_year {
                    playing.set(false);
                }
            });
            timer.set_value(Some(interval));
        } else {
            timer.set_value(None);
        }
    });
    on_cleanup(move || timer.update_value(|t| drop(t.take())));
    let shown = move || td_string!(lang.get(), timeline_year, year = year.get()).to_string();
    view! {
        <div class="timeline needs-script">
            <label class="timeline__label" for="timeline-year">{move || td_string!(lang.get(), timeline)}</label>
            <input
                id="timeline-year"
                class="timeline__slider"
                type="range"
                min=first_year
                max=this_year
                step="1"
                disabled=ahead
                prop:value=move || year.get().to_string()
                aria-valuetext=shown
                on:input=move |event| {
                    if let Ok(value) = event_target_value(&event).parse::<u16>() {
                        playing.set(false);
                        year.set(value.clamp(first_year, this_year));
                    }
                }
            />
            <output class="timeline__year" for="timeline-year" aria-hidden="true">{shown}</output>
            // Hidden by the stylesheet when the reader asks for less motion.
            <button
                type="button"
                class="timeline__play"
                disabled=ahead
                on:click=move |_| playing.update(|p| *p = !*p)
            >
                {move || if playing.get() {
                    td_string!(lang.get(), timeline_stop)
                } else {
                    td_string!(lang.get(), timeline_play)
                }}
            </button>
        </div>
    }
}
