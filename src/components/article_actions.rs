use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::text;

/// 印刷 and 閉じる, the original page's 打印本页 and 关闭窗口 done properly.
#[component]
pub fn ArticleActions() -> impl IntoView {
    let navigate = use_navigate();
    let print = |_| {
        let _ = window().print();
    };
    let close = move |_| {
        let window = window();
        let opened_by_script = window
            .opener()
            .map(|o| !o.is_null() && !o.is_undefined())
            .unwrap_or(false);
        if opened_by_script && window.close().is_ok() {
            return;
        }
        match window.history() {
            Ok(history) if history.length().unwrap_or(0) > 1 => {
                let _ = history.back();
            }
            _ => navigate("/", Default::default()),
        }
    };
    view! {
        <div class="article-actions">
            <button type="button" class="article-actions__button" on:click=print>
                {text::PRINT}
            </button>
            <button type="button" class="article-actions__button" on:click=close>
                {text::CLOSE}
            </button>
        </div>
    }
}
