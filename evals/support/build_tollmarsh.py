#!/usr/bin/env python3
"""Build and check the blind Tollmarsh support-check table (triples-tollmarsh.jsonl).

Run: /work/main/.venv/bin/python build_tollmarsh.py
(any Python 3 with pypdf installed; pypdf is needed only to read the PDF plan).
Writes triples-tollmarsh.jsonl next to this file, then validates it.

The corpus folder is found in this order: $TOLLMARSH_CORPUS, ../corpora/tollmarsh/corpus
(when this file sits in evals/support/), /work/main/evals/corpora/tollmarsh/corpus,
/work/blind28/corpus.
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
    cands = [os.environ.get("TOLLMARSH_CORPUS"),
             os.path.normpath(os.path.join(HERE, "..", "corpora", "tollmarsh", "corpus")),
             "/work/main/evals/corpora/tollmarsh/corpus",
             "/work/blind28/corpus"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "manifest.yaml")):
            return c
    raise SystemExit("cannot find the Tollmarsh corpus folder (set TOLLMARSH_CORPUS)")


CORPUS_DIR = _corpus_dir()
OUT = os.path.join(HERE, "triples-tollmarsh.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]
ROWS_PER_DOC = 8

OXN = "tev-home-oxygen-supplier-news"
TMG = "tev-travel-medicines-guide"
VIT = "tev-vitamins-scheme-faq"
CSH = "tev-cancer-support-hubs-plan"
OXI = "tev-home-oxygen-info-page"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- tev-home-oxygen-supplier-news (article text only; ’ from &rsquo;) ----------------
    (OXN, "attribution",
     "The six-year contract, worth £9.2 million, was awarded by NHS Tollmarsh and Evenbury Integrated Care Board (ICB) after an open tender in autumn 2026.",
     "After an open tender in autumn 2026, NHS Tollmarsh and Evenbury Integrated Care Board (ICB) awarded the six-year contract, which is worth £9.2 million.",
     "After an open tender in autumn 2026, Evenbury Community Health NHS Trust awarded the six-year contract, which is worth £9.2 million.",
     "The six-year contract, worth £9.2 million, was not awarded by NHS Tollmarsh and Evenbury Integrated Care Board (ICB) after an open tender in autumn 2026.",
     "The six-year contract, worth £9.2 million, was awarded by NHS Tollmarsh and Evenbury Integrated Care Board (ICB) after an open tender in autumn 2026, in which five companies took part."),
    (OXN, "cause",
     "Fairbreath will run its local depot from Unit 4, Kilnworth Trading Estate, Sparrowdale ZT4 6LP, which means most cylinder orders can be delivered on the next working day.",
     "Fairbreath’s local depot will be at Unit 4, Kilnworth Trading Estate, Sparrowdale ZT4 6LP, so most orders for cylinders can arrive on the next working day.",
     "Fairbreath’s local depot will be at Unit 4, Kilnworth Trading Estate, Sparrowdale ZT4 6LP, so that its engineers can reach any home within 2 hours of a fault being reported.",
     "Fairbreath will run its local depot from Unit 4, Kilnworth Trading Estate, Sparrowdale ZT4 6LP, which means most cylinder orders cannot be delivered on the next working day.",
     "Fairbreath will run its local depot from Unit 4, Kilnworth Trading Estate, Sparrowdale ZT4 6LP, which means most cylinder orders can be delivered on the next working day. The depot will employ 22 local staff."),
    (OXN, "attribution",
     "The Home Oxygen Assessment and Review Service, run by Evenbury Community Health NHS Trust, will carry on assessing patients and deciding who needs oxygen.",
     "Evenbury Community Health NHS Trust’s Home Oxygen Assessment and Review Service will continue to assess patients and to decide who needs oxygen.",
     "Tollmarsh General Hospital’s Home Oxygen Assessment and Review Service will continue to assess patients and to decide who needs oxygen.",
     "The Home Oxygen Assessment and Review Service, run by Evenbury Community Health NHS Trust, will not carry on assessing patients and deciding who needs oxygen.",
     "The Home Oxygen Assessment and Review Service, run by Evenbury Community Health NHS Trust, will carry on assessing patients and deciding who needs oxygen, and one of its nurses will join the swap-over visits to people on the highest flow rates."),
    (OXN, "added_claim",
     "Every Fairbreath engineer carries a photo ID card.",
     "All of Fairbreath’s engineers have a photo identity card with them.",
     "All of Fairbreath’s engineers wear a Fairbreath uniform and have a photo identity card with them.",
     "Fairbreath engineers do not carry a photo ID card.",
     "Every Fairbreath engineer carries a photo ID card, and will arrive in a van with the Fairbreath logo on it."),
    (OXN, "timing",
     "The old Northgale number, 01632 960158, will divert to Fairbreath until Tuesday 31 August 2027.",
     "Until Tuesday 31 August 2027, calls to Northgale’s old number, 01632 960158, will be put through to Fairbreath.",
     "Until Thursday 30 September 2027, calls to Northgale’s old number, 01632 960158, will be put through to Fairbreath.",
     "The old Northgale number, 01632 960158, will not divert to Fairbreath at any point before Tuesday 31 August 2027.",
     "The old Northgale number, 01632 960158, will divert to Fairbreath until Tuesday 31 August 2027, after which callers will hear a recorded message giving the new number."),
    (OXN, "modality",
     "Cylinder orders placed before 2pm on a weekday will normally be delivered the next working day.",
     "If you order cylinders before 2pm on a weekday, they will usually arrive on the next working day.",
     "If you order cylinders before 2pm on a weekday, they are guaranteed to arrive on the next working day.",
     "Cylinder orders placed before 2pm on a weekday will not normally be delivered the next working day.",
     "Cylinder orders placed before 2pm on a weekday will normally be delivered the next working day, and urgent orders can be delivered on the same day."),
    (OXN, "scope",
     "Fairbreath will also offer a smaller portable concentrator weighing 2.3kg to people whose prescription includes oxygen when they are out and about.",
     "People whose prescription includes oxygen for when they are out and about will also be offered a smaller, 2.3kg portable concentrator by Fairbreath.",
     "Everyone who has home oxygen will also be offered a smaller, 2.3kg portable concentrator by Fairbreath.",
     "Fairbreath will not offer a smaller portable concentrator weighing 2.3kg to people whose prescription includes oxygen when they are out and about.",
     "Fairbreath will also offer a smaller portable concentrator weighing 2.3kg to people whose prescription includes oxygen when they are out and about, and its battery lasts up to 8 hours."),
    (OXN, "direction",
     "We have planned the swap-over visits carefully, with the people who are on the highest flow rates seen first.",
     "The swap-over visits have been planned with care, and people on the highest flow rates will be visited first.",
     "The swap-over visits have been planned with care, and people on the highest flow rates will be visited last.",
     "We have planned the swap-over visits carefully, but the people who are on the highest flow rates will not be seen first.",
     "We have planned the swap-over visits carefully, with the people who are on the highest flow rates seen first. Visits to people who live alone will be made in the mornings."),

    # ---------------- tev-travel-medicines-guide (Markdown; ** and list markers removed; straight ') ----------------
    (TMG, "scope",
     "Some medicines that you can get on prescription in the UK are restricted or banned in other countries.",
     "Certain medicines available on prescription in the UK are banned or restricted in other countries.",
     "Certain medicines available on prescription in the UK are banned or restricted in every other country in the world.",
     "No medicines that you can get on prescription in the UK are restricted or banned in other countries.",
     "Some medicines that you can get on prescription in the UK are restricted or banned in other countries, and the list of these medicines can change without notice."),
    (TMG, "added_claim",
     "These include some strong painkillers, some sleeping tablets and some medicines for anxiety.",
     "Among the medicines restricted or banned in other countries are some strong painkillers, some sleeping tablets and some anxiety medicines.",
     "Among the medicines restricted or banned in other countries are some strong painkillers, some sleeping tablets, some anxiety medicines and some antihistamines.",
     "These do not include any strong painkillers, sleeping tablets or medicines for anxiety.",
     "These include some strong painkillers, some sleeping tablets and some medicines for anxiety, as well as some cough medicines that contain codeine."),
    (TMG, "direction",
     "Your GP practice can prescribe enough of your regular medicines to cover a trip of up to 3 months.",
     "For a trip lasting no more than 3 months, your GP practice can prescribe enough of your regular medicines to cover it.",
     "For a trip lasting more than 3 months, your GP practice can prescribe enough of your regular medicines to cover it.",
     "Your GP practice cannot prescribe enough of your regular medicines to cover a trip of up to 3 months.",
     "Your GP practice can prescribe enough of your regular medicines to cover a trip of up to 3 months, as long as you have had a medication review in the last year."),
    (TMG, "modality",
     "If you are going for longer, you will need to register with a doctor in the country you are staying in and get further supplies there.",
     "For a trip longer than 3 months, you will have to register with a doctor in the country where you are staying and obtain more supplies there.",
     "For a trip longer than 3 months, you may wish to register with a doctor in the country where you are staying and obtain more supplies there.",
     "If you are going for longer, you will not need to register with a doctor in the country you are staying in or get further supplies there.",
     "If you are going for longer, you will need to register with a doctor in the country you are staying in and get further supplies there, and you may have to pay for them."),
    (TMG, "attribution",
     "Since 1 February 2027, every community pharmacy in Tollmarsh and Evenbury can give you a free Medicines Travel Card.",
     "Any community pharmacy in Tollmarsh and Evenbury has been able to give you a free Medicines Travel Card since 1 February 2027.",
     "Any GP practice in Tollmarsh and Evenbury has been able to give you a free Medicines Travel Card since 1 February 2027.",
     "Since 1 February 2027, community pharmacies in Tollmarsh and Evenbury cannot give you a free Medicines Travel Card.",
     "Since 1 February 2027, every community pharmacy in Tollmarsh and Evenbury can give you a free Medicines Travel Card, and more than 2,000 cards have been given out so far."),
    (TMG, "timing",
     "It takes about 10 minutes to fill in.",
     "Filling in the Medicines Travel Card takes roughly 10 minutes.",
     "Filling in the Medicines Travel Card takes roughly 30 minutes.",
     "It does not take about 10 minutes to fill in.",
     "It takes about 10 minutes to fill in, and the pharmacist will go through it with you in a private consultation room."),
    (TMG, "cause",
     "The card is not a legal document, but it helps border staff, and doctors or pharmacists abroad, to understand what you take.",
     "Although the card has no legal status, it makes it easier for border staff, and for doctors or pharmacists abroad, to understand which medicines you take.",
     "Although the card has no legal status, it makes it easier for border staff, and for doctors or pharmacists abroad, to check that your medicines were prescribed to you.",
     "The card is not a legal document, and it does not help border staff, or doctors or pharmacists abroad, to understand what you take.",
     "The card is not a legal document, but it helps border staff, and doctors or pharmacists abroad, to understand what you take. It is printed in English, French and Spanish."),
    (TMG, "modality",
     "Writing a travel letter is not part of the NHS services GP practices have to provide, so your practice may charge a fee for it.",
     "GP practices do not have to write travel letters as part of their NHS services, so your practice might charge you a fee for one.",
     "GP practices do not have to write travel letters as part of their NHS services, so your practice will always charge you a fee for one.",
     "Writing a travel letter is part of the NHS services GP practices have to provide, so your practice cannot charge a fee for it.",
     "Writing a travel letter is not part of the NHS services GP practices have to provide, so your practice may charge a fee for it, and the letter can take up to 2 weeks to be ready."),

    # ---------------- tev-vitamins-scheme-faq (plain text, hard-wrapped at 75; straight ') ----------------
    (VIT, "scope",
     "Since Tuesday 1 September 2026, every family living in Tollmarsh or Evenbury can get them, whatever their income.",
     "Whatever their income, all families who live in Tollmarsh or Evenbury have been able to get the free vitamins since Tuesday 1 September 2026.",
     "Whatever their income, all families who live in England have been able to get the free vitamins since Tuesday 1 September 2026.",
     "Since Tuesday 1 September 2026, families living in Tollmarsh or Evenbury cannot get them, whatever their income.",
     "Since Tuesday 1 September 2026, every family living in Tollmarsh or Evenbury can get them, whatever their income, and families who move away can keep using their card for 3 months."),
    (VIT, "timing",
     "Cards are posted to you within 10 working days.",
     "Your card will be sent to you by post within 10 working days.",
     "Your card will be sent to you by post within 5 working days.",
     "Cards are not posted to you within 10 working days.",
     "Cards are posted to you within 10 working days, together with a leaflet about the scheme."),
    (VIT, "cause",
     "You can collect your next supply after 6 weeks, so that you do not run out.",
     "So that your vitamins do not run out, you are able to pick up your next supply once 6 weeks have passed.",
     "So that pharmacies can keep enough stock for everyone, you are able to pick up your next supply once 6 weeks have passed.",
     "You cannot collect your next supply after 6 weeks, so you may run out.",
     "You can collect your next supply after 6 weeks, so that you do not run out, and you can ask for a text message to remind you when it is due."),
    (VIT, "timing",
     "It is hard to get enough from food alone, and in the UK the sun is only strong enough for our skin to make vitamin D between late March and the end of September.",
     "Getting enough vitamin D from food alone is difficult, and in the UK sunlight is only strong enough for our skin to produce vitamin D from late March until the end of September.",
     "Getting enough vitamin D from food alone is difficult, and in the UK sunlight is only strong enough for our skin to produce vitamin D from late March until the end of November.",
     "It is not hard to get enough from food alone, and in the UK the sun is only strong enough for our skin to make vitamin D between late March and the end of September.",
     "It is hard to get enough from food alone, and in the UK the sun is only strong enough for our skin to make vitamin D between late March and the end of September; children with darker skin need more time in the sun to make the same amount."),
    (VIT, "direction",
     "Babies who have more than 500ml (about a pint) of infant formula a day do not need vitamin drops, because vitamins are already added to formula.",
     "Infant formula already has vitamins added to it, so babies who drink over 500ml (about a pint) of it each day don't need vitamin drops.",
     "Infant formula already has vitamins added to it, so babies who drink under 500ml (about a pint) of it each day don't need vitamin drops.",
     "Babies who have more than 500ml (about a pint) of infant formula a day do need vitamin drops, because vitamins are not added to formula.",
     "Babies who have more than 500ml (about a pint) of infant formula a day do not need vitamin drops, because vitamins are already added to formula. Breastfed babies should have the drops from birth."),
    (VIT, "added_claim",
     "The Little Sunbeam leaflet is available in Polish, Romanian, Urdu, Bengali and Arabic, and in an easy read version.",
     "You can get the Little Sunbeam leaflet in Polish, Romanian, Urdu, Bengali and Arabic, as well as in easy read.",
     "You can get the Little Sunbeam leaflet in Polish, Romanian, Urdu, Bengali and Arabic, as well as in easy read and in Braille.",
     "The Little Sunbeam leaflet is not available in Polish, Romanian, Urdu, Bengali or Arabic, or in an easy read version.",
     "The Little Sunbeam leaflet is available in Polish, Romanian, Urdu, Bengali and Arabic, and in an easy read version. An audio version is being recorded and will be ready in the spring."),
    (VIT, "attribution",
     "The ICB pays £140,000 of this and the two councils pay the rest from their public health budgets.",
     "Of the scheme's yearly cost of about £212,000, £140,000 comes from the ICB, and the rest is paid by the two councils out of their public health budgets.",
     "Of the scheme's yearly cost of about £212,000, £140,000 comes from the two councils' public health budgets, and the rest is paid by the ICB.",
     "The ICB does not pay £140,000 of this, and the two councils do not pay the rest from their public health budgets.",
     "The ICB pays £140,000 of this and the two councils pay the rest from their public health budgets, split according to the number of children under 4 in each area."),
    (VIT, "modality",
     "Our aim is for 9,000 families to have a card by 31 August 2027.",
     "By 31 August 2027, we want 9,000 families to have a card.",
     "By 31 August 2027, 9,000 families will have a card.",
     "We do not aim for 9,000 families to have a card by 31 August 2027.",
     "Our aim is for 9,000 families to have a card by 31 August 2027, which would be about 3 in every 4 families who can get one."),

    # ---------------- tev-cancer-support-hubs-plan (PDF via pypdf; header, URL, page lines, bullet glyphs dropped; "can-"/"cer" rejoined) ----------------
    (CSH, "direction",
     "About 11,300 people in Tollmarsh and Evenbury are living with or after cancer, and the number grows by about 4% every year.",
     "Around 11,300 people in Tollmarsh and Evenbury are living with or beyond cancer, a number that rises by roughly 4% each year.",
     "Around 11,300 people in Tollmarsh and Evenbury are living with or beyond cancer, a number that falls by roughly 4% each year.",
     "About 11,300 people in Tollmarsh and Evenbury are living with or after cancer, and the number does not grow by about 4% every year.",
     "About 11,300 people in Tollmarsh and Evenbury are living with or after cancer, and the number grows by about 4% every year. Around a third of them are of working age."),
    (CSH, "scope",
     "Onward is for anyone aged 16 and over who has been diagnosed with cancer and lives in Tollmarsh or Evenbury, or is registered with a GP practice here.",
     "Anyone aged 16 or older who has had a cancer diagnosis can use Onward, as long as they live in Tollmarsh or Evenbury or are registered with a GP practice in the area.",
     "Anyone aged 16 or older who has had a cancer diagnosis can use Onward, as long as they live in England or are registered with a GP practice in England.",
     "Onward is not for people aged 16 and over who have been diagnosed with cancer and live in Tollmarsh or Evenbury, or are registered with a GP practice here.",
     "Onward is for anyone aged 16 and over who has been diagnosed with cancer and lives in Tollmarsh or Evenbury, or is registered with a GP practice here, and young people aged 16 to 18 can bring a parent to every session."),
    (CSH, "cause",
     "Your support worker phones you 6 weeks later to see how things are going.",
     "Six weeks later, your support worker gives you a call to find out how things are going.",
     "Six weeks later, your support worker gives you a call to ask you to fill in the short Onward survey.",
     "Your support worker does not phone you 6 weeks later to see how things are going.",
     "Your support worker phones you 6 weeks later to see how things are going, and can change your plan with you if something is not working."),
    (CSH, "modality",
     "You are offered a review of your plan after 6 months.",
     "Once 6 months have passed, you will be offered the chance to have your plan reviewed.",
     "Once 6 months have passed, you will be required to have your plan reviewed.",
     "You are not offered a review of your plan after 6 months.",
     "You are offered a review of your plan after 6 months, which can be with the same support worker if you prefer."),
    (CSH, "added_claim",
     "Between January and March 2027 we heard from 412 people who have had cancer and from 96 family members and carers, through an online survey and six listening events.",
     "From January to March 2027, 412 people who have had cancer and 96 family members and carers gave us their views in an online survey and at six listening events.",
     "From January to March 2027, 412 people who have had cancer and 96 family members and carers gave us their views in an online survey, at six listening events and through a phone-in on local radio.",
     "Between January and March 2027 we did not hear from 412 people who have had cancer or from 96 family members and carers, through an online survey or six listening events.",
     "Between January and March 2027 we heard from 412 people who have had cancer and from 96 family members and carers, through an online survey and six listening events. Two of the events were held in the evening for people who work."),
    (CSH, "attribution",
     "The ICB will pay £630,000 and The Kittiwake Cancer Trust will give £150,000.",
     "£630,000 will come from the ICB and £150,000 from The Kittiwake Cancer Trust.",
     "£630,000 will come from the ICB and £150,000 from Tollmarsh and Evenbury Hospitals NHS Foundation Trust.",
     "The ICB will pay £630,000, but The Kittiwake Cancer Trust will not give £150,000.",
     "The ICB will pay £630,000 and The Kittiwake Cancer Trust will give £150,000, most of it from a legacy left to the charity."),
    (CSH, "scope",
     "We aim to contact 90% of people within 3 working days of their first contact.",
     "Our target is to get in touch with 90% of people no more than 3 working days after they first contact us.",
     "Our target is to get in touch with every person no more than 3 working days after they first contact us.",
     "We do not aim to contact 90% of people within 3 working days of their first contact.",
     "We aim to contact 90% of people within 3 working days of their first contact, and we will report how we are doing every three months."),
    (CSH, "timing",
     "We will ask everyone who uses a hub to fill in a short survey, and publish the results in September 2028.",
     "Everyone who uses a hub will be asked to complete a short survey, and the results will be published in September 2028.",
     "Everyone who uses a hub will be asked to complete a short survey, and the results will be published in March 2028.",
     "We will ask everyone who uses a hub to fill in a short survey, but we will not publish the results.",
     "We will ask everyone who uses a hub to fill in a short survey, and publish the results in September 2028, along with what we plan to change because of them."),

    # ---------------- tev-home-oxygen-info-page (main element; ’ from &rsquo;; &nbsp; -> space) ----------------
    (OXI, "modality",
     "Breathing extra oxygen at home can help them feel better and stay well.",
     "For people with long-term heart or lung conditions and low blood oxygen, having extra oxygen to breathe at home can help them to feel better and keep well.",
     "For people with long-term heart or lung conditions and low blood oxygen, having extra oxygen to breathe at home will make them feel better and keep them well.",
     "Breathing extra oxygen at home cannot help them feel better or stay well.",
     "Breathing extra oxygen at home can help them feel better and stay well, and it can mean fewer stays in hospital."),
    (OXI, "attribution",
     "Your GP, a hospital specialist or a community respiratory nurse has to refer you to the Home Oxygen Assessment and Review Service, which is run by Evenbury Community Health NHS Trust from Quillington Health Centre.",
     "You have to be referred to the Home Oxygen Assessment and Review Service by your GP, a hospital specialist or a community respiratory nurse; the service is run from Quillington Health Centre by Evenbury Community Health NHS Trust.",
     "You have to be referred to the Home Oxygen Assessment and Review Service by your GP, a hospital specialist or a community respiratory nurse; the service is run from Quillington Health Centre by Fairbreath Home Oxygen Ltd.",
     "Your GP, a hospital specialist or a community respiratory nurse does not have to refer you to the Home Oxygen Assessment and Review Service, which is run by Evenbury Community Health NHS Trust from Quillington Health Centre.",
     "Your GP, a hospital specialist or a community respiratory nurse has to refer you to the Home Oxygen Assessment and Review Service, which is run by Evenbury Community Health NHS Trust from Quillington Health Centre. Most referrals are seen within 4 weeks."),
    (OXI, "cause",
     "Feeling breathless does not always mean your oxygen level is low, and for some people extra oxygen can do harm, so everyone is assessed first.",
     "Everyone is assessed first, because being breathless does not necessarily mean that your oxygen level is low, and extra oxygen can be harmful for some people.",
     "Everyone is assessed first, because there are only a limited number of oxygen concentrators to go round.",
     "Feeling breathless does not always mean your oxygen level is low, and for some people extra oxygen can do harm, but not everyone is assessed first.",
     "Feeling breathless does not always mean your oxygen level is low, and for some people extra oxygen can do harm, so everyone is assessed first. This is especially true for people who have a build-up of carbon dioxide in their blood."),
    (OXI, "cause",
     "Most people need two assessments at least 3 weeks apart, to make sure the result is not caused by a short-term illness.",
     "To be sure the result is not due to a short-term illness, most people have to have two assessments, with at least 3 weeks between them.",
     "To work out which type of oxygen equipment suits them, most people have to have two assessments, with at least 3 weeks between them.",
     "Most people do not need two assessments at least 3 weeks apart to make sure the result is not caused by a short-term illness.",
     "Most people need two assessments at least 3 weeks apart, to make sure the result is not caused by a short-term illness, and both are usually booked at the same time."),
    (OXI, "direction",
     "Oxygen is not flammable itself, but it makes things burn much faster and more fiercely.",
     "Although oxygen does not burn on its own, it causes things to burn far more quickly and more fiercely.",
     "Although oxygen does not burn on its own, it causes things to burn far more slowly and less fiercely.",
     "Oxygen is not flammable itself, and it does not make things burn any faster or more fiercely.",
     "Oxygen is not flammable itself, but it makes things burn much faster and more fiercely. It can also stay in clothing and bedding for some time after the equipment is switched off."),
    (OXI, "added_claim",
     "Everyone who starts home oxygen is offered a free home fire safety visit from Tollmarsh and Evenbury Fire and Rescue Service.",
     "Tollmarsh and Evenbury Fire and Rescue Service offers a free home fire safety visit to everyone who begins home oxygen.",
     "Tollmarsh and Evenbury Fire and Rescue Service offers a free home fire safety visit, including free smoke alarms, to everyone who begins home oxygen.",
     "Not everyone who starts home oxygen is offered a free home fire safety visit from Tollmarsh and Evenbury Fire and Rescue Service.",
     "Everyone who starts home oxygen is offered a free home fire safety visit from Tollmarsh and Evenbury Fire and Rescue Service, which usually takes place within 2 weeks of the equipment being fitted."),
    (OXI, "timing",
     "Your first review is within 3 months of starting oxygen.",
     "You will have your first review no later than 3 months after you start oxygen.",
     "You will have your first review no later than 6 weeks after you start oxygen.",
     "Your first review is not within 3 months of starting oxygen.",
     "Your first review is within 3 months of starting oxygen, and it can be done at home if you find it hard to travel."),
    (OXI, "scope",
     "If you are going on holiday in England, Scotland or Wales, Fairbreath can deliver oxygen to where you are staying.",
     "Fairbreath can bring oxygen to the place you are staying if your holiday is in England, Scotland or Wales.",
     "Fairbreath can bring oxygen to the place you are staying if your holiday is anywhere in the UK.",
     "If you are going on holiday in England, Scotland or Wales, Fairbreath cannot deliver oxygen to where you are staying.",
     "If you are going on holiday in England, Scotland or Wales, Fairbreath can deliver oxygen to where you are staying, and collect it again at the end of your stay."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "e%03d" % i, "corpus": "tollmarsh", "doc_id": doc,
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
    # \s also matches no-break spaces (U+00A0), so "1&nbsp;June" becomes "1 June"
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
    re.compile(r"^NHS Tollmarsh and Evenbury Integrated Care Board\s+\|\s+.*$"),  # running header
    re.compile(r"^tev-icb\.example/\S+$"),                                         # header URL
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
    # one word is hyphenated across a line end ("can-" / "cer"): rejoin lower-case halves
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
        if not re.fullmatch(r"e0[0-4]\d", rid) or not (1 <= int(rid[1:]) <= 40):
            errors.append("%s: bad id" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["corpus"] != "tollmarsh":
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
    if sorted(ids) != ["e%03d" % i for i in range(1, 41)]:
        errors.append("ids do not run e001-e040")
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
    print("corpus: %s" % CORPUS_DIR)
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
