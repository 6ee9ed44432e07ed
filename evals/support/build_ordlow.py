#!/usr/bin/env python3
"""Build and check the blind Ordlow support-check table (triples-ordlow.jsonl).

Run: /work/main/.venv/bin/python build_ordlow.py
(any Python 3 with pypdf installed; pypdf is needed only to read the PDF plan).
Writes triples-ordlow.jsonl next to this file, then validates it.

The corpus folder is found in this order: $ORDLOW_CORPUS, ../corpora/ordlow/corpus
(when this file sits in evals/support/), /work/main/evals/corpora/ordlow/corpus.
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
    cands = [os.environ.get("ORDLOW_CORPUS"),
             os.path.normpath(os.path.join(HERE, "..", "corpora", "ordlow", "corpus")),
             "/work/main/evals/corpora/ordlow/corpus"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "manifest.yaml")):
            return c
    raise SystemExit("cannot find the Ordlow corpus folder (set ORDLOW_CORPUS)")


CORPUS_DIR = _corpus_dir()
OUT = os.path.join(HERE, "triples-ordlow.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]
ROWS_PER_DOC = 8

CPN = "owm-candlebury-pool-reopening-news"
HIP = "owm-hydrotherapy-info-page"
ODG = "owm-organ-donation-guide"
IFR = "owm-individual-funding-requests-faq"
SNP = "owm-school-nursing-plan"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- owm-candlebury-pool-reopening-news (article text only; &nbsp; -> space) ----------------
    (CPN, "timing",
     "The hydrotherapy pool at Candlebury Community Hospital will reopen to patients on Monday 7 June 2027, after an 11-month refurbishment.",
     "After a refurbishment lasting 11 months, the hydrotherapy pool at Candlebury Community Hospital will open to patients again on Monday 7 June 2027.",
     "After a refurbishment lasting 11 months, the hydrotherapy pool at Candlebury Community Hospital will open to patients again on Monday 14 June 2027.",
     "The hydrotherapy pool at Candlebury Community Hospital will not reopen to patients on Monday 7 June 2027, after an 11-month refurbishment.",
     "The hydrotherapy pool at Candlebury Community Hospital will reopen to patients on Monday 7 June 2027, after an 11-month refurbishment, with the first week of sessions kept for people who have waited longest."),
    (CPN, "cause",
     "The pool closed in July 2026 when a routine inspection found that the lining of the pool tank and the air-handling system both needed replacing.",
     "In July 2026 the pool was shut after a routine inspection showed that the air-handling system and the lining of the pool tank both had to be replaced.",
     "In July 2026 the pool was shut after a routine inspection showed that the water in the pool tank was contaminated with bacteria.",
     "The pool did not close in July 2026 when a routine inspection found that the lining of the pool tank and the air-handling system both needed replacing.",
     "The pool closed in July 2026 when a routine inspection found that the lining of the pool tank and the air-handling system both needed replacing. The inspection also found cracks in several poolside tiles."),
    (CPN, "attribution",
     "Wistmarch Community Health NHS Trust, which runs the pool, paid £910,000 from its NHS buildings budget.",
     "The pool is run by Wistmarch Community Health NHS Trust, which paid £910,000 out of its NHS buildings budget.",
     "The pool is run by Wistmarch Community Health NHS Trust, and the ICB paid £910,000 out of its NHS buildings budget.",
     "Wistmarch Community Health NHS Trust, which runs the pool, did not pay £910,000 from its NHS buildings budget.",
     "Wistmarch Community Health NHS Trust, which runs the pool, paid £910,000 from its NHS buildings budget, most of it for the new moving floor."),
    (CPN, "added_claim",
     "The local charity The Otterbrook Pool Appeal raised the remaining £330,000 over two years, including £41,000 from a sponsored swim across Ordlow Water.",
     "Over two years, the local charity The Otterbrook Pool Appeal raised the other £330,000, of which £41,000 came from a sponsored swim across Ordlow Water.",
     "Over two years, the local charity The Otterbrook Pool Appeal raised the other £330,000, of which £41,000 came from a sponsored swim across Ordlow Water and £12,000 from a Christmas raffle.",
     "The local charity The Otterbrook Pool Appeal raised the remaining £330,000 over two years, but none of it came from a sponsored swim across Ordlow Water.",
     "The local charity The Otterbrook Pool Appeal raised the remaining £330,000 over two years, including £41,000 from a sponsored swim across Ordlow Water. More than 150 people took part in the swim."),
    (CPN, "direction",
     "The water is kept at 34 degrees Celsius, much warmer than a leisure centre pool, which helps to relax muscles and ease stiff joints.",
     "The pool water is held at 34 degrees Celsius, far warmer than the water in a leisure centre pool, and this helps muscles to relax and stiff joints to ease.",
     "The pool water is held at 34 degrees Celsius, far cooler than the water in a leisure centre pool, and this helps muscles to relax and stiff joints to ease.",
     "The water is kept at 34 degrees Celsius, much warmer than a leisure centre pool, which does not help to relax muscles or ease stiff joints.",
     "The water is kept at 34 degrees Celsius, much warmer than a leisure centre pool, which helps to relax muscles and ease stiff joints. It is tested for chlorine every two hours."),
    (CPN, "modality",
     "The refurbished pool can offer up to 3,400 sessions a year, about 900 more than before it closed.",
     "Since its refit, the pool is able to offer as many as 3,400 sessions each year, roughly 900 more than before it closed.",
     "Since its refit, the pool will definitely run 3,400 sessions each year, roughly 900 more than before it closed.",
     "The refurbished pool cannot offer up to 3,400 sessions a year, about 900 more than before it closed.",
     "The refurbished pool can offer up to 3,400 sessions a year, about 900 more than before it closed, and most of the extra sessions will go to people with arthritis."),
    (CPN, "scope",
     "There are six Blue Badge spaces beside Entrance C, and parking in the hospital car park is free for pool patients for up to 2 hours.",
     "Six Blue Badge spaces are next to Entrance C, and pool patients can park in the hospital car park without charge for a maximum of 2 hours.",
     "Six Blue Badge spaces are next to Entrance C, and anyone visiting the hospital can park in the hospital car park without charge for a maximum of 2 hours.",
     "There are six Blue Badge spaces beside Entrance C, but parking in the hospital car park is not free for pool patients.",
     "There are six Blue Badge spaces beside Entrance C, and parking in the hospital car park is free for pool patients for up to 2 hours, as long as they register their car at the pool reception."),
    (CPN, "timing",
     "From Saturday 4 September 2027 there will also be Saturday morning sessions from 9am to 12.30pm.",
     "Saturday morning sessions, running from 9am to 12.30pm, will be added starting on Saturday 4 September 2027.",
     "Saturday morning sessions, running from 9am to 12.30pm, will be added starting on Saturday 2 October 2027.",
     "From Saturday 4 September 2027 there will not be any Saturday morning sessions from 9am to 12.30pm.",
     "From Saturday 4 September 2027 there will also be Saturday morning sessions from 9am to 12.30pm, mainly for people who work during the week."),

    # ---------------- owm-hydrotherapy-info-page (main element; ’ from &rsquo;) ----------------
    (HIP, "scope",
     "The warmth helps to relax your muscles and ease stiff joints, and the water supports your weight, so many people find they can move more freely than on land.",
     "Warm water helps your muscles relax and eases stiff joints, and because the water holds up your weight, lots of people find they can move more easily than on land.",
     "Warm water helps your muscles relax and eases stiff joints, and because the water holds up your weight, everyone finds they can move more easily than on land.",
     "The warmth does not help to relax your muscles or ease stiff joints, and the water supports your weight, so many people find they can move more freely than on land.",
     "The warmth helps to relax your muscles and ease stiff joints, and the water supports your weight, so many people find they can move more freely than on land. Sessions can also help with balance and confidence after a fall."),
    (HIP, "cause",
     "The pool is closed for refurbishment and is due to reopen in summer 2027.",
     "The pool is shut while it is refurbished, and it is expected to open again in summer 2027.",
     "The pool is shut while its water heating is repaired after a breakdown, and it is expected to open again in summer 2027.",
     "The pool is closed for refurbishment and is not due to reopen in summer 2027.",
     "The pool is closed for refurbishment and is due to reopen in summer 2027, with a new café for patients and visitors."),
    (HIP, "direction",
     "Children and young people under 16 have hydrotherapy with the Children’s Physiotherapy Team at Ordlow General Hospital, which has its own smaller pool.",
     "Hydrotherapy for children and young people aged under 16 is given by the Children’s Physiotherapy Team at Ordlow General Hospital, where there is a separate, smaller pool.",
     "Hydrotherapy for children and young people aged under 16 is given by the Children’s Physiotherapy Team at Ordlow General Hospital, where there is a separate, larger pool.",
     "Children and young people under 16 do not have hydrotherapy with the Children’s Physiotherapy Team at Ordlow General Hospital, which has its own smaller pool.",
     "Children and young people under 16 have hydrotherapy with the Children’s Physiotherapy Team at Ordlow General Hospital, which has its own smaller pool, and parents can go into the water with younger children."),
    (HIP, "attribution",
     "We cannot accept referrals directly from GPs, and you cannot refer yourself.",
     "GPs are not able to refer patients straight to us, and self-referral is not possible.",
     "Occupational therapists are not able to refer patients straight to us, and self-referral is not possible.",
     "We can accept referrals directly from GPs, and you can refer yourself.",
     "We cannot accept referrals directly from GPs, and you cannot refer yourself, but your GP can refer you to a physiotherapist first."),
    (HIP, "cause",
     "Your first appointment is a 45-minute assessment on dry land with a physiotherapist, who will check that hydrotherapy is safe and right for you.",
     "At your first appointment, a physiotherapist will assess you on dry land for 45 minutes to make sure hydrotherapy is safe and suitable for you.",
     "At your first appointment, a physiotherapist will assess you on dry land for 45 minutes to decide which day of the week your sessions will be on.",
     "Your first appointment is a 45-minute assessment on dry land with a physiotherapist, who will not check whether hydrotherapy is safe and right for you.",
     "Your first appointment is a 45-minute assessment on dry land with a physiotherapist, who will check that hydrotherapy is safe and right for you. The physiotherapist will also measure how far you can bend and straighten your joints."),
    (HIP, "modality",
     "At the end of your course, you may be offered a place in Aqua Steps, a community class at Merrowgate Leisure Centre run by Ordlow Leisure.",
     "When your course finishes, you might be offered a place in Aqua Steps, a community class that Ordlow Leisure runs at Merrowgate Leisure Centre.",
     "When your course finishes, you will be given a place in Aqua Steps, a community class that Ordlow Leisure runs at Merrowgate Leisure Centre.",
     "At the end of your course, you will not be offered a place in Aqua Steps, a community class at Merrowgate Leisure Centre run by Ordlow Leisure.",
     "At the end of your course, you may be offered a place in Aqua Steps, a community class at Merrowgate Leisure Centre run by Ordlow Leisure, which meets on Tuesday and Thursday evenings."),
    (HIP, "added_claim",
     "If you need help to get changed, a carer or family member can come with you and go into the pool with you free of charge.",
     "A carer or relative can come along and join you in the pool at no cost if you need help getting changed.",
     "A carer or relative can come along and join you in the pool at no cost if you need help getting changed, and they can borrow a towel and swimming costume from the pool.",
     "If you need help to get changed, a carer or family member cannot come with you or go into the pool with you free of charge.",
     "If you need help to get changed, a carer or family member can come with you and go into the pool with you free of charge, as long as they are well enough to get into the water themselves."),
    (HIP, "timing",
     "After that, most people have 6 weekly sessions of 30 minutes in the water, either one-to-one or in a small group of up to 6 people.",
     "Following the assessment, most people then have a half-hour session in the water once a week for 6 weeks, either one-to-one or in a small group of no more than 6 people.",
     "Following the assessment, most people then have a 45-minute session in the water once a week for 6 weeks, either one-to-one or in a small group of no more than 6 people.",
     "After that, most people do not have 6 weekly sessions of 30 minutes in the water, either one-to-one or in a small group of up to 6 people.",
     "After that, most people have 6 weekly sessions of 30 minutes in the water, either one-to-one or in a small group of up to 6 people, and you will be given exercises to practise at home between sessions."),

    # ---------------- owm-organ-donation-guide (Markdown; ** and list markers removed) ----------------
    (ODG, "scope",
     "In England, adults are considered to have agreed to donate their organs when they die, unless they recorded a decision not to donate or are in one of the groups the law does not apply to.",
     "Unless they have recorded a decision not to donate or belong to one of the groups the law does not cover, adults in England are treated as having agreed to donate their organs when they die.",
     "Unless they have recorded a decision not to donate or belong to one of the groups the law does not cover, adults across the UK are treated as having agreed to donate their organs when they die.",
     "In England, adults are not considered to have agreed to donate their organs when they die, unless they recorded a decision to donate.",
     "In England, adults are considered to have agreed to donate their organs when they die, unless they recorded a decision not to donate or are in one of the groups the law does not apply to. Around 9 in 10 adults in Ordlow and Wistmarch say they know about this law."),
    (ODG, "direction",
     "Your family will always be asked before donation goes ahead.",
     "Your family will be asked every time, before the donation goes ahead.",
     "Your family will be asked every time, after the donation has gone ahead.",
     "Your family will not be asked before donation goes ahead.",
     "Your family will always be asked before donation goes ahead, and a specialist nurse will stay with them while they decide."),
    (ODG, "added_claim",
     "In 2026, 17 people in Ordlow and Wistmarch became organ donors after their death, and their donations led to 46 transplants.",
     "Seventeen people in Ordlow and Wistmarch became organ donors after they died in 2026, and 46 transplants resulted from their donations.",
     "Seventeen people in Ordlow and Wistmarch became organ donors after they died in 2026, and 46 transplants resulted from their donations, 11 of them for children.",
     "In 2026, 17 people in Ordlow and Wistmarch became organ donors after their death, but their donations did not lead to any transplants.",
     "In 2026, 17 people in Ordlow and Wistmarch became organ donors after their death, and their donations led to 46 transplants. Most of the transplants took place at hospitals outside the area."),
    (ODG, "attribution",
     "Our volunteer Donation Champions can help you record your decision on a tablet at these stalls.",
     "At the Register Your Decision stalls, our volunteer Donation Champions can help you to register your decision using a tablet.",
     "At the Register Your Decision stalls, the Specialist Nurses for Organ Donation can help you to register your decision using a tablet.",
     "Our volunteer Donation Champions cannot help you record your decision on a tablet at these stalls.",
     "Our volunteer Donation Champions can help you record your decision on a tablet at these stalls, and can also answer questions about living kidney donation."),
    (ODG, "timing",
     "Changes are added to the register within 5 working days.",
     "Any change you make will be put on the register in no more than 5 working days.",
     "Any change you make will be put on the register in no more than 10 working days.",
     "Changes are not added to the register within 5 working days.",
     "Changes are added to the register within 5 working days, and you will get an email to confirm the change."),
    (ODG, "cause",
     "Your reasonable travel costs and lost earnings are paid back, so you are not out of pocket.",
     "So that you do not lose money, your reasonable travel costs and any earnings you lose are refunded to you.",
     "So that more people come forward as living donors, your reasonable travel costs and any earnings you lose are refunded to you.",
     "Your reasonable travel costs and lost earnings are not paid back, so you may be out of pocket.",
     "Your reasonable travel costs and lost earnings are paid back, so you are not out of pocket, as long as you claim within 3 months of the operation."),
    (ODG, "modality",
     "You must be 18 or over and in good health.",
     "You have to be aged at least 18 and be in good health.",
     "You should ideally be aged at least 18 and be in good health.",
     "You do not need to be 18 or over or in good health.",
     "You must be 18 or over and in good health, and you will need a letter from your GP to start the assessment."),
    (ODG, "direction",
     "Many more people can donate tissue than organs.",
     "The number of people who are able to donate tissue is far larger than the number who can donate organs.",
     "The number of people who are able to donate tissue is far smaller than the number who can donate organs.",
     "No more people can donate tissue than can donate organs.",
     "Many more people can donate tissue than organs, because tissue can still be donated after a death at home."),

    # ---------------- owm-individual-funding-requests-faq (plain text; hard-wrapped lines joined) ----------------
    (IFR, "attribution",
     "Your clinician fills in the IFR application form (form IFR1) and sends it to us by secure email.",
     "The IFR application form (form IFR1) is completed by your clinician, who then emails it to us securely.",
     "The IFR application form (form IFR1) is completed by Patient Voice Ordlow and Wistmarch, which then emails it to us securely.",
     "Your clinician does not fill in the IFR application form (form IFR1) or send it to us by secure email.",
     "Your clinician fills in the IFR application form (form IFR1) and sends it to us by secure email, and we send you a letter to say it has arrived."),
    (IFR, "cause",
     "The papers are anonymised, so panel members do not see your name or address.",
     "Panel members do not see your name or address, because the papers they get are anonymised.",
     "Panel members do not see your name or address, because data protection law does not allow them to.",
     "The papers are not anonymised, so panel members do see your name and address.",
     "The papers are anonymised, so panel members do not see your name or address. Only the IFR Team holds the key that links each case to a patient."),
    (IFR, "timing",
     "We screen every request within 5 working days of receiving it.",
     "Each request is screened by us no more than 5 working days after it arrives.",
     "Each request is screened by us no more than 3 working days after it arrives.",
     "We do not screen every request within 5 working days of receiving it.",
     "We screen every request within 5 working days of receiving it, and urgent requests are screened on the day they arrive."),
    (IFR, "added_claim",
     "The panel is chaired by a lay member of the ICB board and includes a GP, a public health consultant, a pharmacist and a senior nurse.",
     "A lay member of the ICB board chairs the panel, whose members include a GP, a public health consultant, a pharmacist and a senior nurse.",
     "A lay member of the ICB board chairs the panel, whose members include a GP, a public health consultant, a pharmacist, a senior nurse and a hospital consultant.",
     "The panel is not chaired by a lay member of the ICB board and includes a GP, a public health consultant, a pharmacist and a senior nurse.",
     "The panel is chaired by a lay member of the ICB board and includes a GP, a public health consultant, a pharmacist and a senior nurse. At least four members must be present for a decision to be made."),
    (IFR, "modality",
     "You can send a personal statement of up to two sides of A4 with your clinician's application, and every panel member will read it.",
     "With your clinician's application you are able to include a personal statement no longer than two sides of A4, which every member of the panel will read.",
     "With your clinician's application you are required to include a personal statement no longer than two sides of A4, which every member of the panel will read.",
     "You can send a personal statement of up to two sides of A4 with your clinician's application, but panel members will not read it.",
     "You can send a personal statement of up to two sides of A4 with your clinician's application, and every panel member will read it, along with any letters of support from your family."),
    (IFR, "scope",
     "After screening, 152 went to the panel, and 57 were approved.",
     "Once they had been screened, 152 requests were sent on to the panel, and 57 of them were approved.",
     "Once they had been screened, all 184 requests were sent on to the panel, and 57 of them were approved.",
     "After screening, 152 went to the panel, and none were approved.",
     "After screening, 152 went to the panel, and 57 were approved, most of them for specialist medicines."),
    (IFR, "direction",
     "If your clinician marks a request as urgent, a smaller urgent panel will consider it within 10 working days.",
     "When your clinician marks a request as urgent, it will be considered within 10 working days by a smaller urgent panel.",
     "When your clinician marks a request as urgent, it will be considered within 10 working days by a larger urgent panel.",
     "If your clinician marks a request as urgent, a smaller urgent panel will not consider it within 10 working days.",
     "If your clinician marks a request as urgent, a smaller urgent panel will consider it within 10 working days, often by video call."),
    (IFR, "attribution",
     "The IFR Team can explain how the process works, but cannot give medical advice or tell you whether a request is likely to succeed.",
     "The way the process works can be explained to you by the IFR Team, although the team is not able to give medical advice or say whether a request is likely to be successful.",
     "The way the process works can be explained to you by the IFR Panel, although the panel is not able to give medical advice or say whether a request is likely to be successful.",
     "The IFR Team cannot explain how the process works, and cannot give medical advice or tell you whether a request is likely to succeed.",
     "The IFR Team can explain how the process works, but cannot give medical advice or tell you whether a request is likely to succeed. The team can also arrange an interpreter for phone calls."),

    # ---------------- owm-school-nursing-plan (PDF via pypdf; header, URL, page lines, bullet glyphs dropped) ----------------
    (SNP, "attribution",
     "In Ordlow and Wistmarch the School Nursing Service is run by Wistmarch Community Health NHS Trust.",
     "Wistmarch Community Health NHS Trust runs the School Nursing Service in Ordlow and Wistmarch.",
     "NHS Ordlow and Wistmarch Integrated Care Board runs the School Nursing Service in Ordlow and Wistmarch.",
     "In Ordlow and Wistmarch the School Nursing Service is not run by Wistmarch Community Health NHS Trust.",
     "In Ordlow and Wistmarch the School Nursing Service is run by Wistmarch Community Health NHS Trust, from its base at Candlebury Community Hospital."),
    (SNP, "scope",
     "It covers 126 state-funded schools and about 64,000 pupils.",
     "The School Nursing Service looks after about 64,000 pupils across 126 state-funded schools.",
     "The School Nursing Service looks after about 64,000 pupils across 126 schools, both state-funded and independent.",
     "It does not cover 126 state-funded schools and about 64,000 pupils.",
     "It covers 126 state-funded schools and about 64,000 pupils, including 9 special schools."),
    (SNP, "direction",
     "Requests for help with emotional health rose by 38% between 2023 and 2026, but the number of school nurses stayed the same, and many families told us they found the service hard to reach.",
     "Between 2023 and 2026 requests for emotional health support went up by 38% while the number of school nurses did not change, and many families said they found the service hard to reach.",
     "Between 2023 and 2026 requests for emotional health support went down by 38% while the number of school nurses did not change, and many families said they found the service hard to reach.",
     "Requests for help with emotional health rose by 38% between 2023 and 2026, but the number of school nurses stayed the same, and no families told us they found the service hard to reach.",
     "Requests for help with emotional health rose by 38% between 2023 and 2026, but the number of school nurses stayed the same, and many families told us they found the service hard to reach. Waiting times for a first appointment more than doubled over the same period."),
    (SNP, "timing",
     "The school contacts its named school nurse, who will get in touch with you within 10 school days.",
     "The named school nurse is contacted by the school and will then get in touch with you in no more than 10 school days.",
     "The named school nurse is contacted by the school and will then get in touch with you in no more than 5 school days.",
     "The school contacts its named school nurse, who will not get in touch with you within 10 school days.",
     "The school contacts its named school nurse, who will get in touch with you within 10 school days, usually by phone."),
    (SNP, "modality",
     "Young people aged 11 to 19 can message a school nurse confidentially through School Health Chat on our website.",
     "Young people aged 11 to 19 are able to send a confidential message to a school nurse using School Health Chat on the website.",
     "Young people aged 11 to 19 are required to send any confidential message to a school nurse using School Health Chat on the website.",
     "Young people aged 11 to 19 cannot message a school nurse confidentially through School Health Chat on our website.",
     "Young people aged 11 to 19 can message a school nurse confidentially through School Health Chat on our website, and can choose to stay anonymous."),
    (SNP, "added_claim",
     "We will recruit 7 more school nurses by March 2028, bringing the team to 41, and we will train 3 nursing apprentices each year.",
     "By March 2028 we will take on 7 extra school nurses, which will take the team to 41, and each year we will train 3 nursing apprentices.",
     "By March 2028 we will take on 7 extra school nurses, which will take the team to 41, and each year we will train 3 nursing apprentices and 2 school health support workers.",
     "We will recruit 7 more school nurses by March 2028, bringing the team to 41, but we will not train any nursing apprentices.",
     "We will recruit 7 more school nurses by March 2028, bringing the team to 41, and we will train 3 nursing apprentices each year, with the first apprentices starting in January 2028."),
    (SNP, "cause",
     "The ICB will add £460,000 a year from April 2028 to pay for the extra nurses.",
     "To fund the additional nurses, the ICB will put in an extra £460,000 a year starting in April 2028.",
     "To fund the School Health Chat service, the ICB will put in an extra £460,000 a year starting in April 2028.",
     "The ICB will not add £460,000 a year from April 2028 to pay for the extra nurses.",
     "The ICB will add £460,000 a year from April 2028 to pay for the extra nurses, and the trust will pay for training the apprentices."),
    (SNP, "scope",
     "Every secondary school will have a weekly drop-in, instead of the fortnightly drop-ins most schools have now.",
     "Rather than the drop-in every two weeks that most schools have at present, each secondary school will have a drop-in every week.",
     "Rather than the drop-in every two weeks that most schools have at present, each primary and secondary school will have a drop-in every week.",
     "No secondary school will have a weekly drop-in; they will keep the fortnightly drop-ins most schools have now.",
     "Every secondary school will have a weekly drop-in, instead of the fortnightly drop-ins most schools have now, held at lunchtime so pupils do not miss lessons."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "o%03d" % i, "corpus": "ordlow", "doc_id": doc,
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
    # \s also matches no-break spaces (U+00A0), so "7&nbsp;June" becomes "7 June"
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
    # furniture inside the article / main element: share links, page feedback,
    # the byline and the page-review dates
    t = re.sub(r"(?is)<div\b[^>]*class=\"(?:share-links|page-feedback)\"[^>]*>.*?</div>", " ", t)
    t = re.sub(r"(?is)<p\b[^>]*class=\"(?:byline|last-reviewed)\"[^>]*>.*?</p>", " ", t)
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
    re.compile(r"^NHS Ordlow and Wistmarch Integrated Care Board\s+\|\s+.*$"),  # running header
    re.compile(r"^ow-icb\.example/\S+$"),                                        # header URL
    re.compile(r"^Page \d+ of \d+$"),                                            # page number
    re.compile(r"^[\x7f\u2022]$"),                                               # bullet glyph on its own line
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
    # one word is hyphenated across a line end ("condi-" / "tions"): rejoin lower-case halves
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
        if not re.fullmatch(r"o0[0-4]\d", rid) or not (1 <= int(rid[1:]) <= 40):
            errors.append("%s: bad id" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["corpus"] != "ordlow":
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
    if sorted(ids) != ["o%03d" % i for i in range(1, 41)]:
        errors.append("ids do not run o001-o040")
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
