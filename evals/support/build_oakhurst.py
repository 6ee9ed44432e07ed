#!/usr/bin/env python3
"""Build and check the blind Oakhurst support-check table (triples-oakhurst.jsonl).

Run: /work/main/.venv/bin/python build_oakhurst.py
(any Python 3 with pypdf installed; pypdf is needed only to read the PDF plan).
Writes triples-oakhurst.jsonl next to this file, then validates it.

The corpus folder is found in this order: $OAKHURST_CORPUS, ../corpora/oakhurst/corpus
(when this file sits in evals/support/), /work/main/evals/corpora/oakhurst/corpus.
Only manifest.yaml and the public documents it lists are opened; the folder is never listed.
"""
import html
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))


def _corpus_dir():
    cands = [os.environ.get("OAKHURST_CORPUS"),
             os.path.normpath(os.path.join(HERE, "..", "corpora", "oakhurst", "corpus")),
             "/work/main/evals/corpora/oakhurst/corpus"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "manifest.yaml")):
            return c
    raise SystemExit("cannot find the Oakhurst corpus folder (set OAKHURST_CORPUS)")


CORPUS_DIR = _corpus_dir()
OUT = os.path.join(HERE, "triples-oakhurst.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]
ROWS_PER_DOC = 8

NWS = "osm-ebbstow-kidney-centre-news"
MEN = "osm-menopause-support-guide"
PAIN = "osm-living-well-with-pain-faq"
AUT = "osm-childrens-autism-pathway-plan"
KCP = "osm-kidney-care-page"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- osm-ebbstow-kidney-centre-news (article text only) ----------------
    (NWS, "attribution",
     "The centre is at Unit 3, Kingfisher Park, Wharf Lane, Ebbstow XQ7 4HD, and will be run by the renal service of Oakhurst Royal Hospitals NHS Foundation Trust.",
     "Located at Unit 3, Kingfisher Park, Wharf Lane, Ebbstow XQ7 4HD, the centre is to be operated by the renal service of Oakhurst Royal Hospitals NHS Foundation Trust.",
     "Located at Unit 3, Kingfisher Park, Wharf Lane, Ebbstow XQ7 4HD, the centre is to be operated by NHS Oakhurst and Selby Marsh Integrated Care Board.",
     "The centre is at Unit 3, Kingfisher Park, Wharf Lane, Ebbstow XQ7 4HD, and will not be run by the renal service of Oakhurst Royal Hospitals NHS Foundation Trust.",
     "The centre is at Unit 3, Kingfisher Park, Wharf Lane, Ebbstow XQ7 4HD, and will be run by the renal service of Oakhurst Royal Hospitals NHS Foundation Trust, with a consultant nephrologist on site during every session."),
    (NWS, "cause",
     "It has 16 dialysis stations, including 2 side rooms for patients who need to be treated apart from others because of an infection risk.",
     "The Ebbstow Kidney Centre has 16 dialysis stations, among them 2 side rooms for patients who have to be kept apart from others during treatment because of a risk of infection.",
     "The Ebbstow Kidney Centre has 16 dialysis stations, among them 2 side rooms for patients who have to be kept apart from others during treatment because they need extra privacy.",
     "It has 16 dialysis stations, but none of them are side rooms for patients who need to be treated apart from others because of an infection risk.",
     "It has 16 dialysis stations, including 2 side rooms for patients who need to be treated apart from others because of an infection risk. Each station has its own television and a reclining chair."),
    (NWS, "scope",
     "Until now, most people in the south of the county have had to travel to the main renal unit at Oakhurst Royal Infirmary for haemodialysis, which usually means three sessions of around four hours every week.",
     "Up to now, the majority of people in the county's south have needed to go to the main renal unit at Oakhurst Royal Infirmary for haemodialysis, which typically involves three sessions a week, each lasting about four hours.",
     "Up to now, everyone in the county's south has needed to go to the main renal unit at Oakhurst Royal Infirmary for haemodialysis, which typically involves three sessions a week, each lasting about four hours.",
     "Until now, most people in the south of the county have not had to travel to the main renal unit at Oakhurst Royal Infirmary for haemodialysis, which usually means three sessions of around four hours every week.",
     "Until now, most people in the south of the county have had to travel to the main renal unit at Oakhurst Royal Infirmary for haemodialysis, which usually means three sessions of around four hours every week, and many have relied on hospital transport to get there."),
    (NWS, "direction",
     "About 70 people who live closer to Ebbstow than to Oakhurst, and who are well enough to be treated away from the main hospital, will move across first.",
     "The first to transfer will be around 70 people who are well enough to have treatment away from the main hospital and who live nearer to Ebbstow than to Oakhurst.",
     "The first to transfer will be around 70 people who are well enough to have treatment away from the main hospital and who live nearer to Oakhurst than to Ebbstow.",
     "About 70 people who live closer to Ebbstow than to Oakhurst, and who are well enough to be treated away from the main hospital, will not move across first.",
     "About 70 people who live closer to Ebbstow than to Oakhurst, and who are well enough to be treated away from the main hospital, will move across first. The rest of the places will be filled over the following six months."),
    (NWS, "modality",
     "Patients who start dialysis for the first time will still begin their treatment at the main unit, where they can be closely monitored, and can then be offered a place at Ebbstow once they are settled.",
     "New dialysis patients will continue to have their first treatments at the main unit, where close monitoring is possible, and once they have settled they may then be offered a place at Ebbstow.",
     "New dialysis patients will continue to have their first treatments at the main unit, where close monitoring is possible, and once they have settled they will then be given a place at Ebbstow.",
     "Patients who start dialysis for the first time will still begin their treatment at the main unit, where they can be closely monitored, and cannot be offered a place at Ebbstow even once they are settled.",
     "Patients who start dialysis for the first time will still begin their treatment at the main unit, where they can be closely monitored, and can then be offered a place at Ebbstow once they are settled, usually after about three months."),
    (NWS, "timing",
     "A twilight session starting at 5.30pm will run on Mondays, Wednesdays and Fridays, so that people who work during the day can fit treatment around their jobs.",
     "To let people who work in the daytime fit dialysis around their jobs, there will be a twilight session beginning at 5.30pm on Mondays, Wednesdays and Fridays.",
     "To let people who work in the daytime fit dialysis around their jobs, there will be a twilight session beginning at 6.30pm on Mondays, Wednesdays and Fridays.",
     "A twilight session starting at 5.30pm will not run on Mondays, Wednesdays and Fridays, so people who work during the day cannot fit treatment around their jobs.",
     "A twilight session starting at 5.30pm will run on Mondays, Wednesdays and Fridays, so that people who work during the day can fit treatment around their jobs, and a Saturday evening session may be added if there is enough demand."),
    (NWS, "added_claim",
     "The Selby Marsh Kidney Patients’ Association raised £86,000 towards a patient lounge and a small garden at the centre, where people can wait before treatment and relatives can sit during sessions.",
     "£86,000 raised by the Selby Marsh Kidney Patients’ Association has gone towards a patient lounge and a small garden at the centre, where relatives can sit during sessions and people can wait before treatment.",
     "£86,000 raised by the Selby Marsh Kidney Patients’ Association through a sponsored walk has gone towards a patient lounge and a small garden at the centre, where relatives can sit during sessions and people can wait before treatment.",
     "The Selby Marsh Kidney Patients’ Association did not raise £86,000 towards a patient lounge and a small garden at the centre, where people can wait before treatment and relatives can sit during sessions.",
     "The Selby Marsh Kidney Patients’ Association raised £86,000 towards a patient lounge and a small garden at the centre, where people can wait before treatment and relatives can sit during sessions, and its volunteers will run a tea trolley there on weekday mornings."),
    (NWS, "timing",
     "An open day for patients and their families will be held on Saturday 10 October 2026, from 10am to 2pm.",
     "On Saturday 10 October 2026 there will be an open day for patients and their families, running from 10am until 2pm.",
     "On Saturday 10 October 2026 there will be an open day for patients and their families, running from 10am until 4pm.",
     "There will be no open day for patients and their families on Saturday 10 October 2026, from 10am to 2pm.",
     "An open day for patients and their families will be held on Saturday 10 October 2026, from 10am to 2pm, with tours of the unit every half hour."),

    # ---------------- osm-menopause-support-guide (Markdown) ----------------
    (MEN, "scope",
     "Many local employers, including the NHS organisations in Oakhurst and Selby Marsh, have a menopause policy.",
     "A menopause policy is in place at many local employers, the NHS organisations in Oakhurst and Selby Marsh among them.",
     "A menopause policy is in place at every local employer, the NHS organisations in Oakhurst and Selby Marsh among them.",
     "No local employers, not even the NHS organisations in Oakhurst and Selby Marsh, have a menopause policy.",
     "Many local employers, including the NHS organisations in Oakhurst and Selby Marsh, have a menopause policy. Most of these policies were introduced in the last three years."),
    (MEN, "attribution",
     "It is led by a menopause nurse and a health coach.",
     "Menopause Matters sessions are run by a health coach together with a menopause nurse.",
     "Menopause Matters sessions are run by a health coach together with a GP.",
     "It is not led by a menopause nurse and a health coach.",
     "It is led by a menopause nurse and a health coach. Each session ends with time for private questions."),
    (MEN, "modality",
     "If your periods have stopped before the age of 40, you should be referred to the Early Menopause Clinic.",
     "People whose periods stopped before they turned 40 ought to be referred to the Early Menopause Clinic.",
     "People whose periods stopped before they turned 40 may be referred to the Early Menopause Clinic.",
     "If your periods have stopped before the age of 40, you should not be referred to the Early Menopause Clinic.",
     "If your periods have stopped before the age of 40, you should be referred to the Early Menopause Clinic, where you will usually be seen within 6 weeks."),
    (MEN, "timing",
     "If you pay for prescriptions, an HRT prescription prepayment certificate covers all your eligible HRT items for 12 months.",
     "For people who pay for their prescriptions, all eligible HRT items for a year are covered by an HRT prescription prepayment certificate.",
     "For people who pay for their prescriptions, all eligible HRT items for six months are covered by an HRT prescription prepayment certificate.",
     "If you pay for prescriptions, an HRT prescription prepayment certificate does not cover your eligible HRT items for 12 months.",
     "If you pay for prescriptions, an HRT prescription prepayment certificate covers all your eligible HRT items for 12 months, and it can be renewed automatically each year."),
    (MEN, "direction",
     "You do not usually need a blood test to diagnose the perimenopause if you are over 45.",
     "For people older than 45, a blood test is not normally needed for the perimenopause to be diagnosed.",
     "For people younger than 45, a blood test is not normally needed for the perimenopause to be diagnosed.",
     "You usually need a blood test to diagnose the perimenopause if you are over 45.",
     "You do not usually need a blood test to diagnose the perimenopause if you are over 45, because the diagnosis is based on your symptoms and your age."),
    (MEN, "added_claim",
     "The Harbour Women's Network, a local charity, runs a Menopause Cafe on the first Saturday of each month at Haddon Wick Community Centre, from 10am to 12 noon.",
     "On the first Saturday of every month, from 10am until midday, the local charity Harbour Women's Network holds a Menopause Cafe at Haddon Wick Community Centre.",
     "On the first Saturday of every month, from 10am until midday, the local charity Harbour Women's Network holds a Menopause Cafe with a guest speaker at Haddon Wick Community Centre.",
     "The Harbour Women's Network, a local charity, does not run a Menopause Cafe on the first Saturday of each month at Haddon Wick Community Centre, from 10am to 12 noon.",
     "The Harbour Women's Network, a local charity, runs a Menopause Cafe on the first Saturday of each month at Haddon Wick Community Centre, from 10am to 12 noon, and a crèche is available for younger children."),
    (MEN, "cause",
     "Your GP practice can refer you to the Community Menopause Clinic if your symptoms have not improved after trying HRT for at least 3 months, or if you are unsure which treatment to choose.",
     "If you have tried HRT for 3 months or more without your symptoms getting better, or you cannot decide which treatment to pick, your GP practice can make a referral to the Community Menopause Clinic.",
     "If you have tried HRT for 3 months or more without your symptoms getting better, or your GP practice has no clinician with a special interest in menopause, your GP practice can make a referral to the Community Menopause Clinic.",
     "Your GP practice cannot refer you to the Community Menopause Clinic if your symptoms have not improved after trying HRT for at least 3 months, or if you are unsure which treatment to choose.",
     "Your GP practice can refer you to the Community Menopause Clinic if your symptoms have not improved after trying HRT for at least 3 months, or if you are unsure which treatment to choose, and the clinic will write to you with an appointment within 8 weeks."),
    (MEN, "direction",
     "In the months or years before that, known as the perimenopause, many people get symptoms such as hot flushes, night sweats, poor sleep, low mood, anxiety, brain fog, joint aches and vaginal dryness.",
     "Many people have symptoms such as hot flushes, night sweats, poor sleep, low mood, anxiety, brain fog, joint aches and vaginal dryness during the perimenopause, the months or years leading up to the menopause.",
     "Many people have symptoms such as hot flushes, night sweats, poor sleep, low mood, anxiety, brain fog, joint aches and vaginal dryness during the perimenopause, the months or years following the menopause.",
     "In the months or years before that, known as the perimenopause, people do not get symptoms such as hot flushes, night sweats, poor sleep, low mood, anxiety, brain fog, joint aches and vaginal dryness.",
     "In the months or years before that, known as the perimenopause, many people get symptoms such as hot flushes, night sweats, poor sleep, low mood, anxiety, brain fog, joint aches and vaginal dryness, and about 1 in 4 have symptoms severe enough to affect daily life."),

    # ---------------- osm-living-well-with-pain-faq (plain text) ----------------
    (PAIN, "scope",
     "Each course is led by a clinical psychologist and an occupational therapist, with a physiotherapist joining some sessions.",
     "A clinical psychologist and an occupational therapist lead every course, and a physiotherapist takes part in some of the sessions.",
     "A clinical psychologist and an occupational therapist lead every course, and a physiotherapist takes part in all of the sessions.",
     "No course is led by a clinical psychologist and an occupational therapist, although a physiotherapist joins some sessions.",
     "Each course is led by a clinical psychologist and an occupational therapist, with a physiotherapist joining some sessions, and a dietitian joining the session on sleep."),
    (PAIN, "scope",
     "Since January 2026, adults registered with a GP practice in Oakhurst and Selby Marsh can refer themselves by phoning the service or by filling in the online form at selbymarsh-ch.example/pain.",
     "Adults who are registered with an Oakhurst and Selby Marsh GP practice have been able, since January 2026, to self-refer either by calling the service or by completing the online form at selbymarsh-ch.example/pain.",
     "Adults who are registered with any GP practice in England have been able, since January 2026, to self-refer either by calling the service or by completing the online form at selbymarsh-ch.example/pain.",
     "Since January 2026, adults registered with a GP practice in Oakhurst and Selby Marsh cannot refer themselves by phoning the service or by filling in the online form at selbymarsh-ch.example/pain.",
     "Since January 2026, adults registered with a GP practice in Oakhurst and Selby Marsh can refer themselves by phoning the service or by filling in the online form at selbymarsh-ch.example/pain, and the form takes about 10 minutes to complete."),
    (PAIN, "timing",
     "Everyone is invited back for a top-up session 3 months after the course ends.",
     "Three months after the end of the course, all participants are asked to come back for a top-up session.",
     "Six months after the end of the course, all participants are asked to come back for a top-up session.",
     "No one is invited back for a top-up session 3 months after the course ends.",
     "Everyone is invited back for a top-up session 3 months after the course ends, at the same venue where the course was held."),
    (PAIN, "modality",
     "If you miss more than 2 sessions, you may be offered a place on a later course instead.",
     "Should you miss over two sessions, you might instead be offered a place on a later course.",
     "Should you miss over two sessions, you will instead be offered a place on a later course.",
     "If you miss more than 2 sessions, you will not be offered a place on a later course instead.",
     "If you miss more than 2 sessions, you may be offered a place on a later course instead, usually starting within 3 months."),
    (PAIN, "attribution",
     "Many people also join Pain Pals, a monthly peer support group run by former course members with the Selby Marsh Pain Network, a local charity.",
     "Pain Pals, a peer support group that former course members run every month together with the local charity Selby Marsh Pain Network, is also joined by many people.",
     "Pain Pals, a peer support group that the Community Pain Management Service runs every month together with the local charity Selby Marsh Pain Network, is also joined by many people.",
     "Nobody joins Pain Pals, a monthly peer support group run by former course members with the Selby Marsh Pain Network, a local charity.",
     "Many people also join Pain Pals, a monthly peer support group run by former course members with the Selby Marsh Pain Network, a local charity, which meets in Abbotsmere and online."),
    (PAIN, "direction",
     "Of those, 78% said they were doing more of the things that mattered to them, and 64% said they were sleeping better three months later.",
     "Among the people who completed the course in 2025, 78% reported doing more of the things that mattered to them, and three months later 64% reported sleeping better.",
     "Among the people who completed the course in 2025, 78% reported doing more of the things that mattered to them, and three months later 64% reported sleeping worse.",
     "Of those, 78% said they were not doing more of the things that mattered to them, and 64% said they were not sleeping better three months later.",
     "Of those, 78% said they were doing more of the things that mattered to them, and 64% said they were sleeping better three months later, and 9 in 10 said they would recommend the course to a friend."),
    (PAIN, "cause",
     "In week 4, a clinical pharmacist joins the group to talk about pain medicines.",
     "A clinical pharmacist comes to the group in week 4 to discuss pain medicines.",
     "A clinical pharmacist comes to the group in week 4 to review and change people's prescriptions.",
     "In week 4, no clinical pharmacist joins the group to talk about pain medicines.",
     "In week 4, a clinical pharmacist joins the group to talk about pain medicines, and people can bring a list of their current medicines."),
    (PAIN, "added_claim",
     "In 2025, 212 people finished the course.",
     "The course was completed by 212 people in 2025.",
     "The course was completed by 212 people in 2025, more than in any previous year.",
     "In 2025, no one finished the course.",
     "In 2025, 212 people finished the course. Another 41 people left before the end."),

    # ---------------- osm-childrens-autism-pathway-plan (PDF) ----------------
    (AUT, "timing",
     "At the end of June 2026, 2,140 children and young people in Oakhurst and Selby Marsh were waiting for an autism assessment, and the average wait was 22 months.",
     "In Oakhurst and Selby Marsh, 2,140 children and young people were on the waiting list for an autism assessment at the end of June 2026, with an average wait of 22 months.",
     "In Oakhurst and Selby Marsh, 2,140 children and young people were on the waiting list for an autism assessment at the end of March 2026, with an average wait of 22 months.",
     "At the end of June 2026, no children or young people in Oakhurst and Selby Marsh were waiting for an autism assessment.",
     "At the end of June 2026, 2,140 children and young people in Oakhurst and Selby Marsh were waiting for an autism assessment, and the average wait was 22 months, up from 1,610 children a year earlier."),
    (AUT, "attribution",
     "From Monday 4 January 2027 there will be one Neurodevelopmental Assessment Service for children and young people up to their 18th birthday, run by Harnock Partnership NHS Foundation Trust.",
     "Harnock Partnership NHS Foundation Trust will run a single Neurodevelopmental Assessment Service for children and young people until they turn 18, starting on Monday 4 January 2027.",
     "NHS Oakhurst and Selby Marsh Integrated Care Board will run a single Neurodevelopmental Assessment Service for children and young people until they turn 18, starting on Monday 4 January 2027.",
     "From Monday 4 January 2027 there will not be one Neurodevelopmental Assessment Service for children and young people up to their 18th birthday, run by Harnock Partnership NHS Foundation Trust.",
     "From Monday 4 January 2027 there will be one Neurodevelopmental Assessment Service for children and young people up to their 18th birthday, run by Harnock Partnership NHS Foundation Trust, with an adult service to follow in 2028."),
    (AUT, "modality",
     "Parents who are worried should speak to their child's school or GP practice first.",
     "In the first instance, parents with concerns should talk to their child's GP practice or school.",
     "In the first instance, parents with concerns must talk to their child's GP practice or school.",
     "Parents who are worried should not speak to their child's school or GP practice first.",
     "Parents who are worried should speak to their child's school or GP practice first. The school or practice can help them fill in the referral form."),
    (AUT, "attribution",
     "Every family on the waiting list will be offered Waiting Well support, including four online workshops called Understanding Your Child and a helpline run by the local charity Brightpath Families.",
     "Waiting Well support will be offered to all families on the waiting list; it includes a helpline run by Brightpath Families, a local charity, and four online workshops named Understanding Your Child.",
     "Waiting Well support will be offered to all families on the waiting list; it includes a helpline run by Harnock Partnership NHS Foundation Trust and four online workshops named Understanding Your Child.",
     "Families on the waiting list will not be offered Waiting Well support, including four online workshops called Understanding Your Child and a helpline run by the local charity Brightpath Families.",
     "Every family on the waiting list will be offered Waiting Well support, including four online workshops called Understanding Your Child and a helpline run by the local charity Brightpath Families, open on weekday evenings and Saturday mornings."),
    (AUT, "added_claim",
     "The ICB will invest an extra £2.6 million over two years.",
     "Over a two-year period, the ICB is going to put in an additional £2.6 million.",
     "Over a two-year period, the ICB is going to put in an additional £2.6 million, matched by the same amount from local councils.",
     "The ICB will not invest an extra £2.6 million over two years.",
     "The ICB will invest an extra £2.6 million over two years, most of it in the first year."),
    (AUT, "scope",
     "To bring the waiting list down faster, 600 children will be offered an assessment by Clearwater Assessments Ltd during 2027, with the same standards and reports as the NHS team.",
     "During 2027, Clearwater Assessments Ltd will offer assessments to 600 children, working to the same standards and producing the same reports as the NHS team, so that the waiting list comes down more quickly.",
     "During 2027, Clearwater Assessments Ltd will offer assessments to every child on the waiting list, working to the same standards and producing the same reports as the NHS team, so that the waiting list comes down more quickly.",
     "To bring the waiting list down faster, 600 children will not be offered an assessment by Clearwater Assessments Ltd during 2027, with the same standards and reports as the NHS team.",
     "To bring the waiting list down faster, 600 children will be offered an assessment by Clearwater Assessments Ltd during 2027, with the same standards and reports as the NHS team, at a cost of about £1,500 per assessment."),
    (AUT, "added_claim",
     "The family has a feedback meeting within 2 weeks of the assessment, where the outcome is explained in person.",
     "Within a fortnight of the assessment, the family attends a feedback meeting at which the result is explained to them face to face.",
     "Within a fortnight of the assessment, the family attends a feedback meeting at which the result is explained to them face to face and they are given a printed summary to take home.",
     "The family does not have a feedback meeting within 2 weeks of the assessment, where the outcome is explained in person.",
     "The family has a feedback meeting within 2 weeks of the assessment, where the outcome is explained in person, and a Hub coordinator books it with the family by phone."),
    (AUT, "cause",
     "A specialist practitioner observes the child at school or nursery, so the team can see how they manage day to day.",
     "So that the team can see how the child copes from day to day, a specialist practitioner watches them at their school or nursery.",
     "So that the school can be told how to support the child, a specialist practitioner watches them at their school or nursery.",
     "A specialist practitioner does not observe the child at school or nursery, so the team cannot see how they manage day to day.",
     "A specialist practitioner observes the child at school or nursery, so the team can see how they manage day to day. The visit usually lasts a morning or an afternoon."),

    # ---------------- osm-kidney-care-page (HTML, main content only) ----------------
    (KCP, "scope",
     "Most people with chronic kidney disease never need dialysis.",
     "The majority of people who have chronic kidney disease will never require dialysis.",
     "No one who has chronic kidney disease will ever require dialysis.",
     "Most people with chronic kidney disease need dialysis.",
     "Most people with chronic kidney disease never need dialysis. Around 1 in 50 will need it at some point."),
    (KCP, "timing",
     "If your kidney disease is at an early stage, your GP practice will usually look after you, with a blood test and a urine test at least once a year and a check of your blood pressure.",
     "When kidney disease is in its early stages, care is normally provided by your GP practice, including a check of your blood pressure and blood and urine tests at least annually.",
     "When kidney disease is in its early stages, care is normally provided by your GP practice, including a check of your blood pressure and blood and urine tests at least every six months.",
     "If your kidney disease is at an early stage, your GP practice will not usually look after you.",
     "If your kidney disease is at an early stage, your GP practice will usually look after you, with a blood test and a urine test at least once a year and a check of your blood pressure, and you may be offered medicine to protect your kidneys."),
    (KCP, "modality",
     "Your GP can refer you to the Kidney Care Clinic at Oakhurst Royal Infirmary if your kidney function is falling quickly.",
     "If your kidney function is declining fast, you can be referred by your GP to Oakhurst Royal Infirmary's Kidney Care Clinic.",
     "If your kidney function is declining fast, you will be referred by your GP to Oakhurst Royal Infirmary's Kidney Care Clinic.",
     "Your GP cannot refer you to the Kidney Care Clinic at Oakhurst Royal Infirmary if your kidney function is falling quickly.",
     "Your GP can refer you to the Kidney Care Clinic at Oakhurst Royal Infirmary if your kidney function is falling quickly, where you will usually be seen within 4 weeks."),
    (KCP, "attribution",
     "These small group sessions are led by renal nurses and explain the choices: dialysis in a unit, dialysis at home, a kidney transplant, or supportive care without dialysis.",
     "Run by renal nurses, the small-group Kidney Options sessions set out the options: unit dialysis, home dialysis, a kidney transplant, or supportive care with no dialysis.",
     "Run by renal dietitians, the small-group Kidney Options sessions set out the options: unit dialysis, home dialysis, a kidney transplant, or supportive care with no dialysis.",
     "These small group sessions are led by renal nurses but do not explain the choices: dialysis in a unit, dialysis at home, a kidney transplant, or supportive care without dialysis.",
     "These small group sessions are led by renal nurses and explain the choices: dialysis in a unit, dialysis at home, a kidney transplant, or supportive care without dialysis. Each session lasts about two hours and includes a tour of the dialysis unit."),
    (KCP, "added_claim",
     "The trust supplies the machine and equipment, arranges deliveries of fluids, and pays a yearly contribution towards extra water and electricity costs.",
     "The machine and equipment are provided by the trust, which also organises fluid deliveries and makes an annual contribution to the additional cost of water and electricity.",
     "The machine and equipment are provided by the trust, which also organises fluid deliveries, fits any plumbing that is needed, and makes an annual contribution to the additional cost of water and electricity.",
     "The trust does not supply the machine and equipment, arrange deliveries of fluids, or pay a yearly contribution towards extra water and electricity costs.",
     "The trust supplies the machine and equipment, arranges deliveries of fluids, and pays a yearly contribution towards extra water and electricity costs, which is paid straight into your bank account."),
    (KCP, "cause",
     "A home therapies nurse will visit you before you start to check that your home is suitable.",
     "To make sure your home is suitable, a home therapies nurse will come and see you before you begin.",
     "To show you how to use the machine, a home therapies nurse will come and see you before you begin.",
     "A home therapies nurse will not visit you before you start to check that your home is suitable.",
     "A home therapies nurse will visit you before you start to check that your home is suitable, and will help you plan where the machine and supplies will go."),
    (KCP, "direction",
     "People on dialysis often need to limit how much fluid, salt, potassium and phosphate they have.",
     "It is common for people having dialysis to need to restrict their intake of fluid, salt, potassium and phosphate.",
     "It is common for people having dialysis to need to increase their intake of fluid, salt, potassium and phosphate.",
     "People on dialysis do not need to limit how much fluid, salt, potassium and phosphate they have.",
     "People on dialysis often need to limit how much fluid, salt, potassium and phosphate they have, and many are advised to keep to about a litre of fluid a day."),
    (KCP, "modality",
     "A family member or friend may be able to give you a kidney; the living donor team can explain what is involved.",
     "It may be possible for a relative or friend to donate a kidney to you, and the living donor team can talk you through what this involves.",
     "It will be possible for a relative or friend to donate a kidney to you, and the living donor team can talk you through what this involves.",
     "A family member or friend cannot give you a kidney; the living donor team can explain what is involved.",
     "A family member or friend may be able to give you a kidney; the living donor team can explain what is involved. Donors usually stay in hospital for 2 to 5 days."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "k%03d" % i, "corpus": "oakhurst", "doc_id": doc,
            "source_sentence": src, "faithful_paraphrase": faith,
            "unfaithful_paraphrase": unfaith, "unfaithful_kind": kind,
            "negated": neg, "invented_clause": inv,
        })
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return rows


