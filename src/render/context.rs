//! What every page is rendered from: the handbook, the index, the build date, and the shared
//! view pieces (layout, people, links) that templates receive as typed, borrowed structs.

use std::collections::BTreeMap;

use serde::Serialize;

use super::html::{self, Place};
use super::lists::Lists;
use super::paper::{RunningHeader, page_style};
use super::qr;
use super::urls;
use super::words::{self, DateView};
use crate::model::{
    BUILT_IN_FORMS, Date, Duration, Email, Handbook, HandbookFile, Kind, Markdown, NAVIGATION, Person,
    Record, SitePage, Spanned,
};
use crate::resolve::{Backlinks, Index, MessageTemplates};
use crate::source::{FileId, Sources};

/// Everything a page renderer may read. Built once per build; shared by all threads.
pub struct Ctx<'a> {
    pub handbook: &'a Handbook,
    pub main: &'a Record<HandbookFile>,
    /// Every object by kind and id, as the resolver found them.
    pub index: &'a Index<'a>,
    pub sources: &'a Sources,
    pub backlinks: &'a Backlinks<'a>,
    pub strings: BTreeMap<&'a str, &'a str>,
    pub today: Date,
    pub base_url: Option<String>,
    /// Every message template, compiled once by the resolver.
    pub messages: &'a MessageTemplates,
    /// The lists of each kind, cut into groups and pages.
    pub lists: Lists<'a>,
    /// The part of every page's `layout` that is the same on all of them, as template data:
    /// made once per build ([`Ctx::with_shared_layout`]), not once per page.
    pub shared_layout: tera::Map,
}

impl<'a> Ctx<'a> {
    pub fn source_path(&self, file: FileId) -> &'a str {
        &self.sources.get(file).path
    }

    /// Markdown from a YAML field of `file`, for `page`: raw HTML is shown as text.
    pub fn markdown(&self, text: &Markdown, file: FileId, page: &str) -> String {
        let place = Place {
            page,
            source: self.source_path(file),
            trusted: false,
            shift_headings: false,
            strings: &self.strings,
        };
        html::render(&text.text, &place, self.index, None)
    }

    /// A document's body: raw HTML is kept (CommonMark), heading ids come from its outline,
    /// headings are one level lower where the body has `#` headings besides the title.
    pub fn body(&self, doc: &Record<crate::model::Doc>, page: &str) -> String {
        let place = Place {
            page,
            source: self.source_path(doc.file),
            trusted: true,
            shift_headings: doc.shift_headings,
            strings: &self.strings,
        };
        html::render(&doc.body.text, &place, self.index, Some(&doc.outline))
    }

    pub fn opt_markdown(&self, text: Option<&Markdown>, file: FileId, page: &str) -> Option<String> {
        text.map(|t| self.markdown(t, file, page))
    }

    pub fn is_stale(&self, reviewed: Option<&Spanned<Date>>) -> bool {
        reviewed.is_some_and(|d| d.value.older_than(self.main.review_every, self.today))
    }

    pub fn language(&self) -> crate::model::Language {
        self.main.language
    }

    /// A date for a page: ISO for `<time datetime>` and in the handbook's language.
    pub fn date(&self, date: Date) -> DateView {
        words::date_view(self.language(), date)
    }

    /// A duration in words in the handbook's language ("2 timer", "1 Monat").
    pub fn duration(&self, duration: Duration) -> String {
        words::duration(self.language(), duration)
    }

    /// A duration after "within" or "after" labels: the dative in German ("3 Tagen").
    pub fn dative(&self, duration: Duration) -> String {
        words::dative(self.language(), duration)
    }

    /// "within 2 hours" in the handbook's language.
    pub fn within(&self, duration: Duration) -> String {
        words::within(self.language(), duration)
    }

    /// The compact due time of a checklist step, counted from detection ("+1 t").
    pub fn due(&self, within: Option<&Spanned<Duration>>) -> Option<String> {
        within.map(|w| words::due(self.language(), w.value))
    }

    pub fn t(&self, key: &str) -> &'a str {
        self.strings.get(key).copied().unwrap_or("")
    }

    /// "and 12 more" for the entries a list on a page left out (none: `None`).
    pub fn and_more(&self, left_out: usize) -> Option<String> {
        (left_out > 0).then(|| self.t("and_more").replace("{count}", &left_out.to_string()))
    }

    pub fn layout(&'a self, page: &str, title: String, nav_current: &str, landscape: bool) -> Layout<'a> {
        let main = &self.main.value;
        let nav = NAVIGATION
            .into_iter()
            .map(|(key, target)| {
                let (path, fragment) = target
                    .split_once('#')
                    .map_or((target, None), |(p, f)| (p, Some(f)));
                NavItem {
                    label: self.t(key),
                    href: urls::href(page, path, fragment),
                    current: key == nav_current,
                }
            })
            .collect();
        let header = RunningHeader {
            organization: &main.organization,
            title: &title,
            revision: main.revision.as_deref(),
            revision_label: self.t("revision"),
            page_label: self.t("page"),
            of_label: self.t("of"),
        };
        let (page_style, style_source) = page_style(main.paper, landscape, &header);
        let canonical = self
            .base_url
            .as_ref()
            .map(|base| format!("{}/{page}", base.trim_end_matches('/')));
        Layout {
            page_style,
            style_source,
            title,
            root: urls::root_prefix(page),
            qr: canonical
                .as_ref()
                .and_then(|url| qr::svg(url, &self.t("qr_label").replace("{url}", url))),
            canonical,
            nav,
        }
    }

    /// This context with [`Ctx::shared_layout`] made.
    pub fn with_shared_layout(mut self) -> Result<Self, tera::Error> {
        let main = &self.main.value;
        let built_text = words::date(main.language, self.today);
        let as_of = match main.revision.as_deref() {
            Some(revision) => format!("{} {revision}, {built_text}", self.t("revision")),
            None => built_text.clone(),
        };
        let shared = SharedLayout {
            lang: main.language.code(),
            t: &self.strings,
            organization: &main.organization,
            handbook_title: &main.title,
            revision: main.revision.as_deref(),
            timezone: main.timezone.as_ref().map(|t| t.as_str()),
            built: self.today.to_string(),
            built_text,
            offline_as_of: self.t("offline_ready").replace("{when}", &as_of),
        };
        let map = tera::Value::try_from_serializable(&shared)?.into_map();
        self.shared_layout = map.unwrap_or_default();
        Ok(self)
    }

    /// A page's template data: its `layout` (the page's own part with the shared part) and
    /// its `page` view.
    pub fn template_data(
        &self,
        layout: &Layout,
        page: &impl Serialize,
    ) -> Result<tera::Context, tera::Error> {
        let mut frame = tera::Value::try_from_serializable(layout)?
            .into_map()
            .unwrap_or_default();
        frame.extend(self.shared_layout.iter().map(|(k, v)| (k.clone(), v.clone())));
        let mut context = tera::Context::new();
        context.insert_value("layout", tera::Value::from(frame));
        context.insert_value("page", tera::Value::try_from_serializable(page)?);
        Ok(context)
    }

    pub fn link(&self, page: &str, kind: Kind, id: &str, text: impl Into<String>) -> LinkView {
        LinkView {
            text: text.into(),
            href: urls::object_href(page, kind, id, None),
        }
    }

    pub fn tier_label(&self, tier: crate::model::Tier) -> &'a str {
        self.t(tier.label())
    }

    /// A role's people, the first as primary.
    pub fn people(&self, role: &'a crate::model::Role) -> Vec<PersonView<'a>> {
        role.people
            .iter()
            .enumerate()
            .map(|(i, p)| PersonView::of(p, i == 0))
            .collect()
    }

    /// The name or title of an object: what a link to it says.
    pub fn name(&self, kind: Kind, id: &str) -> &'a str {
        match self.index.name(kind, id) {
            "" if kind == Kind::Form => forms_title(self, id),
            name => name,
        }
    }
}

