//! Component tests in headless Chromium (`cargo xtask test` runs them with
//! wasm-bindgen-test-runner and Debian's chromedriver).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use changning_reader::article::article_view::ArticleView;
use changning_reader::i18n::Locale;
use changning_reader::language;
use changning_reader::map::partner_map::PartnerMap;
use changning_reader::map::partner_panel::PartnerPanel;
use changning_reader::settings;
use changning_reader::state::{SiteName, SiteOrigin};
use leptos::prelude::*;
use leptos_router::components::Router;
use reader_core::map::projection::WorldProjection;
use reader_core::{decode_cities, Article, Block, FontScale, Id, IsoDate};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlStyleElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The real stylesheets, so that text sizes are what a reader gets.
const STYLES: [&str; 3] = [
    include_str!("../style/tokens.css"),
    include_str!("../style/base.css"),
    include_str!("../style/article.css"),
];

fn sample_article() -> Arc<Article> {
    Arc::new(Article {
        id: Id::parse("1").unwrap(),
        lang: Some("ja".into()),
        title: "見出しの記事".into(),
        published: IsoDate::parse("2021-10-14").unwrap(),
        views: Some(4321),
        breadcrumbs: vec!["長寧ニュース".into(), "長寧ニューズ".into()],
        blocks: vec![
            Block::Paragraph {
                text: "第一段落".into(),
            },
            Block::Heading {
                text: "節の見出し".into(),
            },
            Block::Paragraph {
                text: "<b>太字ではない</b>".into(),
            },
            Block::Image {
                src: "/data/img/x.png".into(),
                alt: "写真の説明".into(),
                caption: Some("写真".into()),
            },
        ],
        partners: vec![],
        notices: vec![],
    })
}

/// The contexts every view reads: the language, the site's name and origin.
fn provide_app_contexts() {
    language::provide(Locale::ja);
    provide_context(SiteName(Signal::stored(Some("長寧ニューズ".to_owned()))));
    provide_context(SiteOrigin("https://example.test".to_owned()));
}

/// A mounted view, unmounted (its container and the styles it added
/// removed) when dropped.
struct Mounted {
    container: HtmlElement,
    styles: Vec<HtmlStyleElement>,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
        for style in &self.styles {
            style.remove();
        }
    }
}

/// Mounts the article view in a fresh container.
fn mount_article(scale: RwSignal<FontScale>) -> Mounted {
    let document = document();
    let mut styles = Vec::new();
    for css in STYLES {
        let style: HtmlStyleElement = document.create_element("style").unwrap().unchecked_into();
        style.set_text_content(Some(css));
        document.head().unwrap().append_child(&style).unwrap();
        styles.push(style);
    }
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let article = sample_article();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_app_contexts();
        settings::show("data-font-scale", move || scale.get().as_str());
        view! { <Router><ArticleView article=article.clone() font_scale=scale/></Router> }
            .into_any()
    });
    Mounted {
        container,
        styles,
        _handle: handle,
    }
}

