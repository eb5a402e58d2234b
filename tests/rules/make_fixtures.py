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


def six_weekly(r):
    # Plan 2018-09-24; reviews every 6 weeks; the last records everything achieved.
    dates = ["2018-11-05", "2018-12-17", "2019-01-28", "2019-03-11", "2019-04-22"]
    states = ["partly", "yes", "yes", "yes", "yes"]
    r["reviews"] = [review(d, i + 1, {"education": s, "health": s}, (dates + ["2019-09-09"])[i + 1])
                    for i, (d, s) in enumerate(zip(dates, states))]
    for o in r["closure_outcomes"]:
        o["date_achieved"] = o["sustained_since"] = "2018-12-17"


def shifted(r, years):
    """The record with every date moved on by `years` (for packs valid from 2022)."""
    text = json.dumps(r)
    for y in range(2022, 1979, -1):
        text = text.replace('"%d-' % y, '"%d-' % (y + years))
    return json.loads(text)


def attendance_row(value, start, end, member="Kayden Price"):
    return {"criterion": "education", "member": member, "measure": "attendance_pct", "period_start": start,
            "period_end": end, "value": value}


def relapse(r, back_on="2019-07-01"):
    # Achieved 2019-02-11, not achieved again at review 3 (2019-04-22), achieved again `back_on`.
    set_review_state(r, 3, "health", "no", "Dana's mood has dipped again; back on the waiting list.")
    for o in r["closure_outcomes"]:
        if o["criterion"] == "health":
            o["date_achieved"] = o["sustained_since"] = "2019-02-11"


def young_person_only(r):
    r["members"] = [{"name": "Dana Price", "relationship": "Mother", "dob": "1986-04-12"},
                    {"name": "Kayden Price", "relationship": "Son", "dob": "2001-06-30"}]


def identified(*rows):
    return [{"criterion": c, "evidence": ev, "members": m} for c, ev, m in rows]


# sf-2022 rules of the same kinds as tf-2015's are tested on the same records.
SF_SAME = {"SF-ASSESSMENT": "TF-ASSESSMENT", "SF-LEAD": "TF-LEAD", "SF-NEEDS-IN-PLAN": "TF-CRITERIA-IN-PLAN",
           "SF-OUTCOME-ACTION": "TF-OUTCOME-ACTION", "SF-PROGRESS": "TF-PROGRESS", "SF-DATES": "TF-DATES",
           "SF-REVIEWED": "TF-REVIEWED", "SF-REVIEW-FREQUENCY": "TF-REVIEW-FREQUENCY", "SF-DUPLICATE": "TF-DUPLICATE",
           "SF-DEPENDENT-CHILD": "TF-DEPENDENT-CHILD", "SF-RECURRENCE": "TF-RECURRENCE",
           "SF-LEFT-HOUSEHOLD": "TF-LEFT-HOUSEHOLD", "SF-CLOSURE-REASON": "TF-CLOSURE-REASON"}


