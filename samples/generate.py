#!/usr/bin/env python3
"""Writes tfaudit's synthetic sample corpus: samples/bundles/, samples/expected/, samples/README.md.

Everything here is invented: councils, families, workers, addresses. Python 3 standard library only,
plus LibreOffice (`soffice`) and poppler's `pdftoppm` for the few PDF files. Output is fixed: no
randomness, fixed zip timestamps, fixed document metadata; the PDFs LibreOffice writes have their
dates and /ID rewritten to fixed values (same length, so the xref table stays valid).

The expected results (samples/expected/*.json) are written from the scenario data below, never from
tfaudit's output. A small reference reading of the tf-2015 rules (docs/case-record.md) checks that each
scenario fails exactly the rules it was written to fail, under every reading of the contract's loose
ends we could think of (see `judge`); a scenario that would depend on one reading stops the run.

Usage: python3 samples/generate.py
"""
import datetime as dt
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape as xesc

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from pdfwrite import pdf_bytes  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLES = os.path.join(HERE, "bundles")
EXPECTED = os.path.join(HERE, "expected")
AS_OF = dt.date(2020, 6, 30)
PACK = ["crime", "education", "children_in_need", "worklessness", "domestic_abuse", "health"]
SCOPES = ["central_government", "dwp", "national_evaluation", "troubled_families_programme",
          "government_departments", "local_partners"]
COUNCIL = {"A": "Fernshire County Council", "B": "Kestrel Vale Borough Council",
           "C": "Brackenford City Council", "D": "Ravensholt Metropolitan Borough Council",
           "E": "Ellerdyke District Council", "F": "Marrowick City Council"}
D = dt.date
W = dt.timedelta(weeks=1)
DAY = dt.timedelta(days=1)

# ---------------------------------------------------------------------------------------------
# Dates as councils write them (documents.md): UK order always.
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt(d, style):
    """14/11/2019 · 14-11-2019 · 14.11.19 · 14 Nov 2019 · 14th November 2019 · 2019-11-14 ·
    Thursday 14th November 2019."""
    if d is None:
        return ""
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "dot":
        return d.strftime("%d.%m.%y")
    if style == "dot4":
        return d.strftime("%d.%m.%Y")
    if style == "slash2":
        return d.strftime("%d/%m/%y")
    if style == "mon":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "th":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "day":
        return f"{WEEKDAYS[d.weekday()]} {ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    raise ValueError(style)


def iso(d):
    return d.isoformat() if d else None


def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    last = [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31,
            30, 31, 30, 31][m - 1]
    return D(y, m, min(d.day, last))


def collapse(s):
    return re.sub(r"\s+", " ", s).strip() if s is not None else None


# ---------------------------------------------------------------------------------------------
# How each council names the six criteria, and the free text each criterion's paperwork carries.
# {c} is the child of concern's first name, {t} the teenager's, {a} the adult's.
CRIT_NAME = {
    "A": {"crime": "Crime and anti-social behaviour", "education": "School attendance",
          "children_in_need": "Children who need help",
          "worklessness": "Worklessness and financial exclusion",
          "domestic_abuse": "Domestic violence and abuse", "health": "Health"},
    "B": {"crime": "Staying safe in the community", "education": "Getting a good education",
          "children_in_need": "Improving children's life chances",
          "worklessness": "Improving living standards",
          "domestic_abuse": "Staying safe in relationships", "health": "Living well"},
    "C": {"crime": "TF1", "education": "TF2", "children_in_need": "TF3", "worklessness": "TF4",
          "domestic_abuse": "TF5", "health": "TF6"},
    "D": {"crime": "Offending or anti-social behaviour", "education": "Not attending school",
          "children_in_need": "Children needing help", "worklessness": "Out of work or money worries",
          "domestic_abuse": "Violence at home", "health": "Physical or mental health"},
    "E": {"crime": "Youth crime or ASB", "education": "Poor school attendance",
          "children_in_need": "Child at risk", "worklessness": "Adult out of work",
          "domestic_abuse": "Domestic violence", "health": "Mental or physical health"},
    "F": {"crime": "Crime / ASB", "education": "School", "children_in_need": "Child in need",
          "worklessness": "Money and work", "domestic_abuse": "Domestic abuse",
          "health": "Health and wellbeing"},
}
C_LONG = {"crime": "TF1 Crime and anti-social behaviour", "education": "TF2 School attendance",
          "children_in_need": "TF3 Children who need help",
          "worklessness": "TF4 Worklessness and financial exclusion",
          "domestic_abuse": "TF5 Domestic violence and abuse", "health": "TF6 Health"}
ROLE = {"crime": "t", "education": "c", "children_in_need": "c", "worklessness": "a",
        "domestic_abuse": "a", "health": "a"}

TEXT = {
    "crime": dict(
        need="{t} has been involved in anti-social behaviour on the estate, with police call-outs to the home.",
        outcome="{t} stays out of trouble in the community, with no ASB reports for six months.",
        actions=[("Refer {t} to the youth justice prevention worker for weekly sessions", "Youth Justice Service", 4),
                 ("Enrol {t} at the Saturday boxing club", "Family support worker", 8)],
        assess="Three police call-outs for anti-social behaviour since the summer.",
        no="Two ASB reports this period; {t} has met the prevention worker once.",
        partly="One ASB report this period; {t} now goes to boxing club every Saturday.",
        yes="No ASB reports or police call-outs this period.",
        yes2="Still no ASB reports; {t} helps to coach the younger boxers.",
        closure="Police check: no ASB reports for {t} in the last six months.",
        base=("incidents", "4"), post=("incidents", "0")),
    "education": dict(
        need="{c}'s school attendance is below 90% and {c} is often late.",
        outcome="{c} attends school every day, with attendance above 90% for three terms.",
        actions=[("Agree a morning routine and attendance plan with school", "Education welfare officer", 3),
                 ("Breakfast club place for {c}", "School", 4)],
        assess="Attendance 81% last term (persistent absence).",
        no="Attendance 84% this half term; mornings are still a struggle.",
        partly="Attendance up to 89%; {c} is using breakfast club most days.",
        yes="Attendance 96% this term; {c} arrives on time.",
        yes2="Attendance stays above 95%; no unauthorised absence.",
        closure="School attendance records show {c} above 95% for three terms.",
        base=("attendance_pct", "81.3"), post=("attendance_pct", "96.2")),
    "children_in_need": dict(
        need="{c} is on a child in need plan because of neglect of basic care at home.",
        outcome="{c}'s basic care needs are met and the child in need plan can close.",
        actions=[("Home routines and budgeting sessions with {a}", "Family support worker", 6),
                 ("Health visitor checks on {c}'s development", "Health visitor", 8)],
        assess="Child in need plan since the spring.",
        no="Child in need plan continues; home conditions are variable.",
        partly="Home conditions improved at two unannounced visits.",
        yes="Child in need plan closed by social care this period.",
        yes2="Home conditions remain good; {c} is thriving at nursery.",
        closure="Social care closed the child in need plan and home visits stay positive.",
        base=("note", "Child in need plan"), post=("note", "Child in need plan closed")),
    "worklessness": dict(
        need="{a} is out of work and the family has rent arrears of £1,240.",
        outcome="{a} is on a path back to work and the rent arrears are cleared.",
        actions=[("Referral to the employment support adviser at the job centre", "Employment adviser", 4),
                 ("Debt advice and a repayment plan with the housing provider", "Citizens Advice", 6)],
        assess="Out of work for two years; rent arrears of £1,240.",
        no="Arrears unchanged; {a} has met the employment adviser once.",
        partly="Repayment plan agreed; {a} has started a volunteering placement.",
        yes="Arrears cleared and {a} has a part-time job.",
        yes2="{a} keeps up the rent and remains in work.",
        closure="Rent account is clear and {a} remains in work.",
        base=("note", "Rent arrears £1,240"), post=("note", "Rent arrears cleared")),
    "domestic_abuse": dict(
        need="{a} has experienced domestic abuse from a former partner.",
        outcome="{a} and the children are safe from domestic abuse.",
        actions=[("Referral to the independent domestic violence adviser", "IDVA service", 2),
                 ("Safety planning and the Freedom Programme for {a}", "Women's Aid", 10)],
        assess="Two police reports of domestic abuse this year; MARAC referral made.",
        no="{a} has a safety plan; the former partner still makes contact.",
        partly="{a} has finished half of the Freedom Programme; no police reports.",
        yes="{a} completed the Freedom Programme; no police reports of domestic abuse.",
        yes2="No domestic abuse reports; {a} feels safe at home.",
        closure="No police reports of domestic abuse in the last six months.",
        base=("incidents", "2"), post=("incidents", "0")),
    "health": dict(
        need="{a} has low mood and anxiety that make it hard to manage the household.",
        outcome="{a}'s mental health is supported and {a} manages the daily routine.",
        actions=[("Referral to Talking Therapies", "GP", 3),
                 ("Weekly walking group at the family centre", "Family support worker", 6)],
        assess="Low mood and anxiety; prescribed medication by GP.",
        no="{a} is on the Talking Therapies waiting list.",
        partly="{a} has started Talking Therapies and attends the walking group.",
        yes="{a} completed Talking Therapies and reports feeling much better.",
        yes2="{a} continues to manage well and still joins the walking group.",
        closure="GP confirms {a} was discharged from Talking Therapies and remains well.",
        base=("note", "Referred to Talking Therapies"), post=("note", "Discharged from Talking Therapies")),
}
NOT_MET_CLOSURE = {
    "education": "Attendance is still below 90% at closure.",
    "health": "{a} is still waiting for the community mental health service.",
    "domestic_abuse": "{a} has disclosed abuse from a new partner and the safety plan is still needed.",
}
REASON = {"A": "Outcomes achieved", "B": "Needs met", "C": "Outcomes achieved", "D": "Goals met",
          "E": "Support no longer needed", "F": "All goals achieved"}
CONSENT_TEXT = {
    "A": ("I agree that information about my family may be shared with central government and the "
          "Department for Work and Pensions (DWP) for the purpose of the Troubled Families Programme.",
          ["central_government", "dwp", "troubled_families_programme"]),
    "B": ("We agree that information held about our family can be shared with government departments "
          "and with local partner agencies, and used for the national evaluation of the programme.",
          ["national_evaluation", "government_departments", "local_partners"]),
    "C": ("The family consents to information being shared with local partners and with the Department "
          "for Work and Pensions (DWP) for the Troubled Families Programme.",
          ["dwp", "troubled_families_programme", "local_partners"]),
    "D": ("I understand that Ravensholt Council will share information about my family with the Department "
          "for Work and Pensions (DWP) and with the national evaluation of the Troubled Families Programme.",
          ["dwp", "national_evaluation", "troubled_families_programme"]),
    "E": ("Information about our family may be passed to central government and to local partners to "
          "check how well family support works.", ["central_government", "local_partners"]),
    "F": ("I consent to Marrowick City Council sharing my family's information with government departments "
          "for the Troubled Families Programme.", ["troubled_families_programme", "government_departments"]),
    "C-local": ("The family consents to information being shared with local partner agencies in "
                "Brackenford (schools, health services, police and housing) to coordinate support.",
                ["local_partners"]),
}
RECUR_WORDS = ("recurred", "recurrence", "re-offended", "further incident")
LEFT_WORDS = ("left the household", "moved out", "left school", "no longer lives")
REVIEW_REASONS = ("stepped up", "step up", "step-up", "social care", "child protection", "disengaged", "declined",
                  "moved out of area", "moved out of the area", "moved away", "left the area")
RECUR_TEXT = "A brief recurrence of ASB in one week (a community warning); no reports since."
LEFT_TEXT = "Attendance concern resolved: {c} left the household in the spring to live with her father."
MEASURE_LABEL = {"attendance_pct": "Attendance (%)", "incidents": "Incidents", "benefit": "Benefit",
                 "benefit_end": "Benefit end date", "employment_start": "Employment start date",
                 "weeks_in_work": "Weeks in work", "note": "Note"}
# Which way each measure improves, as templates/vocabulary.xml says (better="..."); None: not said.
MEASURE_BETTER = {"attendance_pct": "higher", "incidents": "lower"}


# ---------------------------------------------------------------------------------------------
# A scenario: the family's story as data. The record (docs/case-record.md) and every document
# are both derived from it, so the expectations cannot drift from what the documents say.
# Out-of-work benefits by name, as a closure writes them, and back to the pack's keys.
BENEFIT_NAME = {"JSA": "Jobseeker's Allowance", "ESA": "Employment and Support Allowance"}
BENEFIT_KEY = {v: k for k, v in BENEFIT_NAME.items()}


def first(name):
    return name.split()[0]


def make_case(name, council, ref, members, roles, lead, agency, author, manager, criteria,
              summary, expect, *, week=0, review_weeks=(10, 20, 30, 40), closure_week=50,
              achieve=None, added=None, plan_date=None, review_before_plan=False,
              undated_assessment=False, no_lead=False, consent="yes", consent_key=None,
              drop_from_plan=(), no_action_idx=None, recurrence=None, left_household=None,
              evidence="doc", employment=None, impossible_review=None, scanned_closure=False,
              voice="text", styles=None, closure=True, attendee="Leanne Cope", folder=None,
              combined=False, pdf=(), opts=None, reason_text=None, truncated_closure=False,
              extra_goal=False, employment_in="evidence", employer=None):
    base = D(2018, 9, 3) + week * W
    a_start, a_comp = base, base + 14 * DAY
    consent_date, manager_date = a_comp, a_comp + 3 * DAY
    plan = plan_date or a_comp + 7 * DAY
    reviews = [plan + k * W for k in review_weeks]
    if review_before_plan:
        reviews.insert(0, plan - 3 * DAY)
    closure_d = plan + closure_week * W if closure else None
    names = {r: first(members[i][0]) for r, i in roles.items()}
    full = {r: members[i][0] for r, i in roles.items()}

    def tx(s):
        return s.format(**names)

    achieve = dict(achieve) if achieve is not None else {c: 2 for c in criteria}
    added = dict(added or {})
    ach = {}
    for c in list(criteria) + list(added):
        v = achieve.get(c)
        ach[c] = reviews[v - 1] if isinstance(v, int) else v
    plan_crits = [c for c in criteria if c not in drop_from_plan]

    # -- plan
    plan_outcomes = []
    for k, c in enumerate(plan_crits):
        t = TEXT[c]
        acts = [] if no_action_idx == k else [
            {"what": tx(w), "who": who, "by_when": iso(plan + wk * W)} for w, who, wk in t["actions"]]
        plan_outcomes.append({"criterion": c, "need": tx(t["need"]), "outcome": tx(t["outcome"]),
                              "actions": acts})
    if extra_goal:
        # A goal that names no headline problem: it stays without a criterion.
        plan_outcomes.append({"criterion": None, "need": tx(FAMILY_LIFE["need"]),
                              "outcome": tx(FAMILY_LIFE["outcome"]),
                              "actions": [{"what": tx(FAMILY_LIFE["action"]), "who": "Family support worker",
                                           "by_when": iso(plan + 6 * W)}]})
    # -- reviews
    rv = []
    for i, r in enumerate(reviews, 1):
        crits = plan_crits + [c for c, at in added.items() if at <= i]
        outs = []
        for c in crits:
            t = TEXT[c]
            a = ach.get(c)
            seen = [x for x in reviews[:i - 1] if (c not in added or reviews.index(x) + 1 >= added[c])]
            if a and r >= a:
                earlier_yes = any(x >= a for x in seen)
                state, prog = "yes", t["yes2"] if earlier_yes else t["yes"]
                if recurrence == c and earlier_yes and not any(
                        x >= a for x in seen[:-1]):
                    prog = RECUR_TEXT
            elif not seen:
                state, prog = "no", t["no"]
            else:
                state, prog = "partly", t["partly"]
            outs.append({"criterion": c, "progress": tx(prog), "state": state})
        nxt = reviews[i] if i < len(reviews) else closure_d
        people = [full["a"], attendee] + ([lead] if not no_lead else [author])
        rv.append({"number": i, "date": r, "next": nxt, "attendees": people, "outcomes": outs,
                   "written_date": None})
    if impossible_review:
        r = rv[impossible_review - 1]
        r["written_date"] = impossible_review_text(r["date"], (styles or {}).get("date"))
    # -- closure
    clo = []
    for c in list(criteria) + sorted(added, key=PACK.index):
        a = ach.get(c)
        if a:
            ev = LEFT_TEXT if left_household == c else TEXT[c]["closure"]
            clo.append({"criterion": c, "achieved": True, "date_achieved": a, "sustained_since": a,
                        "evidence": tx(ev)})
        else:
            clo.append({"criterion": c, "achieved": False, "date_achieved": None,
                        "sustained_since": None, "evidence": tx(NOT_MET_CLOSURE[c])})
    reason = REASON[council] if all(x["achieved"] for x in clo) else "Family declined further support"
    # -- hard data
    ev = []
    if evidence:
        for c in criteria:
            if employment and c == "worklessness":
                continue
            m, v = TEXT[c]["base"]
            ev.append({"criterion": c, "member": full[ROLE[c]], "measure": m,
                       "period_start": a_start - 16 * W, "period_end": a_start - 2 * W, "value": v})
        for c in criteria:
            if ach.get(c) and not (employment and c == "worklessness"):
                m, v = TEXT[c]["post"]
                end = (closure_d or plan + closure_week * W) - 7 * DAY
                ev.append({"criterion": c, "member": full[ROLE[c]], "measure": m,
                           "period_start": ach[c], "period_end": end, "value": v})
        if employment and employment_in == "evidence":
            ben, weeks = employment
            bend, estart = plan + 2 * W - 3 * DAY, plan + 3 * W
            who = full["a"]
            ev += [{"criterion": "worklessness", "member": who, "measure": "benefit",
                    "period_start": a_start - 60 * W, "period_end": bend, "value": ben},
                   {"criterion": "worklessness", "member": who, "measure": "benefit_end",
                    "period_start": None, "period_end": None, "value": iso(bend)},
                   {"criterion": "worklessness", "member": who, "measure": "employment_start",
                    "period_start": None, "period_end": None, "value": iso(estart)},
                   {"criterion": "worklessness", "member": who, "measure": "weeks_in_work",
                    "period_start": estart, "period_end": estart + weeks * W, "value": str(weeks)}]
    closure_job = None
    if employment and employment_in == "closure":
        # Employment evidenced only in the closure's "Into work" section: the adult, the benefit by
        # name, the date work began, the employer and the weeks in work. The benefit ended when work
        # began; the weeks run to the closure's date. The closure is dated and the evidence document
        # not, so the closure's rows come first in the record (docs/case-record.md: date order).
        assert council == "D" and closure, "the closure's employment section is written in Ravensholt's closure"
        ben, weeks = employment
        estart = plan + 3 * W
        who = full["a"]
        closure_job = {"who": who, "benefit": BENEFIT_NAME[ben], "start": estart, "employer": employer,
                       "weeks": weeks}
        row = {"criterion": "worklessness", "member": who, "in_closure": True}
        ev = [dict(row, measure="benefit", period_start=None, period_end=estart, value=BENEFIT_NAME[ben]),
              dict(row, measure="benefit_end", period_start=None, period_end=None, value=iso(estart)),
              dict(row, measure="employment_start", period_start=None, period_end=None, value=iso(estart)),
              dict(row, measure="weeks_in_work", period_start=estart, period_end=closure_d, value=str(weeks))] + ev
    ctext, scope = CONSENT_TEXT[consent_key or council]
    case = dict(
        name=name, council=council, ref=ref, members=members, full=full, names=names, lead=lead,
        agency=agency, author=author, manager=manager, criteria=list(criteria), added=added,
        summary=summary, expect=expect, a_start=a_start, a_comp=a_comp,
        undated_assessment=undated_assessment, no_lead=no_lead, consent=consent,
        consent_date=consent_date, consent_text=ctext, scope=scope, manager_date=manager_date,
        voice=voice, plan=plan, plan_outcomes=plan_outcomes, reviews=rv, closure=closure_d,
        closure_outcomes=clo, reason=reason, evidence=ev, evidence_fmt=evidence, closure_job=closure_job,
        scanned_closure=scanned_closure, truncated_closure=truncated_closure, styles=styles or {}, folder=folder or name,
        combined=combined, pdf=set(pdf), opts=set(opts or ()),
        assess_detail={c: (TEXT[c]["assess"], full[ROLE[c]]) for c in criteria},
        reason_for_assessment=tx(reason_text or REASON_FOR[council]),
        voice_text=tx(VOICE[council]))
    return case


