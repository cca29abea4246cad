#!/usr/bin/env python3
"""Write a large, valid irbook handbook for benchmarks.

    python3 bench/gen_handbook.py OUT_DIR --playbooks N --suppliers M [--plans K]

The output is deterministic (no randomness): the same arguments give byte-identical files.
It passes `irbook check --strict` with SOURCE_DATE_EPOCH=1795392000 (2026-11-23).
Standard library only.
"""

import argparse
import os
import sys

ROLES = [
    # id, name, two people (name, title, phone, email)
    ("incident-commander", "Incident Commander", [
        ("Mette Jensen", "CEO", "+45 20 11 22 33", "mj@bench.test"),
        ("Søren Lund", "CFO", "+45 20 11 22 34", "sl@bench.test"),
    ]),
    ("technical-lead", "Technical Lead", [
        ("Jonas Berg", "IT manager", "+45 20 22 33 44", "jb@bench.test"),
        ("Ida Holm", "System administrator", "+45 20 22 33 45", "ih@bench.test"),
    ]),
    ("communication-lead", "Communication Lead", [
        ("Anne Krogh", "Marketing manager", "+45 20 33 44 55", "ak@bench.test"),
        ("Peter Friis", "Sales manager", "+45 20 33 44 56", "pf@bench.test"),
    ]),
    ("vendor-liaison", "Vendor Liaison", [
        ("Lise Dam", "Purchasing manager", "+45 20 44 55 66", "ld@bench.test"),
        ("Kasper Juhl", "Buyer", "+45 20 44 55 67", "kj@bench.test"),
    ]),
    ("legal-counsel", "Legal Counsel", [
        ("Maria Vest", "Legal counsel", "+45 20 55 66 77", "mv@bench.test"),
        ("Henrik Aagaard", "External lawyer", "+45 33 55 66 78", "hb@law.test"),
    ]),
]
ROLE_IDS = [r[0] for r in ROLES]

SEVERITIES = ["high", "medium", "low"]

# id, name, to, deadline, deadline in hours, after
OBLIGATIONS = [
    ("gdpr-authority", "Notify the data protection authority", "Datatilsynet", "72h", 72, None),
    ("nis2-early-warning", "NIS2 early warning", "CSIRT", "24h", 24, None),
    ("nis2-notification", "NIS2 incident notification", "CSIRT", "72h", 72, None),
    ("nis2-final-report", "NIS2 final report", "CSIRT", "30d", 720, "nis2-notification"),
]
OBLIGATION_IDS = [o[0] for o in OBLIGATIONS]
OBLIGATION_HOURS = {o[0]: o[4] for o in OBLIGATIONS}

TIERS = ["critical", "important", "standard"]

# Phases of every plan: (title, explicit id or None). The anchor is the id or the title's slug.
PHASES = [
    ("Detection and assessment", "detect"),
    ("Containment", None),
    ("Notification", "notify"),
    ("Recovery and lessons learned", None),
]
PHASE_ANCHORS = ["detect", "containment", "notify", "recovery-and-lessons-learned"]

# Step deadlines (hours, written form), ascending through the plan.
WITHIN = [("30m", 0.5), ("1h", 1), ("2h", 2), ("4h", 4), ("8h", 8), ("12h", 12), ("24h", 24),
          ("48h", 48), ("72h", 72), ("5d", 120)]

SERVICES = ["ERP hosting", "Offsite backup", "E-mail", "Payroll", "Payments", "Network",
            "Label printers", "Webshop", "Managed firewall", "Incident response retainer"]
DATA = ["customer personal data", "employee personal data", "order history", "bank details"]
TOPICS = ["Ransomware", "Phishing", "Data breach", "Outage", "Account takeover", "Lost laptop",
          "DDoS", "Insider misuse", "Malware", "Payment fraud"]

# Headings every playbook has, with their GitHub-style slugs (checked by links from others).
PLAYBOOK_HEADINGS = ["First hour", "Containment (24/7)", "Who to call", "Evidence", "Recovery",
                     "Afterwards"]


def sid(i):
    return "s%05d" % (i + 1)


def pid(i):
    return "p%05d" % (i + 1)


def plan_id(i):
    return "plan-%03d" % (i + 1)


