//! Who is involved where: the plan steps and documents that name each object (the steps a
//! role is responsible for, the steps and playbooks that involve a supplier, ...).

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use super::{Index, LinkTarget, classify};
use crate::model::{Doc, Handbook, Kind, Plan, Record, Step};

/// A plan step, addressed as it is printed: plan, phase anchor and `phase.step` number.
#[derive(Debug, Clone, Copy)]
pub struct StepRef<'a> {
    pub plan: &'a Record<Plan>,
    pub phase: usize,
    pub step: usize,
    pub item: &'a Step,
}

impl StepRef<'_> {
    /// "2.3": phases and steps counted from 1.
    pub fn number(&self) -> String {
        format!("{}.{}", self.phase + 1, self.step + 1)
    }

    /// The id of the step's row on the plan page.
    pub fn anchor(&self) -> String {
        format!("step-{}-{}", self.phase + 1, self.step + 1)
    }
}

/// An object by kind and id.
type Named<'a> = (Kind, &'a str);

/// Who names whom: for each object, the plan steps and documents that involve it. Worked out
/// once by the resolver; every page that lists "involved in" reads it from here.
#[derive(Default)]
pub struct Backlinks<'a> {
    steps: HashMap<Kind, HashMap<&'a str, Vec<StepRef<'a>>>>,
    docs: HashMap<Kind, HashMap<&'a str, Vec<Named<'a>>>>,
}

impl<'a> Backlinks<'a> {
    pub fn new(handbook: &'a Handbook, index: &Index<'a>) -> Self {
        let mut links = Backlinks::default();
        for plan in &handbook.plans {
            for (p, phase) in plan.phases.iter().enumerate() {
                for (s, item) in phase.steps.iter().enumerate() {
                    let step = StepRef {
                        plan,
                        phase: p,
                        step: s,
                        item,
                    };
                    for (kind, id) in step_names(item) {
                        if let Some(known) = index.get(kind, id) {
                            links
                                .steps
                                .entry(kind)
                                .or_default()
                                .entry(known)
                                .or_default()
                                .push(step);
                        }
                    }
                }
            }
        }
        let docs: Vec<(Kind, &'a Record<Doc>)> = [Kind::Playbook, Kind::Page]
            .into_iter()
            .flat_map(|kind| handbook.docs(kind).iter().map(move |d| (kind, d)))
            .collect();
        let named: Vec<(Kind, &'a str, Vec<Named<'a>>)> = docs
            .par_iter()
            .map(|(kind, doc)| (*kind, doc.id.as_str(), doc_names(doc, index)))
            .collect();
        for (kind, id, objects) in named {
            for (of, named) in objects {
                links
                    .docs
                    .entry(of)
                    .or_default()
                    .entry(named)
                    .or_default()
                    .push((kind, id));
            }
        }
        links
    }

    /// The plan steps that name the object (a role: those it is responsible for).
    pub fn steps(&self, kind: Kind, id: &str) -> &[StepRef<'a>] {
        self.steps
            .get(&kind)
            .and_then(|of| of.get(id))
            .map_or(&[], Vec::as_slice)
    }

    /// The playbooks and pages that name the object in their front matter or link to it.
    pub fn docs(&self, kind: Kind, id: &str) -> &[(Kind, &'a str)] {
        self.docs
            .get(&kind)
            .and_then(|of| of.get(id))
            .map_or(&[], Vec::as_slice)
    }
}

/// The objects a step names, each once.
fn step_names(step: &Step) -> Vec<(Kind, &str)> {
    let mut names: Vec<(Kind, &str)> = step
        .responsible
        .iter()
        .map(|r| (Kind::Role, r.as_str()))
        .collect();
    let lists = [
        (Kind::Supplier, &step.suppliers),
        (Kind::Party, &step.parties),
        (Kind::System, &step.systems),
    ];
    for (kind, ids) in lists {
        names.extend(ids.iter().map(|id| (kind, id.as_str())));
    }
    let single = [
        (Kind::Obligation, &step.obligation),
        (Kind::Message, &step.message),
        (Kind::Form, &step.form),
    ];
    for (kind, id) in single {
        names.extend(id.iter().map(|id| (kind, id.as_str())));
    }
    names.sort_unstable();
    names.dedup();
    names
}

/// The objects a document names in its front matter or links to, each once, as the index
/// spells them.
fn doc_names<'a>(doc: &'a Record<Doc>, index: &Index<'a>) -> Vec<(Kind, &'a str)> {
    let front = &doc.front;
    let mut named: Vec<(Kind, &'a str)> = Vec::new();
    let lists = [
        (Kind::Supplier, &front.suppliers),
        (Kind::Plan, &front.plans),
        (Kind::Obligation, &front.obligations),
    ];
    for (kind, ids) in lists {
        named.extend(ids.iter().filter_map(|id| Some((kind, index.get(kind, id)?))));
    }
    for link in &doc.outline.links {
        if let LinkTarget::Object { kind, id, .. } = classify(&link.dest)
            && let Some(known) = index.get(kind, id)
        {
            named.push((kind, known));
        }
    }
    named.sort_unstable();
    named.dedup();
    named
}