def impossible_review_text(d, style=None):
    # The worker's typo: the 31st of a month that has 30 days (or February).
    assert d.month in (2, 4, 6, 9, 11), d
    if style in ("th", "day"):
        return f"31st {MONTHS[d.month - 1]} {d.year}"
    return f"31/{d.month:02d}/{d.year}"


FAMILY_LIFE = dict(need="The family rarely spends time together and weekends are tense.",
                   outcome="The family enjoys time together at weekends.",
                   action="Family days out with the Saturday family club")


REASON_FOR = {
    "A": "School raised concerns about {c} and {a} asked for help with the household.",
    "B": "Referral from school: {c}'s attendance and worries about home.",
    "C": "Police and school concerns; {a} asked for early help.",
    "D": "{a} rang the family hub after a second school exclusion letter about {c}.",
    "E": "School nurse referral: {c} is often absent and {a} is struggling.",
    "F": "Request for support from {c}'s school and the housing officer.",
}
VOICE = {
    "A": "{c} says school is good when friends are there but mornings at home are noisy.",
    "B": "{c} told me home feels calmer when everyone knows the plan for the day.",
    "C": "{c} said: I want my mum to be happy and I want to go to football club.",
    "D": "{c} would like the shouting at home to stop and to walk to school with friends.",
    "E": "{c} drew a picture of the family at the park and said weekends are best.",
    "F": "{c} says: I like it when mum takes me to school and we have breakfast.",
}


def record_of(case):
    """The case record per docs/case-record.md, every key present, no "sources"."""
    A, B = case["a_start"], case["a_comp"]
    if case["undated_assessment"]:
        A = B = None
    clo_read = case["closure"] is not None and not case["scanned_closure"] and not case["truncated_closure"]
    reviews = []
    for r in case["reviews"]:
        reviews.append({
            "date": None if r["written_date"] else iso(r["date"]), "number": r["number"],
            "attendees": r["attendees"], "next_review": iso(r["next"]),
            "outcomes": [{"criterion": o["criterion"], "progress": o["progress"],
                          "rating": rating(case, r, o), "achieved": o["state"]}
                         for o in r["outcomes"]]})
    reviews.sort(key=lambda r: (r["date"] is None, r["date"] or ""))
    unreadable = []
    if case["scanned_closure"]:
        unreadable.append({"file": f"{case['folder']}/{case['files']['closure']}",
                           "reason": "no text layer"})
    if case["truncated_closure"]:
        unreadable.append({"file": f"{case['folder']}/{case['files']['closure']}", "reason": "damaged"})
    for r in case["reviews"]:
        if r["written_date"]:
            unreadable.append({"file": f"{case['folder']}/{case['files']['reviews'][r['number'] - 1]}",
                               "reason": "impossible date"})
    consent_given = {"yes": True, "unanswered": None, "no": False}[case["consent"]]
    return {
        "family_ref": case["ref"],
        "council": COUNCIL[case["council"]],
        "assessment_started": iso(A),
        "assessment_completed": iso(B),
        "assessment_date": iso(B or A),
        "lead_professional": None if case["no_lead"] else case["lead"],
        "lead_agency": None if case["no_lead"] else case["agency"],
        "criteria": [c for c in PACK if c in case["criteria"]],
        "criteria_added": [c for c in PACK if c in case["added"]],
        "consent_given": consent_given,
        "consent_date": iso(case["consent_date"]) if case["consent"] == "yes" else None,
        "consent_signed_by": case["full"]["a"] if case["consent"] == "yes" else None,
        "consent_scope": [s for s in SCOPES if s in case["scope"]],
        "manager": case["manager"],
        "manager_date": iso(case["manager_date"]),
        "voice_of_child": {"text": True, "empty": False, "absent": None}[case["voice"]],
        "plan_date": iso(case["plan"]),
        "plan_outcomes": case["plan_outcomes"],
        "review_dates": sorted(r["date"] for r in reviews if r["date"]),
        "reviews": reviews,
        "closure_date": iso(case["closure"]) if clo_read else None,
        "closure_reason": case["reason"] if clo_read else None,
        "closure_outcomes": [{"criterion": o["criterion"], "achieved": o["achieved"],
                              "date_achieved": iso(o["date_achieved"]),
                              "sustained_since": iso(o["sustained_since"]),
                              "evidence": o["evidence"]} for o in case["closure_outcomes"]]
        if clo_read else [],
        "evidence": [{"criterion": e["criterion"], "member": e["member"], "measure": e["measure"],
                      "period_start": iso(e["period_start"]), "period_end": iso(e["period_end"]),
                      "value": e["value"], "better": MEASURE_BETTER.get(e["measure"])}
                     for e in case["evidence"]],
        "members": [{"name": n, "relationship": rel, "dob": iso(dob)} for n, rel, dob in case["members"]],
        "unreadable": unreadable,
    }


RAG = {"no": "Red", "partly": "Amber", "yes": "Green"}
STAR = {"no": "3", "partly": "6", "yes": "9"}


SCORE = {"no": "3", "partly": "5", "yes": "8"}


def rating(case, review, outcome):
    if "norating" in case["opts"]:
        return None
    if "score" in case["opts"]:
        return SCORE[outcome["state"]]
    if "star" in case["opts"]:
        return STAR[outcome["state"]]
    return RAG[outcome["state"]]


# ---------------------------------------------------------------------------------------------
# A reference reading of the tf-2015 table in docs/case-record.md, used only to check that each
# scenario fails exactly what it was written to fail. It is run under several readings of the
# contract's loose ends (which date starts the sustain window, what "6 months" is, ...); the
# scenarios are built so that all readings agree.
def pdate(s):
    return dt.date.fromisoformat(s) if s else None


def judge(rec, batch_refs, has_assessment=True, has_plan=True, variant=(0, 0)):
    start_pick, six = variant
    st = {}
    crit_all = rec["criteria"] + rec["criteria_added"]
    A, P = pdate(rec["assessment_date"]), pdate(rec["plan_date"])
    rdates = [pdate(x) for x in rec["review_dates"]]
    C = pdate(rec["closure_date"])

    def months6(a, b):
        return (add_months(a, 6) <= b) if six == 0 else ((b - a).days >= 182 + six)

    st["TF-ELIGIBLE"] = len(rec["criteria"]) >= 2
    st["TF-ASSESSMENT"] = has_assessment and A is not None
    st["TF-PLAN"] = has_plan and P is not None and (A is None or P >= A)
    st["TF-LEAD"] = bool(rec["lead_professional"])
    gov = {"central_government", "dwp", "government_departments", "troubled_families_programme",
           "national_evaluation"}
    st["TF-CONSENT"] = (rec["consent_given"] is True and rec["consent_date"] is not None
                        and pdate(rec["consent_date"]) <= AS_OF and bool(gov & set(rec["consent_scope"])))
    st["TF-CRITERIA-IN-PLAN"] = all(any(o["criterion"] == c for o in rec["plan_outcomes"])
                                    for c in rec["criteria"])
    st["TF-OUTCOME-ACTION"] = all(o["actions"] for o in rec["plan_outcomes"])
    # progress and sustained
    dated_reviews = [r for r in rec["reviews"] if r["date"]]
    clo = {o["criterion"]: o for o in rec["closure_outcomes"]}

    def review_state(c, r):
        for o in r["outcomes"]:
            if o["criterion"] == c:
                return o["achieved"]
        return None

    prog, sus = True, True
    for c in crit_all:
        if c in clo:
            ok = clo[c]["achieved"] is True
        else:
            latest = [r for r in dated_reviews if review_state(c, r) is not None]
            ok = bool(latest) and review_state(c, latest[-1]) == "yes"
        prog &= ok
        # when achieved
        start = None
        if c in clo and clo[c]["achieved"]:
            cands = [pdate(clo[c]["date_achieved"]), pdate(clo[c]["sustained_since"])]
            cands = [x for x in cands if x]
            if cands:
                start = [cands[0], cands[-1], min(cands), max(cands)][start_pick]
        if start is None:
            yes = [pdate(r["date"]) for r in dated_reviews if review_state(c, r) == "yes"]
            start = yes[0] if yes else None
        # A relapse restarts the clock: the first review saying yes on or after the last review
        # that says no / partly or records a recurrence, after the achievement.
        if start is not None:
            breaks = [pdate(r["date"]) for r in dated_reviews if pdate(r["date"]) >= start and (
                review_state(c, r) in ("no", "partly") or any(
                    w in o["progress"].lower() for o in r["outcomes"] if o["criterion"] == c for w in RECUR_WORDS))]
            if breaks:
                again = [pdate(r["date"]) for r in dated_reviews
                         if review_state(c, r) == "yes" and pdate(r["date"]) >= max(breaks)]
                if C and c in clo and clo[c]["achieved"] and C >= max(breaks):
                    again.append(C)
                start = min(again) if again else None
        if start is None:
            sus = False
            continue
        holds = [pdate(r["date"]) for r in dated_reviews if review_state(c, r) == "yes"]
        if C and c in clo and clo[c]["achieved"]:
            holds.append(C)
        holds += [pdate(e["period_end"]) for e in rec["evidence"]
                  if e["criterion"] == c and e["period_end"] and e["measure"] != "benefit"]
        holds = [h for h in holds if h <= AS_OF]
        sus &= bool(holds) and months6(start, max(holds))
    st["TF-PROGRESS"], st["TF-SUSTAINED"] = prog, sus
    # employment
    emp = False
    members = {m["name"]: pdate(m["dob"]) for m in rec["members"]}
    thresholds = {"JSA": 26, "ESA": 13, "IB": 13, "IS": 13}
    for who in {e["member"] for e in rec["evidence"]}:
        rows = [e for e in rec["evidence"] if e["member"] == who]
        ben = [BENEFIT_KEY.get(e["value"], e["value"]) for e in rows if e["measure"] == "benefit"]
        ben = [b for b in ben if b in thresholds]
        end = [e for e in rows if e["measure"] == "benefit_end"]
        es = [pdate(e["value"]) for e in rows if e["measure"] == "employment_start"]
        wk = [pdate(e["period_end"]) for e in rows if e["measure"] == "weeks_in_work"
              and e["period_end"] and pdate(e["period_end"]) <= AS_OF]
        dob = members.get(who)
        adult = dob is not None and add_months(dob, 12 * 18) <= (A or AS_OF)
        if ben and end and es and wk and adult:
            weeks = (max(wk) - es[0]).days / 7
            emp |= weeks >= thresholds[ben[0]]
    st["TF-EMPLOYMENT"] = emp
    # dates
    seq = [A, P] + rdates + [C]
    ok = all(x <= y for i, x in enumerate(seq) if x for y in seq[i + 1:] if y)
    st["TF-DATES"] = ok  # dates after the as-of date are reported, not judged
    # reviewed: a review document at all (blocker); how often (major), not counting the wait
    # from a review recording everything achieved to the closure
    st["TF-REVIEWED"] = bool(rec["reviews"])
    last_all_yes = bool(dated_reviews) and all(o["achieved"] == "yes" for o in dated_reviews[-1]["outcomes"])
    gaps = sorted([d for d in [P] + rdates + ([] if last_all_yes else [C]) if d])
    st["TF-REVIEW-FREQUENCY"] = not rec["reviews"] or all((b - a).days <= 84 for a, b in zip(gaps, gaps[1:]))
    st["TF-DUPLICATE"] = batch_refs.count(rec["family_ref"]) == 1
    ref_day = A or P or AS_OF
    st["TF-DEPENDENT-CHILD"] = any(add_months(pdate(m["dob"]), 12 * 19) > ref_day for m in rec["members"])
    # warnings
    rec_ok = True
    for c in crit_all:
        yes = [pdate(r["date"]) for r in dated_reviews if review_state(c, r) == "yes"]
        a = pdate(clo[c]["date_achieved"]) if c in clo and clo[c]["achieved"] else (yes[0] if yes else None)
        if not a:
            continue
        for r in dated_reviews:
            d = pdate(r["date"])
            if a < d <= add_months(a, 6):
                for o in r["outcomes"]:
                    if o["criterion"] == c and (o["achieved"] == "no" or any(
                            w in o["progress"].lower() for w in RECUR_WORDS)):
                        rec_ok = False
    st["TF-RECURRENCE"] = rec_ok
    st["TF-LEFT-HOUSEHOLD"] = not any(any(w in (o["evidence"] or "").lower() for w in LEFT_WORDS)
                                      for o in rec["closure_outcomes"])
    st["TF-CLOSURE-REASON"] = not any(w in (rec["closure_reason"] or "").lower() for w in REVIEW_REASONS)
    # verdict: the red flags (recurrence, left household, closure reason) ask a person: they
    # stop the sustained-progress route as needs_review, never as a failure
    review = {"TF-RECURRENCE", "TF-LEFT-HOUSEHOLD", "TF-CLOSURE-REASON"}
    major = {"TF-REVIEW-FREQUENCY"}
    sp = ["TF-PROGRESS", "TF-SUSTAINED"]
    if all(st[r] for r in sp) and all(st[r] for r in review):
        route, na = "sustained_progress", {"TF-EMPLOYMENT"}
    elif st["TF-EMPLOYMENT"]:
        route, na = "continuous_employment", set(sp) | review
    else:
        route, na = None, set()
    failing = sorted(r for r, ok in st.items() if not ok and r not in review and r not in na)
    blockers = [r for r in failing if r not in major]
    undecided = [r for r in review if not st[r] and r not in na]
    common = [r for r in blockers if r not in sp and r != "TF-EMPLOYMENT"]
    if rec["unreadable"]:
        verdict = "needs_review"
    elif route and not blockers and not undecided:
        verdict = "claimable"
    elif not common and not route and undecided and all(st[r] for r in sp):
        verdict = "needs_review"
    else:
        verdict = "not_claimable"
    return {"verdict": verdict, "route": route, "failing_rules": failing, "warning_rules": []}


def all_dates(rec):
    out = []
    for k in ("assessment_started", "assessment_completed", "consent_date", "manager_date",
              "plan_date", "closure_date"):
        out.append(rec[k])
    for o in rec["plan_outcomes"]:
        out += [a["by_when"] for a in o["actions"]]
    for r in rec["reviews"]:
        out += [r["date"], r["next_review"]]
    for o in rec["closure_outcomes"]:
        out += [o["date_achieved"], o["sustained_since"]]
    for e in rec["evidence"]:
        out += [e["period_start"], e["period_end"]]
        if e["measure"] in ("benefit_end", "employment_start"):
            out.append(e["value"])
    return [pdate(x) for x in out if x]


VARIANTS = [(s, m) for s in range(4) for m in (0, 1, 2)]


# ---------------------------------------------------------------------------------------------
# Zip containers with fixed timestamps, so reruns give the same bytes.
def write_zip(path, members, stored_first=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


# ---------------------------------------------------------------------------------------------
# Council A: Fernshire County Council, Word .docx written by hand.
WNS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
       'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"')


class X(str):
    """Run-level WordprocessingML, inserted as is."""


class Docx:
    def __init__(self, case, title):
        self.case, self.title, self.body, self.ids = case, title, [], 100
        self.split = "split" in case["opts"]
        self.sdt = "sdt" in case["opts"]
        self.header_xml = None   # the page header's paragraphs (other councils)
        self.app_xml = None      # docProps/app.xml (other councils)

    def nid(self):
        self.ids += 1
        return self.ids

    # runs
    def run(self, text, bold=False, split=None):
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        chunks = [text]
        if (self.split if split is None else split) and len(text) > 8:
            # Word splits runs where spell-check or revision ids change; cut at fixed places.
            cut = [0] + sorted({len(text) // 3, (2 * len(text)) // 3}) + [len(text)]
            chunks = [text[a:b] for a, b in zip(cut, cut[1:]) if b > a]
        out = []
        for ch in chunks:
            parts = ch.split("\t")
            inner = "<w:tab/>".join(f'<w:t xml:space="preserve">{xesc(p)}</w:t>' if p else "" for p in parts)
            out.append(f'<w:r w:rsidR="00{len(out) + 3:06X}">{rpr}{inner}</w:r>')
        return "".join(out)

    def sdt_text(self, value, tag):
        if value is None:
            return X(f'<w:sdt><w:sdtPr><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:alias w:val="{tag}"/>'
                     f'<w:tag w:val="{tag}"/><w:id w:val="{self.nid()}"/><w:placeholder><w:docPart '
                     f'w:val="DefaultPlaceholder_-1854013440"/></w:placeholder><w:showingPlcHdr/><w:text/>'
                     f'</w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
                     f'<w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt>')
        return X(f'<w:sdt><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:id w:val="{self.nid()}"/>'
                 f'<w:text/></w:sdtPr><w:sdtContent>{self.run(value, split=False)}</w:sdtContent></w:sdt>')

    def sdt_date(self, d, tag, style):
        if d is None:
            return X(f'<w:sdt><w:sdtPr><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:alias w:val="{tag}"/>'
                     f'<w:tag w:val="{tag}"/><w:id w:val="{self.nid()}"/><w:placeholder><w:docPart '
                     f'w:val="DefaultPlaceholder_-1854013437"/></w:placeholder><w:showingPlcHdr/>'
                     f'<w:date><w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="en-GB"/>'
                     f'<w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/></w:date>'
                     f'</w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
                     f'<w:t>Click here to enter a date.</w:t></w:r></w:sdtContent></w:sdt>')
        return X(f'<w:sdt><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:id w:val="{self.nid()}"/>'
                 f'<w:date w:fullDate="{d.isoformat()}T00:00:00Z"><w:dateFormat w:val="dd/MM/yyyy"/>'
                 f'<w:lid w:val="en-GB"/><w:storeMappedDataAs w:val="dateTime"/><w:calendar w:val="gregorian"/>'
                 f'</w:date></w:sdtPr><w:sdtContent>{self.run(fmt(d, style), split=False)}</w:sdtContent></w:sdt>')

    def w14_check(self, checked):
        glyph = "☒" if checked else "☐"
        return X(f'<w:sdt><w:sdtPr><w:id w:val="{self.nid()}"/><w14:checkbox><w14:checked w14:val="{int(checked)}"/>'
                 f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" '
                 f'w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts '
                 f'w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr>'
                 f'<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>')

    def legacy_check(self, checked, name):
        c = "<w:checked/>" if checked else ""
        return X(f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="{name}"/><w:enabled/>'
                 f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>{c}</w:checkBox>'
                 f'</w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText>'
                 f'</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')

    def tracked(self, old, new):
        return X(f'<w:del w:id="{self.nid()}" w:author="Colin Dray" w:date="2018-10-01T09:12:00Z"><w:r>'
                 f'<w:delText>{xesc(old)}</w:delText></w:r></w:del><w:ins w:id="{self.nid()}" '
                 f'w:author="Colin Dray" w:date="2018-10-01T09:12:00Z"><w:r><w:t>{xesc(new)}</w:t></w:r></w:ins>')

    # blocks
    def inline(self, v, bold=False):
        if isinstance(v, X):
            return v
        return self.run(v, bold=bold)

    def p(self, content="", style=None):
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        if isinstance(content, list):
            inner = "".join(self.inline(c) for c in content)
        else:
            inner = self.inline(content) if content else ""
        self.body.append(f"<w:p>{ppr}{inner}</w:p>")

    def h1(self, t):
        self.p(X(self.run(t, split=False)), "Heading1")

    def h2(self, t):
        self.p(X(self.run(t, split=False)), "Heading2")

    def table(self, rows, header=None, widths=None):
        ncol = len(header or rows[0])
        widths = widths or [9000 // ncol] * ncol
        xml = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
               '<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>'
               + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"]
        allrows = ([("H", header)] if header else []) + [("D", r) for r in rows]
        for kind, row in allrows:
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if kind == "H" else ""
            cells = []
            for i, cell in enumerate(row):
                vm = ""
                if isinstance(cell, tuple):
                    vm = '<w:vMerge w:val="restart"/>' if cell[0] == "restart" else "<w:vMerge/>"
                    cell = cell[1]
                if isinstance(cell, list):
                    paras = "".join(f"<w:p>{self.inline(c)}</w:p>" for c in cell)
                else:
                    bold = kind == "H" or (len(row) == 2 and i == 0 and not header)
                    paras = f"<w:p>{self.inline(cell, bold) if cell else ''}</w:p>"
                cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[i]}" w:type="dxa"/>{vm}</w:tcPr>{paras}</w:tc>')
            xml.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
        xml.append("</w:tbl>")
        self.body.append("".join(xml))
        self.p()

    def kv(self, pairs):
        self.table([[k, v] for k, v in pairs], widths=[3200, 5800])

    def save(self, path, doc_date):
        council = COUNCIL[self.case["council"]]
        sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1440" w:right="1200" w:bottom="1440" w:left="1200" w:header="708" '
                'w:footer="708" w:gutter="0"/></w:sectPr>')
        document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {WNS}><w:body>'
                    + "".join(self.body) + sect + "</w:body></w:document>")
        header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {WNS}>'
                  + (self.header_xml or
                     f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{council}</w:t></w:r>'
                     f'<w:r><w:tab/><w:t>Families First Service</w:t></w:r></w:p>'
                     f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t>OFFICIAL-SENSITIVE</w:t></w:r></w:p>')
                  + '</w:hdr>')
        stamp = f"{doc_date.isoformat()}T09:00:00Z"
        core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
                'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f'<dc:title>{xesc(self.title)}</dc:title><dc:creator>{council}</dc:creator>'
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')
        write_zip(path, [
            ("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS),
            ("docProps/core.xml", core), ("docProps/app.xml", self.app_xml or DOCX_APP),
            ("word/document.xml", document), ("word/styles.xml", DOCX_STYLES),
            ("word/header1.xml", header), ("word/_rels/document.xml.rels", DOCX_DOC_RELS)])


DOCX_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
              '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
              '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
              '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
              '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
              '</Types>')
