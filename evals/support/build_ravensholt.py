#!/usr/bin/env python3
"""Build and check the blind Ravensholt support-check table (triples-ravensholt.jsonl).

Standard library only. Run: python3 build_ravensholt.py
Writes triples-ravensholt.jsonl next to this file, then validates it.

The corpus folder is found in this order: $RAVENSHOLT_CORPUS, ../corpora/ravensholt/corpus
(when this file sits in evals/support/), /work/main/evals/corpora/ravensholt/corpus.
"""
import html
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))


def _corpus_dir():
    cands = [os.environ.get("RAVENSHOLT_CORPUS"),
             os.path.normpath(os.path.join(HERE, "..", "corpora", "ravensholt", "corpus")),
             "/work/main/evals/corpora/ravensholt/corpus"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "manifest.yaml")):
            return c
    raise SystemExit("cannot find the Ravensholt corpus folder (set RAVENSHOLT_CORPUS)")


CORPUS_DIR = _corpus_dir()
OUT = os.path.join(HERE, "triples-ravensholt.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]

PHN = "ravensholt-pharmacy-checks-news"
CWG = "ravensholt-connect-well-guide"
BEF = "ravensholt-breathe-easy-faq"
APL = "ravensholt-annual-plan-2026-27"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- ravensholt-pharmacy-checks-news (article text only) ----------------
    (PHN, "timing",
     "From Wednesday 1 April 2026, 41 community pharmacies across Ravensholt and Tarn will offer free NHS blood pressure checks and the contraceptive pill without the need for a GP appointment.",
     "Starting on Wednesday 1 April 2026, people will be able to get a free NHS blood pressure check and the contraceptive pill at 41 community pharmacies in Ravensholt and Tarn, with no GP appointment needed.",
     "Starting on Wednesday 15 April 2026, people will be able to get a free NHS blood pressure check and the contraceptive pill at 41 community pharmacies in Ravensholt and Tarn, with no GP appointment needed.",
     "From Wednesday 1 April 2026, 41 community pharmacies across Ravensholt and Tarn will not offer free NHS blood pressure checks or the contraceptive pill without the need for a GP appointment.",
     "From Wednesday 1 April 2026, 41 community pharmacies across Ravensholt and Tarn will offer free NHS blood pressure checks and the contraceptive pill without the need for a GP appointment, with a further 15 pharmacies expected to join the scheme in the autumn."),
    (PHN, "attribution",
     "NHS Ravensholt and Tarn Integrated Care Board (ICB) is investing £680,000 over two years in the scheme, which is being delivered with the Ravensholt and Tarn Local Pharmaceutical Committee (LPC).",
     "The scheme is being delivered together with the Ravensholt and Tarn Local Pharmaceutical Committee (LPC), and NHS Ravensholt and Tarn ICB is putting £680,000 into it over two years.",
     "The scheme is being delivered together with Ravensholt Borough Council, and NHS Ravensholt and Tarn ICB is putting £680,000 into it over two years.",
     "NHS Ravensholt and Tarn Integrated Care Board (ICB) is not investing £680,000 over two years in the scheme, which is not being delivered with the Ravensholt and Tarn Local Pharmaceutical Committee (LPC).",
     "NHS Ravensholt and Tarn Integrated Care Board (ICB) is investing £680,000 over two years in the scheme, which is being delivered with the Ravensholt and Tarn Local Pharmaceutical Committee (LPC). Half of the money will pay for training pharmacists and fitting out consultation rooms."),
    (PHN, "modality",
     "The ICB expects pharmacies to carry out around 9,500 blood pressure checks in the first year.",
     "In the first year, the ICB anticipates that pharmacies will do roughly 9,500 blood pressure checks.",
     "In the first year, the ICB guarantees that pharmacies will do roughly 9,500 blood pressure checks.",
     "The ICB does not expect pharmacies to carry out around 9,500 blood pressure checks in the first year.",
     "The ICB expects pharmacies to carry out around 9,500 blood pressure checks in the first year, rising to 12,000 in the second year."),
    (PHN, "scope",
     "You can walk in for a free check if you are aged 40 or over and have not had your blood pressure measured in the last six months.",
     "If you are 40 or older and your blood pressure has not been taken in the past six months, you can walk in and get a free check.",
     "If you are an adult and your blood pressure has not been taken in the past six months, you can walk in and get a free check.",
     "You cannot walk in for a free check if you are aged 40 or over and have not had your blood pressure measured in the last six months.",
     "You can walk in for a free check if you are aged 40 or over and have not had your blood pressure measured in the last six months, and you can bring a family member along to be checked at the same visit."),
    (PHN, "modality",
     "If your reading is 140/90 or higher, the pharmacist may offer you ambulatory blood pressure monitoring (ABPM).",
     "The pharmacist might offer you ambulatory blood pressure monitoring (ABPM) if your reading comes out at 140/90 or above.",
     "The pharmacist will offer you ambulatory blood pressure monitoring (ABPM) if your reading comes out at 140/90 or above.",
     "If your reading is 140/90 or higher, the pharmacist will not offer you ambulatory blood pressure monitoring (ABPM).",
     "If your reading is 140/90 or higher, the pharmacist may offer you ambulatory blood pressure monitoring (ABPM). If it is 180/120 or higher, you will be told to go to A&E the same day."),
    (PHN, "attribution",
     "The pharmacy will send your ABPM results to your GP practice, who will contact you if you need treatment.",
     "Your ABPM results will be passed by the pharmacy to your GP practice, and the practice will get in touch if you need treatment.",
     "Your ABPM results will be passed by the pharmacy to your GP practice, and the pharmacist will get in touch if you need treatment.",
     "The pharmacy will not send your ABPM results to your GP practice, who will not contact you even if you need treatment.",
     "The pharmacy will send your ABPM results to your GP practice, who will contact you if you need treatment, usually within two weeks of the monitor being returned."),
    (PHN, "direction",
     "A pharmacist can supply up to 12 months of pills at a time.",
     "At any one time, a pharmacist can give you as much as 12 months' supply of pills.",
     "At any one time, a pharmacist can give you no less than 12 months' supply of pills.",
     "A pharmacist cannot supply 12 months of pills at a time.",
     "A pharmacist can supply up to 12 months of pills at a time, although your first supply will usually cover three months."),
    (PHN, "added_claim",
     "Young people under 16 can get confidential advice and contraception from the Tarnside Sexual Health Clinic on 01632 960377.",
     "The Tarnside Sexual Health Clinic, on 01632 960377, offers young people under 16 confidential advice and contraception.",
     "The Tarnside Sexual Health Clinic, on 01632 960377, offers young people under 16 confidential advice, STI testing and contraception.",
     "Young people under 16 cannot get confidential advice and contraception from the Tarnside Sexual Health Clinic on 01632 960377.",
     "Young people under 16 can get confidential advice and contraception from the Tarnside Sexual Health Clinic on 01632 960377. The clinic runs a walk-in session for under-25s every Wednesday afternoon."),
    (PHN, "scope",
     "Twelve of the 41 pharmacies are open on Sundays.",
     "Of the 41 pharmacies taking part, 12 open on a Sunday.",
     "Of the 41 pharmacies taking part, most open on a Sunday.",
     "None of the 41 pharmacies is open on Sundays.",
     "Twelve of the 41 pharmacies are open on Sundays, and three of them stay open until 10pm on weekdays."),
    (PHN, "cause",
     "Bringing checks into the high street means people can get tested while they collect a prescription or do their shopping.",
     "Because the checks are on the high street, people can get tested when they are collecting a prescription or out shopping.",
     "Because the checks are on the high street, people can get tested without having to take time off work.",
     "Bringing checks into the high street does not mean people can get tested while they collect a prescription or do their shopping.",
     "Bringing checks into the high street means people can get tested while they collect a prescription or do their shopping. It should also free up GP appointments for the patients who need them most."),

    # ---------------- ravensholt-connect-well-guide (Markdown) ----------------
    (CWG, "scope",
     "Connect Well is the social prescribing service for adults in Ravensholt and Tarn.",
     "Ravensholt and Tarn's social prescribing service for adults is called Connect Well.",
     "Ravensholt and Tarn's social prescribing service for people of all ages is called Connect Well.",
     "Connect Well is not the social prescribing service for adults in Ravensholt and Tarn.",
     "Connect Well is the social prescribing service for adults in Ravensholt and Tarn. It began in 2019 as a pilot in two Tarnbridge GP practices."),
    (CWG, "attribution",
     "The service is run by Tarn Community Action (TCA), a local charity, on behalf of NHS Ravensholt and Tarn Integrated Care Board (ICB) and the nine primary care networks (PCNs) in our area.",
     "Tarn Community Action (TCA), a local charity, runs the service for NHS Ravensholt and Tarn ICB and the area's nine primary care networks.",
     "Citizens Advice Ravensholt, a local charity, runs the service for NHS Ravensholt and Tarn ICB and the area's nine primary care networks.",
     "The service is not run by Tarn Community Action (TCA), a local charity, on behalf of NHS Ravensholt and Tarn Integrated Care Board (ICB) and the nine primary care networks (PCNs) in our area.",
     "The service is run by Tarn Community Action (TCA), a local charity, on behalf of NHS Ravensholt and Tarn Integrated Care Board (ICB) and the nine primary care networks (PCNs) in our area, under a three-year contract that runs until March 2028."),
    (CWG, "attribution",
     "There are 23 link workers in the team, managed by Ruth Calloway, Connect Well Service Manager at TCA.",
     "The team has 23 link workers, who are managed by TCA's Connect Well Service Manager, Ruth Calloway.",
     "The team has 23 link workers, who are managed by the ICB's Connect Well Service Manager, Ruth Calloway.",
     "There are not 23 link workers in the team, and they are not managed by Ruth Calloway, Connect Well Service Manager at TCA.",
     "There are 23 link workers in the team, managed by Ruth Calloway, Connect Well Service Manager at TCA, and each link worker supports around 40 people at any one time."),
    (CWG, "timing",
     "You can have up to six sessions with your link worker over 12 weeks.",
     "Over a 12-week period, you can see your link worker for as many as six sessions.",
     "Over an 8-week period, you can see your link worker for as many as six sessions.",
     "You cannot have six sessions with your link worker over 12 weeks.",
     "You can have up to six sessions with your link worker over 12 weeks, and you can ask for a further block of sessions if you need more help."),
    (CWG, "direction",
     "The first session lasts about an hour; later sessions are usually 30 minutes.",
     "Your first session will take roughly an hour, while the ones after it normally last half an hour.",
     "Your first session will take roughly half an hour, while the ones after it normally last an hour.",
     "The first session does not last about an hour, and later sessions are not usually 30 minutes.",
     "The first session lasts about an hour; later sessions are usually 30 minutes. Your link worker may offer a longer session if you need help filling in forms."),
    (CWG, "added_claim",
     "Sessions can be face to face at one of our hubs, by phone, or at home if you are housebound.",
     "You can have your sessions by phone, in person at one of the hubs, or at home if you are housebound.",
     "You can have your sessions by phone, by video call, in person at one of the hubs, or at home if you are housebound.",
     "Sessions cannot be face to face at one of our hubs, by phone, or at home, even if you are housebound.",
     "Sessions can be face to face at one of our hubs, by phone, or at home if you are housebound, and you can bring a friend or family member with you."),
    (CWG, "cause",
     "A link worker will contact you within 10 working days to arrange your first session.",
     "Within 10 working days, a link worker will get in touch with you to set up your first session.",
     "Within 10 working days, a link worker will get in touch with you to check that you are eligible for the service.",
     "A link worker will not contact you within 10 working days to arrange your first session.",
     "A link worker will contact you within 10 working days to arrange your first session. If you have not heard by then, you can call the Connect Well line again."),
    (CWG, "modality",
     "Your link worker can apply for a one-off Getting Started grant of up to £75 to help with things like class fees, kit or bus fares.",
     "To help pay for things such as class fees, kit or bus fares, your link worker is able to apply for a one-off Getting Started grant of as much as £75.",
     "To help pay for things such as class fees, kit or bus fares, your link worker will apply for a one-off Getting Started grant of as much as £75.",
     "Your link worker cannot apply for a one-off Getting Started grant of up to £75 to help with things like class fees, kit or bus fares.",
     "Your link worker can apply for a one-off Getting Started grant of up to £75 to help with things like class fees, kit or bus fares, and most applications are decided within a week."),
    (CWG, "direction",
     "Grants are paid directly to the group or provider, not to you.",
     "The money does not go to you; grants are paid straight to the group or provider.",
     "The money does not go to the group or provider; grants are paid straight to you.",
     "Grants are not paid directly to the group or provider.",
     "Grants are paid directly to the group or provider, not to you, once the group has sent an invoice to TCA."),
    (CWG, "scope",
     "Of those who filled in our feedback form, 87% said they felt more in control of their health and wellbeing after working with a link worker.",
     "Among people who completed the feedback form, 87% reported feeling more in control of their health and wellbeing after working with a link worker.",
     "Among everyone Connect Well supported, 87% reported feeling more in control of their health and wellbeing after working with a link worker.",
     "Of those who filled in our feedback form, 87% said they did not feel more in control of their health and wellbeing after working with a link worker.",
     "Of those who filled in our feedback form, 87% said they felt more in control of their health and wellbeing after working with a link worker. Around two in three also said they felt less lonely."),

    # ---------------- ravensholt-breathe-easy-faq (plain text) ----------------
    (BEF, "cause",
     "Breathe Easy Tarn is a programme to improve the care of children and young people with asthma and to reduce their exposure to polluted air, at home, at school and outdoors.",
     "The aim of Breathe Easy Tarn is to improve care for children and young people with asthma and to cut how much polluted air they are exposed to, whether at home, at school or outdoors.",
     "The aim of Breathe Easy Tarn is to reduce hospital admissions for children and young people with asthma and to cut how much polluted air they are exposed to, whether at home, at school or outdoors.",
     "Breathe Easy Tarn is not a programme to improve the care of children and young people with asthma or to reduce their exposure to polluted air, at home, at school and outdoors.",
     "Breathe Easy Tarn is a programme to improve the care of children and young people with asthma and to reduce their exposure to polluted air, at home, at school and outdoors. It is one of three similar programmes being tested in the North of England."),
    (BEF, "timing",
     "It was launched in September 2025 by NHS Ravensholt and Tarn Integrated Care Board (ICB), working with Ravensholt Borough Council and Tarn District Council.",
     "NHS Ravensholt and Tarn ICB launched Breathe Easy Tarn in September 2025, together with Ravensholt Borough Council and Tarn District Council.",
     "NHS Ravensholt and Tarn ICB launched Breathe Easy Tarn in September 2024, together with Ravensholt Borough Council and Tarn District Council.",
     "It was not launched in September 2025 by NHS Ravensholt and Tarn Integrated Care Board (ICB), working with Ravensholt Borough Council and Tarn District Council.",
     "It was launched in September 2025 by NHS Ravensholt and Tarn Integrated Care Board (ICB), working with Ravensholt Borough Council and Tarn District Council, after a pilot in four Tarnbridge schools the year before."),
    (BEF, "cause",
     "Children under 5 who wheeze are supported by their health visitor and GP, because asthma is not usually diagnosed at that age.",
     "Because asthma is not usually diagnosed at that age, children under 5 who wheeze get support from their health visitor and GP.",
     "Because inhalers are hard for children that young to use, children under 5 who wheeze get support from their health visitor and GP.",
     "Children under 5 who wheeze are not supported by their health visitor and GP, because asthma is not usually diagnosed at that age.",
     "Children under 5 who wheeze are supported by their health visitor and GP, because asthma is not usually diagnosed at that age, and they can join the programme when they turn 5 if asthma is confirmed."),
    (BEF, "modality",
     "Every child with asthma should have an asthma review with their GP practice at least once a year.",
     "At least once a year, each child who has asthma ought to have an asthma review at their GP practice.",
     "At least once a year, each child who has asthma must have an asthma review at their GP practice.",
     "Children with asthma should not need a yearly asthma review with their GP practice.",
     "Every child with asthma should have an asthma review with their GP practice at least once a year. Practices send a text reminder when the review is due."),
    (BEF, "attribution",
     "The Children's Asthma Nurse Team is a group of six specialist nurses led by Joanne Pickersgill, Lead Children's Asthma Nurse.",
     "Joanne Pickersgill, the Lead Children's Asthma Nurse, leads the Children's Asthma Nurse Team, which is made up of six specialist nurses.",
     "Dr Samir Qureshi leads the Children's Asthma Nurse Team, which is made up of six specialist nurses.",
     "The Children's Asthma Nurse Team is not a group of six specialist nurses led by Joanne Pickersgill, Lead Children's Asthma Nurse.",
     "The Children's Asthma Nurse Team is a group of six specialist nurses led by Joanne Pickersgill, Lead Children's Asthma Nurse. Two more nurses are due to join the team in the spring."),
    (BEF, "added_claim",
     "GPs, school nurses and hospital staff can refer to the team.",
     "Referrals to the team can come from GPs, school nurses and hospital staff.",
     "Referrals to the team can come from GPs, school nurses, pharmacists and hospital staff.",
     "GPs, school nurses and hospital staff cannot refer to the team.",
     "GPs, school nurses and hospital staff can refer to the team, and most children referred are seen within four weeks."),
    (BEF, "timing",
     "Families can call the team for advice on 01632 960583, Monday to Friday, 8.30am to 4.30pm.",
     "For advice, families can phone the team on 01632 960583 between 8.30am and 4.30pm on weekdays.",
     "For advice, families can phone the team on 01632 960583 between 8.30am and 5.30pm on weekdays.",
     "Families cannot call the team for advice on 01632 960583, Monday to Friday, 8.30am to 4.30pm.",
     "Families can call the team for advice on 01632 960583, Monday to Friday, 8.30am to 4.30pm. Outside these hours, calls go to an answerphone that is checked each morning."),
    (BEF, "scope",
     "If you own your home or rent privately, the councils' Healthy Homes team can visit for a free home assessment.",
     "The councils' Healthy Homes team can come and do a free home assessment if you are a homeowner or a private tenant.",
     "The councils' Healthy Homes team can come and do a free home assessment whatever kind of home you live in.",
     "If you own your home or rent privately, the councils' Healthy Homes team cannot visit for a free home assessment.",
     "If you own your home or rent privately, the councils' Healthy Homes team can visit for a free home assessment, usually within six weeks of your request."),
    (BEF, "modality",
     "Families of a child with asthma may be eligible for a Healthy Homes grant of up to £3,500 for work such as extractor fans, ventilation or fixing leaks.",
     "Families who have a child with asthma could qualify for a Healthy Homes grant of as much as £3,500 to pay for work like extractor fans, ventilation or fixing leaks.",
     "Families who have a child with asthma will qualify for a Healthy Homes grant of as much as £3,500 to pay for work like extractor fans, ventilation or fixing leaks.",
     "Families of a child with asthma are not eligible for a Healthy Homes grant of up to £3,500 for work such as extractor fans, ventilation or fixing leaks.",
     "Families of a child with asthma may be eligible for a Healthy Homes grant of up to £3,500 for work such as extractor fans, ventilation or fixing leaks, and the grant does not have to be paid back."),
    (BEF, "direction",
     "It sends a warning the evening before a day when air pollution is forecast to be high, with tips such as carrying a reliever inhaler and avoiding busy roads.",
     "AirAlert Tarn warns you on the evening before any day when high air pollution is forecast, and gives tips such as avoiding busy roads and carrying a reliever inhaler.",
     "AirAlert Tarn warns you on the evening after any day when air pollution has been high, and gives tips such as avoiding busy roads and carrying a reliever inhaler.",
     "It does not send a warning the evening before a day when air pollution is forecast to be high, with tips such as carrying a reliever inhaler and avoiding busy roads.",
     "It sends a warning the evening before a day when air pollution is forecast to be high, with tips such as carrying a reliever inhaler and avoiding busy roads. Around 4,000 families have signed up so far."),

    # ---------------- ravensholt-annual-plan-2026-27 (DOCX) ----------------
    (APL, "added_claim",
     "We plan and pay for NHS services for 612,000 people, working with Ravensholt Borough Council, Tarn District Council, three NHS trusts, 72 GP practices and many voluntary, community and social enterprise (VCSE) organisations.",
     "Working alongside Ravensholt Borough Council, Tarn District Council, three NHS trusts, 72 GP practices and many voluntary, community and social enterprise (VCSE) organisations, the ICB plans and pays for NHS services for 612,000 people.",
     "Working alongside Ravensholt Borough Council, Tarn District Council, three NHS trusts, 72 GP practices, 41 community pharmacies and many voluntary, community and social enterprise (VCSE) organisations, the ICB plans and pays for NHS services for 612,000 people.",
     "We do not plan and pay for NHS services for 612,000 people, and we do not work with Ravensholt Borough Council, Tarn District Council, three NHS trusts, 72 GP practices or voluntary, community and social enterprise (VCSE) organisations.",
     "We plan and pay for NHS services for 612,000 people, working with Ravensholt Borough Council, Tarn District Council, three NHS trusts, 72 GP practices and many voluntary, community and social enterprise (VCSE) organisations, and we employ around 400 staff."),
    (APL, "cause",
     "Like every part of the NHS, we must live within our means, so this plan concentrates on a small number of priorities where we believe we can make the biggest difference.",
     "Because we have to live within our means, as every part of the NHS does, this plan focuses on a few priorities where we think we can make the most difference.",
     "Because residents asked us for a shorter plan, this plan focuses on a few priorities where we think we can make the most difference.",
     "Like every part of the NHS, we must live within our means, but this plan does not concentrate on a small number of priorities where we believe we can make the biggest difference.",
     "Like every part of the NHS, we must live within our means, so this plan concentrates on a small number of priorities where we believe we can make the biggest difference. Work that does not support these priorities will be reviewed during the year."),
    (APL, "attribution",
     "Residents tell us that getting through to their GP practice is their biggest frustration.",
     "According to residents, their biggest frustration is getting through to their GP practice.",
     "According to GP practice staff, patients' biggest frustration is getting through to their GP practice.",
     "Residents tell us that getting through to their GP practice is not their biggest frustration.",
     "Residents tell us that getting through to their GP practice is their biggest frustration. In our last survey, two in five said they had given up trying to book an appointment."),
    (APL, "direction",
     "At the end of January 2026, 1,930 people had been waiting more than a year for planned hospital treatment.",
     "At the end of January 2026, there were 1,930 people who had been waiting for planned hospital treatment for longer than a year.",
     "At the end of January 2026, there were 1,930 people who had been waiting for planned hospital treatment for less than a year.",
     "At the end of January 2026, no one had been waiting more than a year for planned hospital treatment.",
     "At the end of January 2026, 1,930 people had been waiting more than a year for planned hospital treatment, most of them for orthopaedic operations such as hip and knee replacements."),
    (APL, "modality",
     "Our aim is that nobody waits more than 52 weeks by March 2027.",
     "We are aiming for no one to be waiting longer than 52 weeks by March 2027.",
     "We will make sure no one is waiting longer than 52 weeks by March 2027.",
     "We do not aim to stop people waiting more than 52 weeks by March 2027.",
     "Our aim is that nobody waits more than 52 weeks by March 2027. To do this, some patients will be offered treatment at hospitals outside Ravensholt and Tarn."),
    (APL, "timing",
     "The new Tarnbridge Community Diagnostic Centre (CDC) will open in October 2026, offering scans, X-rays and blood tests away from the main hospital sites.",
     "Opening in October 2026, the new Tarnbridge Community Diagnostic Centre (CDC) will offer scans, X-rays and blood tests away from the main hospital sites.",
     "Opening in September 2026, the new Tarnbridge Community Diagnostic Centre (CDC) will offer scans, X-rays and blood tests away from the main hospital sites.",
     "The new Tarnbridge Community Diagnostic Centre (CDC) will not open in October 2026 and will not offer scans, X-rays and blood tests away from the main hospital sites.",
     "The new Tarnbridge Community Diagnostic Centre (CDC) will open in October 2026, offering scans, X-rays and blood tests away from the main hospital sites, and it will be open seven days a week."),
    (APL, "direction",
     "Our dementia diagnosis rate is 61.2%, below the national ambition of 66.7%.",
     "At 61.2%, our dementia diagnosis rate falls short of the national ambition of 66.7%.",
     "At 61.2%, our dementia diagnosis rate is above the national ambition of 66.7%.",
     "Our dementia diagnosis rate of 61.2% is not below the national ambition of 66.7%.",
     "Our dementia diagnosis rate is 61.2%, below the national ambition of 66.7%, and it has fallen slightly over the past two years."),
    (APL, "scope",
     "We will reach 66.7% by March 2027 by opening a new memory assessment hub at Oxley Moor and training more GPs to diagnose dementia in care homes.",
     "Opening a new memory assessment hub at Oxley Moor and training more GPs to diagnose dementia in care homes will take us to 66.7% by March 2027.",
     "Opening a new memory assessment hub at Oxley Moor and training every GP to diagnose dementia in care homes will take us to 66.7% by March 2027.",
     "We will not reach 66.7% by March 2027 by opening a new memory assessment hub at Oxley Moor and training more GPs to diagnose dementia in care homes.",
     "We will reach 66.7% by March 2027 by opening a new memory assessment hub at Oxley Moor and training more GPs to diagnose dementia in care homes, and by offering memory checks in community pharmacies."),
    (APL, "added_claim",
     "We will also set up a Carers' Breaks Fund worth £250,000, so that unpaid carers of people with dementia can take a short break.",
     "So that unpaid carers of people with dementia can have a short break, we will also create a £250,000 Carers' Breaks Fund.",
     "So that unpaid carers of people with dementia can have a short break of up to a week, we will also create a £250,000 Carers' Breaks Fund.",
     "We will not set up a Carers' Breaks Fund worth £250,000, so unpaid carers of people with dementia will not be able to take a short break.",
     "We will also set up a Carers' Breaks Fund worth £250,000, so that unpaid carers of people with dementia can take a short break, with grants of up to £500 per carer."),
    (APL, "timing",
     "Carers will be able to apply through Tarn Carers Centre from September 2026.",
     "From September 2026, carers can apply via Tarn Carers Centre.",
     "From October 2026, carers can apply via Tarn Carers Centre.",
     "Carers will not be able to apply through Tarn Carers Centre from September 2026.",
     "Carers will be able to apply through Tarn Carers Centre from September 2026. Applications can be made online, by phone or in person."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "r%03d" % i, "corpus": "ravensholt", "doc_id": doc,
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
    # \s also matches no-break spaces (U+00A0), so "01632&nbsp;960377" becomes "01632 960377"
    return re.sub(r"\s+", " ", s).strip()


def public_docs():
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
    return {d for d, a in docs.items() if a == "public"}


INLINE_TAGS = r"(?:a|abbr|b|br|cite|code|em|i|small|span|strong|sub|sup|time|u)"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def html_text(raw):
    t = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", raw)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    m = re.search(r"(?is)<article\b[^>]*>(.*?)</article>", t)   # article text only
    if m:
        t = m.group(1)
    t = re.sub(r"(?is)<br\s*/?>", " ", t)
    t = re.sub(r"(?is)</?%s\b[^>]*>" % INLINE_TAGS, "", t)      # inline tags: no gap ("2026</strong>,")
    t = re.sub(r"(?s)<[^>]+>", " ", t)                          # block tags: a gap
    return html.unescape(t)


def md_text(raw):
    lines = []
    for line in raw.splitlines():
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)
        lines.append(line)
    return "\n".join(lines).replace("**", "")


def docx_text(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    paras = []
    for p in root.iter(W + "p"):
        parts = []
        for el in p.iter():
            if el.tag == W + "t":
                parts.append(el.text or "")
            elif el.tag == W + "tab":
                parts.append("\t")
            elif el.tag in (W + "br", W + "cr"):
                parts.append("\n")
        paras.append("".join(parts))
    return "\n".join(paras)


def visible_text(doc_id):
    names = [n for n in os.listdir(CORPUS_DIR) if os.path.splitext(n)[0] == doc_id]
    if len(names) != 1:
        raise SystemExit("cannot find a single file for %s: %r" % (doc_id, names))
    path = os.path.join(CORPUS_DIR, names[0])
    ext = os.path.splitext(path)[1].lower()
    if ext == ".docx":
        return ws(docx_text(path))
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
        if not re.fullmatch(r"r0[0-4]\d", rid) or not (1 <= int(rid[1:]) <= 40):
            errors.append("%s: bad id" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["corpus"] != "ravensholt":
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
        if r["doc_id"] not in texts:
            texts[r["doc_id"]] = visible_text(r["doc_id"])
        if src not in texts[r["doc_id"]]:
            errors.append("%s: source sentence not found verbatim in %s" % (rid, r["doc_id"]))
        for k in ("faithful_paraphrase", "unfaithful_paraphrase", "negated", "invented_clause"):
            if r[k] == src:
                errors.append("%s: %s identical to source" % (rid, k))
        if r["faithful_paraphrase"] == r["unfaithful_paraphrase"]:
            errors.append("%s: faithful == unfaithful" % rid)
        inv = r["invented_clause"]
        stem = src[:-1] if src.endswith(".") else src
        if not (inv.startswith(stem) and len(inv) > len(src) and inv[len(stem)] in ".,;"):
            errors.append("%s: invented_clause does not extend the source" % rid)
    if len(rows) != 40:
        errors.append("expected 40 rows, got %d" % len(rows))
    if sorted(ids) != ["r%03d" % i for i in range(1, 41)]:
        errors.append("ids do not run r001-r040")
    kinds = Counter(r.get("unfaithful_kind") for r in rows)
    for k in KINDS:
        if not 5 <= kinds.get(k, 0) <= 6:
            errors.append("kind %s used %d times (want 5-6)" % (k, kinds.get(k, 0)))
    for d in pub:
        if not any(r.get("doc_id") == d for r in rows):
            errors.append("public document %s has no rows" % d)
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
