#!/usr/bin/env python3
"""Build and check the blind Brackwater support-check table (triples-brackwater.jsonl).

Standard library only. Run: python3 build_brackwater.py
Writes triples-brackwater.jsonl next to this file, then validates it.
"""
import html
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_DIR = os.path.normpath(os.path.join(HERE, "..", "corpora", "brackwater", "corpus"))
OUT = os.path.join(HERE, "triples-brackwater.jsonl")

FIELDS = ["id", "corpus", "doc_id", "source_sentence", "faithful_paraphrase",
          "unfaithful_paraphrase", "unfaithful_kind", "negated", "invented_clause"]
KINDS = ["scope", "modality", "attribution", "direction", "timing", "cause", "added_claim"]

UTC = "brackwater-elmsfield-utc-news"
MAT = "brackwater-maternity-guide"
PTF = "brackwater-patient-transport-faq"

# (doc_id, kind, source_sentence, faithful, unfaithful, negated, invented_clause)
ROWS = [
    # ---------------- brackwater-elmsfield-utc-news (article text only) ----------------
    (UTC, "scope",
     "Residents in Elmsfield and the surrounding villages will be able to get help for minor injuries and urgent illnesses closer to home from next month, when the new Elmsfield Urgent Treatment Centre opens on Monday 6 July 2026 at Elmsfield Community Hospital, Quarry Lane, Elmsfield.",
     "From next month, people living in Elmsfield and nearby villages will be able to get treatment for minor injuries and urgent illnesses nearer to home, as the new Elmsfield Urgent Treatment Centre opens at Elmsfield Community Hospital on Quarry Lane on Monday 6 July 2026.",
     "From next month, people living across Brackwater and Elmsfield will be able to get treatment for minor injuries and urgent illnesses nearer to home, as the new Elmsfield Urgent Treatment Centre opens at Elmsfield Community Hospital on Quarry Lane on Monday 6 July 2026.",
     "Residents in Elmsfield and the surrounding villages will not be able to get help for minor injuries and urgent illnesses closer to home from next month, as the new Elmsfield Urgent Treatment Centre will not open on Monday 6 July 2026 at Elmsfield Community Hospital, Quarry Lane, Elmsfield.",
     "Residents in Elmsfield and the surrounding villages will be able to get help for minor injuries and urgent illnesses closer to home from next month, when the new Elmsfield Urgent Treatment Centre opens on Monday 6 July 2026 at Elmsfield Community Hospital, Quarry Lane, Elmsfield, with a GP out-of-hours service moving into the same building later in the year."),
    (UTC, "timing",
     "The urgent treatment centre (UTC) will be open from 8am to 11pm every day of the year, including bank holidays.",
     "The UTC will open its doors every day of the year, bank holidays included, between 8am and 11pm.",
     "The UTC will open its doors every day of the year, bank holidays included, between 8am and 10pm.",
     "The urgent treatment centre (UTC) will be open from 8am to 11pm, but not every day of the year and not on bank holidays.",
     "The urgent treatment centre (UTC) will be open from 8am to 11pm every day of the year, including bank holidays. Overnight, callers will be directed to NHS 111 or to the emergency department at Brackwater General Hospital."),
    (UTC, "timing",
     "It replaces the Elmsfield Minor Injuries Unit on Tanner Street, which will see its last patients on Sunday 5 July and close at 8pm that evening.",
     "The centre takes over from the Elmsfield Minor Injuries Unit in Tanner Street, which will treat its final patients on Sunday 5 July before shutting at 8pm that night.",
     "The centre takes over from the Elmsfield Minor Injuries Unit in Tanner Street, which will treat its final patients on Saturday 4 July before shutting at 8pm that night.",
     "It does not replace the Elmsfield Minor Injuries Unit on Tanner Street, which will not close on Sunday 5 July and will keep seeing patients.",
     "It replaces the Elmsfield Minor Injuries Unit on Tanner Street, which will see its last patients on Sunday 5 July and close at 8pm that evening. The Tanner Street site will then be handed back to the local council."),
    (UTC, "added_claim",
     "The centre will be run by a team of GPs, emergency nurse practitioners and paramedics.",
     "GPs, emergency nurse practitioners and paramedics will make up the team running the centre.",
     "GPs, emergency nurse practitioners, paramedics and pharmacists will make up the team running the centre.",
     "The centre will not be run by a team of GPs, emergency nurse practitioners and paramedics.",
     "The centre will be run by a team of GPs, emergency nurse practitioners and paramedics, supported by consultants from the emergency department at Brackwater General Hospital."),
    (UTC, "modality",
     "It will have its own X-ray room, which will be available from 8am to 9pm.",
     "There will be a dedicated X-ray room at the centre, which can be used between 8am and 9pm.",
     "There may be a dedicated X-ray room at the centre, which can be used between 8am and 9pm.",
     "It will not have its own X-ray room, so no X-rays will be available from 8am to 9pm.",
     "It will have its own X-ray room, which will be available from 8am to 9pm. Outside these hours, patients who need an X-ray will be asked to return the next morning."),
    (UTC, "attribution",
     "Unlike the old minor injuries unit, which could not see babies under one year old, the new UTC will treat children of all ages.",
     "The new UTC will see children of any age, whereas the old minor injuries unit was unable to treat babies younger than one.",
     "The new UTC will see children of any age, whereas the emergency department at Brackwater General Hospital is unable to treat babies younger than one.",
     "Like the old minor injuries unit, which could not see babies under one year old, the new UTC will not treat children of all ages.",
     "Unlike the old minor injuries unit, which could not see babies under one year old, the new UTC will treat children of all ages, and children will have their own separate waiting area."),
    (UTC, "added_claim",
     "A children's nurse will be on duty every day between 10am and 10pm.",
     "Each day from 10am until 10pm, there will be a children's nurse working at the centre.",
     "Each day from 10am until 10pm, there will be a children's nurse and a play specialist working at the centre.",
     "A children's nurse will not be on duty every day between 10am and 10pm.",
     "A children's nurse will be on duty every day between 10am and 10pm. Outside these hours, parents of very young babies will be advised to go to Brackwater General Hospital."),
    (UTC, "attribution",
     "The emergency department at Brackwater General Hospital remains open 24 hours a day for serious illness and injury.",
     "For serious illnesses and injuries, Brackwater General Hospital's emergency department is still open around the clock.",
     "For serious illnesses and injuries, Elmsfield Community Hospital's emergency department is still open around the clock.",
     "The emergency department at Brackwater General Hospital no longer remains open 24 hours a day for serious illness and injury.",
     "The emergency department at Brackwater General Hospital remains open 24 hours a day for serious illness and injury. Its waiting area is being expanded this summer to cope with rising demand."),
    (UTC, "cause",
     "If 111 decides the UTC is right for you, they can book you a time slot so you spend less time waiting.",
     "If NHS 111 thinks the UTC suits your needs, they can give you a booked time slot to cut down your wait.",
     "If NHS 111 thinks the UTC suits your needs, they can give you a booked time slot to help the centre plan its staffing.",
     "If 111 decides the UTC is right for you, they cannot book you a time slot, so you will not spend less time waiting.",
     "If 111 decides the UTC is right for you, they can book you a time slot so you spend less time waiting. The booking is confirmed by text message with the time you should arrive."),
    (UTC, "modality",
     "Patients with a booked time slot will usually be seen within 30 minutes of their slot.",
     "If you have booked a time slot, you can normally expect to be seen no more than 30 minutes after it.",
     "If you have booked a time slot, you will be seen no more than 30 minutes after it.",
     "Patients with a booked time slot will usually not be seen within 30 minutes of their slot.",
     "Patients with a booked time slot will usually be seen within 30 minutes of their slot, while walk-in patients may wait up to four hours at busy times."),
    (UTC, "direction",
     "The hospital car park is free for the first 30 minutes, and blue badge holders can park free of charge in the marked bays near the main entrance.",
     "Parking at the hospital costs nothing for the first half hour, and people with a blue badge can use the marked bays by the main entrance at no charge.",
     "Parking at the hospital costs nothing after the first half hour, and people with a blue badge can use the marked bays by the main entrance at no charge.",
     "The hospital car park is not free for the first 30 minutes, and blue badge holders cannot park free of charge in the marked bays near the main entrance.",
     "The hospital car park is free for the first 30 minutes, and blue badge holders can park free of charge in the marked bays near the main entrance, and there are drop-off spaces for up to 20 minutes outside the UTC entrance."),
    (UTC, "direction",
     "The Tanner Street building was more than 60 years old and too small for modern equipment.",
     "Built over six decades ago, the Tanner Street premises lacked the space needed for modern equipment.",
     "Built almost six decades ago, the Tanner Street premises lacked the space needed for modern equipment.",
     "The Tanner Street building was not more than 60 years old and was not too small for modern equipment.",
     "The Tanner Street building was more than 60 years old and too small for modern equipment. Its roof also needed repairs costing more than £500,000."),
    (UTC, "attribution",
     "The ICB has invested £4.2 million in refurbishing the former outpatient wing at Elmsfield Community Hospital to create the new centre, which is expected to see around 28,000 patients in its first year.",
     "To create the new centre, the ICB has spent £4.2 million on refurbishing the old outpatient wing at Elmsfield Community Hospital, and around 28,000 patients are expected to use it in its first year.",
     "To create the new centre, Brackwater and Elmsfield Hospitals NHS Trust has spent £4.2 million on refurbishing the old outpatient wing at Elmsfield Community Hospital, and around 28,000 patients are expected to use it in its first year.",
     "The ICB has not invested £4.2 million in refurbishing the former outpatient wing at Elmsfield Community Hospital to create the new centre, which is expected to see around 28,000 patients in its first year.",
     "The ICB has invested £4.2 million in refurbishing the former outpatient wing at Elmsfield Community Hospital to create the new centre, which is expected to see around 28,000 patients in its first year. The work was finished three weeks ahead of schedule."),
    (UTC, "scope",
     "Being able to see children of all ages, with a children's nurse on site, was one of the most common requests we heard during our engagement last autumn.",
     "During last autumn's engagement, one of the requests we heard most often was for children of every age to be seen, with a children's nurse on site.",
     "During last autumn's engagement, the request we heard most often was for children of every age to be seen, with a children's nurse on site.",
     "Being able to see children of all ages, with a children's nurse on site, was not one of the most common requests we heard during our engagement last autumn.",
     "Being able to see children of all ages, with a children's nurse on site, was one of the most common requests we heard during our engagement last autumn. More than 1,200 local people took part in that engagement."),

    # ---------------- brackwater-maternity-guide ----------------
    (MAT, "attribution",
     "Maternity care in our area is provided by Brackwater and Elmsfield Hospitals NHS Trust.",
     "Brackwater and Elmsfield Hospitals NHS Trust is the provider of local maternity care.",
     "NHS Brackwater and Elmsfield ICB is the provider of local maternity care.",
     "Maternity care in our area is not provided by Brackwater and Elmsfield Hospitals NHS Trust.",
     "Maternity care in our area is provided by Brackwater and Elmsfield Hospitals NHS Trust, which employs around 300 midwives."),
    (MAT, "modality",
     "As soon as you know you are pregnant, you can refer yourself to a midwife.",
     "You are able to self-refer to a midwife as soon as you find out you are pregnant.",
     "You are required to self-refer to a midwife as soon as you find out you are pregnant.",
     "As soon as you know you are pregnant, you cannot refer yourself to a midwife.",
     "As soon as you know you are pregnant, you can refer yourself to a midwife, and you will be offered a first appointment within two weeks."),
    (MAT, "direction",
     "Please try to book by the time you are 10 weeks pregnant, so that there is time to offer you all of your early screening tests.",
     "Aim to have booked by 10 weeks of pregnancy, so there is enough time to offer you every early screening test.",
     "Aim to book once you are past 10 weeks of pregnancy, so there is enough time to offer you every early screening test.",
     "You do not need to book by the time you are 10 weeks pregnant to be offered all of your early screening tests.",
     "Please try to book by the time you are 10 weeks pregnant, so that there is time to offer you all of your early screening tests. Women expecting twins are asked to book by 8 weeks."),
    (MAT, "scope",
     "You can bring one adult with you to your scans.",
     "One adult is allowed to come along to your scans with you.",
     "One adult is allowed to come along to all your pregnancy appointments with you.",
     "You cannot bring an adult with you to your scans.",
     "You can bring one adult with you to your scans. Printed scan photos are available for a small charge."),
    (MAT, "cause",
     "Children cannot come to scan appointments because of limited space.",
     "Because space is limited, children are not allowed at scan appointments.",
     "Because of infection control rules, children are not allowed at scan appointments.",
     "Children can come to scan appointments because there is plenty of space.",
     "Children cannot come to scan appointments because of limited space. Childcare can be arranged through your local children's centre if needed."),
    (MAT, "added_claim",
     "The Elmsfield Birth Centre has four birthing rooms.",
     "There are four rooms for giving birth at the Elmsfield Birth Centre.",
     "There are four rooms for giving birth at the Elmsfield Birth Centre, each with its own birth pool.",
     "The Elmsfield Birth Centre does not have four birthing rooms.",
     "The Elmsfield Birth Centre has four birthing rooms, each with an en-suite bathroom and a double bed for birth partners."),
    (MAT, "timing",
     "Face-to-face courses are held on Tuesday evenings at the Elmsfield Birth Centre and on Saturday mornings at Brackwater General Hospital.",
     "In-person courses take place at the Elmsfield Birth Centre on Tuesday evenings and at Brackwater General Hospital on Saturday mornings.",
     "In-person courses take place at the Elmsfield Birth Centre on Thursday evenings and at Brackwater General Hospital on Saturday mornings.",
     "Face-to-face courses are not held on Tuesday evenings at the Elmsfield Birth Centre or on Saturday mornings at Brackwater General Hospital.",
     "Face-to-face courses are held on Tuesday evenings at the Elmsfield Birth Centre and on Saturday mornings at Brackwater General Hospital. Each session lasts two hours and partners are welcome."),
    (MAT, "direction",
     "Ask your midwife to book you on, ideally from around 30 weeks of pregnancy.",
     "Ask your midwife to book you a place, preferably once you reach about 30 weeks of pregnancy.",
     "Ask your midwife to book you a place, preferably before you reach about 30 weeks of pregnancy.",
     "Do not ask your midwife to book you on from around 30 weeks of pregnancy.",
     "Ask your midwife to book you on, ideally from around 30 weeks of pregnancy. Places on the Saturday course fill up quickly, so booking early is advised."),
    (MAT, "scope",
     "Most people who give birth at Brackwater General Hospital stay on Willow Ward, our postnatal ward.",
     "After giving birth at Brackwater General Hospital, the majority of people stay on our postnatal ward, Willow Ward.",
     "After giving birth at Brackwater General Hospital, everyone stays on our postnatal ward, Willow Ward.",
     "Most people who give birth at Brackwater General Hospital do not stay on Willow Ward, our postnatal ward.",
     "Most people who give birth at Brackwater General Hospital stay on Willow Ward, our postnatal ward, which has 28 beds and six single rooms."),
    (MAT, "attribution",
     "Once you are home, a midwife will visit you the day after you leave hospital.",
     "A midwife will come to see you at home on the day after you are discharged from hospital.",
     "A health visitor will come to see you at home on the day after you are discharged from hospital.",
     "Once you are home, a midwife will not visit you the day after you leave hospital.",
     "Once you are home, a midwife will visit you the day after you leave hospital. They will weigh your baby and offer the newborn blood spot test."),
    (MAT, "timing",
     "Your care then passes to a health visitor when your baby is around 10 to 14 days old.",
     "A health visitor takes over your care once your baby is roughly 10 to 14 days old.",
     "A health visitor takes over your care once your baby is roughly 6 to 8 weeks old.",
     "Your care does not pass to a health visitor when your baby is around 10 to 14 days old.",
     "Your care then passes to a health visitor when your baby is around 10 to 14 days old. The health visitor will then see you again when your baby is six to eight weeks old."),
    (MAT, "direction",
     "They can refer you to the Lighthouse Perinatal Mental Health Team, which supports people with moderate to severe mental health difficulties from pregnancy until their baby is two years old.",
     "They are able to refer you to the Lighthouse Perinatal Mental Health Team, which helps people with moderate or severe mental health problems from pregnancy up to their baby's second birthday.",
     "They are able to refer you to the Lighthouse Perinatal Mental Health Team, which helps people with mild or moderate mental health problems from pregnancy up to their baby's second birthday.",
     "They cannot refer you to the Lighthouse Perinatal Mental Health Team, which supports people with moderate to severe mental health difficulties from pregnancy until their baby is two years old.",
     "They can refer you to the Lighthouse Perinatal Mental Health Team, which supports people with moderate to severe mental health difficulties from pregnancy until their baby is two years old. You can also refer yourself to the team by phone."),
    (MAT, "cause",
     "Please tell your midwife which language you prefer at your booking appointment so that one can be arranged for every appointment.",
     "At your booking appointment, let your midwife know your preferred language, so that an interpreter can be organised for each of your appointments.",
     "At your booking appointment, let your midwife know your preferred language, so that your letters can be sent to you in that language.",
     "Please do not tell your midwife which language you prefer at your booking appointment, as one cannot be arranged for every appointment.",
     "Please tell your midwife which language you prefer at your booking appointment so that one can be arranged for every appointment. Written information about your care is also available in Polish, Urdu and Romanian."),

    # ---------------- brackwater-patient-transport-faq ----------------
    (PTF, "scope",
     "Non-emergency patient transport in our area is provided by Elmsway Patient Transport on behalf of the ICB.",
     "Elmsway Patient Transport runs local non-emergency patient transport for the ICB.",
     "Elmsway Patient Transport runs all local patient transport for the ICB.",
     "Non-emergency patient transport in our area is not provided by Elmsway Patient Transport on behalf of the ICB.",
     "Non-emergency patient transport in our area is provided by Elmsway Patient Transport on behalf of the ICB, under a five-year contract that began in April 2024."),
    (PTF, "timing",
     "The lines are open Monday to Friday, 8am to 6pm, and Saturday, 9am to 1pm.",
     "You can call between 8am and 6pm on weekdays, and from 9am until 1pm on Saturdays.",
     "You can call between 8am and 6pm on weekdays, and from 9am until 12 noon on Saturdays.",
     "The lines are not open on Saturdays, only Monday to Friday, 8am to 6pm.",
     "The lines are open Monday to Friday, 8am to 6pm, and Saturday, 9am to 1pm. Calls are busiest on Monday mornings, so you may find it quicker to call later in the week."),
    (PTF, "added_claim",
     "An escort can travel with you only if there is a medical reason, for example if you have dementia or need help during the journey.",
     "Someone may accompany you only where there is a medical need, such as if you have dementia or require assistance on the way.",
     "Someone may accompany you only where there is a medical need, such as if you have dementia or a learning disability or require assistance on the way.",
     "An escort cannot travel with you, even if there is a medical reason such as dementia or needing help during the journey.",
     "An escort can travel with you only if there is a medical reason, for example if you have dementia or need help during the journey. Escorts must be aged 18 or over."),
    (PTF, "modality",
     "Children under 16 must be accompanied by a parent or guardian.",
     "A parent or guardian has to travel with any child aged under 16.",
     "A parent or guardian can travel with any child aged under 16.",
     "Children under 16 do not need to be accompanied by a parent or guardian.",
     "Children under 16 must be accompanied by a parent or guardian. Young people aged 16 and 17 can travel alone if they have written consent."),
    (PTF, "cause",
     "Please be ready from 2 hours before your appointment time, because your driver may arrive up to 2 hours early in order to collect other patients on the way.",
     "Have yourself ready two hours ahead of your appointment, as the driver might turn up as much as two hours early so that other patients can be picked up en route.",
     "Have yourself ready two hours ahead of your appointment, as the driver might turn up as much as two hours early to allow for traffic delays on the way.",
     "You do not need to be ready from 2 hours before your appointment time, because your driver will not arrive early to collect other patients on the way.",
     "Please be ready from 2 hours before your appointment time, because your driver may arrive up to 2 hours early in order to collect other patients on the way. The driver will phone you when they are about 15 minutes away."),
    (PTF, "direction",
     "You may have to wait up to 90 minutes for your return journey.",
     "Your journey home could involve a wait of as long as 90 minutes.",
     "Your journey home could involve a wait of at least 90 minutes.",
     "You will not have to wait up to 90 minutes for your return journey.",
     "You may have to wait up to 90 minutes for your return journey. Hot drinks are available in the transport lounge while you wait."),
    (PTF, "modality",
     "Please call the booking centre as soon as you know, and at least 24 hours before your journey if you can.",
     "Ring the booking centre the moment you know, and if possible no later than 24 hours before you are due to travel.",
     "Ring the booking centre the moment you know, and in every case no later than 24 hours before you are due to travel.",
     "You do not need to call the booking centre as soon as you know or at least 24 hours before your journey.",
     "Please call the booking centre as soon as you know, and at least 24 hours before your journey if you can. You can also leave a message on the answerphone outside opening hours."),
    (PTF, "attribution",
     "Your journeys are arranged by the renal unit at Brackwater General Hospital rather than by the booking centre.",
     "Rather than going through the booking centre, your travel is organised by Brackwater General Hospital's renal unit.",
     "Rather than going through the booking centre, your travel is organised by Elmsway Patient Transport.",
     "Your journeys are not arranged by the renal unit at Brackwater General Hospital but by the booking centre.",
     "Your journeys are arranged by the renal unit at Brackwater General Hospital rather than by the booking centre. The renal unit will give you a regular pick-up time for each dialysis session."),
    (PTF, "modality",
     "Drivers use their own cars and ask for a contribution of 45p per mile.",
     "Drivers travel in their own vehicles and ask passengers to chip in 45p for every mile.",
     "Drivers travel in their own vehicles and require passengers to pay 45p for every mile.",
     "Drivers use their own cars and do not ask for a contribution of 45p per mile.",
     "Drivers use their own cars and ask for a contribution of 45p per mile. The scheme has around 40 volunteer drivers."),
    (PTF, "scope",
     "Some people getting Universal Credit can also claim, depending on their earnings.",
     "Depending on their earnings, certain Universal Credit recipients are eligible to claim as well.",
     "Universal Credit recipients are eligible to claim as well.",
     "People getting Universal Credit cannot claim, whatever their earnings.",
     "Some people getting Universal Credit can also claim, depending on their earnings. You will need to show your latest Universal Credit statement when you claim."),
    (PTF, "timing",
     "If you cannot claim on the day, you can claim by post within 3 months of your appointment.",
     "Should you be unable to claim on the day itself, a postal claim can be made up to three months after your appointment.",
     "Should you be unable to claim on the day itself, a postal claim can be made up to six months after your appointment.",
     "If you cannot claim on the day, you cannot claim by post afterwards.",
     "If you cannot claim on the day, you can claim by post within 3 months of your appointment. Postal claims are usually paid within 15 working days."),
    (PTF, "added_claim",
     "Free parking permits are also available for parents of sick children staying in hospital overnight, and for patients who need to attend very frequently, such as people having chemotherapy or radiotherapy.",
     "Parents whose sick child is staying overnight in hospital can also get a free parking permit, as can patients who have to come in very often, for example for chemotherapy or radiotherapy.",
     "Parents whose sick child is staying overnight in hospital can also get a free parking permit, as can patients who have to come in very often, for example for chemotherapy, radiotherapy or kidney dialysis.",
     "Free parking permits are not available for parents of sick children staying in hospital overnight, or for patients who need to attend very frequently, such as people having chemotherapy or radiotherapy.",
     "Free parking permits are also available for parents of sick children staying in hospital overnight, and for patients who need to attend very frequently, such as people having chemotherapy or radiotherapy. Each permit is valid for up to 12 weeks and can be renewed."),
    (PTF, "cause",
     "Because these journeys are longer, please book at least 5 working days before your appointment.",
     "Since these trips take longer, please book them a minimum of five working days before your appointment.",
     "Since fewer vehicles cover these trips, please book them a minimum of five working days before your appointment.",
     "Although these journeys are longer, you do not need to book at least 5 working days before your appointment.",
     "Because these journeys are longer, please book at least 5 working days before your appointment. A driver break may be scheduled on journeys of more than two hours."),
]