# ---------------- checks ----------------

def ws(s):
    # \s also matches no-break spaces (U+00A0), so "12&nbsp;October" becomes "12 October"
    return re.sub(r"\s+", " ", s).strip()


def manifest_docs():
    """doc_id -> audience, from manifest.yaml (simple line parser, no yaml module)."""
    docs, cur = {}, None
    with open(os.path.join(CORPUS_DIR, "manifest.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^  ([A-Za-z0-9_.-]+):\s*$", line)
            if m:
                cur = m.group(1)
                docs[cur] = None
                continue
            m = re.match(r"^\s+audience:\s*(\S+)", line)
            if m and cur:
                docs[cur] = m.group(1).strip("\"'")
    return docs


def public_docs():
    return {d for d, a in manifest_docs().items() if a == "public"}


INLINE_TAGS = r"(?:a|abbr|b|br|cite|code|em|i|small|span|strong|sub|sup|time|u)"


def html_text(raw):
    t = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", raw)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    # page furniture: header, navigation, asides, footer, cookie banner
    t = re.sub(r"(?is)<(header|nav|aside|footer)\b.*?</\1>", " ", t)
    t = re.sub(r"(?is)<div\b[^>]*class=\"cookie-banner\"[^>]*>.*?</div>", " ", t)
    m = re.search(r"(?is)<article\b[^>]*>(.*?)</article>", t)   # article text if there is one
    if not m:
        m = re.search(r"(?is)<main\b[^>]*>(.*?)</main>", t)     # otherwise the main element
    if m:
        t = m.group(1)
    t = re.sub(r"(?is)<br\s*/?>", " ", t)
    t = re.sub(r"(?is)</?%s\b[^>]*>" % INLINE_TAGS, "", t)      # inline tags: no gap
    t = re.sub(r"(?s)<[^>]+>", " ", t)                          # block tags: a gap
    return html.unescape(t)


def md_text(raw):
    lines = []
    for line in raw.splitlines():
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)
        lines.append(line)
    return "\n".join(lines).replace("**", "")


