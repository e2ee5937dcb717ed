use leptos::prelude::*;
use reader_core::route::AppRoute;
use reader_core::Id;

use crate::i18n::td_string;
use crate::language::use_language;
use crate::navigation::{InAppHistory, Navigator};

/// 印刷 and 閉じる, the original page's 打印本页 and 关闭窗口 done properly:
/// 閉じる closes a window a script opened, else goes back within the app,
/// else to the column. Both also work on a published page before the app
/// runs (its own script handles `data-prelude`).
#[component]
pub fn ArticleActions(id: Id) -> impl IntoView {
    let lang = use_language();
    let navigator = use_context::<Navigator>();
    let in_app_history = use_context::<InAppHistory>();
    let gate = crate::print::PrintGate::use_context();
    let print = move |_| crate::print::print(gate);
    let close = move |_| {
        let window = window();
        let opened_by_script = window
            .opener()
            .map(|o| !o.is_null() && !o.is_undefined())
            .unwrap_or(false);
        if opened_by_script && window.close().is_ok() {
            return;
        }
        // Back only when the previous page is one of ours; a page opened
        // directly (from a link elsewhere, or typed) closes to the column.
        let went_back = in_app_history.is_some_and(|h| h.can_go_back())
            && window.history().and_then(|h| h.back()).is_ok();
        if !went_back {
            if let Some(navigator) = navigator {
                navigator.go("/");
            }
        }
    };
    view! {
        <div class="article-actions screen-only" lang=move || lang.code()>
            <button type="button" class="article-actions__button needs-script" data-prelude="print" on:click=print>
                {move || td_string!(lang.get(), print)}
            </button>
            <a class="article-actions__link" href=AppRoute::ArticlePrint(id.clone()).href()>{move || td_string!(lang.get(), print_view)}</a>
            <button type="button" class="article-actions__button needs-script" data-prelude="close" on:click=close>
                {move || td_string!(lang.get(), close)}
            </button>
        </div>
    }
}
