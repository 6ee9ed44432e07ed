#!/usr/bin/env python3
"""Build and check the blind Halverstock support-check table (triples-halverstock.jsonl).

Run: /work/main/.venv/bin/python build_halverstock.py
(any Python 3 with pypdf installed; pypdf is needed only to read the PDF plan).
Writes triples-halverstock.jsonl next to this file, then validates it.

The corpus folder is found in this order: $HALVERSTOCK_CORPUS, ../corpora/halverstock/corpus
(when this file sits in evals/support/), /work/main/evals/corpora/halverstock/corpus.
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
    cands = [os.environ.get("HALVERSTOCK_CORPUS"),
             os.path.normpath(os.path.join(HERE, "..", "corpora", "halverstock", "corpus")),
             "/work/main/evals/corpora/halverstock/corpus"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "manifest.yaml")):
            return c
    raise SystemExit("cannot find the Halverstock corpus folder (set HALVERSTOCK_CORPUS)")


CORPUS_DIR = _corpus_dir()
OUT = os.path.join(HERE, "triples-halverstock.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]
ROWS_PER_DOC = 8

VAS = "hmy-vasectomy-clinic-news"
CSG = "hmy-cervical-screening-home-kit-guide"
MEF = "hmy-medical-examiner-faq"
CTP = "hmy-carpal-tunnel-service-plan"
CTI = "hmy-carpal-tunnel-info-page"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- hmy-vasectomy-clinic-news (article text only, quote attributions kept) ----------------
    (VAS, "direction",
     "Until now, most vasectomies for local people have been done in the day surgery unit at Ferrisham Hospital, where the wait from referral to treatment reached 38 weeks last year.",
     "Up to now, the day surgery unit at Ferrisham Hospital has carried out most local people's vasectomies, and last year the wait there between referral and treatment reached 38 weeks.",
     "Up to now, the day surgery unit at Ferrisham Hospital has carried out most local people's vasectomies, and last year the wait there between referral and treatment fell to 38 weeks.",
     "Until now, most vasectomies for local people have not been done in the day surgery unit at Ferrisham Hospital, where the wait from referral to treatment reached 38 weeks last year.",
     "Until now, most vasectomies for local people have been done in the day surgery unit at Ferrisham Hospital, where the wait from referral to treatment reached 38 weeks last year, and around one in six men cancelled their appointment while they waited."),
    (VAS, "attribution",
     "The new clinic is run by the Community Surgery Service of Minnowby Community Health NHS Trust and has been commissioned by NHS Halverstock and Minnowby Integrated Care Board (ICB).",
     "NHS Halverstock and Minnowby Integrated Care Board (ICB) commissioned the new clinic, which the Community Surgery Service of Minnowby Community Health NHS Trust runs.",
     "NHS Halverstock and Minnowby Integrated Care Board (ICB) commissioned the new clinic, which the day surgery unit at Ferrisham Hospital runs.",
     "The new clinic is not run by the Community Surgery Service of Minnowby Community Health NHS Trust, although it has been commissioned by NHS Halverstock and Minnowby Integrated Care Board (ICB).",
     "The new clinic is run by the Community Surgery Service of Minnowby Community Health NHS Trust and has been commissioned by NHS Halverstock and Minnowby Integrated Care Board (ICB), under a five-year contract worth £2.1 million."),
    (VAS, "modality",
     "It aims to treat everyone within 8 weeks of referral.",
     "The new clinic's goal is for everyone to be treated within 8 weeks of being referred.",
     "The new clinic guarantees that everyone will be treated within 8 weeks of being referred.",
     "It does not aim to treat everyone within 8 weeks of referral.",
     "It aims to treat everyone within 8 weeks of referral, and most men within 4 weeks."),
    (VAS, "timing",
     "The clinic will run all day on Tuesdays and Thursdays, from 8.30am to 5pm, and on the first Saturday morning of every month, from 9am to 12.30pm.",
     "Each month the clinic will open on the morning of the first Saturday, from 9am to 12.30pm, as well as from 8.30am to 5pm every Tuesday and Thursday.",
     "Each month the clinic will open on the morning of the first Saturday, from 9am to 12.30pm, as well as from 8.30am to 5pm every Tuesday and Friday.",
     "The clinic will run all day on Tuesdays and Thursdays, from 8.30am to 5pm, but it will not open on any Saturday of the month.",
     "The clinic will run all day on Tuesdays and Thursdays, from 8.30am to 5pm, and on the first Saturday morning of every month, from 9am to 12.30pm, with evening sessions planned from next spring."),
    (VAS, "timing",
     "From 1 September 2027 you will also be able to self-refer online at www.hm-icb.example/vasectomy without seeing your GP first.",
     "Starting on 1 September 2027, you will also be able to refer yourself online at www.hm-icb.example/vasectomy, with no need to see your GP first.",
     "Starting on 1 July 2027, you will also be able to refer yourself online at www.hm-icb.example/vasectomy, with no need to see your GP first.",
     "From 1 September 2027 you will still not be able to self-refer online at www.hm-icb.example/vasectomy without seeing your GP first.",
     "From 1 September 2027 you will also be able to self-refer online at www.hm-icb.example/vasectomy without seeing your GP first, or by phoning the Vasectomy Booking Team."),
    (VAS, "scope",
     "The clinic is for men aged 18 and over who are registered with a GP practice in Halverstock or Minnowby.",
     "Men can use the clinic if they are 18 or older and registered with a Halverstock or Minnowby GP practice.",
     "Men can use the clinic if they are 18 or older and registered with any GP practice in England.",
     "The clinic is for men aged 18 and over who are not registered with a GP practice in Halverstock or Minnowby.",
     "The clinic is for men aged 18 and over who are registered with a GP practice in Halverstock or Minnowby. Men with a bleeding disorder will be seen at Ferrisham Hospital instead."),
    (VAS, "cause",
     "Doing it in a community clinic frees up hospital theatre time for people who need it and gets men treated much sooner.",
     "Carrying out vasectomies in a community clinic gets men treated much sooner and releases hospital theatre time for the people who need it.",
     "Carrying out vasectomies in a community clinic gets men treated much sooner and releases hospital theatre time for training junior surgeons.",
     "Doing it in a community clinic does not free up hospital theatre time for people who need it or get men treated any sooner.",
     "Doing it in a community clinic frees up hospital theatre time for people who need it and gets men treated much sooner. It also costs the NHS about a third less for each procedure."),
    (VAS, "added_claim",
     "Most men go back to desk work after 1 or 2 days, but you should avoid heavy lifting and sport for a week.",
     "After 1 or 2 days most men return to work at a desk, though heavy lifting and sport should be avoided for a week.",
     "After 1 or 2 days most men return to work at a desk, though heavy lifting, driving and sport should be avoided for a week.",
     "Most men cannot go back to desk work after 1 or 2 days, and you should avoid heavy lifting and sport for a week.",
     "Most men go back to desk work after 1 or 2 days, but you should avoid heavy lifting and sport for a week, and wear close-fitting underwear for the first few days."),

    # ---------------- hmy-cervical-screening-home-kit-guide (Markdown; ** and list markers removed) ----------------
    (CSG, "timing",
     "Since 1 March 2027, if you are overdue for your cervical screening you can ask for a home HPV self-sampling kit.",
     "People who are overdue for cervical screening have been able to request a home HPV self-sampling kit since 1 March 2027.",
     "People who are overdue for cervical screening have been able to request a home HPV self-sampling kit since 1 January 2027.",
     "Since 1 March 2027, if you are overdue for your cervical screening you cannot ask for a home HPV self-sampling kit.",
     "Since 1 March 2027, if you are overdue for your cervical screening you can ask for a home HPV self-sampling kit, and more than 3,000 kits have been sent out so far."),
    (CSG, "scope",
     "Trans men and non-binary people who have a cervix can use the kit too.",
     "The kit can also be used by trans men and non-binary people with a cervix.",
     "The kit can also be used by any trans man or non-binary person, whether or not they have a cervix.",
     "Trans men and non-binary people who have a cervix cannot use the kit.",
     "Trans men and non-binary people who have a cervix can use the kit too, and they can ask for it to be sent in a different name."),
    (CSG, "scope",
     "In 2026, 71.2% of eligible people in Halverstock and Minnowby were up to date with cervical screening.",
     "Of the people in Halverstock and Minnowby who were eligible, 71.2% were up to date with their cervical screening in 2026.",
     "Of the people in England who were eligible, 71.2% were up to date with their cervical screening in 2026.",
     "In 2026, 71.2% of eligible people in Halverstock and Minnowby were not up to date with cervical screening.",
     "In 2026, 71.2% of eligible people in Halverstock and Minnowby were up to date with cervical screening, down from 73.5% five years earlier."),
    (CSG, "modality",
     "If you have a learning disability or find examinations difficult, the Screening Hub can arrange a longer nurse appointment or a kit with a support worker's help.",
     "For people who have a learning disability or find examinations hard, the Screening Hub is able to set up a longer appointment with a nurse, or a kit with help from a support worker.",
     "For people who have a learning disability or find examinations hard, the Screening Hub is required to set up a longer appointment with a nurse, or a kit with help from a support worker.",
     "If you have a learning disability or find examinations difficult, the Screening Hub cannot arrange a longer nurse appointment or a kit with a support worker's help.",
     "If you have a learning disability or find examinations difficult, the Screening Hub can arrange a longer nurse appointment or a kit with a support worker's help. A carer or friend can also come to the appointment with you."),
    (CSG, "attribution",
     "We will send your results by letter within 4 weeks of receiving your sample.",
     "Within 4 weeks of getting your sample, the Cervical Screening Hub will write to you with your results.",
     "Within 4 weeks of getting your sample, your GP practice will write to you with your results.",
     "We will not send your results by letter within 4 weeks of receiving your sample.",
     "We will send your results by letter within 4 weeks of receiving your sample, or by text message if you ask us to."),
    (CSG, "direction",
     "We also send a copy to your GP practice.",
     "The Cervical Screening Hub also sends a copy of your results to your GP practice.",
     "The Cervical Screening Hub also receives a copy of your results from your GP practice.",
     "We do not send a copy to your GP practice.",
     "We also send a copy to your GP practice, so that your records are kept up to date."),
    (CSG, "cause",
     "Most HPV infections clear up on their own, but a nurse sample lets the laboratory check your cells for changes.",
     "Most infections with HPV go away by themselves, but a sample taken by a nurse allows the laboratory to look for changes in your cells.",
     "Most infections with HPV go away by themselves, but a sample taken by a nurse allows the laboratory to confirm that the infection has cleared.",
     "Most HPV infections do not clear up on their own, but a nurse sample lets the laboratory check your cells for changes.",
     "Most HPV infections clear up on their own, but a nurse sample lets the laboratory check your cells for changes. Most people who have HPV found have no cell changes at all."),
    (CSG, "added_claim",
     "The kit comes by post within 7 working days, in a plain brown envelope with no NHS logo on the front.",
     "Within 7 working days the kit arrives by post in a plain brown envelope that has no NHS logo on the front.",
     "Within 7 working days the kit arrives by post in a plain brown envelope that has no NHS logo on the front, and you get a text message when it is sent.",
     "The kit does not come in a plain envelope: it comes by post within 7 working days, in a brown envelope with the NHS logo on the front.",
     "The kit comes by post within 7 working days, in a plain brown envelope with no NHS logo on the front, and fits through most letterboxes."),

    # ---------------- hmy-medical-examiner-faq (plain text; wrapped answers joined with single spaces) ----------------
    (MEF, "attribution",
     "Our office is run by Halverstock and Minnowby Hospitals NHS Trust and is based at Halverstock General Hospital, but it covers the whole of Halverstock and Minnowby.",
     "The Medical Examiner Office is based at Halverstock General Hospital and run by Halverstock and Minnowby Hospitals NHS Trust, but it serves all of Halverstock and Minnowby.",
     "The Medical Examiner Office is based at Halverstock General Hospital and run by NHS Halverstock and Minnowby Integrated Care Board, but it serves all of Halverstock and Minnowby.",
     "Our office is run by Halverstock and Minnowby Hospitals NHS Trust and is based at Halverstock General Hospital, but it does not cover the whole of Halverstock and Minnowby.",
     "Our office is run by Halverstock and Minnowby Hospitals NHS Trust and is based at Halverstock General Hospital, but it covers the whole of Halverstock and Minnowby, and a medical examiner visits each of the area's hospices once a week."),
    (MEF, "scope",
     "All deaths in England that are not investigated by a coroner are reviewed by a medical examiner.",
     "A medical examiner reviews every death in England that a coroner is not investigating.",
     "A medical examiner reviews every death in the UK that a coroner is not investigating.",
     "Deaths in England that are not investigated by a coroner are not reviewed by a medical examiner.",
     "All deaths in England that are not investigated by a coroner are reviewed by a medical examiner, including the deaths of children."),
    (MEF, "modality",
     "You can buy certified copies of the death certificate from the register office when you register.",
     "When you register, certified copies of the death certificate can be bought from the register office.",
     "When you register, certified copies of the death certificate must be bought from the register office.",
     "You cannot buy certified copies of the death certificate from the register office when you register.",
     "You can buy certified copies of the death certificate from the register office when you register, and most families find it helpful to buy three or four."),
    (MEF, "modality",
     "You can choose a funeral director and talk to them straight away.",
     "Straight away, you are free to pick a funeral director and speak to them.",
     "Straight away, you are required to pick a funeral director and speak to them.",
     "You cannot choose a funeral director or talk to them straight away.",
     "You can choose a funeral director and talk to them straight away, and they can collect the person from the hospital once the review is finished."),
    (MEF, "direction",
     "The certificate is sent directly to the register office by secure email.",
     "The certificate goes by secure email straight to the register office.",
     "The certificate comes by secure email straight from the register office.",
     "The certificate is not sent directly to the register office by secure email.",
     "The certificate is sent directly to the register office by secure email, and a copy is kept in the person's hospital records."),
    (MEF, "timing",
     "At weekends and on bank holidays a medical examiner is on call from 10am to 2pm on Saturdays and Sundays.",
     "Between 10am and 2pm on Saturdays and Sundays, a medical examiner is on call at weekends and on bank holidays.",
     "Between 10am and 4pm on Saturdays and Sundays, a medical examiner is on call at weekends and on bank holidays.",
     "At weekends and on bank holidays no medical examiner is on call from 10am to 2pm on Saturdays and Sundays.",
     "At weekends and on bank holidays a medical examiner is on call from 10am to 2pm on Saturdays and Sundays, and can usually agree an urgent release within a few hours."),
    (MEF, "cause",
     "But you should not fix a date for the funeral until the death has been registered, or the coroner has agreed, because a burial or cremation cannot go ahead without the right paperwork.",
     "Because a burial or cremation cannot take place without the correct paperwork, you should wait until the death has been registered, or the coroner has agreed, before setting a date for the funeral.",
     "Because funeral directors do not take bookings before then, you should wait until the death has been registered, or the coroner has agreed, before setting a date for the funeral.",
     "But you need not wait until the death has been registered, or the coroner has agreed, before you fix a date for the funeral, because a burial or cremation does not depend on the paperwork.",
     "But you should not fix a date for the funeral until the death has been registered, or the coroner has agreed, because a burial or cremation cannot go ahead without the right paperwork. The register office can usually offer an appointment within 2 working days."),
    (MEF, "added_claim",
     "There is no charge to families for the medical examiner's review or for the medical certificate.",
     "Families do not pay anything for the medical certificate or for the review by the medical examiner.",
     "Families do not pay anything for the medical certificate, for certified copies of the death certificate or for the review by the medical examiner.",
     "There is a charge to families for the medical examiner's review and for the medical certificate.",
     "There is no charge to families for the medical examiner's review or for the medical certificate, and there is no charge for urgent release at weekends either."),

    # ---------------- hmy-carpal-tunnel-service-plan (PDF; running header, URL, page lines, bullet glyphs dropped) ----------------
    (CTP, "timing",
     "From Monday 6 September 2027 there will be one Halverstock and Minnowby Hand Service for adults aged 18 and over with carpal tunnel syndrome.",
     "Adults aged 18 or older who have carpal tunnel syndrome will have a single Halverstock and Minnowby Hand Service from Monday 6 September 2027.",
     "Adults aged 18 or older who have carpal tunnel syndrome will have a single Halverstock and Minnowby Hand Service from Monday 6 December 2027.",
     "From Monday 6 September 2027 there will not be one Halverstock and Minnowby Hand Service for adults aged 18 and over with carpal tunnel syndrome.",
     "From Monday 6 September 2027 there will be one Halverstock and Minnowby Hand Service for adults aged 18 and over with carpal tunnel syndrome, and children will go on being seen at Halverstock General Hospital."),
    (CTP, "attribution",
     "It will be run by Minnowby Community Health NHS Trust and will replace the three separate routes.",
     "Minnowby Community Health NHS Trust will run the Hand Service, which will take the place of the three separate routes.",
     "NHS Halverstock and Minnowby Integrated Care Board will run the Hand Service, which will take the place of the three separate routes.",
     "It will be run by Minnowby Community Health NHS Trust but will not replace the three separate routes.",
     "It will be run by Minnowby Community Health NHS Trust and will replace the three separate routes, which will stop taking new referrals on Friday 3 September 2027."),
    (CTP, "direction",
     "If you need surgery, you are added to the surgery list at Saxlow Treatment Centre and given a date before you leave.",
     "If surgery is needed, you go on the surgery list at Saxlow Treatment Centre and are given a date before you leave.",
     "If surgery is needed, you go on the surgery list at Saxlow Treatment Centre and are given a date after you leave.",
     "If you need surgery, you are added to the surgery list at Saxlow Treatment Centre but not given a date before you leave.",
     "If you need surgery, you are added to the surgery list at Saxlow Treatment Centre and given a date before you leave, and a nurse phones you for a short health check a week before the operation."),
    (CTP, "direction",
     "In 2026 the average wait from referral to surgery was 41 weeks, and many people had to come back for three or four separate appointments before a decision was made.",
     "The average wait between referral and surgery in 2026 was 41 weeks, and before a decision was reached many people had to return for three or four separate appointments.",
     "The average wait between referral and surgery in 2026 was 41 weeks, and after a decision was reached many people had to return for three or four separate appointments.",
     "In 2026 the average wait from referral to surgery was 41 weeks, and people did not have to come back for three or four separate appointments before a decision was made.",
     "In 2026 the average wait from referral to surgery was 41 weeks, and many people had to come back for three or four separate appointments before a decision was made. About 1 in 5 people gave up waiting and paid to be treated privately."),
    (CTP, "scope",
     "There will also be clinics at Coldharrow Health Centre and Ulverdene Clinic, so that most people can be seen within 25 minutes of home by public transport.",
     "So that most people can be seen within 25 minutes of their home by public transport, clinics will also be held at Coldharrow Health Centre and Ulverdene Clinic.",
     "So that everyone can be seen within 25 minutes of their home by public transport, clinics will also be held at Coldharrow Health Centre and Ulverdene Clinic.",
     "There will also be clinics at Coldharrow Health Centre and Ulverdene Clinic, but most people still cannot be seen within 25 minutes of home by public transport.",
     "There will also be clinics at Coldharrow Health Centre and Ulverdene Clinic, so that most people can be seen within 25 minutes of home by public transport, and a fourth clinic may open in Ferrisham in 2028."),
    (CTP, "modality",
     "If your symptoms have not improved, you may be offered a steroid injection into the wrist.",
     "You might be offered a steroid injection into your wrist if your symptoms have not got better.",
     "You will be offered a steroid injection into your wrist if your symptoms have not got better.",
     "If your symptoms have not improved, you will not be offered a steroid injection into the wrist.",
     "If your symptoms have not improved, you may be offered a steroid injection into the wrist, and most people who have one notice a difference within 2 weeks."),
    (CTP, "cause",
     "This means you do not need to stop eating or drinking beforehand, and you can go home the same day.",
     "Because most operations are done under local anaesthetic while you are awake, with no tourniquet on your arm, you can keep eating and drinking before the operation and go home on the same day.",
     "Because the operation itself takes only about 15 minutes, you can keep eating and drinking before the operation and go home on the same day.",
     "This means you must stop eating and drinking beforehand, and you cannot go home the same day.",
     "This means you do not need to stop eating or drinking beforehand, and you can go home the same day, usually within an hour of the operation."),
    (CTP, "added_claim",
     "It will be available in the six most-spoken community languages in our area, with subtitles, and will be recommended to everyone at their first appointment.",
     "Hand Ease will come in our area's six most-spoken community languages, with subtitles, and everyone will be recommended it at their first appointment.",
     "Hand Ease will come in our area's six most-spoken community languages and in British Sign Language, with subtitles, and everyone will be recommended it at their first appointment.",
     "It will be available in the six most-spoken community languages in our area, with subtitles, but will not be recommended to everyone at their first appointment.",
     "It will be available in the six most-spoken community languages in our area, with subtitles, and will be recommended to everyone at their first appointment. Printed sheets will also be handed out at GP practices and pharmacies."),

    # ---------------- hmy-carpal-tunnel-info-page (main element only; ’ from &rsquo;) ----------------
    (CTI, "cause",
     "Carpal tunnel syndrome happens when a nerve in your wrist is squeezed.",
     "Carpal tunnel syndrome is caused by a nerve in your wrist being squeezed.",
     "Carpal tunnel syndrome is caused by a tendon in your wrist becoming inflamed.",
     "Carpal tunnel syndrome does not happen when a nerve in your wrist is squeezed.",
     "Carpal tunnel syndrome happens when a nerve in your wrist is squeezed, and it is more common in women than in men."),
    (CTI, "scope",
     "The most common symptoms are tingling, numbness and pins and needles in your thumb, index finger and middle finger.",
     "Tingling, numbness and pins and needles in the thumb, index finger and middle finger are the symptoms people get most often.",
     "Tingling, numbness and pins and needles in the thumb and all four fingers are the symptoms people get most often.",
     "The most common symptoms are not tingling, numbness and pins and needles in your thumb, index finger and middle finger.",
     "The most common symptoms are tingling, numbness and pins and needles in your thumb, index finger and middle finger, and some people also feel an ache that spreads up the arm."),
    (CTI, "direction",
     "It usually gets better within a few months of the baby being born.",
     "Carpal tunnel syndrome in pregnancy normally improves in the few months after the baby is born.",
     "Carpal tunnel syndrome in pregnancy normally improves in the few months before the baby is born.",
     "It does not usually get better within a few months of the baby being born.",
     "It usually gets better within a few months of the baby being born. Some women find it gets worse for a short time while they are breastfeeding."),
    (CTI, "timing",
     "The line is open Monday to Friday, 8am to 6pm.",
     "The Hand Service booking line takes calls from 8am to 6pm, Monday to Friday.",
     "The Hand Service booking line takes calls from 8am to 8pm, Monday to Friday.",
     "The line is not open Monday to Friday, 8am to 6pm.",
     "The line is open Monday to Friday, 8am to 6pm, and on Saturdays from 9am to 12 noon."),
    (CTI, "modality",
     "You may have a nerve conduction study on the same day.",
     "A nerve conduction study might be done on the same day as your first appointment.",
     "A nerve conduction study will be done on the same day as your first appointment.",
     "You cannot have a nerve conduction study on the same day.",
     "You may have a nerve conduction study on the same day, which takes about 30 minutes."),
    (CTI, "cause",
     "This is a test that uses small electrical pulses to check how well the nerve in your wrist is working.",
     "A nerve conduction study uses small electrical pulses to test how well the nerve in your wrist works.",
     "A nerve conduction study uses small electrical pulses to test whether the bones in your wrist are damaged.",
     "This is not a test that uses small electrical pulses to check how well the nerve in your wrist is working.",
     "This is a test that uses small electrical pulses to check how well the nerve in your wrist is working, and the results help decide whether you need surgery."),
    (CTI, "attribution",
     "Your first appointment is with a hand therapist.",
     "A hand therapist sees you at your first appointment.",
     "A first contact physiotherapist sees you at your first appointment.",
     "Your first appointment is not with a hand therapist.",
     "Your first appointment is with a hand therapist, and it lasts about 45 minutes."),
    (CTI, "added_claim",
     "Carpal tunnel surgery is done under local anaesthetic at Saxlow Treatment Centre, and you go home the same day.",
     "You have carpal tunnel surgery at Saxlow Treatment Centre under local anaesthetic and return home on the same day.",
     "You have carpal tunnel surgery at Saxlow Treatment Centre under local anaesthetic and sedation and return home on the same day.",
     "Carpal tunnel surgery is done under local anaesthetic at Saxlow Treatment Centre, but you do not go home the same day.",
     "Carpal tunnel surgery is done under local anaesthetic at Saxlow Treatment Centre, and you go home the same day, usually about 2 hours after you arrive."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "h%03d" % i, "corpus": "halverstock", "doc_id": doc,
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
    # \s also matches no-break spaces (U+00A0), so "01632&nbsp;960317" becomes "01632 960317"
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


def _keep_quote_footers(m):
    # a <footer> inside a <blockquote> names the speaker: it is visible article text,
    # not page furniture, so rename it before the page footer is stripped
    return re.sub(r"(?i)<(/?)footer\b", r"<\1figcaption", m.group(0))


def html_text(raw):
    t = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", raw)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?is)<blockquote\b.*?</blockquote>", _keep_quote_footers, t)
    # page furniture: header, navigation, asides, footer, cookie banner, share links, review date
    t = re.sub(r"(?is)<(header|nav|aside|footer)\b.*?</\1>", " ", t)
    t = re.sub(r"(?is)<div\b[^>]*class=\"cookie-banner\"[^>]*>.*?</div>", " ", t)
    t = re.sub(r"(?is)<div\b[^>]*class=\"share-links\"[^>]*>.*?</div>", " ", t)
    t = re.sub(r"(?is)<p\b[^>]*class=\"review-date\"[^>]*>.*?</p>", " ", t)   # "Page last reviewed" line
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
    re.compile(r"^NHS Halverstock and Minnowby Integrated Care Board\s+\|\s+.*$"),  # running header
    re.compile(r"^hm-icb\.example/\S+$"),                                           # header URL
    re.compile(r"^Page \d+ of \d+$"),                                               # page number
    re.compile(r"^[\x7f\u2022]$"),                                                  # bullet glyph on its own line
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
    # one word is hyphenated across a line end ("recom-" / "mended"): rejoin lower-case halves
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
        if not re.fullmatch(r"h0[0-4]\d", rid) or not (1 <= int(rid[1:]) <= 40):
            errors.append("%s: bad id" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["corpus"] != "halverstock":
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
    if sorted(ids) != ["h%03d" % i for i in range(1, 41)]:
        errors.append("ids do not run h001-h040")
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
