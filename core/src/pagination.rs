//! The column in pages: a fixed number of articles a page, in the column's
//! own order (newest first, as the data gives it). Page 1 is `/`, page `n`
//! is `/page/n` (`crate::route`). An empty column is one page, empty.

use std::num::NonZeroU32;
use std::ops::Range;

/// How many articles a page of the column lists.
pub const ARTICLES_PER_PAGE: usize = 30;

/// A page of a list, counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageNumber(NonZeroU32);

impl PageNumber {
    /// Page 1.
    pub const FIRST: PageNumber = PageNumber(NonZeroU32::MIN);

    /// Page `n`, if `n` is at least 1.
    pub fn new(n: u32) -> Option<Self> {
        NonZeroU32::new(n).map(PageNumber)
    }

    pub fn get(self) -> u32 {
        self.0.get()
    }

    /// The page before this one, if this is not the first.
    pub fn previous(self) -> Option<Self> {
        PageNumber::new(self.get() - 1)
    }

    /// The page after this one (none after `u32::MAX`).
    pub fn next(self) -> Option<Self> {
        self.0.checked_add(1).map(PageNumber)
    }
}

impl std::fmt::Display for PageNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A list of `items` things shown `per_page` at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pages {
    items: usize,
    per_page: usize,
}

/// One place in the navigation between pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLink {
    /// A link to this page (or the current page itself).
    Page(PageNumber),
    /// Pages left out between two shown (`…`).
    Gap,
}

impl Pages {
    /// `items` things, `per_page` a page (at least one a page).
    pub fn new(items: usize, per_page: usize) -> Self {
        Pages {
            items,
            per_page: per_page.max(1),
        }
    }

    /// The column's `articles` in pages of [`ARTICLES_PER_PAGE`].
    pub fn column(articles: usize) -> Self {
        Pages::new(articles, ARTICLES_PER_PAGE)
    }

    /// The last page: 1 for an empty list (one empty page), more than
    /// `u32::MAX` pages never (the last ones are not reachable).
    pub fn last(&self) -> PageNumber {
        let count = self.items.div_ceil(self.per_page).max(1);
        PageNumber::new(u32::try_from(count).unwrap_or(u32::MAX)).unwrap_or(PageNumber::FIRST)
    }

    /// Every page, first to last.
    pub fn all(&self) -> impl Iterator<Item = PageNumber> {
        (1..=self.last().get()).filter_map(PageNumber::new)
    }

    /// Whether `page` exists (page 1 always does).
    pub fn has(&self, page: PageNumber) -> bool {
        page <= self.last()
    }

    /// The positions of the items `page` shows, or `None` past the end.
    pub fn items_on(&self, page: PageNumber) -> Option<Range<usize>> {
        if !self.has(page) {
            return None;
        }
        let start = (page.get() as usize - 1).saturating_mul(self.per_page);
        Some(start.min(self.items)..start.saturating_add(self.per_page).min(self.items))
    }

    /// The page after `page`, if there is one.
    pub fn next(&self, page: PageNumber) -> Option<PageNumber> {
        page.next().filter(|next| self.has(*next))
    }

    /// The page before `page`, if `page` exists and is not the first.
    pub fn previous(&self, page: PageNumber) -> Option<PageNumber> {
        page.previous().filter(|_| self.has(page))
    }

    /// The pages the navigation names around `current`: the first, the
    /// last, the current and its neighbours, in order; pages between them
    /// left out as one [`PageLink::Gap`] (a gap of a single page is that
    /// page instead: `…` would take as much room).
    pub fn navigation(&self, current: PageNumber) -> Vec<PageLink> {
        let last = self.last().get();
        let current = current.get().min(last);
        let mut shown = vec![1, last, current.saturating_sub(1), current];
        shown.push(current.saturating_add(1));
        shown.retain(|&n| (1..=last).contains(&n));
        shown.sort_unstable();
        shown.dedup();
        let mut links = Vec::with_capacity(shown.len() + 2);
        let mut before = 0;
        for n in shown {
            if n == before + 2 {
                links.extend(PageNumber::new(before + 1).map(PageLink::Page));
            } else if n > before + 2 {
                links.push(PageLink::Gap);
            }
            links.extend(PageNumber::new(n).map(PageLink::Page));
            before = n;
        }
        links
    }
}

#[cfg(test)]
mod tests;
