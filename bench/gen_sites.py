#!/usr/bin/env python3
"""Write the benchmark playbooks as a Hugo site, a Zola site and an mdBook book.

    python3 bench/gen_sites.py OUT_DIR --playbooks N [--suppliers M] [--plans K]

Writes OUT_DIR/hugo, OUT_DIR/zola and OUT_DIR/mdbook. Each holds the same N pages, with the
same Markdown bodies, that bench/gen_handbook.py writes as content/playbooks/*.md (called with
the same --suppliers and --plans, which only change the ids that the links name), plus one list
page of all N. Front matter is translated to each tool's own (Zola wants TOML and refuses
unknown keys). irbook's typed links (`supplier:x`, `plan:x#y`) stay as they are: the other
tools print them as plain hrefs. The templates are minimal but comparable: a layout with a
header, navigation and the page, and a list of every page on the home/section page.

Deterministic, standard library only. Used by bench/compare.sh.
"""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # no bench/__pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_handbook as gh  # noqa: E402


def split(md):
    """Front matter (dict of the few keys we keep) and body of one generated playbook."""
    assert md.startswith("---\n")
    head, body = md[4:].split("\n---\n", 1)
    fm = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        fm[key] = value
    return fm, body


def unquote(s):
    if s.startswith('"') and s.endswith('"'):
        return s[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return s


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


HUGO_CONFIG = """\
baseURL = "http://localhost/"
title = "Benchmark Incident Response Handbook"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
relativeURLs = true

[markup.goldmark.renderer]
unsafe = false
"""

HUGO_BASEOF = """\
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} - {{ site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<nav><a href="{{ "/playbooks/" | relURL }}">Playbooks</a></nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

HUGO_SINGLE = """\
{{ define "main" }}
<article>
<p class="meta">Severity: {{ .Params.severity }} - owner: {{ .Params.owner }} - reviewed {{ .Params.last_reviewed }}</p>
<p class="summary">{{ .Summary | plainify }}</p>
{{ .Content }}
</article>
{{ end }}
"""

HUGO_LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> - {{ .Params.summary }}</li>
{{ end }}
</ul>
{{ end }}
"""

HUGO_HOME = """\
{{ define "main" }}
<h1>{{ site.Title }}</h1>
<ul>
{{ range (where site.RegularPages "Section" "playbooks").ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ end }}
"""

ZOLA_CONFIG = """\
base_url = "http://localhost"
title = "Benchmark Incident Response Handbook"
compile_sass = false
build_search_index = false
generate_feeds = false

[markdown]
highlight_code = false
"""

ZOLA_BASE = """\
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{% block title %}{{ config.title }}{% endblock %}</title></head>
<body>
<header><a href="{{ get_url(path="/") }}">{{ config.title }}</a></header>
<nav><a href="{{ get_url(path="@/playbooks/_index.md") }}">Playbooks</a></nav>
<main>{% block main %}{% endblock %}</main>
</body>
</html>
"""

ZOLA_PAGE = """\
{% extends "base.html" %}
{% block title %}{{ page.title }} - {{ config.title }}{% endblock %}
{% block main %}
<article>
<p class="meta">Severity: {{ page.extra.severity }} - owner: {{ page.extra.owner }} - reviewed {{ page.extra.last_reviewed }}</p>
<p class="summary">{{ page.description }}</p>
{{ page.content | safe }}
</article>
{% endblock %}
"""

ZOLA_SECTION = """\
{% extends "base.html" %}
{% block main %}
<h1>{{ section.title }}</h1>
<ul>
{% for p in section.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> - {{ p.description }}</li>
{% endfor %}
</ul>
{% endblock %}
"""

ZOLA_INDEX = """\
{% extends "base.html" %}
{% block main %}
<h1>{{ config.title }}</h1>
{% set s = get_section(path="playbooks/_index.md") %}
<ul>
{% for p in s.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a></li>
{% endfor %}
</ul>
{% endblock %}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--playbooks", type=int, required=True)
    ap.add_argument("--suppliers", type=int, default=1000)
    ap.add_argument("--plans", type=int, default=20)
    args = ap.parse_args()
    out = args.out_dir
    if os.path.exists(out) and os.listdir(out):
        sys.exit("error: %s exists and is not empty; refusing to write into it" % out)
    hugo, zola, mdb = (os.path.join(out, t) for t in ("hugo", "zola", "mdbook"))

    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG)
    write(os.path.join(hugo, "layouts/_default/baseof.html"), HUGO_BASEOF)
    write(os.path.join(hugo, "layouts/_default/single.html"), HUGO_SINGLE)
    write(os.path.join(hugo, "layouts/_default/list.html"), HUGO_LIST)
    write(os.path.join(hugo, "layouts/index.html"), HUGO_HOME)
    write(os.path.join(hugo, "content/playbooks/_index.md"), "---\ntitle: Playbooks\n---\n")

    write(os.path.join(zola, "config.toml"), ZOLA_CONFIG)
    write(os.path.join(zola, "templates/base.html"), ZOLA_BASE)
    write(os.path.join(zola, "templates/page.html"), ZOLA_PAGE)
    write(os.path.join(zola, "templates/section.html"), ZOLA_SECTION)
    write(os.path.join(zola, "templates/index.html"), ZOLA_INDEX)
    write(os.path.join(zola, "content/_index.md"), "+++\ntitle = \"Home\"\n+++\n")
    write(os.path.join(zola, "content/playbooks/_index.md"),
          "+++\ntitle = \"Playbooks\"\nsort_by = \"weight\"\n+++\n")

    write(os.path.join(mdb, "book.toml"),
          "[book]\ntitle = \"Benchmark Incident Response Handbook\"\nsrc = \"src\"\n"
          "language = \"en\"\n\n[output.html]\n")
    summary = ["# Summary", "", "[Playbooks](index.md)", ""]
    write(os.path.join(mdb, "src/index.md"), "# Playbooks\n\nEvery incident scenario.\n")

    for i in range(args.playbooks):
        name = gh.pid(i)
        fm, body = split(gh.playbook_md(i, args.playbooks, args.suppliers, args.plans))
        title = fm["title"]
        summary_text = unquote(fm["summary"])
        hugo_fm = "\n".join(["---"] + ["%s: %s" % (k, fm[k]) for k in (
            "title", "summary", "severity", "suppliers", "plans", "obligations", "owner",
            "last_reviewed")] + ["weight: %s" % fm["order"], "---", ""])
        write(os.path.join(hugo, "content/playbooks/%s.md" % name), hugo_fm + body)
        zola_fm = "\n".join([
            "+++",
            "title = %s" % toml_str(title),
            "description = %s" % toml_str(summary_text),
            "weight = %s" % fm["order"],
            "[extra]",
            "severity = %s" % toml_str(fm["severity"]),
            "owner = %s" % toml_str(fm["owner"]),
            "last_reviewed = %s" % toml_str(fm["last_reviewed"]),
            "suppliers = [%s]" % ", ".join(toml_str(s.strip()) for s in fm["suppliers"].strip("[]").split(",")),
            "+++",
            "",
        ])
        write(os.path.join(zola, "content/playbooks/%s.md" % name), zola_fm + body)
        write(os.path.join(mdb, "src/%s.md" % name), body)
        summary.append("- [%s](%s.md)" % (title, name))
    write(os.path.join(mdb, "src/SUMMARY.md"), "\n".join(summary) + "\n")
    print("wrote %d pages each to %s/{hugo,zola,mdbook}" % (args.playbooks, out))


if __name__ == "__main__":
    main()