/// The frame of one page: what differs from page to page. The rest of the template's
/// `layout` is [`SharedLayout`].
#[derive(Serialize)]
pub struct Layout<'a> {
    /// `@page` rules (paper, running header and footer) for a `<style>` element ...
    pub page_style: String,
    /// ... and the Content-Security-Policy source that allows exactly that element.
    pub style_source: String,
    pub title: String,
    /// `""` or `../`: prefix to the site root, for assets.
    pub root: String,
    pub canonical: Option<String>,
    pub nav: Vec<NavItem<'a>>,
    /// The page's online address as a QR code (an `<svg>`), for paper; only with `base_url`.
    pub qr: Option<String>,
}

/// The frame every page shares, in the template's `layout` beside [`Layout`].
#[derive(Serialize)]
struct SharedLayout<'a> {
    lang: &'static str,
    t: &'a BTreeMap<&'a str, &'a str>,
    organization: &'a str,
    handbook_title: &'a str,
    revision: Option<&'a str>,
    timezone: Option<&'a str>,
    /// The build date, ISO (for `<time datetime>` and machine use) ...
    built: String,
    /// ... and in the handbook's language.
    built_text: String,
    /// "Available offline, as of ...": shown by the script once the service worker is active.
    offline_as_of: String,
}

#[derive(Serialize)]
pub struct NavItem<'a> {
    pub label: &'a str,
    pub href: String,
    pub current: bool,
}

#[derive(Serialize, Clone)]
pub struct LinkView {
    pub text: String,
    pub href: String,
}

/// A person or contact with ready `tel:` and `mailto:` links.
#[derive(Serialize)]
pub struct PersonView<'a> {
    pub name: &'a str,
    pub title: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub tel: Option<String>,
    pub email: Option<&'a Email>,
    pub mailto: Option<String>,
    pub availability: Option<&'a str>,
    pub primary: bool,
}

impl<'a> PersonView<'a> {
    pub fn of(person: &'a Person, primary: bool) -> Self {
        PersonView {
            name: &person.name,
            title: person.title.as_deref(),
            phone: person.phone.as_ref().map(|p| p.as_str()),
            tel: person.phone.as_ref().map(|p| urls::tel(p)),
            email: person.email.as_deref(),
            mailto: person.email.as_ref().map(|e| urls::mailto(e, &[])),
            availability: person.availability.as_deref(),
            primary,
        }
    }
}

/// The title of a built-in form, in the handbook's language.
fn forms_title<'a>(ctx: &Ctx<'a>, id: &str) -> &'a str {
    let page = [SitePage::IncidentLog, SitePage::ChainOfCustody]
        .into_iter()
        .zip(BUILT_IN_FORMS)
        .find(|(_, form)| *form == id);
    page.map_or("", |(page, _)| ctx.t(page.spec().2))
}
