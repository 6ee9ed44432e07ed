#!/usr/bin/env python3
"""Build and check the blind Tamberley support-check table (triples-tamberley.jsonl).

Run: /work/main/.venv/bin/python build_tamberley.py
(any Python 3 with pypdf installed; pypdf is needed only to read the PDF plan).
Writes triples-tamberley.jsonl next to this file, then validates it.

The corpus folder is found in this order: $TAMBERLEY_CORPUS, ../corpora/tamberley/corpus
(when this file sits in evals/support/), /work/main/evals/corpora/tamberley/corpus.
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
    cands = [os.environ.get("TAMBERLEY_CORPUS"),
             os.path.normpath(os.path.join(HERE, "..", "corpora", "tamberley", "corpus")),
             "/work/main/evals/corpora/tamberley/corpus"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "manifest.yaml")):
            return c
    raise SystemExit("cannot find the Tamberley corpus folder (set TAMBERLEY_CORPUS)")


CORPUS_DIR = _corpus_dir()
OUT = os.path.join(HERE, "triples-tamberley.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]
ROWS_PER_DOC = 8

PKH = "tmw-parkinsons-hub-news"
DSG = "tmw-child-day-surgery-guide"
VIS = "tmw-hospital-visiting-faq"
ALP = "tmw-childrens-allergy-plan"
ACP = "tmw-childrens-allergy-clinic-page"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- tmw-parkinsons-hub-news (article text only; ’ from &rsquo;) ----------------
    (PKH, "attribution",
     "The hub is run by Wrenfold Community Health NHS Trust, and consultant neurologists from Tamberley and Wrenfold Hospitals NHS Foundation Trust will hold clinics there every week.",
     "Wrenfold Community Health NHS Trust runs the hub, and every week consultant neurologists from Tamberley and Wrenfold Hospitals NHS Foundation Trust will hold clinics at it.",
     "The ICB runs the hub, and every week consultant neurologists from Tamberley and Wrenfold Hospitals NHS Foundation Trust will hold clinics at it.",
     "The hub is not run by Wrenfold Community Health NHS Trust, and consultant neurologists from Tamberley and Wrenfold Hospitals NHS Foundation Trust will hold clinics there every week.",
     "The hub is run by Wrenfold Community Health NHS Trust, and consultant neurologists from Tamberley and Wrenfold Hospitals NHS Foundation Trust will hold clinics there every week, alongside a specialist pharmacist who will review medicines once a month."),
    (PKH, "direction",
     "About 2,300 people in Tamberley and Wrenfold live with Parkinson’s, and the number is expected to rise as our population gets older.",
     "Roughly 2,300 people in Tamberley and Wrenfold have Parkinson’s, a figure that is likely to go up as the local population ages.",
     "Roughly 2,300 people in Tamberley and Wrenfold have Parkinson’s, a figure that is likely to go down as the local population ages.",
     "About 2,300 people in Tamberley and Wrenfold live with Parkinson’s, and the number is not expected to rise as our population gets older.",
     "About 2,300 people in Tamberley and Wrenfold live with Parkinson’s, and the number is expected to rise as our population gets older. Around one in five of them are under 65."),
    (PKH, "cause",
     "The nurse specialist team will grow from 3 to 6 nurses, so that everyone under the service can be offered a review at least every 6 months.",
     "To make sure that everyone under the service can be offered a review at least once every 6 months, the team of nurse specialists will increase from 3 nurses to 6.",
     "To allow the hub to open on Saturdays as well, the team of nurse specialists will increase from 3 nurses to 6.",
     "The nurse specialist team will grow from 3 to 6 nurses, but even so not everyone under the service can be offered a review at least every 6 months.",
     "The nurse specialist team will grow from 3 to 6 nurses, so that everyone under the service can be offered a review at least every 6 months. Two of the new nurses will work mainly with people in care homes."),
    (PKH, "timing",
     "The hub is open Monday to Friday, 8.30am to 5pm, with a late clinic on Thursdays until 7pm for people who work.",
     "For people who work, there is a late clinic until 7pm on Thursdays; otherwise the hub opens from 8.30am to 5pm, Monday to Friday.",
     "For people who work, there is a late clinic until 7pm on Tuesdays; otherwise the hub opens from 8.30am to 5pm, Monday to Friday.",
     "The hub is open Monday to Friday, 8.30am to 5pm, and there is no late clinic on Thursdays for people who work.",
     "The hub is open Monday to Friday, 8.30am to 5pm, with a late clinic on Thursdays until 7pm for people who work, and it opens on one Saturday morning a month for carers."),
    (PKH, "added_claim",
     "The ICB paid £520,000, and local charity The Linnet Trust raised £160,000 through its Steady Steps appeal, which included a sponsored walk along the Fulwick canal towpath.",
     "£520,000 came from the ICB, and the local charity The Linnet Trust raised £160,000 with its Steady Steps appeal, part of which was a sponsored walk along the towpath of the Fulwick canal.",
     "£520,000 came from the ICB, and the local charity The Linnet Trust raised £160,000 with its Steady Steps appeal, part of which was a sponsored walk along the towpath of the Fulwick canal and a charity concert in Pennicott.",
     "The ICB paid £520,000, and local charity The Linnet Trust did not raise any money through its Steady Steps appeal, which included a sponsored walk along the Fulwick canal towpath.",
     "The ICB paid £520,000, and local charity The Linnet Trust raised £160,000 through its Steady Steps appeal, which included a sponsored walk along the Fulwick canal towpath. The appeal ran for 18 months and had more than 300 donors."),
    (PKH, "modality",
     "People living with Parkinson’s in Tamberley and Wrenfold will soon be able to see their whole specialist team under one roof.",
     "Before long, people in Tamberley and Wrenfold who have Parkinson’s will have the option of seeing all of their specialist team in a single building.",
     "Before long, people in Tamberley and Wrenfold who have Parkinson’s will be required to see all of their specialist team in a single building.",
     "People living with Parkinson’s in Tamberley and Wrenfold will not be able to see their whole specialist team under one roof.",
     "People living with Parkinson’s in Tamberley and Wrenfold will soon be able to see their whole specialist team under one roof, and will be able to book their own appointments online."),
    (PKH, "scope",
     "There is free parking for 40 cars at Pennicott Health Campus, including 6 Blue Badge bays.",
     "Pennicott Health Campus has 40 free parking spaces, 6 of which are Blue Badge bays.",
     "Pennicott Health Campus has 40 free parking spaces, all of which are Blue Badge bays.",
     "There is no free parking at Pennicott Health Campus, not even in the 6 Blue Badge bays.",
     "There is free parking for 40 cars at Pennicott Health Campus, including 6 Blue Badge bays, and there are 4 electric vehicle charging points by the entrance."),
    (PKH, "attribution",
     "A free exercise class, Move Well with Parkinson’s, will run in the hub’s new studio on Wednesdays at 10.30am, led by the hub’s physiotherapists.",
     "Move Well with Parkinson’s, a free exercise class led by the hub’s physiotherapists, will take place on Wednesdays at 10.30am in the new studio at the hub.",
     "Move Well with Parkinson’s, a free exercise class led by volunteers from The Linnet Trust, will take place on Wednesdays at 10.30am in the new studio at the hub.",
     "A free exercise class, Move Well with Parkinson’s, will not run in the hub’s new studio, and it will not be led by the hub’s physiotherapists.",
     "A free exercise class, Move Well with Parkinson’s, will run in the hub’s new studio on Wednesdays at 10.30am, led by the hub’s physiotherapists, with a second class on Friday afternoons for people who are less mobile."),

    # ---------------- tmw-child-day-surgery-guide (Markdown; straight apostrophes) ----------------
    (DSG, "scope",
     "The Kingfisher Unit cares for children aged 3 months to 16 years who are having a planned operation or procedure that does not need an overnight stay, such as grommets, hernia repairs, removal of lumps and dental treatment under a general anaesthetic.",
     "Children between 3 months and 16 years old who are having a planned operation or procedure without an overnight stay, for example grommets, hernia repairs, lump removal or dental treatment under general anaesthetic, are looked after by the Kingfisher Unit.",
     "Children between 3 months and 16 years old who are having any planned operation or procedure, whether or not it needs an overnight stay, for example grommets, hernia repairs, lump removal or dental treatment under general anaesthetic, are looked after by the Kingfisher Unit.",
     "The Kingfisher Unit does not care for children aged 3 months to 16 years who are having a planned operation or procedure that does not need an overnight stay, such as grommets, hernia repairs, removal of lumps and dental treatment under a general anaesthetic.",
     "The Kingfisher Unit cares for children aged 3 months to 16 years who are having a planned operation or procedure that does not need an overnight stay, such as grommets, hernia repairs, removal of lumps and dental treatment under a general anaesthetic. Around 3,000 children are treated there each year."),
    (DSG, "added_claim",
     "The unit has 12 bays, two operating theatres and a play area, and is open Monday to Friday, 7am to 8pm.",
     "Open from 7am to 8pm, Monday to Friday, the unit has a play area, two operating theatres and 12 bays.",
     "Open from 7am to 8pm, Monday to Friday, the unit has a play area, two operating theatres, a sensory room and 12 bays.",
     "The unit has 12 bays, two operating theatres and a play area, but is not open Monday to Friday, 7am to 8pm.",
     "The unit has 12 bays, two operating theatres and a play area, and is open Monday to Friday, 7am to 8pm. Some Saturday lists also run in the school holidays."),
    (DSG, "attribution",
     "A pre-assessment nurse will phone you 1 to 2 weeks before the operation to check your child's health, medicines and any allergies.",
     "One to two weeks ahead of the operation, you will get a call from a pre-assessment nurse, who will check your child's health, any allergies and the medicines they take.",
     "One to two weeks ahead of the operation, you will get a call from the anaesthetist, who will check your child's health, any allergies and the medicines they take.",
     "A pre-assessment nurse will not phone you 1 to 2 weeks before the operation to check your child's health, medicines and any allergies.",
     "A pre-assessment nurse will phone you 1 to 2 weeks before the operation to check your child's health, medicines and any allergies, and may ask you to bring your child in for a blood test."),
    (DSG, "timing",
     "Children can come to the Kingfisher Club, a free visit on the first Saturday of each month at 10am, where our play specialists show them the unit and the theatre.",
     "Children are welcome at the Kingfisher Club, a free visit held at 10am on the first Saturday of every month, where the play specialists show them round the unit and the theatre.",
     "Children are welcome at the Kingfisher Club, a free visit held at 10am on the last Saturday of every month, where the play specialists show them round the unit and the theatre.",
     "Children cannot come to the Kingfisher Club, a free visit on the first Saturday of each month at 10am, where our play specialists show them the unit and the theatre.",
     "Children can come to the Kingfisher Club, a free visit on the first Saturday of each month at 10am, where our play specialists show them the unit and the theatre, and each child gets a Kingfisher sticker book to take home."),
    (DSG, "direction",
     "About 1 hour before the operation, a nurse puts numbing cream on the back of both hands.",
     "Roughly an hour ahead of the operation, numbing cream is applied by a nurse to the backs of both of your child's hands.",
     "Roughly an hour after the operation, numbing cream is applied by a nurse to the backs of both of your child's hands.",
     "About 1 hour before the operation, no numbing cream is put on the back of either hand.",
     "About 1 hour before the operation, a nurse puts numbing cream on the back of both hands, and covers it with a clear dressing so that it stays in place."),
    (DSG, "cause",
     "Children are seen in the order the surgeon has planned, so you may wait several hours.",
     "Because the surgeon plans the order in which children are seen, your wait could be several hours long.",
     "Because children are seen in the order in which they arrive, your wait could be several hours long.",
     "Children are seen in the order the surgeon has planned, so you will not have to wait several hours.",
     "Children are seen in the order the surgeon has planned, so you may wait several hours. Children having dental treatment are usually seen last."),
    (DSG, "modality",
     "Your child should stay off school or nursery for 48 hours after a general anaesthetic.",
     "After a general anaesthetic, your child ought to stay away from nursery or school for 48 hours.",
     "After a general anaesthetic, your child must stay away from nursery or school for 48 hours.",
     "Your child need not stay off school or nursery for 48 hours after a general anaesthetic.",
     "Your child should stay off school or nursery for 48 hours after a general anaesthetic, and should avoid swimming for a week."),
    (DSG, "scope",
     "Most children go home 2 to 4 hours after their operation, once they have had a drink, eaten something and had a wee.",
     "The majority of children are ready to leave 2 to 4 hours after the operation, when they have had something to drink and eat and have had a wee.",
     "Every child is ready to leave 2 to 4 hours after the operation, when they have had something to drink and eat and have had a wee.",
     "Most children do not go home 2 to 4 hours after their operation, even once they have had a drink, eaten something and had a wee.",
     "Most children go home 2 to 4 hours after their operation, once they have had a drink, eaten something and had a wee, and the surgeon has checked the wound."),

    # ---------------- tmw-hospital-visiting-faq (plain text; hard-wrapped lines joined) ----------------
    (VIS, "timing",
     "Visiting on the adult wards is from 11am to 8pm every day, including bank holidays.",
     "Every day, bank holidays included, visitors can come to the adult wards between 11am and 8pm.",
     "Every day, bank holidays included, visitors can come to the adult wards between 10am and 8pm.",
     "Visiting on the adult wards is from 11am to 8pm every day, not including bank holidays.",
     "Visiting on the adult wards is from 11am to 8pm every day, including bank holidays. Each visit should last no longer than two hours."),
    (VIS, "added_claim",
     "It is free, and pass holders get 20% off drinks and meals in the Bramble Café.",
     "The Open Door Pass costs nothing, and people who hold one get a 20% discount on meals and drinks at the Bramble Café.",
     "The Open Door Pass costs nothing, and people who hold one get a 20% discount on meals and drinks at the Bramble Café and free parking in Car park A.",
     "It is free, but pass holders do not get 20% off drinks and meals in the Bramble Café.",
     "It is free, and pass holders get 20% off drinks and meals in the Bramble Café. The pass lasts for the whole of the patient's stay."),
    (VIS, "scope",
     "On some wards pass holders can also stay overnight on a reclining chair beside the bed.",
     "Pass holders can, on certain wards, also spend the night beside the bed in a reclining chair.",
     "Pass holders can, on every ward, also spend the night beside the bed in a reclining chair.",
     "On no ward can pass holders stay overnight on a reclining chair beside the bed.",
     "On some wards pass holders can also stay overnight on a reclining chair beside the bed, and a blanket and pillow are provided."),
    (VIS, "cause",
     "Fresh flowers and plants are not allowed on our wards, because the water in vases can carry germs.",
     "Because germs can be carried in the water in vases, the wards do not allow fresh flowers or plants.",
     "Because some patients are allergic to pollen, the wards do not allow fresh flowers or plants.",
     "Fresh flowers and plants are allowed on our wards, even though the water in vases can carry germs.",
     "Fresh flowers and plants are not allowed on our wards, because the water in vases can carry germs. Flowers delivered to the hospital are given to the chapel instead."),
    (VIS, "direction",
     "The Bramble Café on the ground floor, next to the main entrance, is open Monday to Friday, 7.30am to 7pm, with shorter opening hours at weekends.",
     "Next to the main entrance on the ground floor, the Bramble Café opens from 7.30am to 7pm on weekdays and for fewer hours at weekends.",
     "Next to the main entrance on the ground floor, the Bramble Café opens from 7.30am to 7pm on weekdays and for longer hours at weekends.",
     "The Bramble Café on the ground floor, next to the main entrance, is open Monday to Friday, 7.30am to 7pm, and does not open at all at weekends.",
     "The Bramble Café on the ground floor, next to the main entrance, is open Monday to Friday, 7.30am to 7pm, with shorter opening hours at weekends, and it serves hot meals from 11.30am to 2pm."),
    (VIS, "modality",
     "Nurses can only share a little information on the phone, and they may ask for a password agreed with the patient.",
     "Only a small amount of information can be given out by nurses over the phone, and they might ask you for a password that the patient has agreed.",
     "Only a small amount of information can be given out by nurses over the phone, and they will always ask you for a password that the patient has agreed.",
     "Nurses can only share a little information on the phone, and they will not ask for a password agreed with the patient.",
     "Nurses can only share a little information on the phone, and they may ask for a password agreed with the patient. Test results are never given out over the phone."),
    (VIS, "attribution",
     "If this happens, only Open Door Pass holders and visitors agreed with the nurse in charge will be able to visit.",
     "When a ward is closed because of an infection, the only people who can visit are Open Door Pass holders and visitors whom the nurse in charge has agreed to.",
     "When a ward is closed because of an infection, the only people who can visit are Open Door Pass holders and visitors whom the Visitor Information Desk has agreed to.",
     "If this happens, even Open Door Pass holders and visitors agreed with the nurse in charge will not be able to visit.",
     "If this happens, only Open Door Pass holders and visitors agreed with the nurse in charge will be able to visit, and they will be asked to wear a mask and apron."),
    (VIS, "modality",
     "Food must be in a sealed container labelled with the patient's name and the date.",
     "Any food has to be in a sealed container with a label showing the date and the patient's name.",
     "Any food should ideally be in a sealed container with a label showing the date and the patient's name.",
     "Food does not need to be in a sealed container labelled with the patient's name and the date.",
     "Food must be in a sealed container labelled with the patient's name and the date, and the ward staff can give you a label to use."),

    # ---------------- tmw-childrens-allergy-plan (PDF via pypdf; straight apostrophes) ----------------
    (ALP, "timing",
     "Its main clinic will be the Puffin Clinic in the children's outpatient department at Tamberley Royal Infirmary, and a new community clinic will open at Stobhill Health Centre in autumn 2028.",
     "The service's main clinic will be the Puffin Clinic, in the children's outpatient department at Tamberley Royal Infirmary, and in autumn 2028 a new community clinic will open at Stobhill Health Centre.",
     "The service's main clinic will be the Puffin Clinic, in the children's outpatient department at Tamberley Royal Infirmary, and in spring 2029 a new community clinic will open at Stobhill Health Centre.",
     "Its main clinic will be the Puffin Clinic in the children's outpatient department at Tamberley Royal Infirmary, and no new community clinic will open at Stobhill Health Centre in autumn 2028.",
     "Its main clinic will be the Puffin Clinic in the children's outpatient department at Tamberley Royal Infirmary, and a new community clinic will open at Stobhill Health Centre in autumn 2028, with appointments there on Tuesdays and Fridays."),
    (ALP, "attribution",
     "An allergy nurse reads the referral within 10 working days and decides how soon your child needs to be seen.",
     "Within 10 working days, the referral is read by an allergy nurse, who decides how quickly your child needs to be seen.",
     "Within 10 working days, the referral is read by Dr Farah Quentin-Hale, who decides how quickly your child needs to be seen.",
     "An allergy nurse does not read the referral within 10 working days or decide how soon your child needs to be seen.",
     "An allergy nurse reads the referral within 10 working days and decides how soon your child needs to be seen. Urgent referrals are seen within 4 weeks."),
    (ALP, "modality",
     "At the first appointment, which takes about 2 hours, your child may have skin prick tests, a blood test or both.",
     "Your child might have skin prick tests, a blood test or both at the first appointment, which lasts around 2 hours.",
     "Your child will have skin prick tests, a blood test or both at the first appointment, which lasts around 2 hours.",
     "At the first appointment, which takes about 2 hours, your child will not have skin prick tests or a blood test.",
     "At the first appointment, which takes about 2 hours, your child may have skin prick tests, a blood test or both, and will be weighed and measured."),
    (ALP, "cause",
     "Allergy nurses will also run some follow-up appointments by video, so that families do not have to travel for a short review.",
     "Some follow-up appointments will also be done over video by the allergy nurses, so that families need not make a journey just for a brief review.",
     "Some follow-up appointments will also be done over video by the allergy nurses, so that the nurses can see more children each day.",
     "Allergy nurses will not run any follow-up appointments by video, so families will have to travel even for a short review.",
     "Allergy nurses will also run some follow-up appointments by video, so that families do not have to travel for a short review. Families without a suitable device can borrow a tablet from the clinic."),
    (ALP, "scope",
     "The new service will offer immunotherapy to a small number of children who meet national criteria, starting in 2029.",
     "Beginning in 2029, the new service will provide immunotherapy for a small number of children who meet the national criteria.",
     "Beginning in 2029, the new service will provide immunotherapy for any child with severe hay fever, whether or not they meet the national criteria.",
     "The new service will not offer immunotherapy to any children, even those who meet national criteria.",
     "The new service will offer immunotherapy to a small number of children who meet national criteria, starting in 2029, with treatment usually lasting three years."),
    (ALP, "added_claim",
     "This pays for two new allergy nurse specialists, a paediatric dietitian for 3 days a week and an administrator.",
     "The extra £410,000 a year funds two additional allergy nurse specialists, a paediatric dietitian working 3 days a week, and an administrator.",
     "The extra £410,000 a year funds two additional allergy nurse specialists, a paediatric dietitian working 3 days a week, a clinical psychologist and an administrator.",
     "This does not pay for two new allergy nurse specialists, a paediatric dietitian for 3 days a week or an administrator.",
     "This pays for two new allergy nurse specialists, a paediatric dietitian for 3 days a week and an administrator, and for a new skin testing room at Stobhill Health Centre."),
    (ALP, "direction",
     "This means they can meet the doctors and nurses who will look after them as adults before they move on, and they can choose to see the team without a parent for part of the appointment.",
     "As a result, before moving on, young people can get to know the doctors and nurses who will care for them as adults, and they can decide to see the team without a parent for part of the appointment.",
     "As a result, after moving on, young people can get to know the doctors and nurses who will care for them as adults, and they can decide to see the team without a parent for part of the appointment.",
     "This means they cannot meet the doctors and nurses who will look after them as adults before they move on, and they cannot choose to see the team without a parent for part of the appointment.",
     "This means they can meet the doctors and nurses who will look after them as adults before they move on, and they can choose to see the team without a parent for part of the appointment. Each young person is also given a named transition nurse."),
    (ALP, "direction",
     "We will increase the number of oral food challenges from 6 a week to 14 a week by opening a second day-case room in the Puffin Clinic in January 2029.",
     "By opening a second day-case room in the Puffin Clinic in January 2029, we will raise the number of oral food challenges from 6 to 14 each week.",
     "By opening a second day-case room in the Puffin Clinic in January 2029, we will lower the number of oral food challenges from 14 to 6 each week.",
     "We will not increase the number of oral food challenges from 6 a week to 14 a week by opening a second day-case room in the Puffin Clinic in January 2029.",
     "We will increase the number of oral food challenges from 6 a week to 14 a week by opening a second day-case room in the Puffin Clinic in January 2029, and a third room may follow in 2030."),

    # ---------------- tmw-childrens-allergy-clinic-page (main page content; ’ from &rsquo;) ----------------
    (ACP, "scope",
     "From autumn 2028 some appointments will also be offered at Stobhill Health Centre.",
     "Stobhill Health Centre will also host some of the appointments, starting in autumn 2028.",
     "Stobhill Health Centre will also host all of the appointments, starting in autumn 2028.",
     "From autumn 2028 no appointments will be offered at Stobhill Health Centre.",
     "From autumn 2028 some appointments will also be offered at Stobhill Health Centre, including oral food challenges."),
    (ACP, "timing",
     "It takes a whole day, from 9am to 3pm, in the Puffin day unit.",
     "The oral food challenge lasts the whole day, 9am to 3pm, and takes place in the Puffin day unit.",
     "The oral food challenge lasts the whole day, 9am to 5pm, and takes place in the Puffin day unit.",
     "It does not take a whole day in the Puffin day unit.",
     "It takes a whole day, from 9am to 3pm, in the Puffin day unit, and lunch is provided for your child."),
    (ACP, "attribution",
     "A doctor or allergy nurse will ask about your child’s symptoms and what happened during any reactions.",
     "You will be asked by a doctor or an allergy nurse about your child’s symptoms and about what happened in any reactions.",
     "You will be asked by a children’s dietitian about your child’s symptoms and about what happened in any reactions.",
     "A doctor or allergy nurse will not ask about your child’s symptoms or what happened during any reactions.",
     "A doctor or allergy nurse will ask about your child’s symptoms and what happened during any reactions, and will check your child’s height and weight."),
    (ACP, "cause",
     "The results are ready after 15 minutes, so we can talk about them with you at the same visit.",
     "Because skin prick test results are available after 15 minutes, the team can go through them with you during the same visit.",
     "Because skin prick test results are available after 15 minutes, the team can decide during the same visit whether your child also needs a blood test.",
     "The results are not ready after 15 minutes, so we cannot talk about them with you at the same visit.",
     "The results are ready after 15 minutes, so we can talk about them with you at the same visit. Any redness usually fades within an hour."),
    (ACP, "cause",
     "A children’s dietitian can help if your child needs to avoid a food, so that their diet still has everything they need to grow.",
     "If your child has to avoid a food, a children’s dietitian can help make sure their diet still gives them everything they need for growing.",
     "If your child has to avoid a food, a children’s dietitian can help them slowly get used to eating that food again.",
     "A children’s dietitian cannot help if your child needs to avoid a food, so their diet may not have everything they need to grow.",
     "A children’s dietitian can help if your child needs to avoid a food, so that their diet still has everything they need to grow. The dietitian can also give you recipes and shopping tips."),
    (ACP, "direction",
     "Your child eats small amounts of the food, increasing slowly, while a nurse watches closely.",
     "Under a nurse’s close watch, your child is given small amounts of the food, with the amount slowly going up.",
     "Under a nurse’s close watch, your child is given small amounts of the food, with the amount slowly going down.",
     "Your child does not eat small amounts of the food, increasing slowly, while a nurse watches closely.",
     "Your child eats small amounts of the food, increasing slowly, while a nurse watches closely, and has their blood pressure checked every 30 minutes."),
    (ACP, "modality",
     "It is not painful, but it can feel like a mild itch.",
     "The skin prick test does not hurt, although it may feel slightly itchy.",
     "The skin prick test does not hurt, although it will feel slightly itchy.",
     "It is painful, and it does not just feel like a mild itch.",
     "It is not painful, but it can feel like a mild itch. Younger children can sit on your lap during the test."),
    (ACP, "added_claim",
     "Blood test results take up to 3 weeks, and we will write to you with them.",
     "It can take as long as 3 weeks to get blood test results, and they will be sent to you in a letter.",
     "It can take as long as 3 weeks to get blood test results, and they will be sent to you in a letter and by text message.",
     "Blood test results take up to 3 weeks, but we will not write to you with them.",
     "Blood test results take up to 3 weeks, and we will write to you with them, and a nurse will phone you if anything needs to change straight away."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "t%03d" % i, "corpus": "tamberley", "doc_id": doc,
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
    re.compile(r"^NHS Tamberley and Wrenfold Integrated Care Board\s+\|\s+.*$"),  # running header
    re.compile(r"^tw-icb\.example/\S+$"),                                          # header URL
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
    # one word is hyphenated across a line end ("immuno-" / "therapy"): rejoin lower-case halves
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
        if not re.fullmatch(r"t0[0-4]\d", rid) or not (1 <= int(rid[1:]) <= 40):
            errors.append("%s: bad id" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["corpus"] != "tamberley":
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
    if sorted(ids) != ["t%03d" % i for i in range(1, 41)]:
        errors.append("ids do not run t001-t040")
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
