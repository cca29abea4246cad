//! Every object the handbook defines, by kind and id, with the anchors inside each: what
//! references and links are checked against, and what pages look names and records up in.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::diag::Diagnostic;
use crate::markdown::Outline;
use crate::model::{Anchors, BUILT_IN_FORMS, Defined, Handbook, Kind, Object, Ref};
use crate::source::FileId;
use crate::suggest::did_you_mean;

pub struct Index<'a> {
    /// Kind -> id -> the object, for every object that loaded.
    objects: HashMap<Kind, HashMap<&'a str, Object<'a>>>,
    /// Ids that exist without an object to show: files that did not load, built-in forms.
    other_ids: HashMap<Kind, HashSet<&'a str>>,
    /// Kinds whose list may be incomplete because handbook.yaml failed to load: unknown ids
    /// of these kinds are not reported, the load error already was.
    incomplete: HashSet<Kind>,
    phase_anchors: HashMap<&'a str, Vec<String>>,
    /// Paths of `content/static/` files in the site.
    static_files: HashSet<&'a str>,
    /// `content/playbooks/x.md` -> (Playbook, "x"), for relative links.
    doc_paths: HashMap<String, (Kind, &'a str)>,
}

impl<'a> Index<'a> {
    pub fn new(handbook: &'a Handbook, paths: impl Fn(FileId) -> &'a str) -> Self {
        let mut objects: HashMap<Kind, HashMap<&'a str, Object<'a>>> = HashMap::default();
        let mut incomplete = HashSet::default();
        for kind in Kind::ALL {
            if handbook.main.is_none() && matches!(kind.spec().defined, Defined::InHandbook(_)) {
                incomplete.insert(kind);
            }
            let of_kind = objects.entry(kind).or_default();
            for object in handbook.objects(kind) {
                of_kind.entry(object.id()).or_insert(object);
            }
        }
        let mut other_ids: HashMap<Kind, HashSet<&'a str>> = HashMap::default();
        other_ids.entry(Kind::Form).or_default().extend(BUILT_IN_FORMS);
        if let Some(main) = &handbook.main {
            for (list, id) in &main.cut_ids {
                let kind = Kind::ALL
                    .into_iter()
                    .find(|k| matches!(k.spec().defined, Defined::InHandbook(key) if key == list.as_str()));
                if let Some(kind) = kind {
                    other_ids.entry(kind).or_default().insert(id.as_str());
                }
            }
        }
        let mut doc_paths: HashMap<String, (Kind, &'a str)> = HashMap::default();
        for (kind, id, file) in &handbook.unreadable {
            other_ids.entry(*kind).or_default().insert(id.as_str());
            doc_paths.insert(paths(*file).to_string(), (*kind, id.as_str()));
        }
        let phase_anchors = handbook
            .plans
            .iter()
            .map(|p| (p.id.as_str(), plan_anchors(p)))
            .collect();
        for kind in [Kind::Playbook, Kind::Page] {
            doc_paths.extend(
                handbook
                    .docs(kind)
                    .iter()
                    .map(|d| (paths(d.file).to_string(), (kind, d.id.as_str()))),
            );
        }
        let static_files = handbook.static_files.iter().map(|s| s.path.as_str()).collect();
        Index {
            objects,
            other_ids,
            incomplete,
            phase_anchors,
            static_files,
            doc_paths,
        }
    }

    /// The object of `kind` with `id`, if it loaded.
    pub fn object(&self, kind: Kind, id: &str) -> Option<Object<'a>> {
        self.objects.get(&kind)?.get(id).copied()
    }

    /// What a link to the object says: its name or title; `""` if it is not known.
    pub fn name(&self, kind: Kind, id: &str) -> &'a str {
        self.object(kind, id).map_or("", Object::name)
    }

    /// Whether `id` is known, or cannot be judged because its list failed to load.
    pub fn accepts(&self, kind: Kind, id: &str) -> bool {
        self.contains(kind, id) || self.incomplete.contains(&kind)
    }

    pub fn contains(&self, kind: Kind, id: &str) -> bool {
        self.get(kind, id).is_some()
    }

    /// The ids of `kind`, in no particular order.
    pub fn ids(&self, kind: Kind) -> Vec<&'a str> {
        let loaded = self
            .objects
            .get(&kind)
            .into_iter()
            .flat_map(|o| o.keys().copied());
        let other = self.other_ids.get(&kind).into_iter().flatten().copied();
        loaded.chain(other).collect()
    }

    /// The index's own copy of `id`, if it is known.
    pub fn get(&self, kind: Kind, id: &str) -> Option<&'a str> {
        self.object(kind, id)
            .map(Object::id)
            .or_else(|| self.other_ids.get(&kind)?.get(id).copied())
    }

    pub fn outline(&self, kind: Kind, id: &str) -> Option<&'a Outline> {
        self.object(kind, id)?.doc().map(|d| &d.outline)
    }

    pub fn has_static_file(&self, path: &str) -> bool {
        self.static_files.contains(path)
    }

    pub fn doc_at(&self, path: &str) -> Option<(Kind, &'a str)> {
        self.doc_paths.get(path).copied()
    }

    /// Whether `anchor` exists inside object `id` of `kind`; `None` if the kind has no anchors.
    pub fn has_anchor(&self, kind: Kind, id: &str, anchor: &str) -> Option<bool> {
        match kind.spec().anchors {
            Anchors::Phases => Some(
                self.phase_anchors
                    .get(id)
                    .is_none_or(|a| a.iter().any(|x| x == anchor)),
            ),
            Anchors::Headings => Some(self.outline(kind, id).is_none_or(|o| o.has_anchor(anchor))),
            Anchors::Sections(sections) => Some(sections.contains(&anchor)),
            Anchors::None => None,
        }
    }

    /// The anchors `has_anchor` accepts, for a hint.
    pub fn anchors(&self, kind: Kind, id: &str) -> Vec<String> {
        match kind.spec().anchors {
            Anchors::Phases => self.phase_anchors.get(id).cloned().unwrap_or_default(),
            Anchors::Headings => self
                .outline(kind, id)
                .map(|o| o.anchors().map(str::to_string).collect())
                .unwrap_or_default(),
            Anchors::Sections(sections) => sections.iter().map(|s| s.to_string()).collect(),
            Anchors::None => Vec::new(),
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
        if given.contains(',') {
            let items: Vec<&str> = given.split(',').map(str::trim).collect();
            return format!("to name several, write a list: `[{}]`", items.join(", "));
        }
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
    format!("known {}: {}{more}", kind.spec().plural, shown.join(", "))
}