DOCX_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
             '</Relationships>')
DOCX_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
                 '</Relationships>')
DOCX_APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            '<Template>FCC-FamiliesFirst.dotx</Template><Application>Microsoft Office Word</Application>'
            '<Company>Fernshire County Council</Company></Properties>')
DOCX_STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
               '<w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
               '<w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
               '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
               '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
               '<w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="0"/></w:pPr>'
               '<w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="32"/></w:rPr></w:style>'
               '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
               '<w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="200"/><w:outlineLvl w:val="1"/></w:pPr>'
               '<w:rPr><w:b/><w:color w:val="2E74B5"/><w:sz w:val="26"/></w:rPr></w:style>'
               '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
               '<w:pPr><w:tabs><w:tab w:val="right" w:pos="9506"/></w:tabs></w:pPr></w:style>'
               '<w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/>'
               '<w:rPr><w:color w:val="808080"/></w:rPr></w:style>'
               '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
               '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
               '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
               '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
               '</w:tblBorders></w:tblPr></w:style></w:styles>')


ACH_WORD = {"A": {"yes": "Yes", "no": "No", "partly": "Partly"},
            "B": {"yes": "Yes", "no": "No", "partly": "Partly"},
            "C": {"yes": "Met", "no": "Not met", "partly": "Partly"}}


def crit_label(case, c):
    return CRIT_NAME[case["council"]][c]


def outcome_text(case, c):
    for o in case["plan_outcomes"]:
        if o["criterion"] == c:
            return o["outcome"]
    return TEXT[c]["outcome"].format(**case["names"])


def render_A(case, out):
    st = case["styles"].get("date", "slash")
    f = case["files"]
    sdt = "sdt" in case["opts"]

    def dv(doc, d, tag):
        return doc.sdt_date(d, tag, st) if sdt or d is None else fmt(d, st)

    def tv(doc, v, tag):
        return doc.sdt_text(v, tag) if sdt or v is None else v

    full, rel_of = case["full"], {n: r for n, r, _ in case["members"]}
    # assessment
    d = Docx(case, "Families First Assessment")
    d.h1("Families First Assessment")
    A, Bc = (None, None) if case["undated_assessment"] else (case["a_start"], case["a_comp"])
    completed = dv(d, Bc, "DateCompleted")
    if "tracked" in case["opts"] and Bc:
        completed = d.tracked(fmt(Bc - 7 * DAY, st), fmt(Bc, st))
    d.kv([("Family ID", case["ref"]), ("Date assessment started", dv(d, A, "DateStarted")),
          ("Date assessment completed", completed),
          ("Lead professional", tv(d, None if case["no_lead"] else case["lead"], "LeadProfessional")),
          ("Agency", tv(d, None if case["no_lead"] else case["agency"], "Agency")),
          ("This form completed by", case["author"])])
    d.h2("Household members")
    d.table([[n, r, fmt(b, st)] for n, r, b in case["members"]], header=["Name", "Relationship", "Date of birth"])
    d.h2("Reason for assessment")
    d.p(case["reason_for_assessment"])
    d.h2("Headline criteria")
    rows = []
    for c in PACK:
        on = c in case["criteria"]
        if "w14" in case["opts"]:
            mark = d.w14_check(on)
        elif "yesno" in case["opts"]:
            mark = "Yes" if on else "No"
        else:
            mark = "☒" if on else "☐"
        ev, who = case["assess_detail"].get(c, ("", ""))
        rows.append([crit_label(case, c), mark, ev, who])
    d.table(rows, header=["Criterion", "Identified", "Evidence", "Family member(s)"], widths=[2600, 1200, 3400, 1800])
    if case["voice"] != "absent":
        d.h2("Voice of the child")
        d.p(case["voice_text"] if case["voice"] == "text" else "")
    d.h2("Information sharing and consent")
    d.p(case["consent_text"])
    yes = case["consent"] == "yes"
    if "legacy" in case["opts"]:
        tick = X(d.legacy_check(yes, "Check1") + d.run(" Yes\t", split=False)
                 + d.legacy_check(case["consent"] == "no", "Check2") + d.run(" No", split=False))
    else:
        tick = ("☒ Yes\t☐ No" if yes else "☐ Yes\t☐ No")
    adult = full["a"]
    d.kv([("Consent given", tick), ("Signed", adult if yes else ""), ("Relationship", rel_of[adult] if yes else ""),
          ("Date", dv(d, case["consent_date"], "ConsentDate") if yes else "")])
    d.h2("Management oversight")
    d.kv([("Manager", case["manager"]), ("Date signed off", dv(d, case["manager_date"], "ManagerDate"))])
    d.save(os.path.join(out, f["assessment"]), case["a_comp"])
    # plan
    d = Docx(case, "Family Plan")
    d.h1("Family Plan")
    d.kv([("Family ID", case["ref"]), ("Date of plan", dv(d, case["plan"], "PlanDate")),
          ("Lead professional", tv(d, None if case["no_lead"] else case["lead"], "LeadProfessional"))])
    d.h2("Outcomes and actions")
    rows = []
    for o in case["plan_outcomes"]:
        acts = o["actions"] or [{"what": "", "who": "", "by_when": None}]
        for j, a in enumerate(acts):
            lead3 = [o["need"], crit_label(case, o["criterion"]), o["outcome"]]
            if "vmerge" in case["opts"] and len(acts) > 1:
                lead3 = [("restart" if j == 0 else "cont", v if j == 0 else "") for v in lead3]
            by = fmt(dt.date.fromisoformat(a["by_when"]), st) if a["by_when"] else ""
            rows.append(lead3 + [a["what"], a["who"], by])
    d.table(rows, header=["Need", "Headline criterion", "Outcome", "Action", "Who", "By when"],
            widths=[1700, 1300, 1800, 2000, 1200, 1000])
    d.save(os.path.join(out, f["plan"]), case["plan"])
    # reviews
    for r in case["reviews"]:
        d = Docx(case, "Family Plan Review")
        d.h1("Family Plan Review")
        date = r["written_date"] or fmt(r["date"], st)
        d.kv([("Family ID", case["ref"]), ("Date of review", date), ("Review number", str(r["number"])),
              ("Present", ", ".join(r["attendees"])), ("Apologies", "None"),
              ("Next review date", fmt(r["next"], st))])
        for k, o in enumerate(r["outcomes"], 1):
            d.h2(f"Outcome {k}: {crit_label(case, o['criterion'])}")
            d.table([[outcome_text(case, o["criterion"]), o["progress"], RAG[o["state"]],
                      ACH_WORD["A"][o["state"]]]], header=["Outcome", "Progress", "RAG", "Achieved?"],
                    widths=[2800, 3800, 1000, 1400])
        d.save(os.path.join(out, f["reviews"][r["number"] - 1]), r["date"])
    # closure
    if case["closure"]:
        d = Docx(case, "Closure Summary")
        d.h1("Closure Summary")
        d.kv([("Family ID", case["ref"]), ("Date of closure", fmt(case["closure"], st)),
              ("Reason for closure", case["reason"]), ("Lead professional", case["lead"] if not case["no_lead"] else "")])
        d.h2("Outcomes at closure")
        d.table([[crit_label(case, o["criterion"]), "Yes" if o["achieved"] else "No", fmt(o["date_achieved"], st),
                  fmt(o["sustained_since"], st), o["evidence"]] for o in case["closure_outcomes"]],
                header=["Criterion", "Outcome achieved", "Date achieved", "Sustained since", "Evidence"],
                widths=[2000, 1200, 1300, 1300, 3200])
        d.h2("Management sign-off")
        d.kv([("Closure approved by", case["manager"]), ("Date", fmt(case["closure"] + 2 * DAY, st))])
        path = os.path.join(out, f["closure"])
        if case["scanned_closure"]:
            tmp = os.path.join(WORK, case["name"] + "-closure.docx")
            d.save(tmp, case["closure"])
            scan_to_pdf(tmp, path)
        else:
            d.save(path, case["closure"])
    # evidence
    if case["evidence_fmt"] == "doc":
        d = Docx(case, "Outcome Evidence")
        d.h1("Outcome Evidence")
        d.kv([("Family ID", case["ref"])])
        d.table(evidence_rows(case, st), header=EVIDENCE_HEADER, widths=[1900, 1800, 1500, 1300, 1300, 1200])
        d.save(os.path.join(out, f["evidence"]), case["closure"] or case["plan"])
    elif case["evidence_fmt"] == "csv":
        write_csv(case, os.path.join(out, f["evidence"]), st)


def hard_data(case):
    """The evidence rows a hard-data document or CSV holds (not those the closure gives)."""
    return [e for e in case["evidence"] if not e.get("in_closure")]


EVIDENCE_HEADER = ["Criterion", "Family member", "Measure", "Period start", "Period end", "Value"]


def evidence_rows(case, st):
    return [[crit_label(case, e["criterion"]), e["member"], MEASURE_LABEL[e["measure"]],
             fmt(e["period_start"], st), fmt(e["period_end"], st), e["value"]] for e in hard_data(case)]


def write_csv(case, path, st):
    """Hard-data extract: UTF-8, UTF-8 with BOM ("bom") or Windows-1252 ("cp1252"), CRLF lines."""
    st = case["styles"].get("csv_date", st)
    lines = ["criterion,family member,measure,period start,period end,value"]
    for row in evidence_rows(case, st):
        lines.append(",".join(f'"{v}"' if ("," in v or '"' in v) else v for v in row))
    text = "\r\n".join(lines) + "\r\n"
    if "cp1252" in case["opts"]:
        data = text.encode("cp1252")
    elif "bom" in case["opts"]:
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    else:
        data = text.encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(data)


# ---------------------------------------------------------------------------------------------
# Council B: Kestrel Vale Borough Council, "Label: value" paragraphs in OpenDocument text.
ONS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')


class Odt:
    def __init__(self, case, title):
        self.case, self.title, self.body, self.ntab = case, title, [], 0
        self.header = None      # the master page header's text (other councils)
        self.extra_styles = ""  # more automatic styles (other councils)

    @staticmethod
    def t(s):
        out = xesc(s).replace("\t", "<text:tab/>")
        return re.sub(r"  +", lambda m: " " + f'<text:s text:c="{len(m.group()) - 1}"/>', out)

    def h(self, s, level=1):
        self.body.append(f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{self.t(s)}</text:h>')

    def p(self, s=""):
        self.body.append(f'<text:p text:style-name="Standard">{self.t(s)}</text:p>')

    def lv(self, label, value):
        """"Label: value" with the label in bold; an empty value leaves just the label."""
        v = f" {self.t(value)}" if value else ""
        self.body.append(f'<text:p text:style-name="Standard"><text:span text:style-name="T1">{self.t(label)}:</text:span>{v}</text:p>')

    def bullets(self, items):
        lis = "".join(f'<text:list-item><text:p text:style-name="P2">{self.t(i)}</text:p></text:list-item>' for i in items)
        self.body.append(f'<text:list text:style-name="L1">{lis}</text:list>')

    def table(self, header, rows):
        self.ntab += 1
        n = len(header)

        def row(cells, bold=False):
            sty = "P3" if bold else "Standard"
            return "<table:table-row>" + "".join(
                f'<table:table-cell table:style-name="Tc" office:value-type="string"><text:p text:style-name="{sty}">'
                f"{self.t(c)}</text:p></table:table-cell>" for c in cells) + "</table:table-row>"
        self.body.append(f'<table:table table:name="Table{self.ntab}" table:style-name="Tb">'
                         f'<table:table-column table:number-columns-repeated="{n}"/>'
                         f"<table:table-header-rows>{row(header, True)}</table:table-header-rows>"
                         + "".join(row(r) for r in rows) + "</table:table>")

    def save(self, path, doc_date):
        council = COUNCIL[self.case["council"]]
        content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ONS}>'
                   '<office:automatic-styles>'
                   '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
                   '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard" style:list-style-name="L1"/>'
                   '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Standard">'
                   '<style:text-properties fo:font-weight="bold"/></style:style>'
                   '<style:style style:name="Tb" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>'
                   '<style:style style:name="Tc" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" '
                   'fo:border="0.5pt solid #000000"/></style:style>'
                   '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•">'
                   '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
                   '<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" '
                   'fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/></style:list-level-properties>'
                   '</text:list-level-style-bullet></text:list-style>' + self.extra_styles +
                   '</office:automatic-styles><office:body><office:text>'
                   + "".join(self.body) + "</office:text></office:body></office:document-content>")
        styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ONS}>'
                  '<office:font-face-decls/><office:styles>'
                  '<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" '
                  'fo:font-family="\'Liberation Sans\'" fo:font-size="11pt" fo:language="en" fo:country="GB"/></style:default-style>'
                  '<style:style style:name="Standard" style:family="paragraph" style:class="text">'
                  '<style:paragraph-properties fo:margin-bottom="0.15cm"/></style:style>'
                  '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
                  'style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="1" style:class="text">'
                  '<style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.3cm"/>'
                  '<style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:color="#5b2c6f"/></style:style>'
                  '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" '
                  'style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="2" style:class="text">'
                  '<style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm"/>'
                  '<style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>'
                  '<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>'
                  '</office:styles><office:automatic-styles><style:page-layout style:name="pm1">'
                  '<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" '
                  'fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style>'
                  '<style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>'
                  '</style:page-layout></office:automatic-styles><office:master-styles>'
                  '<style:master-page style:name="Standard" style:page-layout-name="pm1"><style:header>'
                  f'<text:p text:style-name="Header">{xesc(self.header or council + " · Early Help Service")}</text:p></style:header>'
                  '</style:master-page></office:master-styles></office:document-styles>')
        stamp = f"{doc_date.isoformat()}T09:00:00"
        meta = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ONS}><office:meta>'
                f"<meta:generator>{'KVBC Early Help templates' if self.case['council'] == 'B' else 'LibreOffice'}</meta:generator><dc:title>{xesc(self.title)}</dc:title>"
                f"<meta:creation-date>{stamp}</meta:creation-date><dc:date>{stamp}</dc:date>"
                "</office:meta></office:document-meta>")
        manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                    '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
                    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                    '</manifest:manifest>')
        write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text"),
                         ("content.xml", content), ("styles.xml", styles), ("meta.xml", meta),
                         ("META-INF/manifest.xml", manifest)], stored_first="mimetype")


def b_plan_body(d, case, st):
    for k, o in enumerate(case["plan_outcomes"], 1):
        d.lv(f"Outcome {k}", o["outcome"])
        d.lv("Need", o["need"])
        d.lv("Headline criterion", crit_label(case, o["criterion"]))
        for j, a in enumerate(o["actions"], 1):
            by = fmt(dt.date.fromisoformat(a["by_when"]), st)
            d.lv(f"Action {k}.{j}", f"{a['what']} (Who: {a['who']}, By: {by})")


def render_B(case, out):
    st = case["styles"].get("date", "th")
    f = case["files"]
    full, rel_of = case["full"], {n: r for n, r, _ in case["members"]}
    docs = []   # (file name, Odt, date)
    title = "Early Help Assessment and Plan" if case["combined"] else "Early Help Assessment"
    d = Odt(case, title)
    d.h(title)
    A, Bc = (None, None) if case["undated_assessment"] else (case["a_start"], case["a_comp"])
    d.lv("Family reference", case["ref"])
    d.lv("Date Assessment Started", fmt(A, st))
    d.lv("Date Assessment Completed", fmt(Bc, st))
    d.lv("Lead practitioner", "" if case["no_lead"] else case["lead"])
    d.lv("Organisation", "" if case["no_lead"] else case["agency"])
    d.lv("This form completed by", case["author"])
    d.h("Household", 2)
    d.table(["Forename", "Surname", "Relationship", "DoB"],
            [[n.split(" ", 1)[0], n.split(" ", 1)[1], r, fmt(b, "slash")] for n, r, b in case["members"]])
    d.h("Presenting needs", 2)
    d.p(case["reason_for_assessment"])
    d.h("Headline criteria identified", 2)
    d.bullets([f"{crit_label(case, c)}: {case['assess_detail'][c][0]} (family member: {case['assess_detail'][c][1]})"
               for c in PACK if c in case["criteria"]])
    if case["voice"] != "absent":
        d.h("Child's views", 2)
        d.p(case["voice_text"] if case["voice"] == "text" else "")
    d.h("Information sharing and consent", 2)
    d.p(case["consent_text"])
    yes = case["consent"] == "yes"
    d.lv("Consent given", "☒Yes ☐No" if yes else "☐Yes ☐No")
    d.lv("Signed", full["a"] if yes else "")
    d.lv("Relationship", rel_of[full["a"]] if yes else "")
    d.lv("Date", fmt(case["consent_date"], st) if yes else "")
    d.h("Authorisation", 2)
    d.lv("Authorised by", case["manager"])
    d.lv("Date authorised", fmt(case["manager_date"], st))
    if case["combined"]:
        d.h("Family plan", 2)
        d.lv("Date of plan", fmt(case["plan"], st))
        b_plan_body(d, case, st)
    docs.append((f["assessment"], d, case["a_comp"]))
    if not case["combined"]:
        d = Odt(case, "Family Action Plan")
        d.h("Family Action Plan")
        d.lv("Family reference", case["ref"])
        d.lv("Plan start date", fmt(case["plan"], st))
        d.lv("Lead practitioner", "" if case["no_lead"] else case["lead"])
        d.h("Outcomes and actions", 2)
        b_plan_body(d, case, st)
        docs.append((f["plan"], d, case["plan"]))
    for r in case["reviews"]:
        d = Odt(case, "TAF Review")
        d.h("TAF Review")
        d.lv("Family reference", case["ref"])
        d.lv("Review date", r["written_date"] or fmt(r["date"], st))
        d.lv("Review number", str(r["number"]))
        d.lv("Present", ", ".join(r["attendees"]))
        d.lv("Apologies", "None")
        d.lv("Next review date", fmt(r["next"], st))
        d.h("Progress against the plan", 2)
        for k, o in enumerate(r["outcomes"], 1):
            d.lv(f"Outcome {k}", outcome_text(case, o["criterion"]))
            d.lv("Criterion", crit_label(case, o["criterion"]))
            d.lv("Progress", o["progress"])
            d.lv("RAG rating", RAG[o["state"]])
            d.lv("Achieved", ACH_WORD["B"][o["state"]])
        docs.append((f["reviews"][r["number"] - 1], d, r["date"]))
    if case["closure"]:
        d = Odt(case, "Case Closure")
        d.h("Case Closure")
        d.lv("Family reference", case["ref"])
        d.lv("Closure date", fmt(case["closure"], st))
        d.lv("Reason for closure", case["reason"])
        d.h("Outcomes at closure", 2)
        for o in case["closure_outcomes"]:
            d.lv("Criterion", crit_label(case, o["criterion"]))
            d.lv("Outcome achieved", "Yes" if o["achieved"] else "No")
            if o["achieved"]:
                d.lv("Date achieved", fmt(o["date_achieved"], st))
                d.lv("Sustained since", fmt(o["sustained_since"], st))
            d.lv("Evidence", o["evidence"])
        d.lv("Closure approved by", case["manager"])
        docs.append((f["closure"], d, case["closure"]))
    if case["evidence_fmt"] == "doc":
        d = Odt(case, "Hard Data Check")
        d.h("Hard Data Check")
        d.lv("Family reference", case["ref"])
        d.table(EVIDENCE_HEADER, evidence_rows(case, "slash"))
        docs.append((f["evidence"], d, case["closure"] or case["plan"]))
    elif case["evidence_fmt"] == "csv":
        write_csv(case, os.path.join(out, f["evidence"]), "slash")
    for name, doc, date in docs:
        if name.endswith(".pdf"):
            tmp = os.path.join(WORK, case["name"] + "-" + name[:-4] + ".odt")
            doc.save(tmp, date)
            to_pdf(tmp, os.path.join(out, name), date)
        else:
            doc.save(os.path.join(out, name), date)