PDF_FURNITURE = [
    re.compile(r"^NHS Oakhurst and Selby Marsh Integrated Care Board\s+\|\s+.*$"),  # running header
    re.compile(r"^osm-icb\.example/\S+$"),                                          # header URL
    re.compile(r"^Page \d+ of \d+$"),                                               # page number
]


def pdf_text(path):
    try:
        import pypdf
    except ImportError:
        raise SystemExit("pypdf is needed to read %s (run with /work/main/.venv/bin/python)" % path)
    pages = []
    for page in pypdf.PdfReader(path).pages:
        lines = (page.extract_text() or "").splitlines()
        keep = [ln for ln in lines if not any(p.match(ln.strip()) for p in PDF_FURNITURE)]
        pages.append("\n".join(keep))
    t = "\n".join(pages)
    # one word is hyphenated across a line end ("assess-" / "ment"): rejoin lower-case halves
    t = re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", t)
    return t


def doc_path(doc_id):
    # the folder is not listed: try the known extensions for this doc id
    found = [doc_id + e for e in (".html", ".htm", ".md", ".txt", ".pdf", ".docx")
             if os.path.isfile(os.path.join(CORPUS_DIR, doc_id + e))]
    if len(found) != 1:
        raise SystemExit("cannot find a single file for %s: %r" % (doc_id, found))
    return os.path.join(CORPUS_DIR, found[0])


