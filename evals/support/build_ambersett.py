#!/usr/bin/env python3
"""Build and check the blind Ambersett support-check table (triples-ambersett.jsonl).

Run: /work/main/.venv/bin/python build_ambersett.py
(any Python 3 with pypdf installed; pypdf is needed only to read the PDF plan).
Writes triples-ambersett.jsonl next to this file, then validates it.

The corpus folder is found in this order: $AMBERSETT_CORPUS, ../corpora/ambersett/corpus
(when this file sits in evals/support/), /work/main/evals/corpora/ambersett/corpus.
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
    cands = [os.environ.get("AMBERSETT_CORPUS"),
             os.path.normpath(os.path.join(HERE, "..", "corpora", "ambersett", "corpus")),
             "/work/main/evals/corpora/ambersett/corpus"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "manifest.yaml")):
            return c
    raise SystemExit("cannot find the Ambersett corpus folder (set AMBERSETT_CORPUS)")


CORPUS_DIR = _corpus_dir()
OUT = os.path.join(HERE, "triples-ambersett.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]
ROWS_PER_DOC = 8

PMN = "atw-plateful-menu-news"
AAA = "atw-aaa-screening-guide"
HCF = "atw-health-costs-faq"
MWP = "atw-medicines-waste-plan"
UMP = "atw-unused-medicines-page"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- atw-plateful-menu-news (article text only; ’ from &rsquo;) ----------------
    (PMN, "timing",
     "Patients staying in Ambersett General Hospital and Trewlow Community Hospital will be able to choose their meals from a new menu called Plateful, starting on Monday 7 June 2027.",
     "From Monday 7 June 2027, patients in Ambersett General Hospital and Trewlow Community Hospital will be able to pick what they eat from Plateful, a new menu.",
     "From Monday 31 May 2027, patients in Ambersett General Hospital and Trewlow Community Hospital will be able to pick what they eat from Plateful, a new menu.",
     "Patients staying in Ambersett General Hospital and Trewlow Community Hospital will not be able to choose their meals from a new menu called Plateful, starting on Monday 7 June 2027.",
     "Patients staying in Ambersett General Hospital and Trewlow Community Hospital will be able to choose their meals from a new menu called Plateful, starting on Monday 7 June 2027. Outpatients and visitors will be able to order from it in the hospital cafés later in the year."),
    (PMN, "cause",
     "It replaces the paper menu cards that patients had to fill in the day before, which meant many people were served meals they no longer wanted.",
     "Plateful takes the place of the paper menu cards that patients used to complete a day in advance, a system that led to many people being given meals they no longer wanted.",
     "Plateful takes the place of the paper menu cards that patients used to complete a day in advance, a system that led to many people’s orders being lost before they reached the kitchen.",
     "It does not replace the paper menu cards that patients had to fill in the day before, which meant many people were served meals they no longer wanted.",
     "It replaces the paper menu cards that patients had to fill in the day before, which meant many people were served meals they no longer wanted, and which were often hard to read for people with poor eyesight."),
    (PMN, "attribution",
     "Under Plateful, a ward host will visit each patient with a tablet computer and take their order on the day.",
     "With Plateful, each patient will be visited by a ward host carrying a tablet computer, who will take their order on the day itself.",
     "With Plateful, each patient will be visited by the nurse looking after them, carrying a tablet computer, who will take their order on the day itself.",
     "Under Plateful, a ward host will not visit each patient with a tablet computer or take their order on the day.",
     "Under Plateful, a ward host will visit each patient with a tablet computer and take their order on the day, and the order is sent straight to a screen in the kitchen."),
    (PMN, "modality",
     "Patients with a food allergy should tell the nurse looking after them, and can ask the ward host to see the allergen folder before ordering.",
     "Anyone with a food allergy should let the nurse caring for them know, and may ask the ward host to show them the allergen folder before they order.",
     "Anyone with a food allergy is required to let the nurse caring for them know, and may ask the ward host to show them the allergen folder before they order.",
     "Patients with a food allergy do not need to tell the nurse looking after them, and can ask the ward host to see the allergen folder before ordering.",
     "Patients with a food allergy should tell the nurse looking after them, and can ask the ward host to see the allergen folder before ordering. The allergy is then flagged on the ward host’s tablet."),
    (PMN, "attribution",
     "More than 140 patients, carers and visitors tried the dishes at tasting sessions in February, and the Patient Food Panel chose the final menu.",
     "At tasting sessions in February, over 140 patients, carers and visitors sampled the dishes, and the final menu was picked by the Patient Food Panel.",
     "At tasting sessions in February, over 140 patients, carers and visitors sampled the dishes, and the final menu was picked by Hearthfield Kitchens Ltd.",
     "More than 140 patients, carers and visitors tried the dishes at tasting sessions in February, but the Patient Food Panel did not choose the final menu.",
     "More than 140 patients, carers and visitors tried the dishes at tasting sessions in February, and the Patient Food Panel chose the final menu. Eight dishes were dropped after the sessions because too few people liked them."),
    (PMN, "direction",
     "The trust will spend £5.60 a day on food and drink for each patient, up from £4.85.",
     "The amount the trust spends on each patient’s food and drink will rise from £4.85 a day to £5.60.",
     "The amount the trust spends on each patient’s food and drink will fall from £5.60 a day to £4.85.",
     "The trust will not raise its spending on food and drink for each patient from £4.85 to £5.60 a day.",
     "The trust will spend £5.60 a day on food and drink for each patient, up from £4.85, which is more than most hospital trusts in the region."),
    (PMN, "added_claim",
     "The three-year contract with Hearthfield Kitchens is worth £2.3 million and includes new ward kitchen equipment at both hospitals.",
     "Worth £2.3 million, the contract with Hearthfield Kitchens runs for three years and covers new kitchen equipment for the wards at both hospitals.",
     "Worth £2.3 million, the contract with Hearthfield Kitchens runs for three years and covers new kitchen equipment for the wards at both hospitals, as well as training for the ward hosts.",
     "The three-year contract with Hearthfield Kitchens is worth £2.3 million but does not include new ward kitchen equipment at either hospital.",
     "The three-year contract with Hearthfield Kitchens is worth £2.3 million and includes new ward kitchen equipment at both hospitals, and it can be extended for a further two years."),
    (PMN, "scope",
     "Last year about 1 in 5 hospital meals at the trust went back to the kitchen uneaten.",
     "Around one in every five of the trust’s hospital meals were sent back to the kitchen without being eaten last year.",
     "Around one in every five hospital meals across the NHS were sent back to the kitchen without being eaten last year.",
     "Last year no hospital meals at the trust went back to the kitchen uneaten.",
     "Last year about 1 in 5 hospital meals at the trust went back to the kitchen uneaten, and breakfast was the meal most often left."),

    # ---------------- atw-aaa-screening-guide (Markdown; list markers removed) ----------------
    (AAA, "cause",
     "Most people with an AAA have no symptoms at all, which is why we offer a quick scan to check.",
     "A quick scan to check is offered because most people who have an AAA get no symptoms whatsoever.",
     "A quick scan to check is offered because it costs far less than treating an AAA that has burst.",
     "Most people with an AAA have no symptoms at all, which is why we do not offer a quick scan to check.",
     "Most people with an AAA have no symptoms at all, which is why we offer a quick scan to check, and the scan can find an AAA many years before it might burst."),
    (AAA, "direction",
     "Men are around six times more likely than women to have one, and the risk goes up with age.",
     "An AAA is roughly six times as likely in men as in women, and the chance of having one increases as people get older.",
     "An AAA is roughly six times as likely in men as in women, and the chance of having one decreases as people get older.",
     "Men are not any more likely than women to have one, and the risk goes up with age.",
     "Men are around six times more likely than women to have one, and the risk goes up with age. Smoking also raises the risk a great deal."),
    (AAA, "modality",
     "Trans women who were registered as male at birth may be invited and can choose whether to go.",
     "Trans women whose sex was registered as male at birth might receive an invitation, and it is up to them whether they attend.",
     "Trans women whose sex was registered as male at birth will receive an invitation, and it is up to them whether they attend.",
     "Trans women who were registered as male at birth may be invited but cannot choose whether to go.",
     "Trans women who were registered as male at birth may be invited and can choose whether to go, and their GP can talk through with them whether screening is right for them."),
    (AAA, "timing",
     "In 2026, 81.2% of men invited in Ambersett and Trewlow came for their scan.",
     "Of the men invited in Ambersett and Trewlow in 2026, 81.2% attended their scan.",
     "Of the men invited in Ambersett and Trewlow in 2025, 81.2% attended their scan.",
     "In 2026, 81.2% of men invited in Ambersett and Trewlow did not come for their scan.",
     "In 2026, 81.2% of men invited in Ambersett and Trewlow came for their scan, up from 78.5% the year before."),
    (AAA, "scope",
     "Parking is free for screening appointments at Hessock Health Centre and Wendlecross Medical Practice.",
     "Screening appointments at Hessock Health Centre and at Wendlecross Medical Practice come with free parking.",
     "Screening appointments at all four of the screening clinics come with free parking.",
     "Parking is not free for screening appointments at Hessock Health Centre and Wendlecross Medical Practice.",
     "Parking is free for screening appointments at Hessock Health Centre and Wendlecross Medical Practice, where there are also disabled bays next to the entrance."),
    (AAA, "added_claim",
     "The technician will tell you your result before you leave, and a letter with your result will be sent to your GP.",
     "Before you go, the technician will give you your result, and your GP will be sent a letter setting it out.",
     "Before you go, the technician will give you your result, and your GP will be sent a letter setting it out, together with pictures from your scan.",
     "The technician will not tell you your result before you leave, and a letter with your result will be sent to your GP.",
     "The technician will tell you your result before you leave, and a letter with your result will be sent to your GP, usually within 2 weeks."),
    (AAA, "scope",
     "Most men with a small or medium AAA never need an operation.",
     "The majority of men who have a small or medium AAA will never have to have an operation.",
     "Not a single man who has a small or medium AAA will ever have to have an operation.",
     "Most men with a small or medium AAA cannot avoid an operation.",
     "Most men with a small or medium AAA never need an operation. Those who do are usually operated on at Ambersett General Hospital."),
    (AAA, "attribution",
     "As well as your regular scans, a specialist nurse from the vascular team will phone you to talk about ways to keep your aneurysm from growing, such as keeping your blood pressure down and not smoking.",
     "Alongside your regular scans, you will get a phone call from a vascular team specialist nurse to discuss how to stop your aneurysm getting bigger, for example by not smoking and by keeping your blood pressure low.",
     "Alongside your regular scans, you will get a phone call from your GP to discuss how to stop your aneurysm getting bigger, for example by not smoking and by keeping your blood pressure low.",
     "As well as your regular scans, a specialist nurse from the vascular team will not phone you to talk about ways to keep your aneurysm from growing, such as keeping your blood pressure down and not smoking.",
     "As well as your regular scans, a specialist nurse from the vascular team will phone you to talk about ways to keep your aneurysm from growing, such as keeping your blood pressure down and not smoking, and will send you a booklet about living with an AAA."),

    # ---------------- atw-health-costs-faq (plain text; hard-wrapped lines joined) ----------------
    (HCF, "scope",
     "Medicines given to you while you are an inpatient in hospital are always free.",
     "You never have to pay for medicines you are given as a hospital inpatient.",
     "You never have to pay for medicines you are given in hospital, whether you are an inpatient or an outpatient.",
     "Medicines given to you while you are an inpatient in hospital are not always free.",
     "Medicines given to you while you are an inpatient in hospital are always free, including any you are given to take home when you leave."),
    (HCF, "direction",
     "Your PPC can start on the day you buy it or up to one month later.",
     "A PPC can begin on the day of purchase or at any point in the month after that.",
     "A PPC can begin on the day of purchase or at any point in the month before that.",
     "Your PPC cannot start on the day you buy it or up to one month later.",
     "Your PPC can start on the day you buy it or up to one month later, but the start date cannot be changed once it has been set."),
    (HCF, "added_claim",
     "It can help with prescription charges, NHS dental charges, the cost of glasses and contact lenses, and the cost of travelling to hospital for NHS treatment.",
     "The NHS Low Income Scheme can contribute towards prescription charges, NHS dental charges, glasses and contact lenses, and the cost of getting to hospital for NHS treatment.",
     "The NHS Low Income Scheme can contribute towards prescription charges, NHS dental charges, glasses and contact lenses, wigs and fabric supports, and the cost of getting to hospital for NHS treatment.",
     "It cannot help with prescription charges, NHS dental charges, the cost of glasses and contact lenses, or the cost of travelling to hospital for NHS treatment.",
     "It can help with prescription charges, NHS dental charges, the cost of glasses and contact lenses, and the cost of travelling to hospital for NHS treatment. It can also help with the cost of hearing aid batteries."),
    (HCF, "timing",
     "An HC2 certificate usually lasts 12 months.",
     "HC2 certificates are normally valid for 12 months.",
     "HC2 certificates are normally valid for 24 months.",
     "An HC2 certificate does not usually last 12 months.",
     "An HC2 certificate usually lasts 12 months, and you will need to apply again before it runs out."),
    (HCF, "cause",
     "You cannot claim for travel to your GP practice or to a dentist.",
     "Travel to a dentist or to your GP practice cannot be claimed for.",
     "Because these journeys are usually short, travel to a dentist or to your GP practice cannot be claimed for.",
     "You can claim for travel to your GP practice or to a dentist.",
     "You cannot claim for travel to your GP practice or to a dentist, even if you get one of the benefits listed in Q2."),
    (HCF, "timing",
     "You must claim within 3 months of your appointment.",
     "Claims have to be made no later than 3 months after your appointment.",
     "Claims have to be made no later than 6 months after your appointment.",
     "You do not have to claim within 3 months of your appointment.",
     "You must claim within 3 months of your appointment, and late claims are accepted only in exceptional cases."),
    (HCF, "attribution",
     "You can also claim by post using form HC5(T), which the Patient Services Team can send you.",
     "Claims can also be made by post on form HC5(T), which the Patient Services Team can send to you.",
     "Claims can also be made by post on form HC5(T), which the Cashier's Office can send to you.",
     "You cannot claim by post using form HC5(T), which the Patient Services Team can send you.",
     "You can also claim by post using form HC5(T), which the Patient Services Team can send you, and the money is paid straight into your bank account."),
    (HCF, "modality",
     "If you tick a box on the back of the prescription form to say you are entitled to free prescriptions when you are not, you may be sent a penalty charge of up to £120 as well as the charges you should have paid.",
     "Anyone who ticks a box on the back of the prescription form claiming free prescriptions they are not entitled to could receive a penalty charge of as much as £120, on top of the charges they should have paid.",
     "Anyone who ticks a box on the back of the prescription form claiming free prescriptions they are not entitled to will receive a penalty charge of as much as £120, on top of the charges they should have paid.",
     "If you tick a box on the back of the prescription form to say you are entitled to free prescriptions when you are not, you cannot be sent a penalty charge of up to £120 as well as the charges you should have paid.",
     "If you tick a box on the back of the prescription form to say you are entitled to free prescriptions when you are not, you may be sent a penalty charge of up to £120 as well as the charges you should have paid, and repeat cases may be passed to the NHS Counter Fraud Authority."),

    # ---------------- atw-medicines-waste-plan (PDF; furniture dropped, "phar-"/"macy" rejoined) ----------------
    (MWP, "scope",
     "Every year about £4.3 million of NHS medicines prescribed in Ambersett and Trewlow are never used.",
     "Around £4.3 million worth of NHS medicines prescribed in Ambersett and Trewlow go unused each year.",
     "Around £4.3 million worth of NHS medicines prescribed across England go unused each year.",
     "Every year about £4.3 million of NHS medicines prescribed in Ambersett and Trewlow are used in full, with no waste.",
     "Every year about £4.3 million of NHS medicines prescribed in Ambersett and Trewlow are never used, which is enough to pay for around 100 nurses."),
    (MWP, "attribution",
     "Practice pharmacists will offer a structured medication review to everyone who takes 10 or more medicines.",
     "Everyone taking 10 or more medicines will be offered a structured medication review by a practice pharmacist.",
     "Everyone taking 10 or more medicines will be offered a structured medication review by their community pharmacy.",
     "Practice pharmacists will not offer a structured medication review to everyone who takes 10 or more medicines.",
     "Practice pharmacists will offer a structured medication review to everyone who takes 10 or more medicines, starting with people who live on their own."),
    (MWP, "modality",
     "We aim to carry out 12,000 of these reviews in the year to March 2029.",
     "The aim is to complete 12,000 structured medication reviews in the year up to March 2029.",
     "12,000 structured medication reviews will be completed in the year up to March 2029.",
     "We do not aim to carry out 12,000 of these reviews in the year to March 2029.",
     "We aim to carry out 12,000 of these reviews in the year to March 2029, twice as many as in the year before."),
    (MWP, "cause",
     "A pharmacist from our Care Homes Medicines Team will visit each of the 46 care homes in Ambersett and Trewlow at least twice a year, to check how medicines are ordered and stored and to help homes order only what residents need for each 28-day cycle.",
     "At least twice a year, each of the 46 care homes in Ambersett and Trewlow will be visited by a pharmacist from the Care Homes Medicines Team, who will check how medicines are ordered and stored and help the home order only what its residents need for every 28-day cycle.",
     "At least twice a year, each of the 46 care homes in Ambersett and Trewlow will be visited by a pharmacist from the Care Homes Medicines Team, who will train care staff to give medicines to residents safely.",
     "A pharmacist from our Care Homes Medicines Team will not visit the 46 care homes in Ambersett and Trewlow to check how medicines are ordered and stored or to help homes order only what residents need for each 28-day cycle.",
     "A pharmacist from our Care Homes Medicines Team will visit each of the 46 care homes in Ambersett and Trewlow at least twice a year, to check how medicines are ordered and stored and to help homes order only what residents need for each 28-day cycle. Homes that cut their waste the most will be named in our annual report."),
    (MWP, "cause",
     "Used inhalers should go back to the pharmacy too, because many contain gases that add to climate change when they are thrown away with ordinary rubbish.",
     "Since many inhalers contain gases that add to climate change if they are put out with ordinary rubbish, used ones should also be returned to the pharmacy.",
     "Since many inhalers can be refilled and handed out again, used ones should also be returned to the pharmacy.",
     "Used inhalers should not go back to the pharmacy, because many contain gases that add to climate change when they are thrown away with ordinary rubbish.",
     "Used inhalers should go back to the pharmacy too, because many contain gases that add to climate change when they are thrown away with ordinary rubbish, and the pharmacist can tell you whether a lower-carbon inhaler would suit you."),
    (MWP, "timing",
     "Because of this, paper repeat slips will stay, and every patient whose pharmacy orders for them now will get a letter by 30 September 2027.",
     "In response to what people told us, paper repeat slips are being kept, and every patient whose pharmacy currently orders for them will be sent a letter by 30 September 2027.",
     "In response to what people told us, paper repeat slips are being kept, and every patient whose pharmacy currently orders for them will be sent a letter by 31 October 2027.",
     "Because of this, paper repeat slips will not stay, and every patient whose pharmacy orders for them now will get a letter by 30 September 2027.",
     "Because of this, paper repeat slips will stay, and every patient whose pharmacy orders for them now will get a letter by 30 September 2027, explaining how to order from their GP practice."),
    (MWP, "added_claim",
     "The plan will cost £380,000 over two years, mostly for practice pharmacist time and the Care Homes Medicines Team.",
     "Over two years, the plan will cost £380,000, most of which will go on practice pharmacist time and the Care Homes Medicines Team.",
     "Over two years, the plan will cost £380,000, most of which will go on practice pharmacist time and the Care Homes Medicines Team, with the rest paying for a publicity campaign.",
     "The plan will cost £380,000 over two years, and none of it is for practice pharmacist time or the Care Homes Medicines Team.",
     "The plan will cost £380,000 over two years, mostly for practice pharmacist time and the Care Homes Medicines Team, and it will be paid for from the ICB's prescribing budget."),
    (MWP, "direction",
     "We aim to bring the weight of medicines returned to pharmacies down to 30 tonnes a year.",
     "The goal is to reduce the weight of medicines handed back to pharmacies to 30 tonnes a year.",
     "The goal is to raise the weight of medicines handed back to pharmacies to 30 tonnes a year.",
     "We do not aim to bring the weight of medicines returned to pharmacies down to 30 tonnes a year.",
     "We aim to bring the weight of medicines returned to pharmacies down to 30 tonnes a year, and we will publish the figure for each pharmacy."),

    # ---------------- atw-unused-medicines-page (main element; page-review box dropped) ----------------
    (UMP, "modality",
     "Medicines thrown away like this can get into rivers and harm wildlife, and medicines left in a cupboard can be taken by children or pets by mistake.",
     "When medicines are put in the household bin, flushed down the toilet or poured down the sink, they can end up in rivers and hurt wildlife, and children or pets can accidentally take medicines kept in a cupboard.",
     "When medicines are put in the household bin, flushed down the toilet or poured down the sink, they will end up in rivers and hurt wildlife, and children or pets can accidentally take medicines kept in a cupboard.",
     "Medicines thrown away like this cannot get into rivers or harm wildlife, and medicines left in a cupboard can be taken by children or pets by mistake.",
     "Medicines thrown away like this can get into rivers and harm wildlife, and medicines left in a cupboard can be taken by children or pets by mistake. Every year hundreds of young children in England need hospital treatment after swallowing medicines at home."),
    (UMP, "cause",
     "The pharmacy cannot be sure they have been stored at the right temperature or kept away from damp and light, so they all have to be destroyed.",
     "Because the pharmacy has no way of knowing whether medicines that have left it were kept at the right temperature and away from damp and light, every one of them has to be destroyed.",
     "Because the pharmacy is not allowed to sell on a medicine that has already been paid for, every one of them has to be destroyed.",
     "The pharmacy can be sure they have been stored at the right temperature and kept away from damp and light, so they do not have to be destroyed.",
     "The pharmacy cannot be sure they have been stored at the right temperature or kept away from damp and light, so they all have to be destroyed, which costs the NHS money on top of the price of the medicine."),
    (UMP, "added_claim",
     "If you are housebound, a friend, relative or carer can take your unused medicines to the pharmacy for you.",
     "People who are housebound can have a friend, relative or carer return their unused medicines to the pharmacy for them.",
     "People who are housebound can have a friend, relative or carer return their unused medicines to the pharmacy for them, as long as the helper brings a note signed by the housebound person.",
     "If you are housebound, a friend, relative or carer cannot take your unused medicines to the pharmacy for you.",
     "If you are housebound, a friend, relative or carer can take your unused medicines to the pharmacy for you, and they do not need to show any ID."),
    (UMP, "direction",
     "If there is no one who can help, the Medicines Collection service run by Trewlow Good Neighbours can pick them up from your home and take them to a pharmacy.",
     "Where nobody can help, Trewlow Good Neighbours’ Medicines Collection service can collect your unused medicines from your home and deliver them to a pharmacy.",
     "Where nobody can help, Trewlow Good Neighbours’ Medicines Collection service can collect your unused medicines from a pharmacy and deliver them to your home.",
     "If there is no one who can help, the Medicines Collection service run by Trewlow Good Neighbours cannot pick them up from your home or take them to a pharmacy.",
     "If there is no one who can help, the Medicines Collection service run by Trewlow Good Neighbours can pick them up from your home and take them to a pharmacy, and the volunteer can also bring back any new prescription that is ready."),
    (UMP, "timing",
     "A volunteer will usually collect within 5 working days and will show you their Good Neighbours badge.",
     "Collection is normally made by a volunteer within 5 working days, and they will show you their Good Neighbours badge.",
     "Collection is normally made by a volunteer within 2 working days, and they will show you their Good Neighbours badge.",
     "A volunteer will not usually collect within 5 working days and will show you their Good Neighbours badge.",
     "A volunteer will usually collect within 5 working days and will show you their Good Neighbours badge. They will give you a receipt listing what they have taken."),
    (UMP, "modality",
     "Medicines that belonged to someone who has died should also be taken back to a pharmacy.",
     "A pharmacy is also where the medicines of a person who has died should be returned.",
     "A pharmacy is also where the medicines of a person who has died must be returned.",
     "Medicines that belonged to someone who has died should not be taken back to a pharmacy.",
     "Medicines that belonged to someone who has died should also be taken back to a pharmacy, and you can ask the pharmacist for a receipt."),
    (UMP, "attribution",
     "If the person lived in a care home, the home will return them for you.",
     "Where the person was living in a care home, the care home will take their medicines back to the pharmacy for you.",
     "Where the person was living in a care home, their GP practice will take their medicines back to the pharmacy for you.",
     "If the person lived in a care home, the home will not return them for you.",
     "If the person lived in a care home, the home will return them for you, and it will let you know when it has done so."),
    (UMP, "scope",
     "From Monday 1 November 2027, most community pharmacies in our area will no longer order repeat prescriptions for you, and you will order them yourself from your GP practice.",
     "Starting on Monday 1 November 2027, most local community pharmacies will stop ordering repeat prescriptions for you, and you will instead order them yourself from your GP practice.",
     "Starting on Monday 1 November 2027, every community pharmacy in the area will stop ordering repeat prescriptions for you, and you will instead order them yourself from your GP practice.",
     "From Monday 1 November 2027, most community pharmacies in our area will still order repeat prescriptions for you, and you will not need to order them yourself from your GP practice.",
     "From Monday 1 November 2027, most community pharmacies in our area will no longer order repeat prescriptions for you, and you will order them yourself from your GP practice. Practices will hold extra drop-in sessions in October to help people get ready."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "a%03d" % i, "corpus": "ambersett", "doc_id": doc,
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
# page furniture kept inside <article>/<main> on these pages: share links (news),
# "Was this page helpful?" buttons (news, outside the article anyway) and the
# "Page last reviewed / Next review due" box (unused medicines page)
FURNITURE_DIVS = ("cookie-banner", "share-links", "page-feedback", "page-review")


def html_text(raw):
    t = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", raw)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    # page furniture: header, navigation, asides, the site footer, cookie banner and the divs above.
    # Only the site footer is dropped: the news page's <blockquote> <footer> lines (who is quoted)
    # are part of the article a reader sees.
    t = re.sub(r"(?is)<(header|nav|aside)\b.*?</\1>", " ", t)
    t = re.sub(r"(?is)<footer\b[^>]*class=\"site-footer\"[^>]*>.*?</footer>", " ", t)
    for cls in FURNITURE_DIVS:
        t = re.sub(r"(?is)<div\b[^>]*class=\"%s\"[^>]*>.*?</div>" % cls, " ", t)
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
    re.compile(r"^NHS Ambersett and Trewlow Integrated Care Board\s+\|\s+.*$"),  # running header
    re.compile(r"^atw-icb\.example/\S+$"),                                      # header URL
    re.compile(r"^Page \d+ of \d+$"),                                           # page number
    re.compile(r"^[\x7f\u2022]$"),                                              # bullet glyph on its own line
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
    # one word is hyphenated across a line end ("phar-" / "macy"): rejoin lower-case halves
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
        if not re.fullmatch(r"a0[0-4]\d", rid) or not (1 <= int(rid[1:]) <= 40):
            errors.append("%s: bad id" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["corpus"] != "ambersett":
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
    if sorted(ids) != ["a%03d" % i for i in range(1, 41)]:
        errors.append("ids do not run a001-a040")
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
