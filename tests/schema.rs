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
    email: noc@nordhost.example
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
