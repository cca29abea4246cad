//! Who is involved where: the plan steps and playbooks that name each supplier, and the steps
//! each role is responsible for.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::{Doc, Handbook, Kind, Plan, Record, Step};
use crate::resolve::{Index, LinkTarget, classify};

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

#[derive(Default)]
pub struct Backlinks<'a> {
    supplier_steps: HashMap<&'a str, Vec<StepRef<'a>>>,
    supplier_docs: HashMap<&'a str, Vec<(Kind, &'a str)>>,
    role_steps: HashMap<&'a str, Vec<StepRef<'a>>>,
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
                    links
                        .role_steps
                        .entry(item.responsible.as_str())
                        .or_default()
                        .push(step);
                    for supplier in &item.suppliers {
                        links
                            .supplier_steps
                            .entry(supplier.as_str())
                            .or_default()
                            .push(step);
                    }
                }
            }
        }
        let docs: Vec<(Kind, &'a Record<Doc>)> = handbook
            .playbooks
            .iter()
            .map(|d| (Kind::Playbook, d))
            .chain(handbook.pages.iter().map(|d| (Kind::Page, d)))
            .collect();
        let named: Vec<(Kind, &'a str, Vec<&'a str>)> = docs
            .par_iter()
            .map(|(kind, doc)| (*kind, doc.id.as_str(), suppliers_named(doc, index)))
            .collect();
        for (kind, id, suppliers) in named {
            for supplier in suppliers {
                links.supplier_docs.entry(supplier).or_default().push((kind, id));
            }
        }
        links
    }

    pub fn supplier_steps(&self, id: &str) -> &[StepRef<'a>] {
        self.supplier_steps.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn supplier_docs(&self, id: &str) -> &[(Kind, &'a str)] {
        self.supplier_docs.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn role_steps(&self, id: &str) -> &[StepRef<'a>] {
        self.role_steps.get(id).map_or(&[], Vec::as_slice)
    }
}

/// The suppliers a document names in its front matter or links to, each once.
fn suppliers_named<'a>(doc: &'a Record<Doc>, index: &Index<'a>) -> Vec<&'a str> {
    let mut named: Vec<&'a str> = doc.front.suppliers.iter().map(|s| s.as_str()).collect();
    for link in &doc.outline.links {
        if let LinkTarget::Object {
            kind: Kind::Supplier,
            id,
            ..
        } = classify(&link.dest)
            && let Some(known) = index.get(Kind::Supplier, id)
        {
            named.push(known);
        }
    }
    named.sort_unstable();
    named.dedup();
    named
}
