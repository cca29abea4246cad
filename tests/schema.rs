//! `irbook schema`: every YAML file of a new handbook, and the front matter of every example
//! playbook and page, is valid against its schema for an independent validator (the
//! `jsonschema` crate); a misspelt key or a value of the wrong type is not.

mod common;

use std::path::Path;

use common::irbook;
use serde_json::Value;
use yaml_rust2::{Yaml, YamlLoader};

/// A YAML document as JSON, as an editor's YAML extension sees it.
fn to_json(yaml: &Yaml) -> Value {
    match yaml {
        Yaml::Real(text) => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::String(text.clone()), Value::Number),
        Yaml::Integer(n) => Value::from(*n),
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(items) => Value::Array(items.iter().map(to_json).collect()),
        Yaml::Hash(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.as_str().expect("string keys").to_string(), to_json(v)))
                .collect(),
        ),
        Yaml::Null => Value::Null,
        other => panic!("unexpected YAML node {other:?}"),
    }
}

fn parse(text: &str) -> Value {
    let docs = YamlLoader::load_from_str(text).expect("valid YAML");
    to_json(&docs[0])
}

/// The front matter of a Markdown file: the YAML between the first two `---` lines.
fn front_matter(text: &str) -> Value {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("end of front matter");
    parse(&rest[..=end])
}

fn validator(schemas: &Path, name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(schemas.join(format!("{name}.schema.json"))).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name}: not a valid schema: {e}"))
}

fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

struct Setup {
    _dir: tempfile::TempDir,
    handbook: std::path::PathBuf,
    schemas: std::path::PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let handbook = dir.path().join("handbook");
    let schemas = dir.path().join("out");
    irbook().arg("init").arg(&handbook).assert().code(0);
    irbook().args(["schema", "--out"]).arg(&schemas).assert().code(0);
    Setup {
        _dir: dir,
        handbook,
        schemas,
    }
}

fn files(dir: &Path, ext: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn schema_writes_the_six_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let output = irbook()
        .arg("schema")
        .arg("--root")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    for name in ["handbook", "supplier", "plan", "party", "form", "front-matter"] {
        let path = dir.path().join("schemas").join(format!("{name}.schema.json"));
        assert!(path.is_file(), "{name}");
        assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    }
}

