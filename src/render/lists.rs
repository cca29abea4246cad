//! Long lists in pages of bounded length, so that no page grows with the handbook. The objects
//! of each kind with a list page (`KindSpec::list`: `suppliers.html`, `plans.html`,
//! `playbooks.html`, ...) are put in one order, cut into groups (a folder of documents, a tier
//! of suppliers, a kind of plan or party) and the groups into pages of at most [`PAGE_SIZE`]
//! entries: `playbooks.html`, `playbooks_2.html`, ... A group that fits on a page starts a new
//! page rather than be split across two. Lists on pages that are not lists (the home page, the
//! contact sheet, a supplier's backlinks) show at most [`SHORT`] entries, then how many more.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use super::urls;
use crate::model::{Handbook, Kind, Object, PlanKind, SitePage};

/// Entries on one page of a list.
pub const PAGE_SIZE: usize = 100;

/// Entries a list on another page shows in full (the home page's playbooks, the contact
/// sheet's suppliers); a longer one is shown by its groups, or cut with a count of the rest.
pub const SHORT: usize = 50;

/// The objects of a kind in the order lists and `print.html` show them.
pub fn in_order(handbook: &Handbook, kind: Kind) -> Vec<Object<'_>> {
    let mut objects = handbook.objects(kind);
    objects.sort_by(|a, b| sort_key(*a).cmp(&sort_key(*b)));
    objects
}

/// Lists sort by a rank the kind has (a plan's kind: response plans first; a supplier's tier;
/// documents by folder, as `Handbook::docs_in_order`), then by `order` where the author gave
/// one (those without last), then by name.
fn sort_key(object: Object<'_>) -> (u8, &str, bool, (bool, Option<i64>, &str)) {
    match object {
        Object::Plan(p) => (p.kind as u8, "", false, p.sort_key()),
        Object::Playbook(d) | Object::Page(d) => {
            let (section, after_index, key) = d.list_key();
            (0, section, after_index, key)
        }
        Object::Supplier(s) => (s.tier.value as u8, "", false, (true, None, s.name.as_str())),
        Object::Party(p) => (p.kind.value as u8, "", false, (true, None, p.name.as_str())),
        Object::Form(f) => (0, "", false, (true, None, f.title.as_str())),
        Object::Severity(_)
        | Object::Role(_)
        | Object::Obligation(_)
        | Object::Message(_)
        | Object::Stakeholder(_)
        | Object::System(_) => (0, "", false, (true, None, object.name())),
    }
}

/// The group an object is listed in: its key (an anchor's end) and its heading, where the
/// group has one (documents outside folders and response plans have none: the page's title
/// says what they are).
fn group_of(
    handbook: &Handbook,
    words: &dyn Fn(&str) -> String,
    object: Object<'_>,
) -> (String, Option<String>) {
    match object {
        Object::Playbook(d) | Object::Page(d) => {
            let folder = d.section();
            let title = (!folder.is_empty()).then(|| handbook.section_title(object.kind(), folder));
            (folder.to_string(), title)
        }
        Object::Supplier(s) => {
            let key = s.tier.value.label();
            (key.to_string(), Some(words(key)))
        }
        Object::Party(p) => {
            let key = p.kind.value.label();
            (key.to_string(), Some(words(key)))
        }
        Object::Plan(p) => match p.kind {
            PlanKind::Response => ("response".into(), None),
            PlanKind::Readiness => ("readiness".into(), Some(words("readiness_plans"))),
        },
        Object::Form(_)
        | Object::Severity(_)
        | Object::Role(_)
        | Object::Obligation(_)
        | Object::Message(_)
        | Object::Stakeholder(_)
        | Object::System(_) => (String::new(), None),
    }
}

/// One group of a list, its objects in order.
pub struct Group<'a> {
    pub key: String,
    pub title: Option<String>,
    pub objects: Vec<Object<'a>>,
}

/// The list of one kind: its groups, and each of its pages as parts of them.
pub struct List<'a> {
    pub page: SitePage,
    pub groups: Vec<Group<'a>>,
    /// Per page: (group, range of the group's objects) in order.
    pages: Vec<Vec<(usize, Range<usize>)>>,
}

/// Every list of the site, made once per build and read by every page.
#[derive(Default)]
pub struct Lists<'a> {
    lists: BTreeMap<usize, List<'a>>,
}