def visible_text(doc_id):
    path = doc_path(doc_id)
    ext = os.path.splitext(path)[1].lower()
    if ext == ".pdf":
        return ws(pdf_text(path))
    if ext == ".docx":
        raise SystemExit("no DOCX reader here (only the staff memo is a DOCX): %s" % doc_id)
    raw = open(path, encoding="utf-8").read()
    if ext in (".html", ".htm"):
        t = html_text(raw)
    elif ext == ".md":
        t = md_text(raw)
    else:
        t = raw
    return ws(t)


def check(rows):
    errors = []
    pub = public_docs()
    texts = {}
    ids, srcs = set(), set()
    for r in rows:
        rid = r.get("id", "?")
        if list(r.keys()) != FIELDS:
            errors.append("%s: fields %r" % (rid, list(r.keys())))
        missing = [k for k in FIELDS if not isinstance(r.get(k), str) or not r.get(k).strip()]
        for k in missing:
            errors.append("%s: empty or missing field %s" % (rid, k))
        if missing:
            continue
        if not re.fullmatch(r"k0[0-4]\d", rid) or not (1 <= int(rid[1:]) <= 40):
            errors.append("%s: bad id" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["corpus"] != "oakhurst":
            errors.append("%s: corpus %r" % (rid, r["corpus"]))
        if r["doc_id"] not in pub:
            errors.append("%s: doc %s is not a public document" % (rid, r["doc_id"]))
            continue
        if r["unfaithful_kind"] not in KINDS:
            errors.append("%s: bad kind %r" % (rid, r["unfaithful_kind"]))
        src = r["source_sentence"]
        if src in srcs:
            errors.append("%s: duplicate source sentence" % rid)
        srcs.add(src)
        if ws(src) != src:
            errors.append("%s: source has extra whitespace" % rid)
        if not src.endswith("."):
            errors.append("%s: source does not end with a full stop" % rid)
        if r["doc_id"] not in texts:
            texts[r["doc_id"]] = visible_text(r["doc_id"])
        if src not in texts[r["doc_id"]]:
            errors.append("%s: source sentence not found verbatim in %s" % (rid, r["doc_id"]))
        variants = ("faithful_paraphrase", "unfaithful_paraphrase", "negated", "invented_clause")
        for k in variants:
            if r[k] == src:
                errors.append("%s: %s identical to source" % (rid, k))
        if len({r[k] for k in variants}) != len(variants):
            errors.append("%s: two variants are identical" % rid)
        inv = r["invented_clause"]
        stem = src[:-1] if src.endswith(".") else src
        if not (inv.startswith(stem) and len(inv) > len(src) and inv[len(stem)] in ".,;"):
            errors.append("%s: invented_clause does not extend the source" % rid)
    if len(rows) != 40:
        errors.append("expected 40 rows, got %d" % len(rows))
    if sorted(ids) != ["k%03d" % i for i in range(1, 41)]:
        errors.append("ids do not run k001-k040")
    kinds = Counter(r.get("unfaithful_kind") for r in rows)
    for k in KINDS:
        if not 5 <= kinds.get(k, 0) <= 6:
            errors.append("kind %s used %d times (want 5-6)" % (k, kinds.get(k, 0)))
    docs = Counter(r.get("doc_id") for r in rows)
    for d in sorted(pub):
        if docs.get(d, 0) != ROWS_PER_DOC:
            errors.append("public document %s has %d rows (want %d)" % (d, docs.get(d, 0), ROWS_PER_DOC))
    return errors, kinds


def main():
    rows = build()
    # re-read the written file so the check covers what is on disk
    with open(OUT, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    errors, kinds = check(rows)
    docs = Counter(r["doc_id"] for r in rows)
    print("wrote %s: %d rows" % (os.path.relpath(OUT), len(rows)))
    print("per doc:", dict(docs))
    print("per kind:", {k: kinds.get(k, 0) for k in KINDS})
    if errors:
        print("FAILED:")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