def build():
    rows = []
    for i, (doc, kind, src, faith, unfaith, neg, inv) in enumerate(ROWS, 1):
        rows.append({
            "id": "b%03d" % i, "corpus": "brackwater", "doc_id": doc,
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


def visible_text(doc_id):
    names = [n for n in os.listdir(CORPUS_DIR) if os.path.splitext(n)[0] == doc_id]
    if len(names) != 1:
        raise SystemExit("cannot find a single file for %s: %r" % (doc_id, names))
    path = os.path.join(CORPUS_DIR, names[0])
    ext = os.path.splitext(path)[1].lower()
    raw = open(path, encoding="utf-8").read()
    if ext in (".html", ".htm"):
        t = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", " ", raw)
        t = re.sub(r"(?s)<!--.*?-->", " ", t)
        t = re.sub(r"(?s)<[^>]+>", " ", t)
        t = html.unescape(t)
    elif ext == ".md":
        lines = []
        for line in raw.splitlines():
            line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)
            lines.append(line)
        t = "\n".join(lines).replace("**", "")
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
        if not re.fullmatch(r"b0[0-4]\d", rid) or not (1 <= int(rid[1:]) <= 40):
            errors.append("%s: bad id" % rid)
        if rid in ids:
            errors.append("%s: duplicate id" % rid)
        ids.add(rid)
        if r["corpus"] != "brackwater":
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
    kinds = Counter(r["unfaithful_kind"] for r in rows)
    for k in KINDS:
        if not 5 <= kinds.get(k, 0) <= 6:
            errors.append("kind %s used %d times (want 5-6)" % (k, kinds.get(k, 0)))
    for d in pub:
        if not any(r["doc_id"] == d for r in rows):
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