# ---------------------------------------------------------------------------------------------
# Council C: Brackenford City Council, HTML exports from its case system ("Early Help Module").
def h(s):
    return xesc(s, {'"': "&quot;"})


class Html:
    def __init__(self, case, title):
        self.case, self.title, self.body = case, title, []

    def add(self, s):
        self.body.append(s)

    def kv(self, pairs):
        rows = "".join(f"<tr><th>{h(k)}</th><td>{v if isinstance(v, X) else h(v)}</td></tr>" for k, v in pairs)
        self.add(f'<table class="kv">{rows}</table>')

    def grid(self, header, rows):
        """rows: lists of cells; a cell may be (text, rowspan) or X (raw HTML)."""
        out = ['<table class="grid"><thead><tr>' + "".join(f"<th>{h(c)}</th>" for c in header) + "</tr></thead><tbody>"]
        for r in rows:
            cells = []
            for c in r:
                if isinstance(c, tuple):
                    cells.append(f'<td rowspan="{c[1]}">{h(c[0])}</td>')
                elif isinstance(c, X):
                    cells.append(f"<td>{c}</td>")
                else:
                    cells.append(f"<td>{h(c)}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody></table>")
        self.add("\n".join(out))

    def save(self, path):
        council = COUNCIL[self.case["council"]]
        doc = ("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
               f"<title>{h(self.title)} – {council}</title>\n"
               "<style>body{font-family:Arial,sans-serif;font-size:10pt} table{border-collapse:collapse;margin:6px 0}"
               " th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}"
               " .kv th{background:#eef}</style>\n</head>\n<body>\n"
               f'<div class="banner">{council} · Early Help Module · Exported record</div>\n'
               f"<h1>{h(self.title)}</h1>\n" + "\n".join(self.body) + "\n</body>\n</html>\n")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(doc)


GENDER = {"Mother": "Female", "Daughter": "Female", "Grandmother": "Female", "Stepdaughter": "Female",
          "Father": "Male", "Son": "Male", "Stepfather": "Male", "Stepson": "Male", "Partner": "Male",
          "Brother": "Male", "Sister": "Female", "Aunt": "Female", "Uncle": "Male"}


def checkbox(on):
    return X('<input type="checkbox" checked disabled>' if on else '<input type="checkbox" disabled>')


def render_C(case, out):
    st = case["styles"].get("date", "iso")
    f = case["files"]
    full, rel_of = case["full"], {n: r for n, r, _ in case["members"]}
    d = Html(case, "Whole Family Assessment")
    A, Bc = (None, None) if case["undated_assessment"] else (case["a_start"], case["a_comp"])
    d.add("<h2>Case details</h2>")
    d.kv([("Case ID", case["ref"]), ("Date CAF Assessment Started", fmt(A, st)),
          ("Date CAF Assessment Completed", fmt(Bc, st)),
          ("Allocated worker", "" if case["no_lead"] else case["lead"]),
          ("Service", "" if case["no_lead"] else case["agency"]), ("CAF Assessor", case["author"])])
    d.add("<h2>Family members</h2>")
    d.grid(["Name", "Relationship", "DOB", "Gender", "School / Setting"],
           [[n, r, fmt(b, st), GENDER.get(r, ""), case["school"].get(n, "")] for n, r, b in case["members"]])
    d.add(f"<h2>Reason for request</h2>\n<p>{h(case['reason_for_assessment'])}</p>")
    d.add("<h2>Troubled Families indicators</h2>")
    d.grid(["Indicator", "Current issue", "Detail", "Family member(s)"],
           [[C_LONG[c], checkbox(c in case["criteria"]), *case["assess_detail"].get(c, ("", ""))] for c in PACK])
    if case["voice"] != "absent":
        d.add("<h2>The child's lived experience</h2>")
        d.add(f"<p>{h(case['voice_text'])}</p>" if case["voice"] == "text" else "<p></p>")
    d.add("<h2>Consent statement for information storage and information sharing</h2>")
    yes = case["consent"] == "yes"
    d.add(f"<p>{checkbox(yes)} {h(case['consent_text'])}</p>")
    d.kv([("Signed by", full["a"] if yes else ""), ("Relationship", rel_of[full["a"]] if yes else ""),
          ("Date", fmt(case["consent_date"], st) if yes else "")])
    d.add("<h2>Management oversight</h2>")
    d.kv([("Authorised by", case["manager"]), ("Authorisation date", fmt(case["manager_date"], st))])
    d.save(os.path.join(out, f["assessment"]))
    # plan
    d = Html(case, "Early Help Plan")
    d.kv([("Case ID", case["ref"]), ("Date agreed", fmt(case["plan"], st)),
          ("Allocated worker", "" if case["no_lead"] else case["lead"])])
    d.add("<h2>Plan</h2>")
    rows = []
    for o in case["plan_outcomes"]:
        acts = o["actions"] or [{"what": "", "who": "", "by_when": None}]
        n = len(acts)
        for j, a in enumerate(acts):
            by = fmt(dt.date.fromisoformat(a["by_when"]), st) if a["by_when"] else ""
            if j == 0:
                rows.append([(o["need"], n), a["what"], a["who"], (o["outcome"], n), by,
                             (crit_label(case, o["criterion"]), n)])
            else:
                rows.append([a["what"], a["who"], by])
    d.grid(["Needs", "Actions", "People responsible", "Outcomes", "Completion date", "TF indicator"], rows)
    d.save(os.path.join(out, f["plan"]))
    # reviews
    star = "star" in case["opts"]
    for r in case["reviews"]:
        d = Html(case, "Team Around the Family Review")
        people = X("<ul>" + "".join(f"<li>{h(p)}</li>" for p in r["attendees"]) + "</ul>")
        d.kv([("Case ID", case["ref"]), ("Meeting date", r["written_date"] or fmt(r["date"], st)),
              ("Review number", str(r["number"])), ("Attendees", people), ("Apologies", "None"),
              ("Next review date", fmt(r["next"], st))])
        d.add("<h2>Progress against outcomes</h2>")
        d.grid(["TF indicator", "Outcome", "Progress", "Outcome Star (1-10)" if star else "RAG", "Achieved?"],
               [[crit_label(case, o["criterion"]), outcome_text(case, o["criterion"]), o["progress"],
                 (STAR if star else RAG)[o["state"]], ACH_WORD["C"][o["state"]]] for o in r["outcomes"]])
        d.save(os.path.join(out, f["reviews"][r["number"] - 1]))
    if case["closure"]:
        d = Html(case, "Closing Summary")
        d.kv([("Case ID", case["ref"]), ("Date closed", fmt(case["closure"], st)),
              ("Reason for closure", case["reason"])])
        d.add("<h2>Outcomes</h2>")
        d.grid(["TF indicator", "Outcome achieved", "Date achieved", "Sustained since", "Evidence"],
               [[crit_label(case, o["criterion"]), "Yes" if o["achieved"] else "No", fmt(o["date_achieved"], st),
                 fmt(o["sustained_since"], st), o["evidence"]] for o in case["closure_outcomes"]])
        d.add("<h2>Management oversight</h2>")
        d.kv([("Closure approved by", case["manager"])])
        d.save(os.path.join(out, f["closure"]))
    if case["evidence_fmt"] == "doc":
        d = Html(case, "Claim Evidence")
        d.kv([("Case ID", case["ref"])])
        d.grid(EVIDENCE_HEADER, evidence_rows(case, st))
        d.save(os.path.join(out, f["evidence"]))
    elif case["evidence_fmt"] == "csv":
        write_csv(case, os.path.join(out, f["evidence"]), "slash")


# ---------------------------------------------------------------------------------------------
# Councils D, E and F: three more house styles, each built to hold layouts the first three do not
# (issue 10): header tables with several label | value pairs per row and labels wrapped over lines,
# answers given by emphasis or by a mark after the word, plan goal tables with no criterion column,
# closures written per goal, dd.mm.yy and "Thursday 16th May 2019" dates, references carried only in
# file names, hard data with other column names, a PDF closure whose label cells wrap.
MEASURE_WORDS = {
    "D": {"attendance_pct": "Attendance %", "incidents": "Number of incidents", "benefit": "Benefit claimed",
          "benefit_end": "Date benefit stopped", "employment_start": "Date started work",
          "weeks_in_work": "Weeks in work", "note": "Comment"},
    "E": {"attendance_pct": "School attendance (%)", "incidents": "Police call-outs", "benefit": "Benefit",
          "benefit_end": "Benefit ended", "employment_start": "Started work", "weeks_in_work": "Weeks worked",
          "note": "Note"},
    "F": {"attendance_pct": "School attendance %", "incidents": "Incidents reported", "benefit": "Benefit",
          "benefit_end": "Benefit ended", "employment_start": "Started work", "weeks_in_work": "Weeks in work",
          "note": "Note"},
}
D_HEADER = ('<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t>Ravensholt Metropolitan Borough Council'
            '</w:t></w:r><w:r><w:tab/><w:t>Strengthening Families Team</w:t></w:r></w:p>')
F_HEADER = ('<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Marrowick City Council'
            '</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t>Early Help · working with '
            'families</w:t></w:r></w:p>')


def app_xml(template, company):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f'<Template>{template}</Template><Application>Microsoft Office Word</Application>'
            f'<Company>{company}</Company></Properties>')


class DocxN(Docx):
    """A Word document of council D or F: its own page header, and runs with emphasis."""

    def __init__(self, case, title):
        super().__init__(case, title)
        if case["council"] == "D":
            self.header_xml, self.app_xml = D_HEADER, app_xml("RMBC-SF.dotx", COUNCIL["D"])
        else:
            self.header_xml, self.app_xml = F_HEADER, app_xml("Normal.dotm", COUNCIL["F"])

    def fr(self, text, b=False, u=False, strike=False, hl=None):
        """One run with real Word emphasis: w:b, w:strike, w:highlight, w:u; "\\n" is a w:br."""
        rpr = (("<w:b/>" if b else "") + ("<w:strike/>" if strike else "")
               + (f'<w:highlight w:val="{hl}"/>' if hl else "") + ('<w:u w:val="single"/>' if u else ""))
        rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
        inner = "<w:br/>".join(f'<w:t xml:space="preserve">{xesc(p)}</w:t>' for p in text.split("\n"))
        return f"<w:r>{rpr}{inner}</w:r>"

    def label(self, s):
        return X(self.fr(s, b=True))

    def choice(self, options, chosen, how):
        """The options in one cell, the answer shown by emphasis only: "bu" makes the chosen word
        bold and underlined and strikes the others through; "hl" highlights the chosen word."""
        runs = []
        for i, (word, key) in enumerate(options):
            if i:
                runs.append(self.fr(" / "))
            on = key == chosen
            if how == "bu":
                runs.append(self.fr(word, b=on, u=on, strike=chosen is not None and not on))
            else:
                runs.append(self.fr(word, hl="yellow" if on else None))
        return X("".join(runs))


def xbox(on):
    """F's typed tick boxes: "[X] Yes [ ] No"."""
    if on is None:
        return "[ ] Yes [ ] No"
    return "[X] Yes [ ] No" if on else "[ ] Yes [X] No"


def after_box(options, chosen):
    """E's marks after the word: "Yes ☒ No ☐"."""
    return " ".join(f"{w} {'☒' if k == chosen else '☐'}" for w, k in options)


YN = [("YES", "yes"), ("NO", "no")]
YPN = [("YES", "yes"), ("PARTLY", "partly"), ("NO", "no")]


def steps(actions, key, st, dash=False):
    """One cell's lines: an action per paragraph (D) or per "- " line (F)."""
    out = []
    for a in actions:
        v = a[key]
        if key == "by_when":
            v = fmt(dt.date.fromisoformat(v), st)
        out.append(("- " if dash else "") + v)
    return out or [""]


def save_or_truncate(d, case, path, date):
    if case["truncated_closure"]:
        # A copy cut off half way (an interrupted upload): the zip's directory is missing.
        tmp = os.path.join(WORK, case["name"] + "-closure.docx")
        d.save(tmp, date)
        with open(tmp, "rb") as fh:
            data = fh.read()
        with open(path, "wb") as fh:
            fh.write(data[:len(data) // 2])
    else:
        d.save(path, date)


def evidence_rows_n(case, st):
    words = MEASURE_WORDS[case["council"]]
    return [[crit_label(case, e["criterion"]), e["member"], words[e["measure"]],
             fmt(e["period_start"], st), fmt(e["period_end"], st), e["value"]] for e in hard_data(case)]


def render_D(case, out):
    """Ravensholt: Word, header tables of three label | value pairs per row with labels wrapped
    over two lines, answers by bold-underlined / struck-through words, goal tables with no
    criterion column, a closure per goal, dates as 14.11.18."""
    st = case["styles"].get("date", "dot")
    f, full = case["files"], case["full"]
    rel_of = {n: r for n, r, _ in case["members"]}
    lead, agency = ("", "") if case["no_lead"] else (case["lead"], case["agency"])
    d = DocxN(case, "Strengthening Families Assessment")
    L = d.label
    d.h1("Strengthening Families Assessment")
    d.table([[L("Household\nreference"), case["ref"], L("Assessment\nbegan"), fmt(case["a_start"], st),
              L("Assessment\nfinished"), fmt(case["a_comp"], st)],
             [L("Key\nworker"), lead, L("Key worker's\nservice"), agency, L("Completed\nby"), case["author"]]],
            widths=[1300, 1600, 1300, 1600, 1300, 1900])
    d.h2("Who lives here")
    d.table([[n, r, fmt(b, "dot4")] for n, r, b in case["members"]],
            header=["Full name", "Relationship to child", "DOB"])
    d.h2("Why the family needs support")
    d.p(case["reason_for_assessment"])
    d.h2("Problem areas")
    rows = []
    for c in PACK:
        ev, who = case["assess_detail"].get(c, ("", ""))
        rows.append([crit_label(case, c), d.choice(YN, "yes" if c in case["criteria"] else "no", "bu"), ev, who])
    d.table(rows, header=["Problem area", "Does this apply?", "What we know", "Who"], widths=[2400, 1400, 3400, 1800])
    if case["voice"] != "absent":
        d.h2("What the child says")
        d.p(case["voice_text"] if case["voice"] == "text" else "")
    d.h2("Agreement to share information")
    d.p(case["consent_text"])
    yes = case["consent"] == "yes"
    ans = {"yes": "yes", "no": "no", "unanswered": None}[case["consent"]]
    d.table([[L("Agreed?"), d.choice(YN, ans, "bu"), L("Signature"), full["a"] if yes else ""],
             [L("Relationship"), rel_of[full["a"]] if yes else "", L("Date\nsigned"),
              fmt(case["consent_date"], st) if yes else ""]], widths=[1600, 2900, 1600, 2900])
    d.h2("Manager approval")
    d.table([[L("Team\nmanager"), case["manager"], L("Date\napproved"), fmt(case["manager_date"], st)]],
            widths=[1600, 2900, 1600, 2900])
    d.save(os.path.join(out, f["assessment"]), case["a_comp"])
    # plan: one row per goal, the steps as paragraphs of one cell
    d = DocxN(case, "Our Family Plan")
    L = d.label
    d.h1("Our Family Plan")
    d.table([[L("Household\nreference"), case["ref"], L("Plan\nagreed"), fmt(case["plan"], st)],
             [L("Key\nworker"), lead, L("Key worker's\nservice"), agency]], widths=[1600, 2900, 1600, 2900])
    d.h2("Our goals")
    d.table([[o["outcome"], o["need"], steps(o["actions"], "what", st), steps(o["actions"], "who", st),
              steps(o["actions"], "by_when", st)] for o in case["plan_outcomes"]],
            header=["Goal", "What needs to change", "Steps", "Who will help", "When"],
            widths=[2000, 2000, 2600, 1400, 1000])
    d.save(os.path.join(out, f["plan"]), case["plan"])
    for r in case["reviews"]:
        d = DocxN(case, "Family Plan Review Meeting")
        L = d.label
        d.h1("Family Plan Review Meeting")
        d.table([[L("Household\nreference"), case["ref"], L("Review\nheld on"), r["written_date"] or fmt(r["date"], st),
                  L("Review\nno."), str(r["number"])],
                 [L("Who\ncame"), ", ".join(r["attendees"]), L("Sent\napologies"), "None", L("Next\nreview"),
                  fmt(r["next"], st)]], widths=[1200, 2400, 1200, 1400, 1200, 1600])
        d.h2("How are we doing?")
        d.table([[outcome_text(case, o["criterion"]), o["progress"], RAG[o["state"]], d.choice(YPN, o["state"], "bu")]
                 for o in r["outcomes"]], header=["Goal", "How are things now?", "RAG", "Goal met?"],
                widths=[2800, 3600, 900, 1700])
        d.save(os.path.join(out, f["reviews"][r["number"] - 1]), r["date"])
    if case["closure"]:
        d = DocxN(case, "Closing the Case")
        L = d.label
        d.h1("Closing the Case")
        d.table([[L("Household\nreference"), case["ref"], L("Case\nclosed"), fmt(case["closure"], st)],
                 [L("Why\nclosed"), case["reason"], L("Key\nworker"), lead]], widths=[1600, 2900, 1600, 2900])
        d.h2("How did we do?")
        d.table([[outcome_text(case, o["criterion"]), d.choice(YN, "yes" if o["achieved"] else "no", "bu"),
                  fmt(o["date_achieved"], st), fmt(o["sustained_since"], st), o["evidence"]]
                 for o in case["closure_outcomes"]],
                header=["Goal", "Met?", "Date met", "Met since", "How we know"], widths=[2400, 1200, 1100, 1100, 3200])
        if case["closure_job"]:
            j = case["closure_job"]
            d.h2("Into work")
            d.table([[L("Adult"), j["who"]], [L("Benefit claimed\nbefore"), j["benefit"]],
                     [L("Date started\nwork"), fmt(j["start"], st)], [L("Employer"), j["employer"]],
                     [L("Weeks in\nwork"), str(j["weeks"])]], widths=[2000, 7000])
        d.table([[L("Signed off\nby"), case["manager"], L("Date"), fmt(case["closure"] + 2 * DAY, st)]],
                widths=[1600, 2900, 1600, 2900])
        save_or_truncate(d, case, os.path.join(out, f["closure"]), case["closure"])
    d = DocxN(case, "Evidence of Outcomes")
    L = d.label
    d.h1("Evidence of Outcomes")
    d.table([[L("Household\nreference"), case["ref"]]], widths=[2000, 7000])
    d.table(evidence_rows_n(case, st), header=["Problem area", "Person", "What was measured", "From", "To", "Figure"],
            widths=[1900, 1800, 1500, 1300, 1300, 1200])
    d.save(os.path.join(out, f["evidence"]), case["closure"] or case["plan"])


class OdtE(Odt):
    """Ellerdyke: OpenDocument with grid tables (no header row, labels bold, some wrapped with a
    line break) and label columns narrow enough that a PDF print wraps them."""

    def __init__(self, case, title):
        super().__init__(case, title)
        self.header = "Ellerdyke District Council – Family Support"
        self.extra_styles = (
            '<style:style style:name="TbN" style:family="table"><style:table-properties style:width="17cm" '
            'table:align="left"/></style:style>'
            '<style:style style:name="CLab" style:family="table-column"><style:table-column-properties '
            'style:column-width="2.4cm"/></style:style>'
            '<style:style style:name="CVal" style:family="table-column"><style:table-column-properties '
            'style:column-width="6.1cm"/></style:style>'
            '<style:style style:name="CWide" style:family="table-column"><style:table-column-properties '
            'style:column-width="14.6cm"/></style:style>')

    def cell(self, s, bold=False):
        sty = "P3" if bold else "Standard"
        inner = "<text:line-break/>".join(self.t(x) for x in s.split("\n"))
        return (f'<table:table-cell table:style-name="Tc" office:value-type="string"><text:p text:style-name="{sty}">'
                f"{inner}</text:p></table:table-cell>")

    def grid(self, rows):
        """Label | value pairs, two or four cells per row; labels (even cells) in bold."""
        self.ntab += 1
        n = len(rows[0])
        cols = ("CLab", "CWide") if n == 2 else ("CLab", "CVal")
        colxml = "".join(f'<table:table-column table:style-name="{cols[i % 2]}"/>' for i in range(n))
        body = "".join("<table:table-row>" + "".join(self.cell(c, i % 2 == 0) for i, c in enumerate(r))
                       + "</table:table-row>" for r in rows)
        self.body.append(f'<table:table table:name="Table{self.ntab}" table:style-name="TbN">{colxml}{body}</table:table>')


class PagePdf:
    """A PDF written directly (no LibreOffice): Helvetica and Helvetica-Bold (standard fonts,
    WinAnsi), lines of text and tables with drawn borders whose cells wrap to their width, the
    page header on every page. Deterministic bytes. Used for Ellerdyke's closure summary."""
    W, H, MARGIN, LEAD = 595, 842, 50, 1.25

    def __init__(self, header, title, date):
        self.header, self.title, self.date = header, title, date
        self.pages, self.ops, self.y = [], [], 0
        self.new_page()

    @staticmethod
    def esc(s):
        b = s.encode("cp1252")
        return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    def new_page(self):
        if self.ops:
            self.pages.append(self.ops)
        self.ops = []
        self.y = self.H - self.MARGIN
        self.put(self.MARGIN, self.H - 30, self.header, 8)
        self.y -= 10

    def put(self, x, y, s, size, bold=False):
        self.ops.append(b"BT /%s %d Tf %.2f %.2f Td (" % (b"F2" if bold else b"F1", size, x, y) + self.esc(s) + b") Tj ET")

    @staticmethod
    def wrap(s, width, size):
        """Greedy word wrap with a generous width per character, so text never leaves its cell."""
        per = max(1, int(width / (0.56 * size)))
        lines, cur = [], ""
        for word in s.split():
            while len(word) > per:
                if cur:
                    lines.append(cur)
                    cur = ""
                lines.append(word[:per])
                word = word[per:]
            if cur and len(cur) + 1 + len(word) > per:
                lines.append(cur)
                cur = word
            else:
                cur = f"{cur} {word}" if cur else word
        return lines + ([cur] if cur else []) or [""]

    def para(self, s, size=10, bold=False, gap=6):
        for line in self.wrap(s, self.W - 2 * self.MARGIN, size):
            if self.y < self.MARGIN + size:
                self.new_page()
            self.y -= size * self.LEAD
            self.put(self.MARGIN, self.y, line, size, bold)
        self.y -= gap

    def table(self, rows, widths, bold_cells=lambda r, c: False, size=9, pad=3):
        for r, row in enumerate(rows):
            cells = [self.wrap(str(v), w - 2 * pad, size) for v, w in zip(row, widths)]
            hgt = max(len(c) for c in cells) * size * self.LEAD + 2 * pad
            if self.y - hgt < self.MARGIN:
                self.new_page()
            x = self.MARGIN
            for c, (lines, w) in enumerate(zip(cells, widths)):
                self.ops.append(b"%.2f %.2f %.2f %.2f re S" % (x, self.y - hgt, w, hgt))
                ty = self.y - pad
                for line in lines:
                    ty -= size * self.LEAD
                    self.put(x + pad, ty + 2, line, size, bold_cells(r, c))
                x += w
            self.y -= hgt
        self.y -= 10

    def save(self, path):
        self.pages.append(self.ops)
        n = len(self.pages)
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(n)) + b"] /Count %d >>" % n,
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"]
        for i, ops in enumerate(self.pages):
            stream = b"0.5 w\n" + b"\n".join(ops)
            objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R "
                        b"/F2 4 0 R >> >> /Contents %d 0 R >>" % (self.W, self.H, 6 + 2 * i))
            objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        stamp = self.date.strftime("%Y%m%d") + "090000Z"
        objs.append(b"<< /Title (" + self.esc(self.title) + b") /Producer (Ellerdyke case system) /CreationDate (D:"
                    + stamp.encode() + b") >>")
        out = pdf_bytes(objs, info=len(objs), version="1.4")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(out)