FIXTURES = {
    # --- tf-2015
    "TF-ELIGIBLE.pass": BASE,
    "TF-ELIGIBLE.fail": variant(criteria=["education"]),
    "TF-ELIGIBLE.na": edit(unreadable_assessment),
    "TF-ASSESSMENT.pass": BASE,
    "TF-ASSESSMENT.fail": variant(assessment_started=None, assessment_completed=None, assessment_date=None),
    "TF-ASSESSMENT.na": edit(unreadable_assessment),
    "TF-PLAN.pass": BASE,
    "TF-PLAN.fail": variant(plan_date="2018-08-28"),
    "TF-PLAN.fail.undated": variant(plan_date=None),
    # A plan agreed after the assessment began but before its sign-off date is in order.
    "TF-PLAN.pass.before-completion": variant(plan_date="2018-09-10"),
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
    # Hard data after the achievement that misses the measure breaks the sustain.
    "TF-SUSTAINED.fail.hard-data": edit(lambda r: r["evidence"][3].update(value="71.0")),
    # A relapse restarts the clock: achieved again 2019-07-01, closed 2019-09-09: two months.
    "TF-SUSTAINED.fail.relapse": edit(relapse),
    # ... and six months after the renewed achievement it is sustained again.
    "TF-SUSTAINED.pass.relapse": edit(lambda r: (relapse(r), r["evidence"].append(
        {"criterion": "health", "member": "Dana Price", "measure": "note", "period_start": "2019-09-10",
         "period_end": "2020-01-15", "value": "GP: remains well"}))),
    # A row that meets the measure extends the sustain past a short closure.
    "TF-SUSTAINED.pass.extended": edit(lambda r: (short_sustain(r), r["evidence"].extend([
        attendance_row("95.0", "2019-09-03", "2019-12-20"), attendance_row("96.0", "2020-01-06", "2020-03-27")]),
        r["evidence"].append({"criterion": "health", "member": "Dana Price", "measure": "note",
                              "period_start": "2019-09-10", "period_end": "2020-02-01", "value": "GP: remains well"}))),
    "TF-EMPLOYMENT.pass": employment_case(30),
    "TF-EMPLOYMENT.pass.esa": employment_case(14, "ESA"),
    "TF-EMPLOYMENT.fail": employment_case(20),
    "TF-EMPLOYMENT.na": BASE,
    # Work that began before the family was attached does not count.
    "TF-EMPLOYMENT.fail.before-attachment": edit(lambda r: r.update(employment_case(30)) or [
        e.update(value="2017-03-01") for e in r["evidence"] if e["measure"] == "employment_start"] and None),
    # The weeks a row records, not the span it covers: 8 weeks recorded over 30.
    "TF-EMPLOYMENT.fail.weeks-recorded": edit(lambda r: r.update(employment_case(30)) or [
        e.update(value="8") for e in r["evidence"] if e["measure"] == "weeks_in_work"] and None),
    # Universal Credit is an out-of-work benefit in the table (26 weeks, an assumption).
    "TF-EMPLOYMENT.pass.universal-credit": employment_case(27, "Universal Credit"),
    # A benefit the pack sets no weeks for says exactly that.
    "TF-EMPLOYMENT.fail.no-window": employment_case(30, "Pension Credit"),
    "TF-DATES.pass": BASE,
    "TF-DATES.fail": edit(lambda r: r["reviews"][0].update(date="2018-09-20")),
    # A date after the as-of date is left out of the judgement and reported as information.
    "TF-DATES.pass.future": edit(lambda r: r["evidence"][3].update(period_end="2020-07-20")),
    "TF-DATES.na": edit(lambda r: [r.update({k: None}) for k in (
        "assessment_started", "assessment_completed", "assessment_date", "consent_date", "manager_date",
        "plan_date", "closure_date")] + [r.update(reviews=[], evidence=[], closure_outcomes=[])]),
    "TF-REVIEWED.pass": BASE,
    "TF-REVIEWED.fail": variant(reviews=[]),
    "TF-REVIEWED.na": edit(open_recent),
    "TF-REVIEW-FREQUENCY.pass": BASE,
    "TF-REVIEW-FREQUENCY.fail": edit(lambda r: r["reviews"].pop(2)),
    "TF-REVIEW-FREQUENCY.na": variant(reviews=[]),
    # The wait from a review recording everything achieved to the closure is not a gap.
    "TF-REVIEW-FREQUENCY.pass.sustain-wait": edit(lambda r: r.update(reviews=r["reviews"][:2])),
    "TF-CLOSURE-REASON.pass": BASE,
    "TF-CLOSURE-REASON.review": variant(closure_reason="Stepped up to social care"),
    "TF-CLOSURE-REASON.review.moved": variant(closure_reason="Moved out of area"),
    "TF-CLOSURE-REASON.na": edit(no_closure),
    "TF-PROGRAMME-WINDOW.pass": BASE,
    "TF-PROGRAMME-WINDOW.fail": shifted(BASE, 4),
    "TF-PROGRAMME-WINDOW.na": variant(assessment_started=None, assessment_completed=None, assessment_date=None),
    "TF-DISCRETIONARY.na": BASE,
    "TF-DISCRETIONARY.review": edit(lambda r: (r["closure_outcomes"][1].update(achieved=False), r.update(discretionary={
        "approver": "Priya Shah", "date": "2019-09-12",
        "rationale": "Equivalent progress: Dana completed the course and manages her mood without the service."}))),
    "TF-DISCRETIONARY.fail": edit(lambda r: (r["closure_outcomes"][1].update(achieved=False), r.update(discretionary={
        "approver": None, "date": None, "rationale": "Equivalent progress."}))),
    "TF-DUPLICATE.pass": [BASE, other("FF-1002", "FF-1002")],
    "TF-DUPLICATE.fail": [BASE, other("FF-1001", "FF-1001-copy")],
    "TF-DUPLICATE.na": variant(family_ref=None),
    "TF-DEPENDENT-CHILD.pass": BASE,
    "TF-DEPENDENT-CHILD.fail": edit(older_only),
    "TF-DEPENDENT-CHILD.na": edit(unreadable_assessment),
    "TF-DEPENDENT-CHILD.review": edit(young_person_only),
    "TF-RECURRENCE.pass": BASE,
    "TF-RECURRENCE.review": edit(recurrence),
    "TF-RECURRENCE.review.said-no": edit(lambda r: set_review_state(r, 3, "health", "no")),
    # Hard data alone shows it: a term at 71% inside the six months after achievement.
    "TF-RECURRENCE.review.hard-data": edit(lambda r: r["evidence"][1].update(value="71.0")),
    "TF-RECURRENCE.na": edit(lambda r: ([set_review_state(r, n, c, "partly") for n in (1, 2, 3, 4) for c in ("education", "health")],
                                        r.update(closure_outcomes=[dict(o, achieved=False) for o in r["closure_outcomes"]]))),
    "TF-LEFT-HOUSEHOLD.pass": BASE,
    "TF-LEFT-HOUSEHOLD.review": edit(lambda r: r["closure_outcomes"][0].update(
        evidence="Attendance concern resolved: Kayden left the household in the spring to live with his father.")),
    "TF-LEFT-HOUSEHOLD.na": edit(no_closure),
    # --- sf-2022
    "SF-NEEDS.pass": variant(criteria=["education", "health", "financial_stability"]),
    "SF-NEEDS.fail": BASE,
    # count=needs: two needs under one headline count twice; a need without evidence does not count.
    "SF-NEEDS.pass.needs": variant(identified=identified(
        ("education", "Kayden's attendance is 81%.", "Kayden Price"), ("health", "Dana has low mood.", "Dana Price"),
        ("health", "Kayden is on the CAMHS waiting list.", "Kayden Price"))),
    "SF-NEEDS.fail.unevidenced": variant(criteria=["education", "health", "housing"], identified=identified(
        ("education", "Kayden's attendance is 81%.", "Kayden Price"), ("health", "Dana has low mood.", "Dana Price"),
        ("housing", "", "Dana Price"))),
    "SF-PROGRAMME-WINDOW.pass": shifted(BASE, 4),
    "SF-PROGRAMME-WINDOW.fail": BASE,
    # Throughout the six months after closure: a further incident in them breaks it.
    "SF-SUSTAINED.fail.throughout": edit(lambda r: r["evidence"].extend([
        {"criterion": "health", "member": "Dana Price", "measure": "note", "period_start": "2019-09-10",
         "period_end": "2019-11-20", "value": "Further incident: Dana back in crisis"},
        {"criterion": "health", "member": "Dana Price", "measure": "note", "period_start": "2019-11-21",
         "period_end": "2020-03-20", "value": "GP: remains well"},
        attendance_row("95.5", "2020-01-06", "2020-03-20")])),
    "SF-SUSTAINED.pass": edit(lambda r: r["evidence"].extend([
        {"criterion": "health", "member": "Dana Price", "measure": "note", "period_start": "2019-09-10",
         "period_end": "2020-03-20", "value": "GP: remains well"},
        {"criterion": "education", "member": "Kayden Price", "measure": "attendance_pct", "period_start": "2020-01-06",
         "period_end": "2020-03-20", "value": "95.5"}])),
    "SF-SUSTAINED.fail": BASE,
    "SF-CONSENT.pass": BASE,
    "SF-CONSENT.warn": variant(consent_given=False),
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
    "FFA-REVIEW-GAPS.pass": edit(six_weekly),
    "FFA-REVIEW-GAPS.fail": edit(eight_weekly),
    "FFA-REVIEW-GAPS.na": variant(reviews=[]),
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
    "FFA-EFFECTIVE.na": BASE,
    "FFA-EFFECTIVE.pass": variant(auditor_judgements=[
        {"rule": "FFA-EFFECTIVE", "judgement": "met", "by": "Ruth Okafor", "date": "2020-06-15"}]),
    "FFA-EFFECTIVE.fail": variant(auditor_judgements=[
        {"rule": "FFA-EFFECTIVE", "judgement": "not_met", "by": "Ruth Okafor", "date": "2020-06-15"}]),
    "FFA-STANDARDS.na": BASE,
    "FFA-IMPACT.na": BASE,
    "FFA-LESSONS.na": BASE,
    # --- the example local pack (rules/examples/fernshire-local.xml)
    "LOCAL-ATTENDANCE.pass": BASE,
    "LOCAL-ATTENDANCE.fail": edit(lambda r: r["evidence"][2].update(value="88.5")),
    # Too few termly rows says so (not "under 90%"); a six-month row is not a term.
    "LOCAL-ATTENDANCE.fail.too-few-terms": edit(lambda r: (r["evidence"].pop(3), r["evidence"].append(
        attendance_row("95.0", "2019-09-03", "2020-03-27")))),
    "LOCAL-ATTENDANCE.na": variant(criteria=["crime", "health"]),
}


def all_fixtures():
    out = dict(FIXTURES)
    for sf, tf in SF_SAME.items():
        for st in ("pass", "fail", "warn", "review"):
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