#[test]
fn every_file_of_a_new_handbook_is_valid() {
    let s = setup();
    let handbook = validator(&s.schemas, "handbook");
    let text = std::fs::read_to_string(s.handbook.join("handbook.yaml")).unwrap();
    assert_eq!(
        errors(&handbook, &parse(&text)),
        Vec::<String>::new(),
        "handbook.yaml"
    );
    let mut checked = 1;
    for (folder, name) in [
        ("suppliers", "supplier"),
        ("plans", "plan"),
        ("parties", "party"),
        ("forms", "form"),
    ] {
        let validator = validator(&s.schemas, name);
        for path in files(&s.handbook.join("content").join(folder), "yaml") {
            let value = parse(&std::fs::read_to_string(&path).unwrap());
            assert_eq!(
                errors(&validator, &value),
                Vec::<String>::new(),
                "{}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 11,
        "handbook.yaml, 8 suppliers and 2 plans at least: {checked}"
    );
    let front = validator(&s.schemas, "front-matter");
    let mut documents = 0;
    for folder in ["playbooks", "pages"] {
        for path in files(&s.handbook.join("content").join(folder), "md") {
            let value = front_matter(&std::fs::read_to_string(&path).unwrap());
            assert_eq!(errors(&front, &value), Vec::<String>::new(), "{}", path.display());
            documents += 1;
        }
    }
    assert!(documents >= 5, "4 playbooks and a page: {documents}");
}

#[test]
fn init_maps_the_yaml_files_to_the_schemas_for_vs_code() {
    let s = setup();
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(s.handbook.join(".vscode/settings.json")).unwrap())
            .unwrap();
    let mapping = settings["yaml.schemas"].as_object().unwrap();
    for (schema, glob) in [
        ("handbook", "handbook.yaml"),
        ("supplier", "content/suppliers/*.yaml"),
        ("plan", "content/plans/*.yaml"),
        ("party", "content/parties/*.yaml"),
        ("form", "content/forms/*.yaml"),
    ] {
        let path = format!("./schemas/{schema}.schema.json");
        assert_eq!(mapping[&path], glob, "{path}");
        let written = std::fs::read(s.handbook.join(&path)).unwrap();
        let fresh = std::fs::read(s.schemas.join(format!("{schema}.schema.json"))).unwrap();
        assert_eq!(
            written, fresh,
            "init and `irbook schema` write the same {schema} schema"
        );
    }
}

const SUPPLIER: &str = "name: Nordhost A/S
tier: critical
services: [hosting]
contacts:
  - name: NOC
    email: noc@nordhost.test
    phone: \"+45 70 00 00 00\"
contract:
  notify_within: 24h
";

#[test]
fn a_misspelt_key_or_a_wrong_type_is_invalid() {
    let s = setup();
    let supplier = validator(&s.schemas, "supplier");
    assert_eq!(errors(&supplier, &parse(SUPPLIER)), Vec::<String>::new());
    let bad = [
        (
            "misspelt key in a contact",
            SUPPLIER.replace("    email:", "    emial:"),
        ),
        (
            "misspelt top-level key",
            format!("{SUPPLIER}last_reviewd: 2026-01-01\n"),
        ),
        (
            "services as a number",
            SUPPLIER.replace("services: [hosting]", "services: 5"),
        ),
        ("unknown tier", SUPPLIER.replace("tier: critical", "tier: vital")),
        ("duration without a number", SUPPLIER.replace("24h", "soon")),
        (
            "missing contacts",
            SUPPLIER.split("contacts:").next().unwrap().to_string(),
        ),
        (
            "no contacts",
            format!("{}contacts: []\n", SUPPLIER.split("contacts:").next().unwrap()),
        ),
    ];
    for (what, text) in bad {
        assert!(
            !errors(&supplier, &parse(&text)).is_empty(),
            "{what} must be invalid:\n{text}"
        );
    }

    let plan = validator(&s.schemas, "plan");
    let good_plan = "title: Recover
phases:
  - title: Contain
    steps:
      - action: Isolate the host
        responsible: [it-lead, vendor-liaison]
        within: 1h 30m
      - action: Call the supplier
        responsible: vendor-liaison
        suppliers: [nordhost]
";
    assert_eq!(errors(&plan, &parse(good_plan)), Vec::<String>::new());
    let bad = [
        ("misspelt step key", good_plan.replace("within:", "whithin:")),
        (
            "suppliers as a number",
            good_plan.replace("suppliers: [nordhost]", "suppliers: 5"),
        ),
        (
            "responsible as an empty list",
            good_plan.replace("[it-lead, vendor-liaison]", "[]"),
        ),
        (
            "form as a number",
            good_plan.replace("responsible: vendor-liaison", "responsible: x\n        form: 3"),
        ),
        ("phases as a map", "title: X\nphases:\n  contain: 1\n".to_string()),
        ("no phases", "title: X\nphases: []\n".to_string()),
    ];
    for (what, text) in bad {
        assert!(
            !errors(&plan, &parse(&text)).is_empty(),
            "{what} must be invalid:\n{text}"
        );
    }

    let handbook = validator(&s.schemas, "handbook");
    let text = std::fs::read_to_string(s.handbook.join("handbook.yaml")).unwrap();
    let mut value = parse(&text);
    value["severities"][0]["id"] = "Sev 1".into();
    assert!(
        !errors(&handbook, &value).is_empty(),
        "an id with a space must be invalid"
    );
    let mut value = parse(&text);
    value["severities"][0]["respond_within"] = 4.into();
    assert!(
        !errors(&handbook, &value).is_empty(),
        "a duration as a number must be invalid"
    );

    let front = validator(&s.schemas, "front-matter");
    assert_eq!(
        errors(&front, &parse("title: X\ntags: [a]\n")),
        Vec::<String>::new()
    );
    assert!(!errors(&front, &parse("title: X\ntag: [a]\n")).is_empty());
    assert!(!errors(&front, &parse("title: X\nlast_reviewed: 1.1.2026\n")).is_empty());
}

/// The description of a property: its own, or else that of the definition it refers to, by
/// `$ref` or through a branch of `anyOf`/`oneOf`/`allOf` (as an optional value is written).
fn description<'a>(root: &'a Value, schema: &'a Value) -> Option<&'a str> {
    let own = schema.get("description").and_then(Value::as_str);
    if let Some(own) = own.filter(|d| !d.trim().is_empty()) {
        return Some(own);
    }
    let target = schema
        .get("$ref")
        .and_then(Value::as_str)
        .map(|r| resolve(root, r));
    let branches = ["anyOf", "oneOf", "allOf"]
        .into_iter()
        .filter_map(|k| schema.get(k).and_then(Value::as_array))
        .flatten();
    target
        .into_iter()
        .chain(branches)
        .find_map(|s| description(root, s))
}

fn resolve<'a>(root: &'a Value, reference: &str) -> &'a Value {
    let pointer = reference
        .strip_prefix('#')
        .unwrap_or_else(|| panic!("not local: {reference}"));
    root.pointer(pointer)
        .unwrap_or_else(|| panic!("dangling {reference}"))
}