def closure_pdf_E(case, path, st):
    """Ellerdyke's closure summary as its case system prints it: label cells 80pt wide, so
    "Date the case was closed" wraps over two lines beside its value."""
    lead = "" if case["no_lead"] else case["lead"]
    pdf = PagePdf("Ellerdyke District Council – Family Support", "Case Closure Summary", case["closure"])
    pdf.para("Case Closure Summary", 15, True, 10)
    lab = lambda r, c: c == 0  # noqa: E731
    pdf.table([["Our reference", case["ref"]], ["Date the case was closed", fmt(case["closure"], st)],
               ["Reason the case was closed", case["reason"]], ["Family worker", lead]], [80, 415], lab)
    pdf.para("Goals at closure", 12, True)
    pdf.table([["Goal", "Achieved", "Date achieved", "Sustained from", "Evidence"]]
              + [[outcome_text(case, o["criterion"]), "Yes" if o["achieved"] else "No", fmt(o["date_achieved"], st),
                  fmt(o["sustained_since"], st), o["evidence"]] for o in case["closure_outcomes"]],
              [135, 50, 80, 80, 150], lambda r, c: r == 0)
    pdf.table([["Closure signed off by", case["manager"]]], [80, 415], lab)
    pdf.save(path)


def render_E(case, out):
    """Ellerdyke: OpenDocument, references like ED/2019/00417, dates with the weekday (Thursday
    16th May 2019), answers as "Yes ☒ No ☐" (the mark after the word), goal tables with no
    criterion column, and the closure printed to PDF from narrow label cells that wrap."""
    st = case["styles"].get("date", "day")
    f, full = case["files"], case["full"]
    rel_of = {n: r for n, r, _ in case["members"]}
    lead, agency = ("", "") if case["no_lead"] else (case["lead"], case["agency"])
    docs = []
    d = OdtE(case, "Family Support Assessment")
    d.h("Family Support Assessment")
    d.grid([["Our ref", case["ref"], "Assessment\nstarted", fmt(case["a_start"], st)],
            ["Assessment\ncompleted", fmt(case["a_comp"], st), "Family\nworker", lead],
            ["Worker's\nteam", agency, "Recorded\nby", case["author"]]])
    d.h("Household", 2)
    d.table(["First name", "Last name", "Relationship", "Born"],
            [[n.split(" ", 1)[0], n.split(" ", 1)[1], r, fmt(b, "slash")] for n, r, b in case["members"]])
    d.h("What led to this assessment", 2)
    d.p(case["reason_for_assessment"])
    d.h("Headline issues", 2)
    d.table(["Headline issue", "Present?", "Notes"],
            [[crit_label(case, c), after_box([("Yes", "yes"), ("No", "no")], "yes" if c in case["criteria"] else "no"),
              case["assess_detail"].get(c, ("", ""))[0]] for c in PACK])
    if case["voice"] != "absent":
        d.h("In the child's words", 2)
        d.p(case["voice_text"] if case["voice"] == "text" else "")
    d.h("Sharing information", 2)
    d.p(case["consent_text"])
    yes = case["consent"] == "yes"
    ans = {"yes": "yes", "no": "no", "unanswered": None}[case["consent"]]
    d.grid([["Consent to\nshare", after_box([("Yes", "yes"), ("No", "no")], ans), "Signed\nby", full["a"] if yes else ""],
            ["Relationship", rel_of[full["a"]] if yes else "", "Date", fmt(case["consent_date"], st) if yes else ""]])
    d.h("Manager check", 2)
    d.grid([["Checked\nby", case["manager"], "Date\nchecked", fmt(case["manager_date"], st)]])
    docs.append((f["assessment"], d, case["a_comp"]))
    d = OdtE(case, "Family Support Plan")
    d.h("Family Support Plan")
    d.grid([["Our ref", case["ref"], "Plan\ndate", fmt(case["plan"], st)],
            ["Family\nworker", lead, "Worker's\nteam", agency]])
    rows = []
    for o in case["plan_outcomes"]:
        for j, a in enumerate(o["actions"] or [{"what": "", "who": "", "by_when": None}]):
            by = fmt(dt.date.fromisoformat(a["by_when"]), st) if a["by_when"] else ""
            rows.append([o["outcome"] if j == 0 else "", o["need"] if j == 0 else "", a["what"], a["who"], by])
    d.table(["What we want to achieve", "Why", "Action", "Lead person", "Target date"], rows)
    docs.append((f["plan"], d, case["plan"]))
    for r in case["reviews"]:
        d = OdtE(case, "Review Meeting")
        d.h("Review Meeting")
        d.grid([["Our ref", case["ref"], "Meeting\ndate", r["written_date"] or fmt(r["date"], st)],
                ["Review\nnumber", str(r["number"]), "Next\nmeeting", fmt(r["next"], st)],
                ["People\npresent", ", ".join(r["attendees"]), "Apologies", "None"]])
        d.table(["What we want to achieve", "Update", "Achieved"],
                [[outcome_text(case, o["criterion"]), o["progress"],
                  after_box([("Yes", "yes"), ("Partly", "partly"), ("No", "no")], o["state"])] for o in r["outcomes"]])
        docs.append((f["reviews"][r["number"] - 1], d, r["date"]))
    if case["closure"]:
        closure_pdf_E(case, os.path.join(out, f["closure"]), st)
    d = OdtE(case, "Hard Data Summary")
    d.h("Hard Data Summary")
    d.grid([["Our ref", case["ref"]]])
    d.table(["Issue", "Family member", "Measure", "From", "To", "Value"], evidence_rows_n(case, "slash"))
    docs.append((f["evidence"], d, case["closure"] or case["plan"]))
    for name, doc, date in docs:
        if name.endswith(".pdf"):
            tmp = os.path.join(WORK, case["name"] + "-" + name[:-4] + ".odt")
            doc.save(tmp, date)
            to_pdf(tmp, os.path.join(out, name), date)
        else:
            doc.save(os.path.join(out, name), date)


def render_F(case, out):
    """Marrowick: Word, the family reference only in the file names, "[X] Yes [ ] No" answers, a
    highlighted option for each review goal, dates as 14/11/18, goal rows whose actions are "- "
    lines, a 0-10 score, hard data as a CSV with its own column names and order."""
    st = case["styles"].get("date", "slash2")
    f, full = case["files"], case["full"]
    rel_of = {n: r for n, r, _ in case["members"]}
    lead, agency = ("", "") if case["no_lead"] else (case["lead"], case["agency"])
    d = DocxN(case, "Early Help Assessment")
    L = d.label
    d.h1("Early Help Assessment")
    d.table([[L("Date referral\nopened"), fmt(case["a_start"], st), L("Date assessment\nsigned"), fmt(case["a_comp"], st)],
             [L("Lead\nprofessional"), lead, L("Organisation"), agency],
             [L("Assessor"), case["author"], L("Assessor's\nrole"), "Family practitioner"]],
            widths=[1600, 2900, 1600, 2900])
    d.h2("Family members")
    d.table([[n, r, fmt(b, "slash")] for n, r, b in case["members"]], header=["Name", "Role", "Date of birth"])
    d.h2("What is happening for the family")
    d.p(case["reason_for_assessment"])
    d.h2("Areas of need")
    d.table([[crit_label(case, c), xbox(c in case["criteria"]), case["assess_detail"].get(c, ("", ""))[0]]
             for c in PACK], header=["Need area", "Identified", "Details"], widths=[2400, 1800, 4800])
    if case["voice"] != "absent":
        d.h2("Child's own words")
        d.p(case["voice_text"] if case["voice"] == "text" else "")
    d.h2("Consent")
    d.p(case["consent_text"])
    yes = case["consent"] == "yes"
    ans = {"yes": True, "no": False, "unanswered": None}[case["consent"]]
    d.table([[L("Consent\ngiven"), xbox(ans), L("Signed"), full["a"] if yes else ""],
             [L("Relationship"), rel_of[full["a"]] if yes else "", L("Date"), fmt(case["consent_date"], st) if yes else ""]],
            widths=[1600, 2900, 1600, 2900])
    d.h2("Manager sign-off")
    d.table([[L("Manager"), case["manager"], L("Date"), fmt(case["manager_date"], st)]], widths=[1600, 2900, 1600, 2900])
    d.save(os.path.join(out, f["assessment"]), case["a_comp"])
    d = DocxN(case, "Support Plan")
    L = d.label
    d.h1("Support Plan")
    d.table([[L("Plan\nagreed"), fmt(case["plan"], st), L("Lead\nprofessional"), lead]], widths=[1600, 2900, 1600, 2900])
    d.table([[o["outcome"], o["need"], steps(o["actions"], "what", st, True), steps(o["actions"], "who", st, True),
              steps(o["actions"], "by_when", st, True)] for o in case["plan_outcomes"]],
            header=["Goal", "Need", "Actions", "By whom", "By when"], widths=[2000, 2000, 2600, 1400, 1000])
    d.save(os.path.join(out, f["plan"]), case["plan"])
    for r in case["reviews"]:
        d = DocxN(case, "TAF Review Meeting")
        L = d.label
        d.h1("TAF Review Meeting")
        d.table([[L("Meeting\ndate"), r["written_date"] or fmt(r["date"], st), L("Review\nno."), str(r["number"])],
                 [L("Attended\nby"), ", ".join(r["attendees"]), L("Apologies"), "None"],
                 [L("Next\nmeeting"), fmt(r["next"], st), L("Venue"), "Family home"]], widths=[1600, 2900, 1600, 2900])
        d.table([[outcome_text(case, o["criterion"]), o["progress"], SCORE[o["state"]],
                  d.choice([("Met", "yes"), ("Partly met", "partly"), ("Not met", "no")], o["state"], "hl")]
                 for o in r["outcomes"]], header=["Goal", "Progress", "Score (0-10)", "Outcome"],
                widths=[2800, 3600, 900, 1700])
        d.save(os.path.join(out, f["reviews"][r["number"] - 1]), r["date"])
    if case["closure"]:
        d = DocxN(case, "Closure Report")
        L = d.label
        d.h1("Closure Report")
        d.table([[L("Date\nclosed"), fmt(case["closure"], st), L("Reason"), case["reason"]],
                 [L("Lead\nprofessional"), lead, L("Approved\nby"), case["manager"]]], widths=[1600, 2900, 1600, 2900])
        d.table([[outcome_text(case, o["criterion"]), xbox(o["achieved"]), fmt(o["date_achieved"], st),
                  fmt(o["sustained_since"], st), o["evidence"]] for o in case["closure_outcomes"]],
                header=["Goal", "Achieved?", "Date achieved", "Sustained since", "Evidence"],
                widths=[2400, 1400, 1100, 1100, 3000])
        save_or_truncate(d, case, os.path.join(out, f["closure"]), case["closure"])
    # hard data: "Need, Person, Indicator, Start, End, Result"
    words = MEASURE_WORDS["F"]
    lines = ["Need,Person,Indicator,Start,End,Result"]
    for e in hard_data(case):
        row = [crit_label(case, e["criterion"]), e["member"], words[e["measure"]], fmt(e["period_start"], "slash"),
               fmt(e["period_end"], "slash"), e["value"]]
        lines.append(",".join(f'"{v}"' if ("," in v or '"' in v) else v for v in row))
    with open(os.path.join(out, f["evidence"]), "wb") as fh:
        fh.write(("\r\n".join(lines) + "\r\n").encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# PDFs. LibreOffice stamps the conversion time and a random /ID: both are rewritten to fixed
# values of the same length, so the cross-reference offsets stay right.
WORK = None


def soffice_convert(src, fmt_, outdir):
    prof = os.path.join(WORK, "lo-profile")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", fmt_,
                    "--outdir", outdir, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt_.split(":")[0])
    if not os.path.exists(out):
        raise RuntimeError(f"LibreOffice could not convert {os.path.basename(src)} (is libreoffice-writer installed?)")
    return out


FINAL_BUNDLES = BUNDLES


def keep_committed(dst, why):
    """When LibreOffice cannot make a PDF here, the committed copy stands in (same scenario data:
    the PDF's text is checked against a fresh conversion wherever LibreOffice works)."""
    committed = os.path.join(FINAL_BUNDLES, os.path.relpath(dst, BUNDLES))
    if not os.path.exists(committed):
        sys.exit(f"generate.py: {why}, and there is no committed {committed} to keep")
    print(f"note: {why}; kept the committed {os.path.relpath(committed, HERE)}", file=sys.stderr)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.copyfile(committed, dst)


def fix_pdf(data, date):
    stamp = (date.strftime("%Y%m%d") + "090000").encode()

    def fix_date(m):
        s = m.group(2)
        if len(s) >= 14:
            s = stamp + s[14:]
        s = re.sub(rb"[+-]\d\d'\d\d'?", lambda z: b"+00'00'"[:len(z.group())], s)
        return m.group(1) + s
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)([0-9+\-Z']+)", fix_date, data)
    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)",
                  lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3) + b"0" * len(m.group(4)) + m.group(5),
                  data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), data)
    return data


def to_pdf(src, dst, date):
    try:
        pdf = soffice_convert(src, "pdf", WORK)
    except RuntimeError as e:
        keep_committed(dst, str(e))
        return
    with open(pdf, "rb") as fh:
        data = fix_pdf(fh.read(), date)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "wb") as fh:
        fh.write(data)


def scan_to_pdf(src, dst):
    """A scanner's PDF: the page as a greyscale image, no text layer."""
    try:
        pdf = soffice_convert(src, "pdf", WORK)
    except RuntimeError as e:
        keep_committed(dst, str(e))
        return
    stem = os.path.join(WORK, "scan")
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", "90", "-f", "1", "-l", "1", pdf, stem], check=True)
    png = [p for p in sorted(os.listdir(WORK)) if p.startswith("scan") and p.endswith(".png")][0]
    with open(os.path.join(WORK, png), "rb") as fh:
        w, hgt, bits, ctype, idat = read_png(fh.read())
    os.remove(os.path.join(WORK, png))
    colors = {0: 1, 2: 3}[ctype]
    cs = "/DeviceGray" if colors == 1 else "/DeviceRGB"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> "
            b"/Contents 5 0 R >>",
            (f"<< /Type /XObject /Subtype /Image /Width {w} /Height {hgt} /ColorSpace {cs} /BitsPerComponent {bits} "
             f"/Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors {colors} /BitsPerComponent {bits} "
             f"/Columns {w} >> /Length {len(idat)} >>\nstream\n").encode() + idat + b"\nendstream",
            b"<< /Length 35 >>\nstream\nq 595 0 0 842 0 0 cm /Im0 Do Q\n\nendstream",
            b"<< /Producer (FCC MFD-3 scan to PDF) /CreationDate (D:20191014101500Z) >>"]
    out = pdf_bytes(objs, info=len(objs), version="1.4")
    with open(dst, "wb") as fh:
        fh.write(out)


