#!/usr/bin/env python3
"""Build and check the blind Dunmarrow support-check table (triples-dunmarrow.jsonl).

Run: /work/main/.venv/bin/python build_dunmarrow.py
(any Python 3 with pypdf installed; pypdf is needed only to read the PDF plan).
Writes triples-dunmarrow.jsonl next to this file, then validates it.

The corpus folder is found in this order: $DUNMARROW_CORPUS, ../corpora/dunmarrow/corpus
(when this file sits in evals/support/), /work/blind22/corpus.
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
    cands = [os.environ.get("DUNMARROW_CORPUS"),
             os.path.normpath(os.path.join(HERE, "..", "corpora", "dunmarrow", "corpus")),
             "/work/blind22/corpus"]
    for c in cands:
        if c and os.path.isfile(os.path.join(c, "manifest.yaml")):
            return c
    raise SystemExit("cannot find the Dunmarrow corpus folder (set DUNMARROW_CORPUS)")


CORPUS_DIR = _corpus_dir()
OUT = os.path.join(HERE, "triples-dunmarrow.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]
ROWS_PER_DOC = 8

LRN = "dmk-linden-room-news"
SCP = "dmk-spiritual-care-info-page"
RES = "dmk-research-taking-part-guide"
FAQ = "dmk-health-records-faq"
PLN = "dmk-teledermatology-plan"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- dmk-linden-room-news (article text only) ----------------
    (LRN, "timing",
     "A new multi-faith centre called the Linden Room will open at Dunmarrow General Hospital on Monday 7 June 2027.",
     "The Linden Room, a new multi-faith centre, is due to open at Dunmarrow General Hospital on Monday 7 June 2027.",
     "The Linden Room, a new multi-faith centre, is due to open at Dunmarrow General Hospital on Monday 14 June 2027.",
     "A new multi-faith centre called the Linden Room will not open at Dunmarrow General Hospital on Monday 7 June 2027.",
     "A new multi-faith centre called the Linden Room will open at Dunmarrow General Hospital on Monday 7 June 2027. A second multi-faith room is planned for Keswyn Community Hospital in 2028."),
    (LRN, "added_claim",
     "It replaces the old hospital chapel on Level 3 of the Ashdown Wing, which had room for only 20 people and could not be reached without a lift.",
     "The Linden Room takes the place of the old hospital chapel on Level 3 of the Ashdown Wing, which held just 20 people and was impossible to reach except by lift.",
     "The Linden Room takes the place of the old hospital chapel on Level 3 of the Ashdown Wing, which held just 20 people, had no natural light and was impossible to reach except by lift.",
     "It does not replace the old hospital chapel on Level 3 of the Ashdown Wing, which had room for only 20 people and could not be reached without a lift.",
     "It replaces the old hospital chapel on Level 3 of the Ashdown Wing, which had room for only 20 people and could not be reached without a lift. The old chapel will become a staff training room."),
    (LRN, "attribution",
     "The garden was planted by volunteers from Shalbrook Horticultural Society.",
     "Volunteers from Shalbrook Horticultural Society did the planting in the garden.",
     "Volunteers from the Brightwater Hospitals Charity did the planting in the garden.",
     "The garden was not planted by volunteers from Shalbrook Horticultural Society.",
     "The garden was planted by volunteers from Shalbrook Horticultural Society, who will look after it every spring and summer."),
    (LRN, "modality",
     "Patients who cannot leave their ward can follow the Sunday service on the bedside entertainment system, channel 12.",
     "The Sunday service can be followed on channel 12 of the bedside entertainment system by patients who are unable to leave their ward.",
     "The Sunday service must be followed on channel 12 of the bedside entertainment system by patients who are unable to leave their ward.",
     "Patients who cannot leave their ward cannot follow the Sunday service on the bedside entertainment system, channel 12.",
     "Patients who cannot leave their ward can follow the Sunday service on the bedside entertainment system, channel 12, which also shows a recording of the service on Sunday evenings."),
    (LRN, "direction",
     "There will be an open afternoon on Sunday 6 June 2027, from 2pm to 4.30pm, the day before the centre opens.",
     "On Sunday 6 June 2027, the day ahead of the centre's opening, an open afternoon will be held between 2pm and 4.30pm.",
     "On Sunday 6 June 2027, the day after the centre's opening, an open afternoon will be held between 2pm and 4.30pm.",
     "There will not be an open afternoon on Sunday 6 June 2027, from 2pm to 4.30pm, the day before the centre opens.",
     "There will be an open afternoon on Sunday 6 June 2027, from 2pm to 4.30pm, the day before the centre opens, with guided tours led by the Chief Executive every half hour."),
    (LRN, "scope",
     "The hospital chaplaincy team is made up of 6 chaplains and 28 trained volunteers from different faiths and from none.",
     "The hospital's chaplaincy team consists of 6 chaplains and 28 trained volunteers, drawn from various faiths and from no faith.",
     "The hospital's chaplaincy team consists of 6 chaplains and 28 trained volunteers, drawn from every faith and from no faith.",
     "The hospital chaplaincy team is not made up of 6 chaplains and 28 trained volunteers from different faiths and from none.",
     "The hospital chaplaincy team is made up of 6 chaplains and 28 trained volunteers from different faiths and from none. Two more chaplains will join the team later in 2027."),
    (LRN, "attribution",
     "The Brightwater Hospitals Charity raised £380,000, including a gift left in the will of Cresswold resident Edith Marlowe-Dunn, and the remaining £240,000 came from the buildings budget of Dunmarrow and Keswyn Hospitals NHS Foundation Trust.",
     "£380,000 was raised by the Brightwater Hospitals Charity, which included a legacy from Cresswold resident Edith Marlowe-Dunn, and the other £240,000 was met from the buildings budget of Dunmarrow and Keswyn Hospitals NHS Foundation Trust.",
     "£380,000 was raised by the Brightwater Hospitals Charity, which included a legacy from Cresswold resident Edith Marlowe-Dunn, and the other £240,000 was met from the budget of NHS Dunmarrow and Keswyn Integrated Care Board.",
     "The Brightwater Hospitals Charity raised £380,000, including a gift left in the will of Cresswold resident Edith Marlowe-Dunn, but none of the remaining £240,000 came from the buildings budget of Dunmarrow and Keswyn Hospitals NHS Foundation Trust.",
     "The Brightwater Hospitals Charity raised £380,000, including a gift left in the will of Cresswold resident Edith Marlowe-Dunn, and the remaining £240,000 came from the buildings budget of Dunmarrow and Keswyn Hospitals NHS Foundation Trust. The charity is now raising money for new furniture for the family room."),
    (LRN, "timing",
     "The Linden Room will be open from 7am to 10pm every day, including bank holidays.",
     "Every day, bank holidays included, the Linden Room will open at 7am and close at 10pm.",
     "Every day, bank holidays included, the Linden Room will open at 7am and close at 9pm.",
     "The Linden Room will be open from 7am to 10pm every day, but not on bank holidays.",
     "The Linden Room will be open from 7am to 10pm every day, including bank holidays, and a chaplain will be on duty there throughout those hours."),

    # ---------------- dmk-spiritual-care-info-page (main page content only) ----------------
    (SCP, "scope",
     "The chaplaincy teams at Dunmarrow General Hospital and Keswyn Community Hospital offer spiritual, religious and pastoral care to patients, families, carers and staff.",
     "Spiritual, religious and pastoral care for patients, families, carers and staff is provided by the chaplaincy teams at Dunmarrow General Hospital and Keswyn Community Hospital.",
     "Spiritual, religious and pastoral care for patients, families, carers and staff is provided by chaplaincy teams at every hospital in Dunmarrow and Keswyn.",
     "The chaplaincy teams at Dunmarrow General Hospital and Keswyn Community Hospital do not offer spiritual, religious and pastoral care to patients, families, carers and staff.",
     "The chaplaincy teams at Dunmarrow General Hospital and Keswyn Community Hospital offer spiritual, religious and pastoral care to patients, families, carers and staff, and also visit people receiving end-of-life care at home."),
    (SCP, "attribution",
     "Ward staff can contact them for you, or you can ask the hospital switchboard on 01632 960300 to page the on-call chaplain.",
     "The on-call chaplain can be contacted for you by ward staff, or you can have the hospital switchboard on 01632 960300 page them.",
     "The on-call chaplain can be contacted for you by ward staff, or you can have the chaplaincy office on 01632 960300 page them.",
     "Ward staff cannot contact them for you, nor can you ask the hospital switchboard on 01632 960300 to page the on-call chaplain.",
     "Ward staff can contact them for you, or you can ask the hospital switchboard on 01632 960300 to page the on-call chaplain, who will usually arrive within an hour."),
    (SCP, "timing",
     "A chaplain visits Keswyn Community Hospital on Tuesday and Friday afternoons, and at other times when asked.",
     "Keswyn Community Hospital is visited by a chaplain on Tuesday and Friday afternoons, and at other times on request.",
     "Keswyn Community Hospital is visited by a chaplain on Tuesday and Thursday afternoons, and at other times on request.",
     "A chaplain does not visit Keswyn Community Hospital on Tuesday and Friday afternoons, or at other times when asked.",
     "A chaplain visits Keswyn Community Hospital on Tuesday and Friday afternoons, and at other times when asked. A Catholic priest also celebrates Mass there on the first Sunday of each month."),
    (SCP, "modality",
     "We will try to respect your wishes about modest dress, who examines you and any religious items you wear, such as a kara or a cross.",
     "We will do our best to respect your wishes on modest dress, on who examines you and on any religious items you wear, for example a kara or a cross.",
     "We will always respect your wishes on modest dress, on who examines you and on any religious items you wear, for example a kara or a cross.",
     "We will not try to respect your wishes about modest dress, who examines you and any religious items you wear, such as a kara or a cross.",
     "We will try to respect your wishes about modest dress, who examines you and any religious items you wear, such as a kara or a cross, and we can offer a hospital gown that covers the arms and legs."),
    (SCP, "cause",
     "You do not have to remove these unless it is needed for your safety during a procedure, and staff will always explain why.",
     "Unless removing them is necessary for your safety during a procedure, you are not required to take these items off, and staff will always tell you the reason.",
     "Unless removing them is required by the hospital's insurance rules during a procedure, you are not required to take these items off, and staff will always tell you the reason.",
     "You have to remove these even when it is not needed for your safety during a procedure, and staff will always explain why.",
     "You do not have to remove these unless it is needed for your safety during a procedure, and staff will always explain why. Any items removed will be kept in a labelled bag and given back to you afterwards."),
    (SCP, "direction",
     "We welcome volunteers of any faith or none who can give at least 3 hours a week.",
     "Volunteers of any faith or of no faith who are able to give a minimum of 3 hours a week are welcome.",
     "Volunteers of any faith or of no faith who are able to give a maximum of 3 hours a week are welcome.",
     "We do not welcome volunteers of any faith or none who can give at least 3 hours a week.",
     "We welcome volunteers of any faith or none who can give at least 3 hours a week, and we pay travel expenses for every shift."),
    (SCP, "added_claim",
     "All volunteers complete an 8-week training course before they start visiting wards.",
     "Before they begin visiting wards, every volunteer finishes an 8-week training course.",
     "Before they begin visiting wards, every volunteer finishes an 8-week training course and passes a written exam.",
     "No volunteers complete an 8-week training course before they start visiting wards.",
     "All volunteers complete an 8-week training course before they start visiting wards, and each is given a mentor from the chaplaincy team."),
    (SCP, "scope",
     "Hospital staff can drop in to Time to Talk, a confidential chat with a chaplain, in the Linden Room family room every Thursday from 1pm to 2pm.",
     "Every Thursday from 1pm to 2pm, members of hospital staff can call in to Time to Talk, a confidential conversation with a chaplain, in the family room of the Linden Room.",
     "Every Thursday from 1pm to 2pm, hospital staff, patients and visitors can call in to Time to Talk, a confidential conversation with a chaplain, in the family room of the Linden Room.",
     "Hospital staff cannot drop in to Time to Talk, a confidential chat with a chaplain, in the Linden Room family room every Thursday from 1pm to 2pm.",
     "Hospital staff can drop in to Time to Talk, a confidential chat with a chaplain, in the Linden Room family room every Thursday from 1pm to 2pm, and free tea and biscuits are provided."),

    # ---------------- dmk-research-taking-part-guide (Markdown) ----------------
    (RES, "cause",
     "Many studies need healthy volunteers so that researchers can compare results.",
     "A lot of studies require volunteers who are healthy, so that the researchers are able to compare results.",
     "A lot of studies require volunteers who are healthy, so that the researchers are able to test new medicines safely.",
     "No study needs healthy volunteers so that researchers can compare results.",
     "Many studies need healthy volunteers so that researchers can compare results, and these studies often fill up within a few weeks."),
    (RES, "attribution",
     "If you want to go ahead, you sign a consent form with a member of the research team.",
     "If you decide to take part, you sign a consent form together with someone from the research team.",
     "If you decide to take part, you sign a consent form together with your GP.",
     "If you want to go ahead, you do not sign a consent form with a member of the research team.",
     "If you want to go ahead, you sign a consent form with a member of the research team, and you are given a copy to keep."),
    (RES, "scope",
     "Most studies start with a screening visit to check that the study is right for you.",
     "The majority of studies begin with a screening visit, which checks whether the study is suitable for you.",
     "Every study begins with a screening visit, which checks whether the study is suitable for you.",
     "Most studies do not start with a screening visit to check that the study is right for you.",
     "Most studies start with a screening visit to check that the study is right for you, which usually includes a blood test and a blood pressure check."),
    (RES, "direction",
     "This is different for every study: the participant information sheet tells you what is offered before you agree.",
     "What is offered varies from one study to another, and the participant information sheet sets out what is offered before you agree to take part.",
     "What is offered varies from one study to another, and the participant information sheet sets out what is offered after you agree to take part.",
     "This is different for every study: the participant information sheet does not tell you what is offered before you agree.",
     "This is different for every study: the participant information sheet tells you what is offered before you agree, and payments are usually made by bank transfer."),
    (RES, "modality",
     "If you take part in a study, the research team will tell your GP, unless you ask them not to and the study allows this.",
     "When you take part in a study, your GP will be informed by the research team, unless you ask them not to and the study permits this.",
     "When you take part in a study, your GP may be informed by the research team, unless you ask them not to and the study permits this.",
     "If you take part in a study, the research team will not tell your GP, unless you ask them to and the study allows this.",
     "If you take part in a study, the research team will tell your GP, unless you ask them not to and the study allows this. Your GP will also be told if you leave the study early."),
    (RES, "timing",
     "We will delete your profile within 28 days and will not contact you again about studies.",
     "Your profile will be deleted within 28 days, and you will not be contacted again about studies.",
     "Your profile will be deleted within 7 days, and you will not be contacted again about studies.",
     "We will not delete your profile within 28 days and will contact you again about studies.",
     "We will delete your profile within 28 days and will not contact you again about studies, and we will send you an email to confirm this."),
    (RES, "added_claim",
     "When a study finishes, the team will send you a plain-English summary of the results if you ask for one.",
     "If you ask for one, the team will send you a summary of the results in plain English once a study has finished.",
     "If you ask for one, the team will send you a summary of the results in plain English, along with your own test results, once a study has finished.",
     "When a study finishes, the team will not send you a plain-English summary of the results, even if you ask for one.",
     "When a study finishes, the team will send you a plain-English summary of the results if you ask for one, and it is also published on the HealthStudy Connect website."),
    (RES, "modality",
     "Some questionnaire and observational studies can be done from home, and a few take place at GP practices in Pennacott, Shalbrook and Wintergill.",
     "It is possible to do some questionnaire and observational studies at home, and a small number are held at GP practices in Pennacott, Shalbrook and Wintergill.",
     "Some questionnaire and observational studies have to be done at home, and a small number are held at GP practices in Pennacott, Shalbrook and Wintergill.",
     "No questionnaire or observational studies can be done from home, though a few take place at GP practices in Pennacott, Shalbrook and Wintergill.",
     "Some questionnaire and observational studies can be done from home, and a few take place at GP practices in Pennacott, Shalbrook and Wintergill. A research nurse can visit you at home if you cannot travel."),

    # ---------------- dmk-health-records-faq (plain text) ----------------
    (FAQ, "scope",
     "Most of your health records are held by the places that treated you, such as your GP practice or the hospital.",
     "The places that treated you, for example your GP practice or the hospital, hold most of your health records.",
     "The places that treated you, for example your GP practice or the hospital, hold all of your health records.",
     "Most of your health records are not held by the places that treated you, such as your GP practice or the hospital.",
     "Most of your health records are held by the places that treated you, such as your GP practice or the hospital, and older paper records may be stored off site."),
    (FAQ, "cause",
     "To protect your privacy, we ask for two documents: one photo ID, such as a passport or driving licence, and one proof of address dated in the last 3 months, such as a council tax or utility bill.",
     "So that your privacy is protected, we request two documents: a photo ID such as a passport or driving licence, and a proof of address from the last 3 months such as a council tax or utility bill.",
     "So that we can check you are registered with a local GP, we request two documents: a photo ID such as a passport or driving licence, and a proof of address from the last 3 months such as a council tax or utility bill.",
     "To protect your privacy, we do not ask for two documents: one photo ID, such as a passport or driving licence, and one proof of address dated in the last 3 months, such as a council tax or utility bill.",
     "To protect your privacy, we ask for two documents: one photo ID, such as a passport or driving licence, and one proof of address dated in the last 3 months, such as a council tax or utility bill. Copies of your documents are deleted once your request is complete."),
    (FAQ, "timing",
     "We will send your records within one calendar month of receiving your request and your ID.",
     "Your records will be sent to you no more than one calendar month after we receive your request and your ID.",
     "Your records will be sent to you no more than two weeks after we receive your request and your ID.",
     "We will not send your records within one calendar month of receiving your request and your ID.",
     "We will send your records within one calendar month of receiving your request and your ID, and most requests are completed within two weeks."),
    (FAQ, "modality",
     "If your request is complex, for example if it covers many years of records, we can take up to two further months.",
     "Where a request is complex, such as one covering many years of records, we are allowed up to two more months.",
     "Where a request is complex, such as one covering many years of records, we will take up to two more months.",
     "If your request is complex, for example if it covers many years of records, we cannot take any further months.",
     "If your request is complex, for example if it covers many years of records, we can take up to two further months, and we will keep you updated every two weeks."),
    (FAQ, "direction",
     "We will always tell you before we charge anything.",
     "You will always be told by us ahead of any charge being made.",
     "You will always be told by us once any charge has been made.",
     "We will never tell you before we charge anything.",
     "We will always tell you before we charge anything, and you can pay by card over the phone."),
    (FAQ, "direction",
     "Parents can usually ask for the records of a child under 13.",
     "In most cases, a parent can request the records of a child who is younger than 13.",
     "In most cases, a parent can request the records of a child who is older than 13.",
     "Parents cannot usually ask for the records of a child under 13.",
     "Parents can usually ask for the records of a child under 13, as long as they have parental responsibility."),
    (FAQ, "attribution",
     "We may remove information about other people who have not agreed to it being shared, and in rare cases information that a health professional believes could cause serious harm to you or someone else.",
     "We might take out details about other people who have not agreed to their sharing, and, in rare cases, information that a health professional thinks could seriously harm you or another person.",
     "We might take out details about other people who have not agreed to their sharing, and, in rare cases, information that the Data Protection Officer thinks could seriously harm you or another person.",
     "We will not remove information about other people who have not agreed to it being shared, nor information that a health professional believes could cause serious harm to you or someone else.",
     "We may remove information about other people who have not agreed to it being shared, and in rare cases information that a health professional believes could cause serious harm to you or someone else, after checking with the clinician who wrote it."),
    (FAQ, "added_claim",
     "We will correct factual mistakes, such as a wrong address or date of birth.",
     "Factual errors, for example an incorrect address or date of birth, will be corrected by us.",
     "Factual errors, for example an incorrect address or date of birth, will be corrected by us, and your GP practice will be told of the change.",
     "We will not correct factual mistakes, such as a wrong address or date of birth.",
     "We will correct factual mistakes, such as a wrong address or date of birth, and send you a copy of the corrected record."),

    # ---------------- dmk-teledermatology-plan (PDF) ----------------
    (PLN, "direction",
     "Our hospital dermatology (skin) service receives about 14,000 referrals a year from GP practices in Dunmarrow and Keswyn, and the number keeps rising.",
     "Around 14,000 referrals a year reach our hospital dermatology (skin) service from GP practices in Dunmarrow and Keswyn, and that figure continues to go up.",
     "Around 14,000 referrals a year reach our hospital dermatology (skin) service from GP practices in Dunmarrow and Keswyn, and that figure continues to go down.",
     "Our hospital dermatology (skin) service receives about 14,000 referrals a year from GP practices in Dunmarrow and Keswyn, and the number is not rising.",
     "Our hospital dermatology (skin) service receives about 14,000 referrals a year from GP practices in Dunmarrow and Keswyn, and the number keeps rising, by about 5% each year."),
    (PLN, "scope",
     "Yet when consultants looked back at a sample of 600 appointments from 2026, they found that around 2 in 3 people could have been reassured, or given a treatment plan, without ever coming to the hospital.",
     "However, when consultants reviewed a sample of 600 appointments from 2026, they found that roughly two thirds of people could have been reassured, or given a treatment plan, without needing to come to the hospital at all.",
     "However, when consultants reviewed a sample of 600 appointments from 2026, they found that nearly all the people could have been reassured, or given a treatment plan, without needing to come to the hospital at all.",
     "Yet when consultants looked back at a sample of 600 appointments from 2026, they found that no one could have been reassured, or given a treatment plan, without coming to the hospital.",
     "Yet when consultants looked back at a sample of 600 appointments from 2026, they found that around 2 in 3 people could have been reassured, or given a treatment plan, without ever coming to the hospital. Most of those people had harmless moles or seborrhoeic keratoses."),
    (PLN, "timing",
     "Wintergill Surgery, Cresswold Family Practice and the outpatient department at Keswyn Community Hospital will follow, so that all five are open by 31 March 2028.",
     "Wintergill Surgery, Cresswold Family Practice and Keswyn Community Hospital's outpatient department will open after them, so that all five hubs are running by 31 March 2028.",
     "Wintergill Surgery, Cresswold Family Practice and Keswyn Community Hospital's outpatient department will open after them, so that all five hubs are running by 30 September 2028.",
     "Wintergill Surgery, Cresswold Family Practice and the outpatient department at Keswyn Community Hospital will not follow, so not all five will be open by 31 March 2028.",
     "Wintergill Surgery, Cresswold Family Practice and the outpatient department at Keswyn Community Hospital will follow, so that all five are open by 31 March 2028, and a sixth hub may be added in 2029 if demand is high."),
    (PLN, "attribution",
     "Healthcare assistants at each hub will complete a 3-day training course run by the trust's Medical Illustration team, followed by supervised practice.",
     "At every hub, healthcare assistants will take a 3-day training course delivered by the trust's Medical Illustration team, and then practise under supervision.",
     "At every hub, healthcare assistants will take a 3-day training course delivered by the trust's Dermatology Department, and then practise under supervision.",
     "Healthcare assistants at each hub will not complete a 3-day training course run by the trust's Medical Illustration team, followed by supervised practice.",
     "Healthcare assistants at each hub will complete a 3-day training course run by the trust's Medical Illustration team, followed by supervised practice, and will repeat a one-day refresher every year."),
    (PLN, "modality",
     "If you do not want photos taken at all, you can still ask to be seen at the hospital, although you may wait longer.",
     "Should you not want any photos taken, you can still ask for a hospital appointment, though your wait might be longer.",
     "Should you not want any photos taken, you can still ask for a hospital appointment, though your wait will be longer.",
     "If you do not want photos taken at all, you cannot ask to be seen at the hospital instead.",
     "If you do not want photos taken at all, you can still ask to be seen at the hospital, although you may wait longer, and your GP will be told that you have chosen this."),
    (PLN, "cause",
     "Consultants will audit a sample of photographs every month to make sure they are clear enough for a safe diagnosis.",
     "Each month, consultants will audit a sample of photographs to ensure they are clear enough to diagnose safely.",
     "Each month, consultants will audit a sample of photographs to ensure the hubs are meeting their waiting-time targets.",
     "Consultants will not audit a sample of photographs every month to make sure they are clear enough for a safe diagnosis.",
     "Consultants will audit a sample of photographs every month to make sure they are clear enough for a safe diagnosis, and the results will be shared with each hub."),
    (PLN, "cause",
     "As a result, every hub will offer at least one evening a week, and only the reviewing consultant and your own care team can see your photographs.",
     "In response to what local people told us, each hub will provide at least one evening a week, and your photographs can be seen only by the reviewing consultant and your own care team.",
     "To meet a national NHS requirement, each hub will provide at least one evening a week, and your photographs can be seen only by the reviewing consultant and your own care team.",
     "As a result, no hub will offer evening appointments, and only the reviewing consultant and your own care team can see your photographs.",
     "As a result, every hub will offer at least one evening a week, and only the reviewing consultant and your own care team can see your photographs. Two hubs will also open on Saturday mornings."),
    (PLN, "added_claim",
     "This includes 12 dermatoscopes, DermLink licences and staff training.",
     "The £1.4 million covers 12 dermatoscopes, DermLink licences and staff training.",
     "The £1.4 million covers 12 dermatoscopes, DermLink licences, staff training and new waiting-room furniture for the hubs.",
     "This does not include 12 dermatoscopes, DermLink licences and staff training.",
     "This includes 12 dermatoscopes, DermLink licences and staff training, with the dermatoscopes bought in the first year."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "d%03d" % i, "corpus": "dunmarrow", "doc_id": doc,
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
    # \s also matches no-break spaces (U+00A0), so "01632&nbsp;960300" becomes "01632 960300"
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
    # page furniture: header, navigation, asides, footer (also the quote attributions,
    # which are <footer> elements inside the blockquotes), cookie banner
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
    re.compile(r"^NHS Dunmarrow and Keswyn Integrated Care Board\s+\|\s+.*$"),  # running header
    re.compile(r"^dk-icb\.example/\S+$"),                                      # header URL
    re.compile(r"^Page \d+ of \d+$"),                                          # page number
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
    # one word is hyphenated across a line end ("diag-" / "nosis"): rejoin lower-case halves
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
        if not re.fullmatch(r"d0[0-4]\d", rid) or not (1 <= int(rid[1:]) <= 40):
            errors.append("%s: bad id" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["corpus"] != "dunmarrow":
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
    if sorted(ids) != ["d%03d" % i for i in range(1, 41)]:
        errors.append("ids do not run d001-d040")
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
