#!/usr/bin/env python3
"""Build and check the blind Farrowmead support-check table (triples-farrowmead.jsonl).

Run: /work/main/.venv/bin/python build_farrowmead.py
(any Python 3 with pypdf installed; pypdf is needed only to read the PDF plan).
Writes triples-farrowmead.jsonl next to this file, then validates it.

The corpus folder is found in this order: $FARROWMEAD_CORPUS, ../corpora/farrowmead/corpus
(when this file sits in evals/support/), /work/main/evals/corpora/farrowmead/corpus,
/work/blind32/corpus.
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
    cands = [os.environ.get("FARROWMEAD_CORPUS"),
             os.path.normpath(os.path.join(HERE, "..", "corpora", "farrowmead", "corpus")),
             "/work/main/evals/corpora/farrowmead/corpus",
             "/work/blind32/corpus"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "manifest.yaml")):
            return c
    raise SystemExit("cannot find the Farrowmead corpus folder (set FARROWMEAD_CORPUS)")


CORPUS_DIR = _corpus_dir()
OUT = os.path.join(HERE, "triples-farrowmead.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]
ROWS_PER_DOC = 8

GHL = "fmc-going-home-lounge-news"
WIG = "fmc-nhs-wig-guide"
TTF = "fmc-tongue-tie-faq"
MAP = "fmc-missed-appointments-plan"
LHP = "fmc-leaving-hospital-info-page"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- fmc-going-home-lounge-news (article text only; ’ from &rsquo;) ----------------
    (GHL, "attribution",
     "The lounge is on the ground floor of the Linnet Wing, next to the main outpatients entrance, and is run by Farrowmead and Cobblestoke Hospitals NHS Foundation Trust.",
     "Farrowmead and Cobblestoke Hospitals NHS Foundation Trust runs the lounge, which sits on the ground floor of the Linnet Wing beside the main outpatients entrance.",
     "The Friends of Farrowmead General runs the lounge, which sits on the ground floor of the Linnet Wing beside the main outpatients entrance.",
     "The lounge is on the ground floor of the Linnet Wing, next to the main outpatients entrance, and is not run by Farrowmead and Cobblestoke Hospitals NHS Foundation Trust.",
     "The lounge is on the ground floor of the Linnet Wing, next to the main outpatients entrance, and is run by Farrowmead and Cobblestoke Hospitals NHS Foundation Trust. It has its own entrance from the main car park."),
    (GHL, "attribution",
     "The pharmacy technician will check and hand over medicines to take home, and explain any changes.",
     "Medicines to take home will be checked and handed over by the pharmacy technician, who will also explain any changes to them.",
     "Medicines to take home will be checked and handed over by the healthcare assistant, who will also explain any changes to them.",
     "The pharmacy technician will not check or hand over medicines to take home, or explain any changes.",
     "The pharmacy technician will check and hand over medicines to take home, and explain any changes, and will send a list of them to the patient's community pharmacy."),
    (GHL, "direction",
     "In 2027 only 19% of patients leaving Farrowmead General Hospital went home before noon, so people waiting in the Emergency Department often waited hours for a ward bed.",
     "Just 19% of patients discharged from Farrowmead General Hospital in 2027 left before midday, which meant that people in the Emergency Department often had to wait hours for a bed on a ward.",
     "Just 19% of patients discharged from Farrowmead General Hospital in 2027 left after midday, which meant that people in the Emergency Department often had to wait hours for a bed on a ward.",
     "In 2027 only 19% of patients leaving Farrowmead General Hospital went home before noon, but people waiting in the Emergency Department never had to wait hours for a ward bed.",
     "In 2027 only 19% of patients leaving Farrowmead General Hospital went home before noon, so people waiting in the Emergency Department often waited hours for a ward bed. On the busiest days, some patients waited overnight in the department."),
    (GHL, "timing",
     "The Going Home Lounge is open Monday to Friday 8am to 8pm, and Saturday and Sunday 10am to 6pm.",
     "On weekdays the Going Home Lounge opens from 8am until 8pm, and at weekends it opens from 10am until 6pm.",
     "On weekdays the Going Home Lounge opens from 8am until 8pm, and at weekends it opens from 10am until 4pm.",
     "The Going Home Lounge is open Monday to Friday 8am to 8pm, but it is not open on Saturday or Sunday.",
     "The Going Home Lounge is open Monday to Friday 8am to 8pm, and Saturday and Sunday 10am to 6pm, with later opening until 10pm in the winter months."),
    (GHL, "cause",
     "It gives people a comfortable place to wait for their medicines, letters and lift home, so that their ward bed can be made ready sooner for the next patient.",
     "The Going Home Lounge offers patients somewhere comfortable to wait for their lift home, letters and medicines, which means their bed on the ward can be prepared earlier for the next person.",
     "The Going Home Lounge offers patients somewhere comfortable to wait for their lift home, letters and medicines, which means ward nurses have more time for the patients who are still being treated.",
     "It does not give people a comfortable place to wait for their medicines, letters and lift home, so their ward bed cannot be made ready sooner for the next patient.",
     "It gives people a comfortable place to wait for their medicines, letters and lift home, so that their ward bed can be made ready sooner for the next patient. Patients can also book a follow-up appointment at the desk."),
    (GHL, "added_claim",
     "Two registered nurses, a healthcare assistant and a pharmacy technician will work in the lounge at all times.",
     "At all times the lounge will be staffed by a pharmacy technician, a healthcare assistant and two registered nurses.",
     "At all times the lounge will be staffed by a pharmacy technician, a healthcare assistant, a hospital porter and two registered nurses.",
     "No registered nurses, healthcare assistant or pharmacy technician will work in the lounge at any time.",
     "Two registered nurses, a healthcare assistant and a pharmacy technician will work in the lounge at all times, and a doctor from the acute medical team will visit twice a day."),
    (GHL, "scope",
     "Relatives and friends collecting a patient can use six pick-up spaces outside the Linnet Wing entrance, which are free for up to 30 minutes.",
     "Six pick-up spaces outside the entrance to the Linnet Wing are available to relatives and friends who are collecting a patient, and they cost nothing for up to 30 minutes.",
     "Every parking space at the hospital is available to relatives and friends who are collecting a patient, and these spaces cost nothing for up to 30 minutes.",
     "Relatives and friends collecting a patient cannot use the six pick-up spaces outside the Linnet Wing entrance, which are free for up to 30 minutes.",
     "Relatives and friends collecting a patient can use six pick-up spaces outside the Linnet Wing entrance, which are free for up to 30 minutes, and two of the spaces are wider for wheelchair users."),
    (GHL, "modality",
     "The trust’s aim is for 40% of patients to leave before noon by the end of March 2029.",
     "By the end of March 2029, the trust aims to have 40% of patients leaving before midday.",
     "By the end of March 2029, the trust will make sure that 40% of patients leave before midday.",
     "The trust’s aim is not for 40% of patients to leave before noon by the end of March 2029.",
     "The trust’s aim is for 40% of patients to leave before noon by the end of March 2029, and for 60% to leave before 2pm."),

    # ---------------- fmc-nhs-wig-guide (Markdown; list markers and ** removed; straight ') ----------------
    (WIG, "attribution",
     "The Wig and Headwear Service is run by Farrowmead and Cobblestoke Hospitals NHS Foundation Trust at Cobblestoke Community Hospital.",
     "Farrowmead and Cobblestoke Hospitals NHS Foundation Trust runs the Wig and Headwear Service, which is based at Cobblestoke Community Hospital.",
     "Halden and Pryor Hairpieces Ltd runs the Wig and Headwear Service, which is based at Cobblestoke Community Hospital.",
     "The Wig and Headwear Service is not run by Farrowmead and Cobblestoke Hospitals NHS Foundation Trust at Cobblestoke Community Hospital.",
     "The Wig and Headwear Service is run by Farrowmead and Cobblestoke Hospitals NHS Foundation Trust at Cobblestoke Community Hospital, and it fitted more than 700 wigs last year."),
    (WIG, "scope",
     "Many people like to choose a wig while they still have their own hair, so it is easier to match the colour and style.",
     "Lots of people prefer to pick a wig before they lose their own hair, because that makes it simpler to match the style and colour.",
     "Everyone prefers to pick a wig before they lose their own hair, because that makes it simpler to match the style and colour.",
     "Many people like to choose a wig while they still have their own hair, but it is not easier to match the colour and style.",
     "Many people like to choose a wig while they still have their own hair, so it is easier to match the colour and style. The fitter can also cut a wig to copy your current haircut."),
    (WIG, "scope",
     "A made-to-measure human hair wig is only offered if you cannot wear a synthetic wig, for example because of a skin condition on your scalp.",
     "You will only be offered a made-to-measure human hair wig if you are unable to wear a synthetic one, for instance because your scalp has a skin condition.",
     "Anyone who asks can be offered a made-to-measure human hair wig, not only people who are unable to wear a synthetic one because, for instance, their scalp has a skin condition.",
     "A made-to-measure human hair wig is never offered, even if you cannot wear a synthetic wig, for example because of a skin condition on your scalp.",
     "A made-to-measure human hair wig is only offered if you cannot wear a synthetic wig, for example because of a skin condition on your scalp, and it must be approved by your consultant first."),
    (WIG, "modality",
     "If you have an HC3 certificate, you may get help with part of the cost.",
     "People who hold an HC3 certificate might receive help towards some of the cost.",
     "People who hold an HC3 certificate will receive help towards some of the cost.",
     "If you have an HC3 certificate, you cannot get help with any of the cost.",
     "If you have an HC3 certificate, you may get help with part of the cost, and the service will work out the amount at your fitting."),
    (WIG, "added_claim",
     "If you cannot afford the charge, The Harebell Trust, a local charity, can give a grant of up to £150 towards a wig.",
     "The Harebell Trust, which is a local charity, can offer a grant of as much as £150 towards a wig for people who cannot afford the charge.",
     "The Harebell Trust, which is a local charity, can offer a grant of as much as £150 towards a wig, and help with travel costs, for people who cannot afford the charge.",
     "If you cannot afford the charge, The Harebell Trust, a local charity, cannot give a grant towards a wig.",
     "If you cannot afford the charge, The Harebell Trust, a local charity, can give a grant of up to £150 towards a wig. Grants are usually paid within two weeks of the form being received."),
    (WIG, "timing",
     "The service phones you within 10 working days to book your fitting appointment.",
     "Within 10 working days, you will get a phone call from the service to arrange your fitting appointment.",
     "Within 5 working days, you will get a phone call from the service to arrange your fitting appointment.",
     "The service does not phone you within 10 working days to book your fitting appointment.",
     "The service phones you within 10 working days to book your fitting appointment, and sends a letter confirming the date and time."),
    (WIG, "direction",
     "The charges below are set by the NHS and apply from 1 April 2027 until further notice.",
     "The NHS sets these wig charges, which have applied since 1 April 2027 and will continue to apply until further notice.",
     "The NHS sets these wig charges, which applied up until 1 April 2027 and have not applied since.",
     "The charges below are not set by the NHS, and apply from 1 April 2027 until further notice.",
     "The charges below are set by the NHS and apply from 1 April 2027 until further notice, and they are reviewed each year in line with inflation."),
    (WIG, "cause",
     "There is also an outreach clinic at Sorrelton Memorial Hospital on the first Tuesday of each month, for people who find it hard to travel to Cobblestoke.",
     "For people who find travelling to Cobblestoke difficult, an outreach clinic is also held at Sorrelton Memorial Hospital on the first Tuesday of every month.",
     "For people who need a wig more quickly, an outreach clinic is also held at Sorrelton Memorial Hospital on the first Tuesday of every month.",
     "There is no outreach clinic at Sorrelton Memorial Hospital on the first Tuesday of each month for people who find it hard to travel to Cobblestoke.",
     "There is also an outreach clinic at Sorrelton Memorial Hospital on the first Tuesday of each month, for people who find it hard to travel to Cobblestoke. It is held in the Day Therapy Unit and has four appointment slots."),

    # ---------------- fmc-tongue-tie-faq (plain text; hard-wrapped lines joined; straight ') ----------------
    (TTF, "direction",
     "Tongue-tie affects about 1 in 10 babies and is more common in boys.",
     "Around 1 baby in 10 has tongue-tie, and it is found more often in boys.",
     "Around 1 baby in 10 has tongue-tie, and it is found less often in boys.",
     "Tongue-tie affects about 1 in 10 babies and is not more common in boys.",
     "Tongue-tie affects about 1 in 10 babies and is more common in boys. It often runs in families."),
    (TTF, "scope",
     "After assessment, 389 babies had a tongue-tie division.",
     "Once they had been assessed, 389 babies went on to have a tongue-tie division.",
     "Once they had been assessed, every baby referred went on to have a tongue-tie division.",
     "After assessment, 389 babies did not have a tongue-tie division.",
     "After assessment, 389 babies had a tongue-tie division, and 12 of them needed a second division later in the year."),
    (TTF, "attribution",
     "A tongue-tie practitioner will then look at your baby's mouth and check how well the tongue moves, using a recognised assessment tool.",
     "Next, using a recognised assessment tool, a tongue-tie practitioner will examine your baby's mouth and check how well the tongue can move.",
     "Next, using a recognised assessment tool, the infant feeding specialist will examine your baby's mouth and check how well the tongue can move.",
     "A tongue-tie practitioner will then look at your baby's mouth and check how well the tongue moves, without using any recognised assessment tool.",
     "A tongue-tie practitioner will then look at your baby's mouth and check how well the tongue moves, using a recognised assessment tool, and may take a photograph for your baby's records."),
    (TTF, "modality",
     "We aim to see every baby within 10 working days of receiving the referral.",
     "The service's goal is to see each baby no later than 10 working days after the referral arrives.",
     "The service guarantees to see each baby no later than 10 working days after the referral arrives.",
     "We do not aim to see every baby within 10 working days of receiving the referral.",
     "We aim to see every baby within 10 working days of receiving the referral, and within 3 working days if the baby is losing weight."),
    (TTF, "modality",
     "Before they do, they will usually check how your baby is feeding and offer you some feeding support first.",
     "Before referring your baby, the midwife, health visitor, infant feeding specialist or GP will normally look at how your baby is feeding and give you some feeding support first.",
     "Before referring your baby, the midwife, health visitor, infant feeding specialist or GP is required to look at how your baby is feeding and give you some feeding support first.",
     "Before they do, they will not usually check how your baby is feeding or offer you any feeding support first.",
     "Before they do, they will usually check how your baby is feeding and offer you some feeding support first. They will also give you a leaflet about the clinic."),
    (TTF, "timing",
     "The main clinic is in the Mallow Suite, Women's and Children's Unit, Farrowmead General Hospital, on Tuesday and Friday mornings.",
     "On Tuesday and Friday mornings, the main clinic runs in the Mallow Suite of the Women's and Children's Unit at Farrowmead General Hospital.",
     "On Tuesday and Thursday mornings, the main clinic runs in the Mallow Suite of the Women's and Children's Unit at Farrowmead General Hospital.",
     "The main clinic is not in the Mallow Suite, Women's and Children's Unit, Farrowmead General Hospital, on Tuesday and Friday mornings.",
     "The main clinic is in the Mallow Suite, Women's and Children's Unit, Farrowmead General Hospital, on Tuesday and Friday mornings, with extra sessions on Monday afternoons when the waiting list is long."),
    (TTF, "cause",
     "These signs can have other causes too, so a feeding assessment is always the first step.",
     "Because these signs may also be caused by something else, the first step is always an assessment of feeding.",
     "Because the clinic has a waiting list, the first step is always an assessment of feeding.",
     "These signs cannot have any other cause, so a feeding assessment is not the first step.",
     "These signs can have other causes too, so a feeding assessment is always the first step. Most assessments are done at home by a health visitor."),
    (TTF, "added_claim",
     "We also run a clinic at Brewlake Health Centre on alternate Wednesday afternoons.",
     "Every other Wednesday afternoon, there is also a clinic at Brewlake Health Centre.",
     "Every other Wednesday afternoon, there is also a clinic, with free parking, at Brewlake Health Centre.",
     "We do not run a clinic at Brewlake Health Centre on alternate Wednesday afternoons.",
     "We also run a clinic at Brewlake Health Centre on alternate Wednesday afternoons, in the room next to the baby clinic."),

    # ---------------- fmc-missed-appointments-plan (PDF via pypdf; furniture dropped; straight ') ----------------
    (MAP, "scope",
     "We know that most people who miss an appointment do not mean to.",
     "We are aware that the majority of people who miss an appointment do it unintentionally.",
     "We are aware that everyone who misses an appointment does it unintentionally.",
     "We know that most people who miss an appointment mean to.",
     "We know that most people who miss an appointment do not mean to. Around a third of missed appointments are for a first visit to a specialist."),
    (MAP, "direction",
     "If we do, around 12,000 extra appointments a year will be used by patients instead of being wasted.",
     "If the aim is met, roughly 12,000 more appointments each year will be used by patients rather than wasted.",
     "If the aim is met, roughly 12,000 more appointments each year will be wasted rather than used by patients.",
     "If we do, no extra appointments will be used by patients instead of being wasted.",
     "If we do, around 12,000 extra appointments a year will be used by patients instead of being wasted, which would shorten the average wait for a first appointment by about three weeks."),
    (MAP, "direction",
     "No child, and no adult who has a learning disability or is under the care of a mental health team, will be discharged back to their GP because of missed appointments without a patient navigator first talking to them or their family.",
     "Before any child, or any adult with a learning disability or under a mental health team's care, is discharged back to their GP for missing appointments, a patient navigator will talk to them or their family.",
     "After any child, or any adult with a learning disability or under a mental health team's care, is discharged back to their GP for missing appointments, a patient navigator will talk to them or their family.",
     "Children, and adults who have a learning disability or are under the care of a mental health team, can be discharged back to their GP because of missed appointments without a patient navigator first talking to them or their family.",
     "No child, and no adult who has a learning disability or is under the care of a mental health team, will be discharged back to their GP because of missed appointments without a patient navigator first talking to them or their family, and the navigator will record the conversation in their notes."),
    (MAP, "attribution",
     "The ICB will invest £385,000 over two years to deliver this plan.",
     "To carry out this plan, the ICB is putting £385,000 into it across two years.",
     "To carry out this plan, Farrowmead and Cobblestoke Hospitals NHS Foundation Trust is putting £385,000 into it across two years.",
     "The ICB will not invest £385,000 over two years to deliver this plan.",
     "The ICB will invest £385,000 over two years to deliver this plan, with most of it spent in the first year."),
    (MAP, "timing",
     "Between October and December 2027 we asked people why appointments get missed.",
     "From October to December 2027, people were asked why appointments are missed.",
     "From October to December 2026, people were asked why appointments are missed.",
     "Between October and December 2027 we did not ask people why appointments get missed.",
     "Between October and December 2027 we asked people why appointments get missed, including through a stall in the outpatients waiting area at Farrowmead General Hospital."),
    (MAP, "added_claim",
     "This pays for the patient navigators, the text message reminders, the longer Appointments Centre hours and the new letters.",
     "The £385,000 covers the new letters, the longer opening hours of the Appointments Centre, the text message reminders and the patient navigators.",
     "The £385,000 covers the new letters, the longer opening hours of the Appointments Centre, the text message reminders, the evening clinics and the patient navigators.",
     "This does not pay for the patient navigators, the text message reminders, the longer Appointments Centre hours or the new letters.",
     "This pays for the patient navigators, the text message reminders, the longer Appointments Centre hours and the new letters. Any money left over will go towards more video appointments."),
    (MAP, "cause",
     "We will share each practice's missed appointment figures with it every three months so that practices can help their patients keep appointments.",
     "So that GP practices can help their patients to keep appointments, each practice will be given its own missed appointment figures every three months.",
     "So that GP practices can be compared with one another, each practice will be given its own missed appointment figures every three months.",
     "We will not share each practice's missed appointment figures with it every three months, so practices cannot help their patients keep appointments.",
     "We will share each practice's missed appointment figures with it every three months so that practices can help their patients keep appointments, and we will visit the ten practices with the highest figures."),
    (MAP, "modality",
     "When someone is discharged back to their GP after missed appointments, the practice will be told why, and will be able to refer them again quickly if they still need to be seen.",
     "If a person is sent back to their GP after missing appointments, the practice will be given the reason and can quickly refer them again if they still need to be seen.",
     "If a person is sent back to their GP after missing appointments, the practice will be given the reason and must quickly refer them again if they still need to be seen.",
     "When someone is discharged back to their GP after missed appointments, the practice will be told why, but will not be able to refer them again quickly if they still need to be seen.",
     "When someone is discharged back to their GP after missed appointments, the practice will be told why, and will be able to refer them again quickly if they still need to be seen, and the hospital will send the practice a copy of the last clinic letter."),

    # ---------------- fmc-leaving-hospital-info-page (main page content only; ’ from &rsquo;) ----------------
    (LHP, "scope",
     "This page is for adults staying in Farrowmead General Hospital, Cobblestoke Community Hospital or Sorrelton Memorial Hospital, and for the family and carers who will help them when they get home.",
     "The page is meant for adults who are staying in Farrowmead General Hospital, Cobblestoke Community Hospital or Sorrelton Memorial Hospital, as well as the family and carers who will support them once they are home.",
     "The page is meant for patients of any age who are staying in Farrowmead General Hospital, Cobblestoke Community Hospital or Sorrelton Memorial Hospital, as well as the family and carers who will support them once they are home.",
     "This page is not for adults staying in Farrowmead General Hospital, Cobblestoke Community Hospital or Sorrelton Memorial Hospital, or for the family and carers who will help them when they get home.",
     "This page is for adults staying in Farrowmead General Hospital, Cobblestoke Community Hospital or Sorrelton Memorial Hospital, and for the family and carers who will help them when they get home, and for care home staff who will look after them."),
    (LHP, "modality",
     "Within 48 hours of arriving on a ward, the team looking after you should tell you your expected date of discharge.",
     "The team caring for you ought to let you know your expected date of discharge within 48 hours of your arrival on a ward.",
     "The team caring for you is required to let you know your expected date of discharge within 48 hours of your arrival on a ward.",
     "Within 48 hours of arriving on a ward, the team looking after you will not tell you your expected date of discharge.",
     "Within 48 hours of arriving on a ward, the team looking after you should tell you your expected date of discharge, and write it on the board beside your bed."),
    (LHP, "timing",
     "Home First is free for up to 6 weeks and the team will usually visit on the day you get home or the next day.",
     "The Home First team will normally visit on the day you get home or the day after, and the service costs nothing for up to 6 weeks.",
     "The Home First team will normally visit on the day you get home or the day after, and the service costs nothing for up to 8 weeks.",
     "Home First is not free for up to 6 weeks, and the team will usually visit on the day you get home or the next day.",
     "Home First is free for up to 6 weeks and the team will usually visit on the day you get home or the next day. The team includes physiotherapists, occupational therapists and care workers."),
    (LHP, "attribution",
     "If you are 75 or over, or you live alone, a nurse from the Discharge Support Line will phone you within 48 hours of you leaving hospital.",
     "A Discharge Support Line nurse will call you within 48 hours of your leaving hospital if you live alone or are aged 75 or older.",
     "A Home First team nurse will call you within 48 hours of your leaving hospital if you live alone or are aged 75 or older.",
     "If you are 75 or over, or you live alone, a nurse from the Discharge Support Line will not phone you within 48 hours of you leaving hospital.",
     "If you are 75 or over, or you live alone, a nurse from the Discharge Support Line will phone you within 48 hours of you leaving hospital, and again a week later if you need more help."),
    (LHP, "direction",
     "If you need some support to get back on your feet, the ward may refer you to the Home First team before you leave.",
     "Before you leave, the ward may send a referral to the Home First team if you need some help getting back on your feet.",
     "After you leave, the ward may send a referral to the Home First team if you need some help getting back on your feet.",
     "If you need some support to get back on your feet, the ward cannot refer you to the Home First team before you leave.",
     "If you need some support to get back on your feet, the ward may refer you to the Home First team before you leave, and a member of the team may meet you on the ward."),
    (LHP, "cause",
     "At Farrowmead General Hospital you may be asked to wait in the Going Home Lounge on the ground floor of the Linnet Wing while these are finished, so your bed can be got ready for someone else.",
     "At Farrowmead General Hospital, you may be asked to wait in the Going Home Lounge, on the ground floor of the Linnet Wing, while your discharge summary and medicines are finished, so that your bed can be prepared for another patient.",
     "At Farrowmead General Hospital, you may be asked to wait in the Going Home Lounge, on the ground floor of the Linnet Wing, while your discharge summary and medicines are finished, so that a nurse can keep an eye on you for a few more hours.",
     "At Farrowmead General Hospital you will not be asked to wait in the Going Home Lounge on the ground floor of the Linnet Wing while these are finished.",
     "At Farrowmead General Hospital you may be asked to wait in the Going Home Lounge on the ground floor of the Linnet Wing while these are finished, so your bed can be got ready for someone else, and you can watch television while you wait."),
    (LHP, "cause",
     "It can change if you get better more quickly or need more treatment, and the ward will tell you if it does.",
     "Your expected date of discharge may move if you recover faster or need further treatment, and the ward will let you know if it changes.",
     "Your expected date of discharge may move if your bed is needed for another patient, and the ward will let you know if it changes.",
     "It can change if you get better more quickly or need more treatment, but the ward will not tell you if it does.",
     "It can change if you get better more quickly or need more treatment, and the ward will tell you if it does. Most patients leave on or within a day of their expected date."),
    (LHP, "added_claim",
     "If you are still not happy, you can contact the trust’s Patient Advice and Liaison Service.",
     "Should you still be unhappy, you are able to get in touch with the trust’s Patient Advice and Liaison Service.",
     "Should you still be unhappy, you are able to get in touch with your GP or the trust’s Patient Advice and Liaison Service.",
     "If you are still not happy, you cannot contact the trust’s Patient Advice and Liaison Service.",
     "If you are still not happy, you can contact the trust’s Patient Advice and Liaison Service, which aims to reply within 3 working days."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "k%03d" % i, "corpus": "farrowmead", "doc_id": doc,
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
    # \s also matches no-break spaces (U+00A0), so "3&nbsp;April" becomes "3 April"
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
    re.compile(r"^NHS Farrowmead and Cobblestoke Integrated Care Board\s+\|\s+.*$"),  # running header
    re.compile(r"^fc-icb\.example/\S+$"),                                          # header URL
    re.compile(r"^Page \d+ of \d+$"),                                              # page number
    re.compile(r"^[\x7f\u2022]$"),                                                 # bullet glyph on its own line
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
    # one word is hyphenated across a line end ("Im-" / "provement"): rejoin lower-case halves
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
        if r["corpus"] != "farrowmead":
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