def read_png(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, hgt, bits, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert interlace == 0
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    return w, hgt, bits, ctype, idat


# ---------------------------------------------------------------------------------------------
# The scenarios. expect = (verdict, route, failing rules, warning rules), written by hand from
# the story; `judge` must agree under every reading.
def M(name, rel, y, m, d):
    return (name, rel, D(y, m, d))


SP, CE = "sustained_progress", "continuous_employment"
OK = ("claimable", SP, [], [])
A_AG, B_AG, C_AG = "Fernshire Families First Service", "Kestrel Vale Early Help Service", "Brackenford Early Help Hub"
D_AG, E_AG, F_AG = "Ravensholt Strengthening Families Team", "Ellerdyke Family Support", "Marrowick Early Help Hub"


def scenarios():
    S = []
    # ---- Council A: Fernshire County Council (.docx)
    S.append(make_case(
        "fernshire-clean-1", "A", "FF-1001",
        [M("Zoë Kowalska", "Mother", 1986, 4, 12), M("Łukasz Nowak", "Stepfather", 1983, 11, 2),
         M("Oliwia Kowalska", "Daughter", 2006, 6, 30), M("Kacper Nowak", "Son", 2011, 1, 19)],
        {"a": 0, "t": 2, "c": 3}, "Hannah Blythe", A_AG, "Colin Dray", "Deborah Caldwell",
        ["education", "worklessness", "health"],
        "clean; sustained progress on all three criteria; content controls, w14 check boxes, legacy "
        "FORMCHECKBOX consent, a tracked change on the completed date, runs split mid-word, merged plan cells",
        OK, week=0, opts={"sdt", "w14", "legacy", "tracked", "split", "vmerge"}))
    S.append(make_case(
        "fernshire-clean-2", "A", "FF-1014",
        [M("Danielle Ashworth", "Mother", 1990, 2, 8), M("Tyler Ashworth", "Son", 2003, 5, 14),
         M("Maisie Ashworth", "Daughter", 2010, 9, 3)],
        {"a": 0, "t": 1, "c": 2}, "Gareth Pryce", A_AG, "Gareth Pryce", "Deborah Caldwell",
        ["crime", "education", "domestic_abuse"],
        "clean; sustained progress; glyph tick boxes, dates as 14.11.18, hard data as UTF-8 CSV with BOM",
        OK, week=3, evidence="csv", opts={"bom"}, styles={"date": "dot", "csv_date": "iso"}))
    S.append(make_case(
        "fernshire-no-lead", "A", "FF-1022",
        [M("Chantelle Brierley", "Mother", 1995, 7, 21), M("Alfie Brierley", "Son", 2013, 10, 2),
         M("Ruby-Mae Brierley", "Daughter", 2016, 3, 11)],
        {"a": 0, "t": 1, "c": 2}, "Amira Haddad", A_AG, "Colin Dray", "Marcus Oyelaran",
        ["children_in_need", "health"],
        "no lead professional: the content control is left as its placeholder; the form's author "
        "(This form completed by) is named",
        ("not_claimable", SP, ["TF-LEAD"], []), week=5, no_lead=True, opts={"sdt", "w14"}))
    S.append(make_case(
        "fernshire-undated-assessment", "A", "FF-1030",
        [M("Gemma Stott", "Mother", 1984, 12, 1), M("Declan Stott", "Son", 2004, 2, 17),
         M("Isla Stott", "Daughter", 2009, 8, 25)],
        {"a": 0, "t": 1, "c": 2}, "Rhiannon Teague", A_AG, "Rhiannon Teague", "Marcus Oyelaran",
        ["crime", "education"],
        "assessment undated: both date controls still show \"Click here to enter a date.\"",
        ("not_claimable", SP, ["TF-ASSESSMENT"], []), week=7, undated_assessment=True,
        opts={"sdt", "w14", "split"}))
    S.append(make_case(
        "fernshire-progress-not-met", "A", "FF-1037",
        [M("Siân Pritchard", "Mother", 1982, 5, 30), M("Owain Pritchard", "Son", 2008, 4, 4),
         M("Efa Pritchard", "Daughter", 2012, 11, 19)],
        {"a": 0, "t": 1, "c": 1}, "Siobhán Kerrigan", A_AG, "Siobhán Kerrigan", "Deborah Caldwell",
        ["education", "worklessness", "health"],
        "health not achieved at closure (still on a waiting list); no employment data either",
        ("not_claimable", None, ["TF-EMPLOYMENT", "TF-PROGRESS", "TF-SUSTAINED"], []), week=9,
        achieve={"education": 2, "worklessness": 2, "health": None}))
    S.append(make_case(
        "fernshire-sustained-short", "A", "FF-1043",
        [M("Kayleigh Fenwick", "Mother", 1983, 3, 3), M("Marcus Fenwick", "Father", 1979, 9, 9),
         M("Jayden Fenwick", "Son", 2003, 7, 7), M("Lily Fenwick", "Daughter", 2010, 1, 15)],
        {"a": 0, "t": 2, "c": 3}, "Hannah Blythe", A_AG, "Hannah Blythe", "Marcus Oyelaran",
        ["crime", "education"],
        "school attendance achieved only 13 weeks (about 3 months) before closure; nothing later",
        ("not_claimable", None, ["TF-EMPLOYMENT", "TF-SUSTAINED"], []), week=11,
        achieve={"crime": 2, "education": D(2018, 9, 24) + (11 + 37) * W}, evidence="csv",
        styles={"date": "dash"}))
    S.append(make_case(
        "fernshire-employment-short", "A", "FF-1051",
        [M("Paul Hargreaves", "Father", 1981, 6, 18), M("Lacey Hargreaves", "Daughter", 2008, 2, 29)],
        {"a": 0, "t": 1, "c": 1}, "Amira Haddad", A_AG, "Amira Haddad", "Deborah Caldwell",
        ["education", "worklessness"],
        "father off JSA but only 20 weeks in work (26 needed); attendance not achieved either",
        ("not_claimable", None, ["TF-EMPLOYMENT", "TF-PROGRESS", "TF-SUSTAINED"], []), week=13,
        achieve={"worklessness": 2, "education": None}, employment=("JSA", 20), opts={"glyph"}))
    S.append(make_case(
        "fernshire-review-gap", "A", "FF-1058",
        [M("Aisha Rahman", "Mother", 1991, 1, 27), M("Noor Rahman", "Daughter", 2012, 4, 14),
         M("Yusuf Rahman", "Son", 2015, 6, 6)],
        {"a": 0, "t": 1, "c": 2}, "Gareth Pryce", A_AG, "Gareth Pryce", "Marcus Oyelaran",
        ["children_in_need", "domestic_abuse"],
        "20 weeks between review 2 and review 3 (major, not a blocker): still claimable",
        ("claimable", SP, ["TF-REVIEW-FREQUENCY"], []), week=4, review_weeks=(10, 15, 35, 45), closure_week=55,
        opts={"w14", "sdt"}, voice="empty"))
    S.append(make_case(
        "fernshire-left-household", "A", "FF-1066",
        [M("Tracey Corrigan", "Mother", 1975, 8, 8), M("Jade Corrigan", "Daughter", 2005, 3, 12),
         M("Kieran Corrigan", "Son", 2009, 12, 1)],
        {"a": 0, "t": 2, "c": 1}, "Rhiannon Teague", A_AG, "Rhiannon Teague", "Deborah Caldwell",
        ["education", "health"],
        "needs review: the closure says attendance was met because the child left the household",
        ("needs_review", None, ["TF-EMPLOYMENT"], []), week=15, left_household="education",
        styles={"date": "mon"}))
    S.append(make_case(
        "fernshire-scanned-closure", "A", "FF-1073",
        [M("Ewa Wiśniewska", "Mother", 1987, 10, 10), M("Szymon Wiśniewski", "Son", 2004, 1, 22),
         M("Maja Wiśniewska", "Daughter", 2011, 7, 7)],
        {"a": 0, "t": 1, "c": 2}, "Siobhán Kerrigan", A_AG, "Siobhán Kerrigan", "Marcus Oyelaran",
        ["crime", "education", "health"],
        "the closure summary is a scan with no text layer: the rules still pass on the reviews and hard "
        "data, but a person must read the closure",
        ("needs_review", SP, [], []), week=17, scanned_closure=True, opts={"w14"}))
    # ---- Council B: Kestrel Vale Borough Council (.odt, some .pdf)
    S.append(make_case(
        "kestrel-clean-1", "B", "KV/2018/0042",
        [M("Joanne Whitlock", "Mother", 1985, 2, 14), M("Brandon Whitlock", "Son", 2003, 9, 30),
         M("Amelia Whitlock", "Daughter", 2009, 5, 5)],
        {"a": 0, "t": 1, "c": 2}, "Priya Raman", B_AG, "Priya Raman", "Sinéad Moloney",
        ["crime", "education", "worklessness"],
        "clean; sustained progress; dates as 14th November 2018; hard data as Windows-1252 CSV",
        OK, week=6, evidence="csv", opts={"cp1252"}))
    S.append(make_case(
        "kestrel-clean-2", "B", "KV/2018/0061",
        [M("Renée Hart", "Mother", 1992, 6, 19), M("Elodie Hart", "Daughter", 2014, 9, 15),
         M("Théo Hart", "Son", 2017, 1, 8)],
        {"a": 0, "t": 1, "c": 2}, "Tomasz Wiśniewski", B_AG, "Tomasz Wiśniewski", "Neil Fothergill",
        ["children_in_need", "domestic_abuse", "health"],
        "clean; sustained progress; a combined Early Help Assessment and Plan as a text PDF; dates with "
        "the weekday (Monday 12th November 2018)",
        OK, week=8, combined=True, pdf={"assessment"}, styles={"date": "day"},
        reason_text="Health visitor referral: worries about {c}'s care and domestic abuse at home."))
    S.append(make_case(
        "kestrel-employment-jsa", "B", "KV/2018/0075",
        [M("Darren Oakes", "Father", 1980, 4, 1), M("Shannon Oakes", "Mother", 1984, 11, 11),
         M("Mason Oakes", "Son", 2008, 8, 8)],
        {"a": 0, "t": 2, "c": 2}, "Bethany Coultas", B_AG, "Bethany Coultas", "Sinéad Moloney",
        ["education", "worklessness"],
        "former JSA claimant 30 weeks in work; attendance NOT achieved: claimable by continuous employment",
        ("claimable", CE, [], []), week=10, achieve={"worklessness": 2, "education": None},
        employment=("JSA", 30), evidence="csv", opts={"bom"}, styles={"date": "mon"}))
    S.append(make_case(
        "kestrel-one-criterion", "B", "KV/2018/0083",
        [M("Nicola Bairstow", "Mother", 1980, 10, 29), M("Callum Bairstow", "Son", 2003, 12, 12)],
        {"a": 0, "t": 1, "c": 1}, "Kwame Asante", B_AG, "Kwame Asante", "Neil Fothergill",
        ["crime"],
        "only one headline criterion identified (two needed); assessment and plan as text PDFs",
        ("not_claimable", SP, ["TF-ELIGIBLE"], []), week=12, pdf={"assessment", "plan"}))
    S.append(make_case(
        "kestrel-consent-unanswered", "B", "KV/2019/0012",
        [M("Hayley Greenhalgh", "Mother", 1989, 7, 7), M("Finley Greenhalgh", "Son", 2011, 3, 3)],
        {"a": 0, "t": 1, "c": 1}, "Priya Raman", B_AG, "Priya Raman", "Sinéad Moloney",
        ["education", "health"],
        "consent unanswered (\"☐Yes ☐No\"), not signed or dated",
        ("not_claimable", SP, ["TF-CONSENT"], []), week=14, consent="unanswered"))
    S.append(make_case(
        "kestrel-criterion-missing-from-plan", "B", "KV/2019/0020",
        [M("Candice Mortimer", "Mother", 1983, 9, 19), M("Reece Mortimer", "Son", 2004, 6, 21),
         M("Poppy Mortimer", "Daughter", 2010, 10, 10)],
        {"a": 0, "t": 1, "c": 2}, "Tomasz Wiśniewski", B_AG, "Tomasz Wiśniewski", "Neil Fothergill",
        ["crime", "education", "health"],
        "health identified at assessment but no plan outcome for it (closure still reports it achieved)",
        ("not_claimable", SP, ["TF-CRITERIA-IN-PLAN"], []), week=16, drop_from_plan=("health",),
        styles={"date": "dash"}))
    S.append(make_case(
        "kestrel-outcome-no-action", "B", "KV/2019/0034",
        [M("Samira Haddou", "Mother", 1986, 1, 31), M("Adam Haddou", "Son", 2004, 4, 4),
         M("Lina Haddou", "Daughter", 2009, 9, 9)],
        {"a": 0, "t": 1, "c": 2}, "Bethany Coultas", B_AG, "Bethany Coultas", "Sinéad Moloney",
        ["crime", "education", "health"],
        "\"Outcome 3\" of the plan has no action under it",
        ("not_claimable", SP, ["TF-OUTCOME-ACTION"], []), week=18, no_action_idx=2))
    S.append(make_case(
        "kestrel-adults-only", "B", "KV/2019/0041",
        [M("Graham Pickles", "Father", 1968, 5, 5), M("Lorraine Pickles", "Mother", 1970, 2, 2),
         M("Ryan Pickles", "Son", 1999, 3, 2)],
        {"a": 1, "t": 2, "c": 2}, "Kwame Asante", B_AG, "Kwame Asante", "Neil Fothergill",
        ["crime", "worklessness", "health"],
        "household of adults only: the youngest is 19 at the assessment",
        ("not_claimable", SP, ["TF-DEPENDENT-CHILD"], []), week=20, voice="absent",
        reason_text="Police referral about Ryan's anti-social behaviour; {a} asked for help with debts."))
    dup = dict(members=[M("Olga Petrenko", "Mother", 1988, 12, 24), M("Artem Petrenko", "Son", 2005, 5, 15),
                        M("Sofia Petrenko", "Daughter", 2012, 2, 20)],
               roles={"a": 0, "t": 1, "c": 2})
    S.append(make_case(
        "kestrel-duplicate-a", "B", "KV/2019/0107", dup["members"], dup["roles"], "Priya Raman", B_AG,
        "Priya Raman", "Sinéad Moloney", ["crime", "education"],
        "the same family reference as kestrel-duplicate-b (the family sent twice)",
        ("not_claimable", SP, ["TF-DUPLICATE"], []), week=22))
    S.append(make_case(
        "kestrel-duplicate-b", "B", "KV/2019/0107", dup["members"], dup["roles"], "Priya Raman", B_AG,
        "Priya Raman", "Sinéad Moloney", ["crime", "education"],
        "the same family as kestrel-duplicate-a, every document printed to PDF",
        ("not_claimable", SP, ["TF-DUPLICATE"], []), week=22,
        pdf={"assessment", "plan", "reviews", "closure", "evidence"}))
    S.append(make_case(
        "kestrel-impossible-date", "B", "KV/2018/0090",
        [M("Kerry Moss", "Mother", 1993, 4, 4), M("Harley Moss", "Son", 2014, 6, 30),
         M("Evie Moss", "Daughter", 2016, 12, 12)],
        {"a": 0, "t": 1, "c": 1}, "Tomasz Wiśniewski", B_AG, "Tomasz Wiśniewski", "Neil Fothergill",
        ["education", "children_in_need"],
        "review 6 is dated \"31/04/2019\" (no such day): the rest passes, a person must check the date",
        ("needs_review", SP, [], []), week=0, review_weeks=(5, 10, 15, 20, 25, 30), closure_week=32,
        achieve={"education": 1, "children_in_need": 1}, impossible_review=6))
    # ---- Council C: Brackenford City Council (.html exports)
    S.append(make_case(
        "brackenford-clean-1", "C", "EH-30017",
        [M("Ngozi Okonkwo", "Mother", 1984, 7, 14), M("Chidi Okonkwo", "Son", 2003, 11, 30),
         M("Ada Okonkwo", "Daughter", 2010, 2, 2)],
        {"a": 0, "t": 1, "c": 2}, "Olumide Bankole", C_AG, "Jess Harrowby", "Rajesh Varma",
        ["crime", "education", "domestic_abuse"],
        "clean; sustained progress; reviews rated on the Outcome Star (1-10); ISO dates",
        OK, week=2, opts={"star"}))
    S.append(make_case(
        "brackenford-clean-2", "C", "EH-30024",
        [M("Ciarán Ó Briain", "Father", 1980, 3, 17), M("Róisín Ó Briain", "Daughter", 2009, 10, 5),
         M("Pádraig Ó Briain", "Son", 2013, 1, 25)],
        {"a": 0, "t": 1, "c": 1}, "Jess Harrowby", C_AG, "Jess Harrowby", "Helen Stroud",
        ["education", "worklessness", "health"],
        "clean; sustained progress; dates as 14 Nov 2018; hard data as Windows-1252 CSV",
        OK, week=19, evidence="csv", opts={"cp1252"}, styles={"date": "mon"}))
    S.append(make_case(
        "brackenford-employment-esa", "C", "EH-30031",
        [M("Mandy Cartwright", "Mother", 1978, 9, 9), M("Kai Cartwright", "Son", 2007, 7, 17)],
        {"a": 0, "t": 1, "c": 1}, "Farah Siddiqui", C_AG, "Farah Siddiqui", "Rajesh Varma",
        ["worklessness", "health"],
        "former ESA claimant 16 weeks in work; health NOT achieved: claimable by continuous employment",
        ("claimable", CE, [], []), week=21, achieve={"worklessness": 2, "health": None},
        employment=("ESA", 16)))
    S.append(make_case(
        "brackenford-consent-local-only", "C", "EH-30045",
        [M("Rukhsana Mahmood", "Mother", 1985, 5, 25), M("Tariq Mahmood", "Father", 1982, 2, 22),
         M("Bilal Mahmood", "Son", 2004, 8, 8), M("Hira Mahmood", "Daughter", 2011, 11, 11)],
        {"a": 0, "t": 2, "c": 3}, "Ewan McCrindle", C_AG, "Ewan McCrindle", "Helen Stroud",
        ["crime", "education"],
        "consent given, but its statement names only local partner agencies (no central government)",
        ("not_claimable", SP, ["TF-CONSENT"], []), week=23, consent_key="C-local"))
    S.append(make_case(
        "brackenford-plan-before-assessment", "C", "EH-30052",
        [M("Stacey Drinkwater", "Mother", 1990, 10, 1), M("Logan Drinkwater", "Son", 2010, 4, 22)],
        {"a": 0, "t": 1, "c": 1}, "Olumide Bankole", C_AG, "Olumide Bankole", "Rajesh Varma",
        ["education", "health"],
        "plan dated 3 days before the assessment started (so the date order fails too)",
        ("not_claimable", SP, ["TF-DATES", "TF-PLAN"], []), week=24,
        plan_date=D(2018, 9, 3) + 24 * W - 3 * DAY, styles={"date": "mon"}))
    S.append(make_case(
        "brackenford-criterion-added", "C", "EH-30068",
        [M("Kirsty Lomax", "Mother", 1987, 8, 18), M("Jordan Lomax", "Son", 2004, 3, 9),
         M("Mia Lomax", "Daughter", 2012, 6, 1)],
        {"a": 0, "t": 1, "c": 2}, "Farah Siddiqui", C_AG, "Farah Siddiqui", "Helen Stroud",
        ["crime", "education"],
        "domestic abuse added at review 2 and never achieved",
        ("not_claimable", None, ["TF-EMPLOYMENT", "TF-PROGRESS", "TF-SUSTAINED"], []), week=25,
        added={"domestic_abuse": 2}, achieve={"crime": 2, "education": 2, "domestic_abuse": None}))
    S.append(make_case(
        "brackenford-review-before-plan", "C", "EH-30073",
        [M("Lauren Tidswell", "Mother", 1996, 5, 5), M("Oscar Tidswell", "Son", 2017, 8, 20)],
        {"a": 0, "t": 1, "c": 1}, "Ewan McCrindle", C_AG, "Ewan McCrindle", "Rajesh Varma",
        ["children_in_need", "worklessness"],
        "review 1 is dated 3 days before the plan",
        ("not_claimable", SP, ["TF-DATES"], []), week=26, review_before_plan=True))
    S.append(make_case(
        "brackenford-recurrence", "C", "EH-30089",
        [M("Donna Featherstone", "Mother", 1981, 1, 1), M("Kyle Featherstone", "Son", 2002, 10, 10)],
        {"a": 0, "t": 1, "c": 1}, "Jess Harrowby", C_AG, "Jess Harrowby", "Helen Stroud",
        ["crime", "health"],
        "not claimable: review 3 records a recurrence of ASB within six months of it being achieved, and the "
        "six months restarted then ran only to the closure",
        ("not_claimable", None, ["TF-EMPLOYMENT", "TF-SUSTAINED"], []), week=1, recurrence="crime"))
    # ---- the flat folder: two Brackenford families' exports mixed in one folder
    S.append(make_case(
        "EH-40117", "C", "EH-40117",
        [M("Agnieszka Zielińska", "Mother", 1988, 3, 8), M("Wiktor Zieliński", "Son", 2009, 9, 19)],
        {"a": 0, "t": 1, "c": 1}, "Olumide Bankole", C_AG, "Olumide Bankole", "Rajesh Varma",
        ["education", "health"],
        "flat-intake/ family 1 of 2: clean; sustained progress", OK, week=5, folder="flat-intake"))
    S.append(make_case(
        "EH-40152", "C", "EH-40152",
        [M("Marlon Greaves", "Father", 1979, 12, 12), M("Tanisha Greaves", "Daughter", 2005, 5, 5),
         M("Jaden Greaves", "Son", 2011, 11, 2)],
        {"a": 0, "t": 1, "c": 2}, "Farah Siddiqui", C_AG, "Farah Siddiqui", "Helen Stroud",
        ["crime", "education", "worklessness"],
        "flat-intake/ family 2 of 2: clean; sustained progress", OK, week=6, folder="flat-intake",
        styles={"date": "mon"}))
    # ---- Council D: Ravensholt Metropolitan Borough Council (.docx, emphasis answers, 6-column headers)
    S.append(make_case(
        "ravensholt-clean", "D", "RSF-48213",
        [M("Bernadette Quinlan", "Mother", 1983, 6, 21), M("Rory Quinlan", "Son", 2004, 2, 9),
         M("Aoife Quinlan", "Daughter", 2010, 11, 30)],
        {"a": 0, "t": 1, "c": 2}, "Ifeoma Castellanos", D_AG, "Ifeoma Castellanos", "Gideon Thwaite",
        ["crime", "education", "health"],
        "clean; sustained progress; header tables of three label/value pairs per row with labels wrapped "
        "over two lines; YES / NO answers by bold underline and strike-through; goal tables with no criterion "
        "column; closure per goal; dates as 14.11.18",
        OK, week=2))
    S.append(make_case(
        "ravensholt-consent-refused", "D", "RSF-48240",
        [M("Marguerite Dobson", "Mother", 1991, 3, 3), M("Ellis Dobson", "Son", 2009, 7, 14),
         M("Nell Dobson", "Daughter", 2013, 5, 5)],
        {"a": 0, "t": 1, "c": 2}, "Ifeoma Castellanos", D_AG, "Ifeoma Castellanos", "Gideon Thwaite",
        ["education", "children_in_need"],
        "consent refused: NO is the bold, underlined word and YES is struck through; nothing signed",
        ("not_claimable", SP, ["TF-CONSENT"], []), week=6, consent="no"))
    S.append(make_case(
        "ravensholt-employment-esa", "D", "RSF-48257",
        [M("Clifford Amadi", "Father", 1979, 10, 17), M("Precious Amadi", "Daughter", 2008, 1, 26)],
        {"a": 0, "t": 1, "c": 1}, "Stellan Moorcroft", D_AG, "Stellan Moorcroft", "Gideon Thwaite",
        ["worklessness", "health"],
        "former ESA claimant 16 weeks in work; health NOT achieved: claimable by continuous employment; the "
        "plan has a fourth goal (family time) that names no headline problem",
        ("claimable", CE, [], []), week=9, achieve={"worklessness": 2, "health": None},
        employment=("ESA", 16), extra_goal=True))
    S.append(make_case(
        "ravensholt-employment-closure", "D", "RSF-48279",
        [M("Dorian Weatherall", "Father", 1981, 4, 12), M("Bryony Weatherall", "Daughter", 2009, 2, 3)],
        {"a": 0, "t": 1, "c": 1}, "Stellan Moorcroft", D_AG, "Stellan Moorcroft", "Gideon Thwaite",
        ["education", "worklessness"],
        "former JSA claimant 30 weeks in work, evidenced only in the closure's \"Into work\" section (adult, "
        "benefit by name, date started work as dd.mm.yy, employer, weeks in work; labels wrapped); attendance NOT achieved: "
        "claimable by continuous employment",
        ("claimable", CE, [], []), week=15, achieve={"worklessness": 2, "education": None},
        employment=("JSA", 30), employment_in="closure", employer="Harrowgate Bakery Ltd"))
    S.append(make_case(
        "ravensholt-truncated-closure", "D", "RSF-48266",
        [M("Yvette Sandoval", "Mother", 1987, 8, 8), M("Kobe Sandoval", "Son", 2005, 4, 1),
         M("Lula Sandoval", "Daughter", 2012, 12, 12)],
        {"a": 0, "t": 1, "c": 2}, "Stellan Moorcroft", D_AG, "Stellan Moorcroft", "Gideon Thwaite",
        ["crime", "domestic_abuse"],
        "the closure .docx is cut off half way (an interrupted upload): the rules pass on the reviews and "
        "hard data, but a person must read the closure",
        ("needs_review", SP, [], []), week=12, truncated_closure=True))
    # ---- Council E: Ellerdyke District Council (.odt, closure as PDF)
    S.append(make_case(
        "ellerdyke-clean", "E", "ED/2019/00417",
        [M("Harriet Bellweather", "Mother", 1986, 9, 2), M("Sami Bellweather", "Son", 2007, 3, 19),
         M("Ottilie Bellweather", "Daughter", 2011, 6, 6)],
        {"a": 0, "t": 1, "c": 2}, "Anouk Verhaegen", E_AG, "Anouk Verhaegen", "Moses Kettleborough",
        ["education", "worklessness", "domestic_abuse"],
        "clean; sustained progress; references as ED/2019/00417; dates as Thursday 16th May 2019; answers as "
        "\"Yes ☒ No ☐\"; goal table with no criterion column; the closure a PDF whose label cells wrap",
        OK, week=30, pdf={"closure"}, opts={"norating"}))
    S.append(make_case(
        "ellerdyke-goal-missing", "E", "ED/2019/00452",
        [M("Corinne Fairbrother", "Mother", 1984, 1, 11), M("Dexter Fairbrother", "Son", 2005, 9, 9),
         M("Ivy Fairbrother", "Daughter", 2012, 2, 2)],
        {"a": 0, "t": 1, "c": 2}, "Anouk Verhaegen", E_AG, "Anouk Verhaegen", "Moses Kettleborough",
        ["crime", "education", "health"],
        "health identified at assessment but the plan has no goal for it (the closure reports it achieved)",
        ("not_claimable", SP, ["TF-CRITERIA-IN-PLAN"], []), week=32, drop_from_plan=("health",),
        pdf={"closure"}, opts={"norating"}))
    S.append(make_case(
        "ellerdyke-employment-jsa", "E", "ED/2019/00468",
        [M("Desmond Okafor", "Father", 1982, 12, 5), M("Zara Okafor", "Daughter", 2009, 8, 18)],
        {"a": 0, "t": 1, "c": 1}, "Linnea Haverford", E_AG, "Linnea Haverford", "Moses Kettleborough",
        ["education", "worklessness"],
        "former JSA claimant 30 weeks in work; attendance NOT achieved: claimable by continuous employment",
        ("claimable", CE, [], []), week=34, achieve={"worklessness": 2, "education": None},
        employment=("JSA", 30), pdf={"closure"}, opts={"norating"}))
    S.append(make_case(
        "ellerdyke-impossible-date", "E", "ED/2019/00481",
        [M("Philippa Rowntree", "Mother", 1990, 4, 24), M("Arlo Rowntree", "Son", 2014, 10, 3),
         M("Wren Rowntree", "Daughter", 2016, 7, 7)],
        {"a": 0, "t": 1, "c": 1}, "Linnea Haverford", E_AG, "Linnea Haverford", "Moses Kettleborough",
        ["education", "children_in_need"],
        "review 4 is dated \"31st April 2019\" (no such day): the rest passes, a person must check the date",
        ("needs_review", SP, [], []), week=0, review_weeks=(6, 12, 22, 28), closure_week=34,
        achieve={"education": 1, "children_in_need": 1}, impossible_review=4, pdf={"closure"},
        opts={"norating"}))
    # ---- Council F: Marrowick City Council (.docx + CSV, references only in file names)
    S.append(make_case(
        "marrowick-clean", "F", "MC-2291",
        [M("Lorna Tremayne", "Mother", 1985, 5, 15), M("Jago Tremayne", "Son", 2006, 10, 10),
         M("Elowen Tremayne", "Daughter", 2012, 3, 27)],
        {"a": 0, "t": 1, "c": 2}, "Benedikt Sorensen", F_AG, "Benedikt Sorensen", "Rosalind Achebe",
        ["crime", "education", "children_in_need"],
        "clean; sustained progress; the family reference only in the file names (\"MC-2291 Plan.docx\"); "
        "\"[X] Yes [ ] No\"; review outcomes by highlight; actions as \"- \" lines; dates as 14/11/18; hard "
        "data as Need, Person, Indicator, Start, End, Result",
        OK, week=4, evidence="csv", opts={"score"}))
    S.append(make_case(
        "marrowick-one-criterion", "F", "MC-2304",
        [M("Tamsin Pengelly", "Mother", 1992, 7, 30), M("Kit Pengelly", "Son", 2011, 1, 4)],
        {"a": 0, "t": 1, "c": 1}, "Benedikt Sorensen", F_AG, "Benedikt Sorensen", "Rosalind Achebe",
        ["education"],
        "only one area of need ticked \"[X] Yes\" (two needed); the other five read \"[ ] Yes [X] No\"",
        ("not_claimable", SP, ["TF-ELIGIBLE"], []), week=8, evidence="csv", opts={"score"}))
    S.append(make_case(
        "marrowick-employment-jsa", "F", "MC-2318",
        [M("Gareth Polglase", "Father", 1980, 2, 14), M("Demelza Polglase", "Mother", 1983, 6, 1),
         M("Morwenna Polglase", "Daughter", 2007, 9, 21)],
        {"a": 0, "t": 2, "c": 2}, "Hester Villiers", F_AG, "Hester Villiers", "Rosalind Achebe",
        ["education", "worklessness"],
        "former JSA claimant 28 weeks in work; attendance NOT achieved: claimable by continuous employment; "
        "the CSV's name carries only the reference's digits (\"hard data 2318.csv\")",
        ("claimable", CE, [], []), week=14, achieve={"worklessness": 2, "education": None},
        employment=("JSA", 28), evidence="csv", opts={"score", "digits_csv"}))
    S.append(make_case(
        "marrowick-truncated-closure", "F", "MC-2335",
        [M("Jenna Rosevear", "Mother", 1988, 11, 11), M("Tobias Rosevear", "Son", 2008, 4, 20),
         M("Lowen Rosevear", "Son", 2014, 8, 2)],
        {"a": 0, "t": 1, "c": 2}, "Hester Villiers", F_AG, "Hester Villiers", "Rosalind Achebe",
        ["education", "health"],
        "the closure .docx is cut off half way: the rules pass on the reviews and hard data, but a person "
        "must read the closure",
        ("needs_review", SP, [], []), week=18, evidence="csv", truncated_closure=True, opts={"score"}))
    return S


# ---------------------------------------------------------------------------------------------
def assign_files(case, flat_slots=None):
    n = len(case["reviews"])
    c = case["council"]
    if c == "A":
        f = {"assessment": "01 Families First Assessment.docx", "plan": "02 Family Plan.docx",
             "reviews": [f"{k + 2:02d} Family Plan Review {k}.docx" for k in range(1, n + 1)],
             "closure": f"{n + 3:02d} Closure Summary" + (" (scanned).pdf" if case["scanned_closure"] else ".docx"),
             "evidence": "Outcome Evidence.docx" if case["evidence_fmt"] == "doc" else "hard-data.csv"}
    elif c == "B":
        def nm(kind, stem):
            return stem + (".pdf" if kind in case["pdf"] else ".odt")
        f = {"assessment": nm("assessment", "early-help-assessment-and-plan" if case["combined"] else "early-help-assessment"),
             "plan": nm("plan", "family-action-plan"),
             "reviews": [nm("reviews", f"taf-review-{k}") for k in range(1, n + 1)],
             "closure": nm("closure", "case-closure"),
             "evidence": nm("evidence", "hard-data-check") if case["evidence_fmt"] == "doc" else "hard-data.csv"}
        if case["combined"]:
            f["plan"] = f["assessment"]
    elif c == "D":
        f = {"assessment": "1 Assessment.docx", "plan": "2 Family Plan.docx",
             "reviews": [f"3 Review {k}.docx" for k in range(1, n + 1)], "closure": "4 Closing the case.docx",
             "evidence": "5 Evidence.docx"}
    elif c == "E":
        def nm(kind, stem):
            return stem + (".pdf" if kind in case["pdf"] else ".odt")
        f = {"assessment": nm("assessment", "assessment"), "plan": nm("plan", "support-plan"),
             "reviews": [nm("reviews", f"review-meeting-{k}") for k in range(1, n + 1)],
             "closure": nm("closure", "closure-summary"), "evidence": nm("evidence", "hard-data-summary")}
    elif c == "F":
        r = case["ref"]
        digits = r.split("-")[-1]
        f = {"assessment": f"{r} Assessment.docx", "plan": f"{r} Plan.docx",
             "reviews": [f"{r} Review {k}.docx" for k in range(1, n + 1)], "closure": f"{r} Closure.docx",
             "evidence": f"hard data {digits}.csv" if "digits_csv" in case["opts"] else f"{r} hard data.csv"}
    else:
        r = case["ref"]
        f = {"assessment": f"EHM_{r}_assessment.html", "plan": f"EHM_{r}_plan.html",
             "reviews": [f"EHM_{r}_review_{k}.html" for k in range(1, n + 1)],
             "closure": f"EHM_{r}_closure.html",
             "evidence": f"EHM_{r}_evidence.html" if case["evidence_fmt"] == "doc" else f"EHM_{r}_hard_data.csv"}
        if flat_slots is not None:
            # The flat folder: export numbers that interleave the two families.
            names = [f["assessment"], f["plan"], *f["reviews"], f["closure"], f["evidence"]]
            slot = iter(flat_slots)
            new = {old: f"EHM_export_{next(slot):04d}.html" for old in names}
            f = {k: ([new[x] for x in v] if isinstance(v, list) else new[v]) for k, v in f.items()}
    case["files"] = f
    case["school"] = {}
    for name, rel, dob in case["members"]:
        age = (case["a_start"] - dob).days / 365.25
        if age < 4:
            case["school"][name] = "Little Acorns Nursery"
        elif age < 11:
            case["school"][name] = "Brackenford Primary Academy"
        elif age < 16:
            case["school"][name] = "Castlegate High School"


def check_text(case, rec):
    """Free text must be exactly what the documents hold, white space collapsed."""
    texts = [o["need"] for o in rec["plan_outcomes"]] + [o["outcome"] for o in rec["plan_outcomes"]]
    texts += [a["what"] for o in rec["plan_outcomes"] for a in o["actions"]]
    texts += [o["progress"] for r in rec["reviews"] for o in r["outcomes"]]
    texts += [o["evidence"] for o in rec["closure_outcomes"]]
    for t in texts:
        assert t == collapse(t) and "{" not in t, (case["name"], t)


def pdf_text(path):
    r = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True)
    return r.stdout if r.returncode == 0 else None