impl<'a> Lists<'a> {
    /// The lists of every kind that has a list page; `words` gives a key's text in the
    /// handbook's language.
    pub fn new(handbook: &'a Handbook, words: &dyn Fn(&str) -> String) -> Self {
        let mut lists = BTreeMap::new();
        for kind in Kind::ALL {
            let Some(page) = kind.spec().list else { continue };
            let mut groups: Vec<Group<'a>> = Vec::new();
            for object in in_order(handbook, kind) {
                let (key, title) = group_of(handbook, words, object);
                match groups.last_mut() {
                    Some(group) if group.key == key => group.objects.push(object),
                    _ => groups.push(Group {
                        key,
                        title,
                        objects: vec![object],
                    }),
                }
            }
            let pages = paginate(&groups.iter().map(|g| g.objects.len()).collect::<Vec<_>>());
            lists.insert(page as usize, List { page, groups, pages });
        }
        Lists { lists }
    }

    /// The list shown on `page`, if it is a list page.
    pub fn of(&self, page: SitePage) -> Option<&List<'a>> {
        self.lists.get(&(page as usize))
    }

    /// The list of a kind's objects, if it has one.
    pub fn of_kind(&self, kind: Kind) -> Option<&List<'a>> {
        kind.spec().list.and_then(|page| self.of(page))
    }

    /// How many pages the site page `page` has: those of its list, else one.
    pub fn page_count(&self, page: SitePage) -> usize {
        self.of(page).map_or(1, |list| list.pages.len())
    }
}

/// Pages of at most [`PAGE_SIZE`] entries for groups of these sizes: a group that fits on a
/// page but not in what is left of the current one starts the next page; a longer group is
/// split. Always at least one page (an empty list has an empty page).
fn paginate(sizes: &[usize]) -> Vec<Vec<(usize, Range<usize>)>> {
    let mut pages: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new()];
    let mut used = 0;
    for (group, &size) in sizes.iter().enumerate() {
        if used > 0 && used + size > PAGE_SIZE && size <= PAGE_SIZE {
            pages.push(Vec::new());
            used = 0;
        }
        let mut start = 0;
        while start < size {
            if used == PAGE_SIZE {
                pages.push(Vec::new());
                used = 0;
            }
            let end = size.min(start + PAGE_SIZE - used);
            pages
                .last_mut()
                .expect("one page at least")
                .push((group, start..end));
            used += end - start;
            start = end;
        }
    }
    pages
}

impl<'a> List<'a> {
    /// How many objects the list has.
    pub fn total(&self) -> usize {
        self.groups.iter().map(|g| g.objects.len()).sum()
    }

    /// Where group `group` starts, as a link from `from`: its list page and anchor.
    fn group_href(&self, from: &str, group: usize) -> String {
        let page = self
            .pages
            .iter()
            .position(|parts| parts.iter().any(|(g, _)| *g == group))
            .unwrap_or(0);
        let anchor = format!("group-{}", self.groups[group].key);
        urls::href(from, &self.page.list_page(page), Some(&anchor))
    }

    /// Every group with its size and where it starts; `untitled` names a group without a
    /// heading (documents outside folders).
    pub fn index(&self, from: &str, untitled: &str) -> Vec<GroupLink> {
        (0..self.groups.len())
            .map(|g| GroupLink {
                title: self.groups[g]
                    .title
                    .clone()
                    .unwrap_or_else(|| untitled.to_string()),
                count: self.groups[g].objects.len(),
                href: self.group_href(from, g),
            })
            .collect()
    }