fn query(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn font_size_px(element: &HtmlElement) -> f64 {
    let style = window().get_computed_style(element).unwrap().unwrap();
    style
        .get_property_value("font-size")
        .unwrap()
        .trim_end_matches("px")
        .parse()
        .unwrap()
}

#[wasm_bindgen_test]
fn renders_blocks_in_order_as_text() {
    let mounted = mount_article(RwSignal::new(FontScale::Medium));
    let root = &mounted.container;
    let body = query(root, ".article-body");
    let children = body.children();
    let seen: Vec<(String, String)> = (0..children.length())
        .filter_map(|i| children.item(i))
        .map(|el| {
            (
                el.tag_name().to_lowercase(),
                el.text_content().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("p".into(), "第一段落".into()),
            ("h2".into(), "節の見出し".into()),
            ("p".into(), "<b>太字ではない</b>".into()),
            ("figure".into(), "写真".into()),
        ]
    );
    assert!(
        body.query_selector("b").unwrap().is_none(),
        "markup in text must stay text"
    );
    assert_eq!(
        query(&body, "img").get_attribute("alt").as_deref(),
        Some("写真の説明")
    );
    assert_eq!(root.query_selector_all("h1").unwrap().length(), 1);
    assert_eq!(
        query(root, "time").get_attribute("datetime").as_deref(),
        Some("2021-10-14")
    );
    assert!(root.text_content().unwrap().contains("4,321"));
}

#[wasm_bindgen_test]
async fn font_size_buttons_toggle_pressed_state_and_text_size() {
    let scale = RwSignal::new(FontScale::Medium);
    let mounted = mount_article(scale);
    let root = &mounted.container;
    let group = query(root, "[role=group]");
    let label_id = group.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        document()
            .get_element_by_id(&label_id)
            .unwrap()
            .text_content()
            .as_deref(),
        Some("文字サイズ")
    );

    let buttons = group.query_selector_all("button").unwrap();
    let button = |i: u32| -> HtmlElement { buttons.item(i).unwrap().unchecked_into() };
    let labels: Vec<String> = (0..3).map(|i| button(i).text_content().unwrap()).collect();
    assert_eq!(labels, ["大", "中", "小"]);
    let pressed = || {
        (0..3)
            .map(|i| button(i).get_attribute("aria-pressed").unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(pressed(), ["false", "true", "false"]);

    let paragraph = query(root, ".article-body__paragraph");
    let medium = font_size_px(&paragraph);
    button(0).click();
    leptos::task::tick().await;
    assert_eq!(pressed(), ["true", "false", "false"]);
    assert_eq!(scale.get_untracked(), FontScale::Large);
    let large = font_size_px(&paragraph);
    button(2).click();
    leptos::task::tick().await;
    assert_eq!(pressed(), ["false", "false", "true"]);
    let small = font_size_px(&paragraph);
    assert!(
        large > medium && medium > small,
        "大 {large} > 中 {medium} > 小 {small}"
    );
}

#[wasm_bindgen_test]
async fn the_map_draws_a_marker_per_partner_and_a_click_fills_the_panel() {
    let cities = Arc::new(decode_cities(include_str!("../public/data/cities.json")).unwrap());
    let document = document();
    let container: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let selected = RwSignal::new(None::<usize>);
    let all: Vec<usize> = (0..cities.partners.len()).collect();
    let for_view = cities.clone();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_app_contexts();
        let cities = for_view.clone();
        let for_select = cities.clone();
        let on_select = Callback::new(move |id: Id| {
            selected.set(for_select.partners.iter().position(|p| p.id == id));
        });
        let for_panel = cities.clone();
        view! {
            <Router>
                <PartnerMap
                    projection=WorldProjection::centred(1000.0, cities.home.lon)
                    cities=cities
                    world=None
                    visible=Signal::derive(move || all.clone())
                    selected=selected
                    on_select=on_select
                />
                {move || selected.get().map(|i| view! {
                    <PartnerPanel
                        partner=for_panel.partners[i].clone()
                        articles=ArcSignal::derive(|| Some(vec![]))
                        on_close=Callback::new(|_| {})
                        node_ref=NodeRef::new()
                    />
                })}
            </Router>
        }
        .into_any()
    });
    let mounted = Mounted {
        container: container.clone(),
        styles: Vec::new(),
        _handle: handle,
    };
    leptos::task::tick().await;

    let markers = container.query_selector_all("a.map-marker__link").unwrap();
    assert_eq!(markers.length() as usize, cities.partners.len());
    let names: Vec<String> = (0..markers.length())
        .map(|i| {
            markers
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
        })
        .inspect(|el| {
            assert_eq!(
                el.namespace_uri().as_deref(),
                Some("http://www.w3.org/2000/svg")
            )
        })
        .map(|el| el.get_attribute("aria-label").unwrap())
        .collect();
    for partner in &cities.partners {
        assert!(
            names.contains(&partner.names.text("ja").to_owned()),
            "{}",
            partner.id
        );
    }

    let sopot: web_sys::Element = container
        .query_selector("[data-partner-id=sopot]")
        .unwrap()
        .unwrap();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    sopot.dispatch_event(&click).unwrap();
    leptos::task::tick().await;
    let heading = query(&container, ".partner-panel h2");
    assert_eq!(heading.text_content().as_deref(), Some("ソポト市"));
    let panel = query(&container, ".partner-panel");
    assert!(panel.text_content().unwrap().contains("ポーランド"));
    assert_eq!(sopot.get_attribute("aria-current").as_deref(), Some("true"));
    drop(mounted);
    assert!(!container.is_connected(), "unmounted and removed");
}
