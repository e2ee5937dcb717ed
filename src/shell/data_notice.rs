use leptos::prelude::*;
use reader_core::EntryNotice;

use crate::i18n::td_string;
use crate::language::use_language;
use crate::text;

/// What was wrong with the partner data: the entries left off the map, and
/// the details not used of partners that are shown. Each names the file
/// and field as the newsroom wrote them, the problem in the reader's language.
#[component]
pub fn DataNotices(notices: Vec<EntryNotice>) -> impl IntoView {
    let (left_off, ignored): (Vec<_>, Vec<_>) = notices.into_iter().partition(|n| n.left_off);
    view! {
        <DataNotice notices=left_off kind=NoticeKind::LeftOff/>
        <DataNotice notices=ignored kind=NoticeKind::Ignored/>
    }
}

/// The column's entries left off (an id listed twice), each named by file
/// and field, the problem in the reader's language.
#[component]
pub fn ColumnNotices(notices: Vec<EntryNotice>) -> impl IntoView {
    view! { <DataNotice notices kind=NoticeKind::ColumnLeftOff/> }
}

#[derive(Clone, Copy, PartialEq)]
enum NoticeKind {
    LeftOff,
    Ignored,
    ColumnLeftOff,
}

#[component]
fn DataNotice(notices: Vec<EntryNotice>, kind: NoticeKind) -> impl IntoView {
    let lang = use_language();
    let heading_id = match kind {
        NoticeKind::LeftOff => "data-notice-heading",
        NoticeKind::Ignored => "data-ignored-heading",
        NoticeKind::ColumnLeftOff => "column-notice-heading",
    };
    let heading = move || match kind {
        NoticeKind::LeftOff => td_string!(lang.get(), notice_heading),
        NoticeKind::Ignored => td_string!(lang.get(), ignored_heading),
        NoticeKind::ColumnLeftOff => td_string!(lang.get(), column_notice_heading),
    };
    let help = move || match kind {
        NoticeKind::LeftOff => td_string!(lang.get(), notice_help),
        NoticeKind::Ignored => td_string!(lang.get(), ignored_help),
        NoticeKind::ColumnLeftOff => td_string!(lang.get(), column_notice_help),
    };
    (!notices.is_empty()).then(|| {
        view! {
            <section class="data-notice" aria-labelledby=heading_id>
                <h2 class="data-notice__heading" id=heading_id>{heading}</h2>
                <p>{help}</p>
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
