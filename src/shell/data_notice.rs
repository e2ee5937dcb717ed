use leptos::prelude::*;
use reader_core::PartnerNotice;

use crate::i18n::td_string;
use crate::language::use_language;
use crate::text;

/// Names the partner entries left off the map for bad data: the file and
/// field as the newsroom wrote them, the problem in the reader's language.
#[component]
pub fn DataNotice(notices: Vec<PartnerNotice>) -> impl IntoView {
    let lang = use_language();
    (!notices.is_empty()).then(|| {
        view! {
            <section class="data-notice" aria-labelledby="data-notice-heading">
                <h2 class="data-notice__heading" id="data-notice-heading">{move || td_string!(lang.get(), notice_heading)}</h2>
                <p>{move || td_string!(lang.get(), notice_help)}</p>
                <ul class="data-notice__list">
                    {notices
                        .into_iter()
                        .map(|n| {
                            let id = n.id.map(|id| format!(" ({id})")).unwrap_or_default();
                            let error = n.error;
                            let place = text::data_error_place(&error);
                            view! { <li><code>{place}</code>": "{move || text::problem(&error.problem, lang.get())}{id}</li> }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
