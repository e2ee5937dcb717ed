use leptos::prelude::*;
use reader_core::PartnerNotice;

use crate::i18n::td_string;
use crate::text;

/// Names the partner entries left off the map for bad data, with file and field.
#[component]
pub fn DataNotice(notices: Vec<PartnerNotice>) -> impl IntoView {
    let lang = crate::language::current();
    (!notices.is_empty()).then(|| {
        view! {
            <section class="data-notice" aria-labelledby="data-notice-heading">
                <h2 class="data-notice__heading" id="data-notice-heading">{td_string!(lang, notice_heading)}</h2>
                <p>{td_string!(lang, notice_help)}</p>
                <ul class="data-notice__list">
                    {notices
                        .into_iter()
                        .map(|n| {
                            let id = n.id.map(|id| format!(" ({id})")).unwrap_or_default();
                            let (place, problem) = text::data_error_parts(&n.error, lang);
                            view! { <li><code>{place}</code>": "{problem}{id}</li> }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