/// A walk over every subschema of one schema (properties, definitions, items, branches,
/// `$ref`s, each definition once) that lists the keys without a description, and the fixed
/// values (`enum`, `const`) without one: what an editor would show no help for.
struct Walk<'a> {
    root: &'a Value,
    seen: Vec<String>,
    keys: usize,
    missing: Vec<String>,
}

impl<'a> Walk<'a> {
    fn definition(&mut self, reference: &str) {
        if !self.seen.iter().any(|s| s == reference) {
            self.seen.push(reference.to_string());
            self.schema(resolve(self.root, reference), reference);
        }
    }

    fn schema(&mut self, schema: &'a Value, at: &str) {
        let Some(object) = schema.as_object() else {
            return;
        };
        if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
            self.definition(reference);
        }
        for (key, property) in object
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let at = format!("{at}/{key}");
            self.keys += 1;
            if description(self.root, property).is_none() {
                self.missing.push(format!("key {at}"));
            }
            self.schema(property, &at);
        }
        let values = object.get("enum").and_then(Value::as_array).map_or(0, Vec::len);
        let fixed = values == 1 || object.contains_key("const");
        let described = object
            .get("description")
            .and_then(Value::as_str)
            .is_some_and(|d| !d.is_empty());
        if values > 1 || (fixed && !described) {
            self.missing.push(format!("values of {at}: {schema}"));
        }
        for key in ["$defs", "definitions"] {
            for name in object
                .get(key)
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .map(|d| d.0)
            {
                self.definition(&format!("#/{key}/{name}"));
            }
        }
        if let Some(items) = object.get("items") {
            self.schema(items, &format!("{at}[]"));
        }
        for key in ["anyOf", "oneOf", "allOf"] {
            for (i, branch) in object
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                self.schema(branch, &format!("{at}<{key} {i}>"));
            }
        }
    }
}

/// VS Code shows a key's description on hover and in completion: every key of every file kind
/// has one, and so has every value of a fixed list (`tier: critical`, `kind: yes-no`).
#[test]
fn every_key_and_fixed_value_has_a_description() {
    let dir = tempfile::tempdir().unwrap();
    irbook()
        .args(["schema", "--out"])
        .arg(dir.path())
        .assert()
        .code(0);
    let mut missing = Vec::new();
    for (name, at_least) in [
        ("handbook", 68),
        ("supplier", 40),
        ("plan", 23),
        ("party", 13),
        ("form", 11),
        ("front-matter", 11),
    ] {
        let text = std::fs::read_to_string(dir.path().join(format!("{name}.schema.json"))).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        let mut walk = Walk {
            root: &schema,
            seen: Vec::new(),
            keys: 0,
            missing: Vec::new(),
        };
        walk.schema(&schema, "");
        assert!(
            walk.keys >= at_least,
            "{name}: the walk reaches {} keys",
            walk.keys
        );
        missing.extend(walk.missing.into_iter().map(|m| format!("{name}: {m}")));
    }
    assert!(
        missing.is_empty(),
        "{} without a description:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn the_schema_knows_the_bounds_the_checker_enforces() {
    let s = setup();
    let form = validator(&s.schemas, "form");
    let good = "title: Review\nsections:\n  - title: Actions\n    table: { columns: [Action, Owner], rows: 12 }\n    fields:\n      - { label: Notes, lines: 4 }\n";
    assert_eq!(errors(&form, &parse(good)), Vec::<String>::new());
    for (what, text) in [
        ("no rows", good.replace("rows: 12", "rows: 0")),
        ("too many rows", good.replace("rows: 12", "rows: 201")),
        ("no columns", good.replace("[Action, Owner]", "[]")),
        ("too many lines", good.replace("lines: 4", "lines: 61")),
        ("no sections", "title: Review\nsections: []\n".to_string()),
    ] {
        assert!(
            !errors(&form, &parse(&text)).is_empty(),
            "{what} must be invalid:\n{text}"
        );
    }
}