def sync(src, dst):
    """Copy the staged tree src over dst. LibreOffice embeds fonts in an order that can change from
    run to run; a PDF whose text layer is unchanged keeps its committed bytes, so a rerun leaves git
    clean. Files no longer generated are removed."""
    want = set()
    for dp, _, fs in os.walk(src):
        for f in fs:
            rel = os.path.relpath(os.path.join(dp, f), src)
            want.add(rel)
            a, b = os.path.join(src, rel), os.path.join(dst, rel)
            if os.path.exists(b):
                with open(a, "rb") as x, open(b, "rb") as y:
                    if x.read() == y.read():
                        continue
                if rel.endswith(".pdf"):
                    ta, tb = pdf_text(a), pdf_text(b)
                    if ta and ta.strip() and ta == tb:
                        continue
            os.makedirs(os.path.dirname(b), exist_ok=True)
            shutil.copyfile(a, b)
    for dp, _, fs in os.walk(dst, topdown=False):
        for f in fs:
            if os.path.relpath(os.path.join(dp, f), dst) not in want:
                os.remove(os.path.join(dp, f))
        if not os.listdir(dp) and dp != dst:
            os.rmdir(dp)


def main():
    global WORK, BUNDLES, EXPECTED
    for tool in ("soffice", "pdftoppm", "pdftotext"):
        if not shutil.which(tool):
            sys.exit(f"generate.py needs {tool} (LibreOffice, poppler-utils)")
    WORK = tempfile.mkdtemp(prefix="tfaudit-samples-")
    final = (BUNDLES, EXPECTED)
    BUNDLES, EXPECTED = os.path.join(WORK, "out", "bundles"), os.path.join(WORK, "out", "expected")
    try:
        for d in (BUNDLES, EXPECTED):
            os.makedirs(d)
        cases = scenarios()
        flat = [c for c in cases if c["folder"] != c["name"]]
        total = sum(len(c["reviews"]) + 4 for c in flat)
        for k, c in enumerate(flat):
            assign_files(c, flat_slots=list(range(1 + k, total + 1, len(flat))))
        for c in cases:
            if c["folder"] == c["name"]:
                assign_files(c)
        refs = [c["ref"] for c in cases]
        rows = []
        for c in cases:
            out = os.path.join(BUNDLES, c["folder"])
            os.makedirs(out, exist_ok=True)
            {"A": render_A, "B": render_B, "C": render_C, "D": render_D, "E": render_E,
             "F": render_F}[c["council"]](c, out)
            rec = record_of(c)
            check_text(c, rec)
            verdicts = {json.dumps(judge(rec, refs, variant=v), sort_keys=True) for v in VARIANTS}
            verdict, route, failing, warns = c["expect"]
            want = {"verdict": verdict, "route": route, "failing_rules": sorted(failing),
                    "warning_rules": sorted(warns)}
            if verdicts != {json.dumps(want, sort_keys=True)}:
                sys.exit(f"{c['name']}: scenario expects {want}, the reference reading gives {verdicts}")
            exp = {"case": c["name"], "rule_pack": "tf-2015", "as_of": AS_OF.isoformat(), **want, "record": rec}
            with open(os.path.join(EXPECTED, c["name"] + ".json"), "w", encoding="utf-8", newline="\n") as fh:
                fh.write(json.dumps(exp, indent=2, ensure_ascii=False) + "\n")
            rows.append((c, want))
        for s, d in zip((BUNDLES, EXPECTED), final):
            os.makedirs(d, exist_ok=True)
            sync(s, d)
        write_readme(rows)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(HERE) for f in fs)
    print(f"{len(rows)} cases, {size / 1e6:.2f} MB under samples/")


FORMAT = {"A": "Word .docx", "B": "OpenDocument .odt", "C": "HTML export", "D": "Word .docx",
          "E": "OpenDocument .odt", "F": "Word .docx"}


def write_readme(rows):
    lines = []
    for c, want in rows:
        fmts = FORMAT[c["council"]]
        if len(c["pdf"]) == 5:
            fmts = "text PDF (every document)"
        elif c["pdf"]:
            fmts += " + text PDF"
        if c["scanned_closure"]:
            fmts += " + scanned PDF"
        if c["truncated_closure"]:
            fmts += " (closure truncated)"
        if c["evidence_fmt"] == "csv":
            enc = "Windows-1252" if "cp1252" in c["opts"] else "UTF-8 with BOM" if "bom" in c["opts"] else "UTF-8"
            fmts += f" + CSV ({enc})"
        route = want["route"] or "none"
        fail = ", ".join(want["failing_rules"]) or "—"
        warn = ", ".join(want["warning_rules"]) or "—"
        where = "" if c["folder"] == c["name"] else f" (in `{c['folder']}/`)"
        lines.append(f"| `{c['name']}`{where} | {c['ref']} | {fmts} | {c['summary']} | **{want['verdict']}** | "
                     f"{route} | {fail} | {warn} |")
    text = README.replace("@@CASES@@", "\n".join(lines)).replace("@@N@@", str(len(rows)))
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


