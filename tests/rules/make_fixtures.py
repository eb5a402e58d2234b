#!/usr/bin/env python3
"""Writes the rule fixtures in this folder: RULE.STATUS[.variant].json, one case record each
(or a list: the first record is judged, the others are the rest of its batch).

Every fixture is the base record below with one change, so each states in its name the one
status its rule must give (tests/unit/test_rules_fixtures.cpp checks every file). Packs: TF-*
tf-2015, SF-* sf-2022, FFA-* ffa-quality, LOCAL-* rules/examples/fernshire-local.xml; as of
2020-06-30. Usage: python3 tests/rules/make_fixtures.py
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def outcome(c, need, out, actions):
    return {"criterion": c, "need": need, "outcome": out,
            "actions": [{"what": w, "who": who, "by_when": by} for w, who, by in actions]}


def review(date, n, states, nxt, progress=None):
    progress = progress or {}
    return {"date": date, "number": str(n), "attendees": ["Dana Price", "Leanne Cope"], "next_review": nxt,
            "outcomes": [{"criterion": c, "progress": progress.get(c, {"yes": "Met and holding.", "partly": "Some progress.",
                                                                     "no": "No change yet."}[s]),
                          "rating": {"yes": "Green", "partly": "Amber", "no": "Red"}[s], "achieved": s}
                         for c, s in states.items()]}


BASE = {
    "case": "FF-1001",
    "family_ref": "FF-1001",
    "council": "Fernshire County Council",
    "assessment_started": "2018-09-03",
    "assessment_completed": "2018-09-17",
    "assessment_date": "2018-09-17",
    "lead_professional": "Leanne Cope",
    "lead_agency": "Family Support Service",
    "criteria": ["education", "health"],
    "criteria_added": [],
    "consent_given": True,
    "consent_date": "2018-09-17",
    "consent_signed_by": "Dana Price",
    "consent_scope": ["central_government", "dwp", "troubled_families_programme"],
    "manager": "Priya Shah",
    "manager_date": "2018-09-20",
    "voice_of_child": True,
    "plan_date": "2018-09-24",
    "plan_outcomes": [
        outcome("education", "Kayden's school attendance is below 90%.", "Kayden attends school every day.",
                [("Attendance plan with school", "Education welfare officer", "2018-10-15"),
                 ("Breakfast club place for Kayden", "School", "2018-10-22")]),
        outcome("health", "Dana has low mood and anxiety.", "Dana's mental health is supported.",
                [("Referral to Talking Therapies", "GP", "2018-10-15")]),
    ],
    "reviews": [
        review("2018-12-03", 1, {"education": "partly", "health": "partly"}, "2019-02-11"),
        review("2019-02-11", 2, {"education": "yes", "health": "yes"}, "2019-04-22"),
        review("2019-04-22", 3, {"education": "yes", "health": "yes"}, "2019-07-01"),
        review("2019-07-01", 4, {"education": "yes", "health": "yes"}, "2019-09-09"),
    ],
    "closure_date": "2019-09-09",
    "closure_reason": "Outcomes achieved",
    "closure_outcomes": [
        {"criterion": "education", "achieved": True, "date_achieved": "2019-02-11", "sustained_since": "2019-02-11",
         "evidence": "School attendance records show Kayden above 95% for three terms."},
        {"criterion": "health", "achieved": True, "date_achieved": "2019-02-11", "sustained_since": "2019-02-11",
         "evidence": "GP confirms Dana was discharged from Talking Therapies and remains well."},
    ],
    "evidence": [
        {"criterion": "education", "member": "Kayden Price", "measure": "attendance_pct", "period_start": "2018-05-01",
         "period_end": "2018-07-20", "value": "81.3"},
        {"criterion": "education", "member": "Kayden Price", "measure": "attendance_pct", "period_start": "2019-01-07",
         "period_end": "2019-04-05", "value": "95.1"},
        {"criterion": "education", "member": "Kayden Price", "measure": "attendance_pct", "period_start": "2019-04-23",
         "period_end": "2019-07-19", "value": "96.2"},
        {"criterion": "education", "member": "Kayden Price", "measure": "attendance_pct", "period_start": "2019-09-03",
         "period_end": "2019-12-20", "value": "94.0"},
    ],
    "members": [
        {"name": "Dana Price", "relationship": "Mother", "dob": "1986-04-12"},
        {"name": "Kayden Price", "relationship": "Son", "dob": "2009-06-30"},
    ],
    "unreadable": [],
    "sources": {
        "family_ref": {"file": "FF-1001/assessment.docx", "where": "table 1, row 1", "quote": "Family ID: FF-1001"},
        "assessment_date": {"file": "FF-1001/assessment.docx", "where": "table 1, row 3", "quote": "Date Assessment Completed: 17/09/2018"},
        "lead_professional": {"file": "FF-1001/assessment.docx", "where": "table 1, row 4", "quote": "Lead professional: Leanne Cope"},
        "consent_given": {"file": "FF-1001/assessment.docx", "where": "Information Sharing and Consent", "quote": "\u2612 Yes"},
        "consent_date": {"file": "FF-1001/assessment.docx", "where": "Information Sharing and Consent", "quote": "Date: 17/09/2018"},
        "plan_date": {"file": "FF-1001/plan.docx", "where": "table 1, row 2", "quote": "Date of plan: 24/09/2018"},
        "closure_date": {"file": "FF-1001/closure.docx", "where": "table 1, row 2", "quote": "Date of closure: 09/09/2019"},
    },
}


def employment_case(weeks, benefit="JSA", progress_ok=False):
    """Worklessness family; the adult left `benefit` and has `weeks` in work; progress unmet."""
    r = copy.deepcopy(BASE)
    r["criteria"] = ["education", "worklessness"]
    r["plan_outcomes"][1] = outcome("worklessness", "Dana is out of work.", "Dana is back in work.",
                                    [("Employment adviser", "Jobcentre Plus", "2018-10-15")])
    for rv in r["reviews"]:
        for o in rv["outcomes"]:
            if o["criterion"] == "health":
                o["criterion"] = "worklessness"
    r["closure_outcomes"][1] = {"criterion": "worklessness", "achieved": True, "date_achieved": "2019-02-11",
                                "sustained_since": "2019-02-11", "evidence": "Dana remains in work."}
    if not progress_ok:
        r["closure_outcomes"][0]["achieved"] = False
        r["closure_outcomes"][0]["date_achieved"] = None
        r["closure_outcomes"][0]["sustained_since"] = None
        r["closure_outcomes"][0]["evidence"] = "Attendance is still below 90% at closure."
    start = "2018-10-15"
    import datetime as dt
    end = (dt.date(2018, 10, 15) + dt.timedelta(weeks=weeks)).isoformat()
    r["evidence"] += [
        {"criterion": "worklessness", "member": "Dana Price", "measure": "benefit", "period_start": "2017-01-01",
         "period_end": "2018-10-05", "value": benefit},
        {"criterion": "worklessness", "member": "Dana Price", "measure": "benefit_end", "period_start": None,
         "period_end": None, "value": "2018-10-05"},
        {"criterion": "worklessness", "member": "Dana Price", "measure": "employment_start", "period_start": None,
         "period_end": None, "value": start},
        {"criterion": "worklessness", "member": "Dana Price", "measure": "weeks_in_work", "period_start": start,
         "period_end": end, "value": str(weeks)},
    ]
    return r


def variant(**changes):
    r = copy.deepcopy(BASE)
    for k, v in changes.items():
        r[k] = v
    return r


def edit(fn):
    r = copy.deepcopy(BASE)
    fn(r)
    return r


def set_review_state(r, n, c, state, progress=None):
    for o in r["reviews"][n - 1]["outcomes"]:
        if o["criterion"] == c:
            o["achieved"] = state
            if progress:
                o["progress"] = progress


def no_closure(r):
    r["closure_date"] = None
    r["closure_reason"] = None
    r["closure_outcomes"] = []


def short_sustain(r):
    # Achieved at review 4 (2019-07-01) only; closure 2019-09-09: about 2 months.
    for n in (2, 3):
        for c in ("education", "health"):
            set_review_state(r, n, c, "partly")
    for o in r["closure_outcomes"]:
        o["date_achieved"] = o["sustained_since"] = "2019-07-01"
    r["evidence"] = r["evidence"][:1]


def open_recent(r):
    r["assessment_started"], r["assessment_completed"], r["assessment_date"] = "2020-05-01", "2020-05-10", "2020-05-10"
    r["consent_date"], r["manager_date"], r["plan_date"] = "2020-05-10", "2020-05-12", "2020-05-20"
    r["reviews"], r["evidence"] = [], []
    no_closure(r)


def recurrence(r):
    set_review_state(r, 3, "education", "yes", "A further incident of truancy in March; back on track since.")


def older_only(r):
    r["members"] = [{"name": "Dana Price", "relationship": "Mother", "dob": "1986-04-12"},
                    {"name": "Kayden Price", "relationship": "Son", "dob": "1998-06-30"}]


def unreadable_assessment(r):
    r["has_assessment"] = False
    for k in ("assessment_started", "assessment_completed", "assessment_date", "lead_professional", "lead_agency",
              "consent_given", "consent_date", "consent_signed_by", "manager", "manager_date", "voice_of_child"):
        r[k] = None
    r["criteria"], r["consent_scope"], r["members"] = [], [], []
    r["unreadable"] = [{"file": "FF-1001/assessment.pdf", "reason": "no text layer"}]


def other(ref, case):
    r = copy.deepcopy(BASE)
    r["family_ref"], r["case"] = ref, case
    return r


def eight_weekly(r):
    # Plan 2018-09-24; reviews every 8 weeks; closure 8 weeks after the last.
    dates = ["2018-11-19", "2019-01-14", "2019-03-11", "2019-05-06", "2019-07-01"]
    states = ["partly", "yes", "yes", "yes", "yes"]
    r["reviews"] = [review(d, i + 1, {"education": s, "health": s}, (dates + ["2019-08-26"])[i + 1])
                    for i, (d, s) in enumerate(zip(dates, states))]
    r["closure_date"] = "2019-08-26"
    for o in r["closure_outcomes"]:
        o["date_achieved"] = o["sustained_since"] = "2019-01-14"


# sf-2022 rules of the same kinds as tf-2015's are tested on the same records.
SF_SAME = {"SF-ASSESSMENT": "TF-ASSESSMENT", "SF-LEAD": "TF-LEAD", "SF-NEEDS-IN-PLAN": "TF-CRITERIA-IN-PLAN",
           "SF-OUTCOME-ACTION": "TF-OUTCOME-ACTION", "SF-PROGRESS": "TF-PROGRESS", "SF-DATES": "TF-DATES",
           "SF-REVIEWED": "TF-REVIEWED", "SF-DUPLICATE": "TF-DUPLICATE", "SF-DEPENDENT-CHILD": "TF-DEPENDENT-CHILD",
           "SF-RECURRENCE": "TF-RECURRENCE", "SF-LEFT-HOUSEHOLD": "TF-LEFT-HOUSEHOLD"}


FIXTURES = {
    # --- tf-2015
    "TF-ELIGIBLE.pass": BASE,
    "TF-ELIGIBLE.fail": variant(criteria=["education"]),
    "TF-ELIGIBLE.na": edit(unreadable_assessment),
    "TF-ASSESSMENT.pass": BASE,
    "TF-ASSESSMENT.fail": variant(assessment_started=None, assessment_completed=None, assessment_date=None),
    "TF-ASSESSMENT.na": edit(unreadable_assessment),
    "TF-PLAN.pass": BASE,
    "TF-PLAN.fail": variant(plan_date="2018-09-10"),
    "TF-PLAN.fail.undated": variant(plan_date=None),
    "TF-PLAN.na": edit(lambda r: (r.update(has_plan=False, plan_date=None, plan_outcomes=[]),
                                  r.update(unreadable=[{"file": "FF-1001/plan.pdf", "reason": "no text layer"}]))),
    "TF-LEAD.pass": BASE,
    "TF-LEAD.fail": variant(lead_professional=None),
    "TF-LEAD.na": edit(unreadable_assessment),
    "TF-CONSENT.pass": BASE,
    "TF-CONSENT.fail": variant(consent_given=None),
    "TF-CONSENT.fail.local-only": variant(consent_scope=["local_partners"]),
    "TF-CONSENT.fail.future": variant(consent_date="2020-07-01"),
    "TF-CONSENT.na": edit(unreadable_assessment),
    "TF-CRITERIA-IN-PLAN.pass": BASE,
    "TF-CRITERIA-IN-PLAN.fail": edit(lambda r: r["plan_outcomes"].pop(1)),
    "TF-CRITERIA-IN-PLAN.na": variant(criteria=[]),
    "TF-OUTCOME-ACTION.pass": BASE,
    "TF-OUTCOME-ACTION.fail": edit(lambda r: r["plan_outcomes"][1].update(actions=[])),
    "TF-OUTCOME-ACTION.na": variant(plan_outcomes=[]),
    "TF-PROGRESS.pass": BASE,
    "TF-PROGRESS.fail": edit(lambda r: r["closure_outcomes"][1].update(achieved=False)),
    "TF-PROGRESS.fail.added": edit(lambda r: r.update(criteria_added=["crime"])),
    "TF-PROGRESS.pass.latest-review": edit(no_closure),
    "TF-PROGRESS.na": employment_case(30),
    "TF-SUSTAINED.pass": BASE,
    "TF-SUSTAINED.fail": edit(short_sustain),
    "TF-SUSTAINED.na": employment_case(30),
    "TF-EMPLOYMENT.pass": employment_case(30),
    "TF-EMPLOYMENT.pass.esa": employment_case(14, "ESA"),
    "TF-EMPLOYMENT.fail": employment_case(20),
    "TF-EMPLOYMENT.na": BASE,
    "TF-DATES.pass": BASE,
    "TF-DATES.fail": edit(lambda r: r["reviews"][0].update(date="2018-09-20")),
    "TF-DATES.fail.future": edit(lambda r: r["evidence"][3].update(period_end="2020-07-20")),
    "TF-DATES.na": edit(lambda r: [r.update({k: None}) for k in (
        "assessment_started", "assessment_completed", "assessment_date", "consent_date", "manager_date",
        "plan_date", "closure_date")] + [r.update(reviews=[], evidence=[], closure_outcomes=[])]),
    "TF-REVIEWED.pass": BASE,
    "TF-REVIEWED.fail": edit(lambda r: r["reviews"].pop(2)),
    "TF-REVIEWED.fail.none": variant(reviews=[]),
    "TF-REVIEWED.na": edit(open_recent),
    "TF-DUPLICATE.pass": [BASE, other("FF-1002", "FF-1002")],
    "TF-DUPLICATE.fail": [BASE, other("FF-1001", "FF-1001-copy")],
    "TF-DUPLICATE.na": variant(family_ref=None),
    "TF-DEPENDENT-CHILD.pass": BASE,
    "TF-DEPENDENT-CHILD.fail": edit(older_only),
    "TF-DEPENDENT-CHILD.na": edit(unreadable_assessment),
    "TF-RECURRENCE.pass": BASE,
    "TF-RECURRENCE.warn": edit(recurrence),
    "TF-RECURRENCE.warn.said-no": edit(lambda r: set_review_state(r, 3, "health", "no")),
    "TF-RECURRENCE.na": edit(lambda r: ([set_review_state(r, n, c, "partly") for n in (1, 2, 3, 4) for c in ("education", "health")],
                                        r.update(closure_outcomes=[dict(o, achieved=False) for o in r["closure_outcomes"]]))),
    "TF-LEFT-HOUSEHOLD.pass": BASE,
    "TF-LEFT-HOUSEHOLD.warn": edit(lambda r: r["closure_outcomes"][0].update(
        evidence="Attendance concern resolved: Kayden left the household in the spring to live with his father.")),
    "TF-LEFT-HOUSEHOLD.na": edit(no_closure),
    # --- sf-2022
    "SF-NEEDS.pass": variant(criteria=["education", "health", "financial_stability"]),
    "SF-NEEDS.fail": BASE,
    "SF-SUSTAINED.pass": edit(lambda r: r["evidence"].extend([
        {"criterion": "health", "member": "Dana Price", "measure": "note", "period_start": "2019-09-10",
         "period_end": "2020-03-20", "value": "GP: remains well"},
        {"criterion": "education", "member": "Kayden Price", "measure": "attendance_pct", "period_start": "2020-01-06",
         "period_end": "2020-03-20", "value": "95.5"}])),
    "SF-SUSTAINED.fail": BASE,
    "SF-CONSENT.pass": BASE,
    "SF-CONSENT.fail": variant(consent_given=False),
    "SF-PLAN.pass": BASE,
    "SF-PLAN.fail": variant(plan_date=None),
    # --- ffa-quality
    "FFA-VOICE.pass": BASE,
    "FFA-VOICE.fail": variant(voice_of_child=False),
    "FFA-CHILDREN-IN-PLAN.pass": BASE,
    "FFA-CHILDREN-IN-PLAN.fail": edit(lambda r: r["members"].append(
        {"name": "Mia Price", "relationship": "Daughter", "dob": "2014-02-01"})),
    "FFA-SMART.pass": BASE,
    "FFA-SMART.fail": edit(lambda r: r["plan_outcomes"][0]["actions"][0].update(who=None, by_when="ongoing")),
    "FFA-LINKED.pass": BASE,
    "FFA-LINKED.fail": edit(lambda r: r["plan_outcomes"][0].update(actions=[])),
    "FFA-REVIEW-GAPS.pass": edit(eight_weekly),
    "FFA-REVIEW-GAPS.fail": edit(lambda r: r["reviews"].pop(2)),
    "FFA-DRIFT.pass": BASE,
    "FFA-DRIFT.fail": edit(no_closure),
    "FFA-DRIFT.fail.stalled": edit(lambda r: [set_review_state(r, n, c, "partly") for n in (2, 3, 4) for c in ("education", "health")]),
    "FFA-SIGNOFF.pass": BASE,
    "FFA-SIGNOFF.fail": variant(manager=None),
    "FFA-CLOSURE-EXPLICIT.pass": BASE,
    "FFA-CLOSURE-EXPLICIT.fail": edit(lambda r: r["closure_outcomes"][1].update(achieved=None)),
    "FFA-CLOSURE-EXPLICIT.na": edit(no_closure),
    "FFA-ANALYSIS.na": BASE,
    "FFA-OVERSIGHT.na": BASE,
    # --- the example local pack (rules/examples/fernshire-local.xml)
    "LOCAL-ATTENDANCE.pass": BASE,
    "LOCAL-ATTENDANCE.fail": edit(lambda r: r["evidence"][2].update(value="88.5")),
    "LOCAL-ATTENDANCE.na": variant(criteria=["crime", "health"]),
}


def all_fixtures():
    out = dict(FIXTURES)
    for sf, tf in SF_SAME.items():
        for st in ("pass", "fail", "warn"):
            if tf + "." + st in FIXTURES:
                out[sf + "." + st] = FIXTURES[tf + "." + st]
    return out


def main():
    for name in os.listdir(HERE):
        if name.endswith(".json"):
            os.remove(os.path.join(HERE, name))
    fixtures = all_fixtures()
    for name, rec in fixtures.items():
        with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(rec, f, indent=1, ensure_ascii=False)
            f.write("\n")
    print(f"{len(fixtures)} fixtures written")


if __name__ == "__main__":
    main()
