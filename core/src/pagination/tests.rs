use super::*;

fn page(n: u32) -> PageNumber {
    PageNumber::new(n).unwrap()
}

/// The navigation as text: `1 … 4 5 6 … 10`.
fn shown(links: &[PageLink]) -> String {
    links
        .iter()
        .map(|link| match link {
            PageLink::Page(n) => n.to_string(),
            PageLink::Gap => "…".to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn an_empty_column_is_one_empty_page() {
    let pages = Pages::column(0);
    assert_eq!(pages.last(), PageNumber::FIRST);
    assert_eq!(pages.items_on(PageNumber::FIRST), Some(0..0));
    assert_eq!(pages.items_on(page(2)), None);
    assert_eq!(pages.next(PageNumber::FIRST), None);
    assert_eq!(pages.previous(PageNumber::FIRST), None);
    assert_eq!(shown(&pages.navigation(PageNumber::FIRST)), "1");
}

#[test]
fn thirty_articles_are_exactly_one_page() {
    let pages = Pages::column(ARTICLES_PER_PAGE);
    assert_eq!(ARTICLES_PER_PAGE, 30);
    assert_eq!(pages.last(), PageNumber::FIRST);
    assert_eq!(pages.items_on(PageNumber::FIRST), Some(0..30));
    assert_eq!(pages.items_on(page(2)), None);
    assert_eq!(pages.next(PageNumber::FIRST), None);
}

#[test]
fn a_partial_last_page_holds_the_rest() {
    let pages = Pages::column(31);
    assert_eq!(pages.last(), page(2));
    assert_eq!(pages.items_on(page(2)), Some(30..31));
    assert_eq!(pages.next(PageNumber::FIRST), Some(page(2)));
    assert_eq!(pages.previous(page(2)), Some(PageNumber::FIRST));
    assert_eq!(pages.items_on(page(3)), None);
    let pages = Pages::column(61);
    assert_eq!(pages.last(), page(3));
    assert_eq!(pages.items_on(page(3)), Some(60..61));
    assert_eq!(
        pages.all().map(PageNumber::get).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(
        pages.previous(page(4)),
        None,
        "past the end has no neighbours"
    );
    assert_eq!(pages.next(page(4)), None);
}

#[test]
fn the_navigation_names_first_last_and_neighbours_with_gaps() {
    let pages = Pages::column(30 * 20);
    for (current, expected) in [
        (1, "1 2 … 20"),
        (2, "1 2 3 … 20"),
        (4, "1 2 3 4 5 … 20"),
        (5, "1 … 4 5 6 … 20"),
        (10, "1 … 9 10 11 … 20"),
        (17, "1 … 16 17 18 19 20"),
        (19, "1 … 18 19 20"),
        (20, "1 … 19 20"),
    ] {
        assert_eq!(
            shown(&pages.navigation(page(current))),
            expected,
            "{current}"
        );
    }
    assert_eq!(shown(&Pages::column(90).navigation(page(2))), "1 2 3");
    assert_eq!(shown(&Pages::column(31).navigation(page(1))), "1 2");
}

#[test]
fn page_numbers_step_within_their_range() {
    assert_eq!(PageNumber::new(0), None);
    assert_eq!(PageNumber::FIRST.previous(), None);
    assert_eq!(page(u32::MAX).next(), None);
    assert_eq!(page(7).next(), Some(page(8)));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every item is on exactly one page, in order, each page but the
        /// last full, and the navigation always names the first, the last
        /// and the current page, in order, never two gaps side by side.
        #[test]
        fn pages_cover_the_list_once_in_order(items in 0usize..5_000, per_page in 1usize..100, at in 1u32..300) {
            let pages = Pages::new(items, per_page);
            let mut next = 0;
            for n in pages.all() {
                let range = pages.items_on(n).unwrap();
                prop_assert_eq!(range.start, next);
                prop_assert!(range.len() == per_page || (n == pages.last() && range.len() <= per_page));
                prop_assert!(!range.is_empty() || items == 0);
                next = range.end;
            }
            prop_assert_eq!(next, items);
            prop_assert_eq!(pages.items_on(pages.last().next().unwrap()), None);
            let current = page(at.min(pages.last().get()));
            let links = pages.navigation(current);
            let numbers: Vec<u32> = links.iter().filter_map(|l| match l {
                PageLink::Page(n) => Some(n.get()),
                PageLink::Gap => None,
            }).collect();
            prop_assert!(numbers.windows(2).all(|w| w[0] < w[1]));
            prop_assert_eq!(numbers.first(), Some(&1));
            prop_assert_eq!(numbers.last(), Some(&pages.last().get()));
            prop_assert!(numbers.contains(&current.get()));
            prop_assert!(links.windows(2).all(|w| w != [PageLink::Gap, PageLink::Gap]));
            prop_assert!(links.len() <= 7);
        }
    }
}