README = """# Sample corpus

@@N@@ synthetic case bundles of England's Troubled Families programme (2015–2020), for `tfaudit`'s
extractor and rule checker. Six **fictitious** councils, each with its own house style:
Fernshire County Council (Word), Kestrel Vale Borough Council (OpenDocument and PDF), Brackenford
City Council (HTML exports of a case system), and three made later to hold layouts the first three
do not (issue 10): Ravensholt Metropolitan Borough Council (Word, answers by emphasis), Ellerdyke
District Council (OpenDocument, a printed PDF closure) and Marrowick City Council (Word and CSV,
references only in file names). Every family, worker, date and sentence is invented; no real
person's data appears.

- `bundles/<case>/`: one folder per family: assessment, plan, reviews, (usually) closure and
  (often) hard-data evidence. `bundles/flat-intake/` is a flat folder holding the exports of two
  Brackenford families mixed together; grouped by the family reference they carry, each becomes a
  case named by that reference (`EH-40117`, `EH-40152`).
- `expected/<case>.json`: what `tfaudit` should find, written from the scenario data in
  `generate.py` (never from tfaudit's output): `case`, `rule_pack` (`tf-2015`), `as_of`
  (`2020-06-30`), `verdict`, `route`, `failing_rules` (rules with status fail), `warning_rules`
  (status warn) and `record`: the case record of `docs/case-record.md`, every key present, without
  `sources`.
- `pending.txt`: the bundles tfaudit does not read right yet, one per line with what each waits
  for. The sample test (`tests/unit/test_samples.cpp`) treats them as expected failures: it prints
  their differences field by field and fails when one starts to match, so the list only shrinks.
- `generate.py`: writes all of the above (except `pending.txt`). Each scenario breaks one rule and keeps everything else
  clean; a small reference reading of the tf-2015 table inside the script checks every scenario
  under several readings of the contract and stops if the expectation depends on one.

## Regenerating

    python3 samples/generate.py

Needs Python 3 (standard library only), LibreOffice (`soffice`) and poppler-utils (`pdftoppm`,
`pdftotext`) for the PDF files. The generated files are committed, so using the corpus needs none of
these. Output is fixed: no randomness, zip entries and document metadata carry fixed dates, and the
PDFs' `/CreationDate`, `/ModDate`, `/ID` and `/DocChecksum` are rewritten to fixed values. LibreOffice
still embeds fonts in an order that can change between runs, so a PDF whose text layer
(`pdftotext -layout`) is unchanged keeps its committed bytes: a rerun leaves `git status` clean.
The scanned closure is a page image written by the script itself (rendered with `pdftoppm`).
Ellerdyke's closure PDFs are written by the script directly (standard Helvetica, drawn cell borders),
not by LibreOffice. Where LibreOffice cannot convert (no `libreoffice-writer`), the script keeps the
committed PDF for that file and says so.

## Cases

As-of date 2020-06-30, rule pack tf-2015. "route" is the claim route whose rules pass (whatever
other blockers say); "none" when neither passes.

| case | family ref | files | scenario | verdict | route | failing rules | warnings |
| --- | --- | --- | --- | --- | --- | --- | --- |
@@CASES@@

## How the expectations read the contract

These are the choices the expected files make where `docs/case-record.md` leaves room:

- **Routes.** When a route passes, the other route's rules are `not_applicable` and are not in
  `failing_rules`. When neither passes, both routes' failures are listed: a case whose progress fails
  and that has no employment evidence fails `TF-EMPLOYMENT` too.
- **A criterion never achieved** has no date achieved, so it fails `TF-SUSTAINED` as well as
  `TF-PROGRESS`.
- **Plan dated before the assessment** fails `TF-PLAN` and, being the same fact, `TF-DATES`.
- **Missing dates are skipped** in comparisons: an undated assessment fails only `TF-ASSESSMENT`
  (the plan's date is not compared with nothing; the dependent-child age is then taken at the plan
  date, and the children are young enough under any reading).
- **Sustained** runs from the closure's date achieved (equal to "sustained since" throughout the
  corpus) to the latest evidence that still holds (a review saying yes, the closure, hard data for
  that criterion), and 6 months is calendar months; every scenario is clear of the boundary.
- **Unreadable.** A document that cannot be read contributes nothing (the scanned closure: closure
  date, reason and outcomes are null / empty) and is listed in `unreadable` with `file` relative to
  `samples/bundles` and `reason` "no text layer". An impossible date is listed with reason
  "impossible date"; a review whose own date is impossible keeps its place in `reviews` with
  `date: null`, after the dated reviews, and is left out of `review_dates`.
- **Scalar values.** Dates ISO. Free text (need, outcome, action, progress, closure evidence,
  closure reason) exactly as in the document, white space collapsed. `who` as written.
  `consent_scope` lists the statement's terms in the contract's order (central_government, dwp,
  national_evaluation, troubled_families_programme, government_departments, local_partners):
  "central government" is `central_government`, "Department for Work and Pensions (DWP)" `dwp`,
  "national evaluation" `national_evaluation`, "Troubled Families Programme"
  `troubled_families_programme`, "government departments" `government_departments`, "local
  partners" / "local partner agencies" `local_partners`. Consent signed by / date are null when the
  consent is unanswered. `lead_agency` is null when the lead professional is missing (both are
  placeholders). Review `rating` is the value as written ("Green", "Amber", "Red" or the Outcome Star
  score "9"); `achieved` is yes / no / partly (Met = yes, Not met = no). Attendees are split at commas
  (Fernshire, Kestrel Vale) or taken per list item (Brackenford).
- **Evidence rows.** `measure` from the Measure column: "Attendance (%)" = `attendance_pct`,
  "Incidents" = `incidents`, "Benefit" = `benefit`, "Benefit end date" = `benefit_end`, "Employment
  start date" = `employment_start`, "Weeks in work" = `weeks_in_work`, "Note" = `note`. `value` as
  written (dates in the Value column are written ISO). An empty period cell is null.
- **Goals.** Where a plan's goal table has no criterion column (Ravensholt, Ellerdyke, Marrowick),
  a goal's criterion is the headline problem its wording names; reviews and closures written per
  goal take the criterion of the plan goal they repeat. A goal that names no problem ("The family
  enjoys time together at weekends.") has `criterion: null`. An action's `what` is the line without
  its "- " marker. Answers given by emphasis are the emphasised word (bold and underlined, or
  highlighted); a struck-through word is the option not chosen. A review with no rating column has
  `rating: null`; Marrowick's score is the number as written ("8").
- **Damaged files.** A truncated .docx is listed in `unreadable` with `reason` starting "damaged".
- **Council** is taken from the documents' page headers (Fernshire: `word/header1.xml`; Kestrel
  Vale: the master page header in `styles.xml`, printed on each PDF page) or the export banner and
  title (Brackenford).

## House styles

**Fernshire County Council** (`.docx`; page header "Fernshire County Council", tab, "Families First
Service"). Label/value rows are 2-column tables, label in bold.
- *Families First Assessment*: `Family ID`, `Date assessment started`, `Date assessment completed`,
  `Lead professional`, `Agency`, `This form completed by` (the author, not the lead); "Household
  members" table `Name | Relationship | Date of birth`; "Reason for assessment"; "Headline criteria"
  table `Criterion | Identified | Evidence | Family member(s)` with all six criteria by name and
  Identified as ☒/☐ glyphs, `w14:checkbox` content controls, or Yes/No; "Voice of the child";
  "Information sharing and consent": the statement, then `Consent given` (☒ Yes ☐ No with a tab
  between, or two legacy `FORMCHECKBOX` fields), `Signed`, `Relationship`, `Date`; "Management
  oversight": `Manager`, `Date signed off`.
- *Family Plan*: `Family ID`, `Date of plan`, `Lead professional`; one table `Need | Headline
  criterion | Outcome | Action | Who | By when`, a row per action; a second action's row has empty
  Need/criterion/Outcome cells (vertically merged with `w:vMerge` in `fernshire-clean-1`).
- *Family Plan Review*: `Family ID`, `Date of review`, `Review number`, `Present` (comma-separated),
  `Apologies`, `Next review date`; per outcome a Heading 2 "Outcome k: <criterion name>" and a table
  `Outcome | Progress | RAG | Achieved?`.
- *Closure Summary*: `Family ID`, `Date of closure`, `Reason for closure`, `Lead professional`; table
  `Criterion | Outcome achieved | Date achieved | Sustained since | Evidence`; `Closure approved by`,
  `Date`.
- *Outcome Evidence*: `Family ID`; table `Criterion | Family member | Measure | Period start |
  Period end | Value`. Or `hard-data.csv` with the same columns.
- Word features: values in `w:sdt` content controls, some left as the placeholder "Click or tap here
  to enter text." / "Click here to enter a date." (`w:showingPlcHdr`), text split over several runs,
  a tracked change (a `w:del` old date and a `w:ins` new date), tabs, `w:vMerge`.
- Dates: 14/11/2018 (most), 14.11.18 (`fernshire-clean-2`), 14-11-2018, 14 Nov 2018.

**Kestrel Vale Borough Council** (`.odt` written directly; some as PDF via LibreOffice; page header
"Kestrel Vale Borough Council · Early Help Service"). `Label: value` paragraphs, label in bold.
- *Early Help Assessment* (or *Early Help Assessment and Plan*): `Family reference`, `Date
  Assessment Started`, `Date Assessment Completed`, `Lead practitioner`, `Organisation`, `This form
  completed by`; "Household" table `Forename | Surname | Relationship | DoB`; "Presenting needs";
  "Headline criteria identified": a bulleted list, one item per identified criterion by theme name
  ("Getting a good education: Attendance 81% last term (persistent absence). (family member: …)");
  "Child's views"; "Information sharing and consent": statement, `Consent given: ☒Yes ☐No`,
  `Signed`, `Relationship`, `Date`; "Authorisation": `Authorised by`, `Date authorised`. The
  combined document adds "Family plan" with `Date of plan` and the plan body.
- *Family Action Plan*: `Family reference`, `Plan start date`, `Lead practitioner`; then per outcome
  `Outcome k: <outcome>`, `Need: …`, `Headline criterion: <theme>`, and beneath it
  `Action k.j: <what> (Who: <who>, By: <date>)`.
- *TAF Review*: `Family reference`, `Review date`, `Review number`, `Present`, `Apologies`, `Next
  review date`; per outcome `Outcome k: <outcome>`, `Criterion`, `Progress`, `RAG rating`,
  `Achieved`.
- *Case Closure*: `Family reference`, `Closure date`, `Reason for closure`; per criterion
  `Criterion`, `Outcome achieved`, `Date achieved`, `Sustained since` (both left out when not
  achieved), `Evidence`; `Closure approved by`.
- *Hard Data Check*: `Family reference`; table as Fernshire's. Or `hard-data.csv`.
- Criteria by theme name: Staying safe in the community, Getting a good education, Improving
  children's life chances, Improving living standards, Staying safe in relationships, Living well.
- Dates: 14th November 2018 (most), Monday 12th November 2018 (`kestrel-clean-2`), 14 Nov 2018,
  14-11-2018; household dates of birth 14/11/2018.

**Brackenford City Council** (`.html`, UTF-8; banner "Brackenford City Council · Early Help Module ·
Exported record", `<title>` "<document> – Brackenford City Council"). Label/value rows are
`<tr><th>label</th><td>value</td></tr>`; sections are `<h2>`.
- *Whole Family Assessment*: `Case ID`, `Date CAF Assessment Started`, `Date CAF Assessment
  Completed`, `Allocated worker`, `Service`, `CAF Assessor` (the author); "Family members" table
  `Name | Relationship | DOB | Gender | School / Setting`; "Reason for request"; "Troubled Families
  indicators" table `Indicator | Current issue | Detail | Family member(s)`, indicators "TF1 Crime and
  anti-social behaviour" … "TF6 Health", Current issue an `<input type="checkbox" checked>`; "The
  child's lived experience"; "Consent statement for information storage and information sharing": a
  checkbox before the statement, then `Signed by`, `Relationship`, `Date`; "Management oversight":
  `Authorised by`, `Authorisation date`.
- *Early Help Plan*: `Case ID`, `Date agreed`, `Allocated worker`; table `Needs | Actions | People
  responsible | Outcomes | Completion date | TF indicator`, a row per action, Needs/Outcomes/TF
  indicator spanning the outcome's rows (`rowspan`); TF indicator as a code (TF1–TF6).
- *Team Around the Family Review*: `Case ID`, `Meeting date`, `Review number`, `Attendees` (a
  `<ul>`), `Apologies`, `Next review date`; table `TF indicator | Outcome | Progress | RAG |
  Achieved?` (Met / Not met / Partly), or `Outcome Star (1-10)` instead of RAG.
- *Closing Summary*: `Case ID`, `Date closed`, `Reason for closure`; table `TF indicator | Outcome
  achieved | Date achieved | Sustained since | Evidence`; `Closure approved by`.
- *Claim Evidence*: `Case ID`; table as Fernshire's. Or `EHM_<ref>_hard_data.csv`.
- Dates: 2018-11-14 (most), 14 Nov 2018.

CSV files: header `criterion,family member,measure,period start,period end,value`, CRLF lines,
criteria named in the council's own way; UTF-8, UTF-8 with BOM, or Windows-1252.

**Ravensholt Metropolitan Borough Council** (`.docx`; page header "Ravensholt Metropolitan Borough
Council", tab, "Strengthening Families Team"; references like RSF-48213; dates as 14.11.18, dates of
birth 14.11.2018). Teaches: header tables of **three label | value pairs per row** (6 columns; 4
in the plan, closure and sign-offs), each label **wrapped over two lines** with a `w:br`
("Household / reference", "Assessment / began"); **answers by emphasis**: "YES / NO" and "YES /
PARTLY / NO" in one cell, the answer bold and underlined (`w:b`, `w:u`), the others struck through
(`w:strike`); **goal tables with no criterion column**; **closure per goal**; a goal that names no
problem (`ravensholt-employment-esa`); a truncated .docx.
- *Strengthening Families Assessment*: `Household reference`, `Assessment began`, `Assessment
  finished` / `Key worker`, `Key worker's service`, `Completed by` (the author); "Who lives here"
  `Full name | Relationship to child | DOB`; "Why the family needs support"; "Problem areas"
  `Problem area | Does this apply? | What we know | Who`, all six problems by Ravensholt's names
  (Offending or anti-social behaviour, Not attending school, Children needing help, Out of work or
  money worries, Violence at home, Physical or mental health); "What the child says"; "Agreement to
  share information": statement, `Agreed?`, `Signature` / `Relationship`, `Date signed`; "Manager
  approval": `Team manager`, `Date approved`.
- *Our Family Plan*: `Household reference`, `Plan agreed` / `Key worker`, `Key worker's service`;
  "Our goals" `Goal | What needs to change | Steps | Who will help | When`, one row per goal, each
  step, who and when a paragraph of its cell.
- *Family Plan Review Meeting*: `Household reference`, `Review held on`, `Review no.` / `Who came`,
  `Sent apologies`, `Next review`; "How are we doing?" `Goal | How are things now? | RAG | Goal met?`.
- *Closing the Case*: `Household reference`, `Case closed` / `Why closed`, `Key worker`; "How did we
  do?" `Goal | Met? | Date met | Met since | How we know`; `Signed off by`, `Date`. In
  `ravensholt-employment-closure` an "Into work" section after the goals (label | value rows:
  `Adult`, `Benefit claimed before`, `Date started work`, `Employer`, `Weeks in work`) is the only
  employment evidence; the evidence document holds the other rows.
- *Evidence of Outcomes*: `Household reference`; `Problem area | Person | What was measured | From |
  To | Figure` (Attendance %, Number of incidents, Benefit claimed, Date benefit stopped, Date started
  work, Weeks in work, Comment).

**Ellerdyke District Council** (`.odt`; master page header "Ellerdyke District Council – Family
Support"; references like ED/2019/00417; dates with the weekday, "Monday 9th September 2019"; dates
of birth 14/11/2018). Teaches: 4-column header tables (`table:table` without a header row, labels
bold, wrapped with `text:line-break`); **answers as "Yes ☒ No ☐"**, the mark after the word;
**goal tables with no criterion column** and continuation rows left empty; reviews with no criterion
and no rating; a **PDF closure whose label cells wrap over two or three lines** ("Date the case /
was closed") beside a one-line value, with goal rows whose dates wrap too.
- *Family Support Assessment*: `Our ref`, `Assessment started` / `Assessment completed`, `Family
  worker` / `Worker's team`, `Recorded by`; "Household" `First name | Last name | Relationship |
  Born`; "What led to this assessment"; "Headline issues" `Headline issue | Present? | Notes` (Youth
  crime or ASB, Poor school attendance, Child at risk, Adult out of work, Domestic violence, Mental or
  physical health); "In the child's words"; "Sharing information": statement, `Consent to share`,
  `Signed by` / `Relationship`, `Date`; "Manager check": `Checked by`, `Date checked`.
- *Family Support Plan*: `Our ref`, `Plan date` / `Family worker`, `Worker's team`; `What we want to
  achieve | Why | Action | Lead person | Target date`, a row per action.
- *Review Meeting*: `Our ref`, `Meeting date` / `Review number`, `Next meeting` / `People present`,
  `Apologies`; `What we want to achieve | Update | Achieved` ("Yes ☒ Partly ☐ No ☐").
- *Case Closure Summary* (PDF): `Our reference`, `Date the case was closed`, `Reason the case was
  closed`, `Family worker` in 80-point label cells; "Goals at closure" `Goal | Achieved | Date
  achieved | Sustained from | Evidence`; `Closure signed off by`.
- *Hard Data Summary*: `Our ref`; `Issue | Family member | Measure | From | To | Value` (School
  attendance (%), Police call-outs, Benefit, Benefit ended, Started work, Weeks worked, Note).

**Marrowick City Council** (`.docx` + `.csv`; page header "Marrowick City Council" / "Early Help ·
working with families"; dates as 14/11/18, dates of birth and CSV periods 14/11/2018). Teaches:
**the family reference only in the file names** ("MC-2291 Plan.docx"; "hard data 2318.csv" carries
only its digits); 4-column header tables with wrapped labels; **"[X] Yes [ ] No"** answers;
**highlighted options** ("Met / Partly met / Not met", the answer `w:highlight`); goal rows whose
actions, who and when are "- " lines of one cell; a 0-10 score; **hard-data CSVs with other column
names and order**: `Need,Person,Indicator,Start,End,Result`; a truncated .docx.
- *Early Help Assessment*: `Date referral opened`, `Date assessment signed` / `Lead professional`,
  `Organisation` / `Assessor`, `Assessor's role`; "Family members" `Name | Role | Date of birth`;
  "What is happening for the family"; "Areas of need" `Need area | Identified | Details` (Crime / ASB,
  School, Child in need, Money and work, Domestic abuse, Health and wellbeing); "Child's own words";
  "Consent": statement, `Consent given`, `Signed` / `Relationship`, `Date`; "Manager sign-off":
  `Manager`, `Date`.
- *Support Plan*: `Plan agreed`, `Lead professional`; `Goal | Need | Actions | By whom | By when`.
- *TAF Review Meeting*: `Meeting date`, `Review no.` / `Attended by`, `Apologies` / `Next meeting`,
  `Venue`; `Goal | Progress | Score (0-10) | Outcome`.
- *Closure Report*: `Date closed`, `Reason` / `Lead professional`, `Approved by`; `Goal | Achieved? |
  Date achieved | Sustained since | Evidence`.
- Hard data: `Need,Person,Indicator,Start,End,Result` (School attendance %, Incidents reported,
  Benefit, Benefit ended, Started work, Weeks in work, Note).
"""


if __name__ == "__main__":
    main()
