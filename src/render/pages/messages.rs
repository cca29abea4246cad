//! `messages.html`: every message template. Messages to suppliers link to the copy filled in
//! on each supplier's page; the others are shown filled in for the organisation.

use serde::Serialize;

use crate::model::{Audience, Kind};
use crate::render::context::{Ctx, LinkView};
use crate::render::urls;

const PAGE: &str = "messages.html";

#[derive(Serialize)]
pub struct MessagesPage<'a> {
    messages: Vec<MessageView<'a>>,
}

#[derive(Serialize)]
struct MessageView<'a> {
    id: &'a str,
    title: &'a str,
    audience: &'a str,
    /// Filled in (other audiences) or as written, with its placeholders (suppliers).
    subject: Option<String>,
    body: String,
    /// The suppliers' pages with the copy filled in: the first
    /// [`crate::render::lists::SHORT`], and "and 12 more" (each supplier's page has its copy).
    suppliers: Vec<LinkView>,
    suppliers_more: Option<String>,
}

pub fn view<'a>(ctx: &'a Ctx<'a>) -> MessagesPage<'a> {
    let messages = ctx
        .main
        .messages
        .iter()
        .map(|m| {
            let to_suppliers = m.audience == Audience::Supplier;
            // Messages to suppliers are shown as written; each supplier page has its copy.
            let text = |part: &str, t: &str| match to_suppliers {
                true => t.to_string(),
                false => ctx.messages.fill(m, part, None).unwrap_or_else(|_| t.to_string()),
            };
            let anchor = format!("message-{}", m.id.value);
            let all = match to_suppliers {
                true => ctx.handbook.suppliers.len(),
                false => 0,
            };
            let shown = all.min(crate::render::lists::SHORT);
            MessageView {
                id: m.id.as_str(),
                title: &m.title,
                audience: ctx.t(m.audience.label()),
                subject: m.subject.as_ref().map(|s| text("subject", &s.text)),
                body: text("body", &m.body.text),
                suppliers: ctx.handbook.suppliers[..shown]
                    .iter()
                    .map(|s| LinkView {
                        text: s.name.clone(),
                        href: urls::href(PAGE, &Kind::Supplier.target(s.id.as_str()).0, Some(&anchor)),
                    })
                    .collect(),
                suppliers_more: ctx.and_more(all - shown),
            }
        })
        .collect();
    MessagesPage { messages }
}