def q(s):
    """A YAML double-quoted string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def handbook_yaml():
    out = [
        "title: Benchmark Incident Response Handbook",
        "organization: Benchmark Foods ApS",
        "language: en",
        'revision: "2026-11"',
        "timezone: Europe/Copenhagen",
        "review_every: 365d",
        "start_here: |",
        "  **Something is wrong?** Call the [Incident Commander](role:incident-commander), then",
        "  read [about this handbook](page:about).",
        "",
        "severities:",
    ]
    descriptions = {
        "high": "A major outage or **confirmed** exposure of personal data.",
        "medium": "One department cannot work, or data **may** have been exposed.",
        "low": "A contained event with no data exposure.",
    }
    respond = {"high": "1h", "medium": "4h", "low": "24h"}
    update = {"high": "2h", "medium": "8h", "low": "24h"}
    notify = {"high": ROLE_IDS, "medium": ROLE_IDS[:3], "low": ROLE_IDS[:1]}
    for s in SEVERITIES:
        out += [
            "  - id: %s" % s,
            "    name: %s impact" % s.capitalize(),
            "    description: %s" % q(descriptions[s]),
            "    respond_within: %s" % respond[s],
            "    update_every: %s" % update[s],
            "    notify: [%s]" % ", ".join(notify[s]),
        ]
    out += ["", "roles:"]
    for rid, name, people in ROLES:
        out += [
            "  - id: %s" % rid,
            "    name: %s" % name,
            "    duties: |",
            "      Leads the %s work during an incident. See the" % name.lower(),
            "      [obligations](obligation:gdpr-authority) that may apply.",
            "    people:",
        ]
        for pname, title, phone, email in people:
            out += [
                "      - name: %s" % pname,
                "        title: %s" % title,
                "        phone: %s" % q(phone),
                "        email: %s" % email,
                '        availability: "24/7 on mobile"',
            ]
    out += ["", "obligations:"]
    for oid, name, to, deadline, _, after in OBLIGATIONS:
        out += [
            "  - id: %s" % oid,
            "    name: %s" % name,
            "    to: %s" % to,
            "    deadline: %s" % deadline,
            "    clock_starts: awareness",
        ]
        if after:
            out.append("    after: %s" % after)
        out += [
            "    when: %s" % q("A reportable incident; ask the [Legal Counsel](role:legal-counsel)."),
            "    reference: %s" % ("GDPR Art. 33" if oid.startswith("gdpr") else "NIS2 Art. 23"),
            "    contact: { phone: \"+45 33 19 32 00\", email: report@authority.test, url: https://authority.test/ }",
        ]
    out += [
        "",
        "messages:",
        "  - id: supplier-notice",
        "    title: Incident notice to a supplier",
        "    audience: supplier",
        '    subject: "Security incident at {{ organization }}"',
        "    body: |",
        "      Dear {{ contact.name }},",
        "",
        "      {{ organization }} is handling a security incident that may involve",
        "      {{ supplier.name }}. Please call our incident commander back within the hour.",
        "  - id: internal-update",
        "    title: Status update to staff",
        "    audience: internal",
        '    subject: "Incident status at {{ organization }}"',
        "    body: |",
        "      We are handling an incident. Do not talk to the press.",
        "",
    ]
    return "\n".join(out)


def supplier_yaml(i):
    tier = TIERS[i % 3]
    n = i + 1
    services = [SERVICES[i % len(SERVICES)], SERVICES[(i + 3) % len(SERVICES)]]
    out = [
        "name: Supplier %05d A/S" % n,
        "tier: %s" % tier,
        "services: [%s]" % ", ".join(services),
        "data: [%s]" % DATA[i % len(DATA)],
        "contacts:",
        "  - name: Supplier %05d NOC" % n,
        "    role: operations",
        '    phone: "+45 70 %02d %02d %02d"' % (n // 10000 % 100, n // 100 % 100, n % 100),
        "    email: noc@s%05d.test" % n,
    ]
    if tier == "critical":
        out.append("    hours: 24/7")
    else:
        out.append('    hours: "Mon-Fri 08-16"')
    out += [
        "    primary: true",
        "  - name: Account Manager %05d" % n,
        "    role: account manager",
        '    phone: "+45 40 %02d %02d %02d"' % (n // 10000 % 100, n // 100 % 100, n % 100),
        "    email: am@s%05d.test" % n,
        "escalation:",
        "  - after: 30m",
        "    contact: Account Manager %05d" % n,
        "contract:",
        "  reference: MSA-2025-%05d" % n,
        "  notify_within: %s" % ("24h" if tier == "critical" else "72h"),
        "  rto: 4h",
        "  rpo: 1h",
        '  support: "24/7"' if tier == "critical" else '  support: "business hours"',
        "  audit_rights: true",
        "  cooperation: %s" % q("They help with logs; see [the plan](plan:%s#notify)." % plan_id(0)),
        "  expires: 2030-12-31",
        "certifications:",
        "  - { name: ISO/IEC 27001, expires: 2030-03-01 }",
        "  - { name: ISAE 3402, expires: 2030-06-30 }",
        "secure_channel: Encrypted mail to the NOC address; passwords by phone.",
        "notes: %s" % q("Reviewed with the [Vendor Liaison](role:vendor-liaison)."),
        "last_reviewed: 2026-11-01",
        "",
    ]
    return "\n".join(out)


def plan_yaml(k, n_suppliers):
    out = [
        "title: Response plan %03d" % (k + 1),
        "summary: %s" % q("Checklist for incident type %d. Owner: [Incident Commander](role:incident-commander)." % (k + 1)),
        "severities: [%s]" % ", ".join(SEVERITIES[: 1 + k % 3]),
        "owner: %s" % ROLE_IDS[k % len(ROLE_IDS)],
        "last_reviewed: 2026-10-01",
        "exercised: 2026-09-15",
        "phases:",
    ]
    step_no = 0
    for p, (title, explicit) in enumerate(PHASES):
        out.append("  - title: %s" % title)
        if explicit:
            out.append("    id: %s" % explicit)
        out.append("    steps:")
        for s in range(5):
            within, within_h = WITHIN[min(p * 2 + s // 2, len(WITHIN) - 1)]
            role = ROLE_IDS[(k + step_no) % len(ROLE_IDS)]
            out += [
                "      - action: %s" % q("Step %d.%d of plan %d: do the work and write it in the log" % (p + 1, s + 1, k + 1)),
                "        responsible: %s" % role,
                "        within: %s" % within,
            ]
            if s % 2 == 0:
                sup = [sid((k * 7 + step_no * 3 + j) % n_suppliers) for j in range(2)]
                out.append("        suppliers: [%s]" % ", ".join(sorted(set(sup))))
                out.append("        message: supplier-notice")
            if s == 4 or p == 2:
                fitting = [o for o in OBLIGATION_IDS if OBLIGATION_HOURS[o] >= within_h]
                out.append("        obligation: %s" % fitting[(k + s) % len(fitting)])
            if s == 1:
                out.append("        details: %s" % q("Use the [incident log](page:about) and call [the lead](role:technical-lead)."))
            step_no += 1
    out.append("")
    return "\n".join(out)


def playbook_md(i, n_playbooks, n_suppliers, n_plans):
    n = i + 1
    topic = TOPICS[i % len(TOPICS)]
    sups = sorted({sid((i * 13 + j * 101) % n_suppliers) for j in range(3)})
    plans = sorted({plan_id((i + j) % n_plans) for j in range(2)})
    obls = sorted({OBLIGATION_IDS[i % 4], OBLIGATION_IDS[(i + 1) % 4]})
    role = ROLE_IDS[i % len(ROLE_IDS)]
    other = pid((i + 1) % n_playbooks)
    prev = pid((i - 1) % n_playbooks)
    heading_slug = ["first-hour", "containment-247", "who-to-call", "evidence", "recovery",
                    "afterwards"][i % 6]
    s0 = sups[0]
    s1 = sups[-1]
    return "\n".join([
        "---",
        "title: %s scenario %05d" % (topic, n),
        "summary: %s" % q("What to do when %s hits system %d." % (topic.lower(), n)),
        "severity: %s" % SEVERITIES[i % 3],
        "suppliers: [%s]" % ", ".join(sups),
        "plans: [%s]" % ", ".join(plans),
        "obligations: [%s]" % ", ".join(obls),
        "owner: %s" % role,
        "last_reviewed: 2026-10-15",
        "order: %d" % n,
        "---",
        "# %s scenario %05d" % (topic, n),
        "",
        "This playbook covers %s affecting system %d. It is owned by the" % (topic.lower(), n),
        "[%s](role:%s) and starts the [response plan](plan:%s#%s)." % (role, role, plans[0], PHASE_ANCHORS[i % 4]),
        "Read it once before an incident, and again when one happens.",
        "",
        "## First hour",
        "",
        "- [ ] Write down the time and what you saw in the incident log.",
        "- [ ] Call the [Incident Commander](role:incident-commander).",
        "- [ ] Do **not** switch affected machines off; disconnect the network cable.",
        "- [ ] Call [the supplier](supplier:%s) on their 24/7 line if they are involved." % s0,
        "- [ ] Pick a severity (see [about](page:about)).",
        "- [ ] Open [phase 1 of the plan](plan:%s#detect)." % plans[-1],
        "",
        "## Containment (24/7)",
        "",
        "Isolate the affected systems. If the attacker may still have access, change the",
        "administrator passwords from a clean machine and revoke active sessions. Keep a list",
        "of every change you make, with the time, so that it can be undone later and so that",
        "the evidence stays usable.",
        "",
        "Compare with [the previous scenario](%s.md) and [the next one](playbook:%s#%s)." % (prev, other, heading_slug),
        "",
        "## Who to call",
        "",
        "| Who | When | How |",
        "|---|---|---|",
        "| [Technical Lead](role:technical-lead) | at once | phone |",
        "| [Supplier](supplier:%s) | within 30 minutes | 24/7 line |" % s0,
        "| [Supplier](supplier:%s) | if data is involved | account manager |" % s1,
        "| [Legal Counsel](role:legal-counsel) | personal data involved | phone |",
        "| [Communication Lead](role:communication-lead) | before any outside word | phone |",
        "",
        "## Evidence",
        "",
        "Keep logs, screenshots and ransom notes. Export the firewall and mail logs before",
        "they rotate. Record the chain of custody for every disk or laptop that leaves the",
        "building. The [72-hour clock](obligation:%s) may already be running." % obls[0],
        "",
        "1. Export logs to the evidence share.",
        "2. Photograph screens that show messages from the attacker.",
        "3. Hash every copied file and write the hash in the log.",
        "",
        "## Recovery",
        "",
        "Restore from backups that are known to be clean, in the order given by the",
        "[recovery phase](plan:%s#recovery-and-lessons-learned). Test before reconnecting." % plans[0],
        "~~Do not restore from the newest backup blindly.~~ Check its date first.",
        "",
        "## Afterwards",
        "",
        "Hold a lessons-learned meeting within two weeks. Update this playbook, the",
        "[obligations](obligation:%s) and the supplier record of" % obls[-1],
        "[%s](supplier:%s)[^1]." % (s1, s1),
        "",
        "[^1]: The supplier record is reviewed by the vendor liaison once a year.",
        "",
    ])


def about_md(n_playbooks):
    return "\n".join([
        "---",
        "title: About this handbook",
        "order: 1",
        "---",
        "# About this handbook",
        "",
        "This handbook was generated for benchmarks. Start with",
        "[the first playbook](playbook:%s#first-hour) or the" % pid(0),
        "[last one](../playbooks/%s.md)." % pid(n_playbooks - 1),
        "",
        "## Keeping it current",
        "",
        "The [Incident Commander](role:incident-commander) reviews it every year.",
        "",
    ])


def write(root, rel, text):
    path = os.path.join(root, rel)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--playbooks", type=int, required=True)
    ap.add_argument("--suppliers", type=int, required=True)
    ap.add_argument("--plans", type=int, default=20)
    args = ap.parse_args()
    if args.playbooks < 1 or args.suppliers < 1 or args.plans < 1:
        ap.error("--playbooks, --suppliers and --plans must be at least 1")
    if args.playbooks > 99999 or args.suppliers > 99999 or args.plans > 999:
        ap.error("at most 99999 playbooks and suppliers and 999 plans")
    out = args.out_dir
    if os.path.exists(out):
        if not os.path.isdir(out):
            sys.exit("error: %s exists and is not a directory" % out)
        if os.listdir(out):
            sys.exit("error: %s exists and is not empty; refusing to write into it" % out)
    for sub in ("content/suppliers", "content/plans", "content/playbooks", "content/pages"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)

    write(out, "handbook.yaml", handbook_yaml())
    for i in range(args.suppliers):
        write(out, "content/suppliers/%s.yaml" % sid(i), supplier_yaml(i))
    for k in range(args.plans):
        write(out, "content/plans/%s.yaml" % plan_id(k), plan_yaml(k, args.suppliers))
    for i in range(args.playbooks):
        write(out, "content/playbooks/%s.md" % pid(i),
              playbook_md(i, args.playbooks, args.suppliers, args.plans))
    write(out, "content/pages/about.md", about_md(args.playbooks))
    total = 2 + args.suppliers + args.plans + args.playbooks
    print("wrote %d files to %s" % (total, out))


if __name__ == "__main__":
    main()
