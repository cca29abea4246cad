//! Every id the handbook defines, by kind, with the anchors inside each object: what
//! references and links are checked against.

use std::collections::{HashMap, HashSet};

use crate::diag::Diagnostic;
use crate::markdown::Outline;
use crate::model::{Handbook, Kind, Ref};
use crate::source::FileId;
use crate::suggest::did_you_mean;

/// Section anchors of a supplier page that `supplier:<id>#<anchor>` may name.
pub const SUPPLIER_SECTIONS: [&str; 6] = [
    "contacts",
    "escalation",
    "contract",
    "certifications",
    "messages",
    "involved",
];

pub struct Index<'a> {
    ids: HashMap<Kind, HashSet<&'a str>>,
    /// Kinds whose list may be incomplete because handbook.yaml failed to load: unknown ids
    /// of these kinds are not reported, the load error already was.
    incomplete: HashSet<Kind>,
    phase_anchors: HashMap<&'a str, Vec<String>>,
    outlines: HashMap<Kind, HashMap<&'a str, &'a Outline>>,
    /// Paths of `content/static/` files in the site.
    static_files: HashSet<&'a str>,
    /// `content/playbooks/x.md` -> (Playbook, "x"), for relative links.
    doc_paths: HashMap<String, (Kind, &'a str)>,
}

impl<'a> Index<'a> {
    pub fn new(handbook: &'a Handbook, paths: impl Fn(FileId) -> &'a str) -> Self {
        let mut ids: HashMap<Kind, HashSet<&'a str>> = HashMap::new();
        let mut incomplete = HashSet::new();
        match &handbook.main {
            Some(main) => {
                ids.insert(
                    Kind::Severity,
                    main.severities.iter().map(|s| s.id.as_str()).collect(),
                );
                ids.insert(Kind::Role, main.roles.iter().map(|r| r.id.as_str()).collect());
                ids.insert(
                    Kind::Obligation,
                    main.obligations.iter().map(|o| o.id.as_str()).collect(),
                );
                ids.insert(
                    Kind::Message,
                    main.messages.iter().map(|m| m.id.as_str()).collect(),
                );
            }
            None => incomplete.extend([Kind::Severity, Kind::Role, Kind::Obligation, Kind::Message]),
        }
        ids.insert(
            Kind::Supplier,
            handbook.suppliers.iter().map(|s| s.id.as_str()).collect(),
        );
        ids.insert(Kind::Plan, handbook.plans.iter().map(|p| p.id.as_str()).collect());
        ids.insert(
            Kind::Playbook,
            handbook.playbooks.iter().map(|d| d.id.as_str()).collect(),
        );
        ids.insert(Kind::Page, handbook.pages.iter().map(|d| d.id.as_str()).collect());
        let mut doc_paths: HashMap<String, (Kind, &'a str)> = HashMap::new();
        for (kind, id, file) in &handbook.unreadable {
            ids.entry(*kind).or_default().insert(id.as_str());
            doc_paths.insert(paths(*file).to_string(), (*kind, id.as_str()));
        }
        let phase_anchors = handbook
            .plans
            .iter()
            .map(|p| (p.id.as_str(), plan_anchors(p)))
            .collect();
        let docs: Vec<_> = handbook
            .playbooks
            .iter()
            .map(|d| (Kind::Playbook, d))
            .chain(handbook.pages.iter().map(|d| (Kind::Page, d)))
            .collect();
        let mut outlines: HashMap<Kind, HashMap<&'a str, &'a Outline>> = HashMap::new();
        for (kind, d) in &docs {
            outlines
                .entry(*kind)
                .or_default()
                .insert(d.id.as_str(), &d.outline);
        }
        doc_paths.extend(
            docs.iter()
                .map(|(kind, d)| (paths(d.file).to_string(), (*kind, d.id.as_str()))),
        );
        let static_files = handbook.static_files.iter().map(|s| s.path.as_str()).collect();
        Index {
            ids,
            incomplete,
            phase_anchors,
            outlines,
            static_files,
            doc_paths,
        }
    }

    /// Whether `id` is known, or cannot be judged because its list failed to load.
    pub fn accepts(&self, kind: Kind, id: &str) -> bool {
        self.contains(kind, id) || self.incomplete.contains(&kind)
    }

    pub fn contains(&self, kind: Kind, id: &str) -> bool {
        self.ids.get(&kind).is_some_and(|ids| ids.contains(id))
    }

    /// The ids of `kind`, in no particular order.
    pub fn ids(&self, kind: Kind) -> Vec<&'a str> {
        self.ids
            .get(&kind)
            .map_or_else(Vec::new, |ids| ids.iter().copied().collect())
    }