    /// Page `number` (from 0) as its template gets it, each object made an entry by `entry`
    /// (which is given the page's path, and the list's objects only).
    pub fn view<E>(
        &self,
        number: usize,
        untitled: &str,
        entry: impl Fn(&str, Object<'a>) -> Option<E>,
    ) -> ListView<E> {
        let path = self.page.list_page(number);
        let groups = self.pages[number]
            .iter()
            .map(|(g, range)| {
                let group = &self.groups[*g];
                GroupView {
                    key: group.key.clone(),
                    title: group.title.clone(),
                    continued: range.start > 0,
                    entries: group.objects[range.clone()]
                        .iter()
                        .filter_map(|o| entry(&path, *o))
                        .collect(),
                }
            })
            .collect();
        let paged = self.pages.len() > 1;
        ListView {
            groups,
            pager: paged.then(|| self.pager(number, &path)),
            index: if paged {
                self.index(&path, untitled)
            } else {
                Vec::new()
            },
        }
    }

    /// The links between the pages: previous, next, the first and last, and the two on each
    /// side of this one; `None` in `pages` stands for the pages left out between.
    fn pager(&self, number: usize, path: &str) -> Pager {
        let total = self.pages.len();
        let link = |n: usize| urls::href(path, &self.page.list_page(n), None);
        let mut pages = Vec::new();
        for n in 0..total {
            let shown = n == 0 || n + 1 == total || n.abs_diff(number) <= 2;
            if shown {
                pages.push(Some(PagerLink {
                    number: n + 1,
                    href: link(n),
                    current: n == number,
                }));
            } else if pages.last().is_some_and(Option::is_some) {
                pages.push(None);
            }
        }
        Pager {
            number: number + 1,
            total,
            previous: number.checked_sub(1).map(link),
            next: (number + 1 < total).then(|| link(number + 1)),
            pages,
        }
    }
}

/// One page of a list, for its template.
#[derive(Serialize)]
pub struct ListView<E> {
    pub groups: Vec<GroupView<E>>,
    /// Links to the list's other pages; `None` where the list has one page.
    pub pager: Option<Pager>,
    /// Where the list has several pages: every group with its size and where it starts.
    pub index: Vec<GroupLink>,
}

#[derive(Serialize)]
pub struct GroupView<E> {
    /// The end of the group's anchor, `group-<key>`.
    pub key: String,
    pub title: Option<String>,
    /// The group began on the page before.
    pub continued: bool,
    pub entries: Vec<E>,
}

#[derive(Serialize)]
pub struct GroupLink {
    pub title: String,
    pub count: usize,
    pub href: String,
}

#[derive(Serialize)]
pub struct Pager {
    /// This page's number, from 1, and how many there are.
    pub number: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<Option<PagerLink>>,
}

#[derive(Serialize)]
pub struct PagerLink {
    pub number: usize,
    pub href: String,
    pub current: bool,
}

/// The entries of a page's groups as the rows of one table, the first row of each group that
/// starts on this page given the group's anchor by `mark`.
pub fn rows<E>(groups: Vec<GroupView<E>>, mark: impl Fn(&mut E, String)) -> Vec<E> {
    let mut rows = Vec::new();
    for group in groups {
        let start = rows.len();
        rows.extend(group.entries);
        if !group.continued
            && let Some(first) = rows.get_mut(start)
        {
            mark(first, format!("group-{}", group.key));
        }
    }
    rows
}

/// A list cut to [`SHORT`] entries, and how many were left out.
pub fn cut<T>(mut items: Vec<T>) -> (Vec<T>, usize) {
    let more = items.len().saturating_sub(SHORT);
    items.truncate(SHORT);
    (items, more)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(sizes: &[usize]) -> Vec<Vec<(usize, usize, usize)>> {
        paginate(sizes)
            .into_iter()
            .map(|page| page.into_iter().map(|(g, r)| (g, r.start, r.end)).collect())
            .collect()
    }

    #[test]
    fn short_lists_are_one_page_and_groups_that_fit_are_not_split() {
        assert_eq!(shape(&[]), [Vec::new()]);
        assert_eq!(shape(&[8]), [vec![(0, 0, 8)]]);
        assert_eq!(shape(&[40, 60]), [vec![(0, 0, 40), (1, 0, 60)]]);
        assert_eq!(shape(&[40, 61]), [vec![(0, 0, 40)], vec![(1, 0, 61)]]);
    }

    #[test]
    fn long_groups_are_split_into_full_pages() {
        assert_eq!(
            shape(&[30, 250, 10]),
            [
                vec![(0, 0, 30), (1, 0, 70)],
                vec![(1, 70, 170)],
                vec![(1, 170, 250), (2, 0, 10)]
            ]
        );
        assert!(
            paginate(&[10_000])
                .iter()
                .all(|p| p.iter().map(|(_, r)| r.len()).sum::<usize>() <= PAGE_SIZE)
        );
    }

    #[test]
    fn cut_keeps_the_first_and_counts_the_rest() {
        assert_eq!(cut((0..8).collect()), ((0..8).collect(), 0));
        assert_eq!(cut((0..60).collect::<Vec<_>>()).1, 10);
    }
}