    /// The index's own copy of `id`, if it is known.
    pub fn get(&self, kind: Kind, id: &str) -> Option<&'a str> {
        self.ids.get(&kind)?.get(id).copied()
    }

    pub fn outline(&self, kind: Kind, id: &str) -> Option<&'a Outline> {
        self.outlines.get(&kind)?.get(id).copied()
    }

    pub fn has_static_file(&self, path: &str) -> bool {
        self.static_files.contains(path)
    }

    pub fn doc_at(&self, path: &str) -> Option<(Kind, &'a str)> {
        self.doc_paths.get(path).copied()
    }

    /// Whether `anchor` exists inside object `id` of `kind`; `None` if the kind has no anchors.
    pub fn has_anchor(&self, kind: Kind, id: &str, anchor: &str) -> Option<bool> {
        match kind {
            Kind::Plan => Some(
                self.phase_anchors
                    .get(id)
                    .is_none_or(|a| a.iter().any(|x| x == anchor)),
            ),
            Kind::Playbook | Kind::Page => Some(self.outline(kind, id).is_none_or(|o| o.has_anchor(anchor))),
            Kind::Supplier => Some(SUPPLIER_SECTIONS.contains(&anchor)),
            _ => None,
        }
    }

    /// The anchors `has_anchor` accepts, for a hint.
    pub fn anchors(&self, kind: Kind, id: &str) -> Vec<String> {
        match kind {
            Kind::Plan => self.phase_anchors.get(id).cloned().unwrap_or_default(),
            Kind::Playbook | Kind::Page => self
                .outline(kind, id)
                .map(|o| o.headings.iter().map(|h| h.anchor.clone()).collect())
                .unwrap_or_default(),
            Kind::Supplier => SUPPLIER_SECTIONS.iter().map(|s| s.to_string()).collect(),
            _ => Vec::new(),
        }
    }

    /// An error for `reference` if it names no object of `kind`.
    pub fn check(&self, kind: Kind, reference: &Ref, file: FileId) -> Option<Diagnostic> {
        if self.accepts(kind, reference) {
            return None;
        }
        let message = format!("unknown {} `{}`", kind.name(), reference.value);
        Some(
            Diagnostic::error(message)
                .at(file, reference.span.clone())
                .help(self.unknown_help(kind, reference)),
        )
    }

    pub fn unknown_help(&self, kind: Kind, given: &str) -> String {
        let known = self.ids(kind);
        match did_you_mean(given, known.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => known_list(kind, &known),
        }
    }
}

/// A plan's anchors: its phases, and its steps as `step-2-1` (phase 2, step 1).
fn plan_anchors(plan: &crate::model::Plan) -> Vec<String> {
    let phases = plan.phases.iter().map(|ph| ph.anchor());
    let steps = plan
        .phases
        .iter()
        .enumerate()
        .flat_map(|(p, ph)| (0..ph.steps.len()).map(move |s| format!("step-{}-{}", p + 1, s + 1)));
    phases.chain(steps).collect()
}

/// "known roles: a, b, c" (at most ten), or where they are defined when there are none.
pub fn known_list(kind: Kind, known: &[&str]) -> String {
    if known.is_empty() {
        return format!("no {} is defined", kind.name());
    }
    let mut names: Vec<_> = known.to_vec();
    names.sort_unstable();
    let shown: Vec<_> = names.iter().take(10).map(|n| format!("`{n}`")).collect();
    let more = if names.len() > 10 {
        format!(" and {} more", names.len() - 10)
    } else {
        String::new()
    };
    format!("known {}s: {}{more}", kind.name(), shown.join(", "))
}
